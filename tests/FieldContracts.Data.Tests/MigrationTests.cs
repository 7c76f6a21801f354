using FieldContracts.Scheduling.Contracts;
using FieldContracts.Testing;
using Microsoft.EntityFrameworkCore;

namespace FieldContracts.Data.Tests;

public abstract class MigrationTests(DatabaseProvider provider)
{
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
    /// The migrations are written by hand, so this is what keeps them honest: the schema they build
    /// must be the one EF Core derives from the model, column for column, on this provider.
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
    }
}

public sealed class MigrationTests_Sqlite() : MigrationTests(DatabaseProvider.Sqlite);

public sealed class MigrationTests_Postgres() : MigrationTests(DatabaseProvider.PostgreSql);
