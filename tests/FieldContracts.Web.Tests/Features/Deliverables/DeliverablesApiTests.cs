using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FieldContracts.Administration.Deficiencies;
using FieldContracts.Web.Features.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FieldContracts.Web.Tests.Features.Deliverables;

/// <summary>
/// The deliverables of #2685 through the API: item 2b, "Report any problems to the head of school maintenance or Director of
/// Athletics", and item 3e, "present a treatment plan". The contractor hands in the document; the Athletic Director
/// accepts it or returns it; one overdue or handed in late is one deficiency of the register.
/// </summary>
public abstract class DeliverablesApiTests(TestApp app)
{
    private static readonly DateTimeZone Hartford = DateTimeZoneProviders.Tzdb["America/New_York"];

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n");

    [Fact]
    public async Task List_2685_TheReportsAndTreatmentPlansOfBothYears_WithTheirRecipients()
    {
        SetClock(2003, 7, 10);
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));

        var list = (await director.GetFromJsonAsync<JsonElement>("/api/contracts/2685/deliverables")).EnumerateArray().ToList();

        Assert.Equal(12, list.Count);
        var grubs = list.Where(d => d.GetProperty("name").GetString() == "White grub treatment plan").ToList();
        Assert.Equal(6, grubs.Count);
        Assert.All(grubs, d => Assert.Equal("Director of Athletics", d.GetProperty("recipient").GetString()));
        Assert.Contains(grubs, d => d.GetProperty("dueOn").GetString() == "2003-08-31" && d.GetProperty("standing").GetString() == "Due");
        var reports = list.Where(d => d.GetProperty("name").GetString() == "Irrigation start-up report (problems found, or none)").ToList();
        Assert.All(reports, d => Assert.Equal("Head of school maintenance or Director of Athletics", d.GetProperty("recipient").GetString()));
        // 2b's window of 2003 closed June 30: on July 10 nothing was handed in.
        Assert.Contains(reports, d => d.GetProperty("dueOn").GetString() == "2003-06-30" && d.GetProperty("standing").GetString() == "Overdue");
    }

    [Fact]
    public async Task HandIn_ThenAcceptedByTheDirector_TheDocumentReadsBackByteForByte()
    {
        var grubs = await GrubPlanAsync("WHS", 2004);
        SetClock(2004, 8, 27);
        var crew = await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor));
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));

        var handedIn = await crew.PostAsync($"/api/deliverables/{grubs}/document", Document("grub-plan-weaver-2004.pdf", Pdf));
        var body = await handedIn.Content.ReadAsStringAsync();
        Assert.True(handedIn.StatusCode == HttpStatusCode.OK, body);
        var view = JsonDocument.Parse(body).RootElement;
        Assert.Equal("HandedIn", view.GetProperty("standing").GetString());
        Assert.Equal("application/pdf", view.GetProperty("document").GetProperty("contentType").GetString());

        var crewAccepts = await crew.PostAsync($"/api/deliverables/{grubs}/accept", Json(new { }));
        var accepted = await director.PostAsync($"/api/deliverables/{grubs}/accept", Json(new { }));

        Assert.Equal(HttpStatusCode.Forbidden, crewAccepts.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("Accepted", (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("standing").GetString());
        Assert.Equal(Pdf, await director.GetByteArrayAsync($"/api/deliverables/{grubs}/document"));
        await using var db = app.Database.CreateContext();
        Assert.False(await db.Deficiencies.AnyAsync(d => d.DedupKey == DeficiencyKeys.Deliverable(grubs)));
    }

    [Fact]
    public async Task Return_WithoutAReason_400_WithIt_Returned_ThenHandedInAgain()
    {
        var grubs = await GrubPlanAsync("HPHS", 2003);
        SetClock(2003, 8, 28);
        var crew = await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor));
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        Assert.Equal(HttpStatusCode.OK, (await crew.PostAsync($"/api/deliverables/{grubs}/document", Document("plan.pdf", Pdf))).StatusCode);

        var bare = await director.PostAsync($"/api/deliverables/{grubs}/return", Json(new { note = "" }));
        var returned = await director.PostAsync($"/api/deliverables/{grubs}/return", Json(new { note = "No grub counts per square foot." }));
        var again = await crew.PostAsync($"/api/deliverables/{grubs}/document", Document("plan-rev1.pdf", [.. Pdf, .. "% rev 1\n"u8.ToArray()]));

        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Contains("Say why it is returned", (await bare.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("note")[0].GetString());
        Assert.Equal("Returned", (await returned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("standing").GetString());
        var view = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("HandedIn", view.GetProperty("standing").GetString());
        Assert.Equal("plan-rev1.pdf", view.GetProperty("document").GetProperty("fileName").GetString());
        Assert.Equal(["HandIn", "Return", "HandIn"], view.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task HandIn_NotADocument_400NamingWhy_NothingWritten()
    {
        var grubs = await GrubPlanAsync("BHS", 2004);
        SetClock(2004, 8, 20);
        var crew = await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor));
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));

        var text = await crew.PostAsync($"/api/deliverables/{grubs}/document", Document("plan.txt", "Grubs: few."u8.ToArray()));
        var byDirector = await director.PostAsync($"/api/deliverables/{grubs}/document", Document("plan.pdf", Pdf));
        var other = await app.SignedInAsync(TestApp.OtherContractorEmail);
        var byOther = await other.PostAsync($"/api/deliverables/{grubs}/document", Document("plan.pdf", Pdf));

        Assert.Equal(HttpStatusCode.BadRequest, text.StatusCode);
        Assert.Equal("plan.txt is not a PDF, a Word document (.docx) or a JPEG, PNG or HEIC image.",
            (await text.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("document")[0].GetString());
        Assert.Equal(HttpStatusCode.Forbidden, byDirector.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byOther.StatusCode);
        await using var db = app.Database.CreateContext();
        Assert.False(await db.Deliverables.AnyAsync(d => d.OccurrenceId == grubs));
    }

    [Fact]
    public async Task GrubPlanOverdueOnSeptember1_OneDeficiencyAfterTwoPasses_AHandInAfterwardAddsNone()
    {
        var grubs = await GrubPlanAsync("BHS", 2003);
        SetClock(2003, 9, 1);

        async Task<MissedWorkResult> PassAsync()
        {
            await using var scope = app.Factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<MissedWorkHandler>().HandleAsync(new LocalDate(2003, 9, 1), CancellationToken.None);
        }

        var first = await PassAsync();
        var second = await PassAsync();
        var crew = await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor));
        SetClock(2003, 9, 3);
        var late = await crew.PostAsync($"/api/deliverables/{grubs}/document", Document("plan.pdf", Pdf));

        Assert.True(first.Deliverables >= 1);
        Assert.Equal(0, second.Deliverables);
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        await using var db = app.Database.CreateContext();
        var deficiency = await db.Deficiencies.SingleAsync(d => d.DedupKey == DeficiencyKeys.Deliverable(grubs));
        Assert.Equal(DeficiencyKind.DeliverableLate, deficiency.Kind);
        Assert.Equal(new LocalDate(2003, 9, 1), deficiency.FoundOn);
        Assert.Equal("White grub treatment plan for Bulkeley High School, to the Director of Athletics, was due Aug 31, 2003 and has not been handed in.",
            deficiency.Evidence);
    }

    [Fact]
    public async Task HandIn_AfterTheDueDay_RaisesTheDeficiencyItself()
    {
        var grubs = await GrubPlanAsync("HPHS", 2004);
        SetClock(2004, 9, 2);
        var crew = await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor));

        var late = await crew.PostAsync($"/api/deliverables/{grubs}/document", Document("plan.pdf", Pdf));

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.True((await late.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("handedInLate").GetBoolean());
        await using var db = app.Database.CreateContext();
        var deficiency = await db.Deficiencies.SingleAsync(d => d.DedupKey == DeficiencyKeys.Deliverable(grubs));
        Assert.Equal("White grub treatment plan for Hartford Public High School was handed in on Sep 2, 2004, 2 days after it was due (Aug 31, 2004).",
            deficiency.Evidence);
    }

    private void SetClock(int year, int month, int day) =>
        app.Clock.Reset(new LocalDateTime(year, month, day, 10, 0).InZoneStrictly(Hartford).ToInstant());

    private async Task<Guid> GrubPlanAsync(string school, int year)
    {
        await using var db = app.Database.CreateContext();
        return await db.Occurrences.Where(o => o.TaskKey == "summer.grub-inspection" && o.Year == year && !o.Cancelled
                                               && db.Sites.Any(s => s.Id == o.SiteId && s.Code == school)
                                               && db.Contracts.Any(c => c.Id == o.ContractId && c.Number == "2685"))
            .Select(o => o.Id).SingleAsync();
    }

    private static MultipartFormDataContent Document(string name, byte[] bytes)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "document", name);
        return content;
    }

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
}

public sealed class DeliverablesApiTests_Sqlite(SqliteApp app) : DeliverablesApiTests(app), IClassFixture<SqliteApp>;

public sealed class DeliverablesApiTests_Postgres(PostgresApp app) : DeliverablesApiTests(app), IClassFixture<PostgresApp>;
