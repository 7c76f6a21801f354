using FieldContracts.Scheduling.Calendar;

namespace FieldContracts.Scheduling.Tests.Calendar;

public class HartfordFeedTests
{
    [Fact]
    public void Write_HartfordFeed_IsReadByAllFourParsersWithTheSameStartTimes()
    {
        var feed = HartfordFeed.Build();

        // Ics.Write has python3-icalendar, python3-vobject and ical.js read it and compare every event.
        var ics = Ics.Write(feed);

        Assert.InRange(feed.Events.Count, 90, 120);
        IcsWriterTests.AssertWellFolded(ics);
    }

    [Fact]
    public void Write_HartfordFeed_HasEventsAroundBothClockChanges()
    {
        var lines = Ics.ContentLines(Ics.Write(HartfordFeed.Build()));

        Assert.Contains("DTSTART:20031026T053000Z", lines);
        Assert.Contains("DTSTART;TZID=America/New_York:20031027T070000", lines);
        Assert.Contains("DTSTART;TZID=America/New_York:20040404T033000", lines);
        Assert.Contains("DTSTART;VALUE=DATE:20030715", lines);
        Assert.Equal(3, lines.Count(l => l == "STATUS:CANCELLED"));
    }
}
