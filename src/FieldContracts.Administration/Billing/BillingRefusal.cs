using NodaTime;

namespace FieldContracts.Administration.Billing;

/// <summary>Why an installment cannot be drawn up or paid; a value, not an exception.</summary>
public abstract record BillingRefusal
{
    private BillingRefusal()
    {
    }

    /// <summary>
    /// The period has not ended, or the first completed month of work has not (special instruction 12: "AFTER the
    /// first completed month of work").
    /// </summary>
    public sealed record NotYetPayable(BillingPeriod Period, LocalDate PayableFrom) : BillingRefusal;

    /// <summary>No period of the contract's service lies in the month.</summary>
    public sealed record NoSuchPeriod(YearMonth Month) : BillingRefusal;

    /// <summary>A visit, missed work or charge names a price line the contract does not have.</summary>
    public sealed record UnknownPriceLine(Guid PriceLineId, Guid SourceId) : BillingRefusal;

    /// <summary>
    /// Missed work covered by a lump sum, but the contract's schedule of deductions gives no unit value for that line:
    /// Purchasing must set one before the deduction can be taken.
    /// </summary>
    public sealed record NoDeductionValue(Guid PriceLineId, Guid OccurrenceId) : BillingRefusal;

    /// <summary>An adjustment without its reason.</summary>
    public sealed record ReasonRequired(Guid AdjustmentId) : BillingRefusal;

    /// <summary>A price in the contract's data is not a whole number of cents.</summary>
    public sealed record NotWholeCents(Guid PriceLineId, decimal Amount) : BillingRefusal;
}
