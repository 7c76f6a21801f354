using System.Text.Json;
using FieldContracts.Administration.Billing;
using FieldContracts.Data;
using FieldContracts.Data.Identity;
using FieldContracts.Web.Features.Billing;
using FieldContracts.Web.Features.Contracts;
using FieldContracts.Web.Features.Schedule;
using FieldContracts.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Web.Demo;

/// <summary>
/// Reference data every installation needs (the four roles) and, in demo mode, contract #2685 with
/// one user per role. Demo users are never created in Production, whatever the configuration says.
/// </summary>
public sealed class DemoData(
    FieldContractsDbContext db,
    ImportContractHandler importer,
    SetSchoolCalendar setSchoolCalendar,
    PlanService plans,
    BillingBooks billing,
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    IConfiguration configuration,
    IHostEnvironment environment,
    ILogger<DemoData> logger)
{
    /// <summary>The password of every demo user (README). Demo mode only; never in Production.</summary>
    public const string Password = "FieldContracts-2685";

    public static readonly IReadOnlyList<(string Email, string Name, string Role)> Users =
    [
        ("purchasing@hartford.example", "Pat Purchasing", Roles.Purchasing),
        ("athletics@hartford.example", "Alex Athletics", Roles.AthleticDirector),
        ("crew@contractor.example", "Sam Crew", Roles.Contractor),
        ("finance@hartford.example", "Fran Finance", Roles.Finance),
    ];

    public async Task PrepareAsync(CancellationToken ct)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Ensure(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");
            }
        }

        // A contract set up before plans were stored gets its plan now; a no-op once it has one.
        foreach (var contractId in await db.Contracts.Select(c => c.Id).ToListAsync(ct))
        {
            await plans.EnsurePlanAsync(contractId, "system", ct);
        }

        if (!configuration.GetValue<bool>("Demo:Enabled"))
        {
            return;
        }

        if (environment.IsProduction())
        {
            logger.LogWarning("Demo:Enabled is ignored in Production: no demo contract or users are created.");
            return;
        }

        if (await db.Contracts.AnyAsync(ct) || await db.Users.AnyAsync(ct))
        {
            return;
        }

        var result = await importer.HandleAsync(await LoadContract2685Async(ct), "demo data", ct);
        if (result is not ImportResult.Created)
        {
            throw new InvalidOperationException($"The demo contract could not be loaded: {result}");
        }

        var contract = await db.Contracts.AsNoTracking().Include(c => c.Sites).SingleAsync(c => c.Number == "2685", ct);
        foreach (var site in contract.Sites)
        {
            var (_, error) = await setSchoolCalendar.HandleAsync(contract.Id, site.Id, SampleSchoolCalendars.For(site.Code),
                "Sample school calendar (demo data)", "demo data", ct);
            if (error is not null)
            {
                throw new InvalidOperationException($"The sample calendar of {site.Code} was refused: {error}");
            }
        }

        var contractorId = contract.ContractorId;
        foreach (var (email, name, role) in Users)
        {
            var user = new AppUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = name,
                ContractorId = role == Roles.Contractor ? contractorId : null,
            };
            Ensure(await users.CreateAsync(user, Password), $"user {email}");
            Ensure(await users.AddToRoleAsync(user, role), $"role of {email}");
        }

        await SampleInvoicesAsync(contract.Id, ct);
        await SampleLicences.AddAsync(db, contractorId, Users.Single(u => u.Role == Roles.Contractor).Email, ct);
        await db.SaveChangesAsync(ct);
        await SampleInsurance.AddAsync(db, Features.Deliverables.DocumentStore.FromConfiguration(configuration, environment), contract.Id, ct);
        logger.LogInformation("Demo mode: loaded contract #2685 and one user per role (password in the README).");
    }

    /// <summary>
    /// Sample installments, labelled as such: the contractor submitted May 15–31, 2003 on June 2 and June on July 2, the
    /// Athletic Director certified each; both await Finance, payable from July 1, 2003 (special instruction 12).
    /// </summary>
    private async Task SampleInvoicesAsync(Guid contractId, CancellationToken ct)
    {
        var contractor = Users.Single(u => u.Role == Roles.Contractor).Email;
        var director = Users.Single(u => u.Role == Roles.AthleticDirector).Email;
        Invoice? previous = null;
        foreach (var (period, submittedOn, certifiedOn) in new[]
                 {
                     (1, new LocalDate(2003, 6, 2), new LocalDate(2003, 6, 4)),
                     (2, new LocalDate(2003, 7, 2), new LocalDate(2003, 7, 7)),
                 })
        {
            var contract = await db.Contracts.Include(c => c.PriceLines).Include(c => c.Sites).AsSplitQuery().SingleAsync(c => c.Id == contractId, ct);
            var book = await billing.LoadAsync(contract, submittedOn, ct);
            var draft = book.DraftOf(period) ?? throw new InvalidOperationException($"No sample installment for period {period}.");
            var (invoice, refusal) = Invoice.Submit(contract.Id, contract.ContractorId, draft, previous,
                "Sample installment (demo data): sample prices, not the awarded bid's.", contractor, At(submittedOn), submittedOn);
            Ensure(refusal, $"sample invoice {period}");
            Ensure(invoice!.Certify(director, At(certifiedOn)), $"certification of sample invoice {period}");
            db.Invoices.Add(invoice);
            await db.SaveChangesAsync(ct);
            previous = invoice;
        }

        static Instant At(LocalDate day) => day.At(new LocalTime(9, 30)).InZoneStrictly(Hartford.Zone).ToInstant();

        static void Ensure(InvoiceRefusal? refusal, string what)
        {
            if (refusal is not null)
            {
                throw new InvalidOperationException($"The demo {what} was refused: {refusal.Message}");
            }
        }
    }

    /// <summary>The demo data file for bid #2685, as shipped inside the application.</summary>
    public static async Task<ContractDocument> LoadContract2685Async(CancellationToken ct)
    {
        await using var stream = typeof(DemoData).Assembly.GetManifestResourceStream("FieldContracts.Web.Demo.contract-2685.json")
            ?? throw new InvalidOperationException("The demo data file is missing from the build.");
        return await JsonSerializer.DeserializeAsync<ContractDocument>(stream, JsonConfiguration.Options, ct)
            ?? throw new InvalidOperationException("The demo data file is empty.");
    }

    private static void Ensure(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
