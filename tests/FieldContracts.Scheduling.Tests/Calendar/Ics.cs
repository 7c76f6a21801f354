using System.Text;
using FieldContracts.Scheduling.Calendar;
using FieldContracts.Scheduling.Contracts;

namespace FieldContracts.Scheduling.Tests.Calendar;

/// <summary>Builds feeds for the tests, writes them, and has every written feed read by the four parsers.</summary>
internal static class Ics
{
    public static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    /// <summary>When the sample data was last revised: 2003-05-01 12:00 UTC.</summary>
    public static readonly Instant Revised = Instant.FromUtc(2003, 5, 1, 12, 0);

    public static readonly PostalAddress HartfordPublic = new("55 Forest Street", "Hartford", "CT", "06105");

    public static CalendarFeed Feed(params CalendarEvent[] events) =>
        new("Bid #2685 field maintenance", NewYork, Duration.FromHours(1), events);

    public static CalendarEvent Event(string uid, EventTiming timing, string summary = "Mowing") =>
        new(uid, summary, timing, Revised, Revised);

    /// <summary>Writes <paramref name="feed"/>, checks all four parsers read it back, and returns the bytes.</summary>
    public static byte[] Write(CalendarFeed feed)
    {
        var bytes = IcsWriter.ToArray(feed);
        CalendarParsers.AssertAllRead(feed, bytes);
        return bytes;
    }

    /// <summary>The physical lines, split on CRLF, without their line ends.</summary>
    public static string[] PhysicalLines(byte[] ics)
    {
        var text = Encoding.UTF8.GetString(ics);
        Assert.EndsWith("\r\n", text);
        return text[..^2].Split("\r\n");
    }

    /// <summary>The content lines, with folds undone (RFC 5545 section 3.1).</summary>
    public static List<string> ContentLines(byte[] ics)
    {
        var lines = new List<string>();
        foreach (var line in PhysicalLines(ics))
        {
            if (line.StartsWith(' '))
            {
                lines[^1] += line[1..];
            }
            else
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    /// <summary>The content lines of the first VEVENT.</summary>
    public static List<string> FirstEvent(byte[] ics) =>
        ContentLines(ics).SkipWhile(l => l != "BEGIN:VEVENT").Skip(1).TakeWhile(l => l != "END:VEVENT").ToList();

    /// <summary>The value of the one property named <paramref name="name"/> (with parameters) in <paramref name="lines"/>.</summary>
    public static string Value(IEnumerable<string> lines, string nameAndParameters) =>
        Assert.Single(lines, l => l.StartsWith(nameAndParameters + ":", StringComparison.Ordinal))[(nameAndParameters.Length + 1)..];
}
