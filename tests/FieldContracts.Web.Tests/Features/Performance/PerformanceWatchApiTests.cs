using System.Net.Http.Json;
using System.Text.Json;
using FieldContracts.Administration.Deficiencies;
using Microsoft.EntityFrameworkCore;
using static FieldContracts.Web.Tests.Features.Performance.CaseFlow;

namespace FieldContracts.Web.Tests.Features.Performance;

/// <summary>
/// The watch rule is the City's per contract (#2685 says only "repeatedly fails"): with two deficiencies upheld on
/// July 10, 2003, the default of 3 within 30 days suggests nothing; Purchasing lowers it to 2 and a case is suggested,
/// naming both. Limits are refused with nothing written, and only Purchasing sets it.
/// </summary>
public abstract class PerformanceWatchApiTests(TestApp app) : IAsyncLifetime
{
    public Task InitializeAsync()
    {
        SetToday(app, new LocalDate(2003, 7, 10));
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task LoweringTheThreshold_TwoUpheldDeficienciesSuggestACase()
    {
        var deficiencies = await MissedWorkAsync(app, 2);
        var purchasing = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        foreach (var id in deficiencies)
        {
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(purchasing, $"/api/deficiencies/{id}/uphold", new { text = "Nobody mowed." })).StatusCode);
        }

        var before = await purchasing.GetFromJsonAsync<JsonElement>("/api/contracts/2685/performance-watch");
        var byDirector = await director.PutAsJsonAsync("/api/contracts/2685/performance-watch", new { upheldThreshold = 2, windowDays = 30 });
        var zero = await purchasing.PutAsJsonAsync("/api/contracts/2685/performance-watch", new { upheldThreshold = 0, windowDays = 30 });
        var longWindow = await purchasing.PutAsJsonAsync("/api/contracts/2685/performance-watch", new { upheldThreshold = 2, windowDays = 367 });
        await using (var db = app.Database.CreateContext())
        {
            Assert.False(await db.PerformanceWatchSettings.AnyAsync());
        }

        var set = await purchasing.PutAsJsonAsync("/api/contracts/2685/performance-watch",
            new { upheldThreshold = 2, windowDays = 30, anyApplicationWithoutNotice = true });

        Assert.False(before.GetProperty("openCase").GetBoolean());
        Assert.Equal(3, before.GetProperty("upheldThreshold").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, byDirector.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
        Assert.True((await zero.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("upheldThreshold", out _));
        Assert.Equal(HttpStatusCode.BadRequest, longWindow.StatusCode);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var after = await set.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(after.GetProperty("openCase").GetBoolean());
        Assert.Equal(2, after.GetProperty("upheldThreshold").GetInt32());
        Assert.Equal(deficiencies.Order(), after.GetProperty("deficiencyIds").EnumerateArray().Select(e => e.GetGuid()).Order());
        var page = await purchasing.GetStringAsync("/contracts/2685/cases");
        Assert.Contains("a case is suggested", page, StringComparison.Ordinal);
        await using var check = app.Database.CreateContext();
        Assert.All(await check.Deficiencies.Where(d => deficiencies.Contains(d.Id)).ToListAsync(), d => Assert.Equal(DeficiencyStatus.Upheld, d.Status));
    }
}

public sealed class PerformanceWatchApiTests_Sqlite(SqliteApp app) : PerformanceWatchApiTests(app), IClassFixture<SqliteApp>;

public sealed class PerformanceWatchApiTests_Postgres(PostgresApp app) : PerformanceWatchApiTests(app), IClassFixture<PostgresApp>;
