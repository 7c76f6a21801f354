using FieldContracts.Scheduling.Contracts;
using FieldContracts.Scheduling.Planning;
using FieldContracts.Scheduling.Specification;
using FieldContracts.Scheduling.Testing;
using static FieldContracts.Scheduling.Tests.Planning.Hartford2685;

namespace FieldContracts.Scheduling.Tests.Planning;

/// <summary>The plan of #2685 against the bid's words, clause by clause.</summary>
public class BidFidelityTests
{
    private static readonly PlanInput Input2685 = Input();
    private static readonly SeasonalPlan Plan2685 = SeasonalPlanner.Plan(Input2685);

    private static readonly Dictionary<Guid, AreaKind> Kinds =
        Input2685.Sites.SelectMany(s => s.Areas).ToDictionary(a => a.Id, a => a.Kind);

    private static readonly AreaKind[] Turf =
        [AreaKind.BaseballInfield, AreaKind.PlayingField, AreaKind.NonPlayingArea, AreaKind.ShotPutDiscus, AreaKind.TennisSurrounds];

    private static Occurrence FirstMowing(Guid siteId, int year) =>
        Plan2685.Occurrences.Single(o => o.TaskKey == Specification2685.Mowing && o.SiteId == siteId && o.Year == year && o.Sequence == 0);

    [Fact]
    public void Plan_4eAtWeaverSeptember2003_NoGlyphosateOnTheFootballField()
    {
        // 4e: "Reat base lines, skinned infield fence lines, shot put and pre-emergent control such as a Roundup/surflan
        // mixture. (Retreatment from summer) and fertilize."
        var vegetation = Plan2685.Single(Specification2685.FallVegetationControl, WeaverId, 2003);
        var football = AreaId(WeaverId, 1);

        Assert.DoesNotContain(football, vegetation.AreaIds);
        Assert.DoesNotContain("Football field", vegetation.Application!.Notice.Content.Areas);
        Assert.All(vegetation.AreaIds, a => Assert.Contains(Kinds[a], new[] { AreaKind.BaseLines, AreaKind.FenceLine, AreaKind.ThrowingCircle }));
        Assert.Equal(["Baseball diamond: base lines", "Lower fields: softball base lines", "Lower fields: skinned softball infield fence line"],
            vegetation.Application.Notice.Content.Areas);

        // "and fertilize": on the turf, no pesticide, so no notice.
        var fertilizer = Plan2685.Single("earlyfall.fertilizer", WeaverId, 2003);
        Assert.Contains(football, fertilizer.AreaIds);
        Assert.All(fertilizer.AreaIds, a => Assert.Contains(Kinds[a], Turf));
        Assert.False(fertilizer.IsChemical);
    }

    [Fact]
    public void Plan_3bAnd4e_OnlyTheBaseLinesFenceLinesAndThrowingCircles()
    {
        // 3b: "Treat base lines, skinned infield fence lines, shot put and discuss areas ..."
        foreach (var key in new[] { Specification2685.VegetationControl, Specification2685.VegetationControlRetreatment, Specification2685.FallVegetationControl })
        {
            Assert.All(Plan2685.Of(key), o =>
                Assert.All(o.AreaIds, a => Assert.Contains(Kinds[a], new[] { AreaKind.BaseLines, AreaKind.FenceLine, AreaKind.ThrowingCircle })));
        }
    }

    [Fact]
    public void Plan_EveryFertilizerAndTurfChemical_OnlyOnTurf()
    {
        // 2a: "Apply the following materials to all turf areas"; 3a: broadleaf weed control on the turf.
        foreach (var key in new[] { Specification2685.SpringFertilizer, Specification2685.Broadleaf, Specification2685.BroadleafRetreatment, "earlyfall.fertilizer" })
        {
            Assert.All(Plan2685.Of(key), o => Assert.All(o.AreaIds, a => Assert.Contains(Kinds[a], Turf)));
        }
    }

