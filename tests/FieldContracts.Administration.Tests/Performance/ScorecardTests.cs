using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.Notices;
using FieldContracts.Administration.Performance;
using FieldContracts.Scheduling.Planning;
using NodaTime.Text;

namespace FieldContracts.Administration.Tests.Performance;

/// <summary>The scorecard of bid #2685 (term May 15, 2003 – Dec 31, 2004) at Hartford Public, Weaver and Bulkeley.</summary>
public sealed class ScorecardTests
{
    private static readonly DateTimeZone Hartford = DateTimeZoneProviders.Tzdb["America/New_York"];
    private static readonly string[] Schools = ["BHS", "HPHS", "WHS"];
    private static readonly Duration Lead = Duration.FromHours(24);

    // Weekly mowing windows, Monday to Saturday.
    private static readonly DateInterval MowingMay19 = new(new LocalDate(2003, 5, 19), new LocalDate(2003, 5, 24));
    private static readonly DateInterval MowingJune2 = new(new LocalDate(2003, 6, 2), new LocalDate(2003, 6, 7));
    private static readonly DateInterval MowingJune9 = new(new LocalDate(2003, 6, 9), new LocalDate(2003, 6, 14));

    [Fact]
    public void Compute_MowingInMayAndJune2003_OnTimeRatePerMonthAndSchool()
    {
        ScorecardWork[] work =
        [
            Mowing("HPHS", MowingMay19, new LocalDate(2003, 5, 22)),
            Mowing("HPHS", MowingJune2, new LocalDate(2003, 6, 9)), // late
            Mowing("WHS", MowingMay19, new LocalDate(2003, 5, 17)), // early
            Mowing("WHS", MowingJune2, null), // missed
            Mowing("BHS", MowingMay19, new LocalDate(2003, 5, 24)), // on its last day
            Mowing("BHS", MowingJune2, new LocalDate(2003, 6, 2)), // on its first day
        ];

        var figures = Compute(work, at: new LocalDate(2003, 6, 10));

        Assert.Equal([new YearMonth(2003, 5), new YearMonth(2003, 6)], figures.OnTimeByMonth.Select(m => m.Month));
        var may = figures.OnTimeByMonth[0];
        Assert.Equal([new Share(1, 1), new Share(1, 1), new Share(0, 1)], may.Schools.Select(s => s.Share));
        Assert.Equal(new Share(2, 3), may.AllSchools);
        Assert.Equal(66.7m, may.AllSchools.PercentRounded);
        var june = figures.OnTimeByMonth[1];
        Assert.Equal([new Share(1, 1), new Share(0, 1), new Share(0, 1)], june.Schools.Select(s => s.Share));
        Assert.Equal([new Share(2, 2), new Share(1, 2), new Share(0, 2)], figures.OnTimeBySchool.Select(s => s.Share));
        Assert.Equal(new Share(3, 6), figures.OnTime);
        Assert.Equal(50m, figures.OnTime.Percent);
    }

    [Theory]
    [InlineData("2003-06-13", null, 0)]
    [InlineData("2003-06-14", null, 0)] // its last day: still open, not missed
    [InlineData("2003-06-15", null, 1)] // missed from the day after
    [InlineData("2003-06-12", "2003-06-11", 0)] // done, but its window has not ended: counted once it has
    [InlineData("2003-06-15", "2003-06-11", 1)]
    public void Compute_WorkWhoseWindowHasNotEnded_NotCountedYet(string today, string? doneOn, int counted)
    {
        LocalDate? done = doneOn is null ? null : LocalDatePattern.Iso.Parse(doneOn).Value;

        var figures = Compute([Mowing("WHS", MowingJune9, done)], at: LocalDatePattern.Iso.Parse(today).Value);

        Assert.Equal(counted, figures.OnTime.Counted);
        Assert.Equal(counted, figures.OnTimeByMonth.Count);
    }

    [Fact]
    public void Compute_WindowEndingOnJune1_CountsInJune()
    {
        var figures = Compute([Mowing("BHS", new DateInterval(new LocalDate(2003, 5, 26), new LocalDate(2003, 6, 1)), new LocalDate(2003, 5, 27))],
            at: new LocalDate(2003, 6, 10));

        Assert.Equal(new YearMonth(2003, 6), Assert.Single(figures.OnTimeByMonth).Month);
    }

