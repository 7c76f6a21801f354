using NodaTime;

namespace FieldContracts.Scheduling.Planning;

/// <summary>
/// The part of each day chemical applications may be planned in, and how long one takes. Times are
/// local to the school. The defaults keep applications in daylight and short of an evening game.
/// </summary>
/// <param name="EarliestStart">No application is planned to start before this time.</param>
/// <param name="LatestEnd">No application is planned to end after this time.</param>
/// <param name="Length">How long an application at one school is planned to take.</param>
public sealed record ApplicationHours(LocalTime EarliestStart, LocalTime LatestEnd, Duration Length)
{
    public static ApplicationHours Default { get; } = new(new LocalTime(6, 0), new LocalTime(20, 0), Duration.FromHours(2));
}

/// <summary>
/// The outcome of checking a chemical application's time against the school's calendar.
/// </summary>
/// <param name="IsAllowed">Whether the application may go ahead at that time.</param>
/// <param name="EmergencyReason">The recorded reason when the application is an emergency; null otherwise.</param>
/// <param name="Conflicts">School hours and activities the application overlaps.</param>
public sealed record ApplicationCheck(bool IsAllowed, string? EmergencyReason, IReadOnlyList<BusyPeriod> Conflicts)
{
    public bool IsEmergency => EmergencyReason is not null;
}

/// <summary>
/// Rules for when a chemical application may take place at a school (spec VII; CGS 10-231c): outside
/// school hours and scheduled activities, unless it is an emergency, which is recorded with its reason.
/// </summary>
public static class ChemicalApplications
{
    /// <summary>
    /// Checks an application from <paramref name="start"/> for <paramref name="length"/> (wall-clock)
    /// against <paramref name="calendar"/>. A non-blank <paramref name="emergencyReason"/> makes it an
    /// emergency application: allowed despite conflicts, and recorded with the reason.
    /// </summary>
    public static ApplicationCheck Check(SchoolCalendar calendar, LocalDateTime start, Duration length,
        string? emergencyReason = null)
    {
        var conflicts = calendar.BusyDuring(start, End(start, length));
        var reason = string.IsNullOrWhiteSpace(emergencyReason) ? null : emergencyReason.Trim();
        return new ApplicationCheck(conflicts.Count == 0 || reason is not null, reason, conflicts);
    }

    /// <summary>
    /// The earliest start on <paramref name="date"/>, within <paramref name="hours"/>, at which an application overlaps
    /// neither school hours nor an activity, and no activity begins within <paramref name="reEntry"/> after it ends
    /// (the treated grounds stay clear while the signs are up); null when the day has none. Wall-clock time.
    /// </summary>
    public static LocalDateTime? EarliestSlot(SchoolCalendar calendar, LocalDate date, ApplicationHours hours, Duration reEntry)
    {
        if (reEntry <= Duration.Zero)
        {
            return EarliestSlot(calendar, date, hours);
        }

        var latestEnd = date + hours.LatestEnd;
        for (LocalDateTime? candidate = date + hours.EarliestStart; candidate is { } start;)
        {
            candidate = EarliestSlot(calendar, start, latestEnd, hours.Length);
            if (candidate is not { } found)
            {
                return null;
            }

            var end = End(found, hours.Length);
            var after = calendar.ActivitiesDuring(end, end.PlusTicks(reEntry.BclCompatibleTicks));
            if (after.Count == 0)
            {
                return found;
            }

            // Start once the activity that would follow too soon is over.
            candidate = after.Max(a => a.End);
        }

        return null;
    }

    /// <summary>
    /// The earliest start on <paramref name="date"/>, within <paramref name="hours"/>, at which an
    /// application overlaps neither school hours nor an activity; null when the day has none.
    /// </summary>
    public static LocalDateTime? EarliestSlot(SchoolCalendar calendar, LocalDate date, ApplicationHours hours) =>
        EarliestSlot(calendar, date + hours.EarliestStart, date + hours.LatestEnd, hours.Length);

    private static LocalDateTime? EarliestSlot(SchoolCalendar calendar, LocalDateTime from, LocalDateTime latestEnd, Duration length)
    {
        var candidate = from;
        if (End(candidate, length) > latestEnd)
        {
            return null;
        }

        foreach (var busy in calendar.BusyDuring(candidate, latestEnd))
        {
            if (End(candidate, length) <= busy.Start)
            {
                break;
            }

            if (busy.End > candidate)
            {
                candidate = busy.End;
            }
        }

        return End(candidate, length) <= latestEnd ? candidate : null;
    }

    /// <summary>The wall-clock end of an application; the planned hours never span a daylight-saving change.</summary>
    internal static LocalDateTime End(LocalDateTime start, Duration length) => start.PlusTicks(length.BclCompatibleTicks);
}
