using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace FieldContracts.Web.Tests.Features.Schedule;

/// <summary>
/// What a client of the API can rely on: every id a request asks for is in some answer; a change that changes nothing
/// is refused and recorded nowhere; a member the request does not have is named, not ignored.
/// </summary>
public abstract class ApiEdgesTests(TestApp app)
{
    [Fact]
    public async Task AreaId_FromTheContractAnswer_SetsSportSeasons_AndTheSameAgainIsNothingToChange()
    {
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        var contract = await director.GetFromJsonAsync<JsonElement>("/api/contracts/2685");
        var weaver = contract.GetProperty("sites").EnumerateArray().Single(s => s.GetProperty("code").GetString() == "WHS");
        var softball = weaver.GetProperty("areas").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "Lower fields: softball outfield");
        var areaId = softball.GetProperty("id").GetGuid();
        var body = new { seasons = new[] { new { sport = "Softball", from = "03-20", to = "06-05" } }, reason = "Spring schedule from the league" };

        var first = await director.PutAsync($"/api/contracts/2685/areas/{areaId}/seasons", Json(body));
        var recorded = await ChangesAsync();
        var again = await director.PutAsync($"/api/contracts/2685/areas/{areaId}/seasons", Json(body));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Nothing to change.", problem.GetProperty("title").GetString());
        Assert.Contains("Softball Mar 20 – Jun 5", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(recorded, await ChangesAsync());
    }

    [Fact]
    public async Task OccurrenceAndAreaIds_FromPlanAnswers_LogAMowing()
    {
        app.Clock.Reset(new LocalDateTime(2003, 7, 21, 12, 0).InZoneStrictly(DateTimeZoneProviders.Tzdb["America/New_York"]).ToInstant());
        var crew = await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor));
        var planned = await crew.GetFromJsonAsync<JsonElement>("/api/worklogs/planned?from=2003-07-14&to=2003-07-20");
        var mowing = planned.EnumerateArray().First(w => w.GetProperty("title").GetString() == "Mowing" && w.GetProperty("site").GetString() == "BHS"
                                                       && w.GetProperty("loggedOn").ValueKind == JsonValueKind.Null);
        var occurrence = await crew.GetFromJsonAsync<JsonElement>($"/api/contracts/2685/plan/{mowing.GetProperty("occurrenceId").GetGuid()}");
        var heights = occurrence.GetProperty("heights").EnumerateArray()
            .Select(h => new { areaId = h.GetProperty("areaId").GetGuid(), after = 2.25m }).ToList();
        Assert.NotEmpty(heights);
        Assert.Equal(heights.Count, occurrence.GetProperty("areas").EnumerateArray().Count(a => heights.Any(h => h.areaId == a.GetProperty("id").GetGuid())));

        var response = await crew.PostAsync("/api/worklogs", Json(new
        {
            idempotencyKey = Guid.NewGuid().ToString(),
            occurrenceIds = new[] { mowing.GetProperty("occurrenceId").GetGuid() },
            date = mowing.GetProperty("date").GetString(),
            started = "07:00",
            finished = "09:00",
            crew = new[] { "Dana Rivera" },
            heights,
        }));

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnknownMember_Refused400NamingIt_AndNothingRecorded()
    {
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        var before = await ChangesAsync();

        var response = await director.PutAsync("/api/contracts/2685/years/2003", Json(new { seasons = Array.Empty<object>(), reason = "x" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("This request has no such member: check its spelling against the API's description.",
            errors.GetProperty("$.seasons")[0].GetString());
        Assert.Equal(before, await ChangesAsync());
    }

    [Fact]
    public async Task YearFactsAndSettings_AsTheyStand_NothingToChange_AndNothingRecorded()
    {
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        var purchasing = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));
        var before = await ChangesAsync();

        var years = await director.PutAsync("/api/contracts/2685/years/2004", Json(new { reason = "Nothing recorded yet" }));
        var settings = await purchasing.PutAsync("/api/contracts/2685/settings",
            Json(new { subcontracting = "NotPermitted", chemicalNoticeLeadHours = 24, mowingCadenceDays = 7 }));

        Assert.Equal(HttpStatusCode.Conflict, years.StatusCode);
        Assert.Equal("2004: growth start is not set and dormancy not set already.",
            (await years.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Conflict, settings.StatusCode);
        Assert.Equal(before, await ChangesAsync());
    }

    private async Task<int> ChangesAsync()
    {
        await using var db = app.Database.CreateContext();
        return await db.PlanFactChanges.CountAsync();
    }

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
}

public sealed class ApiEdgesTests_Sqlite(SqliteApp app) : ApiEdgesTests(app), IClassFixture<SqliteApp>;

public sealed class ApiEdgesTests_Postgres(PostgresApp app) : ApiEdgesTests(app), IClassFixture<PostgresApp>;