    [Fact]
    public void Compute_CancelledOutsideTermAwaitingTriggerOrInConflict_NeverCounted()
    {
        // Early spring 2003 (item 1a) ended before the term began; slit-seeding waits for the end of fall sports.
        var earlySpring = new DateInterval(new LocalDate(2003, 3, 20), new LocalDate(2003, 4, 30));
        ScorecardWork[] work =
        [
            Mowing("HPHS", MowingMay19, null) with { Cancelled = true },
            new("HPHS", earlySpring, null, OccurrenceStatus.OutsideTerm, false),
            new("WHS", MowingMay19, null, OccurrenceStatus.AwaitingTrigger, false),
            new("BHS", MowingMay19, null, OccurrenceStatus.ScheduleConflict, false),
        ];

        var figures = Compute(work, at: new LocalDate(2003, 6, 10));

        Assert.Empty(figures.OnTimeByMonth);
        Assert.Equal(new Share(0, 0), figures.OnTime);
        Assert.Null(figures.OnTime.Percent);
        Assert.All(figures.OnTimeBySchool, s => Assert.Equal(0, s.Share.Counted));
    }

    [Fact]
    public void Compute_DeficiencyFoundJune2CuredJune9_SevenDaysToCure()
    {
        var found = Raise(new LocalDate(2003, 6, 2), DeficiencyKind.MissedWork);
        Cure(found, new LocalDateTime(2003, 6, 9, 16, 30));

        var figures = Compute([], deficiencies: [ScorecardDeficiency.Of(found, "WHS")]);

        Assert.Equal(new DaysToCure(1, 7), figures.DaysToCure);
        Assert.Equal(7m, figures.DaysToCure.Mean);
        Assert.Equal(new DaysToCure(1, 7), figures.DaysToCureBySchool.Single(s => s.School == "WHS").Days);
        Assert.Equal(new DaysToCure(0, 0), figures.DaysToCureBySchool.Single(s => s.School == "HPHS").Days);
        Assert.Null(figures.DaysToCureBySchool.Single(s => s.School == "HPHS").Days.Mean);
    }

    [Fact]
    public void Compute_OnlyCuredDeficiencies_HaveDaysToCure_AndTheMeanIsExact()
    {
        var seven = Raise(new LocalDate(2003, 6, 2));
        Cure(seven, new LocalDateTime(2003, 6, 9, 10, 0));
        var four = Raise(new LocalDate(2003, 6, 2));
        Cure(four, new LocalDateTime(2003, 6, 6, 10, 0));
        var sameDay = Raise(new LocalDate(2003, 6, 16));
        Cure(sameDay, new LocalDateTime(2003, 6, 16, 15, 0));
        var upheld = Bid2685.Reach(Raise(new LocalDate(2003, 6, 3)), DeficiencyStatus.Upheld);

        var figures = Compute([], deficiencies: [.. new[] { seven, four, sameDay, upheld }.Select(d => ScorecardDeficiency.Of(d, "HPHS"))]);

        Assert.Equal(new DaysToCure(3, 11), figures.DaysToCure);
        Assert.Equal(11m / 3, figures.DaysToCure.Mean);
        Assert.Equal(3.7m, figures.DaysToCure.MeanRounded);
    }

    [Theory]
    // Daylight saving time began at 2 a.m. on Sunday, April 4, 2004: 03:30Z is 10:30 p.m. EST on April 3 the night before,
    // and 10:30 p.m. on April 4 is 02:30Z on April 5 (EDT).
    [InlineData("2004-03-28", "2004-04-04T03:30:00Z", 6)]
    [InlineData("2004-03-28", "2004-04-05T02:30:00Z", 7)]
    // Leap day: 11:30 p.m. on Sunday, February 29, 2004 in Hartford is already March 1 in UTC.
    [InlineData("2004-02-27", "2004-03-01T04:30:00Z", 2)]
    [InlineData("2004-02-27", "2004-03-01T05:00:00Z", 3)]
    public void Compute_CuredAtAnInstant_CountsTheDayInHartford(string foundOn, string curedAt, int days)
    {
        var deficiency = Raise(LocalDatePattern.Iso.Parse(foundOn).Value);
        Assert.Null(deficiency.Take(DeficiencyAction.Uphold, Party.Purchasing, "purchasing@hartford.example", deficiency.RaisedAt, "It stands.").Refusal);
        Assert.Null(deficiency.Take(DeficiencyAction.Cure, Party.AthleticDirector, "athletics@hartford.example",
            InstantPattern.General.Parse(curedAt).Value, "Seen mowed.").Refusal);

        var figures = Compute([], deficiencies: [ScorecardDeficiency.Of(deficiency, "BHS")], at: new LocalDate(2004, 4, 10));

        Assert.Equal(new DaysToCure(1, days), figures.DaysToCure);
    }

