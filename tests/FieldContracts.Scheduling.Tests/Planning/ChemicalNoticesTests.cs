using FieldContracts.Scheduling.Planning;
using FieldContracts.Scheduling.Specification;
using static FieldContracts.Scheduling.Tests.Planning.Hartford2685;

namespace FieldContracts.Scheduling.Tests.Planning;

public class ChemicalNoticesTests
{
    private static readonly Duration TwentyFourHours = Duration.FromHours(24);

    private static readonly NoticeContent Content = new("Hartford Public High School", ["Baseball infield"],
        ["Roundup/Surflan mixture (post- and pre-emergent)"], ["glyphosate", "oryzalin"], default, default);

    private static ZonedDateTime At(int year, int month, int day, int hour) =>
        new LocalDateTime(year, month, day, hour, 0).InZoneStrictly(NewYork);

    [Fact]
    public void Require_DayAfterFallBack_DueAtTheSameClockTimeOnStandardTime()
    {
        // 2003-10-26 02:00 EDT became 01:00 EST. 07:00 EST on the 27th less 24 elapsed hours is
        // 07:00 EST on the 26th: already after the change, so the clock time is the same.
        var notice = ChemicalNotices.Require(At(2003, 10, 27, 7), TwentyFourHours, Content);

        Assert.Equal(Instant.FromUtc(2003, 10, 26, 12, 0), notice.DueBy);
        Assert.Equal(new LocalDateTime(2003, 10, 26, 7, 0), notice.DueByLocal.LocalDateTime);
        Assert.Equal(Offset.FromHours(-5), notice.DueByLocal.Offset);
    }

    [Fact]
    public void Require_OnTheFallBackDay_DueAnHourLaterOnTheClockThanTheDayBefore()
    {
        // An application at 09:00 EST on Sunday 2003-10-26: 24 real hours earlier is 10:00 EDT on the 25th,
        // because the night between had 25 hours.
        var notice = ChemicalNotices.Require(At(2003, 10, 26, 9), TwentyFourHours, Content);

        Assert.Equal(new LocalDateTime(2003, 10, 25, 10, 0), notice.DueByLocal.LocalDateTime);
        Assert.Equal(Offset.FromHours(-4), notice.DueByLocal.Offset);
        Assert.True(ChemicalNotices.IsNoticeSufficient(At(2003, 10, 25, 9).ToInstant(), At(2003, 10, 26, 9).ToInstant(), TwentyFourHours));
    }

    [Fact]
    public void Require_OnTheSpringForwardDay_DueAnHourEarlierOnTheClock()
    {
        // 2004-04-04 02:00 EST became 03:00 EDT; the night had 23 hours. 09:00 EDT less 24 hours is 08:00 EST on the 3rd.
        var notice = ChemicalNotices.Require(At(2004, 4, 4, 9), TwentyFourHours, Content);

        Assert.Equal(Instant.FromUtc(2004, 4, 3, 13, 0), notice.DueBy);
        Assert.Equal(new LocalDateTime(2004, 4, 3, 8, 0), notice.DueByLocal.LocalDateTime);
    }

    [Fact]
    public void IsNoticeSufficient_SameClockTimeTheDayBeforeSpringForward_IsOnly23HoursSoNot()
    {
        var application = At(2004, 4, 4, 9).ToInstant();

        Assert.False(ChemicalNotices.IsNoticeSufficient(At(2004, 4, 3, 9).ToInstant(), application, TwentyFourHours));
        Assert.True(ChemicalNotices.IsNoticeSufficient(At(2004, 4, 3, 8).ToInstant(), application, TwentyFourHours));
    }

    [Fact]
    public void Require_NamesEveryRecipientProductIngredientLocationAndDate()
    {
        var notice = ChemicalNotices.Require(At(2003, 7, 15, 6), TwentyFourHours, Content);

        Assert.Equal(NoticeRecipients.SchoolRegistry | NoticeRecipients.AthleticDirectorOrDesignee | NoticeRecipients.SchoolMaintenance,
            notice.Recipients);
        Assert.Equal(["glyphosate", "oryzalin"], notice.Content.ActiveIngredients);
        Assert.Equal("Hartford Public High School", notice.Content.School);
        Assert.Equal(new LocalDate(2003, 7, 15), notice.Content.ApplicationDate);
        Assert.Equal(new LocalTime(6, 0), notice.Content.ApplicationTime);
    }

    [Fact]
    public void Move_ToAnotherDay_NeedsAFreshNoticeBecauseTheOldOneNamesTheWrongDay()
    {
        var notice = ChemicalNotices.Require(At(2003, 7, 15, 6), TwentyFourHours, Content);
        var sent = new SentNotice(At(2003, 7, 13, 9).ToInstant(), new LocalDate(2003, 7, 15));

        var moved = ChemicalNotices.Move(notice, At(2003, 7, 17, 6), sent);

        Assert.True(moved.FreshNoticeRequired);
        Assert.Equal(FreshNoticeReasons.DateNamedNoLongerRight, moved.FreshNoticeReasons);
        Assert.Equal(At(2003, 7, 16, 6).ToInstant(), moved.Requirement.DueBy);
        Assert.Equal(new LocalDate(2003, 7, 17), moved.Requirement.Content.ApplicationDate);
    }

