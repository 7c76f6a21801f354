using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FieldContracts.Data;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>Which database the application uses and how to reach it.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>The embedded database: one SQLite file in <paramref name="dataDirectory"/>, created if missing.</summary>
    public static DatabaseSettings Embedded(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, "fieldcontracts.db"),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        };
        return new DatabaseSettings(DatabaseProvider.Sqlite, builder.ToString());
    }

    public static DatabaseSettings PostgreSql(string connectionString) => new(DatabaseProvider.PostgreSql, connectionString);

    /// <summary>A description for logs that never includes a password.</summary>
    public string Describe() => Provider switch
    {
        DatabaseProvider.Sqlite => $"SQLite at {new SqliteConnectionStringBuilder(ConnectionString).DataSource}",
        _ => DescribePostgres(new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString)),
    };

    private static string DescribePostgres(Npgsql.NpgsqlConnectionStringBuilder b) => $"PostgreSQL at {b.Host}:{b.Port}/{b.Database}";
}

public static class FieldContractsDatabase
{
    /// <summary>Points EF Core at the configured provider. Everything above this line is provider-neutral.</summary>
    public static DbContextOptionsBuilder UseFieldContractsDatabase(this DbContextOptionsBuilder options, DatabaseSettings settings)
    {
        _ = settings.Provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(settings.ConnectionString),
            DatabaseProvider.PostgreSql => options.UseNpgsql(settings.ConnectionString),
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Provider, "Unknown database provider."),
        };

        // The migrations are written by hand and carry no model snapshot; a test compares the schema
        // they build with the model on both providers instead (docs/decisions/0002).
        return options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }

    /// <summary>
    /// Brings the schema up to date. Safe to run at every start: applied migrations are skipped, and
    /// EF Core's migration lock keeps two instances starting together from applying one twice.
    /// </summary>
    public static async Task MigrateAsync(FieldContractsDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging lets readers proceed while a writer commits; the mode is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await db.Database.MigrateAsync(cancellationToken);
    }
}