    [Fact]
    public void Plan_2685_NoOccurrenceOnASundayOrACityHoliday()
    {
        var planned = Plan2685.Occurrences.Where(o => o.PlannedDate is not null).ToList();

        Assert.All(planned, o => Assert.Null(Contract2685.WorkCalendar.WhyNotWorking(o.PlannedDate!.Value)));
        Assert.DoesNotContain(planned, o => o.PlannedDate == new LocalDate(2003, 11, 27));
        Assert.DoesNotContain(planned, o => o.PlannedDate!.Value.DayOfWeek == IsoDayOfWeek.Sunday);
    }

    [Fact]
    public void Plan_Item2aOf2004_MovesFromSundayApril25()
    {
        // "SPRING 2003 and 2004: (END OF APRIL - JUNE)": the window opens on Sunday, April 25, 2004; item 2b, with no
        // chemical, goes on Monday the 26th and says why.
        var irrigation = Plan2685.Single(Specification2685.IrrigationStartUp, HartfordPublicId, 2004);

        Assert.Equal(new LocalDate(2004, 4, 26), irrigation.PlannedDate);
        Assert.Equal("Sunday, April 25, 2004 is not a working day (Sunday): planned for Monday, April 26, 2004.", Assert.Single(irrigation.Notes));
    }

    [Fact]
    public void Plan_July15Of2003_BroadleafAndReTreatmentNotTogetherAtOneSchool()
    {
        // 3a on July 15 and the 3b re-treatment, 14 days after 3b of July 1, both fell on July 15 at 6:00.
        var broadleaf = Plan2685.Single(Specification2685.Broadleaf, HartfordPublicId, 2003);
        var retreatment = Plan2685.Single(Specification2685.VegetationControlRetreatment, HartfordPublicId, 2003);

        Assert.Equal(new LocalDate(2003, 7, 15), broadleaf.PlannedDate);
        Assert.Equal(new LocalDate(2003, 7, 16), retreatment.PlannedDate);
        Assert.Equal("Tuesday, July 15, 2003: another chemical application is planned at the school that day; planned for Wednesday, July 16, 2003.",
            Assert.Single(retreatment.Notes));
        Assert.NotEqual(broadleaf.Application!.Notice.DueBy, retreatment.Application!.Notice.DueBy);
    }

    [Fact]
    public void Plan_ChemicalApplications_OneADayForTheCrewAndNeverTwoAtOneSchool()
    {
        var applications = Plan2685.Occurrences.Where(o => o.Application is not null).ToList();

        Assert.All(applications.GroupBy(o => o.Application!.Start.Date), day => Assert.Single(day));
        var twoCrews = SeasonalPlanner.Plan(Input2685 with { Settings = Input2685.Settings with { CrewsPerDay = 2 } })
            .Occurrences.Where(o => o.Application is not null).ToList();
        Assert.All(twoCrews.GroupBy(o => o.Application!.Start.Date), day => Assert.InRange(day.Count(), 1, 2));
        Assert.All(twoCrews.GroupBy(o => (o.SiteId, o.Application!.Start.Date)), day => Assert.Single(day));
        Assert.Contains(twoCrews.GroupBy(o => o.Application!.Start.Date), day => day.Count() == 2);
    }

    [Fact]
    public void Plan_ChemicalApplications_TwentyFourHoursClearOfActivitiesAfter()
    {
        Assert.All(Plan2685.Occurrences.Where(o => o.Application is not null), o =>
        {
            var calendar = Input2685.Sites.Single(s => s.Id == o.SiteId).Calendar;
            var end = o.Application!.Start.Plus(Period.FromHours(2));
            Assert.Empty(calendar.ActivitiesDuring(end, end.PlusHours(24)));
            Assert.Empty(ChemicalApplications.Check(calendar, o.Application.Start, o.Application.Length).Conflicts);
        });
    }

