using System.Data.Common;
using FieldContracts.Data;
using Microsoft.EntityFrameworkCore;

namespace FieldContracts.Data.Tests;

/// <summary>The schema a database actually has, as sorted lines: tables, columns, indexes, foreign keys.</summary>
internal static class SchemaSnapshot
{
    public static async Task<IReadOnlyList<string>> ReadAsync(FieldContractsDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            var lines = db.Database.IsSqlite() ? await ReadSqliteAsync(connection) : await ReadPostgresAsync(connection);
            // EF's history is not the model's (Hangfire's tables live in a schema of their own, docs/decisions/0016).
            return lines.Where(l => !l.Contains("__EF", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal).ToList();
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    private static async Task<List<string>> ReadSqliteAsync(DbConnection connection)
    {
        var lines = new List<string>();
        var tables = await QueryAsync(connection,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", r => r.GetString(0));
        foreach (var table in tables)
        {
            lines.AddRange(await QueryAsync(connection,
                $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}')",
                r => $"column {table}.{r.GetString(0)} {r.GetString(1)} notnull={r.GetInt64(2)} pk={r.GetInt64(3)}"));
            lines.AddRange(await QueryAsync(connection,
                $"SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{table}')",
                r => $"fk {table}.{r.GetString(1)} -> {r.GetString(0)}.{r.GetString(2)} {r.GetString(3)}"));
        }

        lines.AddRange(await QueryAsync(connection,
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL",
            r => $"index {r.GetString(0)}: {r.GetString(1)}"));
        return lines;
    }

    private static async Task<List<string>> ReadPostgresAsync(DbConnection connection)
    {
        var lines = await QueryAsync(connection,
            """
            SELECT table_name, column_name, data_type, is_nullable,
                   coalesce(character_maximum_length, -1), coalesce(numeric_precision, -1), coalesce(numeric_scale, -1),
                   coalesce(identity_generation, '')
            FROM information_schema.columns WHERE table_schema = 'public'
            """,
            r => $"column {r.GetString(0)}.{r.GetString(1)} {r.GetString(2)} nullable={r.GetString(3)} " +
                 $"len={r.GetInt32(4)} precision={r.GetInt32(5)},{r.GetInt32(6)} identity={r.GetString(7)}");
        lines.AddRange(await QueryAsync(connection,
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'",
            r => $"index {r.GetString(0)}: {r.GetString(1)}"));
        lines.AddRange(await QueryAsync(connection,
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace",
            r => $"constraint {r.GetString(0)}.{r.GetString(1)}: {r.GetString(2)}"));
        return lines;
    }

    private static async Task<List<T>> QueryAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
