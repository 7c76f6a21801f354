using NodaTime;

namespace FieldContracts.Scheduling.Calendar;

/// <summary>
/// How SEQUENCE moves between two versions of the same occurrence: RFC 5545 (section 3.8.7.4) asks for it
/// to be raised when the start, end or status change, so that clients replace the copy they hold.
/// </summary>
public static class CalendarEventRevision
{
    /// <summary>
    /// The SEQUENCE for <paramref name="current"/>, given the version last published: one more than
    /// before if its timing or status changed, otherwise unchanged. A first publication is zero.
    /// Times are compared as instants in <paramref name="zone"/>, the feed's zone.
    /// </summary>
    public static int NextSequence(CalendarEvent? published, CalendarEvent current, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(zone);
        if (published is null)
        {
            return 0;
        }

        if (!string.Equals(published.Uid, current.Uid, StringComparison.Ordinal))
        {
            throw new ArgumentException("Both versions must be of the same occurrence.", nameof(current));
        }

        return IsRescheduledOrRestated(published, current, zone) ? published.Sequence + 1 : published.Sequence;
    }

    /// <summary>Whether the time or status of the occurrence differ between the two versions.</summary>
    public static bool IsRescheduledOrRestated(CalendarEvent published, CalendarEvent current, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(published);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(zone);
        return IsRescheduledOrRestated(published.Timing, published.Status, current.Timing, current.Status, zone);
    }

    /// <summary>Whether an event's time or status differ between two versions, given as time and status alone.</summary>
    public static bool IsRescheduledOrRestated(EventTiming publishedTiming, EventStatus publishedStatus, EventTiming currentTiming,
        EventStatus currentStatus, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(publishedTiming);
        ArgumentNullException.ThrowIfNull(currentTiming);
        ArgumentNullException.ThrowIfNull(zone);
        return publishedStatus != currentStatus || !SameTime(publishedTiming, currentTiming, zone);
    }

    private static bool SameTime(EventTiming a, EventTiming b, DateTimeZone zone) => (a, b) switch
    {
        (EventTiming.AllDay x, EventTiming.AllDay y) => x.Start == y.Start && x.EndExclusive == y.EndExclusive,
        // As instants, so one time given as wall-clock time and again as a zoned time is the same time.
        (EventTiming.Timed x, EventTiming.Timed y) =>
            x.StartIn(zone).ToInstant() == y.StartIn(zone).ToInstant() && x.Duration == y.Duration,
        _ => false,
    };
}