    [Fact]
    public void Compute_DeficienciesByKindAndSchool_WithdrawnOnesDoNotStand()
    {
        ScorecardDeficiency[] register =
        [
            new(DeficiencyKind.MissedWork, "HPHS", new LocalDate(2003, 6, 9), DeficiencyStatus.Open, null),
            new(DeficiencyKind.MissedWork, "HPHS", new LocalDate(2003, 6, 16), DeficiencyStatus.Upheld, null),
            new(DeficiencyKind.MissedWork, "WHS", new LocalDate(2003, 6, 9), DeficiencyStatus.Withdrawn, null),
            new(DeficiencyKind.HeightOutOfRange, "BHS", new LocalDate(2003, 6, 4), DeficiencyStatus.Acknowledged, null),
            new(DeficiencyKind.LateWork, "WHS", new LocalDate(2003, 6, 10), DeficiencyStatus.Cured, Bid2685.At(new LocalDate(2003, 6, 12))),
            new(DeficiencyKind.Complaint, null, new LocalDate(2003, 6, 20), DeficiencyStatus.Disputed, null),
        ];

        var figures = Compute([], deficiencies: register);

        Assert.Equal(["BHS", "HPHS", "WHS", null], figures.DeficiencySchools);
        Assert.Equal([DeficiencyKind.MissedWork, DeficiencyKind.LateWork, DeficiencyKind.HeightOutOfRange, DeficiencyKind.Complaint],
            figures.DeficienciesByKind.Select(k => k.Kind));
        var missed = figures.DeficienciesByKind[0];
        Assert.Equal([0, 2, 0, 0], missed.Schools.Select(s => s.Count));
        Assert.Equal(2, missed.AllSchools);
        Assert.Equal([1, 2, 1, 1], figures.DeficienciesBySchool.Select(s => s.Count));
        Assert.Equal(5, figures.DeficienciesTotal);
        Assert.Equal(new DaysToCure(1, 2), figures.DaysToCureBySchool.Single(s => s.School == "WHS").Days);
    }

    [Fact]
    public void Compute_NoticesAcceptedBeforeAndAfterTheirDue_OnlyThoseInTimeCount()
    {
        // Broadleaf weed control (item 3a) about July 15, 2003, at 6 a.m. before camp; the lead time is 24 hours.
        var hphs = Application("HPHS", new LocalDateTime(2003, 7, 15, 6, 0));
        var whs = Application("WHS", new LocalDateTime(2003, 7, 16, 6, 0));
        var bhs = Application("BHS", new LocalDateTime(2003, 7, 17, 6, 0));
        var later = Application("BHS", new LocalDateTime(2003, 7, 18, 6, 0));
        var notices = new NoticeLedger(
        [
            RecordedNotices.Emailed(hphs.OccurrenceId, Local(new LocalDateTime(2003, 7, 14, 6, 0)), new LocalDate(2003, 7, 15), 3), // at due-by
            RecordedNotices.Emailed(whs.OccurrenceId, Local(new LocalDateTime(2003, 7, 15, 6, 30)), new LocalDate(2003, 7, 16), 3), // late
            RecordedNotices.Emailed(later.OccurrenceId, Local(new LocalDateTime(2003, 7, 16, 9, 0)), new LocalDate(2003, 7, 18), 3),
        ]);

        var figures = Scorecard.Compute(Input([], [], [hphs, whs, bhs, later], notices), Local(new LocalDateTime(2003, 7, 16, 12, 0)), Hartford);

        // The July 18 application's notice is due on July 17: not counted yet, even though it was given.
        Assert.Equal([new Share(0, 1), new Share(1, 1), new Share(0, 1)], figures.NoticesBySchool.Select(s => s.Share));
        Assert.Equal(new Share(1, 3), figures.Notices);
        Assert.Equal(33.3m, figures.Notices.PercentRounded);
    }

    [Fact]
    public void Compute_NoticeNamingAnotherDay_DoesNotCount_AndACancelledApplicationIsNotCounted()
    {
        var moved = Application("WHS", new LocalDateTime(2003, 7, 16, 6, 0));
        var cancelled = Application("HPHS", new LocalDateTime(2003, 7, 15, 6, 0)) with { Cancelled = true };
        var notices = new NoticeLedger(
            [RecordedNotices.Emailed(moved.OccurrenceId, Local(new LocalDateTime(2003, 7, 10, 8, 0)), new LocalDate(2003, 7, 15), 3)]);

        var figures = Scorecard.Compute(Input([], [], [moved, cancelled], notices), Local(new LocalDateTime(2003, 7, 20, 12, 0)), Hartford);

        Assert.Equal(new Share(0, 1), figures.Notices);
    }

