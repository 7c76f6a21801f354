using FieldContracts.Scheduling.Planning;
using FieldContracts.Scheduling.Specification;
using static FieldContracts.Scheduling.Tests.Planning.Hartford2685;

namespace FieldContracts.Scheduling.Tests.Planning;

public class SeasonalPlannerTests
{
    private static readonly Guid[] Schools = [HartfordPublicId, WeaverId, BulkeleyId];

    private static readonly SeasonalPlan Plan2685 = SeasonalPlanner.Plan(Input());

    [Fact]
    public void Plan_2685_PlansNothingBeforeMay15Of2003OrAfterDecember31Of2004()
    {
        var planned = Plan2685.Occurrences.Where(o => o.PlannedDate is not null).ToList();

        Assert.NotEmpty(planned);
        Assert.All(planned, o =>
        {
            Assert.InRange(o.PlannedDate!.Value, new LocalDate(2003, 5, 15), new LocalDate(2004, 12, 31));
            Assert.InRange(o.Window.Start, new LocalDate(2003, 5, 15), new LocalDate(2004, 12, 31));
            Assert.InRange(o.Window.End, new LocalDate(2003, 5, 15), new LocalDate(2004, 12, 31));
        });
        Assert.All(planned.Where(o => o.Application is not null), o =>
            Assert.InRange(o.Application!.Start.Date, new LocalDate(2003, 5, 15), new LocalDate(2004, 12, 31)));
    }

    [Theory]
    [InlineData(Specification2685.WinterDebris)]
    [InlineData(Specification2685.SpringTurfRepair)]
    [InlineData(Specification2685.BaseLinesAndInfields)]
    public void Plan_EarlySpring2003_IsShownOutsideTheTermWithoutAPlannedDay(string taskKey)
    {
        // "EARLY SPRING 2003 and 2004: (LATE MARCH - APRIL)" ends before the term begins on May 15, 2003.
        var in2003 = Plan2685.Of(taskKey).Where(o => o.Year == 2003).ToList();

        Assert.NotEmpty(in2003);
        Assert.All(in2003, o =>
        {
            Assert.Equal(OccurrenceStatus.OutsideTerm, o.Status);
            Assert.Null(o.PlannedDate);
            Assert.Equal(new DateInterval(new LocalDate(2003, 3, 20), new LocalDate(2003, 4, 30)), o.Window);
        });
    }

    [Fact]
    public void Plan_EarlySpring2004_IsPlannedInItsWindowAtEverySchool()
    {
        foreach (var school in Schools)
        {
            var cleanup = Plan2685.Single(Specification2685.WinterDebris, school, 2004);

            Assert.Equal(OccurrenceStatus.Planned, cleanup.Status);
            Assert.Equal(new LocalDate(2004, 3, 20), cleanup.PlannedDate);
        }
    }

    [Fact]
    public void Plan_Spring2003StraddlingTheTermStart_IsClippedToMay15()
    {
        // "SPRING 2003 and 2004: (END OF APRIL - JUNE)": April 25 – June 30, 2003, of which the term has May 15 on.
        var fertilizer = Plan2685.Single(Specification2685.SpringFertilizer, HartfordPublicId, 2003);

        Assert.Equal(OccurrenceStatus.Planned, fertilizer.Status);
        Assert.Equal(new DateInterval(new LocalDate(2003, 5, 15), new LocalDate(2003, 6, 30)), fertilizer.Window);
        // May 15 has no time with 24 hours clear before Friday's practice (see ChemicalApplicationsTests).
        Assert.Equal(new LocalDate(2003, 5, 16), fertilizer.PlannedDate);
    }

