using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.WorkLogs;
using FieldContracts.Scheduling.Contracts;
using NodaTime;

namespace FieldContracts.Administration.Billing;

/// <summary>What the contract says about paying: its periods, its prices, its deductions and its damages.</summary>
/// <param name="Calendar">The billing periods, ended early by a termination.</param>
/// <param name="PriceLines">The bid schedule lines.</param>
/// <param name="Proration">How lump sums are earned over the periods.</param>
/// <param name="DeductionValues">
/// The schedule of deductions: for a lump-sum line, what one unit of its work (e.g. one mowing of one school) is
/// worth when not performed. Unit-price lines need none: work not received is simply not earned.
/// </param>
/// <param name="Damages">The liquidated-damages schedule.</param>
public sealed record BillingTerms(
    BillingCalendar Calendar,
    IReadOnlyList<PriceLine> PriceLines,
    LumpSumProration Proration,
    IReadOnlyDictionary<Guid, Money> DeductionValues,
    DamagesSchedule Damages);

/// <summary>A logged visit as billing sees it: work on a unit-price line, on a day, verified or not.</summary>
/// <param name="VisitId">The work log.</param>
/// <param name="PriceLineId">The bid schedule line the work is paid under.</param>
/// <param name="WorkDate">The day the work was done; the visit belongs to the period holding it.</param>
/// <param name="Quantity">Units of the line done (e.g. 1 mowing of one school).</param>
/// <param name="Status">Where its review stands; only a verified visit is a service "actually received".</param>
public sealed record ServiceReceived(Guid VisitId, Guid PriceLineId, LocalDate WorkDate, decimal Quantity, VisitStatus Status);

/// <summary>Planned work not performed, as the deficiency register holds it.</summary>
/// <param name="OccurrenceId">The planned occurrence.</param>
/// <param name="PriceLineId">The bid schedule line the work falls under.</param>
/// <param name="Quantity">Units not performed.</param>
/// <param name="DeficiencyId">The missed-work deficiency.</param>
/// <param name="Status">Where the deficiency stands.</param>
/// <param name="ConfirmedOn">
/// The day the contractor acknowledged it or Purchasing upheld it, whichever came first; null while it is open or
/// disputed. The deduction is taken on the installment of the period holding this day.
/// </param>
public sealed record MissedWork(Guid OccurrenceId, Guid PriceLineId, decimal Quantity, Guid DeficiencyId, DeficiencyStatus Status,
    LocalDate? ConfirmedOn);

/// <summary>A deficiency that may carry liquidated damages.</summary>
/// <param name="DeficiencyId">The deficiency.</param>
/// <param name="Kind">Its kind, which picks the rate.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="UpheldOn">The day Purchasing upheld it; null when it has not. Damages are assessed on this day.</param>
/// <param name="Days">Days the failure lasted, for rates per day.</param>
/// <param name="Schools">Schools it concerns, for rates per school.</param>
public sealed record DamagesClaim(Guid DeficiencyId, DeficiencyKind Kind, DeficiencyStatus Status, LocalDate? UpheldOn, int Days = 1,
    int Schools = 1);

/// <summary>
/// An adjustment Purchasing makes, with its reason: positive pays the contractor more (e.g. a late-verified visit of a
/// paid period), negative takes money off (and is carried forward like a deduction).
/// </summary>
/// <param name="On">The day it was made; it goes on the installment of the period holding it.</param>
public sealed record Adjustment(Guid Id, LocalDate On, Money Amount, string Reason);

/// <summary>Everything that happened that billing counts, as of a day.</summary>
public sealed record BillingFacts(
    IReadOnlyList<ServiceReceived> Services,
    IReadOnlyList<MissedWork> Missed,
    IReadOnlyList<DamagesClaim> Damages,
    IReadOnlyList<Adjustment> Adjustments)
{
    public static BillingFacts None { get; } = new([], [], [], []);
}
