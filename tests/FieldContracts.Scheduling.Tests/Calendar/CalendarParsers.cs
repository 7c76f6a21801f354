using System.Text;
using FieldContracts.Testing;
using FieldContracts.Scheduling.Calendar;
using NodaTime.Text;

namespace FieldContracts.Scheduling.Tests.Calendar;

/// <summary>
/// Runs the four independent parsers (three in tests/calendar-parsers, and Ical.Net) on a written feed and checks that each one
/// accepts it and reads back the events the feed was built from: the same starts and ends in
/// America/New_York, and the same text.
/// </summary>
internal static class CalendarParsers
{
    private static readonly ZonedDateTimePattern IsoWithOffset =
        ZonedDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>", null);

    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    /// <summary>Fails unless python3-icalendar, python3-vobject, ical.js and Ical.Net all read <paramref name="ics"/> as <paramref name="feed"/>.</summary>
    public static void AssertAllRead(CalendarFeed feed, byte[] ics)
    {
        var expected = feed.Events.Select(Expected).ToList();
        foreach (var (parser, parsed) in CalendarParserRuns.ReadAllAsync(ics).GetAwaiter().GetResult())
        {
            Assert.True(expected.Count == parsed.Count, $"{parser} read {parsed.Count} events, not {expected.Count}.");
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.True(
                    expected[i] == parsed[i],
                    $"{parser} read event {i} as{Environment.NewLine}  {parsed[i]}{Environment.NewLine}not{Environment.NewLine}  {expected[i]}{Environment.NewLine}{Encoding.UTF8.GetString(ics)}");
            }
        }
    }

    private static ParsedEvent Expected(CalendarEvent e)
    {
        var (start, end) = e.Timing switch
        {
            EventTiming.AllDay days => (Date(days.Start), Date(days.EndExclusive)),
            EventTiming.Timed timed => (
                IsoWithOffset.Format(timed.StartIn(NewYork)),
                timed.Duration == Duration.Zero ? null : IsoWithOffset.Format(timed.EndIn(NewYork))),
            _ => throw new ArgumentOutOfRangeException(nameof(e)),
        };
        return new ParsedEvent(e.Uid, start, end, AsRead(e.Summary)!, AsRead(e.Location), AsRead(e.Description));
    }

    private static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);

    /// <summary>Text as a reader gets it back: every line break is a LF, other control characters are gone.</summary>
    private static string? AsRead(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n');
        return new string(lines.Where(c => c is '\n' or '\t' || !char.IsControl(c)).ToArray());
    }
}
