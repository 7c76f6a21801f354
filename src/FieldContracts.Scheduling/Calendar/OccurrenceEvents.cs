using FieldContracts.Scheduling.Planning;
using NodaTime;

namespace FieldContracts.Scheduling.Calendar;

/// <summary>
/// How a planned occurrence shows in a calendar: its time and its status. The calendar feed writes events with
/// these, and the stored plan raises an occurrence's SEQUENCE by <see cref="CalendarEventRevision"/> over them, so
/// what a subscriber sees and when its copy is replaced follow from one rule.
/// </summary>
public static class OccurrenceEvents
{
    /// <summary>
    /// A chemical application at its start and for its length; other work, and an application whose time is still
    /// to be coordinated, all day on its planned day; work waiting for its trigger (slit-seeding after fall sports)
    /// all day over its whole window.
    /// </summary>
    public static EventTiming TimingOf(Instant? applicationStartsAt, int? applicationMinutes, LocalDate? plannedDate, DateInterval window,
        DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(zone);
        return applicationStartsAt is { } start && applicationMinutes is { } minutes
            ? EventTiming.At(start.InZone(zone), Duration.FromMinutes(minutes))
            : plannedDate is { } day
                ? EventTiming.OnDay(day)
                : EventTiming.OnDays(window.Start, window.End);
    }

    /// <summary>Cancelled work and work outside the term are cancelled; planned work confirmed; the rest tentative.</summary>
    public static EventStatus StatusOf(bool cancelled, OccurrenceStatus status) => (cancelled, status) switch
    {
        (true, _) or (_, OccurrenceStatus.OutsideTerm) => EventStatus.Cancelled,
        (_, OccurrenceStatus.Planned) => EventStatus.Confirmed,
        _ => EventStatus.Tentative,
    };
}
