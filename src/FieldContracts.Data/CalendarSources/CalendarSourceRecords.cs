using System.Text.Json;
using FieldContracts.Scheduling.Planning;
using NodaTime;
using NodaTime.Text;

namespace FieldContracts.Data.CalendarSources;

/// <summary>
/// An outside calendar of one school: an iCal address refreshed by the job, or a file uploaded once. What was last
/// read from it successfully (the last good copy) stays in force until a later read succeeds.
/// </summary>
public sealed class CalendarSourceRecord
{
    public Guid Id { get; set; }

    public Guid ContractId { get; set; }

    public Guid SiteId { get; set; }

    /// <summary>What the Athletic Director or Purchasing calls it, e.g. "Weaver varsity games".</summary>
    public string Name { get; set; } = "";

    public CalendarSourceKind Kind { get; set; }

    /// <summary>The http(s) address refreshed by the job; null for an uploaded file.</summary>
    public string? Url { get; set; }

    /// <summary>The uploaded file's name; null for an address.</summary>
    public string? FileName { get; set; }

    /// <summary>Which events go to which areas, as JSON (<see cref="CalendarSourceDocuments.Mappings"/>).</summary>
    public string Areas { get; set; } = "[]";

    /// <summary>The last good copy of the calendar as read (iCalendar text); null until one was read.</summary>
    public string? Content { get; set; }

    /// <summary>The server's ETag of <see cref="Content"/>, sent back as If-None-Match.</summary>
    public string? ETag { get; set; }

    /// <summary>The server's Last-Modified of <see cref="Content"/>, sent back as If-Modified-Since.</summary>
    public string? LastModifiedHeader { get; set; }

    /// <summary>What the last good copy adds to the school's calendar, with the work each activity displaced (JSON).</summary>
    public string Imported { get; set; } = "{}";

    /// <summary>When the last good copy was read.</summary>
    public Instant? ImportedAt { get; set; }

    public string AddedBy { get; set; } = "";

    public Instant AddedAt { get; set; }
}

public enum RefreshOutcome
{
    /// <summary>The calendar was read and is now in force.</summary>
    Imported,

    /// <summary>The server said nothing changed (304), or the calendar reads as it did.</summary>
    Unchanged,

    /// <summary>The calendar could not be fetched or read; the last good copy stays in force.</summary>
    Failed,
}

/// <summary>One attempt to read a calendar source: when, how it went, the HTTP status, the error in words, the events read.</summary>
public sealed class CalendarRefreshRecord
{
    public Guid Id { get; set; }

    public Guid SourceId { get; set; }

    public Instant At { get; set; }

    public RefreshOutcome Outcome { get; set; }

    public int? HttpStatus { get; set; }

    public string? Error { get; set; }

    /// <summary>Activities and closures the calendar gave the school; null when it could not be read.</summary>
    public int? Events { get; set; }
}

/// <summary>The JSON shapes stored on a source: its area mappings and what it imported.</summary>
public static class CalendarSourceDocuments
{
    private static readonly JsonSerializerOptions Options = Conversion.StoredJson.Options;
    private static readonly LocalDateTimePattern DateTime = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");

    public static IReadOnlyList<AreaMapping> Mappings(string json) =>
        (JsonSerializer.Deserialize<List<MappingDocument>>(json, Options) ?? [])
        .Select(m => new AreaMapping(m.Match ?? "", m.Areas ?? [])).ToList();

    public static string Mappings(IEnumerable<AreaMapping> mappings) =>
        JsonSerializer.Serialize(mappings.Select(m => new MappingDocument(m.Match, m.AreaIds.ToList())).ToList(), Options);

    public static ImportedDocument Imported(string json) =>
        string.IsNullOrWhiteSpace(json) ? ImportedDocument.Empty : JsonSerializer.Deserialize<ImportedDocument>(json, Options) ?? ImportedDocument.Empty;

    public static string Imported(ImportedCalendar import, IReadOnlyDictionary<int, IReadOnlyList<DisplacedDocument>> displaced) =>
        JsonSerializer.Serialize(new ImportedDocument(
            import.Activities.Select((a, i) => new ImportedActivityDocument(a.Name, DateTime.Format(a.Start), DateTime.Format(a.End),
                a.AreaIds.ToList(), displaced.TryGetValue(i, out var d) ? d.ToList() : [])).ToList(),
            import.Closures.Select(LocalDatePattern.Iso.Format).ToList()), Options);

    public static LocalDateTime ParseDateTime(string text) => DateTime.Parse(text).Value;

    public static string FormatDateTime(LocalDateTime value) => DateTime.Format(value);
}

public sealed record MappingDocument(string? Match, List<Guid>? Areas);

/// <summary>What one source imported: activities (with the chemical applications each displaced) and closures.</summary>
public sealed record ImportedDocument(List<ImportedActivityDocument>? Activities, List<string>? Closures)
{
    public static ImportedDocument Empty { get; } = new([], []);

    public ImportedCalendar ToImport() => new(
        (Activities ?? []).Select(a => new ImportedActivity(a.Name, CalendarSourceDocuments.ParseDateTime(a.Start),
            CalendarSourceDocuments.ParseDateTime(a.End), a.Areas ?? [])).ToList(),
        (Closures ?? []).Select(c => LocalDatePattern.Iso.Parse(c).Value).ToList());
}

public sealed record ImportedActivityDocument(string Name, string Start, string End, List<Guid>? Areas, List<DisplacedDocument>? Displaced);

/// <summary>A chemical application an activity moved: the occurrence and where it was planned to start before.</summary>
public sealed record DisplacedDocument(Guid OccurrenceId, string TaskKey, string Was);
