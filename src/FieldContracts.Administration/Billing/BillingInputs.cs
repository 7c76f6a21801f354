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
public sealed record BillingTerms(
    BillingCalendar Calendar,
    IReadOnlyList<PriceLine> PriceLines,
    LumpSumProration Proration,
    IReadOnlyDictionary<Guid, Money> DeductionValues);

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

/// <summary>Liquidated damages assessed on a deficiency, as the ledger takes them.</summary>
/// <param name="AssessmentId">The assessment.</param>
/// <param name="DeficiencyId">The upheld deficiency it rests on.</param>
/// <param name="Kind">The kind of failure.</param>
/// <param name="Amount">What stands (or, while disputed or when waived, what was assessed).</param>
/// <param name="Status">Where the assessment stands.</param>
/// <param name="StandsOn">
/// The day it came to stand (the dispute period over, or Purchasing's decision); null while it may still be disputed,
/// is disputed, or was waived. It is taken on the installment of the period holding this day.
/// </param>
/// <param name="IsSampleRate">True when assessed at a sample rate.</param>
public sealed record DamagesCharge(Guid AssessmentId, Guid DeficiencyId, DeficiencyKind Kind, Money Amount, AssessmentStatus Status,
    LocalDate? StandsOn, bool IsSampleRate = false);

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
    IReadOnlyList<DamagesCharge> Damages,
    IReadOnlyList<Adjustment> Adjustments)
{
    public static BillingFacts None { get; } = new([], [], [], []);
}

/// <summary>
/// The invoices already submitted, which no later fact changes: the first <paramref name="LockedPeriods"/> periods are
/// on them, what they drew on is never drawn again, and what the last of them carried out comes in on the next.
/// </summary>
/// <param name="LockedPeriods">How many periods, from the first, have an invoice submitted and not returned.</param>
/// <param name="Invoiced">The visits, occurrences, assessments and adjustments already on those invoices.</param>
/// <param name="CarriedOut">What the last of them carried to the next installment.</param>
/// <param name="LastInvoiceId">The last of them, named as the source of what is carried.</param>
public sealed record BillingHistory(int LockedPeriods, IReadOnlySet<Guid> Invoiced, Money CarriedOut, Guid? LastInvoiceId)
{
    public static BillingHistory None { get; } = new(0, new HashSet<Guid>(), Money.Zero, null);
}
