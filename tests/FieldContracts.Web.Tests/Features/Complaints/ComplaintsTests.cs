using System.Net.Http.Json;
using System.Text.Json;
using FieldContracts.Administration.Deficiencies;
using FieldContracts.Data.Notices;
using Microsoft.EntityFrameworkCore;
using FieldContracts.Web.Tests.Features.Shared;
using static FieldContracts.Web.Tests.Features.Complaints.Evidence;
using static FieldContracts.Web.Tests.Features.Shared.RefusedForm;

namespace FieldContracts.Web.Tests.Features.Complaints;

/// <summary>
/// Complaints about #2685's schools, on Thursday, July 10, 2003, through the API and the phone form: each one deficiency
/// in the register with its evidence and photos, one email queued to each of the contractor's contact addresses, a
/// response due five days later; refused ones write nothing.
/// </summary>
public abstract class ComplaintsTests(TestApp app)
{
    private const string Softball = "Standing water on the softball infield and trash along the outfield fence.";

    [Fact]
    public async Task Post_MultipartWithAPhoto_OneComplaintWithEvidenceAndPhoto_AndOneEmailPerContractorAddress()
    {
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        var infield = await AreaAsync(app, "BHS", "Softball infield");
        var outfield = await AreaAsync(app, "BHS", "Softball outfield");
        var png = Png();

        var response = await director.PostAsync("/api/contracts/2685/complaints",
            Multipart([("school", "BHS"), ("areaIds", outfield.ToString()), ("areaIds", infield.ToString()), ("text", Softball)],
                ("photos", "IMG_0412.png", png)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await BodyAsync(response);
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"/api/deficiencies/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal("Complaint", body.GetProperty("kind").GetString());
        Assert.Equal("BHS", body.GetProperty("site").GetString());
        Assert.Equal($"Complaint about Bulkeley High School (Softball outfield, Softball infield): {Softball}", body.GetProperty("evidence").GetString());
        Assert.Equal("2003-07-10", body.GetProperty("foundOn").GetString());
        Assert.Equal("2003-07-15", body.GetProperty("respondBy").GetString());
        Assert.False(body.GetProperty("overdueForResponse").GetBoolean());
        var photo = Assert.Single(body.GetProperty("photos").EnumerateArray());
        Assert.Equal(("IMG_0412.png", "image/png", Sha256(png)),
            (photo.GetProperty("fileName").GetString(), photo.GetProperty("contentType").GetString(), photo.GetProperty("sha256").GetString()));
        var download = await (await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor)))
            .GetAsync($"/api/deficiencies/{id}/photos/{photo.GetProperty("id").GetString()}");
        Assert.Equal(png, await download.Content.ReadAsByteArrayAsync());

        await using var db = app.Database.CreateContext();
        var mails = await db.OutboxMessages.Where(m => m.DedupKey.StartsWith($"deficiency:{id:N}:")).OrderBy(m => m.ToAddress).ToListAsync();
        Assert.Equal(["crew@contractor.example", "office@contractor.example"], mails.Select(m => m.ToAddress));
        Assert.All(mails, m =>
        {
            Assert.Equal(OutboxKind.DeficiencyRaised, m.Kind);
            Assert.Equal($"deficiency:{id:N}:{m.ToAddress}", m.DedupKey);
            Assert.Equal("Contract #2685: Complaint at Bulkeley High School, response due Jul 15, 2003", m.Subject);
            Assert.Contains("Areas: Softball outfield, Softball infield", m.Body, StringComparison.Ordinal);
            Assert.Contains($"What was found: Complaint about Bulkeley High School (Softball outfield, Softball infield): {Softball}", m.Body,
                StringComparison.Ordinal);
            Assert.Contains("Response due: Tuesday, July 15, 2003 (5 days after it was found)", m.Body, StringComparison.Ordinal);
            Assert.Contains($"/contracts/2685/deficiencies#d-{id}", m.Body, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Post_JsonWithAPhotoStoredFirst_ThePhotoIsKeptByItsHash()
    {
        var purchasing = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));
        var png = Png();

        var stored = await purchasing.PostAsync("/api/contracts/2685/photos", Multipart([], ("photos", "gate.png", png)));
        var sha = Assert.Single((await BodyAsync(stored)).EnumerateArray()).GetProperty("sha256").GetString();
        var response = await purchasing.PostAsync("/api/contracts/2685/complaints",
            Json(new { school = "whs", areaIds = Array.Empty<Guid>(), text = "Gate to the lower fields left open overnight.", photos = new[] { sha } }));
        var unknown = await purchasing.PostAsync("/api/contracts/2685/complaints",
            Json(new { school = "WHS", text = "Again.", photos = new[] { new string('0', 64) } }));

        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        Assert.Equal(Sha256(png), sha);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await BodyAsync(response);
        Assert.Equal("Complaint about Weaver High School: Gate to the lower fields left open overnight.", body.GetProperty("evidence").GetString());
        Assert.Equal(sha, Assert.Single(body.GetProperty("photos").EnumerateArray()).GetProperty("sha256").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await BodyAsync(unknown)).GetProperty("errors").TryGetProperty("photos[0]", out _));
    }

    [Fact]
    public async Task Post_BadInput_400WithEachFieldAndNothingWritten()
    {
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        var weaversInfield = await AreaAsync(app, "WHS", "Baseball infield");
        var before = await CountsAsync(app);

        var noSchoolNoText = await director.PostAsync("/api/contracts/2685/complaints", Json(new { school = "", text = " " }));
        var otherSchoolsArea = await director.PostAsync("/api/contracts/2685/complaints",
            Json(new { school = "BHS", areaIds = new[] { weaversInfield }, text = "Not dragged." }));
        var notAPhoto = await director.PostAsync("/api/contracts/2685/complaints",
            Multipart([("school", "BHS"), ("text", "Not dragged.")], ("photos", "infield.jpg", "Not a photo, just text."u8.ToArray())));
        var tooBig = await director.PostAsync("/api/contracts/2685/complaints",
            Multipart([("school", "BHS"), ("text", "Not dragged.")], ("photos", "infield.jpg", OversizedJpeg())));
        var unknownMember = await director.PostAsync("/api/contracts/2685/complaints", Json(new { school = "BHS", text = "x", severity = "high" }));

        Assert.All(new[] { noSchoolNoText, otherSchoolsArea, notAPhoto, tooBig, unknownMember }, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        var errors = (await BodyAsync(noSchoolNoText)).GetProperty("errors");
        Assert.Equal("Choose the school the complaint is about.", errors.GetProperty("school")[0].GetString());
        Assert.Equal("Say what is wrong.", errors.GetProperty("text")[0].GetString());
        Assert.Equal("This is not an area of Bulkeley High School.",
            (await BodyAsync(otherSchoolsArea)).GetProperty("errors").GetProperty("areaIds[0]")[0].GetString());
        Assert.Equal("infield.jpg is not a JPEG, PNG or HEIC image.", (await BodyAsync(notAPhoto)).GetProperty("errors").GetProperty("photos[0]")[0].GetString());
        Assert.Equal("infield.jpg is 10.0 MB; a photo may be at most 10 MB.", (await BodyAsync(tooBig)).GetProperty("errors").GetProperty("photos[0]")[0].GetString());
        Assert.True((await BodyAsync(unknownMember)).GetProperty("errors").TryGetProperty("$.severity", out _));
        Assert.Equal(before, await CountsAsync(app));
    }

    [Fact]
    public async Task Post_ByTheContractorOrFinance_Forbidden_AndAnotherContractorSeesNoneOfIt()
    {
        var crew = await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor));
        var finance = await app.SignedInAsync(TestApp.EmailOf(Roles.Finance));
        var other = await app.SignedInAsync(TestApp.OtherContractorEmail);
        var body = new { school = "BHS", text = "Grass too long." };
        var before = await CountsAsync(app);

        Assert.Equal(HttpStatusCode.Forbidden, (await crew.PostAsync("/api/contracts/2685/complaints", Json(body))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await finance.PostAsync("/api/contracts/2685/complaints", Json(body))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsync("/api/contracts/2685/complaints", Json(body))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await crew.GetAsync("/contracts/2685/complaints/new")).StatusCode);
        Assert.Equal(before, await CountsAsync(app));

        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        var id = (await BodyAsync(await director.PostAsync("/api/contracts/2685/complaints", Json(body)))).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/deficiencies/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/contracts/2685/deficiencies")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await crew.GetAsync($"/api/deficiencies/{id}")).StatusCode);
    }

