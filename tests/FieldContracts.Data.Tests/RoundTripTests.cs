using FieldContracts.Scheduling.Contracts;
using FieldContracts.Testing;
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
}

public sealed class RoundTripTests_Sqlite() : RoundTripTests(DatabaseProvider.Sqlite);

public sealed class RoundTripTests_Postgres() : RoundTripTests(DatabaseProvider.PostgreSql);
