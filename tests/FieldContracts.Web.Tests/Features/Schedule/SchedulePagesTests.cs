using System.Text.RegularExpressions;
using FieldContracts.Web.Tests.Features.Shared;
using static FieldContracts.Web.Tests.Features.Schedule.PlanJson;

namespace FieldContracts.Web.Tests.Features.Schedule;

public abstract partial class SchedulePagesTests(TestApp app)
{
    [Fact]
    public async Task Month_July2003_ShowsBroadleafOneSchoolADayFromJuly15()
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/contracts/2685/schedule?date=2003-07-15"));

        // One crew, one chemical application a day: Bulkeley on the 15th, the other schools on later days of July.
        var cell = Cell(html, "2003-07-15");
        Assert.Equal(1, Regex.Count(cell, "Broadleaf weed control"));
        Assert.Contains("BHS", cell);
        var july = string.Concat(Enumerable.Range(15, 6).Select(d => Cell(html, $"2003-07-{d}")));
        Assert.Equal(3, Regex.Count(july, "Broadleaf weed control"));
        Assert.Contains("Schedule · July 2003", html);
    }

    [Fact]
    public async Task Month_ChemicalOnly_ShowsNoMowing()
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor));

        var html = await client.GetStringAsync("/contracts/2685/schedule?date=2003-07-15&chemical=true");

        Assert.Contains("Broadleaf weed control", html);
        Assert.DoesNotContain("> Mowing", html);
    }

    [Fact]
    public async Task Week_AcrossTheDstChange_ShowsMondayToSunday()
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.Finance));

        var html = await client.GetStringAsync("/contracts/2685/schedule?view=week&date=2003-10-26");

        var days = DataDate().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["2003-10-20", "2003-10-21", "2003-10-22", "2003-10-23", "2003-10-24", "2003-10-25", "2003-10-26"], days);
    }

    [Fact]
    public async Task List_April2003_ListsEarlySpringWorkAsOutsideTheTerm()
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));

        // The month grid stays inside the term; the list reaches the work the bid places before it.
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/contracts/2685/schedule/list?from=2003-04-01&to=2003-04-30"));
        var may = WebUtility.HtmlDecode(await client.GetStringAsync("/contracts/2685/schedule?date=2003-05-01"));

        Assert.Equal(3, Regex.Count(html, "Clean winter debris"));
        Assert.Contains("Not on a day", html);
        Assert.Contains("Outside the contract term: shown, not planned", html);
        Assert.Contains("outside-term", Cell(may, "2003-04-30", includeTag: true));
    }

    [Theory]
    [InlineData("date=2003-02-30", "Give the date as yyyy-MM-dd.")]
    [InlineData("site=XYZ", "The contract has no school XYZ")]
    [InlineData("kind=Dancing", "Use one of")]
    public async Task Schedule_BadQuery_ShowsAnErrorNotAServerError(string query, string message)
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));

        var response = await client.GetAsync($"/contracts/2685/schedule?{query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Occurrence_Broadleaf_ShowsNoticeDueAndMaterials()
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        var broadleaf = (await PlanAsync(client, "?site=BHS&kind=WeedControl")).First(o => o.Task() == "summer.broadleaf" && o.GetProperty("year").GetInt32() == 2003);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/contracts/2685/schedule/{broadleaf.Id()}"));

        Assert.Contains("Broadleaf weed control", html);
        Assert.Contains("3a: “July 15th (approx.) apply second materials application", html);
        Assert.Contains("Chemical pre-notification", html);
        Assert.Contains("the school's registry (parents, guardians and staff who asked)", html);
        Assert.Contains("on Tuesday, July 15, 2003", html);
        Assert.Contains("2,4-D", html);
    }

    [Fact]
    public async Task Occurrence_MoveFormIntoSchoolHours_ShowsWhyAndChangesNothing()
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        var application = (await PlanAsync(client, "?site=WHS")).Single(o => o.Task() == "earlyfall.vegetation-control" && o.GetProperty("year").GetInt32() == 2004);
        var url = $"/contracts/2685/schedule/{application.Id()}";

        var refused = await TestApp.PostFormAsync(client, url + "?handler=Move", new()
        {
            ["Input.To"] = "2004-09-15", ["Input.At"] = "09:00", ["Input.Reason"] = "Crew free that morning",
        });
        var moved = await TestApp.PostFormAsync(client, url + "?handler=Move", new()
        {
            ["Input.To"] = "2004-09-18", ["Input.At"] = "07:00", ["Input.Reason"] = "Saturday morning, fields empty",
        });

        Assert.Contains("School hours", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Contains("Moved.", await Forms.FollowRedirectAsync(client, moved, url));
        // The page it landed on is a GET: loading it again moves nothing and says nothing.
        Assert.DoesNotContain("Moved.", await client.GetStringAsync(url));
        var after = (await OccurrenceAsync(client, application.Id())).GetProperty("summary");
        Assert.Equal("2004-09-18T07:00", after.GetProperty("applicationStart").GetString());
    }

    [Fact]
    public async Task Occurrence_MoveByFinance_NoFormAndThePostIsRefused()
    {
        var finance = await app.SignedInAsync(TestApp.EmailOf(Roles.Finance));
        var mowing = (await PlanAsync(finance, "?site=BHS&kind=Mowing")).First();
        var url = $"/contracts/2685/schedule/{mowing.Id()}";

        var page = await finance.GetStringAsync(url);
        // The page still carries a valid token (the sign-out form's), so this is refused for the role, not the token.
        var post = await TestApp.PostFormAsync(finance, url + "?handler=Move", new() { ["Input.To"] = "2004-06-01", ["Input.Reason"] = "Trying" });

        Assert.DoesNotContain("handler=Move", page);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.StartsWith("/account/access-denied", post.Headers.Location!.PathAndQuery);
        Assert.Equal(mowing.Planned(), (await PlanAsync(finance, "?site=BHS&kind=Mowing")).Single(o => o.Id() == mowing.Id()).Planned());
    }

    [Fact]
    public async Task Seasons_DirectorRecordsEndOfFallSports_SlitSeedingIsPlanned()
    {
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));

        var missingReason = await TestApp.PostFormAsync(director, "/contracts/2685/seasons?handler=FallSports", new()
        {
            ["code"] = "HPHS", ["year"] = "2003", ["endOfFallSports"] = "2003-11-27",
        });
        var saved = await TestApp.PostFormAsync(director, "/contracts/2685/seasons?handler=FallSports", new()
        {
            ["code"] = "HPHS", ["year"] = "2003", ["endOfFallSports"] = "2003-11-27", ["reason"] = "Thanksgiving game was the last",
        });

        Assert.Contains("Say why", await missingReason.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var html = WebUtility.HtmlDecode(await director.GetStringAsync(saved.Headers.Location!.OriginalString));
        Assert.Contains("Saved: Hartford Public High School, 2003: end of fall sports not set → Nov 27, 2003", html);
        var seeding = (await PlanAsync(director, "?site=HPHS")).Single(o => o.Task() == "earlyfall.slit-seeding" && o.GetProperty("year").GetInt32() == 2003);
        Assert.Equal("Planned", seeding.Status());
        Assert.InRange(seeding.Planned()!.Value, new LocalDate(2003, 11, 28), new LocalDate(2003, 12, 4));
    }

    [Fact]
    public async Task Seasons_Contractor_SeesNoFormsAndCannotPost()
    {
        var crew = await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor));

        var page = await crew.GetStringAsync("/contracts/2685/seasons");
        var post = await TestApp.PostFormAsync(crew, "/contracts/2685/seasons?handler=Year", new()
        {
            ["year"] = "2004", ["dormancy"] = "2004-10-15", ["reason"] = "Trying",
        });

        Assert.DoesNotContain("handler=Year", page);
        Assert.Contains("not recorded", page);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.StartsWith("/account/access-denied", post.Headers.Location!.PathAndQuery);
        Assert.DoesNotContain("October 15, 2004", await crew.GetStringAsync("/contracts/2685/seasons"));
    }

    [Fact]
    public async Task SchoolCalendar_ActivityEndingBeforeItStarts_IsMarkedAtItsField_GoodOneSaves()
    {
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        var form = new Dictionary<string, string>
        {
            ["Activity.Name"] = "Home game", ["Activity.Day"] = "2003-09-12",
            ["Activity.Starts"] = "18:00", ["Activity.Ends"] = "17:00", ["Activity.Reason"] = "New fall schedule",
        };

        var bad = await TestApp.PostFormAsync(director, "/contracts/2685/schools/BHS/calendar?handler=SaveActivity", new(form));
        var badHtml = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        form["Activity.Ends"] = "21:00";
        var good = await TestApp.PostFormAsync(director, "/contracts/2685/schools/BHS/calendar?handler=SaveActivity", new(form));

        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("It must end after it starts, on the same day.", badHtml);
        Assert.Matches("id=\"Activity_Ends\"[^>]*aria-invalid=\"true\"|aria-invalid=\"true\"[^>]*id=\"Activity_Ends\"", badHtml);
        Assert.Contains("value=\"Home game\"", badHtml);
        var reloaded = WebUtility.HtmlDecode(await Forms.FollowRedirectAsync(director, good, "/contracts/2685/schools/BHS/calendar"));
        Assert.Contains("Home game", reloaded);
        Assert.DoesNotContain("It must end after it starts", reloaded);
    }

    [Fact]
    public async Task Specification_PurchasingEditsAWindow_DirectorOnlyReads()
    {
        var purchasing = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));

        var saved = await TestApp.PostFormAsync(purchasing, "/contracts/2685/specification", new()
        {
            ["seasonKey"] = "fall", ["defaultStart"] = "11-01", ["defaultEnd"] = "12-20", ["reason"] = "Winterize before the holidays",
        });

        Assert.Contains("Saved: Fall: window Nov 1 – Dec 31 → Nov 1 – Dec 20",
            WebUtility.HtmlDecode(await Forms.FollowRedirectAsync(purchasing, saved, "/contracts/2685/specification")));
        var readOnly = await director.GetStringAsync("/contracts/2685/specification");
        Assert.DoesNotContain("Save window", readOnly);
        Assert.Contains("Winterize Sprinkler system", readOnly);
        var history = WebUtility.HtmlDecode(await director.GetStringAsync("/contracts/2685/schedule/history"));
        Assert.Contains("Winterize before the holidays", history);
        Assert.Contains(TestApp.EmailOf(Roles.Purchasing), history);
    }

    private static string Cell(string html, string date, bool includeTag = false)
    {
        var start = html.IndexOf($"data-date=\"{date}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No calendar cell for {date}");
        var tagStart = html.LastIndexOf("<td", start, StringComparison.Ordinal);
        var end = html.IndexOf("</td>", start, StringComparison.Ordinal);
        return html[(includeTag ? tagStart : start)..end];
    }

    [GeneratedRegex("data-date=\"(\\d{4}-\\d{2}-\\d{2})\"")]
    private static partial Regex DataDate();
}

public sealed class SchedulePagesTests_Sqlite(SqliteApp app) : SchedulePagesTests(app), IClassFixture<SqliteApp>;

public sealed class SchedulePagesTests_Postgres(PostgresApp app) : SchedulePagesTests(app), IClassFixture<PostgresApp>;
