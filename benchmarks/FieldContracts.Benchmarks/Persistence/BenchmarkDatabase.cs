using FieldContracts.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace FieldContracts.Benchmarks.Persistence;

/// <summary>
/// A database of the benchmark's own, created empty and migrated: a SQLite file in a temporary folder, or a
/// fresh database on the PostgreSQL server named by <see cref="PostgresVariable"/>. Dropped on disposal.
/// </summary>
internal sealed class BenchmarkDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "FIELDCONTRACTS_BENCH_POSTGRES";

    private readonly string? _server;
    private readonly string? _name;
    private readonly string? _directory;

    private BenchmarkDatabase(DatabaseSettings settings, string? server, string? name, string? directory)
    {
        Settings = settings;
        _server = server;
        _name = name;
        _directory = directory;
    }

    public DatabaseSettings Settings { get; }

    public static async Task<BenchmarkDatabase> CreateAsync(DatabaseProvider provider)
    {
        BenchmarkDatabase database;
        if (provider == DatabaseProvider.Sqlite)
        {
            var directory = Directory.CreateTempSubdirectory("fieldcontracts-bench-").FullName;
            database = new BenchmarkDatabase(DatabaseSettings.Embedded(directory), null, null, directory);
        }
        else
        {
            var server = Environment.GetEnvironmentVariable(PostgresVariable);
            if (string.IsNullOrWhiteSpace(server))
            {
                throw new InvalidOperationException(
                    $"The PostgreSQL benchmarks need a server: run benchmarks/run-plan-save.sh, which starts one and sets {PostgresVariable}.");
            }

            var name = $"fc_bench_{Guid.NewGuid():N}";
            await using (var connection = new NpgsqlConnection(server))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                await command.ExecuteNonQueryAsync();
            }

            database = new BenchmarkDatabase(
                DatabaseSettings.PostgreSql(new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString()), server, name, null);
        }

        await using var db = database.CreateContext();
        await FieldContractsDatabase.MigrateAsync(db);
        return database;
    }

    public FieldContractsDbContext CreateContext(IInterceptor? interceptor = null)
    {
        var options = new DbContextOptionsBuilder<FieldContractsDbContext>().UseFieldContractsDatabase(Settings);
        if (interceptor is not null)
        {
            options.AddInterceptors(interceptor);
        }

        return new FieldContractsDbContext((DbContextOptions<FieldContractsDbContext>)options.Options);
    }

    public async ValueTask DisposeAsync()
    {
        if (_directory is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_directory, recursive: true);
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
