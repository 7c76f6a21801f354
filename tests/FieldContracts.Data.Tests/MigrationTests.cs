using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.WorkLogs;
using FieldContracts.Data.Planning;
using FieldContracts.Scheduling.Contracts;
using FieldContracts.Scheduling.Planning;
using FieldContracts.Scheduling.Specification;
using FieldContracts.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

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
    [Fact]
    public async Task DeficiencyRegister_MovesCandidatesAndMissedWork_KeepingTheirIds()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var contractor = new Contractor(Guid.NewGuid(), "Register Move Co", new PostalAddress("1 Main Street", "Hartford", "CT", "06103"));
        var contract = new Contract(Guid.NewGuid(), "2685", "Athletic Fields; Maintenance Of", contractor.Id,
            new DateInterval(new LocalDate(2003, 5, 15), new LocalDate(2004, 12, 31)), new LocalDate(2003, 4, 15),
            new ContractSettings(SubcontractingPolicy.NotPermitted, Duration.FromHours(24), 7));
        var site = contract.AddSite(Guid.NewGuid(), "WHS", "Weaver High School",
            new PostalAddress("415 Granby Street", "Hartford", "CT", "06112"), new GeoPoint(41.7905m, -72.688m));
        var infield = site.AddArea(Guid.NewGuid(), "Baseball infield", AreaKind.BaseballInfield, []);
        var broadleaf = Occurrence(contract.Id, site.Id, "summer.broadleaf", new LocalDate(2003, 7, 10), new LocalDate(2003, 7, 20));
        var mowing = Occurrence(contract.Id, site.Id, "spring.mowing", new LocalDate(2003, 6, 24), new LocalDate(2003, 6, 30));
        var at = Instant.FromUtc(2003, 7, 25, 14, 0);
        var (log, version) = WorkLog.Submit(contract.Id, contractor.Id, site.Id, "visit-1",
            new VisitContent(new LocalDate(2003, 7, 25), at, at + Duration.FromHours(2), ["Lee Chen"], null, [broadleaf.Id], [], null),
            "crew@contractor.example", at);
        Guid candidateId = Guid.NewGuid(), missedId = Guid.NewGuid();

        await using (var db = database.CreateContext())
        {
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync("20261122140000_NoticesAndJobs");
            await InsertContractAsThenAsync(db, contractor.Id, contract.Id);
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO sites (id, contract_id, code, name, address_street, address_city, address_state, address_postal_code,
                    location_latitude, location_longitude)
                VALUES ({site.Id}, {contract.Id}, 'WHS', 'Weaver High School', '415 Granby Street', 'Hartford', 'CT', '06112', {41.7905m}, {-72.688m})
                """);
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO areas (id, site_id, name, kind, sport_seasons) VALUES ({infield.Id}, {site.Id}, 'Baseball infield', 'BaseballInfield', '[]')
                """);
            db.AddRange(broadleaf, mowing, log, version);
            await db.SaveChangesAsync();
            var raisedAt = at.ToDateTimeUtc();
            var foundAt = Instant.FromUtc(2003, 7, 10, 6, 30).ToDateTimeUtc();
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO deficiency_candidates (id, contract_id, work_log_id, version, occurrence_id, area_id, kind, evidence, raised_at, status)
                VALUES ({candidateId}, {contract.Id}, {log.Id}, 1, {broadleaf.Id}, {infield.Id}, 'OutsideWindow', 'Done on Jul 25, 2003.', {raisedAt}, 'Open')
                """);
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO missed_work (id, contract_id, occurrence_id, kind, window_end, logged_on, found_on, found_at)
                VALUES ({missedId}, {contract.Id}, {mowing.Id}, 'Missed', {new DateOnly(2003, 6, 30)}, NULL, {new DateOnly(2003, 7, 10)}, {foundAt})
                """);

            await migrator.MigrateAsync();
        }

        await using var read = database.CreateContext();
        var moved = await read.Deficiencies.AsNoTracking().OrderBy(d => d.Kind).ToListAsync();
        Assert.Equal(2, moved.Count);
        var missed = moved.Single(d => d.Id == missedId);
        Assert.Equal((DeficiencyKind.MissedWork, DeficiencyStatus.Open, site.Id, mowing.Id), (missed.Kind, missed.Status, missed.SiteId, missed.OccurrenceId));
        Assert.Equal(DeficiencyKeys.Missed(mowing.Id), missed.DedupKey);
        Assert.Equal(new LocalDate(2003, 7, 10), missed.FoundOn);
        var late = moved.Single(d => d.Id == candidateId);
        Assert.Equal((DeficiencyKind.LateWork, log.Id, 1, site.Id), (late.Kind, late.WorkLogId, late.WorkLogVersion, late.SiteId));
        Assert.Equal([infield.Id], late.AreaIds);
        Assert.Equal("Done on Jul 25, 2003.", late.Evidence);
        Assert.Equal(at, late.RaisedAt);
    }

    [Fact]
    public async Task WorkCalendars_StoredContract_GetsMondayToSaturdayOneCrewAnd24Hours()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var contractorId = Guid.NewGuid();
        var contractId = Guid.NewGuid();
        await using (var db = database.CreateContext())
        {
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync("20261129110000_ContractSpecifications");
            await InsertContractAsThenAsync(db, contractorId, contractId);

            await migrator.MigrateAsync();
        }

        await using var read = database.CreateContext();
        var settings = (await read.Contracts.AsNoTracking().SingleAsync(c => c.Id == contractId)).Settings;
        Assert.Equal(1, settings.CrewsPerDay);
        Assert.Equal(Duration.FromHours(24), settings.ReEntryBuffer);
        Assert.Equal(WorkCalendar.MondayToSaturday.WorkingDays, settings.WorkCalendar.WorkingDays);
        Assert.Empty(settings.WorkCalendar.Holidays);
        Assert.Equal("Sunday", settings.WorkCalendar.WhyNotWorking(new LocalDate(2004, 4, 25)));
    }

    /// <summary>
    /// A contractor and #2685's contract as the first migrations' tables held them, without the settings columns added
    /// since: the model of now would write columns those tables do not have yet.
    /// </summary>
    private static async Task InsertContractAsThenAsync(FieldContractsDbContext db, Guid contractorId, Guid contractId)
    {
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO contractors (id, name, address_street, address_city, address_state, address_postal_code, contacts)
            VALUES ({contractorId}, 'Register Move Co', '1 Main Street', 'Hartford', 'CT', '06103', '[]')
            """);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO contracts (id, number, title, contractor_id, term_start, term_end, awarded_on, terminated_on,
                settings_subcontracting, settings_chemical_notice_lead_seconds, settings_mowing_cadence_days)
            VALUES ({contractId}, '2685', 'Athletic Fields; Maintenance Of', {contractorId}, {new DateOnly(2003, 5, 15)},
                {new DateOnly(2004, 12, 31)}, {new DateOnly(2003, 4, 15)}, NULL, 'NotPermitted', {86400L}, {7})
            """);
    }

    private static OccurrenceRecord Occurrence(Guid contract, Guid site, string task, LocalDate start, LocalDate end) => new()
    {
        Id = Guid.NewGuid(), ContractId = contract, SiteId = site, TaskKey = task, ItemReference = "3a", SeasonKey = "summer",
        Kind = TaskKind.Mowing, Year = 2003, SeriesNumber = 1, WindowStart = start, WindowEnd = end, PlannedDate = start,
        Status = OccurrenceStatus.Planned, Detail = "{}", CreatedAt = Instant.FromUtc(2003, 5, 1, 0, 0), LastModified = Instant.FromUtc(2003, 5, 1, 0, 0),
    };
}

public sealed class MigrationTests_Sqlite() : MigrationTests(DatabaseProvider.Sqlite);

public sealed class MigrationTests_Postgres() : MigrationTests(DatabaseProvider.PostgreSql);
