using FieldContracts.Scheduling.Specification;
using FieldContracts.Web.Tests.Features.WorkLogs;
using static FieldContracts.Web.Tests.Features.WorkLogs.WorkLogFixtures;

namespace FieldContracts.Web.Tests.Features.Shared;

/// <summary>Pages show enums by their display names and jobs' schedules in words, never code names or cron strings.</summary>
public abstract class DisplayNamesTests(TestApp app)
{
    private static readonly string[] CodeNames =
        ["WeedControl", "TurfRepair", "InPerson", "AthleticDirectorOrDesignee", "SchoolRegistry", "SchoolMaintenance"];

    private readonly WorkLogFixtures _f = new(app);

    [Fact]
    public async Task WorkLogFormVisitSeasonsAndJobs_ShowNoCodeNames()
    {
        var hartford = await _f.OccurrenceAsync(Specification2685.Broadleaf, "HPHS");
        var day = hartford.PlannedDate!.Value;
        _f.Now(day.Month, day.Day, 10);
        var crew = await _f.CrewAsync();
        var area = await _f.AreaAsync("HPHS", "Baseball outfield");
        var logged = await crew.PostAsync("/api/worklogs", Json(Chemical(hartford.Id, day,
            Application(area, new LocalDate(2004, 6, 30), emergencyReason: "Yellow jackets nesting in the outfield turf by the dugout"))));
        Assert.Equal(HttpStatusCode.Created, logged.StatusCode);
        var visit = (await BodyAsync(logged)).GetProperty("id").GetString();
        var weaver = await _f.OccurrenceAsync(Specification2685.Broadleaf, "WHS");
        var mowing = await _f.MowingAsync("WHS", new LocalDate(2003, 9, 1));
        var director = await _f.DirectorAsync();
        var purchasing = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));

        var pages = new Dictionary<string, string>
        {
            ["chemical work-log form"] = await crew.GetStringAsync($"/worklogs/new?occurrence={weaver.Id}"),
            ["mowing work-log form"] = await crew.GetStringAsync($"/worklogs/new?occurrence={mowing.Id}"),
            ["notice form"] = await crew.GetStringAsync($"/worklogs/notices/new?occurrence={weaver.Id}"),
            ["visit, crew"] = await crew.GetStringAsync($"/worklogs/{visit}"),
            ["visit, Athletic Director"] = await director.GetStringAsync($"/worklogs/{visit}"),
            ["seasons, Athletic Director"] = await director.GetStringAsync("/contracts/2685/seasons"),
            ["seasons, crew"] = await crew.GetStringAsync("/contracts/2685/seasons"),
            ["jobs"] = await purchasing.GetStringAsync("/jobs/schedule"),
        };

        foreach (var (page, html) in pages)
        {
            foreach (var code in CodeNames)
            {
                Assert.False(html.Contains(code, StringComparison.Ordinal), $"The {page} shows the code name {code}.");
            }
        }

        Assert.Contains("In person", pages["notice form"]);
        var jobs = pages["jobs"];
        Assert.Contains("Every day at 02:30 (Hartford time)", jobs);
        Assert.Contains("Every 15 minutes", jobs);
        Assert.DoesNotContain("* * *", jobs);
        Assert.DoesNotContain("On the schedule", jobs);
    }
}

public sealed class DisplayNamesTests_Sqlite(SqliteApp app) : DisplayNamesTests(app), IClassFixture<SqliteApp>;

public sealed class DisplayNamesTests_Postgres(PostgresApp app) : DisplayNamesTests(app), IClassFixture<PostgresApp>;
