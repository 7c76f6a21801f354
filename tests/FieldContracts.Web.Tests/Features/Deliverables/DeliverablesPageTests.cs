using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
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

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/contracts/2685/deliverables#d-{irrigation}", response.Headers.Location!.OriginalString);
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
        var item = Item(WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), irrigation);
        Assert.Contains("Say why it is returned: what it lacks or gets wrong.", item, StringComparison.Ordinal);
        await using var db = app.Database.CreateContext();
        Assert.Single((await db.Deliverables.AsNoTracking().SingleAsync(d => d.OccurrenceId == irrigation)).Steps);
    }

    [Fact]
    public async Task HandIn_WithoutAFile_SaysWhyNextToTheDeliverable()
    {
        var irrigation = await DeliverableAsync("spring.irrigation", "HPHS", 2004);
        var crew = await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor));

        var response = await PostDocumentAsync(crew, irrigation, null, null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var item = Item(WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), irrigation);
        Assert.Contains("Attach the document: a PDF, a Word document, or a photo of the paper.", item, StringComparison.Ordinal);
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
