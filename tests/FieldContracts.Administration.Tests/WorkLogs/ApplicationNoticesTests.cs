using FieldContracts.Administration.Notices;
using FieldContracts.Administration.WorkLogs;

namespace FieldContracts.Administration.Tests.WorkLogs;

/// <summary>Spec VII: an application needs a notice sent the lead time before, naming its day, unless it is an emergency.</summary>
public sealed class ApplicationNoticesTests
{
    private static readonly DateTimeZone Hartford = DateTimeZoneProviders.Tzdb["America/New_York"];

    // Broadleaf control at Weaver, planned Tuesday, July 15, 2003 at 6:00 a.m.
    private static readonly ZonedDateTime July15At6 = new LocalDateTime(2003, 7, 15, 6, 0).InZoneStrictly(Hartford);
    private static readonly Duration Lead = Duration.FromHours(24);

    private static readonly Guid Broadleaf = Guid.Parse("0b4d7a52-3a1e-4c8e-9d0f-2685000003a1");

    private static GivenNotice Sent(int day, int hour, int minute, LocalDate? names = null) =>
        new(Broadleaf, new LocalDateTime(2003, 7, day, hour, minute).InZoneStrictly(Hartford).ToInstant(), names ?? new LocalDate(2003, 7, 15),
            NoticeSource.Recorded, "letter");

    private static NoticeDecision Decide(ZonedDateTime startedAt, GivenNotice[] notices, string? emergency) =>
        ApplicationNotices.Decide(startedAt, Lead, new NoticeLedger(notices), [Broadleaf], emergency);

    [Fact]
    public void Decide_NoticeAt0530TheDayBefore_Notified()
    {
        var notice = Sent(14, 5, 30);

        var decision = Decide(July15At6, [notice], null);

        Assert.Equal(new NoticeDecision.Notified(notice), decision);
    }

    [Fact]
    public void Decide_NoticeAt0700TheDayBefore_23Hours_Refused()
    {
        var notice = Sent(14, 7, 0);

        var decision = Decide(July15At6, [notice], null);

        var refused = Assert.IsType<NoticeDecision.Refused>(decision);
        Assert.Equal(new LocalDateTime(2003, 7, 14, 6, 0).InZoneStrictly(Hartford).ToInstant(), refused.DueBy);
        Assert.Equal(notice, refused.Closest);
    }

    [Fact]
    public void Decide_NoticeNamingAnotherDay_Refused()
    {
        var decision = Decide(July15At6, [Sent(13, 9, 0, names: new LocalDate(2003, 7, 16))], null);

        Assert.IsType<NoticeDecision.Refused>(decision);
    }

    [Fact]
    public void Decide_LateNoticeButEmergency_AcceptedAsEmergency()
    {
        var decision = Decide(July15At6, [Sent(14, 7, 0)], "  Yellow jackets at the home dugout  ");

        Assert.Equal(new NoticeDecision.Emergency("Yellow jackets at the home dugout"), decision);
    }

    [Fact]
    public void Decide_NoNoticeAtAll_Refused()
    {
        var refused = Assert.IsType<NoticeDecision.Refused>(Decide(July15At6, [], " "));

        Assert.Null(refused.Closest);
    }

    [Fact]
    public void Decide_AcrossTheFallBack_CountsElapsedHours()
    {
        // Clocks went back at 2:00 a.m. on Sunday, October 26, 2003: a notice at 6:30 a.m. on Saturday is
        // 23.5 hours on the wall clock but 24.5 elapsed hours before 6:00 a.m. on Sunday.
        var sunday = new LocalDateTime(2003, 10, 26, 6, 0).InZoneStrictly(Hartford);
        var saturday = new GivenNotice(Broadleaf, new LocalDateTime(2003, 10, 25, 6, 30).InZoneStrictly(Hartford).ToInstant(), new LocalDate(2003, 10, 26),
            NoticeSource.Emailed, "email to 3 recipients");

        Assert.IsType<NoticeDecision.Notified>(Decide(sunday, [saturday], null));
    }
}
