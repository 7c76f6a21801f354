using System.Text.RegularExpressions;
using FieldContracts.Scheduling.Specification;
using FieldContracts.Web.Tests.Features.Shared;
using static FieldContracts.Web.Tests.Features.WorkLogs.WorkLogFixtures;

namespace FieldContracts.Web.Tests.Features.WorkLogs;

/// <summary>
/// The notice form and the visit's forms on #2685 forgive: each step taken answers a redirect to the page that shows it,
/// so a refresh takes nothing again; a refused one is shown at its form, named by the form's label and linked to its
/// field, which is marked and keeps what was typed.
/// </summary>
public abstract class WorkLogFormsTests(TestApp app)
{
    private readonly WorkLogFixtures _f = new(app);

    [Fact]
    public async Task NoticePage_SentInTheFuture_MarkedAndKept_ThenRecorded_AndTheFormItLeadsToShowsIt()
    {
        var broadleaf = await _f.OccurrenceAsync(Specification2685.Broadleaf, "WHS");
        var planned = broadleaf.ApplicationStartsAt!.Value.InZone(Hartford).LocalDateTime;
        var now = planned.PlusHours(-30);
        _f.Now(now.Month, now.Day, now.Hour, now.Minute);
        var crew = await _f.CrewAsync();
        var director = await _f.DirectorAsync();
        var url = $"/worklogs/notices/new?occurrence={broadleaf.Id}";
        var later = $"{now.PlusHours(2):yyyy-MM-dd'T'HH:mm}";
        var day = $"{planned.Date:yyyy-MM-dd}";

        var refused = await TestApp.PostFormAsync(crew, url, new() { ["SentAt"] = later, ["ApplicationDate"] = day, ["Channel"] = "0" });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(["<a href=\"#SentAt\">Sent at (Hartford time): A notice is recorded once it has gone out, not before.</a>"], Summary(html));
        Assert.Matches($"<input[^>]*id=\"SentAt\" value=\"{later}\"[^>]*aria-invalid=\"true\" aria-describedby=\"SentAt-error\"", html);
        Assert.Contains("id=\"SentAt-error\"", html);
        Assert.Contains($"value=\"{day}\"", html);

        // The crew leader records it and is back at the visit form, which shows it; the Athletic Director at the notice's page.
        var sent = $"{now.PlusHours(-1):yyyy-MM-dd'T'HH:mm}";
        var visitForm = await Forms.FollowRedirectAsync(crew,
            await TestApp.PostFormAsync(crew, url, new() { ["SentAt"] = sent, ["ApplicationDate"] = day, ["Channel"] = "0" }), "/worklogs/new");
        Assert.Contains("data-testid=\"notices\"", visitForm);
        var notices = await Forms.FollowRedirectAsync(director,
            await TestApp.PostFormAsync(director, url, new() { ["SentAt"] = sent, ["ApplicationDate"] = day, ["Channel"] = "0" }),
            "/worklogs/notices/new");
        Assert.Contains("data-testid=\"notices\"", notices);
        Assert.Contains($"naming {FieldContracts.Web.Features.Shared.Display.Short(planned.Date)}", WebUtility.HtmlDecode(notices));
    }

