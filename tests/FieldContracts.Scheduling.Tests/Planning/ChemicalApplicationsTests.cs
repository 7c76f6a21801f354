using FieldContracts.Scheduling.Planning;
using FieldContracts.Scheduling.Specification;
using static FieldContracts.Scheduling.Tests.Planning.Hartford2685;

namespace FieldContracts.Scheduling.Tests.Planning;

public class ChemicalApplicationsTests
{
    private static readonly Duration TwoHours = Duration.FromHours(2);

    [Fact]
    public void Plan_ChemicalApplications_NeverInSchoolHoursOrAScheduledActivity()
    {
        var input = Input();
        var plan = SeasonalPlanner.Plan(input);

        var applications = plan.Occurrences.Where(o => o.Application is not null).ToList();
        Assert.NotEmpty(applications);
        Assert.All(applications, o =>
        {
            var calendar = input.Sites.Single(s => s.Id == o.SiteId).Calendar;
            var check = ChemicalApplications.Check(calendar, o.Application!.Start, o.Application.Length);
            Assert.Empty(check.Conflicts);
            Assert.False(o.Application.IsEmergency);
        });
    }

    [Fact]
    public void Plan_SpringFertilizerOnASchoolDay_AfterSchoolAndAfterBaseballPractice()
    {
        // Thursday 2003-05-15: school 7:30–2:30, baseball practice 3:00–5:30; 6:00–8:00 would run into school, and 5:30 pm
        // into Friday's practice within the 24 hours the signs stay up. Friday 5:30 pm leaves Saturday free.
        var fertilizer = SeasonalPlanner.Plan(Input()).Single(Specification2685.SpringFertilizer, HartfordPublicId, 2003);

        Assert.Equal(new LocalDateTime(2003, 5, 16, 17, 30), fertilizer.Application!.Start);
        Assert.Equal("Thursday, May 15, 2003 has no 2 hours outside school hours and activities with 24 hours clear of activities after; " +
            "planned for Friday, May 16, 2003.", Assert.Single(fertilizer.Notes));
    }

    [Fact]
    public void Plan_BroadleafAtWeaverDuringDailySummerCamp_ConflictUntilTheReEntryTimeAllowsIt()
    {
        // Weaver's camp runs 5:30–12:00 every day of July: no application ends 24 hours before the next morning's camp.
        var input = Input();
        var conflict = SeasonalPlanner.Plan(input).Single(Specification2685.Broadleaf, WeaverId, 2003);
        Assert.Equal(OccurrenceStatus.ScheduleConflict, conflict.Status);
        Assert.Null(conflict.Application);

        // A contract (and label) allowing four hours' re-entry, with crews enough for all three schools on July 15.
        var shorter = input with { Settings = input.Settings with { ReEntryBuffer = Duration.FromHours(4), CrewsPerDay = 3 } };
        var broadleaf = SeasonalPlanner.Plan(shorter).Single(Specification2685.Broadleaf, WeaverId, 2003);
        Assert.Equal(new LocalDateTime(2003, 7, 15, 12, 0), broadleaf.Application!.Start);
    }

    [Fact]
    public void Plan_NoFreeTimeInTheWindow_ScheduleConflictWithoutAnApplication()
    {
        var input = Input();
        var camp = new ScheduledActivity("All-day camp", new LocalDateTime(2004, 7, 1, 0, 0), new LocalDateTime(2004, 8, 1, 0, 0));
        var sites = input.Sites.Select(s => s.Id == BulkeleyId
            ? s with { Calendar = s.Calendar with { Activities = [.. s.Calendar.Activities, camp] } }
            : s).ToArray();

        var broadleaf = SeasonalPlanner.Plan(input with { Sites = sites }).Single(Specification2685.Broadleaf, BulkeleyId, 2004);

        Assert.Equal(OccurrenceStatus.ScheduleConflict, broadleaf.Status);
        Assert.Null(broadleaf.Application);
    }

    [Fact]
    public void Check_DuringSchoolHours_RefusedWithTheConflict()
    {
        var check = ChemicalApplications.Check(CalendarOf(HartfordPublicId), new LocalDateTime(2003, 10, 1, 10, 0), TwoHours);

        Assert.False(check.IsAllowed);
        Assert.Equal("School hours", Assert.Single(check.Conflicts).What);
    }

