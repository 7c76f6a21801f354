using FieldContracts.Data.Planning;
using FieldContracts.Scheduling.Contracts;
using FieldContracts.Scheduling.Planning;
using FieldContracts.Web.Demo;
using Microsoft.EntityFrameworkCore;
using static FieldContracts.Web.Tests.Features.Schedule.PlanJson;

namespace FieldContracts.Web.Tests.Features.Schedule;

/// <summary>The stored plan of #2685, read through the API, against the bid's own dates.</summary>
public abstract class PlanApiTests(TestApp app)
{
    private static readonly LocalDate TermStart = new(2003, 5, 15);
    private static readonly LocalDate TermEnd = new(2004, 12, 31);

    [Fact]
    public async Task Plan_NothingPlannedOutsideTheTerm_EarlySpring2003ShownAsOutsideTerm()
    {
        var plan = await PlanAsync(await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector)));

        Assert.All(plan.Where(o => o.Planned() is not null), o => Assert.InRange(o.Planned()!.Value, TermStart, TermEnd));
        // Special instruction 5 starts the term "on or about May 15, 2003": early spring 2003 (late March – April) is before it.
        var earlySpring2003 = plan.Where(o => o.GetProperty("year").GetInt32() == 2003 && o.Task().StartsWith("earlyspring.", StringComparison.Ordinal)).ToList();
        var cleanupRepairAndInfields = earlySpring2003.Where(o => o.Task() != "earlyspring.skinned-infield-grooming").ToList();
        Assert.Equal(3 * 3, cleanupRepairAndInfields.Count);
        Assert.All(cleanupRepairAndInfields, o =>
        {
            Assert.Equal(nameof(OccurrenceStatus.OutsideTerm), o.Status());
            Assert.Null(o.Planned());
        });
        // Grooming goes on "throughout the season", so its series starts with the term.
        var grooming = earlySpring2003.Where(o => o.Task() == "earlyspring.skinned-infield-grooming").ToList();
        Assert.Equal(TermStart, grooming.Min(o => o.Planned()));
    }

    [Fact]
    public async Task Plan_Demo_NothingOnASundayOrACityHoliday_AndEachMoveSaysWhy()
    {
        var plan = await PlanAsync(await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector)));
        var contract = await ContractAsync();
        var holidays = contract.Settings.WorkCalendar.Holidays.Select(h => h.Date).ToHashSet();

        Assert.Contains(new LocalDate(2003, 11, 27), holidays);
        var planned = plan.Where(o => o.Planned() is not null).ToList();
        Assert.DoesNotContain(planned, o => o.Planned()!.Value.DayOfWeek == IsoDayOfWeek.Sunday);
        Assert.DoesNotContain(planned, o => holidays.Contains(o.Planned()!.Value));
        // 2b of 2004: the spring window opens on Sunday, April 25.
        var irrigation = plan.Single(o => o.Task() == "spring.irrigation" && o.Site() == "WHS" && o.GetProperty("year").GetInt32() == 2004);
        Assert.Equal(new LocalDate(2004, 4, 26), irrigation.Planned());
        var page = WebUtility.HtmlDecode(await (await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector)))
            .GetStringAsync($"/contracts/2685/schedule/{irrigation.Id()}"));
        Assert.Contains("Sunday, April 25, 2004 is not a working day (Sunday): planned for Monday, April 26, 2004.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_Demo_ChemicalApplicationsOneADayAndOnlyOnTheAreasTheBidNames()
    {
        var plan = await PlanAsync(await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector)), "?chemicalOnly=true");
        var kinds = (await ContractAsync()).Sites.SelectMany(s => s.Areas).ToDictionary(a => a.Id, a => a.Kind);
        var applications = plan.Where(o => o.Status() == "Planned").ToList();

        Assert.NotEmpty(applications);
        Assert.All(applications.GroupBy(o => o.Planned()), day => Assert.Single(day));
        // 3b and 4e: "base lines, skinned infield fence lines, shot put and discuss areas".
        var lines = new[] { AreaKind.BaseLines, AreaKind.FenceLine, AreaKind.ThrowingCircle };
        await using var db = app.Database.CreateContext();
        var vegetation = await db.Occurrences.AsNoTracking().Where(o => o.TaskKey.Contains("vegetation-control") && !o.Cancelled
                                                                                     && db.Contracts.Any(c => c.Id == o.ContractId && c.Number == "2685")).ToListAsync();
        Assert.Equal(3 * 3 * 2, vegetation.Count);
        Assert.All(vegetation, o => Assert.All(OccurrenceDetail.Parse(o.Detail).Areas, a => Assert.Contains(kinds[a], lines)));
    }

    private async Task<FieldContracts.Scheduling.Contracts.Contract> ContractAsync()
    {
        await using var db = app.Database.CreateContext();
        return await db.Contracts.AsNoTracking().Include(c => c.Sites).ThenInclude(s => s.Areas).SingleAsync(c => c.Number == "2685");
    }

    [Theory]
    [InlineData(2003)]
    [InlineData(2004)]
    public async Task Plan_Broadleaf_AtAllThreeSchoolsInJuly_RetreatedTwoToThreeWeeksLater(int year)
    {
        var plan = await PlanAsync(await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector)), "?kind=WeedControl");

        // Summer item 3a: "July 15th (approx.) ... Re-treat persistent weeds 2-3 weeks after initial treatment." One crew
        // applies at one school a day: one school on the 15th, the others on the next days of the window (July 10-20) that
        // allow it, else the nearest days before the 15th.
        var days = new List<LocalDate>();
        foreach (var school in new[] { "HPHS", "WHS", "BHS" })
        {
            var first = plan.Single(o => o.Task() == "summer.broadleaf" && o.Site() == school && o.GetProperty("year").GetInt32() == year);
            var retreat = plan.Single(o => o.Task() == "summer.broadleaf.retreat" && o.Site() == school && o.GetProperty("year").GetInt32() == year);
            Assert.InRange(first.Planned()!.Value, new LocalDate(year, 7, 10), new LocalDate(year, 7, 20));
            Assert.InRange(Period.Between(first.Planned()!.Value, retreat.Planned()!.Value, PeriodUnits.Days).Days, 14, 21);
            Assert.True(first.GetProperty("isChemical").GetBoolean());
            // Where no day of the window has room and 24 hours clear of activities after, the Athletic Director settles it.
            if (first.Status() == "Planned")
            {
                days.Add(first.Planned()!.Value);
            }
            else
            {
                Assert.Equal("ScheduleConflict", first.Status());
            }
        }

        Assert.Single(days, d => d == new LocalDate(year, 7, 15));
        Assert.Equal(days.Count, days.Distinct().Count());
        Assert.InRange(days.Count, 2, 3);
    }

    [Fact]
    public async Task Plan_GrubInspectionAndWinterizing_InTheirWindowsEachYear()
    {
        var plan = await PlanAsync(await app.SignedInAsync(TestApp.EmailOf(Roles.Finance)));

        foreach (var year in new[] { 2003, 2004 })
        {
            // 3e: "In mid to late August, inspect all areas for White Beetle Grub ... and present a treatment plan."
            var grubs = plan.Where(o => o.Task() == "summer.grub-inspection" && o.GetProperty("year").GetInt32() == year).ToList();
            Assert.Equal(3, grubs.Count);
            Assert.All(grubs, o => Assert.InRange(o.Planned()!.Value, new LocalDate(year, 8, 15), new LocalDate(year, 8, 31)));
            // 5b: "Winterize Sprinkler system", fall (November – December).
            var winterizing = plan.Where(o => o.Task() == "fall.winterize-irrigation" && o.GetProperty("year").GetInt32() == year).ToList();
            Assert.Equal(3, winterizing.Count);
            Assert.All(winterizing, o => Assert.InRange(o.Planned()!.Value, new LocalDate(year, 11, 1), new LocalDate(year, 12, 31)));
        }
    }

    [Fact]
    public async Task Plan_EveryChemicalApplication_HasANotice24ElapsedHoursBefore()
    {
        var plan = await PlanAsync(await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector)), "?chemicalOnly=true");

        var applications = plan.Where(o => o.ApplicationStart() is not null).ToList();
        Assert.NotEmpty(applications);
        Assert.All(plan, o => Assert.True(o.GetProperty("isChemical").GetBoolean()));
        Assert.All(applications, o =>
            Assert.Equal(Duration.FromHours(24), o.ApplicationStart()!.Value.ToInstant() - o.NoticeDueBy()!.Value.ToInstant()));
    }

    [Fact]
    public async Task Plan_ChemicalApplications_AvoidSchoolHoursAndActivities()
    {
        var plan = await PlanAsync(await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector)), "?chemicalOnly=true");

        foreach (var o in plan.Where(o => o.ApplicationStart() is not null))
        {
            var calendar = SampleSchoolCalendars.For(o.Site()).ToCalendar().Calendar!;
            var start = o.ApplicationStart()!.Value.LocalDateTime;
            var busy = calendar.BusyDuring(start, start.PlusHours(2));
            Assert.True(busy.Count == 0, $"{o.Task()} at {o.Site()} on {start} meets {string.Join(", ", busy.Select(b => b.What))}");
        }
    }

    [Fact]
    public async Task Occurrence_Mowing_HeightsFollowEachAreasSportSeason()
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor));
        var mowing = await PlanAsync(client, "?kind=Mowing&site=HPHS");
        var may = mowing.First(o => o.Planned() is { } d && d.Month == 5 && d.Year == 2003);
        var july = mowing.First(o => o.Planned() is { } d && d.Month == 7 && d.Year == 2003);

        var mayHeights = Heights(await OccurrenceAsync(client, may.Id()));
        var julyHeights = Heights(await OccurrenceAsync(client, july.Id()));

        // Spec IV: baseball infields 1–1.5" in season, 2–2.5" off season; non-playing areas 2–2.5" always.
        Assert.Equal((1m, 1.5m, true), mayHeights["Baseball infield"]);
        Assert.Equal((2m, 2.5m, false), julyHeights["Baseball infield"]);
        Assert.Equal((2m, 2.5m, false), mayHeights["Slopes along the spectator bleacher"]);
        Assert.Equal((2m, 2.5m, false), julyHeights["Slopes along the spectator bleacher"]);
        Assert.Equal((1.5m, 2m, true), mayHeights["Baseball outfield"]);
        Assert.DoesNotContain("Track", mayHeights.Keys);
    }

    [Fact]
    public async Task Plan_Filters_ByDaysSchoolKindAndChemical()
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));

        var july = await PlanAsync(client, "?from=2003-07-01&to=2003-07-31&site=WHS");

        Assert.NotEmpty(july);
        Assert.All(july, o => Assert.Equal("WHS", o.Site()));
        Assert.All(july.Where(o => o.Planned() is not null), o => Assert.InRange(o.Planned()!.Value, new LocalDate(2003, 7, 1), new LocalDate(2003, 7, 31)));
    }

    [Theory]
    [InlineData("?site=XYZ", "site")]
    [InlineData("?from=2003-02-30", "from")]
    [InlineData("?kind=Dancing", "kind")]
    [InlineData("?from=2003-08-01&to=2003-07-01", "to")]
    public async Task Plan_BadFilter_Answers400NamingIt(string query, string field)
    {
        var response = await (await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing))).GetAsync($"/api/contracts/2685/plan{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Plan_OtherContractorsContract_IsNotFound()
    {
        var response = await (await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor))).GetAsync($"/api/contracts/{TestApp.OtherContractNumber}/plan");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Plan_Stored_MatchesAFreshPlanOfTheSameFacts()
    {
        await using var db = app.Database.CreateContext();
        var contractId = db.Contracts.Single(c => c.Number == "2685").Id;
        var state = await PlanState.LoadAsync(db, contractId, CancellationToken.None);

        var fresh = SeasonalPlanner.Plan(state!.ToInput(Hartford));

        var stored = state.Occurrences.Values.Where(o => !o.Cancelled).ToDictionary(o => o.Id);
        Assert.Equal(fresh.Occurrences.Count, stored.Count);
        Assert.All(fresh.Occurrences, o =>
        {
            Assert.True(stored.TryGetValue(o.Id, out var record), $"{o.TaskKey} {o.Year} is not stored");
            Assert.Equal(o.PlannedDate, record!.PlannedDate);
            Assert.Equal(o.Status, record.Status);
        });
    }

    private static Dictionary<string, (decimal, decimal, bool)> Heights(System.Text.Json.JsonElement occurrence) =>
        occurrence.GetProperty("heights").EnumerateArray().ToDictionary(
            h => h.GetProperty("area").GetString()!,
            h => (h.GetProperty("minInches").GetDecimal(), h.GetProperty("maxInches").GetDecimal(), h.GetProperty("inSeason").GetBoolean()));
}

public sealed class PlanApiTests_Sqlite(SqliteApp app) : PlanApiTests(app), IClassFixture<SqliteApp>;

public sealed class PlanApiTests_Postgres(PostgresApp app) : PlanApiTests(app), IClassFixture<PostgresApp>;