    [Theory]
    [InlineData(2003)]
    [InlineData(2004)]
    public void Plan_Broadleaf_AboutJuly15OneSchoolADay(int year)
    {
        // 3a: "July 15th (approx.) apply second materials application: Broadleaf weed control." One crew applies
        // at one school a day: Hartford Public on the 15th, Bulkeley on the next day free; Weaver's daily summer camp
        // leaves no time with 24 hours clear after, so its application waits for the Athletic Director.
        var hartford = Plan2685.Single(Specification2685.Broadleaf, HartfordPublicId, year);
        var bulkeley = Plan2685.Single(Specification2685.Broadleaf, BulkeleyId, year);
        var weaver = Plan2685.Single(Specification2685.Broadleaf, WeaverId, year);

        Assert.Equal(new LocalDate(year, 7, 15), hartford.PlannedDate);
        Assert.Equal(new LocalDate(year, 7, 17), bulkeley.PlannedDate);
        Assert.StartsWith($"{new LocalDate(year, 7, 15).ToString("dddd, MMMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture)}: " +
            "the crew's chemical application that day is planned at another school", Assert.Single(bulkeley.Notes));
        Assert.Equal(OccurrenceStatus.ScheduleConflict, weaver.Status);
        Assert.All(new[] { hartford, bulkeley }, o => Assert.NotNull(o.Application));
    }

    [Theory]
    [InlineData(2003)]
    [InlineData(2004)]
    public void Plan_BroadleafRetreatment_14To21DaysAfterTheFirstApplication(int year)
    {
        // 3a: "Re-treat persistent weeds 2-3 weeks after initial treatment."
        foreach (var school in Schools)
        {
            var first = Plan2685.Single(Specification2685.Broadleaf, school, year).PlannedDate!.Value;
            var retreat = Plan2685.Single(Specification2685.BroadleafRetreatment, school, year);

            Assert.Equal(new DateInterval(first.PlusDays(14), first.PlusDays(21)), retreat.Window);
            Assert.InRange(Period.DaysBetween(first, retreat.PlannedDate!.Value), 14, 21);
            Assert.NotNull(retreat.Application);
        }
    }

    [Fact]
    public void Plan_BroadleafLoggedLate_RetreatmentFollowsTheLoggedDate()
    {
        var firstId = Plan2685.Single(Specification2685.Broadleaf, WeaverId, 2003).Id;
        var facts = PlanFacts.None with { Logged = new Dictionary<Guid, LocalDate> { [firstId] = new(2003, 7, 19) } };

        var plan = SeasonalPlanner.Plan(Input(facts));
        var retreat = plan.Single(Specification2685.BroadleafRetreatment, WeaverId, 2003);

        Assert.Equal(new LocalDate(2003, 7, 19), plan.Find(firstId)!.LoggedOn);
        Assert.Equal(new DateInterval(new LocalDate(2003, 8, 2), new LocalDate(2003, 8, 9)), retreat.Window);
        Assert.Equal(new LocalDate(2003, 8, 2), retreat.PlannedDate);
    }

    [Theory]
    [InlineData(2003)]
    [InlineData(2004)]
    public void Plan_GrubInspection_BetweenAugust15And31WithATreatmentPlan(int year)
    {
        // 3e: "In mid to late August, inspect all areas for White Beetle Grub population densities and present a treatment plan."
        foreach (var school in Schools)
        {
            var inspection = Plan2685.Single(Specification2685.GrubInspection, school, year);

            Assert.Equal(new DateInterval(new LocalDate(year, 8, 15), new LocalDate(year, 8, 31)), inspection.Window);
            Assert.InRange(inspection.PlannedDate!.Value, new LocalDate(year, 8, 15), new LocalDate(year, 8, 31));
            Assert.Equal("White grub treatment plan", inspection.Deliverable);
            Assert.Equal(TaskKind.Inspection, inspection.Kind);
        }
    }

    [Theory]
    [InlineData(2003)]
    [InlineData(2004)]
    public void Plan_Winterizing_InNovemberOrDecember(int year)
    {
        // 5b: "Winterize Sprinkler system."
        foreach (var school in Schools)
        {
            var winterizing = Plan2685.Single(Specification2685.Winterizing, school, year);

            Assert.InRange(winterizing.PlannedDate!.Value, new LocalDate(year, 11, 1), new LocalDate(year, 12, 31));
        }
    }

    [Fact]
    public void Plan_Mowing2003_WeeklyFromMay15UntilTheDefaultDormancyDate()
    {
        var mowings = Plan2685.Occurrences
            .Where(o => o.Kind == TaskKind.Mowing && o.SiteId == HartfordPublicId && o.Year == 2003)
            .Select(o => o.PlannedDate!.Value)
            .ToList();

        Assert.Equal(new LocalDate(2003, 5, 15), mowings[0]);
        // Thursdays (Memorial Day is a Monday), but Thanksgiving's mowing goes to Saturday, November 29:
        // Thursday 27 is Thanksgiving Day and Friday 28 the day after, both City holidays.
        Assert.Equal(new LocalDate(2003, 11, 29), mowings[^1]);
        Assert.All(mowings.SkipLast(1), day => Assert.Equal(IsoDayOfWeek.Thursday, day.DayOfWeek));
        Assert.Equal(29, mowings.Count);
    }

    [Fact]
    public void Plan_Mowing2004_StartsWithSpringAndIsLabelledWithTheSeasonsItem()
    {
        var mowings = Plan2685.Occurrences
            .Where(o => o.Kind == TaskKind.Mowing && o.SiteId == BulkeleyId && o.Year == 2004).ToList();

        // The series starts on the spring window's first day, Sunday, April 25, 2004, and keeps its weekly days; each
        // falls on a Sunday and is done the next working day: Monday, or Tuesday, July 6 after Independence Day (observed).
        Assert.Equal(new LocalDate(2004, 4, 26), mowings[0].PlannedDate);
        Assert.Equal("Sunday, April 25, 2004 is not a working day (Sunday): planned for Monday, April 26, 2004.", Assert.Single(mowings[0].Notes));
        Assert.Equal("2d", mowings.Single(o => o.PlannedDate == new LocalDate(2004, 6, 28)).ItemReference);
        Assert.Equal("3c", mowings.Single(o => o.PlannedDate == new LocalDate(2004, 7, 6)).ItemReference);
        Assert.Equal("4a", mowings.Single(o => o.PlannedDate == new LocalDate(2004, 10, 4)).ItemReference);
        Assert.Equal("5a", mowings.Single(o => o.PlannedDate == new LocalDate(2004, 11, 29)).ItemReference);
    }

    [Fact]
    public void Plan_DormancyAndGrowthRecorded_MowingFollowsThem()
    {
        var facts = PlanFacts.None with
        {
            GrowthStart = new Dictionary<int, LocalDate> { [2004] = new(2004, 4, 12) },
            Dormancy = new Dictionary<int, LocalDate> { [2004] = new(2004, 11, 10) },
        };

        var mowings = SeasonalPlanner.Plan(Input(facts)).Occurrences
            .Where(o => o.Kind == TaskKind.Mowing && o.SiteId == WeaverId && o.Year == 2004).ToList();

        Assert.Equal(new LocalDate(2004, 4, 12), mowings[0].PlannedDate);
        Assert.Equal(new LocalDate(2004, 11, 8), mowings[^1].PlannedDate);
    }

    [Fact]
    public void Plan_MowingCadenceSetting_SetsTheDaysBetweenMowings()
    {
        var plan = SeasonalPlanner.Plan(Input(contract: Contract(mowingCadenceDays: 5)));

        var first = plan.Occurrences.Where(o => o.Kind == TaskKind.Mowing && o.SiteId == WeaverId).Take(3)
            .Select(o => o.PlannedDate).ToList();

        // The third falls on Sunday, May 25, and Monday the 26th is Memorial Day: Tuesday, May 27.
        Assert.Equal([new LocalDate(2003, 5, 15), new LocalDate(2003, 5, 20), new LocalDate(2003, 5, 27)], first);
    }

    [Fact]
    public void Plan_EndOfFallSportsNotRecorded_SlitSeedingAwaitsItWithoutADay()
    {
        var slitSeeding = Plan2685.Of(Specification2685.SlitSeeding).ToList();

        Assert.Equal(6, slitSeeding.Count);
        Assert.All(slitSeeding, o =>
        {
            Assert.Equal(OccurrenceStatus.AwaitingTrigger, o.Status);
            Assert.Null(o.PlannedDate);
        });
    }

    [Fact]
    public void Plan_EndOfFallSportsRecorded_SlitSeedingImmediatelyAfterAtThatSchoolOnly()
    {
        // 4d: "This should be done immediately upon the conclusion of fall sports programs."
        var plan = SeasonalPlanner.Plan(Input(endOfFallSports: new Dictionary<(Guid, int), LocalDate>
        {
            [(WeaverId, 2003)] = new(2003, 11, 22),
        }));

        var weaver = plan.Single(Specification2685.SlitSeeding, WeaverId, 2003);
        Assert.Equal(OccurrenceStatus.Planned, weaver.Status);
        // The day after the last game is Sunday, November 23: Monday the 24th.
        Assert.Equal(new LocalDate(2003, 11, 24), weaver.PlannedDate);
        Assert.Equal(new DateInterval(new LocalDate(2003, 11, 23), new LocalDate(2003, 11, 29)), weaver.Window);
        Assert.Equal(OccurrenceStatus.AwaitingTrigger, plan.Single(Specification2685.SlitSeeding, BulkeleyId, 2003).Status);
        Assert.Equal(OccurrenceStatus.AwaitingTrigger, plan.Single(Specification2685.SlitSeeding, WeaverId, 2004).Status);
    }

    [Fact]
    public void Plan_EndOfFallSportsAtTheEndOfTheTerm_SlitSeedingClippedToDecember31()
    {
        var plan = SeasonalPlanner.Plan(Input(endOfFallSports: new Dictionary<(Guid, int), LocalDate>
        {
            [(BulkeleyId, 2004)] = new(2004, 12, 29),
        }));

        var bulkeley = plan.Single(Specification2685.SlitSeeding, BulkeleyId, 2004);

        Assert.Equal(new DateInterval(new LocalDate(2004, 12, 30), new LocalDate(2004, 12, 31)), bulkeley.Window);
        Assert.Equal(new LocalDate(2004, 12, 30), bulkeley.PlannedDate);
    }

    [Fact]
    public void Plan_SkinnedInfieldGrooming_EveryOtherWeekOnlyWhereThereIsASkinnedInfield()
    {
        // 1c: "including the skinned infield on all softball diamonds every other week."
        var grooming = Plan2685.Of(Specification2685.SkinnedInfieldGrooming).ToList();

        Assert.DoesNotContain(grooming, o => o.SiteId == HartfordPublicId);
        var weaver2004 = grooming.Where(o => o.SiteId == WeaverId && o.Year == 2004).Select(o => o.PlannedDate!.Value).ToList();
        Assert.Equal(new LocalDate(2004, 3, 20), weaver2004[0]);
        Assert.All(weaver2004.Zip(weaver2004.Skip(1)), pair => Assert.Equal(14, Period.DaysBetween(pair.First, pair.Second)));
        Assert.Equal([AreaId(WeaverId, 7)], grooming.First(o => o.SiteId == WeaverId).AreaIds);
    }

    [Fact]
    public void Plan_SeasonWindowEditedByPurchasing_TasksFollowTheNewWindow()
    {
        var spec = Specification2685.Specification.WithSeasonWindow(Specification2685.Spring,
            new DateInterval(new LocalDate(2004, 5, 3), new LocalDate(2004, 6, 25)));
        var input = Input() with { Specification = spec };

        var plan = SeasonalPlanner.Plan(input);

        Assert.Equal(new LocalDate(2004, 5, 3), plan.Single(Specification2685.IrrigationStartUp, WeaverId, 2004).PlannedDate);
        Assert.Equal(new LocalDate(2003, 5, 15), plan.Single(Specification2685.IrrigationStartUp, WeaverId, 2003).PlannedDate);
    }

    [Fact]
    public void Plan_OccurrencesAreOrderedByDaySchoolAndTask()
    {
        var keys = Plan2685.Occurrences.Select(o => (o.SortDate, Code: SiteCode(o.SiteId), o.TaskKey)).ToList();

        var sorted = keys.OrderBy(k => k.SortDate).ThenBy(k => k.Code, StringComparer.Ordinal)
            .ThenBy(k => k.TaskKey, StringComparer.Ordinal).ToList();
        Assert.Equal(sorted, keys);
    }

    private static string SiteCode(Guid siteId) =>
        siteId == HartfordPublicId ? "HPHS" : siteId == WeaverId ? "WHS" : "BHS";
}
