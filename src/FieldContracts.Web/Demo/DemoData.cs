using System.Text.Json;
using FieldContracts.Data;
using FieldContracts.Data.Identity;
using FieldContracts.Web.Features.Contracts;
using FieldContracts.Web.Features.Schedule;
using FieldContracts.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

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

        logger.LogInformation("Demo mode: loaded contract #2685 and one user per role (password in the README).");
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
