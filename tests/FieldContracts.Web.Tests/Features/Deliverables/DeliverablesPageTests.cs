using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Tests.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace FieldContracts.Web.Tests.Features.Deliverables;

/// <summary>
/// The deliverables page: the contractor hands in a document with a form (anti-forgery, multipart), the Athletic Director
/// accepts it or returns it with the reason; a refusal shows why next to the deliverable and keeps the reason typed.
/// </summary>
public abstract partial class DeliverablesPageTests(TestApp app)
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n");

    [Fact]
    public async Task HandIn_FromThePage_RedirectsAndTheDirectorSeesTheDocumentToAccept()
    {
        var irrigation = await DeliverableAsync("spring.irrigation", "WHS", 2004);
        var crew = await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor));

        var response = await PostDocumentAsync(crew, irrigation, "irrigation-weaver-2004.pdf", Pdf);

        Assert.Equal($"/contracts/2685/deliverables#d-{irrigation}", response.Headers.Location!.OriginalString);
        var landed = WebUtility.HtmlDecode(await Forms.FollowRedirectAsync(crew, response, "/contracts/2685/deliverables"));
        Assert.Contains("Handed in.", landed, StringComparison.Ordinal);
        Assert.Contains("irrigation-weaver-2004.pdf", Item(landed, irrigation), StringComparison.Ordinal);
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        var page = WebUtility.HtmlDecode(await director.GetStringAsync("/contracts/2685/deliverables"));
        var item = Item(page, irrigation);
        Assert.Contains("irrigation-weaver-2004.pdf", item, StringComparison.Ordinal);
        Assert.Contains("Handed in, to review", item, StringComparison.Ordinal);
        Assert.Contains(">Accept</button>", item, StringComparison.Ordinal);
        Assert.DoesNotContain("type=\"file\"", item, StringComparison.Ordinal);
        var crewPage = WebUtility.HtmlDecode(await crew.GetStringAsync("/contracts/2685/deliverables"));
        Assert.DoesNotContain(">Accept</button>", crewPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Return_WithoutAReason_SaysWhyNextToIt_WritesNothing()
    {
        var irrigation = await DeliverableAsync("spring.irrigation", "BHS", 2004);
        var crew = await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor));
        Assert.Equal(HttpStatusCode.Redirect, (await PostDocumentAsync(crew, irrigation, "report.pdf", Pdf)).StatusCode);
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));

        var response = await TestApp.PostFormAsync(director, "/contracts/2685/deliverables?handler=Return", new()
        {
            ["Occurrence"] = irrigation.ToString(), ["Note"] = "   ",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var item = Item(html, irrigation);
        // The summary is in the return form of that deliverable, and only there; the reason's field is marked and keeps what was typed.
        var note = FormErrors.FieldId($"deliverables[{irrigation}].note");
        Assert.Contains($"<a href=\"#{note}\">Why it is returned: Say why it is returned: what it lacks or gets wrong.</a>", item, StringComparison.Ordinal);
        AssertMarked(item, note, "Say why it is returned: what it lacks or gets wrong.");
        Assert.Single(Regex.Matches(html, "data-testid=\"error-summary\""));
        // Returning says what will happen before it does.
        Assert.Contains("data-confirm=\"Return this document to the contractor with the reason? It must be handed in again.\"", item, StringComparison.Ordinal);
        await using var db = app.Database.CreateContext();
        Assert.Single((await db.Deliverables.AsNoTracking().SingleAsync(d => d.OccurrenceId == irrigation)).Steps);

        // A reason too long is refused the same way, and what was typed is still in the field.
        var typed = "No list of the heads repaired. " + new string('x', 2000);
        var tooLong = await TestApp.PostFormAsync(director, "/contracts/2685/deliverables?handler=Return", new()
        {
            ["Occurrence"] = irrigation.ToString(), ["Note"] = typed,
        });
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        item = Item(WebUtility.HtmlDecode(await tooLong.Content.ReadAsStringAsync()), irrigation);
        AssertMarked(item, note, "At most 2000 characters.");
        Assert.Contains($">{typed}</textarea>", item, StringComparison.Ordinal);
        Assert.Single((await db.Deliverables.AsNoTracking().SingleAsync(d => d.OccurrenceId == irrigation)).Steps);

        var returned = await TestApp.PostFormAsync(director, "/contracts/2685/deliverables?handler=Return", new()
        {
            ["Occurrence"] = irrigation.ToString(), ["Note"] = "No list of the heads repaired.",
        });
        var page = WebUtility.HtmlDecode(await Forms.FollowRedirectAsync(director, returned, "/contracts/2685/deliverables"));
        Assert.Contains("Returned to the contractor.", page, StringComparison.Ordinal);
        Assert.Contains("Returned, to hand in again", Item(page, irrigation), StringComparison.Ordinal);
        Assert.Contains("No list of the heads repaired.", Item(page, irrigation), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accept_FromThePage_Redirects_AndAcceptingWhatWasNotHandedInIsRefusedInItsItem()
    {
        var grubs = await DeliverableAsync("summer.grub-inspection", "WHS", 2004);
        var notHandedIn = await DeliverableAsync("summer.grub-inspection", "BHS", 2004);
        var crew = await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor));
        Assert.Equal(HttpStatusCode.Redirect, (await PostDocumentAsync(crew, grubs, "grub-plan.pdf", Pdf)).StatusCode);
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));

        var accepted = await TestApp.PostFormAsync(director, "/contracts/2685/deliverables?handler=Accept", new() { ["Occurrence"] = grubs.ToString() });

        var page = WebUtility.HtmlDecode(await Forms.FollowRedirectAsync(director, accepted, "/contracts/2685/deliverables"));
        Assert.Contains("Accepted.", page, StringComparison.Ordinal);
        Assert.Contains(">Accepted<", Item(page, grubs), StringComparison.Ordinal);

        var refused = await TestApp.PostFormAsync(director, "/contracts/2685/deliverables?handler=Accept", new() { ["Occurrence"] = notHandedIn.ToString() });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        var item = Item(html, notHandedIn);
        Assert.Contains("data-testid=\"error-summary\"", item, StringComparison.Ordinal);
        Assert.Contains("Nothing was handed in", item, StringComparison.Ordinal);
        Assert.DoesNotContain("error-summary", Item(html, grubs), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandIn_WithoutAFile_SaysWhyNextToTheDeliverable()
    {
        var irrigation = await DeliverableAsync("spring.irrigation", "HPHS", 2004);
        var crew = await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor));

        var response = await PostDocumentAsync(crew, irrigation, null, null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var item = Item(WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), irrigation);
        var document = FormErrors.FieldId($"deliverables[{irrigation}].document");
        Assert.Contains($"<a href=\"#{document}\">The document: Attach the document: a PDF, a Word document, or a photo of the paper.</a>", item,
            StringComparison.Ordinal);
        AssertMarked(item, document, "Attach the document: a PDF, a Word document, or a photo of the paper.");
    }

    /// <summary>The field is marked invalid and described by the error beside it, which says <paramref name="message"/>; the summary links to it.</summary>
    private static void AssertMarked(string html, string id, string message)
    {
        Assert.Contains($"<a href=\"#{id}\">", html, StringComparison.Ordinal);
        var field = Regex.Match(html, $"<(input|select|textarea)\\b[^>]*\\bid=\"{Regex.Escape(id)}\"[^>]*>");
        Assert.True(field.Success, $"No field {id}.");
        Assert.Contains("aria-invalid=\"true\"", field.Value, StringComparison.Ordinal);
        Assert.Matches($"aria-describedby=\"([^\"]* )?{Regex.Escape(id)}-error\"", field.Value);
        Assert.Matches($"id=\"{Regex.Escape(id)}-error\"[^>]*>{Regex.Escape(message)}<", html);
    }

    private async Task<HttpResponseMessage> PostDocumentAsync(HttpClient client, Guid occurrence, string? name, byte[]? bytes)
    {
        var page = await client.GetStringAsync("/contracts/2685/deliverables");
        var token = Token().Match(page).Groups[1].Value;
        var content = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken" },
            { new StringContent(occurrence.ToString()), "Occurrence" },
        };
        if (bytes is not null)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            content.Add(file, "Document", name!);
        }

        return await client.PostAsync("/contracts/2685/deliverables?handler=HandIn", content);
    }

    private async Task<Guid> DeliverableAsync(string task, string school, int year)
    {
        await using var db = app.Database.CreateContext();
        return await db.Occurrences.Where(o => o.TaskKey == task && o.Year == year && !o.Cancelled
                                               && db.Sites.Any(s => s.Id == o.SiteId && s.Code == school)
                                               && db.Contracts.Any(c => c.Id == o.ContractId && c.Number == "2685"))
            .Select(o => o.Id).SingleAsync();
    }

    /// <summary>The deliverable's item of the list.</summary>
    private static string Item(string page, Guid occurrence)
    {
        var start = page.IndexOf($"id=\"d-{occurrence}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"The page lists no deliverable {occurrence}.");
        var next = page.IndexOf(" id=\"d-", start + 1, StringComparison.Ordinal);
        return page[start..(next < 0 ? page.IndexOf("</ol>", start, StringComparison.Ordinal) : next)];
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

public sealed class DeliverablesPageTests_Sqlite(SqliteApp app) : DeliverablesPageTests(app), IClassFixture<SqliteApp>;

public sealed class DeliverablesPageTests_Postgres(PostgresApp app) : DeliverablesPageTests(app), IClassFixture<PostgresApp>;