    [Fact]
    public void Plan_TennisCourts_TheCourtsPlantingAndStairsAreCleanedNeverMowed()
    {
        // II: "Tennis Courts = area inside fence, slope with planting from court fence to lower fields, grass between court
        // fence and slope and slope stairs."
        AreaKind[] notMowed = [AreaKind.TennisCourt, AreaKind.PlantingBed, AreaKind.Stairs];
        var weaverCourts = Input2685.Sites.Single(s => s.Id == WeaverId).Areas.Where(a => notMowed.Contains(a.Kind)).Select(a => a.Id).ToList();

        Assert.Equal(3, weaverCourts.Count);
        Assert.All(Plan2685.Occurrences.Where(o => o.Kind == TaskKind.Mowing), o => Assert.Empty(o.AreaIds.Intersect(weaverCourts)));
        Assert.Superset(weaverCourts.ToHashSet(), Plan2685.Single(Specification2685.LeafRemoval, WeaverId, 2003).AreaIds.ToHashSet());
        Assert.Contains(FirstMowing(WeaverId, 2003).AreaIds, a => Kinds[a] == AreaKind.TennisSurrounds);
    }

    [Fact]
    public void Plan_SpringFertilizer2004_SiduronWhereSeededInMarchAndNoProdiamine()
    {
        // 2a: "Pre-emergent Crabgrass Control: (Use siduron on newly seeded areas)". 1b seeds worn turf on March 20, 2004.
        var fertilizer = Plan2685.Single(Specification2685.SpringFertilizer, HartfordPublicId, 2004);
        var seeding = Plan2685.Single(Specification2685.SpringTurfRepair, HartfordPublicId, 2004);

        var withheld = Assert.Single(fertilizer.Withheld);
        Assert.Equal("Pre-emergent crabgrass control (sample: Barricade)", withheld.Material);
        Assert.Equal(new LocalDate(2004, 3, 20), withheld.SeededOn);
        Assert.Equal("Siduron (e.g. Tupersan)", withheld.Instead);
        Assert.Equal(seeding.AreaIds.Intersect(fertilizer.AreaIds).Order(), withheld.AreaIds.Order());

        // Seeded everywhere the fertilizer goes, so the school's notice names siduron and not prodiamine.
        Assert.Equal(["siduron"], fertilizer.Application!.Notice.Content.ActiveIngredients);
        Assert.Equal(["Siduron (e.g. Tupersan)"], fertilizer.Application.Notice.Content.Products);

        // 2003: early spring lay before the term, nothing was seeded; prodiamine goes on all turf and siduron nowhere.
        var fertilizer2003 = Plan2685.Single(Specification2685.SpringFertilizer, HartfordPublicId, 2003);
        Assert.Empty(fertilizer2003.Withheld);
        Assert.Equal(["prodiamine"], fertilizer2003.Application!.Notice.Content.ActiveIngredients);
    }

    [Fact]
    public void CheckMove_ToASunday_RefusedUnlessAnEmergency()
    {
        var mowing = FirstMowing(WeaverId, 2003);

        var refusal = Assert.IsType<MoveRefusal.NotAWorkingDay>(PlanEdits.CheckMove(Plan2685, Input2685, mowing.Id, new LocalDate(2003, 5, 18)));
        Assert.Equal("Sunday", refusal.Why);
        Assert.Null(PlanEdits.CheckMove(Plan2685, Input2685, mowing.Id, new LocalDate(2003, 5, 18), emergencyReason: "Graduation on the field Monday"));
        Assert.IsType<MoveRefusal.NotAWorkingDay>(PlanEdits.CheckMove(Plan2685, Input2685, mowing.Id, new LocalDate(2003, 5, 26)));
    }

    [Theory]
    [InlineData("HPHS")]
    [InlineData("WHS")]
    [InlineData("BHS")]
    public void PriceList_MowingPerVisit_EstimatesThePlansMowingsAtEachSchool(string school)
    {
        // Item 2, "Mowing, per visit": every mowing planned in the term at the school (183 in all, 61 at each).
        var site = Input2685.Sites.Single(s => s.Code == school).Id;
        var mowings = Plan2685.Occurrences.Count(o => o.Kind == TaskKind.Mowing && o.PlannedDate is not null && o.SiteId == site);

        Assert.Equal(183, Plan2685.Occurrences.Count(o => o.Kind == TaskKind.Mowing && o.PlannedDate is not null));
        Assert.Equal(mowings, Contract2685.EstimatedQuantity("2", school));
    }
}
