using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using FieldContracts.Administration.Deficiencies;
using FieldContracts.Scheduling.Specification;
using FieldContracts.Web.Demo;
using FieldContracts.Web.Features.Jobs;
using FieldContracts.Web.Tests.Features.Performance;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FieldContracts.Web.Tests.Features.Billing;

/// <summary>
/// What the billing API tests share: #2685's demo installments (period 1, May 15–31, 2003 and period 2, June 2003, both
/// certified and awaiting Finance), the clock, the people, visits logged and verified through the work-log API, and
/// missed work raised by the nightly pass.
/// </summary>
internal static class BillingFlow
{
    public const string Invoices = "/api/contracts/2685/invoices";

    /// <summary>The sample bid schedule's mowing price, per school per visit (item 2).</summary>
    public const decimal MowingPrice = 385.00m;

    /// <summary>The deduction value of item 1, the per-school lump sum, for one unit of its work not performed.</summary>
    public const decimal LumpSumDeduction = 425.00m;

    /// <summary>The demo installments' nets: 17/597 and 30/597 of the three lump sums ($18,450, $17,960, $16,875).</summary>
    public const decimal Period1Net = 1517.33m;

    public const decimal Period2Net = 2677.64m;

    /// <summary>
    /// Each school's lump sum share of a 31-day month, 31/597 of its lump sum (July and August 2003): $2,766.90 together.
    /// May 15–31 is $525.38, $511.42 and $480.53; June $927.14, $902.51 and $847.99.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, decimal> LumpSumsOf31Days = new Dictionary<string, decimal>
    {
        ["HPHS"] = 958.04m, ["WHS"] = 932.60m, ["BHS"] = 876.26m,
    };

    public static readonly IReadOnlyDictionary<string, decimal> LumpSumsOfMay15To31 = new Dictionary<string, decimal>
    {
        ["HPHS"] = 525.38m, ["WHS"] = 511.42m, ["BHS"] = 480.53m,
    };

