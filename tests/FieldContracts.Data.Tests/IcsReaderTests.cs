using System.Text;
using FieldContracts.Data.CalendarSources;
using FieldContracts.Scheduling.Planning;

namespace FieldContracts.Data.Tests;

/// <summary>
/// Calendars as Google Calendar, Outlook and other programs export them, read over #2685's term (May 15, 2003 to
/// December 31, 2004) in Hartford's zone, and what the import rule makes of them.
/// </summary>
public sealed class IcsReaderTests
{
    private static readonly DateTimeZone Hartford = DateTimeZoneProviders.Tzdb["America/New_York"];
    private static readonly DateInterval Term = new(new LocalDate(2003, 5, 15), new LocalDate(2004, 12, 31));

    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Calendars", name));

    private static IReadOnlyList<ImportedEvent> Read(byte[] ics)
    {
        var result = IcsReader.Read(ics, Term, Hartford);
        Assert.Null(result.Error);
        return result.Events;
    }

    private static LocalDateTime At(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute);

    [Fact]
    public void GoogleExport_WeeklyRuleWithExdate_ExpandsInTheTermWithoutTheExcludedDay()
    {
        var events = Read(Fixture("google-rrule-exdate.ics"));

        var practices = events.Where(e => e.Summary == "Boys soccer practice").OrderBy(e => e.Start).ToList();
        // Tuesdays and Thursdays, September 2 to October 30, 2003: 18 days, less September 11.
        Assert.Equal(17, practices.Count);
        Assert.DoesNotContain(practices, p => p.Start.Date == new LocalDate(2003, 9, 11));
        Assert.Equal(At(2003, 9, 2, 15, 30), practices[0].Start);
        Assert.Equal(At(2003, 9, 2, 17, 30), practices[0].End);
        Assert.Equal(At(2003, 10, 30, 15, 30), practices[^1].Start);
        Assert.StartsWith("Weaver High School - Lower fields (soccer), 415 Granby St", practices[0].Location);
        var tournament = Assert.Single(events, e => e.Summary == "Columbus Day tournament");
        Assert.True(tournament.AllDay);
        Assert.Equal(new LocalDate(2003, 10, 10).AtMidnight(), tournament.Start);
        Assert.Equal(new LocalDate(2003, 10, 11).AtMidnight(), tournament.End);
        // The 2002 season is before the term.
        Assert.DoesNotContain(events, e => e.Summary == "Boys soccer practice (2002)");
    }

    [Fact]
    public void OutlookExport_WindowsZoneName_ReadsHartfordTimeInSummerAndWinter()
    {
        var events = Read(Fixture("outlook-eastern.ics"));

        var game = Assert.Single(events, e => e.Summary == "Soccer vs. Bulkeley");
        Assert.Equal(At(2003, 7, 15, 15, 0), game.Start);
        Assert.Equal(At(2003, 7, 15, 17, 30), game.End);
        Assert.Equal("Lower fields - soccer", game.Location);
        var basketball = Assert.Single(events, e => e.Summary == "Basketball vs. Hartford Public");
        Assert.Equal(At(2003, 12, 2, 18, 0), basketball.Start);
        Assert.Equal(["Basketball", "Gym"], basketball.Categories);
        // 19:00 UTC on July 16, 2003 is 3 p.m. daylight time in Hartford.
        var clinic = Assert.Single(events, e => e.Summary == "Softball clinic");
        Assert.Equal(At(2003, 7, 16, 15, 0), clinic.Start);
        Assert.Equal(At(2003, 7, 16, 17, 30), clinic.End);
    }

    [Fact]
    public void Overrides_MovedAndCancelledInstances_AndRdate_AreAsTheCalendarSays()
    {
        var import = CalendarImports.Decide(Read(Fixture("overrides-cancelled.ics")), CalendarSourceKind.AthleticSchedule, [], Term);

        Assert.Equal(
        [
            (At(2003, 9, 8, 15, 0), "Football practice"),
            (At(2003, 9, 15, 16, 0), "Football practice (late start)"),
            (At(2003, 9, 29, 15, 0), "Football practice"),
            (At(2003, 10, 6, 15, 0), "Football practice"),
            (At(2003, 10, 13, 15, 0), "Football practice"),
            (At(2003, 10, 18, 15, 0), "Football practice"),
        ], import.Activities.Select(a => (a.Start, a.Name)));
        Assert.Equal(At(2003, 9, 15, 18, 0), import.Activities[1].End);
    }

    [Fact]
    public void TwoCalendarsInOneFile_SchoolCalendar_ClosuresOnceAndTimedEventsAsActivities()
    {
        var events = Read(Fixture("two-calendars.ics"));
        var footballField = Guid.Parse("00000000-0000-0000-0000-00000000f00d");

        var import = CalendarImports.Decide(events, CalendarSourceKind.SchoolCalendar,
            [new AreaMapping("football", [footballField])], Term);

        Assert.Equal([new LocalDate(2003, 11, 27), new LocalDate(2003, 11, 28)], import.Closures);
        var graduation = Assert.Single(import.Activities);
        Assert.Equal("Graduation on the football field", graduation.Name);
        Assert.Equal(At(2004, 6, 14, 18, 0), graduation.Start);
        Assert.Equal(At(2004, 6, 14, 20, 0), graduation.End);
        Assert.Equal([footballField], graduation.AreaIds);
    }

    [Fact]
    public void BareLineFeeds_ReadLikeCrLf()
    {
        var text = Encoding.UTF8.GetString(Fixture("google-rrule-exdate.ics")).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.DoesNotContain('\r', text);

        var events = Read(Encoding.UTF8.GetBytes(text));

        Assert.Equal(17, events.Count(e => e.Summary == "Boys soccer practice"));
    }