    [Fact]
    public async Task Page_RefusedForNoText_KeepsWhatWasTypedAndTheUploadedPhoto_ThenFiledWithIt()
    {
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        var outfield = await AreaAsync(app, "BHS", "Softball outfield");
        var png = Png();
        var before = await CountsAsync(app);

        var refused = await PostPageAsync(director, "/contracts/2685/complaints/new",
            [("Input.School", "BHS"), ("Input.AreaIds", outfield.ToString()), ("Input.Text", "")], ("Photos", "outfield.png", png));
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(before, await CountsAsync(app));
        AssertMarked(html, "Input.Text", "What is wrong", "Say what is wrong.");
        Assert.Equal(1, Summaries(html));
        Assert.Contains($"value=\"{outfield}\" checked=\"checked\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"BHS\" selected=\"selected\">", html, StringComparison.Ordinal);
        var kept = $"{Sha256(png)}/outfield.png";
        Assert.Contains($"name=\"Input.KeptPhotos\" value=\"{kept}\" checked", html, StringComparison.Ordinal);
        Assert.Contains($"src=\"/api/contracts/2685/photos/{Sha256(png)}\"", html, StringComparison.Ordinal);
        Assert.Equal(png, await (await director.GetAsync($"/api/contracts/2685/photos/{Sha256(png)}")).Content.ReadAsByteArrayAsync());

        var filed = await PostPageAsync(director, "/contracts/2685/complaints/new",
            [("Input.School", "BHS"), ("Input.AreaIds", outfield.ToString()), ("Input.Text", Softball), ("Input.KeptPhotos", kept)]);

        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        Assert.StartsWith("/contracts/2685/deficiencies#d-", filed.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var id = Guid.Parse(filed.Headers.Location.OriginalString.Split("#d-")[1]);
        Assert.Contains("data-testid=\"done\">Complaint filed; the contractor is told by email.</p>",
            await Forms.FollowRedirectAsync(director, filed, "/contracts/2685/deficiencies"), StringComparison.Ordinal);
        Assert.Equal(before.Deficiencies + 1, (await CountsAsync(app)).Deficiencies);
        var register = WebUtility.HtmlDecode(await (await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor))).GetStringAsync("/contracts/2685/deficiencies"));
        Assert.Contains($"Complaint about Bulkeley High School (Softball outfield): {Softball}", register, StringComparison.Ordinal);
        Assert.Contains($"src=\"/api/deficiencies/{id}/photos/", register, StringComparison.Ordinal);
        Assert.Contains("Response due by Tuesday, July 15, 2003.", register, StringComparison.Ordinal);
        await using var db = app.Database.CreateContext();
        Assert.Equal("outfield.png", (await db.DeficiencyPhotos.SingleAsync(p => p.DeficiencyId == id)).FileName);
    }

    [Fact]
    public async Task Page_AreaOfAnotherSchoolAndNoText_EachRefusedAtItsField_WithTheSchoolTheAreaAndTheTextKept()
    {
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        var weaversInfield = await AreaAsync(app, "WHS", "Baseball infield");
        var before = await CountsAsync(app);

        var refused = await PostPageAsync(director, "/contracts/2685/complaints/new",
            [("Input.School", "BHS"), ("Input.AreaIds", weaversInfield.ToString()), ("Input.Text", "   ")]);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var area = AssertMarked(html, $"Input.AreaIds[{weaversInfield}]", "Areas at Weaver High School: Baseball infield",
            "This is not an area of Bulkeley High School.");
        Assert.Contains("checked=\"checked\"", area, StringComparison.Ordinal);
        AssertMarked(html, "Input.Text", "What is wrong", "Say what is wrong.");
        Assert.Contains("<option value=\"BHS\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(html, "aria-invalid=\"true\""));
        Assert.Equal(before, await CountsAsync(app));
    }

    [Fact]
    public async Task Register_SixDaysLaterWithoutAResponse_OverdueForTheContractor_NotOnceAcknowledged()
    {
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        var crew = await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor));
        var first = (await BodyAsync(await director.PostAsync("/api/contracts/2685/complaints",
            Json(new { school = "HPHS", text = "Bleacher slopes not mowed." })))).GetProperty("id").GetGuid();
        var second = (await BodyAsync(await director.PostAsync("/api/contracts/2685/complaints",
            Json(new { school = "HPHS", text = "Litter around the shot put circle." })))).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await crew.PostAsync($"/api/deficiencies/{second}/acknowledge", Json(new { text = "Picked up on Friday." }))).StatusCode);

        app.Clock.Reset(HartfordClock.At(new LocalDateTime(2003, 7, 16, 9, 0)).GetCurrentInstant());
        try
        {
            var html = WebUtility.HtmlDecode(await crew.GetStringAsync("/contracts/2685/deficiencies"));
            var firstItem = Item(html, first);
            var secondItem = Item(html, second);
            var api = await crew.GetFromJsonAsync<JsonElement>($"/api/deficiencies/{first}");

            Assert.Contains("Overdue for response", firstItem, StringComparison.Ordinal);
            Assert.Contains("The contractor's response was due by Tuesday, July 15, 2003: none yet.", firstItem, StringComparison.Ordinal);
            Assert.DoesNotContain("Overdue for response", secondItem, StringComparison.Ordinal);
            Assert.True(api.GetProperty("overdueForResponse").GetBoolean());
        }
        finally
        {
            app.Clock.Reset(HartfordClock.At(TestApp.DefaultNow).GetCurrentInstant());
        }
    }

    [Fact]
    public async Task Settings_ResponseDays7_AComplaintIsDueSevenDaysLater_OutOfRangeRefused()
    {
        var purchasing = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));
        var settings = (await purchasing.GetFromJsonAsync<JsonElement>("/api/contracts/2685")).GetProperty("settings");
        Assert.Equal(5, settings.GetProperty("responseDays").GetInt32());

        var outOfRange = await TestApp.PostFormAsync(purchasing, "/contracts/2685/settings", Form(settings, "31"));
        Assert.Contains("The contractor's response time is 1 to 30 days.", WebUtility.HtmlDecode(await outOfRange.Content.ReadAsStringAsync()),
            StringComparison.Ordinal);
        var saved = await TestApp.PostFormAsync(purchasing, "/contracts/2685/settings", Form(settings, "7"));
        try
        {
            Assert.Contains("Saved.", await Forms.FollowRedirectAsync(purchasing, saved, "/contracts/2685/settings"), StringComparison.Ordinal);
            Assert.Contains("The contractor responds within 7 days of the day one is found", WebUtility.HtmlDecode(await purchasing.GetStringAsync("/contracts/2685")),
                StringComparison.Ordinal);
            var complaint = await BodyAsync(await purchasing.PostAsync("/api/contracts/2685/complaints", Json(new { school = "BHS", text = "Tennis surrounds not mowed." })));
            Assert.Equal("2003-07-17", complaint.GetProperty("respondBy").GetString());
        }
        finally
        {
            var restored = await TestApp.PostFormAsync(purchasing, "/contracts/2685/settings", Form(settings, "5"));
            Assert.Contains("Saved.", await Forms.FollowRedirectAsync(purchasing, restored, "/contracts/2685/settings"), StringComparison.Ordinal);
        }
    }

    private static Dictionary<string, string> Form(JsonElement settings, string responseDays) => new()
    {
        ["Input.Subcontracting"] = settings.GetProperty("subcontracting").GetString()!,
        ["Input.ChemicalNoticeLeadHours"] = settings.GetProperty("chemicalNoticeLeadHours").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.MowingCadenceDays"] = settings.GetProperty("mowingCadenceDays").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.CrewsPerDay"] = settings.GetProperty("crewsPerDay").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.ReEntryHours"] = settings.GetProperty("reEntryHours").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.ResponseDays"] = responseDays,
    };

    /// <summary>The register's item of one deficiency.</summary>
    private static string Item(string html, Guid id)
    {
        var start = html.IndexOf($"<li id=\"d-{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"The register shows no deficiency {id}.");
        var end = html.IndexOf("<li id=\"d-", start + 10, StringComparison.Ordinal);
        return end < 0 ? html[start..] : html[start..end];
    }
}

public sealed class ComplaintsTests_Sqlite(SqliteApp app) : ComplaintsTests(app), IClassFixture<SqliteApp>;

public sealed class ComplaintsTests_Postgres(PostgresApp app) : ComplaintsTests(app), IClassFixture<PostgresApp>;