    [Fact]
    public async Task VisitPage_DisputeAnswerCorrectVerify_EachRedirectsToTheVisit_RefusalsAtTheirForm()
    {
        var mowing = await _f.MowingAsync("WHS", new LocalDate(2003, 8, 4));
        var day = mowing.PlannedDate!.Value;
        _f.Now(day.Month, day.Day, 17);
        var crew = await _f.CrewAsync();
        var director = await _f.DirectorAsync();
        var area = await _f.AreaAsync("WHS", "Football field");
        var logged = await crew.PostAsync("/api/worklogs", Json(Mowing(mowing.Id, day, [Height(area, 2.25m, 3m)])));
        Assert.Equal(HttpStatusCode.Created, logged.StatusCode);
        var path = $"/worklogs/{(await BodyAsync(logged)).GetProperty("id").GetString()}";

        // The Athletic Director disputes it: words too long are refused at "What is wrong", and kept.
        var words = string.Concat(Enumerable.Repeat("The lower field was not mowed. ", 70));
        var tooLong = await TestApp.PostFormAsync(director, $"{path}?handler=Dispute", new() { ["Text"] = words });
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        var html = await tooLong.Content.ReadAsStringAsync();
        Assert.Equal(["<a href=\"#Text\">What is wrong: At most 2000 characters.</a>"], Summary(html));
        Assert.Matches("<textarea[^>]*id=\"Text\"[^>]*aria-invalid=\"true\" aria-describedby=\"Text-error\"[^>]*>" + words, html);
        var disputed = await Forms.FollowRedirectAsync(director,
            await TestApp.PostFormAsync(director, $"{path}?handler=Dispute", new() { ["Text"] = "The lower field was not mowed at 11 a.m." }), path);
        Assert.Contains("Disputed; the contractor is asked to answer.", disputed);

        // The contractor answers: without words it is refused at the answer.
        var blank = await TestApp.PostFormAsync(crew, $"{path}?handler=Answer", new() { ["Text"] = " " });
        Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
        html = await blank.Content.ReadAsStringAsync();
        Assert.Equal(["<a href=\"#Text\">Answer: Give the text.</a>"], Summary(html));
        Assert.Matches("<textarea[^>]*id=\"Text\"[^>]*aria-invalid=\"true\" aria-describedby=\"Text-error\"", html);
        var answered = await Forms.FollowRedirectAsync(crew,
            await TestApp.PostFormAsync(crew, $"{path}?handler=Answer", new() { ["Text"] = "It was mowed after 1 p.m., once the camp left." }), path);
        Assert.Contains("Answer sent to the Athletic Director.", answered);

        // The contractor corrects it: without why, and with a height of cut of 0, each refused at its field; what was typed stays.
        var correction = new Dictionary<string, string>
        {
            ["Correction.Started"] = "07:00", ["Correction.Finished"] = "10:00", ["Correction.Crew"] = "Dana Rivera\nSam Ortiz\nLee Chen",
            ["Correction.After[0]"] = "2.25", ["Correction.Before[0]"] = "3", ["Correction.Notes"] = "Blades sharpened this morning.",
            ["Correction.Why"] = "",
        };
        var noWhy = await TestApp.PostFormAsync(crew, $"{path}?handler=Correct", new Dictionary<string, string>(correction));
        Assert.Equal(HttpStatusCode.OK, noWhy.StatusCode);
        html = await noWhy.Content.ReadAsStringAsync();
        Assert.StartsWith("<a href=\"#Correction_Why\">Why: Say why the visit is corrected", Assert.Single(Summary(html)));
        Assert.Matches("<input[^>]*id=\"Correction_Why\"[^>]*aria-invalid=\"true\" aria-describedby=\"Correction_Why-error\"", html);
        Assert.Contains("Dana Rivera\nSam Ortiz\nLee Chen</textarea>", WebUtility.HtmlDecode(html));
        Assert.Matches("<input[^>]*id=\"Correction_Finished\" value=\"10:00\"", html);
        Assert.Contains("<details open>", html);
        correction["Correction.Why"] = "Lee Chen joined the crew at 9.";
        correction["Correction.After[0]"] = "0";
        var noHeight = await TestApp.PostFormAsync(crew, $"{path}?handler=Correct", new Dictionary<string, string>(correction));
        Assert.Equal(HttpStatusCode.OK, noHeight.StatusCode);
        html = await noHeight.Content.ReadAsStringAsync();
        Assert.Equal(["<a href=\"#Correction_After_0_\">Football field after (in): Give the height of cut in inches, more than 0 and at most 12.</a>"], Summary(html));
        Assert.Matches("<input[^>]*id=\"Correction_After_0_\" value=\"0\"[^>]*aria-invalid=\"true\" aria-describedby=\"Correction_After_0_-error\"", html);
        Assert.Matches("<input[^>]*id=\"Correction_Why\" value=\"Lee Chen joined the crew at 9.\"", html);
        correction["Correction.After[0]"] = "2.25";
        var corrected = await Forms.FollowRedirectAsync(crew, await TestApp.PostFormAsync(crew, $"{path}?handler=Correct", correction), path);
        Assert.Contains("Corrected: a new version is recorded.", corrected);
        Assert.Contains("corrected — Lee Chen joined the crew at 9.", WebUtility.HtmlDecode(corrected));
        Assert.Contains("Lee Chen", WebUtility.HtmlDecode(corrected));

        // The Athletic Director verifies it; verified again, the refusal is said at the top, as no form to verify is left.
        var verified = await Forms.FollowRedirectAsync(director, await TestApp.PostFormAsync(director, $"{path}?handler=Verify", []), path);
        Assert.Contains("Verified.", verified);
        var again = await TestApp.PostFormAsync(director, $"{path}?handler=Verify", []);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(["The visit is verified; it is closed."], Summary(await again.Content.ReadAsStringAsync()));
    }

    /// <summary>The lines of the page's error summary, as shown; none when it has none.</summary>
    private static IReadOnlyList<string> Summary(string html)
    {
        var summary = Regex.Match(html, "data-testid=\"error-summary\"><h2>There is a problem</h2><ul>(.*?)</ul>", RegexOptions.Singleline);
        return summary.Success ? Regex.Matches(summary.Groups[1].Value, "<li>(.*?)</li>").Select(m => m.Groups[1].Value).ToList() : [];
    }
}

public sealed class WorkLogFormsTests_Sqlite(SqliteApp app) : WorkLogFormsTests(app), IClassFixture<SqliteApp>;

public sealed class WorkLogFormsTests_Postgres(PostgresApp app) : WorkLogFormsTests(app), IClassFixture<PostgresApp>;
