using NodaTime;
using NodaTime.TimeZones;

namespace FieldContracts.Scheduling.Calendar;

/// <summary>
/// When an event happens: either whole days (written as <c>VALUE=DATE</c>) or a span of time in the
/// feed's zone (written with <c>TZID</c>).
/// </summary>
public abstract record EventTiming
{
    private protected EventTiming()
    {
    }

    /// <summary>One whole day.</summary>
    public static AllDay OnDay(LocalDate day) => new(day, day.PlusDays(1));

    /// <summary>Whole days, both ends inclusive as in <see cref="DateInterval"/>.</summary>
    public static AllDay OnDays(DateInterval days)
    {
        ArgumentNullException.ThrowIfNull(days);
        return new AllDay(days.Start, days.End.PlusDays(1));
    }

    /// <summary>Whole days from <paramref name="first"/> to <paramref name="last"/>, both inclusive.</summary>
    public static AllDay OnDays(LocalDate first, LocalDate last) => OnDays(new DateInterval(first, last));

    /// <summary>
    /// A wall-clock start in the feed's zone. A start that falls in a daylight-saving gap moves forward by
    /// the length of the gap, and an ambiguous start means the earlier of the two instants, as RFC 5545
    /// section 3.3.5 prescribes for calendar readers.
    /// </summary>
    public static Timed At(LocalDateTime start, Duration duration) => new(start, null, duration);

    /// <summary>A start at a given instant, written in the feed's zone whatever the zone of <paramref name="start"/>.</summary>
    public static Timed At(ZonedDateTime start, Duration duration) => new(null, start, duration);

    /// <summary>From <paramref name="start"/> up to, not including, <paramref name="end"/>.</summary>
    public static Timed Between(ZonedDateTime start, ZonedDateTime end) =>
        new(null, start, end.ToInstant() - start.ToInstant());

    /// <summary>Whole days from <see cref="Start"/> up to, not including, <see cref="EndExclusive"/>.</summary>
    public sealed record AllDay : EventTiming
    {
        internal AllDay(LocalDate start, LocalDate endExclusive)
        {
            if (start.Calendar != CalendarSystem.Iso)
            {
                throw new ArgumentException("Calendar dates must be in the ISO calendar.", nameof(start));
            }

            Start = start;
            EndExclusive = endExclusive;
        }

        public LocalDate Start { get; }

        /// <summary>The day after the last day of the event: RFC 5545's DTEND for a <c>VALUE=DATE</c> event.</summary>
        public LocalDate EndExclusive { get; }

        /// <summary>The days of the event, end inclusive.</summary>
        public DateInterval Days => new(Start, EndExclusive.PlusDays(-1));
    }

    /// <summary>A span of time; exactly one of <see cref="LocalStart"/> and <see cref="ZonedStart"/> is set.</summary>
    public sealed record Timed : EventTiming
    {
        internal Timed(LocalDateTime? localStart, ZonedDateTime? zonedStart, Duration duration)
        {
            if (duration < Duration.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(duration), duration, "An event cannot end before it starts.");
            }

            if (localStart is { Calendar: var calendar } && calendar != CalendarSystem.Iso)
            {
                throw new ArgumentException("Calendar times must be in the ISO calendar.", nameof(localStart));
            }

            LocalStart = localStart;
            ZonedStart = zonedStart;
            Duration = duration;
        }

        /// <summary>The wall-clock start in the feed's zone, when the event was given that way.</summary>
        public LocalDateTime? LocalStart { get; }

        /// <summary>The start as an instant with a zone, when the event was given that way.</summary>
        public ZonedDateTime? ZonedStart { get; }

        /// <summary>Elapsed time from start to end; zero means the event has no DTEND.</summary>
        public Duration Duration { get; }

        /// <summary>The start in <paramref name="zone"/>, resolving a wall-clock start as RFC 5545 readers do.</summary>
        public ZonedDateTime StartIn(DateTimeZone zone)
        {
            ArgumentNullException.ThrowIfNull(zone);
            return ZonedStart is { } zoned
                ? zoned.WithZone(zone)
                : zone.ResolveLocal(LocalStart!.Value, Resolvers.LenientResolver);
        }

        /// <summary>The end in <paramref name="zone"/>: the start plus <see cref="Duration"/> of elapsed time.</summary>
        public ZonedDateTime EndIn(DateTimeZone zone) => StartIn(zone).Plus(Duration);
    }
}
