using System.Text;
using FieldContracts.Data.Deficiencies;
using FieldContracts.Data.Deliverables;
using FieldContracts.Data.Notices;
using FieldContracts.Data.Planning;
using FieldContracts.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FieldContracts.Data.Tests;

/// <summary>
/// SQL Server is supported but cannot run here: everything that needs no server is checked on its provider, the model,
/// the migrations and their script, and the SQL of the data layer's queries.
/// </summary>
public sealed class SqlServerWithoutServerTests
{
    [Fact]
    public void Model_HasNoChangesPendingAgainstItsMigrations()
    {
        using var db = SqlServerWithoutServer.CreateModelContext();

        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts/add-migration.sh <Name> to add a migration for the change.");
        Assert.Equal("FieldContracts.Data.Migrations.SqlServer", db.GetService<IMigrationsAssembly>().Assembly.GetName().Name);
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void Model_MapsNodaTimeThroughConvertersToSqlServerTypes()
    {
        using var db = SqlServerWithoutServer.CreateModelContext();
        var contracts = db.Model.GetRelationalModel().Tables.Single(t => t.Name == "contracts");

        Assert.Equal("date", contracts.FindColumn("awarded_on")!.StoreType);
        Assert.Equal("bigint", contracts.FindColumn("settings_chemical_notice_lead_time")!.StoreType);
        Assert.Equal("datetime2", db.Model.GetRelationalModel().Tables.Single(t => t.Name == "outbox_messages").FindColumn("sent_at")!.StoreType);
        Assert.Equal("nvarchar(max)", db.Model.GetRelationalModel().Tables.Single(t => t.Name == "areas").FindColumn("sport_seasons")!.StoreType);
    }

    [Fact]
    public void CreateScript_MakesEveryTable()
    {
        using var db = SqlServerWithoutServer.CreateModelContext();

        var script = db.Database.GenerateCreateScript();

        foreach (var table in db.Model.GetRelationalModel().Tables)
        {
            Assert.Contains($"CREATE TABLE [{table.Name}] (", script, StringComparison.Ordinal);
        }
    }

    /// <summary>docs/sql/sqlserver-idempotent.sql is what the migrations make; scripts/sqlserver-script.sh writes it anew.</summary>
    [Fact]
    public void IdempotentScript_IsTheCheckedInOne()
    {
        using var db = SqlServerWithoutServer.CreateModelContext();

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("IF NOT EXISTS (", script, StringComparison.Ordinal);
        var checkedIn = File.ReadAllText(Path.Combine(Repository.Root(), "docs", "sql", "sqlserver-idempotent.sql"), Encoding.UTF8);
        Assert.True(Normalized(checkedIn) == Normalized(script),
            "docs/sql/sqlserver-idempotent.sql is out of date: run scripts/sqlserver-script.sh.");
    }

    /// <summary>SQL Server refuses a foreign key that opens a second cascading path from one table to another (error 1785).</summary>
    [Fact]
    public void Model_HasOneCascadePathAtMostBetweenAnyTwoTables()
    {
        using var db = SqlServerWithoutServer.CreateModelContext();
        var cascades = db.Model.GetRelationalModel().Tables
            .SelectMany(t => t.ForeignKeyConstraints)
            .Where(fk => fk.OnDeleteAction == ReferentialAction.Cascade)
            .ToLookup(fk => fk.PrincipalTable.Name, fk => fk.Table.Name);

        foreach (var start in cascades.Select(g => g.Key))
        {
            var paths = new Dictionary<string, int>();
            Walk(start, []);
            var doubled = paths.Where(p => p.Value > 1).Select(p => p.Key).ToList();
            Assert.True(doubled.Count == 0, $"Deleting from {start} cascades to {string.Join(", ", doubled)} along more than one path.");

            void Walk(string table, HashSet<string> seen)
            {
                foreach (var dependent in cascades[table])
                {
                    Assert.True(seen.Add(dependent), $"Cascading deletes from {start} run in a cycle through {dependent}.");
                    paths[dependent] = paths.GetValueOrDefault(dependent) + 1;
                    Walk(dependent, seen);
                    seen.Remove(dependent);
                }
            }
        }
    }

    /// <summary>SQL Server indexes no nvarchar(max) column: every key and index column has a length.</summary>
    [Fact]
    public void Model_IndexesOnlyColumnsOfBoundedLength()
    {
        using var db = SqlServerWithoutServer.CreateModelContext();
        var tables = db.Model.GetRelationalModel().Tables;

        var unbounded = tables.SelectMany(t => t.Indexes.SelectMany(i => i.Columns).Concat(t.UniqueConstraints.SelectMany(k => k.Columns)))
            .Where(c => c.StoreType.Contains("(max)", StringComparison.Ordinal))
            .Select(c => $"{c.Table.Name}.{c.Name}")
            .Distinct()
            .ToList();

        Assert.Empty(unbounded);
    }

    [Fact]
    public async Task DataLayerQueries_TranslateToSqlServer()
    {
        var server = new SqlServerWithoutServer();
        Guid contract = Guid.NewGuid(), occurrence = Guid.NewGuid();
        var ct = CancellationToken.None;
        await using var db = server.CreateContext();

        Assert.Null(await PlanState.LoadAsync(db, contract, ct));
        await NoticeLedgers.ForContractAsync(db, contract, ct);
        await NoticeLedgers.ForContractsAsync(db, [contract, Guid.NewGuid()], ct);
        await NoticeLedgers.ForOccurrencesAsync(db, [occurrence], ct);
        await NoticeLedgers.EmailedAsync(db, contract, ct);
        await MissedWork.OccurrencesAsync(db, [contract], ct);
        await ExpectedDeliverables.OfAsync(db, [contract], ct);
        await ExpectedDeliverables.OfAsync(db, [contract], ct, occurrence);
        await Specifications.LatestAsync(db, contract, ct);
        await Specifications.LatestAsync(db, [contract], ct);
        // The rest of a plan's state, which PlanState.LoadAsync reads once its contract is found.
        var siteIds = new List<Guid> { Guid.NewGuid() };
        string[] plan =
        [
            db.ContractYearFacts.Where(f => f.ContractId == contract).ToQueryString(),
            db.SiteYearFacts.Where(f => siteIds.Contains(f.SiteId)).ToQueryString(),
            db.OccurrenceMoves.Where(m => m.ContractId == contract).ToQueryString(),
            db.SchoolCalendars.Where(c => siteIds.Contains(c.SiteId)).ToQueryString(),
            db.SeasonWindows.Where(w => w.ContractId == contract).ToQueryString(),
            db.Occurrences.Where(o => o.ContractId == contract).ToQueryString(),
            db.NoticeRecords.Where(n => n.ContractId == contract).ToQueryString(),
        ];

        Assert.Contains(server.Commands, c => c.Contains("FROM [contracts]", StringComparison.Ordinal));
        Assert.Contains(server.Commands, c => c.Contains("FROM [chemical_notices]", StringComparison.Ordinal));
        Assert.Contains(server.Commands, c => c.Contains("FROM [deficiencies]", StringComparison.Ordinal));
        Assert.Contains(server.Commands, c => c.Contains("FROM [plan_occurrences]", StringComparison.Ordinal));
        Assert.Contains(server.Commands, c => c.Contains("FROM [contract_specifications]", StringComparison.Ordinal));
        Assert.All(plan, sql => Assert.Contains("SELECT", sql, StringComparison.Ordinal));
    }

    private static string Normalized(string script) => script.TrimStart('\uFEFF').ReplaceLineEndings("\n").Trim();
}
