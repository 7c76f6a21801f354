namespace FieldContracts.Scheduling.Calendar;

/// <summary>The RFC 5545 STATUS of an event (section 3.8.1.11).</summary>
public enum EventStatus
{
    /// <summary>The work is planned and expected to happen on the given day or time.</summary>
    Confirmed,

    /// <summary>The work is planned but its day may still move (e.g. waiting on weather or a sports schedule).</summary>
    Tentative,

    /// <summary>The occurrence will not happen; kept in the feed so subscribers drop it.</summary>
    Cancelled,
}
