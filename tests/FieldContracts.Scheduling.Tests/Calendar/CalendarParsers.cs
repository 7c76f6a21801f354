using System.Diagnostics;
using System.Text;
using System.Text.Json;
using FieldContracts.Scheduling.Calendar;
using NodaTime.Text;

namespace FieldContracts.Scheduling.Tests.Calendar;

/// <summary>
/// Runs the three independent parsers in tests/calendar-parsers on a written feed and checks that each one
/// accepts it and reads back the events the feed was built from: the same starts and ends in
/// America/New_York, and the same text.
/// </summary>
internal static class CalendarParsers
{
    private const string Python = "/usr/bin/python3";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private static readonly ZonedDateTimePattern IsoWithOffset =
        ZonedDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>", null);

    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    private static readonly Lazy<string> Folder = new(() => Path.Combine(RepositoryRoot(), "tests", "calendar-parsers"));

    /// <summary>What a parser read from one VEVENT.</summary>
    internal sealed record ParsedEvent(
        string Uid, string Start, string? End, string Summary, string? Location, string? Description);

    /// <summary>Fails unless python3-icalendar, python3-vobject and ical.js all read <paramref name="ics"/> as <paramref name="feed"/>.</summary>
    public static void AssertAllRead(CalendarFeed feed, byte[] ics)
    {
        var expected = feed.Events.Select(Expected).ToList();
        var file = Path.Combine(Path.GetTempPath(), $"fieldcontracts-{Guid.NewGuid():N}.ics");
        File.WriteAllBytes(file, ics);
        try
        {
            var icalJs = Path.Combine(Folder.Value, "node_modules", "ical.js");
            Assert.True(
                Directory.Exists(icalJs),
                $"ical.js is not installed at {icalJs}: run `npm ci --prefix tests/calendar-parsers` from the repository root.");

            var runs = new[]
            {
                Run("python3-icalendar", Python, Path.Combine(Folder.Value, "check_icalendar.py"), file),
                Run("python3-vobject", Python, Path.Combine(Folder.Value, "check_vobject.py"), file),
                Run("ical.js", "node", Path.Combine(Folder.Value, "check-icaljs.mjs"), file),
            };
            Task.WaitAll(runs);
            foreach (var run in runs.Select(r => r.Result))
            {
                Assert.True(
                    run.ExitCode == 0,
                    $"{run.Parser} rejected the feed (exit {run.ExitCode}): {run.Error}{Environment.NewLine}{Encoding.UTF8.GetString(ics)}");
                var parsed = run.Output
                    .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(line => JsonSerializer.Deserialize<ParsedEvent>(line, JsonOptions)!)
                    .ToList();
                Assert.True(expected.Count == parsed.Count, $"{run.Parser} read {parsed.Count} events, not {expected.Count}.");
                for (var i = 0; i < expected.Count; i++)
                {
                    Assert.True(
                        expected[i] == parsed[i],
                        $"{run.Parser} read event {i} as{Environment.NewLine}  {parsed[i]}{Environment.NewLine}not{Environment.NewLine}  {expected[i]}");
                }
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The repository root: the nearest folder above the test binaries holding FieldContracts.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FieldContracts.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No FieldContracts.sln above {AppContext.BaseDirectory}.");
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

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

    private static async Task<ParserRun> Run(string parser, string program, string script, string file)
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
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(file);
        start.Environment["PYTHONIOENCODING"] = "utf-8";

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"Could not start {program} for {parser}.");
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