    /// <summary>The same amounts for the same schools (or lines), whatever the order.</summary>
    public static void AssertAmounts(IReadOnlyDictionary<string, decimal> expected, IReadOnlyDictionary<string, decimal> actual) =>
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal).ToList(), actual.OrderBy(p => p.Key, StringComparer.Ordinal).ToList());

    /// <summary>The lump-sum lines of an invoice or draft, by school.</summary>
    public static Dictionary<string, decimal> LumpSums(JsonElement invoice) =>
        Lines(invoice, "LumpSum").ToDictionary(l => l.GetProperty("school").GetString()!, l => Amount(l.GetProperty("amount")));

    /// <summary>Specification items paid by item 1's lump sum, and by item 2 per visit.</summary>
    public static readonly string[] LumpSumItems = ["1a", "1b", "1c", "2a", "2b", "2c", "3a", "3b", "3d", "3e", "4b", "4c", "4d", "4e", "5b"];

    public static readonly string[] MowingItems = ["2d", "3c", "4a", "5a"];

    /// <summary>Puts the application's clock at 9:00 on <paramref name="day"/>, Hartford time.</summary>
    public static void SetToday(TestApp app, LocalDate day) => CaseFlow.SetToday(app, day);

    public static LocalDate Day(int month, int day, int year = 2003) => new(year, month, day);

    public static Task<HttpClient> CrewAsync(TestApp app) => app.SignedInAsync(TestApp.EmailOf(Roles.Contractor));

    public static Task<HttpClient> DirectorAsync(TestApp app) => app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));

    public static Task<HttpClient> FinanceAsync(TestApp app) => app.SignedInAsync(TestApp.EmailOf(Roles.Finance));

    public static Task<HttpClient> PurchasingAsync(TestApp app) => app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body) => CaseFlow.PostAsync(client, path, body);

    public static async Task<JsonElement> BodyAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await BodyAsync(response);
    }

    /// <summary>A money value as the API writes it: <c>{"amount": 385.00, ...}</c>.</summary>
    public static decimal Amount(JsonElement money) => money.GetProperty("amount").GetDecimal();

    public static decimal Net(JsonElement invoice) => Amount(invoice.GetProperty("net"));

    public static string Status(JsonElement invoice) => invoice.GetProperty("status").GetString()!;

    public static IReadOnlyList<string> Steps(JsonElement invoice) =>
        invoice.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("action").GetString()!).ToList();

    public static IReadOnlyList<JsonElement> Lines(JsonElement invoice, string kind) =>
        invoice.GetProperty("lines").EnumerateArray().Where(l => l.GetProperty("kind").GetString() == kind).ToList();

    public static IReadOnlyList<Guid> Sources(JsonElement line) => line.GetProperty("sourceIds").EnumerateArray().Select(s => s.GetGuid()).ToList();

    /// <summary>The id of #2685's invoice of <paramref name="period"/>, read from the database.</summary>
    public static async Task<Guid> InvoiceIdAsync(TestApp app, int period)
    {
        await using var db = app.Database.CreateContext();
        return await db.Invoices.Where(i => i.PeriodNumber == period && db.Contracts.Any(c => c.Id == i.ContractId && c.Number == "2685"))
            .Select(i => i.Id).SingleAsync();
    }

    public static Task<JsonElement> InvoiceAsync(HttpClient client, Guid id) => GetJsonAsync(client, $"{Invoices}/{id}");

    /// <summary>The drawn-up installment of a period not yet submitted, as the contractor reviews it.</summary>
    public static Task<JsonElement> DraftAsync(HttpClient client, int period) => GetJsonAsync(client, $"/api/contracts/2685/billing-periods/{period}/draft");

    public static Task<JsonElement> OverviewAsync(HttpClient client) => GetJsonAsync(client, "/api/contracts/2685/billing-periods");

    public static Task<HttpResponseMessage> SubmitAsync(HttpClient crew, int period, string? note = null) =>
        PostAsync(crew, Invoices, new { period, note });

    public static Task<HttpResponseMessage> CertifyAsync(HttpClient director, Guid id, params object[] exclusions) =>
        PostAsync(director, $"{Invoices}/{id}/certify", new { exclusions });

    public static Task<HttpResponseMessage> ApproveAsync(HttpClient finance, Guid id) => finance.PostAsync($"{Invoices}/{id}/approve", null);

    /// <summary>Asserts the status, and for a refusal that the answer is problem details; returns the body.</summary>
    public static async Task<JsonElement> ExpectAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)status}, got {(int)response.StatusCode} {text}");
        if ((int)status >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The messages of a validation problem at <paramref name="field"/>.</summary>
    public static IReadOnlyList<string> Errors(JsonElement problem, string field) =>
        problem.GetProperty("errors").TryGetProperty(field, out var messages) ? messages.EnumerateArray().Select(m => m.GetString()!).ToList() : [];

    /// <summary>
    /// The crew logs the first mowing planned at <paramref name="site"/> on or after <paramref name="from"/>, on its
    /// planned day at 6 p.m.; with <paramref name="verify"/> the Athletic Director verifies it then. Returns the visit and its day.
    /// </summary>
    public static async Task<(Guid Visit, LocalDate Day)> LogMowingAsync(TestApp app, string site, LocalDate from, bool verify = true)
    {
        Guid occurrence;
        LocalDate day;
        await using (var db = app.Database.CreateContext())
        {
            var siteId = await SiteIdAsync(db, site);
            var planned = (await db.Occurrences.AsNoTracking()
                    .Where(o => o.SiteId == siteId && o.Kind == TaskKind.Mowing && !o.Cancelled && o.LoggedOn == null && o.PlannedDate >= from)
                    .ToListAsync())
                .OrderBy(o => o.PlannedDate).First();
            (occurrence, day) = (planned.Id, planned.PlannedDate!.Value);
        }

        app.Clock.Reset(day.At(new LocalTime(18, 0)).InZoneStrictly(CaseFlow.Hartford).ToInstant());
        var crew = await CrewAsync(app);
        var area = await AreaAsync(app, site);
        var logged = await ExpectAsync(await crew.PostAsync("/api/worklogs", WorkLogs.WorkLogFixtures.Json(
            WorkLogs.WorkLogFixtures.Mowing(occurrence, day, [WorkLogs.WorkLogFixtures.Height(area, 2.25m, 3m)]))), HttpStatusCode.Created);
        var visit = logged.GetProperty("id").GetGuid();
        if (verify)
        {
            await VerifyAsync(app, visit);
        }

        return (visit, day);
    }

    /// <summary>The Athletic Director verifies a visit (the work was done as logged), at the clock's time.</summary>
    public static async Task VerifyAsync(TestApp app, Guid visit)
    {
        var director = await DirectorAsync(app);
        var verified = await ExpectAsync(await director.PostAsync($"/api/worklogs/{visit}/verify", null), HttpStatusCode.OK);
        Assert.Equal("Verified", verified.GetProperty("status").GetString());
    }

    /// <summary>
    /// Runs the nightly missed-work pass on July 10, 2003 (idempotent) and returns #2685's open missed-work deficiencies
    /// at <paramref name="site"/> whose planned work is one of <paramref name="items"/>, the latest window first.
    /// </summary>
    public static async Task<IReadOnlyList<Guid>> OpenMissedWorkAsync(TestApp app, string site, IReadOnlyCollection<string> items)
    {
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MissedWorkHandler>().HandleAsync(Day(7, 10), CancellationToken.None);
        }

        await using var db = app.Database.CreateContext();
        var siteId = await SiteIdAsync(db, site);
        var found = await (
                from d in db.Deficiencies.AsNoTracking()
                join o in db.Occurrences.AsNoTracking() on d.OccurrenceId equals o.Id
                where d.Kind == DeficiencyKind.MissedWork && d.Status == DeficiencyStatus.Open && o.SiteId == siteId
                select new { d.Id, o.ItemReference, o.WindowEnd, d.DedupKey })
            .ToListAsync();
        return found.Where(f => items.Contains(f.ItemReference)).OrderByDescending(f => f.WindowEnd).ThenBy(f => f.DedupKey, StringComparer.Ordinal)
            .Select(f => f.Id).ToList();
    }

    /// <summary>A user of the demo's password in several roles at once, working for #2685's contractor when a contractor.</summary>
    public static async Task<string> CreateUserAsync(TestApp app, string email, params string[] roles)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<FieldContracts.Data.FieldContractsDbContext>();
        var contractorId = roles.Contains(Roles.Contractor)
            ? await db.Contracts.Where(c => c.Number == "2685").Select(c => (Guid?)c.ContractorId).SingleAsync()
            : null;
        var user = new AppUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = string.Join(" and ", roles) + " (test)", ContractorId = contractorId,
        };
        var created = await users.CreateAsync(user, DemoData.Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRolesAsync(user, roles)).Succeeded);
        return email;
    }

    public static decimal Parse(string amount) =>
        decimal.Parse(amount, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    private static async Task<Guid> SiteIdAsync(FieldContracts.Data.FieldContractsDbContext db, string site) =>
        await db.Sites.Where(s => s.Code == site && db.Contracts.Any(c => c.Id == s.ContractId && c.Number == "2685")).Select(s => s.Id).SingleAsync();

    private static async Task<Guid> AreaAsync(TestApp app, string site) =>
        await new WorkLogs.WorkLogFixtures(app).AreaAsync(site, site == "HPHS" ? "Baseball outfield" : site == "WHS" ? "Football field" : "Softball outfield");
}
