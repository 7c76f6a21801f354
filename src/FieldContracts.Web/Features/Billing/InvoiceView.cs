using FieldContracts.Administration;
using NodaTime;

namespace FieldContracts.Web.Features.Billing;

/// <summary>An invoice as its page, its PDF, its voucher and the CSV export show it: one read model for all four.</summary>
/// <param name="Id">The invoice.</param>
/// <param name="ContractNumber">E.g. "2685".</param>
/// <param name="ContractTitle">E.g. "ATHLETIC FIELDS; MAINTENANCE OF".</param>
/// <param name="ContractorName">The contractor's name.</param>
/// <param name="PeriodNumber">1 for May 15–31, 2003.</param>
/// <param name="Period">The days of the billing period, both ends inclusive.</param>
/// <param name="Status">Submitted, Certified, Approved, Paid or Returned.</param>
/// <param name="PayableFrom">The first day it may be paid (special instruction 12).</param>
/// <param name="Lines">Numbered from 1, in the installment's order.</param>
/// <param name="Net">What the City pays: the sum of the lines not excluded, never below zero.</param>
/// <param name="CarriedOut">Deductions carried to the next invoice.</param>
/// <param name="HasSamplePrices">True when any price or rate is a sample, not the awarded bid's.</param>
/// <param name="ContractorNote">The contractor's note on submission.</param>
/// <param name="Steps">Who did what, when, in order.</param>
/// <param name="ApprovedOn">Finance's approval.</param>
/// <param name="DueOn">The approval plus the contract's payment days.</param>
/// <param name="Payment">The recorded payment, once paid.</param>
/// <param name="ReturnReason">Why Finance returned it, while returned.</param>
public sealed record InvoiceView(
    Guid Id,
    string ContractNumber,
    string ContractTitle,
    string ContractorName,
    int PeriodNumber,
    DateInterval Period,
    string Status,
    LocalDate PayableFrom,
    IReadOnlyList<InvoiceLineView> Lines,
    Money Net,
    Money CarriedOut,
    bool HasSamplePrices,
    string? ContractorNote,
    IReadOnlyList<InvoiceStepView> Steps,
    LocalDate? ApprovedOn,
    LocalDate? DueOn,
    PaymentView? Payment,
    string? ReturnReason)
{
    /// <summary>The invoice's number as printed: contract, period, e.g. "2685-03".</summary>
    public string InvoiceNumber => $"{ContractNumber}-{PeriodNumber:00}";

    /// <summary>Lump sums, services and credits not excluded.</summary>
    public Money Earned => Lines.Where(l => !l.Excluded && l.Amount > Money.Zero && l.Kind != "CarriedOut").Sum(l => l.Amount);

    /// <summary>Missed work, damages, negative adjustments and deductions carried in, as a positive amount.</summary>
    public Money Deducted => -Lines.Where(l => l.Amount < Money.Zero).Sum(l => l.Amount);

    /// <summary>Lines the Athletic Director excluded, as a positive amount.</summary>
    public Money Excluded => Lines.Where(l => l.Excluded).Sum(l => l.Amount);
}

/// <param name="Number">From 1.</param>
/// <param name="Kind">LumpSum, Services, MissedWork, LiquidatedDamages, Adjustment, CarriedIn or CarriedOut.</param>
/// <param name="Description">As on the invoice.</param>
/// <param name="Item">The bid schedule item, when the line has one.</param>
/// <param name="School">The school's code, when the line's price line is for one school.</param>
/// <param name="Quantity">Units, when extended from a unit price.</param>
/// <param name="UnitPrice">The unit price or unit value.</param>
/// <param name="Amount">Signed: positive is owed to the contractor.</param>
/// <param name="Excluded">Excluded by the Athletic Director on certification.</param>
/// <param name="ExclusionReason">Why.</param>
/// <param name="SourceIds">The visits, occurrences, deficiencies, assessments or adjustments it comes from.</param>
public sealed record InvoiceLineView(
    int Number,
    string Kind,
    string Description,
    string? Item,
    string? School,
    decimal? Quantity,
    Money? UnitPrice,
    Money Amount,
    bool Excluded,
    string? ExclusionReason,
    IReadOnlyList<Guid> SourceIds)
{
    /// <summary>Whether the Athletic Director may exclude the line on certification (<c>InvoiceLine.IsEarned</c>).</summary>
    public bool Excludable { get; init; }
}

/// <param name="Action">Submit, Certify, Approve, Reject or RecordPayment.</param>
public sealed record InvoiceStepView(string Action, string By, Instant At, string? Reason);

public sealed record PaymentView(LocalDate PaidOn, string Method, string Reference);
