using FieldContracts.Scheduling.Planning;
using NodaTime;

namespace FieldContracts.Administration.Deficiencies;

/// <summary>How planned work stands against its window.</summary>
public enum Timeliness
{
    /// <summary>Not done yet, and its window has not ended.</summary>
    Open,

    /// <summary>Done within its window.</summary>
    OnTime,

    /// <summary>Done before its window began.</summary>
    Early,

    /// <summary>Done after the last day of its window.</summary>
    Late,

    /// <summary>Not done, and the last day of its window has passed.</summary>
    Missed,
}

/// <summary>
/// The one rule of late and missed work: the window is inclusive at both ends, work done on its last day is on
/// time, and work not done is missed from the day after its last day. Special instruction 7 B: the contractor
/// "fails to fulfill services required in accordance with agreed schedule".
/// </summary>
public static class WorkTimeliness
{
    /// <summary>
    /// Whether planned work is held to its window at all: only work planned on a day inside the term and not cancelled.
    /// Work outside the term, work waiting for its trigger (the end of fall sports) and a chemical application in a
    /// schedule conflict have no agreed day yet, so they are never missed or late.
    /// </summary>
    public static bool IsHeldToWindow(OccurrenceStatus status, bool cancelled) => !cancelled && status == OccurrenceStatus.Planned;

    /// <summary>Whether the window has ended on <paramref name="today"/>: its last day is behind us (the last day itself still counts).</summary>
    public static bool HasEnded(DateInterval window, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(window);
        return today > window.End;
    }

    /// <summary>How work with <paramref name="window"/>, done on <paramref name="doneOn"/> (or not), stands on <paramref name="today"/>.</summary>
    public static Timeliness Judge(DateInterval window, LocalDate? doneOn, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(window);
        return doneOn switch
        {
            { } day when day < window.Start => Timeliness.Early,
            { } day when day > window.End => Timeliness.Late,
            not null => Timeliness.OnTime,
            null when HasEnded(window, today) => Timeliness.Missed,
            _ => Timeliness.Open,
        };
    }
}