    [Fact]
    public void NotACalendar_NamedIcs_IsRefusedInWords()
    {
        var result = IcsReader.Read(Fixture("not-a-calendar.ics"), Term, Hartford);

        Assert.Equal("The file is not an iCalendar file: it does not begin with BEGIN:VCALENDAR.", result.Error);
        Assert.Empty(result.Events);
    }

    [Fact]
    public void FiveMegabytes_IsRead_AndOneByteMore_IsRefused()
    {
        var ics = LargeCalendar(IcsReader.MaxBytes);
        Assert.Equal(IcsReader.MaxBytes, ics.Length);

        var read = IcsReader.Read(ics, Term, Hartford);
        var tooLarge = IcsReader.Read([.. ics, (byte)'\n'], Term, Hartford);

        Assert.Null(read.Error);
        // Old seasons fill the file; one game is in the term.
        Assert.Equal("Soccer vs. Bulkeley", Assert.Single(read.Events).Summary);
        Assert.Equal("The file is 5.0 MB; at most 5 MB is accepted.", tooLarge.Error);
    }

    [Fact]
    public void MoreOccurrencesThanTheCap_IsRefusedNotCut()
    {
        // Ten daily practices over the term (May 15, 2003 – December 31, 2004: 597 days) are 5,970 events.
        var text = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n");
        for (var i = 0; i < 10; i++)
        {
            text.Append($"BEGIN:VEVENT\r\nUID:daily-{i}@example\r\nDTSTAMP:20030801T120000Z\r\n")
                .Append($"DTSTART;TZID=America/New_York:20030515T{8 + i:00}0000\r\nDTEND;TZID=America/New_York:20030515T{8 + i:00}3000\r\n")
                .Append($"RRULE:FREQ=DAILY\r\nSUMMARY:Open gym {i}\r\nEND:VEVENT\r\n");
        }

        text.Append("END:VCALENDAR\r\n");

        var result = IcsReader.Read(Encoding.UTF8.GetBytes(text.ToString()), Term, Hartford);

        Assert.Equal("The calendar has more than 5,000 events within the contract's term; split it or keep only this school's.", result.Error);
        Assert.Empty(result.Events);
    }

    [Fact]
    public void HourlyRule_IsRefusedInWords()
    {
        var ics = Encoding.UTF8.GetBytes("""
            BEGIN:VCALENDAR
            VERSION:2.0
            PRODID:-//test//EN
            BEGIN:VEVENT
            UID:every-hour@example
            DTSTAMP:20030801T120000Z
            DTSTART;TZID=America/New_York:20030601T080000
            DTEND;TZID=America/New_York:20030601T083000
            RRULE:FREQ=HOURLY
            SUMMARY:Open gym
            END:VEVENT
            END:VCALENDAR
            """.Replace("\n", "\r\n", StringComparison.Ordinal));

        var result = IcsReader.Read(ics, Term, Hartford);

        Assert.Equal("The event \"Open gym\" repeats more often than once a day; only daily, weekly, monthly or yearly repeats are imported.", result.Error);
        Assert.Empty(result.Events);
    }

    [Fact]
    public void CancelledEvent_IsNoActivity()
    {
        var events = Read(Fixture("overrides-cancelled.ics"));

        Assert.Contains(events, e => e.Summary == "Scrimmage vs. Bulkeley" && e.Cancelled);
        var import = CalendarImports.Decide(events, CalendarSourceKind.AthleticSchedule, [], Term);
        Assert.DoesNotContain(import.Activities, a => a.Name.StartsWith("Scrimmage", StringComparison.Ordinal));
        Assert.DoesNotContain(import.Activities, a => a.Start.Date == new LocalDate(2003, 9, 22));
    }

    /// <summary>A calendar of exactly <paramref name="size"/> bytes: 1990s practices, and one game in the term.</summary>
    private static byte[] LargeCalendar(int size)
    {
        var head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" +
                   "BEGIN:VEVENT\r\nUID:game@example\r\nDTSTAMP:20030801T120000Z\r\nDTSTART;TZID=America/New_York:20030715T150000\r\n" +
                   "DTEND;TZID=America/New_York:20030715T173000\r\nSUMMARY:Soccer vs. Bulkeley\r\nEND:VEVENT\r\n";
        const string tail = "END:VCALENDAR\r\n";
        var text = new StringBuilder(head, size);
        for (var i = 0; ; i++)
        {
            var day = new LocalDate(1990, 1, 1).PlusDays(i % 3000);
            var e = $"BEGIN:VEVENT\r\nUID:old-{i}@example\r\nDTSTAMP:20030801T120000Z\r\nDTSTART:{day:yyyyMMdd}T150000\r\n" +
                    $"DTEND:{day:yyyyMMdd}T170000\r\nSUMMARY:Practice {i}\r\nEND:VEVENT\r\n";
            if (text.Length + e.Length + tail.Length + 200 > size)
            {
                break;
            }

            text.Append(e);
        }

        // Pad the description of the game so the file is exactly the size asked for.
        var padding = size - text.Length - tail.Length;
        var description = "DESCRIPTION:" + new string('x', Math.Max(0, padding - "DESCRIPTION:\r\n".Length)) + "\r\n";
        text.Insert(head.Length - "END:VEVENT\r\n".Length, description.Length <= padding ? description : "");
        text.Append(tail);
        return Encoding.ASCII.GetBytes(text.ToString());
    }
}
