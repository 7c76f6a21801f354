using NodaTime;

namespace FieldContracts.Scheduling.Specification;

/// <summary>How often a task of the specification recurs within its season.</summary>
public abstract record Recurrence
{
    private Recurrence()
    {
    }

    /// <summary>
    /// Once in each year's window. The window is the task's own <paramref name="Window"/> when set,
    /// otherwise its season's; the planned day is <paramref name="Preferred"/> when set and inside the
    /// window, otherwise the first day of the window that lies in the term.
    /// </summary>
    /// <param name="Window">A narrower window than the season's, both ends inclusive, e.g. August 15–31.</param>
    /// <param name="Preferred">The day the bid names, e.g. "July 15th (approx.)".</param>
    public sealed record OncePerSeason(AnnualWindow? Window = null, AnnualDate? Preferred = null) : Recurrence;

    /// <summary>
    /// Every <c>MowingCadenceDays</c> (a contract setting) from the start of growth until the
    /// dormancy date of each year, both inclusive. The growth start and dormancy date are facts of
    /// each year; without them the series starts with the task's season and ends on
    /// <paramref name="DefaultDormancy"/>.
    /// </summary>
    public sealed record MowingCadence(AnnualDate DefaultDormancy) : Recurrence;

    /// <summary>
    /// The continuation of another task's series into this task's season (e.g. item 3c "Continue
    /// mowing practices"). It plans nothing of its own: the series' occurrences that fall in this
    /// task's season carry this task's key and item.
    /// </summary>
    public sealed record ContinuesSeries(string SeriesTaskKey) : Recurrence;

    /// <summary>
    /// Every <paramref name="Days"/> calendar days from the start of the task's season until the end
    /// of <paramref name="ThroughSeasonKey"/>'s window (or of its own season when null), inclusive.
    /// </summary>
    public sealed record EveryDays(int Days, string? ThroughSeasonKey = null) : Recurrence;

    /// <summary>
    /// A follow-up <paramref name="MinDays"/> to <paramref name="MaxDays"/> calendar days (inclusive)
    /// after another task's occurrence at the same school: after the date it was logged as done,
    /// or as planned until it is logged.
    /// </summary>
    public sealed record FollowUp(string AfterTaskKey, int MinDays, int MaxDays) : Recurrence;

    /// <summary>
    /// Work that waits for an event recorded at each school, then falls within
    /// <paramref name="ResponseDays"/> calendar days starting the day after the event.
    /// </summary>
    public sealed record Triggered(TriggerEvent Event, int ResponseDays) : Recurrence;
}

/// <summary>An event recorded at a school that releases triggered work.</summary>
public enum TriggerEvent
{
    /// <summary>The Athletic Director records the last day of the school's fall sports programs (item 4d).</summary>
    EndOfFallSports,
}

/// <summary>A window repeated each year, both ends inclusive, within one year.</summary>
public readonly record struct AnnualWindow
{
    public AnnualWindow(AnnualDate start, AnnualDate end)
    {
        if (end.CompareTo(start) < 0)
        {
            throw new ArgumentException($"An annual window ends ({end}) before it starts ({start}).", nameof(end));
        }

        Start = start;
        End = end;
    }

    public AnnualDate Start { get; }

    public AnnualDate End { get; }

    public DateInterval InYear(int year) => new(Start.InYear(year), End.InYear(year));
}
