using FieldContracts.Data;
using FieldContracts.Web.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;

namespace FieldContracts.Web.Tests.Infrastructure;

public sealed class DatabaseRegistrationTests
{
    private static readonly HostingEnvironment Environment = new() { ContentRootPath = Path.GetTempPath() };

    [Fact]
    public void ResolveDatabase_SqlServerConnectionString_ChoosesSqlServer()
    {
        var settings = DatabaseRegistration.ResolveDatabase(Configuration(("ConnectionStrings:SqlServer", "Server=db.hartford.example;Database=fieldcontracts")),
            Environment);

        Assert.Equal(new DatabaseSettings(DatabaseProvider.SqlServer, "Server=db.hartford.example;Database=fieldcontracts"), settings);
    }

    [Fact]
    public void ResolveDatabase_PostgresConnectionString_ChoosesPostgreSql()
    {
        var settings = DatabaseRegistration.ResolveDatabase(Configuration(("ConnectionStrings:Postgres", "Host=db;Database=fieldcontracts"),
            ("ConnectionStrings:SqlServer", "")), Environment);

        Assert.Equal(DatabaseProvider.PostgreSql, settings.Provider);
    }

    [Fact]
    public void ResolveDatabase_BothServers_IsRefused()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => DatabaseRegistration.ResolveDatabase(
            Configuration(("ConnectionStrings:Postgres", "Host=db"), ("ConnectionStrings:SqlServer", "Server=db")), Environment));

        Assert.Contains("set the one database to use", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_SqlServerWithPassword_NamesServerAndDatabaseOnly()
    {
        var settings = DatabaseSettings.SqlServer("Server=tcp:db.hartford.example,1433;Database=fieldcontracts;User ID=app;Password=Secret-2685;Encrypt=true");

        Assert.Equal("SQL Server at tcp:db.hartford.example,1433/fieldcontracts", settings.Describe());
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
