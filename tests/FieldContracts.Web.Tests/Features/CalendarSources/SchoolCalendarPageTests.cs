using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using FieldContracts.Web.Tests.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace FieldContracts.Web.Tests.Features.CalendarSources;

/// <summary>
/// A school's calendar page as the Athletic Director uses it: every form answers a redirect, so a refresh posts
/// nothing again; a refused form says what is wrong at the form that was posted, next to the field, and keeps what
/// was typed.
/// </summary>
public abstract partial class SchoolCalendarPageTests(TestApp app)
{
    private static string Page(string school) => $"/contracts/2685/schools/{school}/calendar";

    // Weaver's home soccer game on Tuesday, July 15, 2003, 3:00 to 5:30 in the afternoon.
    private const string Game = "BEGIN:VCALENDAR\r\nPRODID:-//Weaver HS//Athletics//EN\r\nVERSION:2.0\r\n" +
        "BEGIN:VEVENT\r\nUID:soccer-20030715@weaver.example\r\nDTSTAMP:20030701T120000Z\r\n" +
        "DTSTART;TZID=America/New_York:20030715T150000\r\nDTEND;TZID=America/New_York:20030715T173000\r\n" +
        "SUMMARY:Soccer vs. Bulkeley\r\nLOCATION:Lower fields - soccer\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    [Fact]
    public async Task AddRefreshAndRemoveACalendar_EachRedirectsToTheCalendar_AndSaysWhatHappenedOnce()
    {
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));

        using var added = await PostMultipartAsync(director, Page("WHS") + "?handler=AddSource",
            [("Source.Name", "Weaver soccer"), ("Source.Kind", "AthleticSchedule"), ("Source.Reason", "The summer league")],
            ("file", "weaver-soccer.ics", Encoding.UTF8.GetBytes(Game)));

        var page = WebUtility.HtmlDecode(await Forms.FollowRedirectAsync(director, added, Page("WHS")));
        Assert.Contains("Calendar Weaver soccer added: 1 activities and closures imported", page);
        Assert.Contains("Soccer vs. Bulkeley", page);
        // Said once: the page the redirect led to, loaded again, is only the page.
        Assert.DoesNotContain("data-testid=\"saved\"", await director.GetStringAsync(Page("WHS")));
        Guid id;
        await using (var db = app.Database.CreateContext())
        {
            id = (await db.CalendarSources.SingleAsync(s => s.Name == "Weaver soccer")).Id;
        }

        using var refreshed = await TestApp.PostFormAsync(director, Page("WHS") + $"?handler=RefreshSource&id={id}", []);
        Assert.Contains("data-testid=\"saved\"", await Forms.FollowRedirectAsync(director, refreshed, Page("WHS")));

        // Remove asks first, and says what will happen.
        var confirm = WebUtility.HtmlDecode(await director.GetStringAsync(Page("WHS") + $"?remove={id}"));
        Assert.Contains("Remove Weaver soccer? Its 1 activities and 0 closures no longer count, and the plan is made again without them.",
            Regex.Replace(confirm, "<[^>]+>", ""));
        using var removed = await TestApp.PostFormAsync(director, Page("WHS") + $"?handler=RemoveSource&id={id}", []);
        Assert.Contains("Calendar removed; the plan no longer counts its activities.",
            await Forms.FollowRedirectAsync(director, removed, Page("WHS")));
        await using var after = app.Database.CreateContext();
        Assert.False(await after.CalendarSources.AnyAsync(s => s.Name == "Weaver soccer"));
    }

    [Fact]
    public async Task AddACalendar_WithoutANameOrAFile_ErrorsAtThatForm_NextToTheField_AndKeepsWhatWasTyped()
    {
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));

        using var refused = await PostMultipartAsync(director, Page("BHS") + "?handler=AddSource",
            [("Source.Name", ""), ("Source.Kind", "AthleticSchedule"), ("Source.Match", "Softball"), ("Source.Reason", "Spring softball")]);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        var form = Regex.Match(html, "<form[^>]*data-testid=\"add-source\"[\\s\\S]*?</form>").Value;
        var summary = Regex.Match(form, "<div class=\"error-summary[\\s\\S]*?</div>").Value;
        Assert.Contains("There is a problem", summary);
        Assert.Matches("<a href=\"#Source_Name\">Name: [^<]+</a>", summary);
        Assert.Matches("<input[^>]*id=\"Source_Name\"[^>]*aria-invalid=\"true\" aria-describedby=\"Source_Name-error\"", form);
        Assert.Matches("id=\"Source_Name-error\"", form);
        Assert.Contains("value=\"Softball\"", form);
        Assert.Contains("value=\"Spring softball\"", form);
        // The other forms of the page say nothing of it.
        Assert.Equal(1, Regex.Count(html, "class=\"error-summary"));
        await using var db = app.Database.CreateContext();
        Assert.False(await db.CalendarSources.AnyAsync(s => s.SiteId == db.Sites.Single(x => x.Code == "BHS").Id));
    }

    [Fact]
    public async Task AddACalendar_RefusedWithAFile_KeepsIt_ThenTheNextPostWithoutAttachingImportsTheKeptFile()
    {
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));

        // No name: refused, with the .ics file attached.
        using var refused = await PostMultipartAsync(director, Page("HPHS") + "?handler=AddSource",
            [("Source.Name", ""), ("Source.Kind", "AthleticSchedule")], ("file", "hphs-games.ics", Encoding.UTF8.GetBytes(Game)));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var form = Regex.Match(await refused.Content.ReadAsStringAsync(), "<form[^>]*data-testid=\"add-source\"[\\s\\S]*?</form>").Value;
        var token = KeptFiles.TokenOf(form, "Source.Kept", "hphs-games.ics");
        Assert.Matches("<input[^>]*id=\"Source_Name\"[^>]*aria-invalid=\"true\"", form);
        Assert.DoesNotMatch("<input[^>]*id=\"Source_File\"[^>]*aria-invalid=\"true\"", form);

        // Named, and sent again with the kept file and none attached: added from that file.
        using var added = await PostMultipartAsync(director, Page("HPHS") + "?handler=AddSource",
            [("Source.Name", "Hartford Public games"), ("Source.Kind", "AthleticSchedule"), ("Source.Kept", token)]);

        Assert.Contains("Calendar Hartford Public games added: 1 activities and closures imported",
            WebUtility.HtmlDecode(await Forms.FollowRedirectAsync(director, added, Page("HPHS"))));
        await using var db = app.Database.CreateContext();
        var source = await db.CalendarSources.SingleAsync(x => x.Name == "Hartford Public games");
        Assert.Equal("hphs-games.ics", source.FileName);
        Assert.Equal(Complaints.Evidence.Sha256(Encoding.UTF8.GetBytes(Game)), Complaints.Evidence.Sha256(Encoding.UTF8.GetBytes(source.Content!)));
    }

    [Fact]
    public async Task AddACalendar_KeptFileOfAnotherUserOrExpired_IsNotHonoured()
    {
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        using var refused = await PostMultipartAsync(director, Page("BHS") + "?handler=AddSource",
            [("Source.Name", ""), ("Source.Kind", "AthleticSchedule")], ("file", "bulkeley-games.ics", Encoding.UTF8.GetBytes(Game)));
        var token = KeptFiles.TokenOf(await refused.Content.ReadAsStringAsync(), "Source.Kept", "bulkeley-games.ics");

        // Purchasing sends the director's token: there is neither a file nor an address.
        var purchasing = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));
        using var other = await PostMultipartAsync(purchasing, Page("BHS") + "?handler=AddSource",
            [("Source.Name", "Bulkeley games"), ("Source.Kind", "AthleticSchedule"), ("Source.Kept", token)]);
        var page = WebUtility.HtmlDecode(await other.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Contains("Give either the calendar's address or an .ics file.", page);
        KeptFiles.NoneIn(page, "Source.Kept");

        // A day and an hour later the director's own token has expired.
        var now = app.Clock.GetCurrentInstant();
        app.Clock.Reset(now + Duration.FromHours(25));
        try
        {
            using var late = await PostMultipartAsync(director, Page("BHS") + "?handler=AddSource",
                [("Source.Name", "Bulkeley games"), ("Source.Kind", "AthleticSchedule"), ("Source.Kept", token)]);
            Assert.Equal(HttpStatusCode.OK, late.StatusCode);
            Assert.Contains("Give either the calendar's address or an .ics file.", WebUtility.HtmlDecode(await late.Content.ReadAsStringAsync()));
        }
        finally
        {
            app.Clock.Reset(now);
        }

        await using var db = app.Database.CreateContext();
        Assert.False(await db.CalendarSources.AnyAsync(x => x.Name == "Bulkeley games"));
    }

    [Fact]
    public async Task Hours_ClosingBeforeOpening_IsRefusedNextToThatDay_ThenSaved_WithARedirect()
    {
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        var form = new Dictionary<string, string>
        {
            ["Input.Opens[Monday]"] = "15:00", ["Input.Closes[Monday]"] = "07:00",
            ["Input.Sessions"] = "2003-09-02 2004-06-18", ["Input.Closures"] = "2003-11-27",
            ["Input.Reason"] = "The 2003-04 school year",
        };

        using var refused = await TestApp.PostFormAsync(director, Page("HPHS"), new(form));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("<a href=\"#Input_Opens_Monday_\">Monday: School must close after it opens.</a>", html);
        Assert.Matches("<input[^>]*name=\"Input.Opens\\[Monday\\]\"[^>]*id=\"Input_Opens_Monday_\"[^>]*value=\"15:00\"[^>]*aria-invalid=\"true\" aria-describedby=\"Input_Opens_Monday_-error\"", html);
        Assert.Contains("2003-09-02 2004-06-18", html);

        form["Input.Opens[Monday]"] = "07:00";
        form["Input.Closes[Monday]"] = "15:00";
        using var saved = await TestApp.PostFormAsync(director, Page("HPHS"), new(form));
        var page = await Forms.FollowRedirectAsync(director, saved, Page("HPHS"));
        Assert.Contains("Saved.", page);
        Assert.Contains("value=\"07:00\"", page);
    }

    [Fact]
    public async Task ActivityAddedThenRemoved_EachRedirects_AndTheRemovalNeedsTheActivityAsShown()
    {
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        using var added = await TestApp.PostFormAsync(director, Page("WHS") + "?handler=SaveActivity", new()
        {
            ["Activity.Name"] = "Band camp", ["Activity.Day"] = "2003-08-18", ["Activity.Starts"] = "08:00",
            ["Activity.Ends"] = "12:00", ["Activity.Reason"] = "Band camp on the practice field",
        });
        var page = WebUtility.HtmlDecode(await Forms.FollowRedirectAsync(director, added, Page("WHS")));
        var index = Regex.Match(page, "Band camp</td>[\\s\\S]*?\\?edit=(\\d+)#activity-form");
        Assert.True(index.Success, "The added activity has no link to change it.");
        var edit = index.Groups[1].Value;

        var editing = await director.GetStringAsync(Page("WHS") + $"?edit={edit}");
        var original = WebUtility.HtmlDecode(Regex.Match(editing, "name=\"Activity.Original\" value=\"([^\"]*)\"").Groups[1].Value);
        Assert.Contains("Band camp", original);
        using var removed = await TestApp.PostFormAsync(director, Page("WHS") + $"?handler=RemoveActivity&edit={edit}", new()
        {
            ["Activity.Index"] = edit, ["Activity.Original"] = original, ["Activity.Reason"] = "Band camp moved indoors",
        });
        var after = await Forms.FollowRedirectAsync(director, removed, Page("WHS"));
        Assert.DoesNotContain("Band camp", after);

        // The same removal again (a stale page): refused at the activity form, nothing else removed.
        using var again = await TestApp.PostFormAsync(director, Page("WHS") + $"?handler=RemoveActivity&edit={edit}", new()
        {
            ["Activity.Index"] = edit, ["Activity.Original"] = original, ["Activity.Reason"] = "Band camp moved indoors",
        });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var stale = Regex.Match(await again.Content.ReadAsStringAsync(), "<form[^>]*data-testid=\"activity-form\"[\\s\\S]*?</form>").Value;
        Assert.Contains("The activity was changed or removed meanwhile. Reload and try again.", stale);
    }

    private static async Task<HttpResponseMessage> PostMultipartAsync(HttpClient client, string url,
        IEnumerable<(string Name, string Value)> fields, params (string Field, string FileName, byte[] Bytes)[] files)
    {
        var page = await client.GetStringAsync(url);
        var token = Token().Match(page);
        Assert.True(token.Success, $"{url} has no anti-forgery token.");
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields.Append(("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value))))
        {
            content.Add(new StringContent(value, Encoding.UTF8), name);
        }

        foreach (var (field, fileName, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("text/calendar");
            content.Add(file, field, fileName);
        }

        return await client.PostAsync(url, content);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

public sealed class SchoolCalendarPageTests_Sqlite(SqliteApp app) : SchoolCalendarPageTests(app), IClassFixture<SqliteApp>;

public sealed class SchoolCalendarPageTests_Postgres(PostgresApp app) : SchoolCalendarPageTests(app), IClassFixture<PostgresApp>;
