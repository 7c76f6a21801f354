using System.Text.Json;
using System.Text.RegularExpressions;
using FieldContracts.Web.Features.Home;
using FieldContracts.Web.Features.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace FieldContracts.Web.Tests.Features.Home;

/// <summary>
/// The home page of each demo role on Thursday, July 10, 2003, with #2685's demo data (and the second contractor's
/// contract 9001): what each section lists, that each item links where it is acted on, and that each role sees only
/// its own section and a contractor only its own contract's work.
/// </summary>
public abstract partial class HomePageTests(TestApp app)
{
    [Fact]
    public async Task SignIn_EveryRole_LandsOnTheHomePageWithItsOwnSectionOnly()
    {
        foreach (var (role, section) in new[]
                 {
                     (Roles.Contractor, "home-crew"), (Roles.AthleticDirector, "home-director"), (Roles.Purchasing, "home-purchasing"),
                     (Roles.Finance, "home-finance"),
                 })
        {
            var client = app.Anonymous();
            var response = await TestApp.PostFormAsync(client, "/account/sign-in",
                new() { ["Input.Email"] = TestApp.EmailOf(role), ["Input.Password"] = FieldContracts.Web.Demo.DemoData.Password });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/", response.Headers.Location?.OriginalString);

            var html = await client.GetStringAsync("/");

            Assert.Equal([section], Sections().Matches(html).Select(m => m.Groups[1].Value).ToList());
            Assert.Contains("Today, Thursday, July 10, 2003", html);
            Assert.Contains("href=\"/contracts/2685\"", html);
            Assert.Equal(role == Roles.Purchasing, html.Contains("href=\"/contracts/new\"", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Crew_WeekOfJuly10_ListsItsOwnWorkWithLogLinks_MissedFirst()
    {
        await MissedPassAsync();
        var crew = await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor));
        var other = await app.SignedInAsync(TestApp.OtherContractorEmail);

        var html = await crew.GetStringAsync("/");
        var otherHtml = await other.GetStringAsync("/");

        var week = await PlannedIdsAsync(crew, "2003-07-10", "2003-07-16", chemicalOnly: false);
        var otherWeek = await PlannedIdsAsync(other, "2003-07-10", "2003-07-16", chemicalOnly: false);
        Assert.NotEmpty(week);
        Assert.Equal(week.Order(), Ids(html, "work").Order());
        Assert.Equal(otherWeek.Order(), Ids(otherHtml, "work").Order());
        Assert.Empty(week.Intersect(Ids(otherHtml, "work")));
        Assert.All(week, id => Assert.Contains($"href=\"/worklogs/new?occurrence={id}\"", html));
        Assert.DoesNotContain("#9001", html);

        var missed = await MissedOccurrencesAsync(crew, "2685");
        Assert.Equal(missed.Order(), Ids(html, "missed").Order());
        Assert.NotEmpty(missed);
        Assert.True(html.IndexOf("data-testid=\"crew-missed\"", StringComparison.Ordinal) < html.IndexOf("data-testid=\"crew-week\"", StringComparison.Ordinal),
            "Missed work comes before the week.");
    }

    [Fact]
    public async Task Crew_ChemicalApplicationOfTheWeek_ShowsItsNoticeAndWhatIsStillNeeded()
    {
        var crew = await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor));

        var html = await crew.GetStringAsync("/");

        var chemical = await PlannedIdsAsync(crew, "2003-07-10", "2003-07-16", chemicalOnly: true);
        Assert.NotEmpty(chemical);
        foreach (var id in chemical)
        {
            var item = Item(html, "work", id);
            Assert.Contains("Chemical", item);
            Assert.Matches("Notice (due|sent|overdue)", item);
            if (!item.Contains("Notice sent", StringComparison.Ordinal))
            {
                Assert.Contains("A notice to the school that counts", item);
                Assert.Contains($"href=\"/worklogs/notices/new?occurrence={id}\"", item);
            }
        }
    }

