using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using FieldContracts.Administration.Deficiencies;
using FieldContracts.Web.Tests.Features.Shared;
using Microsoft.EntityFrameworkCore;
using static FieldContracts.Web.Tests.Features.Complaints.Evidence;
using static FieldContracts.Web.Tests.Features.Shared.RefusedForm;

namespace FieldContracts.Web.Tests.Features.Inspections;

/// <summary>
/// Inspections of #2685's schools recorded on Thursday, July 10, 2003, through the API and the phone form: the checklist
/// from the specification, a failed line an inspection failure in the register (emailed to the contractor), a passed
/// inspection nothing; refused ones write nothing; the contractor reads its own, another contractor nothing.
/// </summary>
public abstract partial class InspectionsTests(TestApp app)
{
    [Fact]
    public async Task Checklist_WeaverOnJune10_2003_HeightsInOrOffSeasonDebrisInfieldsIrrigation()
    {
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));

        var checklist = await director.GetFromJsonAsync<JsonElement>("/api/contracts/2685/inspections/checklist?school=WHS&on=2003-06-10");

        var lines = checklist.GetProperty("lines").EnumerateArray().ToList();
        var football = lines.Single(l => l.GetProperty("what").GetString() == "Football field");
        Assert.Equal("height:" + (await AreaAsync(app, "WHS", "Football field")).ToString("N"), football.GetProperty("line").GetString());
        Assert.Equal("spec IV requires 2–2.5\" off season", football.GetProperty("clause").GetString());
        Assert.True(lines.Single(l => l.GetProperty("what").GetString() == "Baseball infield" && l.GetProperty("check").GetString() == "Height")
            .GetProperty("inSeason").GetBoolean());
        Assert.Equal(["debris", "irrigation"], lines.Where(l => l.GetProperty("areaId").ValueKind == JsonValueKind.Null).Select(l => l.GetProperty("line").GetString()));
        Assert.Equal(2, lines.Count(l => l.GetProperty("check").GetString() == "Infield"));
        Assert.DoesNotContain(lines, l => l.GetProperty("what").GetString() == "Track");
    }

    [Fact]
    public async Task Post_WeaverGameFieldAt4Point5Inches_FailedLineIsAnInspectionFailureWithItsPhoto_EmailedOncePerAddress()
    {
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        var football = await AreaAsync(app, "WHS", "Football field");
        var png = Png();
        var sha = Assert.Single((await BodyAsync(await director.PostAsync("/api/contracts/2685/photos", Multipart([], ("photos", "ruler.png", png))))).EnumerateArray())
            .GetProperty("sha256").GetString()!;

        var response = await director.PostAsync("/api/contracts/2685/inspections", Json(new
        {
            school = "WHS",
            inspectedOn = "2003-06-10",
            lines = new object[]
            {
                new { line = $"height:{football:N}", measuredInches = 4.5m, photos = new[] { sha } },
                new { line = "irrigation", passed = true },
            },
        }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var inspection = await BodyAsync(response);
        var id = inspection.GetProperty("id").GetGuid();
        Assert.Equal($"/api/contracts/2685/inspections/{id}", response.Headers.Location!.OriginalString);
        Assert.False(inspection.GetProperty("passed").GetBoolean());
        var line = inspection.GetProperty("lines")[0];
        Assert.False(line.GetProperty("passed").GetBoolean());
        Assert.True(inspection.GetProperty("lines")[1].GetProperty("passed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, inspection.GetProperty("lines")[1].GetProperty("deficiencyId").ValueKind);
        var deficiencyId = line.GetProperty("deficiencyId").GetGuid();

        var deficiency = await director.GetFromJsonAsync<JsonElement>($"/api/deficiencies/{deficiencyId}");
        Assert.Equal("InspectionFailure", deficiency.GetProperty("kind").GetString());
        Assert.Equal("Weaver High School, Football field: measured at 4.5\" at the inspection of Jun 10, 2003; spec IV requires 2–2.5\" off season. " +
                     "Spec IV: grass never over 4\".", deficiency.GetProperty("evidence").GetString());
        Assert.Equal([football], deficiency.GetProperty("areaIds").EnumerateArray().Select(a => a.GetGuid()));
        Assert.Equal(id, deficiency.GetProperty("inspectionId").GetGuid());
        Assert.Equal("2003-07-15", deficiency.GetProperty("respondBy").GetString());
        Assert.Equal(sha, Assert.Single(deficiency.GetProperty("photos").EnumerateArray()).GetProperty("sha256").GetString());
        var crew = await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor));
        Assert.Equal(png, await (await crew.GetAsync($"/api/contracts/2685/inspections/{id}/photos/{sha}")).Content.ReadAsByteArrayAsync());

        await using var db = app.Database.CreateContext();
        var stored = await db.Deficiencies.SingleAsync(d => d.Id == deficiencyId);
        Assert.Equal($"inspection:{id:N}:height:{football:N}", stored.DedupKey);
        var mails = await db.OutboxMessages.Where(m => m.DedupKey.StartsWith($"deficiency:{deficiencyId:N}:")).ToListAsync();
        Assert.Equal(2, mails.Count);
        Assert.All(mails, m => Assert.Equal("Contract #2685: Inspection failure at Weaver High School, response due Jul 15, 2003", m.Subject));
        Assert.Contains("Areas: Football field", mails[0].Body, StringComparison.Ordinal);
        Assert.Equal(0, await db.Deficiencies.CountAsync(d => d.InspectionId == id && d.Id != deficiencyId));
    }

    [Fact]
    public async Task Post_EveryLineWithinTheSpecification_RecordedWithNoDeficiencyAndNoEmail()
    {
        var purchasing = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));
        var outfield = await AreaAsync(app, "BHS", "Softball outfield");
        var before = await CountsAsync(app);

        var response = await purchasing.PostAsync("/api/contracts/2685/inspections", Json(new
        {
            school = "BHS",
            inspectedOn = "2003-07-09",
            lines = new object[] { new { line = $"height:{outfield:N}", measuredInches = 2.25m }, new { line = "debris", passed = true } },
        }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True((await BodyAsync(response)).GetProperty("passed").GetBoolean());
        Assert.Equal(before with { Inspections = before.Inspections + 1 }, await CountsAsync(app));
    }

    [Fact]
    public async Task Post_BadInput_400WithEachFieldAndNothingWritten()
    {
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        var football = await AreaAsync(app, "WHS", "Football field");
        var before = await CountsAsync(app);

        var notANumber = await director.PostAsync("/api/contracts/2685/inspections", new StringContent(
            $$"""{"school":"WHS","inspectedOn":"2003-06-10","lines":[{"line":"height:{{football:N}}","measuredInches":"four and a half"}]}""",
            System.Text.Encoding.UTF8, "application/json"));
        var noSchool = await director.PostAsync("/api/contracts/2685/inspections", Json(new
        {
            school = "", inspectedOn = "2003-06-10", lines = new object[] { new { line = "debris", passed = false } },
        }));
        var badLines = await director.PostAsync("/api/contracts/2685/inspections", Json(new
        {
            school = "WHS",
            inspectedOn = "2003-07-11",
            lines = new object[]
            {
                new { line = "height:nosuch", measuredInches = 2m },
                new { line = "debris", passed = false },
                new { line = $"height:{football:N}", measuredInches = 40m },
            },
        }));
        var tooManyPhotos = await director.PostAsync("/api/contracts/2685/inspections", Json(new
        {
            school = "WHS", inspectedOn = "2003-06-10",
            lines = new object[] { new { line = "irrigation", passed = true, photos = Enumerable.Repeat(new string('1', 64), 7).ToArray() } },
        }));

        Assert.Equal(HttpStatusCode.BadRequest, notANumber.StatusCode);
        Assert.True((await BodyAsync(notANumber)).GetProperty("errors").TryGetProperty("$.lines[0].measuredInches", out _));
        var noSchoolErrors = (await BodyAsync(noSchool)).GetProperty("errors");
        Assert.Equal("Choose the school inspected.", noSchoolErrors.GetProperty("school")[0].GetString());
        var errors = (await BodyAsync(badLines)).GetProperty("errors");
        Assert.Equal("An inspection is recorded on or after its day, not before.", errors.GetProperty("inspectedOn")[0].GetString());
        Assert.Equal("The school's checklist for the day has no such line.", errors.GetProperty("lines[0].line")[0].GetString());
        Assert.Equal("Say what was wrong.", errors.GetProperty("lines[1].note")[0].GetString());
        Assert.Equal("A height is 0 to 24 inches.", errors.GetProperty("lines[2].measuredInches")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, tooManyPhotos.StatusCode);
        Assert.True((await BodyAsync(tooManyPhotos)).GetProperty("errors").TryGetProperty("lines[0].photos", out _));
        Assert.Equal(before, await CountsAsync(app));
    }

    [Fact]
    public async Task Access_ContractorReadsItsOwnButNeverRecords_AnotherContractorGets404_FinanceReads()
    {
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        var id = (await BodyAsync(await director.PostAsync("/api/contracts/2685/inspections", Json(new
        {
            school = "HPHS", inspectedOn = "2003-07-07", lines = new object[] { new { line = "irrigation", passed = false, note = "Heads broken by the track." } },
        })))).GetProperty("id").GetGuid();
        var crew = await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor));
        var finance = await app.SignedInAsync(TestApp.EmailOf(Roles.Finance));
        var other = await app.SignedInAsync(TestApp.OtherContractorEmail);
        var body = Json(new { school = "HPHS", inspectedOn = "2003-07-07", lines = new object[] { new { line = "irrigation", passed = true } } });

        Assert.Equal(HttpStatusCode.OK, (await crew.GetAsync("/api/contracts/2685/inspections")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await crew.GetAsync($"/api/contracts/2685/inspections/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await crew.GetAsync($"/contracts/2685/inspections/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await crew.PostAsync("/api/contracts/2685/inspections", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await crew.GetAsync("/contracts/2685/inspections/new")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await finance.GetAsync($"/api/contracts/2685/inspections/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await finance.PostAsync("/api/contracts/2685/inspections", body)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/api/contracts/2685/inspections")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/contracts/2685/inspections/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/contracts/2685/inspections/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/contracts/2685/inspections")).StatusCode);
        var crewsRegister = WebUtility.HtmlDecode(await crew.GetStringAsync("/contracts/2685/deficiencies"));
        Assert.Contains("Hartford Public High School: irrigation not working at the inspection of Jul 7, 2003", crewsRegister, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_HeightNotANumber_KeptWithItsErrorAndNothingWritten_Then4Point5RecordedAndShown()
    {
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        var football = await AreaAsync(app, "WHS", "Football field");
        const string url = "/contracts/2685/inspections/new?school=WHS&on=2003-06-10";
        var form = WebUtility.HtmlDecode(await director.GetStringAsync(url));
        // As a browser posts the form: every line's key, and the rows left as they were.
        var rows = LineField().Matches(form).Select(m => (Index: m.Groups[1].Value, Line: m.Groups[2].Value)).ToList();
        var index = rows.Single(r => r.Line == $"height:{football:N}").Index;
        (string, string)[] Rows(string height, params (string, string)[] more) =>
        [
            ("school", "WHS"), ("on", "2003-06-10"),
            .. rows.SelectMany(r => new[] { ($"Lines[{r.Index}].Line", r.Line), ($"Lines[{r.Index}].Result", "") }),
            ($"Lines[{index}].Height", height), .. more,
        ];
        var png = Png();
        var before = await CountsAsync(app);

        var refused = await PostPageAsync(director, url, Rows("four"), ($"Lines[{index}].Files", "football.png", png));
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var height = AssertMarked(html, $"Lines[{index}].Height", "Football field: height · Height measured (inches)",
            "\"four\" is not a height: give inches as a number, e.g. 2.25.");
        Assert.Contains($"name=\"Lines[{index}].Height\" value=\"four\"", height, StringComparison.Ordinal);
        Assert.Equal(1, Summaries(html));
        Assert.Contains($"value=\"{Sha256(png)}/football.png\" checked", html, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync(app));

        var recorded = await PostPageAsync(director, url, Rows("4.5", ($"Lines[{index}].KeptPhotos", $"{Sha256(png)}/football.png")));

        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.StartsWith("/contracts/2685/inspections/", recorded.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var details = WebUtility.HtmlDecode(await Forms.FollowRedirectAsync(director, recorded, recorded.Headers.Location.OriginalString));
        Assert.Contains("Inspection recorded: 1 line failed, each a deficiency in the register; the contractor is told by email.", details, StringComparison.Ordinal);
        Assert.Contains("4.5″", details, StringComparison.Ordinal);
        Assert.Contains("Spec IV: 2–2.5″ off season", details, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"deficiency\"", details, StringComparison.Ordinal);
        Assert.Contains($"/photos/{Sha256(png)}", details, StringComparison.Ordinal);
        var list = WebUtility.HtmlDecode(await director.GetStringAsync("/contracts/2685/inspections"));
        Assert.Contains(recorded.Headers.Location.OriginalString, list, StringComparison.Ordinal);
        Assert.Equal(before.Deficiencies + 1, (await CountsAsync(app)).Deficiencies);
    }

    [Fact]
    public async Task Page_ADayToCome_RefusedNextToTheDay_WithTheSchoolKept_AndNoChecklist()
    {
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));

        var html = WebUtility.HtmlDecode(await director.GetStringAsync("/contracts/2685/inspections/new?school=WHS&on=2003-07-11"));

        var day = AssertMarked(html, "on", "Day of the inspection", "An inspection is recorded on or after its day, not before.");
        Assert.Contains("value=\"2003-07-11\"", day, StringComparison.Ordinal);
        Assert.Contains("<option value=\"WHS\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"checklist\"", html, StringComparison.Ordinal);
        Assert.Equal(1, Summaries(html));
    }

    [Fact]
    public async Task OpenApi_DescribesComplaintsAndInspections()
    {
        var document = await (await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing))).GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/contracts/{number}/complaints", document, StringComparison.Ordinal);
        Assert.Contains("/api/contracts/{number}/inspections/{id}", document, StringComparison.Ordinal);
        Assert.Contains("/api/contracts/{number}/inspections/checklist", document, StringComparison.Ordinal);
        Assert.Contains("/api/contracts/{number}/photos", document, StringComparison.Ordinal);
        Assert.Contains("multipart/form-data", document, StringComparison.Ordinal);
    }
}

public abstract partial class InspectionsTests
{
    [GeneratedRegex("name=\"Lines\\[(\\d+)\\]\\.Line\" value=\"([^\"]+)\"")]
    private static partial Regex LineField();
}

public sealed class InspectionsTests_Sqlite(SqliteApp app) : InspectionsTests(app), IClassFixture<SqliteApp>;

public sealed class InspectionsTests_Postgres(PostgresApp app) : InspectionsTests(app), IClassFixture<PostgresApp>;
