using NodaTime;

namespace FieldContracts.Scheduling.Calendar;

/// <summary>
/// A subscribable calendar: its headers and its events, all in one zone. Immutable once built, so one
/// feed can be written any number of times and always gives the same bytes.
/// </summary>
public sealed class CalendarFeed
{
    /// <summary>The PRODID written when none is given.</summary>
    public const string DefaultProductId = "-//FieldContracts//FieldContracts//EN";

    private readonly CalendarEvent[] _events;
    private readonly string _productId = DefaultProductId;

    /// <param name="name">NAME and X-WR-CALNAME: the title clients give the subscription.</param>
    /// <param name="zone">The zone timed events are written in, with its VTIMEZONE.</param>
    /// <param name="refreshInterval">REFRESH-INTERVAL and X-PUBLISHED-TTL: how often clients should poll; whole seconds.</param>
    /// <param name="events">The events, written in this order. UIDs must be distinct.</param>
    public CalendarFeed(string name, DateTimeZone zone, Duration refreshInterval, IEnumerable<CalendarEvent> events)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(events);
        if (refreshInterval <= Duration.Zero || refreshInterval.SubsecondNanoseconds != 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(refreshInterval), refreshInterval, "The refresh interval is a positive number of whole seconds.");
        }

        Name = name;
        Zone = zone;
        RefreshInterval = refreshInterval;
        _events = events.ToArray();

        var uids = new HashSet<string>(_events.Length, StringComparer.Ordinal);
        int? firstYear = null, lastYear = null;
        foreach (var e in _events)
        {
            ArgumentNullException.ThrowIfNull(e, nameof(events));
            if (!uids.Add(e.Uid))
            {
                // Outside iTIP, one UID in a calendar means one event (plus its recurrence overrides).
                throw new ArgumentException($"Two events share the UID '{e.Uid}'.", nameof(events));
            }

            if (e.Timing is EventTiming.Timed timed)
            {
                var start = timed.StartIn(zone).Year;
                var end = timed.EndIn(zone).Year;
                firstYear = firstYear is { } f ? Math.Min(f, start) : start;
                lastYear = lastYear is { } l ? Math.Max(l, end) : end;
            }
        }

        TimedYears = firstYear is { } first && lastYear is { } last ? (first, last) : null;
    }

    public string Name { get; }

    public DateTimeZone Zone { get; }

    public Duration RefreshInterval { get; }

    /// <summary>X-WR-CALDESC and the RFC 7986 DESCRIPTION of the calendar; omitted when null.</summary>
    public string? Description { get; init; }

    /// <summary>PRODID (RFC 5545 section 3.7.3).</summary>
    public string ProductId
    {
        get => _productId;
        init
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(value);
            _productId = value;
        }
    }

    public IReadOnlyList<CalendarEvent> Events => _events;

    /// <summary>
    /// The first and last calendar years, in <see cref="Zone"/>, that timed events touch; null when there are
    /// none. The VTIMEZONE covers these years.
    /// </summary>
    public (int First, int Last)? TimedYears { get; }
}
