using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace FieldContracts.Web.Tests.Features.Feeds;

/// <summary>
/// Runs the three parsers of tests/calendar-parsers (python3-icalendar, python3-vobject, ical.js) on a served
/// feed, as the writer's own tests do, and returns what each read. Any parse error fails the test.
/// </summary>
internal static class FeedParsers
{
    private const string Python = "/usr/bin/python3";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private static readonly Lazy<string> Folder = new(() => Path.Combine(RepositoryRoot(), "tests", "calendar-parsers"));

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    /// <summary>One VEVENT as a parser read it: start and end as a date, or ISO 8601 in America/New_York with its offset.</summary>
    internal sealed record ParsedEvent(string Uid, string Start, string? End, string Summary, string? Location, string? Description);

    /// <summary>What each parser read, by parser; fails the test if any parser rejects the feed.</summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<ParsedEvent>>> ReadAllAsync(byte[] ics)
    {
        var icalJs = Path.Combine(Folder.Value, "node_modules", "ical.js");
        Assert.True(Directory.Exists(icalJs),
            $"ical.js is not installed at {icalJs}: run `npm ci --prefix tests/calendar-parsers` from the repository root.");
        var file = Path.Combine(Path.GetTempPath(), $"fieldcontracts-feed-{Guid.NewGuid():N}.ics");
        await File.WriteAllBytesAsync(file, ics);
        try
        {
            var runs = await Task.WhenAll(
                RunAsync("python3-icalendar", Python, "check_icalendar.py", file),
                RunAsync("python3-vobject", Python, "check_vobject.py", file),
                RunAsync("ical.js", "node", "check-icaljs.mjs", file));
            var result = new Dictionary<string, IReadOnlyList<ParsedEvent>>();
            foreach (var run in runs)
            {
                Assert.True(run.ExitCode == 0, $"{run.Parser} rejected the feed (exit {run.ExitCode}): {run.Error}");
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

    private static string RepositoryRoot()
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
