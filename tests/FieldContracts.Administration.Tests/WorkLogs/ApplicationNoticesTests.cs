using FieldContracts.Administration.WorkLogs;
using FieldContracts.Scheduling.Planning;

namespace FieldContracts.Administration.Tests.WorkLogs;

/// <summary>Spec VII: an application needs a notice sent the lead time before, naming its day, unless it is an emergency.</summary>
public sealed class ApplicationNoticesTests
{
    private static readonly DateTimeZone Hartford = DateTimeZoneProviders.Tzdb["America/New_York"];

    // Broadleaf control at Weaver, planned Tuesday, July 15, 2003 at 6:00 a.m.
    private static readonly ZonedDateTime July15At6 = new LocalDateTime(2003, 7, 15, 6, 0).InZoneStrictly(Hartford);
    private static readonly Duration Lead = Duration.FromHours(24);

    private static SentNotice Sent(int day, int hour, int minute, LocalDate? names = null) =>
        new(new LocalDateTime(2003, 7, day, hour, minute).InZoneStrictly(Hartford).ToInstant(), names ?? new LocalDate(2003, 7, 15));

    [Fact]
    public void Decide_NoticeAt0530TheDayBefore_Notified()
    {
        var notice = Sent(14, 5, 30);

        var decision = ApplicationNotices.Decide(July15At6, Lead, [notice], null);

        Assert.Equal(new NoticeDecision.Notified(notice), decision);
    }

    [Fact]
    public void Decide_NoticeAt0700TheDayBefore_23Hours_Refused()
    {
        var notice = Sent(14, 7, 0);

        var decision = ApplicationNotices.Decide(July15At6, Lead, [notice], null);

        var refused = Assert.IsType<NoticeDecision.Refused>(decision);
        Assert.Equal(new LocalDateTime(2003, 7, 14, 6, 0).InZoneStrictly(Hartford).ToInstant(), refused.DueBy);
        Assert.Equal(notice, refused.Closest);
    }

    [Fact]
    public void Decide_NoticeNamingAnotherDay_Refused()
    {
        var decision = ApplicationNotices.Decide(July15At6, Lead, [Sent(13, 9, 0, names: new LocalDate(2003, 7, 16))], null);

        Assert.IsType<NoticeDecision.Refused>(decision);
    }

    [Fact]
    public void Decide_LateNoticeButEmergency_AcceptedAsEmergency()
    {
        var decision = ApplicationNotices.Decide(July15At6, Lead, [Sent(14, 7, 0)], "  Yellow jackets at the home dugout  ");

        Assert.Equal(new NoticeDecision.Emergency("Yellow jackets at the home dugout"), decision);
    }

    [Fact]
    public void Decide_NoNoticeAtAll_Refused()
    {
        var refused = Assert.IsType<NoticeDecision.Refused>(ApplicationNotices.Decide(July15At6, Lead, [], " "));

        Assert.Null(refused.Closest);
    }

    [Fact]
    public void Decide_AcrossTheFallBack_CountsElapsedHours()
    {
        // Clocks went back at 2:00 a.m. on Sunday, October 26, 2003: a notice at 6:30 a.m. on Saturday is
        // 23.5 hours on the wall clock but 24.5 elapsed hours before 6:00 a.m. on Sunday.
        var sunday = new LocalDateTime(2003, 10, 26, 6, 0).InZoneStrictly(Hartford);
        var saturday = new SentNotice(new LocalDateTime(2003, 10, 25, 6, 30).InZoneStrictly(Hartford).ToInstant(), new LocalDate(2003, 10, 26));

        Assert.IsType<NoticeDecision.Notified>(ApplicationNotices.Decide(sunday, Lead, [saturday], null));
    }
}
