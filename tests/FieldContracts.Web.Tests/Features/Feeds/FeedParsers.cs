using System.Text;
using FieldContracts.Testing;

namespace FieldContracts.Web.Tests.Features.Feeds;

/// <summary>
/// Runs the four parsers (python3-icalendar, python3-vobject, ical.js of tests/calendar-parsers, and Ical.Net) on a served
/// feed, as the writer's own tests do, and returns what each read. Any parse error fails the test.
/// </summary>
internal static class FeedParsers
{
    /// <summary>What each parser read, by parser; fails the test if any parser rejects the feed.</summary>
    public static Task<IReadOnlyDictionary<string, IReadOnlyList<ParsedEvent>>> ReadAllAsync(byte[] ics) =>
        CalendarParserRuns.ReadAllAsync(ics);
}

/// <summary>A served feed read as lines and events, enough to check its properties.</summary>
internal static class IcsText
{
    /// <summary>The unfolded content lines.</summary>
    public static List<string> Lines(byte[] ics)
    {
        var lines = new List<string>();
        foreach (var physical in Encoding.UTF8.GetString(ics).Split("\r\n"))
        {
            if (physical.StartsWith(' ') && lines.Count > 0)
            {
                lines[^1] += physical[1..];
            }
            else if (physical.Length > 0)
            {
                lines.Add(physical);
            }
        }

        return lines;
    }

    /// <summary>Each VEVENT's properties: name (with parameters) to value.</summary>
    public static List<Dictionary<string, string>> Events(byte[] ics)
    {
        var events = new List<Dictionary<string, string>>();
        Dictionary<string, string>? current = null;
        foreach (var line in Lines(ics))
        {
            if (line == "BEGIN:VEVENT")
            {
                current = new Dictionary<string, string>(StringComparer.Ordinal);
            }
            else if (line == "END:VEVENT")
            {
                events.Add(current!);
                current = null;
            }
            else if (current is not null)
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                current[line[..colon]] = line[(colon + 1)..];
            }
        }

        return events;
    }

    /// <summary>The value of a property whatever its parameters, e.g. DTSTART;VALUE=DATE or DTSTART;TZID=….</summary>
    public static string? Value(Dictionary<string, string> e, string name) =>
        e.FirstOrDefault(p => p.Key == name || p.Key.StartsWith(name + ";", StringComparison.Ordinal)).Value;

    public static Dictionary<string, Dictionary<string, string>> ByUid(byte[] ics) =>
        Events(ics).ToDictionary(e => e["UID"], StringComparer.Ordinal);
}
