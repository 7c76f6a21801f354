using FieldContracts.Scheduling.Planning;
using FieldContracts.Scheduling.Specification;
using static FieldContracts.Scheduling.Tests.Planning.Hartford2685;

namespace FieldContracts.Scheduling.Tests.Planning;

public class DeterminismTests
{
    [Fact]
    public void Plan_SameInputBuiltTwice_IdenticalPlan()
    {
        var first = Canonical(SeasonalPlanner.Plan(Input()));
        var second = Canonical(SeasonalPlanner.Plan(Input()));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Plan_Ids_AreUniqueAndDerivedFromContractTaskSchoolYearAndNumber()
    {
        var plan = SeasonalPlanner.Plan(Input());

        Assert.Equal(plan.Occurrences.Count, plan.Occurrences.Select(o => o.Id).Distinct().Count());
        var broadleaf = plan.Single(Specification2685.Broadleaf, WeaverId, 2003);
        Assert.Equal(OccurrenceIds.For(ContractId, Specification2685.Broadleaf, WeaverId, 2003, 0), broadleaf.Id);
    }

    [Fact]
    public void For_KnownInputs_KnownIdentifierOnAnyMachine()
    {
        var id = OccurrenceIds.For(ContractId, Specification2685.Broadleaf, WeaverId, 2003, 0);

        Assert.Equal(new Guid("d8a5bd68-0b17-8e2f-b2aa-862290da9e16"), id);
    }

    [Fact]
    public void For_AnyPartDiffers_IdentifierDiffers()
    {
        var id = OccurrenceIds.For(ContractId, Specification2685.Mowing, WeaverId, 2003, 4);

        Assert.NotEqual(id, OccurrenceIds.For(Guid.Empty, Specification2685.Mowing, WeaverId, 2003, 4));
        Assert.NotEqual(id, OccurrenceIds.For(ContractId, Specification2685.Broadleaf, WeaverId, 2003, 4));
        Assert.NotEqual(id, OccurrenceIds.For(ContractId, Specification2685.Mowing, BulkeleyId, 2003, 4));
        Assert.NotEqual(id, OccurrenceIds.For(ContractId, Specification2685.Mowing, WeaverId, 2004, 4));
        Assert.NotEqual(id, OccurrenceIds.For(ContractId, Specification2685.Mowing, WeaverId, 2003, 5));
        Assert.Equal(8, id.Version);
    }

    [Fact]
    public void Plan_MowingIdsAcrossSeasons_StayTheSameWhenASeasonWindowMoves()
    {
        var before = SeasonalPlanner.Plan(Input());
        var spec = Specification2685.Specification.WithSeasonWindow(Specification2685.Summer,
            new DateInterval(new LocalDate(2003, 6, 20), new LocalDate(2003, 8, 31)));

        var after = SeasonalPlanner.Plan(Input() with { Specification = spec });

        var mowingsBefore = before.Occurrences.Where(o => o.Kind == TaskKind.Mowing).Select(o => o.Id).Order().ToList();
        var mowingsAfter = after.Occurrences.Where(o => o.Kind == TaskKind.Mowing).Select(o => o.Id).Order().ToList();
        Assert.Equal(mowingsBefore, mowingsAfter);
        Assert.Equal("3c", after.Occurrences.Single(o => o.Kind == TaskKind.Mowing && o.SiteId == WeaverId
            && o.PlannedDate == new LocalDate(2003, 6, 26)).ItemReference);
    }
}
