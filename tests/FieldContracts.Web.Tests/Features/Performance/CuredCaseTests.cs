using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using static FieldContracts.Web.Tests.Features.Performance.CaseFlow;

namespace FieldContracts.Web.Tests.Features.Performance;

/// <summary>
/// A case on #2685 closed as cured: both deficiencies verified cured within the remedial period of July 15–29, 2003, and
/// the contract stays in force; the steps that do not follow are refused, with nothing written.
/// </summary>
public abstract class CuredCaseTests(TestApp app) : IAsyncLifetime
{
    public Task InitializeAsync()
    {
        SetToday(app, new LocalDate(2003, 7, 10));
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        SetToday(app, new LocalDate(2003, 7, 10));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task EveryDeficiencyVerifiedCured_ClosesTheCaseAsCured_AndTheContractStaysInForce()
    {
        var deficiencies = await MissedWorkAsync(app, 2);
        var purchasing = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        var id = await OpenAsync(purchasing, deficiencies);

        // Nothing is skipped: no period before the meeting, no verdict before the notice.
        Assert.Equal(HttpStatusCode.Conflict, (await StepAsync(purchasing, id, "remedial-period", new
        {
            startsOn = new LocalDate(2003, 7, 15), endsOn = new LocalDate(2003, 7, 29),
            requirements = deficiencies.Select(d => new { deficiencyId = d, curedMeans = "Mowed." }), text = "7 B.",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await StepAsync(director, id, "cures",
            new { deficiencyId = deficiencies[0], cured = true, inspectedOn = new LocalDate(2003, 7, 10), text = "x" })).StatusCode);
        var pastMeeting = await StepAsync(purchasing, id, "meeting",
            new { on = new LocalDate(2003, 7, 9), place = "City Hall", attendees = new[] { "Purchasing" }, text = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, pastMeeting.StatusCode);
        Assert.True((await pastMeeting.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("on", out _));
        Assert.Equal(("Opened", 1), await StateAsync(app, id));

        await StepAsync(purchasing, id, "meeting", new { on = new LocalDate(2003, 7, 14), place = "City Hall", attendees = new[] { "Purchasing" }, text = "7 A." });
        SetToday(app, new LocalDate(2003, 7, 14));
        await StepAsync(purchasing, id, "meeting/held", new { heldOn = new LocalDate(2003, 7, 14), minutes = "Heard.", contractorResponse = "Will mow.", text = "Held." });
        await StepAsync(purchasing, id, "remedial-period", new
        {
            startsOn = new LocalDate(2003, 7, 15), endsOn = new LocalDate(2003, 7, 29),
            requirements = deficiencies.Select(d => new { deficiencyId = d, curedMeans = "Mowed to spec IV height." }), text = "7 B.",
        });
        await StepAsync(purchasing, id, "cure-notice", new { text = "Notice." });

        SetToday(app, new LocalDate(2003, 7, 22));
        await StepAsync(director, id, "cures", new { deficiencyId = deficiencies[0], cured = true, inspectedOn = new LocalDate(2003, 7, 22), text = "Mowed." });
        var closed = await StepAsync(director, id, "cures",
            new { deficiencyId = deficiencies[1], cured = true, inspectedOn = new LocalDate(2003, 7, 22), text = "Mowed too." });

        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal("ClosedCured", (await closed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        SetToday(app, new LocalDate(2003, 7, 30));
        Assert.Equal(HttpStatusCode.Conflict,
            (await StepAsync(purchasing, id, "termination", new { effectiveOn = new LocalDate(2003, 8, 1), text = "x" })).StatusCode);
        await using var db = app.Database.CreateContext();
        Assert.Null((await db.Contracts.SingleAsync(c => c.Number == "2685")).TerminatedOn);
        Assert.False(await db.ContractTerminations.AnyAsync());
        var page = await director.GetStringAsync($"/contracts/2685/cases/{id}");
        Assert.Contains("Closed: cured", page, StringComparison.Ordinal);
    }
}

public sealed class CuredCaseTests_Sqlite(SqliteApp app) : CuredCaseTests(app), IClassFixture<SqliteApp>;

public sealed class CuredCaseTests_Postgres(PostgresApp app) : CuredCaseTests(app), IClassFixture<PostgresApp>;
