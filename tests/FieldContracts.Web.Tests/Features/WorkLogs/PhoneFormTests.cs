using System.Text.RegularExpressions;
using FieldContracts.Scheduling.Specification;
using FieldContracts.Web.Tests.Features.Complaints;
using Microsoft.EntityFrameworkCore;
using static FieldContracts.Web.Tests.Features.WorkLogs.WorkLogFixtures;

namespace FieldContracts.Web.Tests.Features.WorkLogs;

/// <summary>
/// The crew leader's phone form when the server refuses a post: the attached photo is kept for the draft, the field is
/// marked and named as the form names it; and the form filled in from the crew's last visit of the same kind.
/// </summary>
public abstract partial class PhoneFormTests(TestApp app)
{
    private readonly WorkLogFixtures _f = new(app);

    [Fact]
    public async Task RefusedWithAPhoto_KeepsThePhotoAndMarksTheField_ThenLogsItWithTheKeptPhoto()
    {
        var mowing = await _f.MowingAsync("BHS", new LocalDate(2003, 8, 18));
        var day = mowing.PlannedDate!.Value;
        _f.Now(day.Month, day.Day, 17);
        var crew = await _f.CrewAsync();
        var url = $"/worklogs/new?occurrence={mowing.Id}";
        var key = Guid.NewGuid().ToString();
        var form = await crew.GetStringAsync(url);
        var photo = Evidence.Png();
        var before = await _f.CountsAsync();

        // Finish before start: refused, with the photo of the infield attached.
        var refused = await Evidence.PostPageAsync(crew, url, Fields(form, mowing.Id, day, key, finished: "06:30"), ("Photos", "infield.png", photo));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Equal(before, await _f.CountsAsync());
        Assert.Contains("Photo kept: infield.png", page);
        var token = KeptToken().Match(page);
        Assert.True(token.Success, "The re-rendered form refers to the pending photo.");
        var finish = Regex.Match(page, "<input[^>]*id=\"Input_Finished\"[^>]*>").Value;
        Assert.Contains("aria-invalid=\"true\"", finish);
        Assert.Contains("aria-describedby=\"Input_Finished-error\"", finish);
        Assert.Contains("value=\"06:30\"", finish);
        Assert.Matches("<span id=\"Input_Finished-error\"[^>]*>Work ends after it begins.</span>", page);
        Assert.Equal(["<a href=\"#Input_Finished\">Finish: Work ends after it begins.</a>"], Summary(page));
        Assert.Contains("data-first-error=\"Input_Finished\"", page);
        // Once in the summary, once next to the field.
        Assert.Equal(2, Regex.Matches(page, "Work ends after it begins.").Count);
        Assert.Contains("Dana Rivera\nSam Ortiz", WebUtility.HtmlDecode(page));

        // Put right, sent again with the kept photo and no file: logged, with the photo.
        var logged = await Evidence.PostPageAsync(crew, url,
            [.. Fields(form, mowing.Id, day, key, finished: "09:30"), ("Input.KeptPhotos", WebUtility.HtmlDecode(token.Groups[1].Value))]);

        Assert.Equal(HttpStatusCode.Redirect, logged.StatusCode);
        await using var db = app.Database.CreateContext();
        var log = await db.WorkLogs.SingleAsync(l => l.IdempotencyKey == key);
        var stored = await db.WorkLogPhotos.Where(p => p.WorkLogId == log.Id).ToListAsync();
        Assert.Equal(["infield.png"], stored.Select(p => p.FileName));
        Assert.Equal(Evidence.Sha256(photo), stored[0].Sha256);
    }

