using FieldContracts.Scheduling.Contracts;
using FieldContracts.Scheduling.Planning;
using FieldContracts.Scheduling.Specification;
using FieldContracts.Scheduling.Testing;
using static FieldContracts.Scheduling.Tests.Planning.Hartford2685;

namespace FieldContracts.Scheduling.Tests.Planning;

/// <summary>
/// #2685's plan as a crew would work it: on the contract's working days and the school's open days, each move off a day
/// told in words, and no more chemical applications in a day than the contract has crews.
/// </summary>
public class PlanSanityTests
{
    private static readonly PlanInput Input2685 = Input();
    private static readonly SeasonalPlan Plan2685 = SeasonalPlanner.Plan(Input2685);

    private static readonly IsoDayOfWeek[] EveryDay =
    [
        IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday,
        IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday,
    ];

    private static PlanInput WithSettings(Func<PlanSettings, PlanSettings> change) =>
        Input2685 with { Settings = change(Input2685.Settings) };

    private static PlanInput WithClosures(Guid siteId, params LocalDate[] closures) =>
        Input2685 with
        {
            Sites = Input2685.Sites.Select(s => s.Id == siteId
                ? s with { Calendar = s.Calendar with { Closures = s.Calendar.Closures.Concat(closures).ToArray() } }
                : s).ToArray(),
        };

    [Fact]
    public void Plan_2685_NoWorkOnASundayAHolidayOrADayTheSchoolIsClosed()
    {
        var planned = Plan2685.Occurrences.Where(o => o.PlannedDate is not null).ToList();

        Assert.Equal(450, Plan2685.Occurrences.Count);
        Assert.Equal(0, planned.Count(o => o.PlannedDate!.Value.DayOfWeek == IsoDayOfWeek.Sunday));
        Assert.All(planned, o =>
            Assert.Null(Input2685.Settings.NonWorking(Input2685.Sites.Single(s => s.Id == o.SiteId), o.PlannedDate!.Value)));

        // Mowing, seeding, aeration, fertilizer and lining alike: every kind of work has occurrences, none on a Sunday.
        Assert.All(Enum.GetValues<TaskKind>().Where(k => planned.Any(o => o.Kind == k)), kind =>
            Assert.DoesNotContain(planned, o => o.Kind == kind && o.PlannedDate!.Value.DayOfWeek == IsoDayOfWeek.Sunday));
    }

    [Fact]
    public void Plan_2685_EveryOccurrenceOffItsFirstDaySaysWhichDayAndWhy()
    {
        // Work falls on its window's first day (or its preferred day) unless something stops it; then the plan says what.
        Assert.All(Plan2685.Occurrences.Where(o => o.Status == OccurrenceStatus.Planned && o.Notes.Count == 0),
            o => Assert.True(o.PlannedDate == o.Window.Start || o.PlannedDate == Preferred(o), o.TaskKey));
        Assert.All(Plan2685.Occurrences.Where(o => o.Notes.Count > 0 && o.PlannedDate is not null && o.Status == OccurrenceStatus.Planned),
            o => Assert.Contains(Words(o.PlannedDate!.Value), o.Notes[0]));
        Assert.All(Plan2685.Occurrences.Where(o => o.PlannedDate is not null), o => Assert.True(o.Window.Contains(o.PlannedDate!.Value), o.TaskKey));
    }

    [Fact]
    public void Plan_SpringFertilizer2004_OffSundayApril25ToAWorkingDayWithTheReason()
    {
        // "SPRING 2003 and 2004: (END OF APRIL - JUNE)": item 2a's window opens on Sunday, April 25, 2004.
        var fertilizer = Plan2685.Single(Specification2685.SpringFertilizer, HartfordPublicId, 2004);
        var day = fertilizer.PlannedDate!.Value;

        Assert.Equal(new LocalDate(2004, 4, 25), fertilizer.Window.Start);
        Assert.NotEqual(IsoDayOfWeek.Sunday, day.DayOfWeek);
        Assert.Null(Contract2685.WorkCalendar.WhyNotWorking(day));
        Assert.Equal(day, fertilizer.Application!.Start.Date);
        var note = Assert.Single(fertilizer.Notes);
        Assert.StartsWith("Sunday, April 25, 2004 is not a working day (Sunday)", note, StringComparison.Ordinal);
        Assert.Contains(Words(day), note);

        // Its notice is due the contract's 24 hours of elapsed time before the day it was moved to.
        Assert.Equal(fertilizer.Application.StartsAt.ToInstant() - Duration.FromHours(24), fertilizer.Application.Notice.DueBy);
    }

    [Fact]
    public void Plan_SundaysWorked_SundayWorkIsPlannedAgain()
    {
        var plan = SeasonalPlanner.Plan(WithSettings(s => s with { WorkCalendar = s.WorkCalendar.WithWorkingDays(EveryDay) }));

        var fertilizer = plan.Single(Specification2685.SpringFertilizer, HartfordPublicId, 2004);
        Assert.Equal(new LocalDateTime(2004, 4, 25, 6, 0), fertilizer.Application!.Start);
        Assert.Empty(fertilizer.Notes);
        Assert.Equal(new LocalDate(2004, 4, 25), plan.Single(Specification2685.IrrigationStartUp, HartfordPublicId, 2004).PlannedDate);
        Assert.Contains(plan.Occurrences, o => o.Kind == TaskKind.Mowing && o.PlannedDate?.DayOfWeek == IsoDayOfWeek.Sunday);

        // The City's holidays still hold: nothing on Thanksgiving Day 2003.
        Assert.DoesNotContain(plan.Occurrences, o => o.PlannedDate == new LocalDate(2003, 11, 27));
    }