    [Fact]
    public async Task Director_ListsTheNextSevenDaysApplications_TheRegister_AndChangesSinceTheLastVisit()
    {
        app.Clock.Reset(TestApp.DefaultNow.InZoneStrictly(FieldContracts.Web.Infrastructure.Hartford.Zone).ToInstant());
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));

        var first = await director.GetStringAsync("/");

        var chemicals = await PlannedIdsAsync(director, "2003-07-10", "2003-07-17", chemicalOnly: true);
        Assert.NotEmpty(chemicals);
        Assert.Equal(chemicals.Order(), Ids(first, "chemical").Order());
        Assert.All(chemicals, id => Assert.Matches("Notice (due|sent|overdue)", Item(first, "chemical", id)));
        Assert.Contains("href=\"/feeds\"", first);
        Assert.Contains("Changes to the plan since a week ago", first);
        // The demo's sample school calendars, one change per school, made when the demo data was loaded.
        Assert.Equal(3, Count(first, "Sample school calendar (demo data)"));

        var again = await director.GetStringAsync("/");
        Assert.Equal(3, Count(again, "Sample school calendar (demo data)"));

        app.Clock.AdvanceHours(2);
        var later = await director.GetStringAsync("/");
        Assert.Contains("Changes to the plan since your last visit", later);
        Assert.Contains("data-testid=\"director-changes-empty\"", later);
        app.Clock.Reset(TestApp.DefaultNow.InZoneStrictly(FieldContracts.Web.Infrastructure.Hartford.Zone).ToInstant());
    }

    [Fact]
    public async Task Director_OpenDeficiencies_AreTheRegistersNotClosed()
    {
        await MissedPassAsync();
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));

        var html = await director.GetStringAsync("/");

        var listed = Regex.Match(html, "data-testid=\"director-deficiencies-count\">(\\d+) open,");
        Assert.True(listed.Success, "The open deficiencies are counted.");
        Assert.True(int.Parse(listed.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= (await MissedOccurrencesAsync(director, "2685")).Count);
        Assert.Contains("href=\"/contracts/2685/deficiencies#d-", html);
    }

    [Fact]
    public async Task Purchasing_StandingOfEachContract_WithLinksToActOn()
    {
        var purchasing = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));

        var html = await purchasing.GetStringAsync("/");

        foreach (var number in new[] { "2685", "9001" })
        {
            var card = Card(html, number);
            var scorecard = await GetJsonAsync(purchasing, $"/api/contracts/{number}/scorecard");
            var onTime = scorecard.GetProperty("onTime").GetProperty("allSchools");
            var register = await GetJsonAsync(purchasing, $"/api/contracts/{number}/deficiencies");
            var open = register.EnumerateArray().Count(d => d.GetProperty("status").GetString() is not ("Cured" or "Withdrawn"));
            Assert.Contains($"href=\"/contracts/{number}/settings\"", card);
            Assert.Contains($"href=\"/contracts/{number}/scorecard\"", card);
            Assert.Contains($"of {onTime.GetProperty("counted").GetInt32()})", card);
            Assert.Matches($"href=\"/contracts/{number}/deficiencies\">{open}<", card);
            Assert.Matches($"href=\"/contracts/{number}/cases\">0<", card);
        }

        // The demo's insurance on July 10, 2003: the May 2003 certificate and the automobile renewal.
        var compliance = await GetJsonAsync(purchasing, "/api/contracts/2685/insurance/compliance");
        Assert.Contains(compliance.GetProperty("allMet").GetBoolean() ? ">Met<" : ">Not met<", Card(html, "2685"));
    }

    [Fact]
    public async Task Finance_ItsQueue_TheTwoDemoInstallmentsAwaitingApproval_AndNoPurchasingTools()
    {
        var finance = await app.SignedInAsync(TestApp.EmailOf(Roles.Finance));

        var html = await finance.GetStringAsync("/");

        var awaiting = Section(html, "finance-awaiting");
        Assert.Equal(2, Count(awaiting, "<li>"));
        Assert.Contains("Installment 2685-01, May 15, 2003 – May 31, 2003", awaiting);
        Assert.Contains("$1,517.33", awaiting);
        Assert.Contains("Installment 2685-02", awaiting);
        Assert.Contains("$2,677.64", awaiting);
        Assert.Equal(2, Count(awaiting, "Approve or reject"));
        Assert.DoesNotContain("data-testid=\"finance-empty\"", html);
        Assert.DoesNotContain("/contracts/new", html);
        Assert.DoesNotContain("/notices/undelivered", html);
        Assert.DoesNotContain("data-testid=\"home-purchasing\"", html);
        Assert.Equal(HttpStatusCode.Redirect, (await finance.GetAsync("/contracts/new")).StatusCode);
    }

    [Fact]
    public async Task SetUpPage_BrokenDocument_IsRefusedWithItsPathAndKeepsTheText_ThenAValidOneIsSetUp()
    {
        var purchasing = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));
        var demo = await FieldContracts.Web.Demo.DemoData.LoadContract2685Async(CancellationToken.None);
        var document = JsonSerializer.Serialize(demo with
        {
            Number = "2685-B", Title = "Athletic fields (set up from the page)",
            Contractor = demo.Contractor! with { Name = "Set-up page grounds (test)" },
        }, FieldContracts.Web.Infrastructure.JsonConfiguration.Options);
        var noTerm = Regex.Replace(document, "\"term\":\\{[^}]*\\}", "\"term\":{\"start\":\"2003-05-15\",\"end\":\"2003-01-01\"}");

        var refused = await TestApp.PostFormAsync(purchasing, "/contracts/new", new() { ["Json"] = noTerm });
        var taken = await TestApp.PostFormAsync(purchasing, "/contracts/new", new() { ["Json"] = document.Replace("2685-B", "2685") });
        var broken = await TestApp.PostFormAsync(purchasing, "/contracts/new", new() { ["Json"] = "{\"number\": 2685" });

        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("<code>term.end</code>", html);
        Assert.Contains("nothing was set up", html);
        Assert.Contains("The term cannot end before it starts.", html);
        Assert.Contains("aria-invalid=\"true\"", html);
        Assert.Contains(System.Net.WebUtility.HtmlEncode("\"title\":\"Athletic fields (set up from the page)\""), html);
        Assert.Contains("Contract 2685 is already set up.", await taken.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, broken.StatusCode);
        Assert.Contains("<code>$", await broken.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await purchasing.GetAsync("/api/contracts/2685-B")).StatusCode);

        var created = await TestApp.PostFormAsync(purchasing, "/contracts/new", new() { ["Json"] = document });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/contracts/2685-B", created.Headers.Location?.OriginalString);
        var overview = await GetJsonAsync(purchasing, "/api/contracts/2685-B");
        Assert.Equal("Athletic fields (set up from the page)", overview.GetProperty("title").GetString());
        Assert.Equal(3, overview.GetProperty("sites").GetArrayLength());
        var crew = await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor));
        Assert.Equal(HttpStatusCode.Redirect, (await crew.GetAsync("/contracts/new")).StatusCode);
    }

    private async Task MissedPassAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MissedWorkHandler>().HandleAsync(new LocalDate(2003, 7, 10), CancellationToken.None);
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>The planned work the user's contracts have on those days (the work-log API's list), not logged when chemical.</summary>
    private static async Task<List<Guid>> PlannedIdsAsync(HttpClient client, string from, string to, bool chemicalOnly) =>
        (await GetJsonAsync(client, $"/api/worklogs/planned?from={from}&to={to}")).EnumerateArray()
        .Where(o => !chemicalOnly || (o.GetProperty("isChemical").GetBoolean() && o.GetProperty("loggedOn").ValueKind != JsonValueKind.String))
        .Select(o => o.GetProperty("occurrenceId").GetGuid()).ToList();

    private static async Task<List<Guid>> MissedOccurrencesAsync(HttpClient client, string number) =>
        (await GetJsonAsync(client, $"/api/contracts/{number}/deficiencies?kind=MissedWork")).EnumerateArray()
        .Where(d => d.GetProperty("status").GetString() is "Open" or "Acknowledged" or "Upheld")
        .Select(d => d.GetProperty("occurrenceId").GetGuid()).ToList();

    private static List<Guid> Ids(string html, string prefix) =>
        Regex.Matches(html, $"data-testid=\"{prefix}-([0-9a-f-]{{36}})\"").Select(m => Guid.Parse(m.Groups[1].Value)).ToList();

    /// <summary>The markup of one list item, from its opening tag to the next item's.</summary>
    private static string Item(string html, string prefix, Guid id)
    {
        var start = html.IndexOf($"data-testid=\"{prefix}-{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"{prefix}-{id} is not on the page.");
        var next = html.IndexOf($"data-testid=\"{prefix}-", start + 10, StringComparison.Ordinal);
        return html[start..(next > 0 ? next : html.IndexOf("</section>", start, StringComparison.Ordinal))];
    }

    private static string Card(string html, string number)
    {
        var start = html.IndexOf($"data-testid=\"standing-{number}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"standing-{number} is not on the page.");
        return html[start..html.IndexOf("</article>", start, StringComparison.Ordinal)];
    }

    private static string Section(string html, string testId)
    {
        var start = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"{testId} is not on the page.");
        return html[start..html.IndexOf("</ul>", start, StringComparison.Ordinal)];
    }

    private static int Count(string html, string text) => Regex.Matches(html, Regex.Escape(text)).Count;

    [GeneratedRegex("data-testid=\"(home-[a-z]+)\"")]
    private static partial Regex Sections();
}

public sealed class HomePageTests_Sqlite(SqliteApp app) : HomePageTests(app), IClassFixture<SqliteApp>;

public sealed class HomePageTests_Postgres(PostgresApp app) : HomePageTests(app), IClassFixture<PostgresApp>;
