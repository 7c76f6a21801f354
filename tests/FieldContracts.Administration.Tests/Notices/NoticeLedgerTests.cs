using FieldContracts.Administration.Notices;

namespace FieldContracts.Administration.Tests.Notices;

/// <summary>
/// Spec VII: "Pre-notification of schools as it related to the application of chemicals." Which notice counts, for
/// the broadleaf application of item 3a ("July 15th (approx.) apply second materials application") at Weaver.
/// </summary>
public sealed class NoticeLedgerTests
{
    private static readonly DateTimeZone Hartford = DateTimeZoneProviders.Tzdb["America/New_York"];
    private static readonly Duration Lead = Duration.FromHours(24);
    private static readonly Guid WeaverBroadleaf = Guid.Parse("5e1f0c2a-8b3d-4f6e-a7c9-2685000003a1");
    private static readonly ZonedDateTime July15At6 = At(2003, 7, 15, 6);

    private static ZonedDateTime At(int year, int month, int day, int hour, int minute = 0) =>
        new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(Hartford);

    private static GivenNotice Emailed(ZonedDateTime acceptedAt, LocalDate names) =>
        RecordedNotices.Emailed(WeaverBroadleaf, acceptedAt.ToInstant(), names, 3);

    private static GivenNotice ByHand(ZonedDateTime sentAt, LocalDate names) =>
        new NoticeRecord
        {
            Id = Guid.NewGuid(), OccurrenceId = WeaverBroadleaf, SentAt = sentAt.ToInstant(), ApplicationDateNamed = names,
            Channel = NoticeChannel.Letter, RecordedBy = "athletics@hartford.example",
        }.ToGiven();

    [Fact]
    public void Standing_EmailAcceptedAt0500TheDayBefore_Given()
    {
        var email = Emailed(At(2003, 7, 14, 5), new LocalDate(2003, 7, 15));
        var ledger = new NoticeLedger([email]);

        var standing = ledger.Standing(WeaverBroadleaf, July15At6, Lead, At(2003, 7, 14, 9).ToInstant());

        Assert.Equal(new NoticeStanding.Given(email), standing);
        Assert.Equal("email to 3 recipients", email.How);
    }

    [Fact]
    public void Standing_EmailAccepted23HoursBefore_OverdueOnceTheDueTimePasses()
    {
        var late = Emailed(At(2003, 7, 14, 7), new LocalDate(2003, 7, 15));
        var ledger = new NoticeLedger([late]);

        var before = ledger.Standing(WeaverBroadleaf, July15At6, Lead, At(2003, 7, 14, 5).ToInstant());
        var after = ledger.Standing(WeaverBroadleaf, July15At6, Lead, At(2003, 7, 14, 7).ToInstant());

        Assert.Equal(new NoticeStanding.Due(At(2003, 7, 14, 6).ToInstant(), late), before);
        Assert.Equal(new NoticeStanding.Overdue(At(2003, 7, 14, 6).ToInstant(), late), after);
    }

    [Fact]
    public void Standing_NoticeNamingJuly14_DoesNotCountForAnApplicationMovedToJuly16()
    {
        var ledger = new NoticeLedger([Emailed(At(2003, 7, 12, 9), new LocalDate(2003, 7, 14))]);

        var standing = ledger.Standing(WeaverBroadleaf, At(2003, 7, 16, 6), Lead, At(2003, 7, 16, 6).ToInstant());

        var overdue = Assert.IsType<NoticeStanding.Overdue>(standing);
        Assert.Equal(new LocalDate(2003, 7, 14), overdue.OnRecord!.ApplicationDateNamed);
    }

    [Fact]
    public void Standing_HandRecordedAndEmailed_EitherCounts_TheEarliestNamingTheDayIsOnRecord()
    {
        var letter = ByHand(At(2003, 7, 13, 10), new LocalDate(2003, 7, 15));
        var email = Emailed(At(2003, 7, 14, 5), new LocalDate(2003, 7, 15));

        Assert.Equal(new NoticeStanding.Given(letter), new NoticeLedger([email, letter]).Standing(WeaverBroadleaf, July15At6, Lead, Instant.MinValue));
        Assert.Equal(new NoticeStanding.Given(email), new NoticeLedger([email]).Standing(WeaverBroadleaf, July15At6, Lead, Instant.MinValue));
        Assert.Equal(new NoticeStanding.Given(letter), new NoticeLedger([letter]).Standing(WeaverBroadleaf, July15At6, Lead, Instant.MinValue));
        Assert.Equal(NoticeSource.Recorded, letter.Source);
    }

    [Fact]
    public void Counts_AcrossTheEndOfDaylightSaving_LeadTimeIsElapsedHours()
    {
        // Clocks fell back at 2:00 a.m. on Sunday, October 26, 2003: 8:00 a.m. Saturday to 7:00 a.m. Sunday is 24 real hours.
        var sunday = new LocalDate(2003, 10, 26);
        var sunday7 = At(2003, 10, 26, 7);

        Assert.True(NoticeLedger.Counts(Emailed(At(2003, 10, 25, 8), sunday), sunday7, Lead));
        // 8:01 a.m. Saturday to 7:00 a.m. Sunday reads 22 h 59 min on the wall clock and is 23 h 59 min elapsed: short of the lead time.
        Assert.False(NoticeLedger.Counts(Emailed(At(2003, 10, 25, 8, 1), sunday), sunday7, Lead));
    }

    [Fact]
    public void OnRecord_NoneNamesTheDay_TheLatestGiven()
    {
        var first = Emailed(At(2003, 7, 10, 9), new LocalDate(2003, 7, 12));
        var second = ByHand(At(2003, 7, 11, 9), new LocalDate(2003, 7, 13));

        Assert.Equal(second, new NoticeLedger([second, first]).OnRecord(WeaverBroadleaf, new LocalDate(2003, 7, 15)));
        Assert.Null(NoticeLedger.Empty.OnRecord(WeaverBroadleaf, new LocalDate(2003, 7, 15)));
    }

    [Fact]
    public void ForPlanner_GivesTheNoticeOnRecordForEachApplicationsCurrentDay()
    {
        var other = Guid.NewGuid();
        var naming15 = Emailed(At(2003, 7, 13, 9), new LocalDate(2003, 7, 15));
        var naming14 = Emailed(At(2003, 7, 12, 9), new LocalDate(2003, 7, 14));
        var ledger = new NoticeLedger([naming14, naming15, RecordedNotices.Emailed(other, At(2003, 7, 1, 9).ToInstant(), new LocalDate(2003, 7, 3), 1)]);

        var planner = ledger.ForPlanner(id => id == WeaverBroadleaf ? new LocalDate(2003, 7, 15) : new LocalDate(2003, 7, 3));

        Assert.Equal(naming15.AsSent, planner[WeaverBroadleaf]);
        Assert.Equal(new LocalDate(2003, 7, 3), planner[other].ApplicationDateNamed);
    }
}
