using FieldContracts.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FieldContracts.Data.Testing;

/// <summary>
/// An empty database of its own for one test class: a SQLite file in a temporary folder, or a fresh
/// database on the PostgreSQL server the test script started (<c>FIELDCONTRACTS_TEST_POSTGRES</c>).
/// </summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "FIELDCONTRACTS_TEST_POSTGRES";

    public abstract DatabaseSettings Settings { get; }

    public DatabaseProvider Provider => Settings.Provider;

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteTestDatabase(),
        DatabaseProvider.PostgreSql => await PostgresTestDatabase.CreateAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    public FieldContractsDbContext CreateContext() => FieldContractsDatabase.CreateContext(Settings);

    public abstract ValueTask DisposeAsync();
}

public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _directory = Directory.CreateTempSubdirectory("fieldcontracts-test-").FullName;

    public SqliteTestDatabase() => Settings = DatabaseSettings.Embedded(_directory);

    public override DatabaseSettings Settings { get; }

    public override ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a host being torn down; the temporary folder is cleaned by the OS.
        }

        return ValueTask.CompletedTask;
    }
}

public sealed class PostgresTestDatabase : TestDatabase
{
    private readonly string _server;
    private readonly string _name;

    private PostgresTestDatabase(string server, string name)
    {
        _server = server;
        _name = name;
        Settings = DatabaseSettings.PostgreSql(new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString());
    }

    public override DatabaseSettings Settings { get; }

    public static async Task<PostgresTestDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"The PostgreSQL tests need a server: run ./test.sh, which starts one and sets {PostgresVariable}.");
        }

        var name = $"fc_test_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new PostgresTestDatabase(server, name);
    }

    public override async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