    [Fact]
    public async Task KeptPhoto_OfAnotherDraftOrExpired_IsNotLogged()
    {
        var mowing = await _f.MowingAsync("HPHS", new LocalDate(2003, 8, 25));
        var day = mowing.PlannedDate!.Value;
        _f.Now(day.Month, day.Day, 17);
        var crew = await _f.CrewAsync();
        var url = $"/worklogs/new?occurrence={mowing.Id}";
        var key = Guid.NewGuid().ToString();
        var form = await crew.GetStringAsync(url);
        var refused = await Evidence.PostPageAsync(crew, url, Fields(form, mowing.Id, day, key, finished: "06:30"), ("Photos", "fence.png", Evidence.Png()));
        var token = WebUtility.HtmlDecode(KeptToken().Match(await refused.Content.ReadAsStringAsync()).Groups[1].Value);

        // Another draft (another idempotency key) finds nothing under the token.
        var other = await Evidence.PostPageAsync(crew, url,
            [.. Fields(form, mowing.Id, day, Guid.NewGuid().ToString(), finished: "06:30"), ("Input.KeptPhotos", token)]);
        Assert.DoesNotContain("Photo kept: fence.png", await other.Content.ReadAsStringAsync());

        // A day and an hour later the token has expired: the visit is logged without the photo.
        var next = day.PlusDays(1);
        _f.Now(next.Month, next.Day, 18);
        var late = await Evidence.PostPageAsync(crew, url, [.. Fields(form, mowing.Id, day, key, finished: "09:30"), ("Input.KeptPhotos", token)]);

        Assert.Equal(HttpStatusCode.Redirect, late.StatusCode);
        await using var db = app.Database.CreateContext();
        var log = await db.WorkLogs.SingleAsync(l => l.IdempotencyKey == key);
        Assert.Equal(0, await db.WorkLogPhotos.CountAsync(p => p.WorkLogId == log.Id));
    }

    [Fact]
    public async Task NoticeTooLateForTheStartTyped_TheErrorIsAtTheNoticeAndTheLinkToRecordOneStays()
    {
        var broadleaf = await _f.OccurrenceAsync(Specification2685.Broadleaf, "WHS");
        var planned = broadleaf.ApplicationStartsAt!.Value.InZone(Hartford).LocalDateTime;
        var crew = await _f.CrewAsync();
        // Sent 25 hours before the planned start: in time for it, not for a start two hours earlier.
        var sent = planned.PlusHours(-25);
        _f.Now(sent.Month, sent.Day, sent.Hour, sent.Minute);
        Assert.Equal(HttpStatusCode.OK, (await RecordNoticeAsync(crew, broadleaf.Id, $"{sent:yyyy-MM-dd'T'HH:mm}", $"{planned.Date:yyyy-MM-dd}")).StatusCode);
        _f.Now(planned.Month, planned.Day, 12);
        var area = await _f.AreaAsync("WHS", "Football field");
        var url = $"/worklogs/new?occurrence={broadleaf.Id}";
        Assert.Contains("data-testid=\"record-notice\"", await crew.GetStringAsync(url));

        var refused = await Evidence.PostPageAsync(crew, url,
        [
            ("Input.IdempotencyKey", Guid.NewGuid().ToString()), ("Input.OccurrenceIds", broadleaf.Id.ToString()),
            ("Input.Date", $"{planned.Date:yyyy-MM-dd}"), ("Input.Started", $"{planned.PlusHours(-2):HH:mm}"), ("Input.Finished", $"{planned:HH:mm}"),
            ("Input.Crew", "Lee Chen"), ("Input.Application.Product", "Trimec Classic (sample product)"),
            ("Input.Application.EpaRegistrationNumber", "2217-543"), ("Input.Application.ActiveIngredient", "2,4-D, mecoprop-p, dicamba"),
            ("Input.Application.Rate", "1.5 fl oz per 1,000 sq ft"), ("Input.Application.Amount", "12.5"), ("Input.Application.AmountUnit", "gal"),
            ("Input.Application.AreaIds", area.ToString()), ("Input.Application.TargetPest", "Dandelion"),
            ("Input.Application.SupervisorName", "Pat Morgan"), ("Input.Application.SupervisorNumber", "S-10442"),
            ("Input.Application.SupervisorExpires", "2004-12-31"), ("Input.Application.ApplicatorName", "Lee Chen"),
            ("Input.Application.ApplicatorNumber", "B-22871"), ("Input.Application.ApplicatorExpires", "2004-06-30"),
            ("Input.Application.WindMph", "4"), ("Input.Application.TemperatureF", "71"), ("Input.Application.SignsPosted", "true"),
        ]);

        var page = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("data-testid=\"record-notice\"", page);
        Assert.Contains("id=\"notice-error\"", page);
        Assert.Matches("^<a href=\"#notice\">Pre-notification: [^<]*No valid prior notice of this application.[^<]*</a>$", Assert.Single(Summary(page)));
        Assert.Contains("No valid prior notice of this application.", page);
        Assert.Matches("id=\"Input_Application_EmergencyReason\"[^>]*aria-describedby=\"notice-error\"", page);
        Assert.DoesNotContain("Application, ", page);
    }

