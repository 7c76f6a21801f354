using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FieldContracts.Administration.Deficiencies;
using FieldContracts.Web.Features.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FieldContracts.Web.Tests.Features.Deficiencies;

/// <summary>
/// The deficiency register through the API, on #2685's missed work as of Thursday, July 10, 2003: the contractor
/// acknowledges or disputes, Purchasing upholds or withdraws, the Athletic Director verifies the cure. Every refused
/// step writes nothing.
/// </summary>
public abstract class DeficienciesApiTests(TestApp app) : IAsyncLifetime
{
    private static readonly LocalDate July10 = new(2003, 7, 10);

    public async Task InitializeAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MissedWorkHandler>().HandleAsync(July10, CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task List_MissedWorkOfTheTerm_OneOpenDeficiencyPerMissedOccurrence()
    {
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));

        var list = await director.GetFromJsonAsync<JsonElement>("/api/contracts/2685/deficiencies?kind=MissedWork");

        await using var db = app.Database.CreateContext();
        var missed = await db.Occurrences.CountAsync(o => !o.Cancelled && o.Status == FieldContracts.Scheduling.Planning.OccurrenceStatus.Planned
                                                          && o.WindowEnd < July10 && o.LoggedOn == null
                                                          && db.Contracts.Any(c => c.Id == o.ContractId && c.Number == "2685"));
        Assert.True(missed > 0);
        Assert.Equal(missed, list.GetArrayLength());
        Assert.All(list.EnumerateArray(), d =>
        {
            Assert.Equal("MissedWork", d.GetProperty("kind").GetString());
            Assert.Equal("2685", d.GetProperty("contractNumber").GetString());
            Assert.StartsWith("Nothing was logged by ", d.GetProperty("evidence").GetString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Acknowledge_ThenCureByTheDirector_CuredWithBothSteps_ContractorCannotCureItsOwn()
    {
        var id = await DeficiencyAsync(0);
        var crew = await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor));
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));

        var acknowledged = await PostAsync(crew, id, "acknowledge", new { text = "Mowed late; an extra crew from Monday." });
        var selfCure = await PostAsync(crew, id, "cure", new { text = "Done." });
        var stateAfterRefusal = await StepsAsync(id);
        var cured = await PostAsync(director, id, "cure", new { text = "Seen mowed at 2-2.5 inches on Jul 11." });

        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, selfCure.StatusCode);
        Assert.Equal((DeficiencyStatus.Acknowledged, 1), stateAfterRefusal);
        Assert.Equal(HttpStatusCode.OK, cured.StatusCode);
        var body = await cured.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Cured", body.GetProperty("status").GetString());
        Assert.Equal(["Acknowledge", "Cure"], body.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("action").GetString()));
        Assert.Equal(TestApp.EmailOf(Roles.AthleticDirector), body.GetProperty("steps")[1].GetProperty("by").GetString());
    }

    [Fact]
    public async Task Dispute_ThenWithdraw_AndEveryRefusalWritesNothing()
    {
        var id = await DeficiencyAsync(1);
        var crew = await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor));
        var purchasing = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));

        var noReason = await PostAsync(crew, id, "dispute", new { text = "  " });
        Assert.Equal((DeficiencyStatus.Open, 0), await StepsAsync(id));

        var disputed = await PostAsync(crew, id, "dispute", new { text = "The field was closed by the school that week." });
        var againDisputed = await PostAsync(crew, id, "dispute", new { text = "Again." });
        var withdrawn = await PostAsync(purchasing, id, "withdraw", new { text = "Confirmed with the school: closed for graduation." });
        var tooLate = await PostAsync(purchasing, id, "cure", new { text = "Looks fine." });

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("text", out _));
        Assert.Equal(HttpStatusCode.OK, disputed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, tooLate.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, againDisputed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal((DeficiencyStatus.Withdrawn, 2), await StepsAsync(id));
    }

    [Fact]
    public async Task Steps_OutsideOnesRole_Forbidden_AndAnotherContractorSeesNothing()
    {
        var id = await DeficiencyAsync(2);
        var finance = await app.SignedInAsync(TestApp.EmailOf(Roles.Finance));
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        var other = await app.SignedInAsync(TestApp.OtherContractorEmail);

        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(finance, id, "uphold", new { text = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(director, id, "acknowledge", new { text = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(other, id, "acknowledge", new { text = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/deficiencies/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/api/contracts/2685/deficiencies")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await finance.GetAsync($"/api/deficiencies/{id}")).StatusCode);
        Assert.Equal((DeficiencyStatus.Open, 0), await StepsAsync(id));
    }

    private async Task<Guid> DeficiencyAsync(int index)
    {
        await using var db = app.Database.CreateContext();
        var ids = await db.Deficiencies
            .Where(d => d.Kind == DeficiencyKind.MissedWork && db.Contracts.Any(c => c.Id == d.ContractId && c.Number == "2685"))
            .OrderBy(d => d.DedupKey).Select(d => d.Id).ToListAsync();
        return ids[index];
    }

    private async Task<(DeficiencyStatus, int)> StepsAsync(Guid id)
    {
        await using var db = app.Database.CreateContext();
        var deficiency = await db.Deficiencies.Include(d => d.Steps).AsNoTracking().SingleAsync(d => d.Id == id);
        return (deficiency.Status, deficiency.Steps.Count);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, Guid id, string step, object body) =>
        client.PostAsync($"/api/deficiencies/{id}/{step}", new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));
}

public sealed class DeficienciesApiTests_Sqlite(SqliteApp app) : DeficienciesApiTests(app), IClassFixture<SqliteApp>;

public sealed class DeficienciesApiTests_Postgres(PostgresApp app) : DeficienciesApiTests(app), IClassFixture<PostgresApp>;
