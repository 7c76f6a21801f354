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
    /// <summary>How work with <paramref name="window"/>, done on <paramref name="doneOn"/> (or not), stands on <paramref name="today"/>.</summary>
    public static Timeliness Judge(DateInterval window, LocalDate? doneOn, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(window);
        return doneOn switch
        {
            { } day when day < window.Start => Timeliness.Early,
            { } day when day > window.End => Timeliness.Late,
            not null => Timeliness.OnTime,
            null when today > window.End => Timeliness.Missed,
            _ => Timeliness.Open,
        };
    }
}
