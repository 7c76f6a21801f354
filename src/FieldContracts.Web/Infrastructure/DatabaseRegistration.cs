using FieldContracts.Data;
using FieldContracts.Web.Demo;
using Microsoft.EntityFrameworkCore;

namespace FieldContracts.Web.Infrastructure;

public static class DatabaseRegistration
{
    /// <summary>
    /// PostgreSQL when <c>ConnectionStrings:Postgres</c> is set, SQL Server when <c>ConnectionStrings:SqlServer</c> is
    /// (configuration or the environment variables <c>ConnectionStrings__Postgres</c>, <c>ConnectionStrings__SqlServer</c>;
    /// never both); otherwise the embedded SQLite file in <c>Storage:DataDirectory</c>, relative to the content root.
    /// </summary>
    public static DatabaseSettings ResolveDatabase(IConfiguration configuration, IHostEnvironment environment)
    {
        var postgres = configuration.GetConnectionString("Postgres");
        var sqlServer = configuration.GetConnectionString("SqlServer");
        switch (string.IsNullOrWhiteSpace(postgres), string.IsNullOrWhiteSpace(sqlServer))
        {
            case (false, false):
                throw new InvalidOperationException(
                    "Both ConnectionStrings:Postgres and ConnectionStrings:SqlServer are set: set the one database to use.");
            case (false, true):
                return DatabaseSettings.PostgreSql(postgres!);
            case (true, false):
                return DatabaseSettings.SqlServer(sqlServer!);
        }

        var directory = configuration["Storage:DataDirectory"];
        directory = string.IsNullOrWhiteSpace(directory) ? "data" : directory;
        return DatabaseSettings.Embedded(Path.GetFullPath(directory, environment.ContentRootPath));
    }

    public static IServiceCollection AddDatabase(this IServiceCollection services, DatabaseSettings settings)
    {
        services.AddSingleton(settings);
        services.AddDbContext<FieldContractsDbContext>((provider, options) => options.UseFieldContractsDatabase(settings)
            .AddInterceptors(provider.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()));
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
        await FieldContractsDatabase.MigrateAsync(db, app.Logger);
        await FieldContracts.Web.Features.Jobs.JobsRegistration.PrepareJobStorageAsync(settings, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<DemoData>().PrepareAsync(CancellationToken.None);
    }

    /// <summary>
    /// An instance's turn at preparing a shared database: a session-level lock (PostgreSQL's advisory lock, SQL Server's
    /// application lock) on a connection of its own, not pooled, so closing it ends the session and with it the lock,
    /// also when preparing failed. The embedded database has one instance.
    /// </summary>
    private sealed class StartupTurn(System.Data.Common.DbConnection? connection) : IAsyncDisposable
    {
        // Waits while another instance prepares: migrations can take minutes on a big database.
        private const int WaitSeconds = 900;

        public static async Task<StartupTurn> TakeAsync(DatabaseSettings settings)
        {
            System.Data.Common.DbConnection connection;
            string sql;
            switch (settings.Provider)
            {
                case DatabaseProvider.PostgreSql:
                    connection = new Npgsql.NpgsqlConnection(
                        new Npgsql.NpgsqlConnectionStringBuilder(settings.ConnectionString) { Pooling = false }.ToString());
                    sql = "SELECT pg_advisory_lock(2685001)";
                    break;
                case DatabaseProvider.SqlServer:
                    connection = new Microsoft.Data.SqlClient.SqlConnection(
                        new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(settings.ConnectionString) { Pooling = false }.ToString());
                    sql = $"EXEC sp_getapplock @Resource = 'fieldcontracts-startup', @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = {WaitSeconds * 1000}";
                    break;
                default:
                    return new StartupTurn(null);
            }

            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.CommandTimeout = WaitSeconds + 30;
            await command.ExecuteNonQueryAsync();
            return new StartupTurn(connection);
        }

        public async ValueTask DisposeAsync()
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }
}
