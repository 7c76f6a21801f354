using FieldContracts.Data;
using FieldContracts.Data.Testing;
using FieldContracts.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace FieldContracts.Web.Testing;

/// <summary>The whole application on a test database, with a fixed clock and demo data.</summary>
public sealed class FieldContractsFactory(TestDatabase database, IClock clock, string environment = "Testing", bool demo = true)
    : WebApplicationFactory<Program>
{
    /// <summary>
    /// Every test host would otherwise hold an inotify instance for each folder it watches (settings files, and the
    /// web root behind <c>asp-append-version</c>); a run keeps many hosts alive at once and Linux allows 128 instances
    /// a user. Polling watchers share one timer and no kernel handle.
    /// </summary>
    static FieldContractsFactory() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");

    public TestDatabase Database { get; } = database;

    /// <summary>The SQL sent while serving requests tagged with <see cref="SqlCommandLog.Header"/>.</summary>
    public SqlCommandLog Sql { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Demo:Enabled", demo ? "true" : "false");
        builder.UseSetting("Clock:Today", "");
        builder.UseSetting("ConnectionStrings:SqlServer", "");
        if (Database.Provider == DatabaseProvider.PostgreSql)
        {
            builder.UseSetting("ConnectionStrings:Postgres", Database.Settings.ConnectionString);
        }
        else
        {
            builder.UseSetting("ConnectionStrings:Postgres", "");
            var file = new SqliteConnectionStringBuilder(Database.Settings.ConnectionString).DataSource;
            builder.UseSetting("Storage:DataDirectory", Path.GetDirectoryName(file));
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<IClock>();
            services.AddSingleton(clock);
            services.AddSingleton<IStartupFilter>(new SqlCommandLog.Tagging());
            services.ConfigureDbContext<FieldContractsDbContext>(options => options.AddInterceptors(Sql));
        });
    }

    /// <summary>Serves the application on a real loopback port (for a browser) and returns its address.</summary>
    public Uri StartOnLoopback()
    {
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        return new Uri(addresses.Addresses.First());
    }
}
