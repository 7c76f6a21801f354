namespace FieldContracts.Administration.Billing;

/// <summary>How a lump-sum price is earned over the periods of the term.</summary>
public enum LumpSumProration
{
    /// <summary>
    /// By calendar days of service: each period earns its days' share of the days of the whole term (597 days for
    /// #2685, so February 2004 earns 29/597 and May 15–31, 2003 earns 17/597).
    /// </summary>
    ByDaysOfTerm,

    /// <summary>
    /// Equal monthly parts, a partial month prorated by its days (May 15–31, 2003 is 17/31 of a month), the usual
    /// practice for installments of a lump-sum service contract.
    /// </summary>
    EqualMonthsPartialByDays,
}

/// <summary>A lump sum spread over the periods: what each earns, and what was not earned because service ended early.</summary>
/// <param name="PriceLineId">The bid schedule line.</param>
/// <param name="Price">The lump sum.</param>
/// <param name="Earned">What each period of service earns, in the order of the calendar's periods.</param>
/// <param name="Unearned">
/// The part of the lump sum for days after a termination: not earned and never paid (special instruction 8: the City
/// pays "only those ... services actually received"). Zero when the contract runs its term.
/// </param>
public sealed record LumpSumSpread(Guid PriceLineId, Money Price, IReadOnlyList<Money> Earned, Money Unearned);

/// <summary>
/// The rule of lump-sum installments: the lump sum is split once over the periods of the whole term with
/// <see cref="Money.Allocate(Money, IReadOnlyList{decimal})"/>, so the installments add up to it exactly. A termination
/// does not move a cent of the periods before it: the period it falls in splits its own share by days, served and
/// not served, again exactly, and the periods after it earn nothing.
/// </summary>
public static class LumpSums
{
    /// <summary>Spreads <paramref name="price"/> over the periods of <paramref name="calendar"/> by <paramref name="rule"/>.</summary>
    public static LumpSumSpread Spread(Guid priceLineId, Money price, BillingCalendar calendar, LumpSumProration rule)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var whole = calendar.WholeTerm().Periods;
        var weights = new decimal[whole.Count];
        for (var i = 0; i < whole.Count; i++)
        {
            weights[i] = rule switch
            {
                LumpSumProration.ByDaysOfTerm => whole[i].Length,
                LumpSumProration.EqualMonthsPartialByDays => (decimal)whole[i].Length / whole[i].DaysInMonth,
                _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
            };
        }

        var shares = Money.Allocate(price, weights);
        var served = calendar.Periods;
        var earned = new Money[served.Count];
        for (var i = 0; i < served.Count; i++)
        {
            earned[i] = shares[i];
        }

        if (served.Count > 0 && served[^1].Length < whole[served.Count - 1].Length)
        {
            // The period of the termination: its share split between the days served and the days not served.
            var last = served.Count - 1;
            var notServed = whole[last].Length - served[last].Length;
            earned[last] = Money.Allocate(shares[last], [served[last].Length, notServed])[0];
        }

        return new LumpSumSpread(priceLineId, price, earned, price - earned.Sum());
    }
}