    [Fact]
    public void Compute_NoticeDueAcrossTheSpringForward_IsDueAtTheRealHours()
    {
        // Sunday, April 4, 2004 at 6 a.m. EDT; 24 real hours before is 5 a.m. EST on Saturday, April 3.
        var fertilizer = Application("HPHS", new LocalDateTime(2004, 4, 4, 6, 0));
        var notices = new NoticeLedger(
            [RecordedNotices.Emailed(fertilizer.OccurrenceId, Local(new LocalDateTime(2004, 4, 3, 5, 30)), new LocalDate(2004, 4, 4), 3)]);

        var beforeDue = Scorecard.Compute(Input([], [], [fertilizer], notices), Local(new LocalDateTime(2004, 4, 3, 4, 59)), Hartford);
        var afterDue = Scorecard.Compute(Input([], [], [fertilizer], notices), Local(new LocalDateTime(2004, 4, 3, 5, 1)), Hartford);

        Assert.Equal(new Share(0, 0), beforeDue.Notices);
        Assert.Equal(new Share(0, 1), afterDue.Notices); // sent at 5:30, half an hour after its due instant
    }

    [Theory]
    [InlineData(1, 8, "12.5", "12.5")]
    [InlineData(1, 16, "6.25", "6.3")] // half away from zero
    [InlineData(2, 3, "66.666666666666666666666666667", "66.7")]
    [InlineData(7, 7, "100", "100.0")]
    public void Share_PercentIsExact_RoundedToOneDecimalOnlyForDisplay(int onTime, int counted, string percent, string rounded)
    {
        var share = new Share(onTime, counted);

        Assert.Equal(decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture), share.Percent);
        Assert.Equal(rounded, share.PercentRounded!.Value.ToString("0.0##", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Compute_NothingYet_EverySchoolWithNothingCounted()
    {
        var figures = Compute([], at: new LocalDate(2003, 5, 15));

        Assert.Equal(Schools, figures.Schools);
        Assert.Empty(figures.OnTimeByMonth);
        Assert.Empty(figures.DeficienciesByKind);
        Assert.Equal(0, figures.DeficienciesTotal);
        Assert.Equal(["BHS", "HPHS", "WHS"], figures.DeficiencySchools);
        Assert.Null(figures.DaysToCure.Mean);
        Assert.Null(figures.Notices.Percent);
        Assert.Equal(new LocalDate(2003, 5, 15), figures.Today);
    }

    private static ScorecardFigures Compute(IReadOnlyList<ScorecardWork> work, IReadOnlyList<ScorecardDeficiency>? deficiencies = null,
        LocalDate? at = null) =>
        Scorecard.Compute(Input(work, deficiencies ?? [], [], NoticeLedger.Empty),
            Local((at ?? new LocalDate(2003, 7, 10)).At(new LocalTime(9, 0))), Hartford);

    private static ScorecardInput Input(IReadOnlyList<ScorecardWork> work, IReadOnlyList<ScorecardDeficiency> deficiencies,
        IReadOnlyList<ScorecardApplication> applications, NoticeLedger notices) =>
        new(Schools, work, deficiencies, applications, notices, Lead);

    private static ScorecardWork Mowing(string school, DateInterval window, LocalDate? doneOn) =>
        new(school, window, doneOn, OccurrenceStatus.Planned, false);

    private static ScorecardApplication Application(string school, LocalDateTime startsAt) =>
        new(Guid.NewGuid(), school, Local(startsAt), OccurrenceStatus.Planned, false);

    private static Instant Local(LocalDateTime time) => time.InZoneStrictly(Hartford).ToInstant();

    private static Deficiency Raise(LocalDate foundOn, DeficiencyKind kind = DeficiencyKind.MissedWork) =>
        Bid2685.Raise(Bid2685.Contract(), foundOn, kind);

    /// <summary>Upheld by Purchasing, then verified cured by the Athletic Director at <paramref name="curedAt"/>, Hartford time.</summary>
    private static void Cure(Deficiency deficiency, LocalDateTime curedAt)
    {
        Assert.Null(deficiency.Take(DeficiencyAction.Uphold, Party.Purchasing, "purchasing@hartford.example", deficiency.RaisedAt, "It stands.").Refusal);
        Assert.Null(deficiency.Take(DeficiencyAction.Cure, Party.AthleticDirector, "athletics@hartford.example", Local(curedAt), "Seen mowed.").Refusal);
    }
}
