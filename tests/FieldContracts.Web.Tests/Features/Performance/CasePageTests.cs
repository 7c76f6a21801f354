using System.Net;
using FieldContracts.Data.Performance;
using FieldContracts.Web.Tests.Features.Shared;
using Microsoft.EntityFrameworkCore;
using static FieldContracts.Web.Tests.Features.Complaints.Evidence;
using static FieldContracts.Web.Tests.Features.Shared.RefusedForm;
using static FieldContracts.Web.Tests.Features.Performance.CaseFlow;

namespace FieldContracts.Web.Tests.Features.Performance;

/// <summary>
/// The case page keeps what a person attached: the crew leader's cure, posted on July 21, 2003 with a photo but without
/// saying what was done, is refused next to the field with the photo kept; sent again, the cure carries that photo. Each
/// step's form is refused in itself, the others untouched, and a step taken redirects to the case, which says so.
/// </summary>
public abstract class CasePageTests(TestApp app) : IAsyncLifetime
{
    public Task InitializeAsync()
    {
        SetToday(app, new LocalDate(2003, 7, 10));
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        SetToday(app, new LocalDate(2003, 7, 10));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task SubmitCure_RefusedWithAPhoto_KeepsThePhoto_ThenSubmittedWithIt()
    {
        var deficiencies = await MissedWorkAsync(app, 1);
        var purchasing = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));
        var crew = await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor));
        var id = await OpenAsync(purchasing, deficiencies);
        await StepAsync(purchasing, id, "meeting", new { on = new LocalDate(2003, 7, 14), place = "City Hall", attendees = new[] { "Purchasing" }, text = "7 A." });
        SetToday(app, new LocalDate(2003, 7, 14));
        await StepAsync(purchasing, id, "meeting/held", new { heldOn = new LocalDate(2003, 7, 14), minutes = "Heard.", contractorResponse = "Will mow.", text = "Held." });
        await StepAsync(purchasing, id, "remedial-period", new
        {
            startsOn = new LocalDate(2003, 7, 15), endsOn = new LocalDate(2003, 7, 29),
            requirements = deficiencies.Select(d => new { deficiencyId = d, curedMeans = "Mowed to spec IV height." }), text = "7 B.",
        });
        await StepAsync(purchasing, id, "cure-notice", new { text = "Notice." });
        SetToday(app, new LocalDate(2003, 7, 21));
        var url = $"/contracts/2685/cases/{id}";
        var png = Png();

        var refused = await PostPageAsync(crew, url,
            [("Form.Action", "SubmitCure"), ("Form.DeficiencyId", deficiencies[0].ToString()), ("Form.Text", "")], ("Files", "mowed.png", png));
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        AssertMarked(html, "SubmitCure.Text", "What was done, and when", "Say why, or what was done and seen.");
        Assert.Contains("data-testid=\"error-summary\"", Form(html, "form-SubmitCure"), StringComparison.Ordinal);
        var kept = $"{Sha256(png)}/mowed.png";
        Assert.Contains($"name=\"Form.KeptFiles\" value=\"{kept}\" checked", html, StringComparison.Ordinal);
        Assert.Equal(("RemedialPeriodRunning", 5), await StateAsync(app, id));

        var submitted = await PostPageAsync(crew, url,
            [("Form.Action", "SubmitCure"), ("Form.DeficiencyId", deficiencies[0].ToString()), ("Form.Text", "Mowed on July 21."), ("Form.KeptFiles", kept)]);

        Assert.Contains("data-testid=\"done\">Cure submitted by the contractor.</p>", await Forms.FollowRedirectAsync(crew, submitted, url),
            StringComparison.Ordinal);
        await using var db = app.Database.CreateContext();
        var photo = await db.CaseDocuments.AsNoTracking().SingleAsync(d => d.CaseId == id && d.Kind == CaseDocumentKind.Attachment);
        Assert.Equal(("mowed.png", Sha256(png)), (photo.FileName, photo.Sha256));
        Assert.Equal(png, await crew.GetByteArrayAsync($"/contracts/2685/case-documents/{photo.Id}"));
    }

    [Fact]
    public async Task ScheduleMeeting_RefusedForADayGone_MarkedInItsOwnFormAndKept_ThenScheduledAndRedirectedToTheCase()
    {
        var deficiencies = await MissedWorkAsync(app, 1);
        var purchasing = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));
        var id = await OpenAsync(purchasing, deficiencies);
        var url = $"/contracts/2685/cases/{id}";
        (string, string)[] Meeting(string on) =>
        [
            ("Form.Action", "ScheduleMeeting"), ("Form.On", on), ("Form.Place", "City Hall, 550 Main Street, Room 200"),
            ("Form.Attendees", "Purchasing agent\nDirector of Athletics"), ("Form.Text", "You are invited to respond to the complaints below."),
        ];

        var refused = await PostPageAsync(purchasing, url, Meeting("2003-07-09"));
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var on = AssertMarked(html, "ScheduleMeeting.On", "Day of the meeting",
            "The meeting is set for a day to come: Wednesday, July 9, 2003 is before today, Thursday, July 10, 2003.");
        Assert.Contains("value=\"2003-07-09\"", on, StringComparison.Ordinal);
        var form = Form(html, "form-ScheduleMeeting");
        Assert.Contains("value=\"City Hall, 550 Main Street, Room 200\"", form, StringComparison.Ordinal);
        Assert.Contains(">Purchasing agent\nDirector of Athletics</textarea>", form.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains(">You are invited to respond to the complaints below.</textarea>", form, StringComparison.Ordinal);
        // Only the form that was posted says so; the withdrawal's form is as it was.
        Assert.Equal(1, Summaries(html));
        Assert.Contains("data-testid=\"error-summary\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-invalid", Form(html, "form-Withdraw"), StringComparison.Ordinal);
        Assert.Equal(("Opened", 1), await StateAsync(app, id));

        var scheduled = await PostPageAsync(purchasing, url, Meeting("2003-07-14"));
        var page = WebUtility.HtmlDecode(await Forms.FollowRedirectAsync(purchasing, scheduled, url));

        Assert.Contains("data-testid=\"done\">Meeting scheduled.</p>", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"case-status\">Meeting scheduled (7 A)</span>", page, StringComparison.Ordinal);
        Assert.Contains("On Monday, July 14, 2003 at City Hall, 550 Main Street, Room 200.", page, StringComparison.Ordinal);
        // A refresh of the case says nothing again and schedules nothing more.
        Assert.DoesNotContain("data-testid=\"done\"", await purchasing.GetStringAsync(url), StringComparison.Ordinal);
        Assert.Equal(("MeetingScheduled", 2), await StateAsync(app, id));
    }

    [Fact]
    public async Task Withdraw_AsksFirstAndSaysWhatWillHappen_ThenRedirectsToTheWithdrawnCase()
    {
        var deficiencies = await MissedWorkAsync(app, 1);
        var purchasing = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));
        var id = await OpenAsync(purchasing, deficiencies);
        var url = $"/contracts/2685/cases/{id}";

        var form = Form(WebUtility.HtmlDecode(await purchasing.GetStringAsync(url)), "form-Withdraw");
        var withdrawn = await PostPageAsync(purchasing, url, [("Form.Action", "Withdraw"), ("Form.Text", "The Director's complaints were answered.")]);
        var page = WebUtility.HtmlDecode(await Forms.FollowRedirectAsync(purchasing, withdrawn, url));

        Assert.Contains("data-confirm=\"Withdraw the case? It closes and its steps stop.\"", form, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"done\">Case withdrawn.</p>", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"case-status\">Withdrawn</span>", page, StringComparison.Ordinal);
        Assert.Equal(("Withdrawn", 2), await StateAsync(app, id));
    }
}

public sealed class CasePageTests_Sqlite(SqliteApp app) : CasePageTests(app), IClassFixture<SqliteApp>;

public sealed class CasePageTests_Postgres(PostgresApp app) : CasePageTests(app), IClassFixture<PostgresApp>;