    [Fact]
    public void Move_EarlierTheSameDay_NeedsAFreshNoticeWhenTheLeadTimeIsNoLongerMet()
    {
        var notice = ChemicalNotices.Require(At(2003, 7, 15, 17), TwentyFourHours, Content);
        var sent = new SentNotice(At(2003, 7, 14, 12).ToInstant(), new LocalDate(2003, 7, 15));
        Assert.True(notice.IsMetBy(sent));

        var moved = ChemicalNotices.Move(notice, At(2003, 7, 15, 6), sent);

        Assert.Equal(FreshNoticeReasons.LeadTimeNoLongerMet, moved.FreshNoticeReasons);
        Assert.False(moved.Requirement.IsMetBy(sent));
    }

    [Fact]
    public void Move_LaterTheSameDay_TheNoticeSentStillServes()
    {
        var notice = ChemicalNotices.Require(At(2003, 7, 15, 6), TwentyFourHours, Content);
        var sent = new SentNotice(At(2003, 7, 14, 6).ToInstant(), new LocalDate(2003, 7, 15));

        var moved = ChemicalNotices.Move(notice, At(2003, 7, 15, 12), sent);

        Assert.False(moved.FreshNoticeRequired);
    }

    [Fact]
    public void Plan_EveryChemicalApplication_HasANoticeDueAtLeast24ElapsedHoursEarlier()
    {
        var plan = SeasonalPlanner.Plan(Input());
        var chemical = plan.Occurrences.Where(o => o.IsChemical && o.Status == OccurrenceStatus.Planned).ToList();

        // 2a, 3a, 3a re-treat, 3b, 3b re-treat and 4e at three schools in two years, less Weaver's 3a and 3b re-treatment
        // in both years: its summer camp every morning of July leaves no time with 24 hours clear after.
        Assert.Equal(6 * 3 * 2 - 4, chemical.Count);
        Assert.All(chemical, o =>
        {
            var application = o.Application!;
            Assert.Equal(TwentyFourHours, application.StartsAt.ToInstant() - application.Notice.DueBy);
            Assert.Equal(o.PlannedDate, application.Notice.Content.ApplicationDate);
            Assert.NotEmpty(application.Notice.Content.ActiveIngredients);
            Assert.NotEmpty(application.Notice.Content.Areas);
            Assert.Equal(NoticeRecipients.All, application.Notice.Recipients);
        });
    }

    [Fact]
    public void Plan_ApplicationMovedToTheFallBackWeekend_NoticeDueCountsRealHours()
    {
        var first = SeasonalPlanner.Plan(Input());
        var fallTreatment = first.Single(Specification2685.FallVegetationControl, HartfordPublicId, 2003);
        var facts = PlanFacts.None with
        {
            Moves = new Dictionary<Guid, OccurrenceMove> { [fallTreatment.Id] = new(new LocalDate(2003, 10, 26)) },
        };

        var moved = SeasonalPlanner.Plan(Input(facts)).Find(fallTreatment.Id)!;

        // Sunday, no game: 06:00 EST. 24 real hours earlier is 07:00 EDT on Saturday.
        Assert.Equal(new LocalDateTime(2003, 10, 26, 6, 0), moved.Application!.Start);
        Assert.Equal(Offset.FromHours(-5), moved.Application.StartsAt.Offset);
        Assert.Equal(new LocalDateTime(2003, 10, 25, 7, 0), moved.Application.Notice.DueByLocal.LocalDateTime);
        Assert.Equal(Offset.FromHours(-4), moved.Application.Notice.DueByLocal.Offset);
    }

    [Fact]
    public void Plan_ApplicationMovedToTheSpringForwardSunday_NoticeDueCountsRealHours()
    {
        var first = SeasonalPlanner.Plan(Input());
        var fertilizer = first.Single(Specification2685.SpringFertilizer, BulkeleyId, 2004);
        var facts = PlanFacts.None with
        {
            Moves = new Dictionary<Guid, OccurrenceMove> { [fertilizer.Id] = new(new LocalDate(2004, 4, 4)) },
        };

        var moved = SeasonalPlanner.Plan(Input(facts)).Find(fertilizer.Id)!;

        // 06:00 EDT on 2004-04-04 less 24 hours is 05:00 EST on the 3rd, not 06:00.
        Assert.Equal(new LocalDateTime(2004, 4, 4, 6, 0), moved.Application!.Start);
        Assert.Equal(Instant.FromUtc(2004, 4, 3, 10, 0), moved.Application.Notice.DueBy);
        Assert.Equal(new LocalDateTime(2004, 4, 3, 5, 0), moved.Application.Notice.DueByLocal.LocalDateTime);
    }
}
