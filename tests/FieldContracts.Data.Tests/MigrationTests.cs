using System.Data.Common;
using FieldContracts.Scheduling.Contracts;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FieldContracts.Data.Tests;

public abstract class MigrationTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Model_HasNoChangesPendingAgainstItsMigrations()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();

        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts/add-migration.sh <Name> to add a migration for the change.");
    }

    [Fact]
    public async Task Migrate_EmptyDatabase_AppliesEveryMigration()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();

        await FieldContractsDatabase.MigrateAsync(db);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(0, await db.Contracts.CountAsync());
    }

    [Fact]
    public async Task Migrate_SecondStart_ChangesNothingAndKeepsData()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var first = database.CreateContext())
        {
            await FieldContractsDatabase.MigrateAsync(first);
            first.Contractors.Add(new Contractor(Guid.NewGuid(), "Kept Across Restarts LLC",
                new PostalAddress("1 Main Street", "Hartford", "CT", "06103")));
            await first.SaveChangesAsync();
        }

        await using var second = database.CreateContext();
        var before = await SchemaSnapshot.ReadAsync(second);
        await FieldContractsDatabase.MigrateAsync(second);

        Assert.Equal(before, await SchemaSnapshot.ReadAsync(second));
        Assert.Equal(["Kept Across Restarts LLC"], await second.Contractors.Select(c => c.Name).ToListAsync());
    }

    /// <summary>
    /// The migrations are generated from the model, and this keeps them so: the schema they build must be the one EF Core
    /// creates from the model, column for column, on this provider (an edited migration or snapshot shows here).
    /// </summary>
    [Fact]
    public async Task Migrations_BuildTheSchemaOfTheModel()
    {
        await using var migrated = await TestDatabase.CreateAsync(provider);
        await using var created = await TestDatabase.CreateAsync(provider);
        await using var migratedDb = migrated.CreateContext();
        await using var createdDb = created.CreateContext();

        await FieldContractsDatabase.MigrateAsync(migratedDb);
        await createdDb.Database.EnsureCreatedAsync();

        var expected = await SchemaSnapshot.ReadAsync(createdDb);
        var actual = await SchemaSnapshot.ReadAsync(migratedDb);
        Assert.Equal(string.Join('\n', expected), string.Join('\n', actual));
        Assert.Contains(actual, line => line.StartsWith("column contracts.term_start", StringComparison.Ordinal));
        Assert.Contains(actual, line => line.StartsWith("column contracts.settings_crews_per_day", StringComparison.Ordinal));
    }

    /// <summary>The history table as the hand-written migrations left it: EF Core's own column names, their ids.</summary>
    protected static async Task MakeHandWrittenHistoryAsync(FieldContractsDbContext db)
    {
        await db.Database.ExecuteSqlRawAsync("""
            CREATE TABLE "__EFMigrationsHistory" ("MigrationId" varchar(150) NOT NULL PRIMARY KEY, "ProductVersion" varchar(32) NOT NULL);
            INSERT INTO "__EFMigrationsHistory" VALUES ('20261122090000_Initial', '10.0.14'), ('20261130100000_Deliverables', '10.0.14');
            CREATE TABLE contracts (id varchar(36) NOT NULL PRIMARY KEY, number varchar(20) NOT NULL);
            INSERT INTO contracts VALUES ('old', '2685');
            """);
    }

    /// <summary>A history in this version's form that names a migration this version does not have (one generated anew since).</summary>
    protected static async Task MakeHistoryWithUnknownMigrationAsync(FieldContractsDbContext db)
    {
        await FieldContractsDatabase.MigrateAsync(db);
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "__EFMigrationsHistory" (migration_id, product_version) VALUES ('20270101000000_Initial', '10.0.15');
            """);
    }

    protected static async Task<long> CountAsync(DbConnection connection, string sql)
    {
        await connection.OpenAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(await command.ExecuteScalarAsync());
        }
        finally
        {
            await connection.CloseAsync();
        }
    }
}

public sealed class MigrationTests_Sqlite() : MigrationTests(DatabaseProvider.Sqlite)
{
    [Theory]
    [InlineData("hand-written")]
    [InlineData("unknown migration")]
    public async Task Migrate_EmbeddedDatabaseOfAnotherMigrationSet_MovesItAsideAndStartsAfresh(string history)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var file = new SqliteConnectionStringBuilder(database.Settings.ConnectionString).DataSource;
        await using (var old = database.CreateContext())
        {
            await (history == "hand-written" ? MakeHandWrittenHistoryAsync(old) : MakeHistoryWithUnknownMigrationAsync(old));
        }

        var logger = new ListLogger();
        await using (var db = database.CreateContext())
        {
            await FieldContractsDatabase.MigrateAsync(db, logger);

            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            Assert.Equal(0, await db.Contracts.CountAsync());
        }

        var aside = Assert.Single(Directory.GetFiles(Path.GetDirectoryName(file)!, "fieldcontracts.db.old-*"), f => !f.EndsWith("-wal") && !f.EndsWith("-shm"));
        await using var kept = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = aside, Pooling = false }.ToString());
        Assert.Equal(1, await CountAsync(kept, "SELECT count(*) FROM \"__EFMigrationsHistory\" WHERE " +
            (history == "hand-written" ? "\"MigrationId\" = '20261122090000_Initial'" : "migration_id = '20270101000000_Initial'")));
        Assert.Contains(logger.Warnings, w => w.Contains(aside, StringComparison.Ordinal));
    }
}

public sealed class MigrationTests_Postgres() : MigrationTests(DatabaseProvider.PostgreSql)
{
    [Theory]
    [InlineData("hand-written")]
    [InlineData("unknown migration")]
    public async Task Migrate_ServerDatabaseOfAnotherMigrationSet_RefusesAndChangesNothing(string history)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        await using (var old = database.CreateContext())
        {
            await (history == "hand-written" ? MakeHandWrittenHistoryAsync(old) : MakeHistoryWithUnknownMigrationAsync(old));
        }

        await using var db = database.CreateContext();
        var before = await SchemaSnapshot.ReadAsync(db);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => FieldContractsDatabase.MigrateAsync(db));

        Assert.Contains("another set of migrations", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, await SchemaSnapshot.ReadAsync(db));
        Assert.Equal(history == "hand-written" ? 2 : db.Database.GetMigrations().Count() + 1,
            await CountAsync(db.Database.GetDbConnection(), "SELECT count(*) FROM \"__EFMigrationsHistory\""));
    }
}
