using FieldContracts.Scheduling.Contracts;
using NodaTime;

namespace FieldContracts.Scheduling.Calendar;

/// <summary>
/// One VEVENT of a published calendar, independent of how it is written. Every value comes from the
/// data: the writer reads no clock, so the same events always give the same bytes.
/// </summary>
public sealed record CalendarEvent
{
    private readonly string _uid = "";
    private readonly string _summary = "";
    private readonly EventTiming _timing = null!;
    private readonly int _sequence;
    private readonly IReadOnlyList<string> _categories = [];

    /// <param name="uid">
    /// Identifies the occurrence for good: it must not change when the plan is regenerated, or subscribers
    /// see the old entry vanish and a new one appear instead of an update.
    /// </param>
    /// <param name="summary">The title shown in calendars.</param>
    /// <param name="timing">Whole days or a span of time in the feed's zone.</param>
    /// <param name="stamp">DTSTAMP: when this version of the occurrence was last revised in our data.</param>
    /// <param name="lastModified">LAST-MODIFIED: when the occurrence's data last changed.</param>
    public CalendarEvent(string uid, string summary, EventTiming timing, Instant stamp, Instant lastModified)
    {
        Uid = uid;
        Summary = summary;
        Timing = timing;
        Stamp = stamp;
        LastModified = lastModified;
    }

    public string Uid
    {
        get => _uid;
        init
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(value);
            _uid = value.AsSpan().IndexOfAny('\r', '\n') < 0
                ? value
                : throw new ArgumentException("A UID is a single line.", nameof(value));
        }
    }

    public string Summary
    {
        get => _summary;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            _summary = value;
        }
    }

    public EventTiming Timing
    {
        get => _timing;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            _timing = value;
        }
    }

    /// <summary>DTSTAMP, written in UTC.</summary>
    public Instant Stamp { get; init; }

    /// <summary>LAST-MODIFIED, written in UTC.</summary>
    public Instant LastModified { get; init; }

    /// <summary>
    /// Revision number (RFC 5545 section 3.8.7.4), raised each time the occurrence's time or status
    /// changes; see <see cref="CalendarEventRevision"/>.
    /// </summary>
    public int Sequence
    {
        get => _sequence;
        init => _sequence = value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "SEQUENCE starts at zero.");
    }

    public EventStatus Status { get; init; } = EventStatus.Confirmed;

    /// <summary>
    /// TRANSP:TRANSPARENT when true (RFC 5545 section 3.8.2.7): the event takes none of the subscriber's own
    /// time, so free/busy look-ups do not count it as busy. False writes nothing, which readers take as OPAQUE.
    /// </summary>
    public bool Transparent { get; init; }

    /// <summary>Free text where the work happens, e.g. the school and its street address.</summary>
    public string? Location { get; init; }

    /// <summary>Written as GEO when set.</summary>
    public GeoPoint? Geo { get; init; }

    /// <summary>Free text, may span several lines.</summary>
    public string? Description { get; init; }

    /// <summary>Written as one CATEGORIES property, in this order; omitted when empty.</summary>
    public IReadOnlyList<string> Categories
    {
        get => _categories;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            _categories = value;
        }
    }

    /// <summary>An absolute link back to the occurrence's page.</summary>
    public Uri? Url { get; init; }
}
