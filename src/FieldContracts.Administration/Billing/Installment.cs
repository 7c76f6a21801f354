namespace FieldContracts.Administration.Billing;

/// <summary>What a line of an installment is.</summary>
public enum InstallmentLineKind
{
    /// <summary>A period's share of a lump sum.</summary>
    LumpSum,

    /// <summary>Verified work on a unit-price line: quantity times unit price (special instruction 8).</summary>
    Services,

    /// <summary>Work covered by a lump sum that was not performed, at its unit value.</summary>
    MissedWork,

    /// <summary>Liquidated damages assessed on an upheld deficiency (special instruction 10).</summary>
    LiquidatedDamages,

    /// <summary>An adjustment by Purchasing, with its reason.</summary>
    Adjustment,

    /// <summary>Deductions the previous installment could not absorb.</summary>
    CarriedIn,

    /// <summary>Deductions this installment cannot absorb, added back here and carried to the next.</summary>
    CarriedOut,
}

/// <summary>A line of an installment: positive is owed to the contractor, negative is taken off.</summary>
/// <param name="Kind">What the line is.</param>
/// <param name="Description">As on the invoice.</param>
/// <param name="Amount">Signed, exact to the cent.</param>
/// <param name="SourceIds">
/// Where the figure comes from: the price line of a lump sum, the visits of a services line, the occurrence and
/// deficiency of missed work, the deficiency of damages, the adjustment, or the deductions carried.
/// </param>
/// <param name="PriceLineId">The bid schedule line, when one.</param>
/// <param name="Quantity">Units, when the line is extended from a unit price.</param>
/// <param name="UnitPrice">The unit price or unit value, as on the bid schedule.</param>
public sealed record InstallmentLine(
    InstallmentLineKind Kind,
    string Description,
    Money Amount,
    IReadOnlyList<Guid> SourceIds,
    Guid? PriceLineId = null,
    decimal? Quantity = null,
    Money? UnitPrice = null);

/// <summary>
/// The installment of one billing period: what it earned, what was taken off, what was carried in and out, and the net
/// payable, which is the sum of its lines and never negative.
/// </summary>
/// <param name="Period">The billing period.</param>
/// <param name="PayableFrom">The first day it may be paid (special instruction 12).</param>
/// <param name="Lines">Earned lines first, then deductions, then the carried amounts.</param>
public sealed record Installment(BillingPeriod Period, NodaTime.LocalDate PayableFrom, IReadOnlyList<InstallmentLine> Lines)
{
    /// <summary>Lump sums, services and positive adjustments.</summary>
    public Money Earned => SumOf(l => l.Amount > Money.Zero && l.Kind is not InstallmentLineKind.CarriedOut);

    /// <summary>Missed work, damages and negative adjustments taken on this installment (before carrying), as a positive amount.</summary>
    public Money Deducted => -SumOf(l => l.Amount < Money.Zero && l.Kind is not InstallmentLineKind.CarriedIn);

    /// <summary>Deductions brought from the previous installment, as a positive amount.</summary>
    public Money CarriedIn => -SumOf(l => l.Kind == InstallmentLineKind.CarriedIn);

    /// <summary>Deductions carried to the next installment.</summary>
    public Money CarriedOut => SumOf(l => l.Kind == InstallmentLineKind.CarriedOut);

    /// <summary>What the City pays: the sum of the lines.</summary>
    public Money Net => SumOf(_ => true);

    /// <summary>The ids of what the installment's lines came from.</summary>
    public IEnumerable<Guid> SourceIds => Lines.SelectMany(l => l.SourceIds);

    public bool IsPayableOn(NodaTime.LocalDate today) => today >= PayableFrom;

    private Money SumOf(Func<InstallmentLine, bool> which)
    {
        var sum = Money.Zero;
        foreach (var line in Lines)
        {
            if (which(line))
            {
                sum += line.Amount;
            }
        }

        return sum;
    }
}
