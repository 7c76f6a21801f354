using NodaTime;

namespace FieldContracts.Scheduling.Planning;

/// <summary>What an outside calendar holds, which decides what its events mean for the planner.</summary>
public enum CalendarSourceKind
{
    /// <summary>A school calendar: closures (all-day "no school" days) and timed events such as graduation.</summary>
    SchoolCalendar,

    /// <summary>An athletic schedule: games and practices, timed or all day.</summary>
    AthleticSchedule,
}

/// <summary>
/// One occurrence of an outside calendar's event as read from the file, in the school's local time. An all-day
/// event runs from midnight of its first day to midnight after its last (end exclusive).
/// </summary>
public sealed record ImportedEvent(string? Summary, string? Location, IReadOnlyList<string> Categories,
    LocalDateTime Start, LocalDateTime End, bool AllDay, bool Cancelled);

/// <summary>Events whose LOCATION or CATEGORIES contain <paramref name="Match"/> (any case) are on these areas.</summary>
public sealed record AreaMapping(string Match, IReadOnlyList<Guid> AreaIds);

/// <summary>An activity taken from an outside calendar. No areas: the whole school.</summary>
public sealed record ImportedActivity(string Name, LocalDateTime Start, LocalDateTime End, IReadOnlyList<Guid> AreaIds)
{
    public ScheduledActivity ToActivity() => new(Name, Start, End);
}

/// <summary>What one outside calendar adds to a school's calendar.</summary>
public sealed record ImportedCalendar(IReadOnlyList<ImportedActivity> Activities, IReadOnlyList<LocalDate> Closures)
{
    public static ImportedCalendar Empty { get; } = new([], []);
}

/// <summary>
/// Which imported events become which activities (CGS 10-231c: no application during planned activities), over the
/// contract's term. Cancelled events are nothing. Timed events are activities. On a school calendar an all-day event
/// that names a day without school ("No school", "Closed", "Holiday", "Recess", "Vacation", "Break") makes each of its
/// days a closure, and other all-day events ("First day of school") are notes the planner does not need; on an
/// athletic schedule an all-day event (a tournament) keeps the whole day busy. Only what touches the term is kept.
/// </summary>
public static class CalendarImports
{
    /// <summary>Occurrences one source may have inside a term; a source with more is refused, not cut short.</summary>
    public const int MaxOccurrences = 5000;

    /// <summary>The longest name kept, as for typed activities.</summary>
    public const int MaxNameLength = 200;

    private static readonly string[] ClosureWords = ["no school", "closed", "closure", "holiday", "recess", "vacation", "break"];

    public static ImportedCalendar Decide(IEnumerable<ImportedEvent> events, CalendarSourceKind kind,
        IReadOnlyList<AreaMapping> mappings, DateInterval term)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(mappings);
        ArgumentNullException.ThrowIfNull(term);
        var termStart = term.Start.AtMidnight();
        var termEnd = term.End.PlusDays(1).AtMidnight();
        var activities = new List<ImportedActivity>();
        var seen = new HashSet<(string, LocalDateTime, LocalDateTime)>();
        var closures = new SortedSet<LocalDate>();
        foreach (var e in events)
        {
            if (e.Cancelled || e.End <= e.Start || e.End <= termStart || e.Start >= termEnd)
            {
                continue;
            }

            var name = NameOf(e);
            if (e.AllDay && kind == CalendarSourceKind.SchoolCalendar)
            {
                if (ClosureWords.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase)))
                {
                    for (var day = e.Start.Date; day < e.End.Date || day == e.Start.Date; day = day.PlusDays(1))
                    {
                        if (term.Contains(day))
                        {
                            closures.Add(day);
                        }
                    }
                }

                continue;
            }

            // The same occurrence twice (a file with the calendar twice, two VCALENDARs) is one activity.
            if (seen.Add((name, e.Start, e.End)))
            {
                activities.Add(new ImportedActivity(name, e.Start, e.End, AreasOf(e, mappings)));
            }
        }

        activities.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : string.CompareOrdinal(a.Name, b.Name));
        return new ImportedCalendar(activities, closures.ToList());
    }

    /// <summary>
    /// The chemical applications of <paramref name="plan"/> at <paramref name="siteId"/> that an activity displaces:
    /// those running during it, or ending less than <paramref name="reEntry"/> before it begins. Logged work stays.
    /// </summary>
    public static IReadOnlyList<Occurrence> Displaced(SeasonalPlan plan, Guid siteId, ImportedActivity activity, Duration reEntry)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(activity);
        var displaced = new List<Occurrence>();
        foreach (var o in plan.Occurrences)
        {
            if (o.SiteId != siteId || o.LoggedOn is not null || o.Application is not { IsEmergency: false } application)
            {
                continue;
            }

            var end = ChemicalApplications.End(application.Start, application.Length);
            if (application.Start < activity.End && activity.Start < end.PlusTicks(reEntry.BclCompatibleTicks))
            {
                displaced.Add(o);
            }
        }

        return displaced;
    }

    private static string NameOf(ImportedEvent e)
    {
        var name = string.IsNullOrWhiteSpace(e.Summary) ? "Untitled event" : string.Join(' ', e.Summary.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return name.Length > MaxNameLength ? name[..MaxNameLength] : name;
    }

    private static IReadOnlyList<Guid> AreasOf(ImportedEvent e, IReadOnlyList<AreaMapping> mappings)
    {
        foreach (var mapping in mappings)
        {
            if (string.IsNullOrWhiteSpace(mapping.Match))
            {
                continue;
            }

            var match = mapping.Match.Trim();
            if ((e.Location?.Contains(match, StringComparison.OrdinalIgnoreCase) ?? false)
                || e.Categories.Any(c => c.Contains(match, StringComparison.OrdinalIgnoreCase)))
            {
                return mapping.AreaIds;
            }
        }

        return [];
    }
}
