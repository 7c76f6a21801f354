using FieldContracts.Data.Notices;
using FieldContracts.Scheduling.Contracts;
using FieldContracts.Testing;
using NodaTime.TimeZones;
using Microsoft.EntityFrameworkCore;

namespace FieldContracts.Data.Tests;

public abstract class RoundTripTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Contract_SavedAndRead_KeepsDatesSeasonsAndMoneyExactly()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var contractor = new Contractor(Guid.NewGuid(), "Round Trip Grounds", new PostalAddress("1 Main Street", "Hartford", "CT", "06103"));
        contractor.AddContact(new ContractorContact("Sam Crew", "Crew leader", "crew@example.com", null));
        var contract = new Contract(Guid.NewGuid(), "2685", "Athletic Fields; Maintenance Of", contractor.Id,
            new DateInterval(new LocalDate(2003, 5, 15), new LocalDate(2004, 12, 31)), new LocalDate(2004, 2, 29),
            new ContractSettings(SubcontractingPolicy.PriorApprovalRequired, Duration.FromHours(48), 10));
        var site = contract.AddSite(Guid.NewGuid(), "WHS", "Weaver High School",
            new PostalAddress("415 Granby Street", "Hartford", "CT", "06112"), new GeoPoint(41.790512m, -72.688031m));
        site.AddArea(Guid.NewGuid(), "Baseball infield", AreaKind.BaseballInfield,
            [new SportSeason("Baseball", new AnnualDate(3, 15), new AnnualDate(6, 10)), new SportSeason("Indoor", new AnnualDate(11, 20), new AnnualDate(2, 29))]);
        contract.AddPriceLine(Guid.NewGuid(), "3", "Mowing, per visit", PriceBasis.UnitPrice, "visit", 210m, 385.01m, isSample: true);

        await using (var db = database.CreateContext())
        {
            await FieldContractsDatabase.MigrateAsync(db);
            db.Contractors.Add(contractor);
            db.Contracts.Add(contract);
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var loaded = await read.Contracts.Include(c => c.Sites).ThenInclude(s => s.Areas).Include(c => c.PriceLines)
            .SingleAsync(c => c.Number == "2685");
        var loadedContractor = await read.Contractors.SingleAsync();

        Assert.Equal(new DateInterval(new LocalDate(2003, 5, 15), new LocalDate(2004, 12, 31)), loaded.Term);
        Assert.Equal(new LocalDate(2004, 2, 29), loaded.AwardedOn);
        Assert.Null(loaded.TerminatedOn);
        Assert.Equal(Duration.FromHours(48), loaded.Settings.ChemicalNoticeLeadTime);
        Assert.Equal(SubcontractingPolicy.PriorApprovalRequired, loaded.Settings.Subcontracting);
        var area = Assert.Single(Assert.Single(loaded.Sites).Areas);
        Assert.Equal(new GeoPoint(41.790512m, -72.688031m), loaded.Sites[0].Location);
        Assert.Equal(
            [new SportSeason("Baseball", new AnnualDate(3, 15), new AnnualDate(6, 10)), new SportSeason("Indoor", new AnnualDate(11, 20), new AnnualDate(2, 29))],
            area.Seasons);
        Assert.True(area.IsInSeason(new LocalDate(2004, 2, 29)));
        var line = Assert.Single(loaded.PriceLines);
        Assert.Equal(385.01m, line.UnitPrice);
        Assert.Equal(80852.10m, line.EstimatedTotal);
        Assert.Equal([new ContractorContact("Sam Crew", "Crew leader", "crew@example.com", null)], loadedContractor.Contacts);
    }

    [Fact]
    public async Task Area_SeasonsChanged_AreSavedOnNextSaveChanges()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var contractor = new Contractor(Guid.NewGuid(), "Season Change Co", new PostalAddress("1 Main Street", "Hartford", "CT", "06103"));
        var contract = new Contract(Guid.NewGuid(), "100", "Test", contractor.Id,
            new DateInterval(new LocalDate(2003, 5, 15), new LocalDate(2004, 12, 31)), new LocalDate(2003, 4, 1),
            new ContractSettings(SubcontractingPolicy.NotPermitted, Duration.FromHours(24), 7));
        var area = contract.AddSite(Guid.NewGuid(), "BHS", "Bulkeley High School",
                new PostalAddress("300 Wethersfield Avenue", "Hartford", "CT", "06114"), new GeoPoint(41.7497m, -72.6737m))
            .AddArea(Guid.NewGuid(), "Softball outfield", AreaKind.PlayingField, [new SportSeason("Softball", new AnnualDate(3, 15), new AnnualDate(6, 10))]);
        await using (var db = database.CreateContext())
        {
            await FieldContractsDatabase.MigrateAsync(db);
            db.AddRange(contractor, contract);
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateContext())
        {
            var tracked = await db.Areas.SingleAsync(a => a.Id == area.Id);
            tracked.SetSeasons([new SportSeason("Softball", new AnnualDate(3, 20), new AnnualDate(6, 5))]);
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        Assert.Equal([new SportSeason("Softball", new AnnualDate(3, 20), new AnnualDate(6, 5))],
            (await read.Areas.SingleAsync(a => a.Id == area.Id)).Seasons);
    }

    private static readonly DateTimeZone Hartford = DateTimeZoneProviders.Tzdb["America/New_York"];

    /// <summary>Sunday, October 26, 2003, 1:30 a.m. in Hartford happened twice: first on daylight time (EDT), then on standard time (EST).</summary>
    private static readonly ZoneLocalMapping FallBack = Hartford.MapLocal(new LocalDateTime(2003, 10, 26, 1, 30));

    /// <summary>Sunday, April 4, 2004: the clocks went from 1:59:59 a.m. EST straight to 3:00 a.m. EDT.</summary>
    private static readonly Instant LastStandardSecond = new LocalDateTime(2004, 4, 4, 1, 59, 59).InZoneStrictly(Hartford).ToInstant();

    private static readonly Instant FirstDaylightSecond = new LocalDateTime(2004, 4, 4, 3, 0).InZoneStrictly(Hartford).ToInstant();

    [Fact]
    public async Task NodaTimeValues_AtDaylightSavingEdgesLeapDayAndLongDurations_RoundTripAndCompare()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var contractor = new Contractor(Guid.NewGuid(), "Edges Grounds", new PostalAddress("1 Main Street", "Hartford", "CT", "06103"));
        // 25 hours of lead time: the length of October 26, 2003 in Hartford, one hour longer than "a day".
        var contract = new Contract(Guid.NewGuid(), "2004", "Leap Day Award", contractor.Id,
            new DateInterval(new LocalDate(2004, 2, 29), new LocalDate(2004, 4, 4)), new LocalDate(2004, 2, 29),
            new ContractSettings(SubcontractingPolicy.NotPermitted, Duration.FromHours(25), 7, reEntryBuffer: Duration.FromHours(71) + Duration.FromSeconds(59)));
        var edt = FallBack.First().ToInstant();
        var est = FallBack.Last().ToInstant();
        Assert.Equal(Duration.FromHours(1), est - edt);
        var messages = new[] { (Key: "edt", At: edt), (Key: "est", At: est), (Key: "before-spring", At: LastStandardSecond), (Key: "after-spring", At: FirstDaylightSecond) }
            .Select(m => new OutboxMessage
            {
                Id = Guid.NewGuid(), Kind = OutboxKind.LicenceReminder, DedupKey = m.Key, ToAddress = "a@example.org", ToName = "A", Subject = m.Key,
                Body = "", CreatedAt = m.At, NextAttemptAt = m.At, SentAt = m.At + Duration.FromSeconds(1),
            })
            .ToList();
        await using (var db = database.CreateContext())
        {
            await FieldContractsDatabase.MigrateAsync(db);
            db.AddRange(contractor, contract);
            db.OutboxMessages.AddRange(messages);
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var loaded = await read.Contracts.AsNoTracking().SingleAsync(c => c.AwardedOn == new LocalDate(2004, 2, 29));
        Assert.Equal(new DateInterval(new LocalDate(2004, 2, 29), new LocalDate(2004, 4, 4)), loaded.Term);
        Assert.Equal(Duration.FromHours(25), loaded.Settings.ChemicalNoticeLeadTime);
        Assert.Equal(Duration.FromHours(71) + Duration.FromSeconds(59), loaded.Settings.ReEntryBuffer);
        var stored = await read.OutboxMessages.AsNoTracking().ToDictionaryAsync(m => m.DedupKey, m => (m.CreatedAt, m.SentAt));
        Assert.Equal(messages.ToDictionary(m => m.DedupKey, m => (m.CreatedAt, m.SentAt)), stored);
        Assert.Equal("2003-10-26T01:30:00 EDT 2003-10-26T01:30:00 EST",
            $"{stored["edt"].CreatedAt.InZone(Hartford):uuuu-MM-dd'T'HH:mm:ss x} {stored["est"].CreatedAt.InZone(Hartford):uuuu-MM-dd'T'HH:mm:ss x}");
        Assert.Equal(Duration.FromSeconds(1), stored["after-spring"].CreatedAt - stored["before-spring"].CreatedAt);
        // Compared in the database, not after reading: the order of instants holds across both changes of the clocks.
        Assert.Equal(["edt", "est"], await read.OutboxMessages.Where(m => m.CreatedAt >= edt && m.CreatedAt <= est)
            .OrderBy(m => m.CreatedAt).Select(m => m.DedupKey).ToListAsync());
        Assert.Equal(["after-spring"], await read.OutboxMessages.Where(m => m.CreatedAt > LastStandardSecond).Select(m => m.DedupKey).ToListAsync());
        Assert.Equal(["2004"], await read.Contracts.Where(c => c.TermEnd == new LocalDate(2004, 4, 4) && c.TermStart < new LocalDate(2004, 3, 1))
            .Select(c => c.Number).ToListAsync());
    }
}

public sealed class RoundTripTests_Sqlite() : RoundTripTests(DatabaseProvider.Sqlite);

public sealed class RoundTripTests_Postgres() : RoundTripTests(DatabaseProvider.PostgreSql)
{
    /// <summary>PostgreSQL keeps NodaTime values in its own types (the Npgsql NodaTime plugin), which psql and reports read as such.</summary>
    [Fact]
    public async Task NodaTimeColumns_AreNativePostgresTypes()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        await using var db = database.CreateContext();
        await FieldContractsDatabase.MigrateAsync(db);

        var columns = await SchemaSnapshot.ReadAsync(db);

        Assert.Contains(columns, c => c.StartsWith("column contracts.awarded_on date ", StringComparison.Ordinal));
        Assert.Contains(columns, c => c.StartsWith("column outbox_messages.sent_at timestamp with time zone ", StringComparison.Ordinal));
        Assert.Contains(columns, c => c.StartsWith("column contracts.settings_chemical_notice_lead_time interval ", StringComparison.Ordinal));
        Assert.Contains(columns, c => c.StartsWith("column contracts.settings_re_entry_buffer interval ", StringComparison.Ordinal));
    }
}
