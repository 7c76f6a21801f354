using NodaTime;

namespace FieldContracts.Scheduling.Planning;

/// <summary>
/// When a school is busy, so chemical applications can be planned around it (CGS 10-231c: no
/// application during school hours or planned activities, except in an emergency). School hours
/// apply on the weekdays listed, on days inside a session, unless the day is a closure. All times
/// are local to the school.
/// </summary>
/// <param name="Hours">School hours by day of the week on session days.</param>
/// <param name="Sessions">The school's sessions (e.g. the school year, summer school), both ends inclusive.</param>
/// <param name="Closures">Days inside a session without school (holidays, vacations).</param>
/// <param name="Activities">Dated activities on the school grounds: games, practices, camps, events.</param>
public sealed record SchoolCalendar(
    IReadOnlyDictionary<IsoDayOfWeek, SchoolDayHours> Hours,
    IReadOnlyList<DateInterval> Sessions,
    IReadOnlyList<LocalDate> Closures,
    IReadOnlyList<ScheduledActivity> Activities)
{
    private readonly IReadOnlyList<ScheduledActivity> _activities = Activities;
    private ActivityIndex _index = ActivityIndex.Of(Activities);

    /// <summary>Dated activities on the school grounds: games, practices, camps, events.</summary>
    public IReadOnlyList<ScheduledActivity> Activities
    {
        get => _activities;
        init
        {
            _activities = value;
            _index = ActivityIndex.Of(value);
        }
    }

    /// <summary>A school with no hours and no activities: nothing to plan around.</summary>
    public static SchoolCalendar Empty { get; } = new(new Dictionary<IsoDayOfWeek, SchoolDayHours>(), [], [], []);

    /// <summary>The same hours Monday to Friday on session days.</summary>
    public static SchoolCalendar Weekdays(SchoolDayHours hours, IReadOnlyList<DateInterval> sessions,
        IReadOnlyList<LocalDate>? closures = null, IReadOnlyList<ScheduledActivity>? activities = null)
    {
        var byDay = new Dictionary<IsoDayOfWeek, SchoolDayHours>
        {
            [IsoDayOfWeek.Monday] = hours,
            [IsoDayOfWeek.Tuesday] = hours,
            [IsoDayOfWeek.Wednesday] = hours,
            [IsoDayOfWeek.Thursday] = hours,
            [IsoDayOfWeek.Friday] = hours,
        };
        return new SchoolCalendar(byDay, sessions, closures ?? [], activities ?? []);
    }

    /// <summary>The school's hours on <paramref name="date"/>, or null when school does not meet that day.</summary>
    public SchoolDayHours? HoursOn(LocalDate date)
    {
        if (!Hours.TryGetValue(date.DayOfWeek, out var hours))
        {
            return null;
        }

        var inSession = false;
        foreach (var session in Sessions)
        {
            if (session.Contains(date))
            {
                inSession = true;
                break;
            }
        }

        if (!inSession)
        {
            return null;
        }

        foreach (var closure in Closures)
        {
            if (closure == date)
            {
                return null;
            }
        }

        return hours;
    }

    /// <summary>The activities (not school hours) that overlap <paramref name="start"/> up to <paramref name="end"/> (exclusive).</summary>
    public IReadOnlyList<BusyPeriod> ActivitiesDuring(LocalDateTime start, LocalDateTime end)
    {
        List<BusyPeriod>? busy = null;
        _index.AddOverlapping(start, end, ref busy);
        return busy is null ? [] : busy;
    }

    /// <summary>Whether <paramref name="date"/> is one of the school's closures.</summary>
    public bool IsClosed(LocalDate date)
    {
        foreach (var closure in Closures)
        {
            if (closure == date)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The busy periods that overlap <paramref name="start"/> up to <paramref name="end"/> (exclusive):
    /// school hours and activities, earliest first.
    /// </summary>
    public IReadOnlyList<BusyPeriod> BusyDuring(LocalDateTime start, LocalDateTime end)
    {
        List<BusyPeriod>? busy = null;
        for (var date = start.Date; date <= end.Date; date = date.PlusDays(1))
        {
            if (HoursOn(date) is { } hours)
            {
                var period = new BusyPeriod(date + hours.Opens, date + hours.Closes, "School hours");
                if (period.Overlaps(start, end))
                {
                    (busy ??= []).Add(period);
                }
            }
        }

        _index.AddOverlapping(start, end, ref busy);

        if (busy is null)
        {
            return [];
        }

        busy.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        return busy;
    }
}

/// <summary>A school day's hours, local time; <see cref="Closes"/> is when the school day ends.</summary>
public readonly record struct SchoolDayHours
{
    public SchoolDayHours(LocalTime opens, LocalTime closes)
    {
        if (closes <= opens)
        {
            throw new ArgumentException($"School closes ({closes}) before it opens ({opens}).", nameof(closes));
        }

        Opens = opens;
        Closes = closes;
    }

    public LocalTime Opens { get; }

    public LocalTime Closes { get; }
}

/// <summary>An activity on a school's grounds, local time; it ends at <see cref="End"/> (exclusive).</summary>
public sealed record ScheduledActivity
{
    public ScheduledActivity(string name, LocalDateTime start, LocalDateTime end)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (end <= start)
        {
            throw new ArgumentException($"Activity {name} ends before it starts.", nameof(end));
        }

        Name = name;
        Start = start;
        End = end;
    }

    public string Name { get; }

    public LocalDateTime Start { get; }

    public LocalDateTime End { get; }
}

/// <summary>A time a school is busy, local time, end exclusive, with what it is busy with.</summary>
public readonly record struct BusyPeriod(LocalDateTime Start, LocalDateTime End, string What)
{
    /// <summary>Whether the period overlaps <paramref name="start"/> up to <paramref name="end"/> (exclusive).</summary>
    public bool Overlaps(LocalDateTime start, LocalDateTime end) => Start < end && start < End;
}

/// <summary>Activities sorted by start, so those overlapping a time are found without reading them all.</summary>
internal sealed class ActivityIndex
{
    private readonly ScheduledActivity[] _byStart;
    private readonly LocalDateTime[] _starts;
    private readonly long _longestTicks;

    private ActivityIndex(ScheduledActivity[] byStart)
    {
        _byStart = byStart;
        _starts = Array.ConvertAll(byStart, a => a.Start);
        foreach (var activity in byStart)
        {
            _longestTicks = Math.Max(_longestTicks, Period.Between(activity.Start, activity.End, PeriodUnits.Ticks).Ticks);
        }
    }

    public static ActivityIndex Of(IReadOnlyList<ScheduledActivity> activities)
    {
        var sorted = activities.ToArray();
        // A stable order for equal starts keeps the busy periods, and so the plan, deterministic.
        var order = Enumerable.Range(0, sorted.Length).ToArray();
        Array.Sort(order, (a, b) =>
        {
            var byStart = sorted[a].Start.CompareTo(sorted[b].Start);
            return byStart != 0 ? byStart : a.CompareTo(b);
        });
        return new ActivityIndex(Array.ConvertAll(order, i => sorted[i]));
    }

    /// <summary>Adds the activities that overlap <paramref name="start"/> up to <paramref name="end"/> (exclusive).</summary>
    public void AddOverlapping(LocalDateTime start, LocalDateTime end, ref List<BusyPeriod>? busy)
    {
        if (_byStart.Length == 0)
        {
            return;
        }

        // No activity starting before this can still be running at start.
        var earliest = start.PlusTicks(-_longestTicks);
        var first = Array.BinarySearch(_starts, earliest);
        if (first < 0)
        {
            first = ~first;
        }

        while (first > 0 && _starts[first - 1] == earliest)
        {
            first--;
        }

        for (var i = first; i < _byStart.Length && _starts[i] < end; i++)
        {
            var activity = _byStart[i];
            if (start < activity.End)
            {
                (busy ??= []).Add(new BusyPeriod(activity.Start, activity.End, activity.Name));
            }
        }
    }
}
