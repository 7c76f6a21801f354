using NodaTime;

namespace FieldContracts.Scheduling.Calendar;

/// <summary>
/// The STANDARD and DAYLIGHT observances of a VTIMEZONE (RFC 5545 section 3.6.5), one per transition, taken
/// from the zone's own rules. Explicit transitions rather than RRULEs keep the definition exact even in
/// years when the rules changed (the United States moved its dates in 2007).
/// </summary>
internal static class TimeZoneObservances
{
    /// <summary>Used for a zone with no transitions at all, e.g. UTC.</summary>
    private static readonly LocalDateTime Beginning = new(1601, 1, 1, 0, 0);

    /// <summary>
    /// Every transition from the one in force at the start of <paramref name="firstYear"/> to the last one
    /// before the end of <paramref name="lastYear"/>, so any time in those years resolves.
    /// </summary>
    public static List<Observance> For(DateTimeZone zone, int firstYear, int lastYear)
    {
        var from = zone.AtStartOfDay(new LocalDate(firstYear, 1, 1)).ToInstant();
        var to = zone.AtStartOfDay(new LocalDate(lastYear + 1, 1, 1)).ToInstant();
        var observances = new List<Observance>();
        foreach (var interval in zone.GetZoneIntervals(from, to))
        {
            var daylight = interval.Savings != Offset.Zero;
            if (!interval.HasStart)
            {
                observances.Add(new Observance(daylight, Beginning, interval.WallOffset, interval.WallOffset, interval.Name));
                continue;
            }

            var previous = zone.GetZoneInterval(interval.Start - Duration.Epsilon);
            // DTSTART is the wall-clock time at which the change happens, read in the offset before it.
            var start = interval.Start.WithOffset(previous.WallOffset).LocalDateTime;
            observances.Add(new Observance(daylight, start, previous.WallOffset, interval.WallOffset, interval.Name));
        }

        return observances;
    }

    internal readonly record struct Observance(bool Daylight, LocalDateTime Start, Offset From, Offset To, string Name);
}
