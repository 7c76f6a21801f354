using System.Net.Http.Json;
using System.Text.Json;

namespace FieldContracts.Web.Tests.Features.Contracts;

public abstract class OverviewTests(TestApp app)
{
    [Fact]
    public async Task Overview_Contract2685_ShowsTermSitesContractorAndStatus()
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/contracts/2685"));

        // Special instruction 5: "commencing on or about May 15, 2003 and ending on December 31, 2004".
        Assert.Contains("Thursday, May 15, 2003 to Friday, December 31, 2004 (597 days, both inclusive)", html);
        Assert.Contains("In force", html);
        Assert.Contains("Hartford Public High School", html);
        Assert.Contains("55 Forest Street, Hartford, CT 06105", html);
        Assert.Contains("Weaver High School", html);
        Assert.Contains("415 Granby Street, Hartford, CT 06112", html);
        Assert.Contains("Bulkeley High School", html);
        Assert.Contains("300 Wethersfield Avenue, Hartford, CT 06114", html);
        Assert.Contains("Slopes along the spectator bleacher", html);
        Assert.Contains("Capitol Turf & Grounds LLC (sample)", html);
        Assert.Contains("Sample figures, not the awarded bid", html);
        Assert.Contains("At least 24 hours before any application", html);
    }

    [Fact]
    public async Task Overview_SamplePriceSchedule_TotalsToTheCent()
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.Finance));

        var html = await client.GetStringAsync("/contracts/2685");

        // Seasonal lump sums 18,450.00 + 17,960.00 + 16,875.00, and 3 schools × 61 mowing visits × 385.00 (183 visits are the
        // plan's count).
        Assert.Contains("data-testid=\"estimated-total\">$123,740.00<", html);
    }

    [Theory]
    [InlineData(2003, 5, 14, "Awarded, not yet started")]
    [InlineData(2004, 12, 31, "In force")]
    [InlineData(2005, 1, 1, "Term completed")]
    public async Task Overview_Status_FollowsTheTermEdgesInHartford(int year, int month, int day, string expected)
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));
        // Just before midnight in Hartford, already the next day in UTC.
        app.Clock.Reset(new LocalDateTime(year, month, day, 23, 30).InZoneStrictly(DateTimeZoneProviders.Tzdb["America/New_York"]).ToInstant());
        try
        {
            var html = await client.GetStringAsync("/contracts/2685");

            Assert.Contains($"data-testid=\"status\">{expected}<", WebUtility.HtmlDecode(html));
        }
        finally
        {
            app.Clock.Reset(TestApp.DefaultNow.InZoneStrictly(DateTimeZoneProviders.Tzdb["America/New_York"]).ToInstant());
        }
    }

    [Fact]
    public async Task Api_Contract2685_ReturnsTheContractAsJson()
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor));

        var json = await client.GetFromJsonAsync<JsonElement>("/api/contracts/2685");

        Assert.Equal("2685", json.GetProperty("number").GetString());
        Assert.Equal("2003-05-15", json.GetProperty("termStart").GetString());
        Assert.Equal("2004-12-31", json.GetProperty("termEnd").GetString());
        Assert.Equal(597, json.GetProperty("termDays").GetInt32());
        Assert.Equal("InForce", json.GetProperty("status").GetString());
        Assert.Equal(["BHS", "HPHS", "WHS"], json.GetProperty("sites").EnumerateArray().Select(s => s.GetProperty("code").GetString()).Order());
        var weaver = json.GetProperty("sites").EnumerateArray().Single(s => s.GetProperty("code").GetString() == "WHS");
        // II: football field and track, football practice and baseball fields, lower fields, tennis courts (inside the fence,
        // slope with planting, grass, stairs), with the base lines and the skinned infield's fence line the bid treats.
        Assert.Equal(16, weaver.GetProperty("areas").GetArrayLength());
        Assert.Equal(123740.00m, json.GetProperty("estimatedTotal").GetDecimal());
        var settings = json.GetProperty("settings");
        Assert.Equal(1, settings.GetProperty("crewsPerDay").GetInt32());
        Assert.Equal(24, settings.GetProperty("reEntryHours").GetInt32());
        Assert.Contains(settings.GetProperty("holidays").EnumerateArray(),
            h => h.GetProperty("date").GetString() == "2003-11-27" && h.GetProperty("name").GetString() == "Thanksgiving Day");
    }
}

public sealed class OverviewTests_Sqlite(SqliteApp app) : OverviewTests(app), IClassFixture<SqliteApp>;

public sealed class OverviewTests_Postgres(PostgresApp app) : OverviewTests(app), IClassFixture<PostgresApp>;
