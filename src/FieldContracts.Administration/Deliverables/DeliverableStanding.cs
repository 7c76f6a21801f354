using System.Globalization;
using FieldContracts.Administration.Deficiencies;
using NodaTime;

namespace FieldContracts.Administration.Deliverables;

/// <summary>Where an expected deliverable stands on a day.</summary>
public enum Standing
{
    /// <summary>Not handed in; the due day has not passed.</summary>
    Due,

    /// <summary>Not handed in and the due day has passed.</summary>
    Overdue,

    /// <summary>Handed in, waiting for review.</summary>
    HandedIn,

    Accepted,

    /// <summary>Returned to the contractor, to hand in again.</summary>
    Returned,
}

/// <summary>
/// The rule of a deliverable's time: due by the last day of the window of the work it ends; not handed in by then, it
/// is overdue, and a deliverable overdue or first handed in after its day is one deficiency of the register.
/// </summary>
public static class DeliverableStanding
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    /// <summary>The day a deliverable is due: the last day of the window of the work it ends (3e: "In mid to late August ... present a treatment plan").</summary>
    public static LocalDate DueOn(DateInterval window)
    {
        ArgumentNullException.ThrowIfNull(window);
        return window.End;
    }

    public static Standing Of(ExpectedDeliverable expected, Deliverable? handedIn, LocalDate today) => handedIn?.Status switch
    {
        DeliverableStatus.HandedIn => Standing.HandedIn,
        DeliverableStatus.Accepted => Standing.Accepted,
        DeliverableStatus.Returned => Standing.Returned,
        _ => today > expected.DueOn ? Standing.Overdue : Standing.Due,
    };

    /// <summary>
    /// The register's finding for a deliverable not handed in by its day, or first handed in after it; null when it is
    /// on time or its day has not passed. One per deliverable, whoever finds it first (<see cref="DeficiencyKeys.Deliverable"/>).
    /// </summary>
    public static Deficiency.Finding? Finding(ExpectedDeliverable expected, Deliverable? handedIn, LocalDate today, string schoolName)
    {
        ArgumentNullException.ThrowIfNull(expected);
        string evidence;
        if (handedIn is null)
        {
            if (today <= expected.DueOn)
            {
                return null;
            }

            evidence = $"{expected.Name} for {schoolName}, to the {expected.Recipient}, was due {Day(expected.DueOn)} and has not been handed in.";
        }
        else if (handedIn.WasLate)
        {
            var days = Period.DaysBetween(expected.DueOn, handedIn.HandedInOn);
            evidence = $"{expected.Name} for {schoolName} was handed in on {Day(handedIn.HandedInOn)}, {days} day{(days == 1 ? "" : "s")} " +
                       $"after it was due ({Day(expected.DueOn)}).";
        }
        else
        {
            return null;
        }

        return new Deficiency.Finding(expected.ContractId, expected.SiteId, [], DeficiencyKind.DeliverableLate, expected.OccurrenceId, evidence,
            DeficiencyKeys.Deliverable(expected.OccurrenceId));
    }

    private static string Day(LocalDate day) => day.ToString("MMM d, yyyy", English);
}
