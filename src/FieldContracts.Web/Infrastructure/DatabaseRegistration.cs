using FieldContracts.Data;
using FieldContracts.Web.Demo;
using Microsoft.EntityFrameworkCore;

namespace FieldContracts.Web.Infrastructure;

public static class DatabaseRegistration
{
    /// <summary>
    /// PostgreSQL when <c>ConnectionStrings:Postgres</c> is set (configuration or the environment
    /// variable <c>ConnectionStrings__Postgres</c>); otherwise the embedded SQLite file in
    /// <c>Storage:DataDirectory</c>, relative to the content root.
    /// </summary>
    public static DatabaseSettings ResolveDatabase(IConfiguration configuration, IHostEnvironment environment)
    {
        var postgres = configuration.GetConnectionString("Postgres");
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            return DatabaseSettings.PostgreSql(postgres);
        }

        var directory = configuration["Storage:DataDirectory"];
        directory = string.IsNullOrWhiteSpace(directory) ? "data" : directory;
        return DatabaseSettings.Embedded(Path.GetFullPath(directory, environment.ContentRootPath));
    }

    public static IServiceCollection AddDatabase(this IServiceCollection services, DatabaseSettings settings)
    {
        services.AddSingleton(settings);
        services.AddDbContext<FieldContractsDbContext>(options => options.UseFieldContractsDatabase(settings));
        return services;
    }

    /// <summary>
    /// Applies migrations, installs the job storage's schema, ensures the roles exist, and in demo mode loads contract
    /// #2685. Instances starting together on one server take turns (a session lock), so none of this runs twice at once.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FieldContractsDbContext>();
        var settings = scope.ServiceProvider.GetRequiredService<DatabaseSettings>();
        app.Logger.LogInformation("Database: {Database}", settings.Describe());
        await using var turn = await StartupTurn.TakeAsync(settings);
        await FieldContractsDatabase.MigrateAsync(db);
        await FieldContracts.Web.Features.Jobs.JobsRegistration.PrepareJobStorageAsync(settings, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<DemoData>().PrepareAsync(CancellationToken.None);
    }

    /// <summary>An instance's turn at preparing a shared database: a PostgreSQL session-level advisory lock.</summary>
    private sealed class StartupTurn(Npgsql.NpgsqlConnection? connection) : IAsyncDisposable
    {
        private const long Key = 2_685_001;

        public static async Task<StartupTurn> TakeAsync(DatabaseSettings settings)
        {
            if (settings.Provider != DatabaseProvider.PostgreSql)
            {
                return new StartupTurn(null); // The embedded database has one instance.
            }

            // A session of its own, not pooled: closing it ends the session, and with it the lock.
            var unpooled = new Npgsql.NpgsqlConnectionStringBuilder(settings.ConnectionString) { Pooling = false };
            var connection = new Npgsql.NpgsqlConnection(unpooled.ToString());
            await connection.OpenAsync();
            // Waits while another instance prepares (migrations can take minutes on a big database).
            await using var command = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_lock({Key})", connection) { CommandTimeout = 900 };
            await command.ExecuteNonQueryAsync();
            return new StartupTurn(connection);
        }

        public async ValueTask DisposeAsync()
        {
            if (connection is not null)
            {
                // Closing the session releases its lock, also when preparing failed.
                await connection.DisposeAsync();
            }
        }
    }
}
