using FieldContracts.Scheduling.Calendar;

namespace FieldContracts.Scheduling.Tests.Calendar;

public class VTimeZoneTests
{
    private static List<string> TimeZoneOf(byte[] ics) =>
        Ics.ContentLines(ics).SkipWhile(l => l != "BEGIN:VTIMEZONE").TakeWhile(l => l != "BEGIN:VEVENT").ToList();

    private static CalendarFeed TwoSeasons() => Ics.Feed(
        Ics.Event("mow-2003@fieldcontracts", EventTiming.At(new LocalDateTime(2003, 7, 15, 7, 0), Duration.FromHours(3))),
        Ics.Event("mow-2004@fieldcontracts", EventTiming.At(new LocalDateTime(2004, 7, 15, 7, 0), Duration.FromHours(3))));

    [Fact]
    public void Write_EventsIn2003And2004_DefinesEveryTransitionOfThoseYearsExactly()
    {
        var zone = TimeZoneOf(Ics.Write(TwoSeasons()));

        Assert.Equal(
            [
                "BEGIN:VTIMEZONE",
                "TZID:America/New_York",
                // In force on 2003-01-01: standard time since 2002-10-27.
                "BEGIN:STANDARD", "DTSTART:20021027T020000", "TZOFFSETFROM:-0400", "TZOFFSETTO:-0500", "TZNAME:EST", "END:STANDARD",
                "BEGIN:DAYLIGHT", "DTSTART:20030406T020000", "TZOFFSETFROM:-0500", "TZOFFSETTO:-0400", "TZNAME:EDT", "END:DAYLIGHT",
                "BEGIN:STANDARD", "DTSTART:20031026T020000", "TZOFFSETFROM:-0400", "TZOFFSETTO:-0500", "TZNAME:EST", "END:STANDARD",
                "BEGIN:DAYLIGHT", "DTSTART:20040404T020000", "TZOFFSETFROM:-0500", "TZOFFSETTO:-0400", "TZNAME:EDT", "END:DAYLIGHT",
                "BEGIN:STANDARD", "DTSTART:20041031T020000", "TZOFFSETFROM:-0400", "TZOFFSETTO:-0500", "TZNAME:EST", "END:STANDARD",
                "END:VTIMEZONE",
            ],
            zone);
    }

    [Fact]
    public void Write_TimedEvents_ComeAfterTheirVTimeZone()
    {
        var lines = Ics.ContentLines(Ics.Write(TwoSeasons()));

        Assert.True(lines.IndexOf("END:VTIMEZONE") < lines.IndexOf("BEGIN:VEVENT"));
        Assert.Single(lines, "BEGIN:VTIMEZONE");
    }

    [Fact]
    public void Write_OnlyAllDayEvents_HasNoVTimeZone()
    {
        var lines = Ics.ContentLines(Ics.Write(Ics.Feed(Ics.Event("weeds@fieldcontracts", EventTiming.OnDay(new LocalDate(2003, 7, 15))))));

        Assert.DoesNotContain("BEGIN:VTIMEZONE", lines);
        Assert.Contains("X-WR-TIMEZONE:America/New_York", lines);
    }

    [Fact]
    public void Write_EventEndingInTheNextYear_CoversThatYearToo()
    {
        var overnight = EventTiming.At(new LocalDateTime(2003, 12, 31, 22, 0), Duration.FromHours(4));

        var zone = TimeZoneOf(Ics.Write(Ics.Feed(Ics.Event("overnight@fieldcontracts", overnight))));

        Assert.Contains("DTSTART:20040404T020000", zone);
        Assert.Contains("DTSTART:20041031T020000", zone);
    }

    [Fact]
    public void Write_ZoneWithoutTransitions_HasOneStandardObservance()
    {
        var feed = new CalendarFeed("UTC", DateTimeZone.Utc, Duration.FromHours(1),
            [Ics.Event("mow@fieldcontracts", EventTiming.At(new LocalDateTime(2003, 7, 15, 11, 0), Duration.FromHours(1)))]);

        var zone = TimeZoneOf(IcsWriter.ToArray(feed));

        Assert.Equal(
            ["BEGIN:VTIMEZONE", "TZID:UTC", "BEGIN:STANDARD", "DTSTART:16010101T000000", "TZOFFSETFROM:+0000", "TZOFFSETTO:+0000",
             "TZNAME:UTC", "END:STANDARD", "END:VTIMEZONE"],
            zone);
    }
}
