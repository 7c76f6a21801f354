using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FieldContracts.Data.Compliance;
using Microsoft.EntityFrameworkCore;
using static FieldContracts.Web.Tests.Features.WorkLogs.WorkLogFixtures;

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

        var response = await TestApp.PostFormAsync(crew, "/contracts/2685/licences", new()
        {
            ["Input.Holder"] = "Robin Lake", ["Input.Kind"] = "PesticideOperator", ["Input.Category"] = "3A turf", ["Input.Number"] = "",
            ["Input.Issuer"] = "CT DEEP", ["Input.IssuedOn"] = "2003-01-01", ["Input.ExpiresOn"] = "2004-12-31",
            ["Input.ReminderEmail"] = "office@contractor.example",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"error-number\">Give the licence or certification number.", html);
        Assert.Contains("value=\"Robin Lake\"", html);

        var added = await TestApp.PostFormAsync(crew, "/contracts/2685/licences", new()
        {
            ["Input.Holder"] = "Robin Lake", ["Input.Kind"] = "PesticideOperator", ["Input.Category"] = "3A turf", ["Input.Number"] = "O-3A-77004",
            ["Input.Issuer"] = "CT DEEP", ["Input.IssuedOn"] = "2003-01-01", ["Input.ExpiresOn"] = "2003-07-20",
            ["Input.ReminderEmail"] = "office@contractor.example",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var after = await crew.GetStringAsync("/contracts/2685/licences");
        Assert.Contains("O-3A-77004", after);
        Assert.Contains("expires in 10 days", after);
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
