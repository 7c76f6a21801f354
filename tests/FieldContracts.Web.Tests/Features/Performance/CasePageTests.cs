using System.Net;
using FieldContracts.Data.Performance;
using Microsoft.EntityFrameworkCore;
using static FieldContracts.Web.Tests.Features.Complaints.Evidence;
using static FieldContracts.Web.Tests.Features.Performance.CaseFlow;

namespace FieldContracts.Web.Tests.Features.Performance;

/// <summary>
/// The case page keeps what a person attached: the crew leader's cure, posted on July 21, 2003 with a photo but without
/// saying what was done, is refused next to the field with the photo kept; sent again, the cure carries that photo.
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
        Assert.Contains("Say why, or what was done and seen.", html, StringComparison.Ordinal);
        var kept = $"{Sha256(png)}/mowed.png";
        Assert.Contains($"name=\"Form.KeptFiles\" value=\"{kept}\" checked", html, StringComparison.Ordinal);
        Assert.Equal(("RemedialPeriodRunning", 5), await StateAsync(app, id));

        var submitted = await PostPageAsync(crew, url,
            [("Form.Action", "SubmitCure"), ("Form.DeficiencyId", deficiencies[0].ToString()), ("Form.Text", "Mowed on July 21."), ("Form.KeptFiles", kept)]);

        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        await using var db = app.Database.CreateContext();
        var photo = await db.CaseDocuments.AsNoTracking().SingleAsync(d => d.CaseId == id && d.Kind == CaseDocumentKind.Attachment);
        Assert.Equal(("mowed.png", Sha256(png)), (photo.FileName, photo.Sha256));
        Assert.Equal(png, await crew.GetByteArrayAsync($"/contracts/2685/case-documents/{photo.Id}"));
    }
}

public sealed class CasePageTests_Sqlite(SqliteApp app) : CasePageTests(app), IClassFixture<SqliteApp>;

public sealed class CasePageTests_Postgres(PostgresApp app) : CasePageTests(app), IClassFixture<PostgresApp>;
