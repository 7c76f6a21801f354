using System.Net.Http.Json;

namespace FieldContracts.Web.Tests.Features.Health;

public abstract class HealthTests(TestApp app)
{
    [Fact]
    public async Task Healthz_Anonymous_Answers200FromTheDatabase()
    {
        var response = await app.Anonymous().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<Dictionary<string, string>>();
        Assert.Equal("Healthy", body!["status"]);
        Assert.Equal(app.Provider.ToString(), body["database"]);
    }
}

public sealed class HealthTests_Sqlite(SqliteApp app) : HealthTests(app), IClassFixture<SqliteApp>;

public sealed class HealthTests_Postgres(PostgresApp app) : HealthTests(app), IClassFixture<PostgresApp>;
