using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FieldContracts.Data.Compliance;
using FieldContracts.Web.Tests.Features.Complaints;
using FieldContracts.Web.Tests.Features.Shared;
using Microsoft.EntityFrameworkCore;
using static FieldContracts.Web.Tests.Features.WorkLogs.WorkLogFixtures;
using static FieldContracts.Web.Tests.Features.Shared.RefusedForm;

namespace FieldContracts.Web.Tests.Features.Licences;

/// <summary>The licence register of #2685's contractor (spec V) through the API and its page.</summary>
public abstract class LicencesApiTests(TestApp app)
{
    private const string Url = "/api/contracts/2685/licences";

    private static object Operator3A(string holder, string number, string expires) => new
    {
        holder,
        kind = "PesticideOperator",
        category = "3A turf",
        number,
        issuer = "CT DEEP",
        issuedOn = "2003-01-01",
        expiresOn = expires,
        reminderEmail = "office@contractor.example",
    };

    private async Task<int> CountAsync()
    {
        await using var db = app.Database.CreateContext();
        return await db.Licences.CountAsync();
    }

    [Fact]
    public async Task Post_ByTheContractor_ListedWithItsStandingToday()
    {
        // The clock stands at July 10, 2003.
        var crew = await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor));

        var response = await crew.PostAsync(Url, Json(Operator3A("Lee Chen", "O-3A-77001", "2003-08-01")));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var added = await BodyAsync(response);
        Assert.Equal("ExpiresSoon", added.GetProperty("state").GetString());
        Assert.Equal("expires in 22 days", added.GetProperty("flag").GetString());
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        var list = (await BodyAsync(await director.GetAsync(Url))).EnumerateArray().ToList();
        Assert.Contains(list, l => l.GetProperty("number").GetString() == "O-3A-77001" && l.GetProperty("category").GetString() == "3A turf");
        var sample = Assert.Single(list, l => l.GetProperty("holder").GetString() == "Lee Novak (sample)");
        Assert.Equal("2004-03-31", sample.GetProperty("expiresOn").GetString());
        Assert.True(sample.GetProperty("isSample").GetBoolean());
    }

    [Fact]
    public async Task Post_ExpiredAndPlain_FlagsExpired()
    {
        var purchasing = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));

        var response = await purchasing.PostAsync(Url, Json(Operator3A("Dana Ortiz", "O-3A-77002", "2003-07-09")));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("expired", (await BodyAsync(response)).GetProperty("flag").GetString());
    }

    [Fact]
    public async Task Post_RegisterRefusals_400WithEachFieldAndNothingStored()
    {
        var crew = await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor));
        var before = await CountAsync();

        var response = await crew.PostAsync(Url, Json(new
        {
            holder = "Lee Chen", kind = "PesticideSupervisory", category = " ", number = "", issuer = "CT DEEP",
            issuedOn = "2004-01-01", expiresOn = "2003-12-31", reminderEmail = "office@contractor.example",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await BodyAsync(response)).GetProperty("errors");
        Assert.Equal(["category", "expiresOn", "number"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal("It cannot expire (Dec 31, 2003) before it was issued (Jan 1, 2004).", errors.GetProperty("expiresOn")[0].GetString());
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Roles_DirectorCannotAdd_OtherContractorCannotRead()
    {
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        var otherCrew = await app.SignedInAsync(TestApp.OtherContractorEmail);
        var before = await CountAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await director.PostAsync(Url, Json(Operator3A("X", "O-1", "2004-01-01")))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCrew.GetAsync(Url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCrew.PostAsync(Url, Json(Operator3A("X", "O-1", "2004-01-01")))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCrew.GetAsync("/contracts/2685/licences")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync(Url)).StatusCode);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Scan_RenamedTextFileRefused_RealPdfStoredAndServed()
    {
        var crew = await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor));
        var id = (await BodyAsync(await crew.PostAsync(Url, Json(Operator3A("Sam Ortiz", "O-3A-77003", "2004-12-31"))))).GetProperty("id").GetString();

        static MultipartFormDataContent Scan(byte[] bytes, string name)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            return new MultipartFormDataContent { { file, "scan", name } };
        }

        var text = await crew.PostAsync($"{Url}/{id}/scan", Scan(Encoding.UTF8.GetBytes("Licence O-3A-77003, valid to 2004"), "licence.pdf"));
        Assert.Equal(HttpStatusCode.BadRequest, text.StatusCode);
        Assert.Contains("licence.pdf is not a PDF", (await BodyAsync(text)).GetProperty("errors").GetProperty("scan")[0].GetString());
        await using (var db = app.Database.CreateContext())
        {
            Assert.Null((await db.Licences.SingleAsync(l => l.Number == "O-3A-77003")).ScanSha256);
        }

        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
        var stored = await crew.PostAsync($"{Url}/{id}/scan", Scan(pdf, "licence.pdf"));
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        Assert.Equal("licence.pdf", (await BodyAsync(stored)).GetProperty("scanFileName").GetString());
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        var served = await director.GetAsync($"{Url}/{id}/scan");
        Assert.Equal("application/pdf", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await served.Content.ReadAsByteArrayAsync());
        var otherCrew = await app.SignedInAsync(TestApp.OtherContractorEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCrew.GetAsync($"{Url}/{id}/scan")).StatusCode);
    }

    [Fact]
    public async Task Page_ListsTheRegister_RefusalShownNextToTheFieldAndTypedInputKept()
    {
        var crew = await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor));
        var page = await crew.GetStringAsync("/contracts/2685/licences");
        Assert.Contains("Lee Novak (sample)", page);
        Assert.Contains("O-SAMPLE-3A-2002", page);
        Assert.Contains("href=\"/contracts/2685/licences\"", await crew.GetStringAsync("/contracts/2685"));
        var before = await CountAsync();

        var response = await TestApp.PostFormAsync(crew, "/contracts/2685/licences", new()
        {
            ["Input.Holder"] = "Robin Lake", ["Input.HolderIsFirm"] = "false", ["Input.Kind"] = "PesticideOperator", ["Input.Category"] = "3A turf",
            ["Input.Number"] = "", ["Input.Issuer"] = "CT DEEP", ["Input.IssuedOn"] = "2003-01-01", ["Input.ExpiresOn"] = "2004-12-31",
            ["Input.ReminderEmail"] = "office@contractor.example",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        // The summary names the field by its label and links to it; the field is marked and described by the error beside it.
        Assert.Contains("<a href=\"#Input_Number\">Number: Give the licence or certification number.</a>", html);
        AssertMarked(html, "Input_Number", "Give the licence or certification number.");
        Assert.DoesNotContain("href=\"#Input_Holder\"", html);
        // Everything typed is still in the form.
        Assert.Contains("value=\"Robin Lake\"", Field(html, "Input_Holder"));
        Assert.Matches("<option value=\"PesticideOperator\" selected=\"selected\"", html);
        Assert.Contains("value=\"3A turf\"", Field(html, "Input_Category"));
        Assert.Contains("value=\"2003-01-01\"", Field(html, "Input_IssuedOn"));
        Assert.Contains("value=\"2004-12-31\"", Field(html, "Input_ExpiresOn"));
        Assert.Contains("value=\"office@contractor.example\"", Field(html, "Input_ReminderEmail"));
        Assert.Equal(before, await CountAsync());

        var added = await TestApp.PostFormAsync(crew, "/contracts/2685/licences", new()
        {
            ["Input.Holder"] = "Robin Lake", ["Input.Kind"] = "PesticideOperator", ["Input.Category"] = "3A turf", ["Input.Number"] = "O-3A-77004",
            ["Input.Issuer"] = "CT DEEP", ["Input.IssuedOn"] = "2003-01-01", ["Input.ExpiresOn"] = "2003-07-20",
            ["Input.ReminderEmail"] = "office@contractor.example",
        });
        var after = WebUtility.HtmlDecode(await Forms.FollowRedirectAsync(crew, added, "/contracts/2685/licences"));
        Assert.Contains("Robin Lake's licence O-3A-77004 is in the register.", after);
        Assert.Contains("O-3A-77004", after);
        Assert.Contains("expires in 10 days", after);
        // A refresh of the page it landed on adds nothing and says nothing again.
        Assert.DoesNotContain("is in the register.", await crew.GetStringAsync("/contracts/2685/licences"));
        Assert.Equal(before + 1, await CountAsync());
    }

    [Fact]
    public async Task Page_SeveralRefusals_EachInTheSummaryByItsLabel_ScanKept_AndTheDirectorsPostIsRefusedAboveTheRegister()
    {
        var purchasing = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));
        var before = await CountAsync();

        var response = await TestApp.PostFormAsync(purchasing, "/contracts/2685/licences", new()
        {
            ["Input.Holder"] = "Kim Walsh", ["Input.Kind"] = "PesticideSupervisory", ["Input.Category"] = "3A turf", ["Input.Number"] = "S-3A-1",
            ["Input.Issuer"] = "CT DEEP", ["Input.IssuedOn"] = "2004-01-01", ["Input.ExpiresOn"] = "2003-12-31", ["Input.ReminderEmail"] = "",
        });

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<a href=\"#Input_ExpiresOn\">Expires on: It cannot expire (Dec 31, 2003) before it was issued (Jan 1, 2004).</a>", html);
        AssertMarked(html, "Input_ExpiresOn", "It cannot expire (Dec 31, 2003) before it was issued (Jan 1, 2004).");
        AssertMarked(html, "Input_ReminderEmail", "Give the email address its expiry reminders go to.");
        Assert.Contains("value=\"2003-12-31\"", Field(html, "Input_ExpiresOn"));
        Assert.Contains("value=\"S-3A-1\"", Field(html, "Input_Number"));

        // A scan attached to a refused post is kept: the form names it, and the file field is not marked.
        var withScan = await Insurance.InsuranceFlow.PostMultipartFormAsync(purchasing, "/contracts/2685/licences", new()
        {
            ["Input.Holder"] = "Kim Walsh", ["Input.Kind"] = "PesticideSupervisory", ["Input.Category"] = "3A turf", ["Input.Number"] = "S-3A-1",
            ["Input.Issuer"] = "CT DEEP", ["Input.IssuedOn"] = "2004-01-01", ["Input.ExpiresOn"] = "2003-12-31",
            ["Input.ReminderEmail"] = "office@contractor.example",
        }, "Scan", Insurance.InsuranceFlow.Pdf, "licence.pdf");
        var scanPage = WebUtility.HtmlDecode(await withScan.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, withScan.StatusCode);
        KeptFiles.TokenOf(scanPage, "KeptScan", "licence.pdf");
        Assert.DoesNotContain("aria-invalid=\"true\"", Field(scanPage, "Scan"));
        Assert.Contains("value=\"S-3A-1\"", Field(scanPage, "Input_Number"));
        Assert.Equal(before, await CountAsync());

        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        var refused = await TestApp.PostFormAsync(director, "/contracts/2685/licences", new()
        {
            ["Input.Holder"] = "Kim Walsh", ["Input.Kind"] = "PesticideOperator", ["Input.Number"] = "O-1", ["Input.IssuedOn"] = "2003-01-01",
            ["Input.ExpiresOn"] = "2004-01-01", ["Input.ReminderEmail"] = "office@contractor.example",
        });
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("data-testid=\"error-summary\"", page);
        Assert.Contains("<li>The contractor and Purchasing keep the licence register.</li>", page);
        Assert.DoesNotContain("data-testid=\"add-licence\"", page);
        Assert.Equal(before, await CountAsync());
    }

    private static Dictionary<string, string> Robin(string number, string expires, string? keptScan = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Holder"] = "Robin Lake", ["Input.Kind"] = "PesticideOperator", ["Input.Category"] = "3A turf", ["Input.Number"] = number,
            ["Input.Issuer"] = "CT DEEP", ["Input.IssuedOn"] = "2003-01-01", ["Input.ExpiresOn"] = expires,
            ["Input.ReminderEmail"] = "office@contractor.example",
        };
        if (keptScan is not null)
        {
            fields["KeptScan"] = keptScan;
        }

        return fields;
    }

    private async Task<LicenceRecord?> LicenceAsync(string number)
    {
        await using var db = app.Database.CreateContext();
        return await db.Licences.AsNoTracking().SingleOrDefaultAsync(l => l.Number == number);
    }

    [Fact]
    public async Task Page_RefusedWithAScan_KeepsIt_ThenTheNextPostWithoutAttachingStoresTheKeptScan()
    {
        var crew = await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor));
        var scan = Insurance.InsuranceFlow.Pdf;

        // Expires before it was issued: refused, with the scan attached.
        var refused = await Insurance.InsuranceFlow.PostMultipartFormAsync(crew, "/contracts/2685/licences", Robin("O-3A-88001", "2002-12-31"),
            "Scan", scan, "robin-licence.pdf");
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var token = KeptFiles.TokenOf(page, "KeptScan", "robin-licence.pdf");
        Assert.Null(await LicenceAsync("O-3A-88001"));

        // Put right and sent again with the kept scan and no file: in the register, with the scan.
        var added = await TestApp.PostFormAsync(crew, "/contracts/2685/licences", Robin("O-3A-88001", "2004-06-30", token));

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var licence = await LicenceAsync("O-3A-88001");
        Assert.NotNull(licence);
        Assert.Equal(Evidence.Sha256(scan), licence.ScanSha256);
        Assert.Equal("robin-licence.pdf", licence.ScanFileName);
        Assert.Equal(scan.LongLength, licence.ScanLength);
    }

    [Fact]
    public async Task Page_KeptScanUnticked_OrANewOneAttached_TheKeptOneIsNotUsed()
    {
        var crew = await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor));
        var refused = await Insurance.InsuranceFlow.PostMultipartFormAsync(crew, "/contracts/2685/licences", Robin("O-3A-88002", "2002-12-31"),
            "Scan", Insurance.InsuranceFlow.Pdf, "first.pdf");
        var token = KeptFiles.TokenOf(WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), "KeptScan", "first.pdf");

        // Another file attached with the kept one still ticked: the new one is the scan, and its checks apply.
        var other = await Insurance.InsuranceFlow.PostMultipartFormAsync(crew, "/contracts/2685/licences", Robin("O-3A-88002", "2004-06-30", token),
            "Scan", Encoding.UTF8.GetBytes("not a scan at all"), "second.pdf");
        var page = WebUtility.HtmlDecode(await other.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Contains("second.pdf is not a PDF", page);
        KeptFiles.NoneIn(page, "KeptScan");
        Assert.Null(await LicenceAsync("O-3A-88002"));

        // Unticked (not sent back): added without a scan.
        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.PostFormAsync(crew, "/contracts/2685/licences", Robin("O-3A-88002", "2004-06-30"))).StatusCode);
        Assert.Null((await LicenceAsync("O-3A-88002"))!.ScanSha256);
    }

    [Fact]
    public async Task Page_KeptScanOfAnotherUserOrExpired_IsNotHonoured()
    {
        var purchasing = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));
        var refused = await Insurance.InsuranceFlow.PostMultipartFormAsync(purchasing, "/contracts/2685/licences", Robin("O-3A-88003", "2002-12-31"),
            "Scan", Insurance.InsuranceFlow.Pdf, "purchasing.pdf");
        var token = KeptFiles.TokenOf(WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), "KeptScan", "purchasing.pdf");

        // The contractor sends Purchasing's token: the licence is added, without the scan.
        var crew = await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor));
        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.PostFormAsync(crew, "/contracts/2685/licences", Robin("O-3A-88003", "2004-06-30", token))).StatusCode);
        Assert.Null((await LicenceAsync("O-3A-88003"))!.ScanSha256);

        // A day and an hour later Purchasing's own token has expired.
        var now = app.Clock.GetCurrentInstant();
        app.Clock.Reset(now + Duration.FromHours(25));
        try
        {
            var late = await TestApp.PostFormAsync(purchasing, "/contracts/2685/licences", Robin("O-3A-88004", "2004-06-30", token));
            Assert.Equal(HttpStatusCode.Redirect, late.StatusCode);
            Assert.Null((await LicenceAsync("O-3A-88004"))!.ScanSha256);
        }
        finally
        {
            app.Clock.Reset(now);
        }
    }


    [Fact]
    public async Task OpenApi_DescribesTheRegister()
    {
        var crew = await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor));
        using var document = JsonDocument.Parse(await crew.GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/contracts/{number}/licences", out var register));
        Assert.True(register.TryGetProperty("post", out _));
        Assert.True(paths.TryGetProperty("/api/contracts/{number}/licences/{id}/scan", out _));
    }
}

public sealed class LicencesApiTests_Sqlite(SqliteApp app) : LicencesApiTests(app), IClassFixture<SqliteApp>;

public sealed class LicencesApiTests_Postgres(PostgresApp app) : LicencesApiTests(app), IClassFixture<PostgresApp>;
