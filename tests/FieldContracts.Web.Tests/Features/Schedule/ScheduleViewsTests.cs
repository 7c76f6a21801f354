using System.Text.RegularExpressions;
using FieldContracts.Web.Features.Jobs;
using FieldContracts.Web.Tests.Features.Shared;
using FieldContracts.Web.Tests.Features.WorkLogs;
using Microsoft.Extensions.DependencyInjection;
using static FieldContracts.Web.Tests.Features.Schedule.PlanJson;

namespace FieldContracts.Web.Tests.Features.Schedule;

/// <summary>The schedule's term and list views, their CSV, the month grid held to the term, and visits linked to the plan.</summary>
public abstract partial class ScheduleViewsTests(TestApp app)
{
    private readonly WorkLogFixtures _f = new(app);

    private static readonly string[] Schools = ["BHS", "HPHS", "WHS"];

    [Fact]
    public async Task Term_2685_ShowsAllTwentyMonthsAtEachSchool()
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.Finance));

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/contracts/2685/schedule/term"));

        var expected = Enumerable.Range(0, 20).Select(i => new LocalDate(2003, 5, 1).PlusMonths(i).ToString("yyyy-MM", null)).ToList();
        Assert.Equal("2004-12", expected[^1]);
        foreach (var school in Schools)
        {
            var section = Section(html, school);
            Assert.Equal(expected, MonthAttr().Matches(section).Select(m => m.Groups[1].Value).ToList());
        }

        Assert.Contains("May 2003", html);
        Assert.Contains("December 2004", html);
        Assert.Contains("May 15–18", html);   // the term starts on Thursday, May 15: its first week is cut there
        Assert.DoesNotContain("WeedControl", html);
        Assert.Contains("Weed control", html);
    }

    [Fact]
    public async Task Term_CountsPerKind_MatchThePlanAtEachSchool()
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/contracts/2685/schedule/term"));

        var total = 0;
        foreach (var school in Schools)
        {
            var section = Section(html, school);
            var kinds = Cells(Between(section, "<thead>", "</thead>"), "th").Skip(1).ToList();
            var totals = Cells(Between(section, "data-testid=\"term-total\"", "</tr>"), "td").Select(Count).ToList();
            var plan = (await PlanAsync(client, $"?from=2003-05-01&to=2004-12-31&site={school}"))
                .GroupBy(o => Web.Features.Shared.Display.Kind(Enum.Parse<Scheduling.Specification.TaskKind>(o.GetProperty("kind").GetString()!)))
                .ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(plan.OrderBy(p => p.Key, StringComparer.Ordinal).ToList(),
                kinds.Zip(totals).Where(p => p.Second > 0).Select(p => KeyValuePair.Create(p.First, p.Second)).OrderBy(p => p.Key, StringComparer.Ordinal).ToList());
            // Mowing: one cut a week from May 1, 2003 through the mowing seasons of the term, the same count at each school.
            total += totals.Sum();
        }

        var whole = await PlanAsync(client, "?from=2003-05-01&to=2004-12-31");
        Assert.Equal(whole.Count, total);
        Assert.InRange(total, 400, 460);
    }

    [Fact]
    public async Task Month_NavigationIsBoundedByTheTerm()
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));

        var may = await client.GetStringAsync("/contracts/2685/schedule?date=2003-05-20");
        var december = await client.GetStringAsync("/contracts/2685/schedule?date=2004-12-01");
        var june = await client.GetStringAsync("/contracts/2685/schedule?date=2004-06-01");
        var after = WebUtility.HtmlDecode(await client.GetStringAsync("/contracts/2685/schedule?date=2005-03-01"));
        var before = WebUtility.HtmlDecode(await client.GetStringAsync("/contracts/2685/schedule?date=2003-04-01"));

        Assert.DoesNotContain("data-testid=\"previous\"", may);
        Assert.Contains("data-testid=\"next\"", may);
        Assert.Contains("data-testid=\"previous\"", december);
        Assert.DoesNotContain("data-testid=\"next\"", december);
        Assert.Contains("data-testid=\"previous\"", june);
        Assert.Contains("data-testid=\"next\"", june);
        Assert.Contains("Schedule · December 2004", after);
        Assert.Contains("March 2005 is outside the contract's term (May 15, 2003 – Dec 31, 2004): ", after);
        Assert.Contains("showing December 2004, the nearest in the term.", after);
        Assert.DoesNotContain("data-testid=\"next\"", after);
        Assert.Contains("Schedule · May 2003", before);
        Assert.Contains("April 2003 is outside the contract's term", before);
    }

    [Fact]
    public async Task List_FiltersBySchoolKindChemicalAndDays()
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor));

        var weeds = Rows(await client.GetStringAsync("/contracts/2685/schedule/list?site=BHS&kind=WeedControl&chemical=true"));
        var july = Rows(await client.GetStringAsync("/contracts/2685/schedule/list?site=WHS&from=2003-07-01&to=2003-07-31"));
        var plan = await PlanAsync(client, "?site=BHS&kind=WeedControl&chemicalOnly=true&from=2003-05-01&to=2004-12-31");

        Assert.NotEmpty(weeds);
        Assert.Equal(plan.Count, weeds.Count);
        Assert.All(weeds, r => Assert.Equal(["Bulkeley High School", "Weed control", "Yes"], new[] { r[1], r[3], r[7] }));
        Assert.Contains(weeds, r => r[2] == "Broadleaf weed control" && r[0] == "Tue, Jul 15, 2003");
        Assert.NotEmpty(july);
        Assert.All(july, r => Assert.Equal("Weaver High School", r[1]));
        Assert.All(july.Where(r => r[0] != "Not on a day"), r => Assert.Matches("^\\w{3}, Jul \\d+, 2003$", r[0]));
    }

    [Fact]
    public async Task List_StatusMissed_ShowsTheRegistersMissedWork_AndDoneShowsALoggedVisit()
    {
        var today = new LocalDate(2003, 7, 10);
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MissedWorkHandler>().HandleAsync(today, CancellationToken.None);
        }

        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));

        var rows = Rows(await client.GetStringAsync("/contracts/2685/schedule/list?status=missed"));
        var planned = Rows(await client.GetStringAsync("/contracts/2685/schedule/list?status=planned&to=2003-07-09"));
        var bad = await client.GetAsync("/contracts/2685/schedule/list?status=forgotten");

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.StartsWith("Missed", r[6]));
        Assert.All(planned, r => Assert.StartsWith("Planned", r[6]));
        Assert.DoesNotContain(planned, r => rows.Any(m => m.SequenceEqual(r)));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Use one of planned, done, late, missed.", await bad.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("?site=BHS&chemical=true")]
    [InlineData("?kind=Mowing&from=2004-05-01&to=2004-05-31")]
    public async Task ListCsv_EqualsWhatTheListShows_RowForRow(string query)
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.Finance));
        var page = "/contracts/2685/schedule/list" + query;

        var html = await client.GetStringAsync(page);
        var csvLink = WebUtility.HtmlDecode(CsvHref().Match(html).Groups[1].Value);
        var response = await client.GetAsync(csvLink);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var (headers, csv) = DocumentText.ReadCsv(await response.Content.ReadAsByteArrayAsync());
        var shown = Rows(html);
        Assert.Equal(Cells(Between(html, "<thead>", "</thead>"), "th"), headers);
        Assert.True(shown.Count > 10, $"only {shown.Count} rows");
        Assert.Equal(shown.Count, csv.Count);
        Assert.Equal(shown, csv.Select(r => headers.Select(h => r[h]).ToList()).ToList());
    }

    [Fact]
    public async Task Occurrence_AndItsVisit_LinkToEachOther()
    {
        var mowing = await _f.MowingAsync("WHS", new LocalDate(2003, 7, 14));
        var day = mowing.PlannedDate!.Value;
        _f.Now(day.Month, day.Day, 17);
        try
        {
            var crew = await _f.CrewAsync();
            var infield = await _f.AreaAsync("WHS", "Baseball infield");
            var logged = await crew.PostAsync("/api/worklogs", WorkLogFixtures.Json(WorkLogFixtures.Mowing(mowing.Id, day, [WorkLogFixtures.Height(infield, 2.25m)])));
            Assert.Equal(HttpStatusCode.Created, logged.StatusCode);
            var visitId = (await WorkLogFixtures.BodyAsync(logged)).GetProperty("id").GetString();

            var occurrencePage = WebUtility.HtmlDecode(await crew.GetStringAsync($"/contracts/2685/schedule/{mowing.Id}"));
            var visitPage = await crew.GetStringAsync($"/worklogs/{visitId}");
            var search = Rows(await crew.GetStringAsync("/contracts/2685/schedule/list?q=Ortiz"), "visits");
            var done = Rows(await crew.GetStringAsync($"/contracts/2685/schedule/list?site=WHS&kind=Mowing&status=done&from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}"));

            Assert.Contains($"href=\"/worklogs/{visitId}\"", occurrencePage);
            Assert.Contains($"Visit of {Web.Features.Shared.Display.Long(day)}", occurrencePage);
            Assert.Contains($"href=\"/contracts/2685/schedule/{mowing.Id}\"", visitPage);
            Assert.Contains(search, r => r[1] == "Weaver High School" && r[3] == "Dana Rivera, Sam Ortiz");
            Assert.Equal($"Done {Web.Features.Shared.Display.Short(day)}", Assert.Single(done)[6]);
        }
        finally
        {
            app.Clock.Reset(TestApp.DefaultNow.InZoneStrictly(WorkLogFixtures.Hartford).ToInstant());
        }
    }

    [Fact]
    public async Task Search_ByTaskSchoolAndDay_FindsTheOccurrences()
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));

        var broadleaf = Rows(await client.GetStringAsync("/contracts/2685/schedule/list?q=broadleaf+bulkeley"));
        var onTheDay = Rows(await client.GetStringAsync("/contracts/2685/schedule/list?q=2003-07-15"));

        Assert.NotEmpty(broadleaf);
        Assert.All(broadleaf, r => Assert.Equal("Bulkeley High School", r[1]));
        Assert.All(broadleaf, r => Assert.StartsWith("Broadleaf weed", r[2]));
        Assert.Contains(broadleaf, r => r[2] == "Broadleaf weed control" && r[0] == "Tue, Jul 15, 2003");
        Assert.Contains(onTheDay, r => r[1] == "Bulkeley High School" && r[2] == "Broadleaf weed control");
        Assert.All(onTheDay, r => Assert.Equal("Tue, Jul 15, 2003", r[0]));
    }

    [Fact]
    public async Task ChemicalEntry_ShowsItsNoticeStatusInEveryView()
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        var broadleaf = (await PlanAsync(client, "?site=BHS&kind=WeedControl")).First(o => o.Task() == "summer.broadleaf" && o.GetProperty("year").GetInt32() == 2003);

        var month = await client.GetStringAsync("/contracts/2685/schedule?date=2003-07-15");
        var list = Rows(await client.GetStringAsync("/contracts/2685/schedule/list?site=BHS&from=2003-07-15&to=2003-07-15&chemical=true"));
        var term = WebUtility.HtmlDecode(await client.GetStringAsync("/contracts/2685/schedule/term?site=BHS"));
        var occurrence = WebUtility.HtmlDecode(await client.GetStringAsync($"/contracts/2685/schedule/{broadleaf.Id()}"));

        var entry = Between(month, $"/schedule/{broadleaf.Id()}\"", "</a>");
        Assert.Contains("data-testid=\"notice-status\">notice due</span>", entry);
        Assert.Equal("notice due", Assert.Single(list)[8]);
        var july = Between(term, "data-month=\"2003-07\"", "</tbody>");
        Assert.Contains("<span class=\"mk notice\">notice due</span>", july);
        Assert.Matches("data-testid=\"notice-status\">Due by Monday, July 14, 2003 at \\d+:\\d\\d [AP]M EDT: not yet sent.", occurrence);
    }

    [Fact]
    public async Task Contractor_OtherContractorsSchedule_IsNotFound()
    {
        var crew = await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor));

        foreach (var path in new[] { "term", "list", "list?handler=Csv", "term?handler=Csv" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await crew.GetAsync($"/contracts/{TestApp.OtherContractNumber}/schedule/{path}")).StatusCode);
        }

        var other = await app.SignedInAsync(TestApp.OtherContractorEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/contracts/2685/schedule/term")).StatusCode);
    }

    [Fact]
    public async Task TermCsv_CountsTheSameOccurrencesAsThePage()
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));

        var response = await client.GetAsync("/contracts/2685/schedule/term?handler=Csv&site=HPHS");
        var plan = await PlanAsync(client, "?from=2003-05-01&to=2004-12-31&site=HPHS");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (headers, rows) = DocumentText.ReadCsv(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["School", "Month", "Week", "Kind", "Occurrences", "Done", "Done late", "Missed", "Chemical notices"], headers);
        Assert.All(rows, r => Assert.Equal("Hartford Public High School", r["School"]));
        Assert.Equal(plan.Count, rows.Sum(r => int.Parse(r["Occurrences"], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains(rows, r => r["Month"] == "July 2003" && r["Week"] == "Jul 14–20" && r["Kind"] == "Weed control");
    }

    private static string Section(string html, string school) =>
        Between(html, $"data-site=\"{school}\"", "</section>");

    private static string Between(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"no {start}");
        var to = html.IndexOf(end, from, StringComparison.Ordinal);
        return html[from..to];
    }

    private static List<string> Cells(string rowHtml, string tag) =>
        Regex.Matches(rowHtml, $"<{tag}[^>]*>(.*?)</{tag}>", RegexOptions.Singleline)
            .Select(m => WebUtility.HtmlDecode(Tags().Replace(m.Groups[1].Value, "")).Trim()).ToList();

    private static int Count(string cell) => cell.Length == 0 ? 0 : int.Parse(Regex.Match(cell, "^\\d+").Value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The body rows of a list table, each cell's text.</summary>
    private static List<List<string>> Rows(string html, string testId = "schedule-list")
    {
        var table = Between(html, $"data-testid=\"{testId}\"", "</table>");
        var body = table[table.IndexOf("<tbody>", StringComparison.Ordinal)..];
        return Regex.Matches(body, "<tr[^>]*>(.*?)</tr>", RegexOptions.Singleline).Select(m => Cells(m.Groups[1].Value, "td")).ToList();
    }

    [GeneratedRegex("data-month=\"(\\d{4}-\\d{2})\"")]
    private static partial Regex MonthAttr();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("href=\"([^\"]+)\" download data-testid=\"csv\"")]
    private static partial Regex CsvHref();
}

public sealed class ScheduleViewsTests_Sqlite(SqliteApp app) : ScheduleViewsTests(app), IClassFixture<SqliteApp>;

public sealed class ScheduleViewsTests_Postgres(PostgresApp app) : ScheduleViewsTests(app), IClassFixture<PostgresApp>;
