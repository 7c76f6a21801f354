using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Xunit;

namespace FieldContracts.Testing;

/// <summary>One VEVENT as a parser read it: start and end as a date, or ISO 8601 in America/New_York with its offset.</summary>
public sealed record ParsedEvent(string Uid, string Start, string? End, string Summary, string? Location, string? Description);

/// <summary>
/// Runs python3-icalendar, python3-vobject (Debian's, through /usr/bin/python3), ical.js (npm) and Ical.Net (NuGet,
/// in process) on a calendar, each strictly, and returns what each read. Any parser that rejects the calendar fails
/// the test.
/// </summary>
public static class CalendarParserRuns
{
    private const string Python = "/usr/bin/python3";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private static readonly Lazy<string> Folder = new(() => Path.Combine(Repository.Root(), "tests", "calendar-parsers"));

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    /// <summary>What each parser read, by parser name.</summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<ParsedEvent>>> ReadAllAsync(byte[] ics)
    {
        var icalJs = Path.Combine(Folder.Value, "node_modules", "ical.js");
        Assert.True(Directory.Exists(icalJs),
            $"ical.js is not installed at {icalJs}: run `npm ci --prefix tests/calendar-parsers` from the repository root.");
        var file = Path.Combine(Path.GetTempPath(), $"fieldcontracts-{Guid.NewGuid():N}.ics");
        await File.WriteAllBytesAsync(file, ics);
        try
        {
            var runs = await Task.WhenAll(
                RunAsync("python3-icalendar", Python, "check_icalendar.py", file),
                RunAsync("python3-vobject", Python, "check_vobject.py", file),
                RunAsync("ical.js", "node", "check-icaljs.mjs", file));
            var result = new Dictionary<string, IReadOnlyList<ParsedEvent>> { ["Ical.Net"] = IcalNet.Read(ics) };
            foreach (var run in runs)
            {
                Assert.True(run.ExitCode == 0,
                    $"{run.Parser} rejected the calendar (exit {run.ExitCode}): {run.Error}{Environment.NewLine}{Encoding.UTF8.GetString(ics)}");
                result[run.Parser] = run.Output
                    .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(line => JsonSerializer.Deserialize<ParsedEvent>(line, JsonOptions)!)
                    .ToList();
            }

            return result;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<ParserRun> RunAsync(string parser, string program, string script, string file)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
            WorkingDirectory = Folder.Value,
        };
        start.ArgumentList.Add(Path.Combine(Folder.Value, script));
        start.ArgumentList.Add(file);
        start.Environment["PYTHONIOENCODING"] = "utf-8";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program} for {parser}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{parser} did not finish within {Timeout}.");
        }

        return new ParserRun(parser, process.ExitCode, await output, await error);
    }

    private sealed record ParserRun(string Parser, int ExitCode, string Output, string Error);
}

/// <summary>Ical.Net 5, the design's iCalendar library, reading a calendar as a .NET calendar client would.</summary>
internal static class IcalNet
{
    private static readonly NodaTime.DateTimeZone NewYork = NodaTime.DateTimeZoneProviders.Tzdb["America/New_York"];

    private static readonly NodaTime.Text.ZonedDateTimePattern IsoWithOffset =
        NodaTime.Text.ZonedDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>", null);

    public static IReadOnlyList<ParsedEvent> Read(byte[] ics)
    {
        var calendar = Ical.Net.Calendar.Load(Encoding.UTF8.GetString(ics));
        Assert.True(calendar is not null, "Ical.Net read no calendar.");
        return calendar.Events
            .Select(e =>
            {
                Assert.True(e.DtStart is not null && !string.IsNullOrEmpty(e.Uid), $"Ical.Net read an event without UID or DTSTART: {e.Uid}");
                return new ParsedEvent(e.Uid!, Text(e.DtStart!), e.DtEnd is { } end ? Text(end) : null, e.Summary ?? "", e.Location,
                    e.Description);
            })
            .ToList();
    }

    /// <summary>A date for an all-day value; otherwise the time in America/New_York with its offset.</summary>
    private static string Text(Ical.Net.DataTypes.CalDateTime value) =>
        value.HasTime
            ? IsoWithOffset.Format(NodaTime.Instant.FromDateTimeUtc(value.AsUtc).InZone(NewYork))
            : value.Date.ToString("yyyy'-'MM'-'dd", System.Globalization.CultureInfo.InvariantCulture);
}
