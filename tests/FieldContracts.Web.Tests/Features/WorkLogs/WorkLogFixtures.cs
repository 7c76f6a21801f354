using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FieldContracts.Data.Planning;
using FieldContracts.Scheduling.Specification;
using Microsoft.EntityFrameworkCore;

namespace FieldContracts.Web.Tests.Features.WorkLogs;

/// <summary>Contract #2685's planned work and areas, and visits as a crew leader's phone would send them.</summary>
internal sealed class WorkLogFixtures(TestApp app)
{
    public static readonly DateTimeZone Hartford = DateTimeZoneProviders.Tzdb["America/New_York"];

    public const string Crew = "crew@contractor.example";

    public Task<HttpClient> CrewAsync() => app.SignedInAsync(TestApp.EmailOf(Roles.Contractor));

    public Task<HttpClient> DirectorAsync() => app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));

    /// <summary>Moves the application's clock to a local time in Hartford.</summary>
    public void Now(int month, int day, int hour, int minute = 0) =>
        app.Clock.Reset(new LocalDateTime(2003, month, day, hour, minute).InZoneStrictly(Hartford).ToInstant());

    public async Task<OccurrenceRecord> OccurrenceAsync(string taskKey, string site, int year = 2003, string contract = "2685",
        LocalDate? plannedFrom = null)
    {
        await using var db = app.Database.CreateContext();
        var contractId = await db.Contracts.Where(c => c.Number == contract).Select(c => c.Id).SingleAsync();
        var siteId = await db.Sites.Where(s => s.ContractId == contractId && s.Code == site).Select(s => s.Id).SingleAsync();
        var rows = await db.Occurrences.AsNoTracking()
            .Where(o => o.ContractId == contractId && o.SiteId == siteId && o.TaskKey == taskKey && o.Year == year && !o.Cancelled)
            .ToListAsync();
        return rows.Where(o => plannedFrom is null || o.PlannedDate >= plannedFrom).OrderBy(o => o.PlannedDate).First();
    }

    /// <summary>The first mowing at a school planned on or after a day.</summary>
    public async Task<OccurrenceRecord> MowingAsync(string site, LocalDate from)
    {
        await using var db = app.Database.CreateContext();
        var siteId = await db.Sites.Where(s => s.Code == site && db.Contracts.Any(c => c.Id == s.ContractId && c.Number == "2685"))
            .Select(s => s.Id).SingleAsync();
        var rows = await db.Occurrences.AsNoTracking()
            .Where(o => o.SiteId == siteId && o.Kind == TaskKind.Mowing && !o.Cancelled && o.PlannedDate >= from).ToListAsync();
        return rows.OrderBy(o => o.PlannedDate).First();
    }

    public async Task<OccurrenceRecord> ReloadAsync(Guid id)
    {
        await using var db = app.Database.CreateContext();
        return await db.Occurrences.AsNoTracking().SingleAsync(o => o.Id == id);
    }

    public async Task<Guid> AreaAsync(string site, string name, string contract = "2685")
    {
        await using var db = app.Database.CreateContext();
        return await db.Areas.Where(a => a.Name == name && db.Sites.Any(s => s.Id == a.SiteId && s.Code == site
                && db.Contracts.Any(c => c.Id == s.ContractId && c.Number == contract)))
            .Select(a => a.Id).SingleAsync();
    }

    /// <summary>Rows that any work-log command may write, to prove a refused one wrote none.</summary>
    public async Task<string> CountsAsync()
    {
        await using var db = app.Database.CreateContext();
        return $"logs {await db.WorkLogs.CountAsync()}, versions {await db.WorkLogVersions.CountAsync()}, " +
               $"events {await db.WorkLogEvents.CountAsync()}, photos {await db.WorkLogPhotos.CountAsync()}, " +
               $"deficiencies {await db.Deficiencies.CountAsync()}, notices {await db.NoticeRecords.CountAsync()}, " +
               $"logged {await db.Occurrences.CountAsync(o => o.LoggedOn != null)}, changes {await db.PlanFactChanges.CountAsync()}";
    }

    public static object Mowing(Guid occurrence, LocalDate date, object[] heights, string? key = null) => new
    {
        idempotencyKey = key ?? Guid.NewGuid().ToString(),
        occurrenceIds = new[] { occurrence },
        date = date.ToString("yyyy-MM-dd", null),
        started = "07:00",
        finished = "09:30",
        crew = new[] { "Dana Rivera", "Sam Ortiz" },
        notes = "Blades sharpened this morning.",
        heights,
    };

    public static object Height(Guid area, decimal after, decimal? before = null) => new { areaId = area, after, before };

    public static object Application(Guid area, LocalDate applicatorExpires, string? emergencyReason = null, decimal amount = 12.5m) => new
    {
        product = "Trimec Classic (sample product)",
        epaRegistrationNumber = "2217-543",
        activeIngredient = "2,4-D, mecoprop-p, dicamba",
        rate = "1.5 fl oz per 1,000 sq ft",
        amount,
        amountUnit = "gal",
        areaIds = new[] { area },
        targetPest = "Dandelion, clover, plantain",
        supervisor = new { name = "Pat Morgan", certificationNumber = "S-10442", certificationExpires = "2004-12-31" },
        applicator = new { name = "Lee Chen", certificationNumber = "B-22871", certificationExpires = applicatorExpires.ToString("yyyy-MM-dd", null) },
        windMph = 4,
        windDirection = "SW",
        temperatureF = 71,
        signsPosted = true,
        emergencyReason,
    };

    public static object Chemical(Guid occurrence, LocalDate date, object application, string started = "06:00", string? key = null) => new
    {
        idempotencyKey = key ?? Guid.NewGuid().ToString(),
        occurrenceIds = new[] { occurrence },
        date = date.ToString("yyyy-MM-dd", null),
        started,
        finished = "08:00",
        crew = new[] { "Lee Chen" },
        application,
    };

    public static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    public static async Task<JsonElement> BodyAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    public static async Task<HttpResponseMessage> RecordNoticeAsync(HttpClient client, Guid occurrence, string sentAt, string applicationDate) =>
        await client.PostAsync("/api/worklogs/notices", Json(new { occurrenceId = occurrence, sentAt, applicationDate, channel = "Email" }));

    public static IReadOnlyList<string> Kinds(JsonElement log) =>
        log.GetProperty("deficiencies").EnumerateArray().Select(c => c.GetProperty("kind").GetString()!).Order(StringComparer.Ordinal).ToList();
}
