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
        services.AddDbContext<FieldContractsDbContext>(options => options.UseFieldContractsDatabase(settings));
        return services;
    }

    /// <summary>Applies migrations, ensures the roles exist, and in demo mode loads contract #2685.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FieldContractsDbContext>();
        var settings = scope.ServiceProvider.GetRequiredService<DatabaseSettings>();
        app.Logger.LogInformation("Database: {Database}", settings.Describe());
        await FieldContractsDatabase.MigrateAsync(db, app.Logger);
        await scope.ServiceProvider.GetRequiredService<DemoData>().PrepareAsync(CancellationToken.None);
    }
}
