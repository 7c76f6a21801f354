using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using NodaTime.Text;

namespace FieldContracts.Web.Tests.Features.Contracts;

public abstract class ContractsApiTests(TestApp app)
{
    [Fact]
    public async Task Create_ValidDocument_SetsUpTheContract()
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));
        var document = await Document2685With(d => d["number"] = "2686-A");

        var response = await client.PostAsync("/api/contracts", Json(document));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/contracts/2686-A", response.Headers.Location!.OriginalString);
        var created = await client.GetFromJsonAsync<JsonElement>("/api/contracts/2686-A");
        Assert.Equal(3, created.GetProperty("sites").GetArrayLength());
    }

    [Fact]
    public async Task Create_MalformedJson_Answers400ProblemAndWritesNothing()
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));
        var before = await CountsAsync();

        var response = await client.PostAsync("/api/contracts", Json("{ \"number\": \"77\", "));

        await AssertValidationProblemAsync(response, "$");
        Assert.Equal(before, await CountsAsync());
    }

    [Theory]
    [InlineData("term.start", "\"2003-02-30\"", "$.term.start", "Expected a date as yyyy-MM-dd.")]
    [InlineData("term.end", "\"12/31/2004\"", "$.term.end", "Expected a date as yyyy-MM-dd.")]
    [InlineData("sites[0].areas[0].kind", "\"Bleachers\"", "$.sites[0].areas[0].kind", "This value is not of the expected type or form.")]
    [InlineData("sites[0].areas[0].seasons[0].from", "\"13-01\"", "$.sites[0].areas[0].seasons[0].from", "Expected a day of the year as MM-dd.")]
    [InlineData("priceLines[0].unitPrice", "\"a lot\"", "$.priceLines[0].unitPrice", "This value is not of the expected type or form.")]
    public async Task Create_UnreadableValue_NamesItsPathAndWritesNothing(string path, string value, string expectedKey, string message)
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));
        var document = await Document2685With(d => Set(d, path, JsonNode.Parse(value)));
        var before = await CountsAsync();

        var response = await client.PostAsync("/api/contracts", Json(document));

        var errors = await AssertValidationProblemAsync(response, expectedKey);
        Assert.Equal([message], errors[expectedKey]);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Create_InvalidDocument_ReportsEveryProblemAndWritesNothing()
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));
        var document = await Document2685With(d =>
        {
            d["number"] = "2687";
            d["contractor"]!["name"] = "A contractor that must not be created";
            d["term"]!["end"] = "2003-05-14";
            d["settings"]!["chemicalNoticeLeadHours"] = 12;
            d["sites"]![1]!["code"] = "HPHS";
            d["sites"]![2]!["latitude"] = 141.0;
            d["priceLines"]![0]!["unitPrice"] = -1;
            d["priceLines"]![1]!["unitPrice"] = 10.005;
        });
        var before = await CountsAsync();

        var response = await client.PostAsync("/api/contracts", Json(document));

        // Weaver's code changed to HPHS leaves Weaver's two price lines (items 1 and 2) naming a school the document lacks.
        var errors = await AssertValidationProblemAsync(response,
            "term.end", "settings.chemicalNoticeLeadHours", "sites[1].code", "sites[2].latitude", "priceLines[0].unitPrice", "priceLines[1].unitPrice",
            "priceLines[2].school", "priceLines[3].school");
        Assert.Equal(8, errors.Count);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Create_ExistingNumber_Answers409AndWritesNothing()
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));
        var before = await CountsAsync();

        var response = await client.PostAsync("/api/contracts", Json(await Document2685With(_ => { })));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Create_NotJson_Answers415()
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));

        var response = await client.PostAsync("/api/contracts", new StringContent("number=1", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task UpdateSettings_Valid_IsSavedAndShown()
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));
        var document = await Document2685With(d => d["number"] = "2690");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/contracts", Json(document))).StatusCode);

        var response = await client.PutAsync("/api/contracts/2690/settings",
            Json("""{"subcontracting":"PriorApprovalRequired","chemicalNoticeLeadHours":48,"mowingCadenceDays":5}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var settings = (await client.GetFromJsonAsync<JsonElement>("/api/contracts/2690")).GetProperty("settings");
        Assert.Equal("PriorApprovalRequired", settings.GetProperty("subcontracting").GetString());
        Assert.Equal(48, settings.GetProperty("chemicalNoticeLeadHours").GetInt32());
        Assert.Equal(5, settings.GetProperty("mowingCadenceDays").GetInt32());
    }

    [Fact]
    public async Task UpdateSettings_CrewsReEntryAndHolidays_SavedAndWhatIsLeftOutIsKept()
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));
        var document = await Document2685With(d => d["number"] = "2691");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/contracts", Json(document))).StatusCode);

        var crews = await client.PutAsync("/api/contracts/2691/settings",
            Json("""{"subcontracting":"NotPermitted","chemicalNoticeLeadHours":24,"mowingCadenceDays":7,"crewsPerDay":2,"reEntryHours":12}"""));
        var afterCrews = (await client.GetFromJsonAsync<JsonElement>("/api/contracts/2691")).GetProperty("settings");
        var holidays = await client.PutAsync("/api/contracts/2691/settings",
            Json("""{"subcontracting":"NotPermitted","chemicalNoticeLeadHours":24,"mowingCadenceDays":7,"workingDays":["Monday","Tuesday","Wednesday","Thursday","Friday"],"holidays":[{"date":"2003-11-27","name":"Thanksgiving Day"}]}"""));
        var afterHolidays = (await client.GetFromJsonAsync<JsonElement>("/api/contracts/2691")).GetProperty("settings");

        Assert.Equal(HttpStatusCode.OK, crews.StatusCode);
        Assert.Equal((2, 12), (afterCrews.GetProperty("crewsPerDay").GetInt32(), afterCrews.GetProperty("reEntryHours").GetInt32()));
        // The contract file's 22 holidays of 2003-2004 stay when a change leaves them out.
        Assert.Equal(22, afterCrews.GetProperty("holidays").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, holidays.StatusCode);
        Assert.Equal((2, 12), (afterHolidays.GetProperty("crewsPerDay").GetInt32(), afterHolidays.GetProperty("reEntryHours").GetInt32()));
        Assert.Equal(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
            afterHolidays.GetProperty("workingDays").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("Thanksgiving Day", Assert.Single(afterHolidays.GetProperty("holidays").EnumerateArray()).GetProperty("name").GetString());
        // Saturdays are no longer worked: nothing of the contract's plan falls on one.
        var plan = (await client.GetFromJsonAsync<JsonElement>("/api/contracts/2691/plan")).EnumerateArray()
            .Where(o => o.GetProperty("plannedDate").ValueKind == JsonValueKind.String).ToList();
        Assert.DoesNotContain(plan, o => LocalDatePattern.Iso.Parse(o.GetProperty("plannedDate").GetString()!).Value.DayOfWeek == IsoDayOfWeek.Saturday);
    }

    [Fact]
    public async Task UpdateSettings_BadCrewsReEntryWorkingDaysOrHolidays_Answers400NamingEach()
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));

        var response = await client.PutAsync("/api/contracts/2685/settings",
            Json("""{"subcontracting":"NotPermitted","chemicalNoticeLeadHours":24,"mowingCadenceDays":7,"crewsPerDay":0,"reEntryHours":80,"workingDays":[],"holidays":[{"date":"2003-12-25","name":"Christmas Day"},{"date":"2003-12-25","name":"Christmas"},{"name":" "}]}"""));

        var errors = await AssertValidationProblemAsync(response, "crewsPerDay", "reEntryHours", "workingDays", "holidays[1].date", "holidays[2].date",
            "holidays[2].name");
        Assert.Equal("Crews applying chemicals on one day are 1 to 10.", errors["crewsPerDay"][0]);
        Assert.Equal("The re-entry time after an application is 0 to 72 hours.", errors["reEntryHours"][0]);
        Assert.Equal("Another holiday falls on this day.", errors["holidays[1].date"][0]);
        var settings = (await client.GetFromJsonAsync<JsonElement>("/api/contracts/2685")).GetProperty("settings");
        Assert.Equal(1, settings.GetProperty("crewsPerDay").GetInt32());
    }

    [Fact]
    public async Task UpdateSettings_Invalid_Answers400AndChangesNothing()
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));

        var response = await client.PutAsync("/api/contracts/2685/settings",
            Json("""{"subcontracting":"NotPermitted","chemicalNoticeLeadHours":23,"mowingCadenceDays":0}"""));

        await AssertValidationProblemAsync(response, "chemicalNoticeLeadHours", "mowingCadenceDays");
        var settings = (await client.GetFromJsonAsync<JsonElement>("/api/contracts/2685")).GetProperty("settings");
        Assert.Equal(24, settings.GetProperty("chemicalNoticeLeadHours").GetInt32());
        Assert.Equal(7, settings.GetProperty("mowingCadenceDays").GetInt32());
    }

    [Fact]
    public async Task UpdateSettings_UnknownContract_Answers404Problem()
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));

        var response = await client.PutAsync("/api/contracts/404404/settings",
            Json("""{"subcontracting":"NotPermitted","chemicalNoticeLeadHours":24,"mowingCadenceDays":7}"""));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    private static async Task<Dictionary<string, string[]>> AssertValidationProblemAsync(HttpResponseMessage response, params string[] keys)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        var errors = problem.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
        foreach (var key in keys)
        {
            Assert.True(errors.ContainsKey(key), $"No error for {key}; errors: {string.Join(", ", errors.Keys)}");
            Assert.NotEmpty(errors[key][0]);
        }

        return errors;
    }

    private async Task<(int Contracts, int Contractors, int Sites, int Areas, int Lines)> CountsAsync()
    {
        await using var db = app.Database.CreateContext();
        return (await db.Contracts.CountAsync(), await db.Contractors.CountAsync(), await db.Sites.CountAsync(),
            await db.Areas.CountAsync(), await db.PriceLines.CountAsync());
    }

    private static async Task<string> Document2685With(Action<JsonNode> change)
    {
        var document = JsonSerializer.SerializeToNode(
            await FieldContracts.Web.Demo.DemoData.LoadContract2685Async(CancellationToken.None),
            FieldContracts.Web.Infrastructure.JsonConfiguration.Options)!;
        change(document);
        return document.ToJsonString();
    }

    private static void Set(JsonNode root, string path, JsonNode? value)
    {
        var parts = path.Replace("]", "", StringComparison.Ordinal).Split('.', '[');
        var node = root;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            node = int.TryParse(parts[i], out var index) ? node[index]! : node[parts[i]]!;
        }

        node[parts[^1]] = value;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}

public sealed class ContractsApiTests_Sqlite(SqliteApp app) : ContractsApiTests(app), IClassFixture<SqliteApp>;

public sealed class ContractsApiTests_Postgres(PostgresApp app) : ContractsApiTests(app), IClassFixture<PostgresApp>;