    [Fact]
    public void Check_OverlappingAGame_Refused()
    {
        // Saturday 2003-09-20, football game 10:00–1:00.
        var check = ChemicalApplications.Check(CalendarOf(BulkeleyId), new LocalDateTime(2003, 9, 20, 9, 0), TwoHours);

        Assert.False(check.IsAllowed);
        Assert.Equal("Football game", Assert.Single(check.Conflicts).What);
    }

    [Fact]
    public void Check_EndingAsSchoolOpens_Allowed()
    {
        var check = ChemicalApplications.Check(CalendarOf(HartfordPublicId), new LocalDateTime(2003, 10, 1, 5, 30), TwoHours);

        Assert.True(check.IsAllowed);
        Assert.False(check.IsEmergency);
    }

    [Fact]
    public void Check_EmergencyWithAReason_AllowedAndRecordedWithTheReason()
    {
        var check = ChemicalApplications.Check(CalendarOf(HartfordPublicId), new LocalDateTime(2003, 10, 1, 10, 0), TwoHours,
            "Yellow jacket nest at the bleacher entrance");

        Assert.True(check.IsAllowed);
        Assert.Equal("Yellow jacket nest at the bleacher entrance", check.EmergencyReason);
        Assert.NotEmpty(check.Conflicts);
    }

    [Fact]
    public void Check_EmergencyWithABlankReason_Refused()
    {
        var check = ChemicalApplications.Check(CalendarOf(HartfordPublicId), new LocalDateTime(2003, 10, 1, 10, 0), TwoHours, "  ");

        Assert.False(check.IsAllowed);
    }

    [Fact]
    public void Check_SchoolClosedForThanksgiving_NoSchoolHours()
    {
        var check = ChemicalApplications.Check(CalendarOf(WeaverId), new LocalDateTime(2003, 11, 27, 10, 0), TwoHours);

        Assert.True(check.IsAllowed);
    }

    [Fact]
    public void CheckMove_IntoSchoolHoursWithoutEmergency_Refused()
    {
        var input = Input();
        var plan = SeasonalPlanner.Plan(input);
        var treatment = plan.Single(Specification2685.FallVegetationControl, WeaverId, 2003);

        var refusal = PlanEdits.CheckMove(plan, input, treatment.Id, new LocalDate(2003, 10, 1), new LocalTime(10, 0));

        Assert.IsType<MoveRefusal.DuringSchoolHoursOrActivity>(refusal);
    }

    [Fact]
    public void Plan_EmergencyMoveIntoSchoolHours_PlannedThereWithItsReason()
    {
        var input = Input();
        var plan = SeasonalPlanner.Plan(input);
        var treatment = plan.Single(Specification2685.FallVegetationControl, WeaverId, 2003);
        const string reason = "Poison ivy along the bleacher fence reported by the school nurse";
        Assert.Null(PlanEdits.CheckMove(plan, input, treatment.Id, new LocalDate(2003, 10, 1), new LocalTime(10, 0), reason));

        var facts = PlanFacts.None with
        {
            Moves = new Dictionary<Guid, OccurrenceMove> { [treatment.Id] = new(new LocalDate(2003, 10, 1), new LocalTime(10, 0), reason) },
        };
        var moved = SeasonalPlanner.Plan(Input(facts)).Find(treatment.Id)!;

        Assert.Equal(new LocalDateTime(2003, 10, 1, 10, 0), moved.Application!.Start);
        Assert.Equal(reason, moved.Application.EmergencyReason);
    }

    [Fact]
    public void CheckMove_BeforeTheTerm_Refused()
    {
        var input = Input();
        var plan = SeasonalPlanner.Plan(input);
        var mowing = plan.Occurrences.First(o => o.Kind == TaskKind.Mowing);

        var refusal = PlanEdits.CheckMove(plan, input, mowing.Id, new LocalDate(2003, 5, 14));

        Assert.IsType<MoveRefusal.OutsideTerm>(refusal);
    }

    [Fact]
    public void Plan_MoveBeforeTheTermRecordedAnyway_IsNotFollowed()
    {
        var plan = SeasonalPlanner.Plan(Input());
        var mowing = plan.Occurrences.First(o => o.Kind == TaskKind.Mowing);
        var facts = PlanFacts.None with
        {
            Moves = new Dictionary<Guid, OccurrenceMove> { [mowing.Id] = new(new LocalDate(2003, 5, 1)) },
        };

        Assert.Equal(new LocalDate(2003, 5, 15), SeasonalPlanner.Plan(Input(facts)).Find(mowing.Id)!.PlannedDate);
    }
}
