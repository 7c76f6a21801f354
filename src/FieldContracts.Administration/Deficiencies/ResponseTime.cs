using NodaTime;

namespace FieldContracts.Administration.Deficiencies;

/// <summary>
/// When the contractor is to respond to a deficiency (acknowledge it, saying how it will be made good, or dispute it):
/// within the contract's response days (<c>ContractSettings.ResponseDays</c>, 5 unless the contract says otherwise)
/// of the day it was found. The one statement of the rule: the register, its page and the email to the contractor all
/// ask it.
/// </summary>
public static class ResponseTime
{
    /// <summary>
    /// The last day of the response: the day found plus the response days, counted in calendar days (weekends,
    /// holidays and a change of clocks count as any other day). A deficiency found on Thursday, April 1, 2004 with
    /// 5 days is due on Tuesday, April 6, across the change to daylight time on April 4.
    /// </summary>
    public static LocalDate DueOn(LocalDate foundOn, int responseDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(responseDays);
        return foundOn.PlusDays(responseDays);
    }

    /// <summary>The last day of the contractor's response to <paramref name="deficiency"/>.</summary>
    public static LocalDate DueOn(Deficiency deficiency, int responseDays)
    {
        ArgumentNullException.ThrowIfNull(deficiency);
        return DueOn(deficiency.FoundOn, responseDays);
    }

    /// <summary>
    /// Whether a deficiency still waits for the contractor's response after its last day: it is open (neither
    /// acknowledged nor disputed, nor decided by Purchasing) and <paramref name="today"/> is past the due day, which
    /// itself still counts.
    /// </summary>
    public static bool IsOverdue(DeficiencyStatus status, LocalDate dueOn, LocalDate today) =>
        status == DeficiencyStatus.Open && today > dueOn;
}
