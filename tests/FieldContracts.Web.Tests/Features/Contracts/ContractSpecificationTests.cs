using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace FieldContracts.Web.Tests.Features.Contracts;

/// <summary>Each contract is planned by its own specification, stored with it; a contract without one gets no plan.</summary>
public abstract class ContractSpecificationTests(TestApp app)
{
    private const string ParkSpecification = """
        {"format": 1, "bidNumber": "3100",
         "seasons": [{"key": "growing", "name": "Growing season", "itemReference": "1", "bidText": "APRIL - OCTOBER",
                      "defaultStart": "04-15", "defaultEnd": "10-31"}],
         "tasks": [{"key": "park.mowing", "itemReference": "1a", "title": "Park mowing", "bidText": "Mow all lawns weekly.",
                    "season": "growing", "kind": "Mowing", "scope": {"kinds": ["PlayingField", "NonPlayingArea"]},
                    "recurrence": {"type": "mowingCadence", "defaultDormancy": "10-31"}}]}
        """;

    [Fact]
    public async Task Create_WithItsOwnSpecification_IsPlannedByItAlone()
    {
        var purchasing = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));
        var document = await DocumentAsync("3100", JsonNode.Parse(ParkSpecification));

        var response = await purchasing.PostAsync("/api/contracts", Json(document));

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        await using var db = app.Database.CreateContext();
        var contractId = await db.Contracts.Where(c => c.Number == "3100").Select(c => c.Id).SingleAsync();
        var tasks = await db.Occurrences.Where(o => o.ContractId == contractId && !o.Cancelled).Select(o => o.TaskKey).Distinct().ToListAsync();
        Assert.Equal(["park.mowing"], tasks);
        Assert.True(await db.Occurrences.CountAsync(o => o.ContractId == contractId) > 50);
        var stored = await db.Specifications.SingleAsync(s => s.ContractId == contractId);
        Assert.Equal((1, TestApp.EmailOf(Roles.Purchasing)), (stored.Version, stored.ChangedBy));
        var occurrence = await db.Occurrences.FirstAsync(o => o.ContractId == contractId);
        var page = WebUtility.HtmlDecode(await purchasing.GetStringAsync($"/contracts/3100/schedule/{occurrence.Id}"));
        Assert.Contains("Mow all lawns weekly.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Jacobson", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WithoutSpecification_NothingIsPlannedAndTheContractSaysSo()
    {
        var purchasing = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));
        var document = await DocumentAsync("3101", null);

        var response = await purchasing.PostAsync("/api/contracts", Json(document));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await using var db = app.Database.CreateContext();
        var contractId = await db.Contracts.Where(c => c.Number == "3101").Select(c => c.Id).SingleAsync();
        Assert.Equal(0, await db.Occurrences.CountAsync(o => o.ContractId == contractId));
        var overview = WebUtility.HtmlDecode(await purchasing.GetStringAsync("/contracts/3101"));
        Assert.Contains("No specification: nothing is planned for this contract.", overview, StringComparison.Ordinal);
        var history = await purchasing.GetFromJsonAsync<JsonElement>("/api/contracts/3101/plan/history");
        Assert.Equal("No specification: nothing is planned.", history[0].GetProperty("description").GetString());
    }

    [Fact]
    public async Task Create_BadSpecification_400NamingWhere_AndNothingWritten()
    {
        var purchasing = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));
        var specification = JsonNode.Parse(ParkSpecification)!;
        specification["tasks"]![0]!["recurrence"]!["type"] = "fortnightly";

        var response = await purchasing.PostAsync("/api/contracts", Json(await DocumentAsync("3102", specification)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("specification.tasks[0].recurrence.type", out _), errors.ToString());
        await using var db = app.Database.CreateContext();
        Assert.False(await db.Contracts.AnyAsync(c => c.Number == "3102"));
    }

    private static async Task<string> DocumentAsync(string number, JsonNode? specification)
    {
        var document = JsonSerializer.SerializeToNode(
            await FieldContracts.Web.Demo.DemoData.LoadContract2685Async(CancellationToken.None),
            FieldContracts.Web.Infrastructure.JsonConfiguration.Options)!;
        document["number"] = number;
        document["title"] = $"Park mowing (test contract {number})";
        document["specification"] = specification;
        return document.ToJsonString();
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}

public sealed class ContractSpecificationTests_Sqlite(SqliteApp app) : ContractSpecificationTests(app), IClassFixture<SqliteApp>;

public sealed class ContractSpecificationTests_Postgres(PostgresApp app) : ContractSpecificationTests(app), IClassFixture<PostgresApp>;