    [Fact]
    public void Plan_SchoolClosedOnAMowingDay_MowedTheNextDayThereOnly()
    {
        // Thursday, October 16, 2003: a day Hartford Public is closed (a sample), a Thursday of the 2003 weekly mowing.
        var closed = new LocalDate(2003, 10, 16);
        var plan = SeasonalPlanner.Plan(WithClosures(HartfordPublicId, closed));

        Assert.DoesNotContain(plan.Occurrences, o => o.SiteId == HartfordPublicId && o.PlannedDate == closed);
        var mowing = plan.Occurrences.Single(o => o.Kind == TaskKind.Mowing && o.SiteId == HartfordPublicId && o.Window.Start == closed);
        Assert.Equal(new LocalDate(2003, 10, 17), mowing.PlannedDate);
        Assert.Equal("Hartford Public High School is closed on Thursday, October 16, 2003: planned for Friday, October 17, 2003.",
            Assert.Single(mowing.Notes));
        Assert.Contains(plan.Occurrences, o => o.Kind == TaskKind.Mowing && o.SiteId == WeaverId && o.PlannedDate == closed);
    }

    [Fact]
    public void Plan_SchoolClosedTheRestOfAnApplicationsWindow_TheNearestDayBeforeIt()
    {
        // Broadleaf control "about July 15": Hartford Public closed July 15-20, 2003, the application goes to the nearest
        // open day before it in its window (July 10-20) instead of becoming a conflict.
        var closures = Enumerable.Range(15, 6).Select(d => new LocalDate(2003, 7, d)).ToArray();
        var broadleaf = SeasonalPlanner.Plan(WithClosures(HartfordPublicId, closures)).Single(Specification2685.Broadleaf, HartfordPublicId, 2003);

        Assert.Equal(OccurrenceStatus.Planned, broadleaf.Status);
        Assert.Equal(new LocalDate(2003, 7, 14), broadleaf.PlannedDate);
        Assert.Equal("Hartford Public High School is closed on Tuesday, July 15, 2003; no day after it in its window allows it: " +
            "Monday, July 14, 2003 is the nearest day before it that is a working day with the crews' day free and 2 hours clear of " +
            "school hours and activities, with 24 hours clear after.", Assert.Single(broadleaf.Notes));
    }

    [Fact]
    public void Plan_OneCrew_NoTwoChemicalApplicationsOnOneDay()
    {
        var applications = Plan2685.Occurrences.Where(o => o.Application is not null).ToList();

        Assert.Equal(1, Input2685.Settings.CrewsPerDay);
        Assert.Equal(32, applications.Count);
        Assert.All(applications.GroupBy(o => o.Application!.Start.Date), day => Assert.Single(day));

        // The spring fertilizer of 2003 at the three schools: three days, not one hour.
        var fertilizer = Plan2685.Of(Specification2685.SpringFertilizer).Where(o => o.Year == 2003).ToList();
        Assert.Equal(3, fertilizer.Select(o => o.Application!.Start.Date).Distinct().Count());
    }

    [Fact]
    public void Plan_ThreeCrews_ApplicationsAtThreeSchoolsOnOneDayButNeverTwoAtOne()
    {
        var plan = SeasonalPlanner.Plan(WithSettings(s => s with { CrewsPerDay = 3 }));
        var applications = plan.Occurrences.Where(o => o.Application is not null).ToList();

        Assert.All(applications.GroupBy(o => o.Application!.Start.Date), day => Assert.InRange(day.Count(), 1, 3));
        Assert.All(applications.GroupBy(o => (o.SiteId, o.Application!.Start.Date)), day => Assert.Single(day));
        Assert.Contains(applications.GroupBy(o => o.Application!.Start.Date), day => day.Count() == 3);
    }

    [Fact]
    public void Plan_NoticesAreDueTheLeadTimeBeforeTheirApplication_AndMoveWithIt()
    {
        Assert.All(Plan2685.Occurrences.Where(o => o.Application is not null), o =>
            Assert.Equal(o.Application!.StartsAt.ToInstant() - Input2685.Settings.ChemicalNoticeLeadTime, o.Application.Notice.DueBy));

        // Spread across the crew's days, each application keeps its own notice: none shares another's due time.
        var applications = Plan2685.Occurrences.Where(o => o.Application is not null).ToList();
        Assert.Equal(applications.Count, applications.Select(o => o.Application!.Notice.DueBy).Distinct().Count());

        // Moved a week later by hand, the fertilizer's notice is due a week later too.
        var fertilizer = Plan2685.Single(Specification2685.SpringFertilizer, HartfordPublicId, 2004);
        var to = fertilizer.PlannedDate!.Value.PlusDays(7);
        var moved = SeasonalPlanner.Plan(Input2685 with
        {
            Facts = PlanFacts.None with { Moves = new Dictionary<Guid, OccurrenceMove> { [fertilizer.Id] = new(to, fertilizer.Application!.Start.TimeOfDay) } },
        }).Single(Specification2685.SpringFertilizer, HartfordPublicId, 2004);

        Assert.Equal(to, moved.PlannedDate);
        Assert.Equal(moved.Application!.StartsAt.ToInstant() - Duration.FromHours(24), moved.Application.Notice.DueBy);
        Assert.Equal(Duration.FromDays(7), moved.Application.Notice.DueBy - fertilizer.Application!.Notice.DueBy);
    }

    /// <summary>The task's preferred day that year (e.g. July 15 for broadleaf control); null when it has none.</summary>
    private static LocalDate? Preferred(Occurrence o) =>
        Specification2685.Specification.Tasks.Single(t => t.Key == o.TaskKey).Recurrence is Recurrence.OncePerSeason { Preferred: { } preferred }
            ? preferred.InYear(o.Year)
            : null;

    private static string Words(LocalDate day) =>
        day.ToString("dddd, MMMM d, yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-US"));
}