    [Fact]
    public async Task ChemicalVisit_FilledFromTheCrewsLastVisitOfTheSameKind()
    {
        // Hartford Public's broadleaf logged as an emergency, 06:00 to 08:00 by Lee Chen; then Weaver's broadleaf is opened.
        var hartford = await _f.OccurrenceAsync(Specification2685.Broadleaf, "HPHS");
        var day = hartford.PlannedDate!.Value;
        _f.Now(day.Month, day.Day, 10);
        var crew = await _f.CrewAsync();
        var area = await _f.AreaAsync("HPHS", "Baseball outfield");
        var logged = await crew.PostAsync("/api/worklogs", Json(Chemical(hartford.Id, day,
            Application(area, new LocalDate(2004, 6, 30), emergencyReason: "Yellow jackets nesting in the outfield turf by the dugout"))));
        Assert.Equal(HttpStatusCode.Created, logged.StatusCode);
        var weaver = await _f.OccurrenceAsync(Specification2685.Broadleaf, "WHS");
        var mowing = await _f.MowingAsync("WHS", new LocalDate(2003, 9, 1));

        var form = await crew.GetStringAsync($"/worklogs/new?occurrence={weaver.Id}");

        var start = weaver.ApplicationStartsAt!.Value.InZone(Hartford).TimeOfDay;
        Assert.Contains($"value=\"{start.PlusHours(2):HH:mm}\"", Regex.Match(form, "<input[^>]*id=\"Input_Finished\"[^>]*>").Value);
        Assert.Contains("data-usual-minutes=\"120\"", form);
        Assert.Contains(">Lee Chen</textarea>", form);
        Assert.Contains("value=\"Trimec Classic (sample product)\"", form);
        Assert.Contains("value=\"2217-543\"", form);
        Assert.Contains("name=\"Input.Application.ApplicatorName\" id=\"Input_Application_ApplicatorName\"", form);
        Assert.Matches("name=\"Input.Application.ApplicatorNumber\"[^>]*value=\"B-22871\"", form);
        Assert.Matches("name=\"Input.Application.SupervisorExpires\"[^>]*value=\"2004-12-31\"", form);
        Assert.Contains("data-testid=\"previous\"", form);
        // Nothing is in error yet: no field is marked or points at an error.
        Assert.DoesNotContain("aria-invalid", form);
        Assert.DoesNotContain("aria-describedby", form);

        // Mowing is another kind of work: nothing of the broadleaf visit is carried over to it.
        var mowingForm = await crew.GetStringAsync($"/worklogs/new?occurrence={mowing.Id}");
        Assert.DoesNotContain("Lee Chen", mowingForm);
        Assert.DoesNotContain("Trimec", mowingForm);
    }

    private static (string, string)[] Fields(string form, Guid occurrence, LocalDate day, string key, string finished)
    {
        // Every area mowed is on the form; the first is cut at 2.5″.
        var areas = Regex.Matches(form, "name=\"Input.Heights\\[(\\d+)\\].AreaId\" value=\"([^\"]+)\"");
        Assert.NotEmpty(areas);
        return
        [
            ("Input.IdempotencyKey", key), ("Input.OccurrenceIds", occurrence.ToString()), ("Input.Date", day.ToString("yyyy-MM-dd", null)),
            ("Input.Started", "07:00"), ("Input.Finished", finished), ("Input.Crew", "Dana Rivera\nSam Ortiz"),
            .. areas.Select(a => ($"Input.Heights[{a.Groups[1].Value}].AreaId", a.Groups[2].Value)),
            ($"Input.Heights[{areas[0].Groups[1].Value}].After", "2.5"),
        ];
    }

    /// <summary>The lines of the page's error summary, as shown; none when it has none.</summary>
    private static IReadOnlyList<string> Summary(string html)
    {
        var summary = Regex.Match(html, "data-testid=\"error-summary\"><h2>There is a problem</h2><ul>(.*?)</ul>", RegexOptions.Singleline);
        return summary.Success ? Regex.Matches(summary.Groups[1].Value, "<li>(.*?)</li>").Select(m => m.Groups[1].Value).ToList() : [];
    }

    [GeneratedRegex("name=\"Input.KeptPhotos\" value=\"([^\"]+)\"")]
    private static partial Regex KeptToken();
}

public sealed class PhoneFormTests_Sqlite(SqliteApp app) : PhoneFormTests(app), IClassFixture<SqliteApp>;

public sealed class PhoneFormTests_Postgres(PostgresApp app) : PhoneFormTests(app), IClassFixture<PostgresApp>;
