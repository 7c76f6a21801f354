using System.Globalization;

namespace FieldContracts.Administration;

/// <summary>
/// An amount of US dollars, exact: a <see cref="decimal"/> that is always a whole number of cents. Sums and
/// differences stay exact; where a line is extended (a unit price times a quantity, a share of a lump sum) the
/// result is rounded half away from zero to the cent, once, by <see cref="Extend"/> or <see cref="Allocate"/>.
/// </summary>
public readonly record struct Money : IComparable<Money>
{
    private Money(decimal amount) => Amount = amount;

    public static Money Zero { get; } = new(0m);

    /// <summary>The amount in dollars, with at most two decimal places.</summary>
    public decimal Amount { get; }

    /// <summary>An amount given in dollars; refuses fractions of a cent, which would hide a rounding somewhere else.</summary>
    public static Money Dollars(decimal amount)
    {
        if (decimal.Round(amount, 2) != amount)
        {
            throw new ArgumentException($"{amount.ToString(CultureInfo.InvariantCulture)} is not a whole number of cents.", nameof(amount));
        }

        return new Money(amount);
    }

    /// <summary>A whole number of cents.</summary>
    public static Money Cents(long cents) => new(cents / 100m);

    /// <summary>The amount in cents.</summary>
    public long TotalCents => (long)(Amount * 100m);

    /// <summary>
    /// A unit price extended by a quantity (which may be fractional, e.g. a share of a month), rounded half away
    /// from zero to the cent.
    /// </summary>
    public static Money Extend(Money unitPrice, decimal quantity) =>
        new(decimal.Round(unitPrice.Amount * quantity, 2, MidpointRounding.AwayFromZero));

    /// <summary>
    /// Splits <paramref name="total"/> into parts proportional to <paramref name="weights"/> that add up to it
    /// exactly. Each part is first rounded down to the cent; the cents left over go one each to the parts with the
    /// largest remainders, the earlier part first on a tie, so the split is the same every time.
    /// </summary>
    public static IReadOnlyList<Money> Allocate(Money total, IReadOnlyList<decimal> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count == 0)
        {
            throw new ArgumentException("Nothing to allocate to.", nameof(weights));
        }

        if (weights.Any(w => w < 0))
        {
            throw new ArgumentException("Weights cannot be negative.", nameof(weights));
        }

        var sum = weights.Sum();
        if (sum == 0)
        {
            throw new ArgumentException("The weights add up to nothing.", nameof(weights));
        }

        var sign = total.Amount < 0 ? -1 : 1;
        var cents = Math.Abs(total.TotalCents);
        var shares = weights.Select(w => cents * w / sum).ToArray();
        var parts = shares.Select(s => (long)decimal.Floor(s)).ToArray();
        var left = cents - parts.Sum();
        foreach (var i in Enumerable.Range(0, parts.Length).OrderByDescending(i => shares[i] - parts[i]).ThenBy(i => i).Take((int)left))
        {
            parts[i]++;
        }

        return parts.Select(p => Cents(sign * p)).ToArray();
    }

    /// <summary>Splits <paramref name="total"/> into <paramref name="count"/> equal parts that add up to it exactly.</summary>
    public static IReadOnlyList<Money> Allocate(Money total, int count) =>
        Allocate(total, Enumerable.Repeat(1m, count).ToArray());

    public static Money operator +(Money a, Money b) => new(a.Amount + b.Amount);

    public static Money operator -(Money a, Money b) => new(a.Amount - b.Amount);

    public static Money operator -(Money a) => new(-a.Amount);

    public static bool operator <(Money a, Money b) => a.Amount < b.Amount;

    public static bool operator >(Money a, Money b) => a.Amount > b.Amount;

    public static bool operator <=(Money a, Money b) => a.Amount <= b.Amount;

    public static bool operator >=(Money a, Money b) => a.Amount >= b.Amount;

    public int CompareTo(Money other) => Amount.CompareTo(other.Amount);

    public bool IsNegative => Amount < 0;

    /// <summary>The smaller of the two.</summary>
    public static Money Min(Money a, Money b) => a <= b ? a : b;

    /// <summary>The larger of the two.</summary>
    public static Money Max(Money a, Money b) => a >= b ? a : b;

    /// <summary>As on an invoice: "$1,234.50", "-$12.00".</summary>
    public override string ToString() =>
        (Amount < 0 ? "-$" : "$") + Math.Abs(Amount).ToString("#,##0.00", CultureInfo.InvariantCulture);
}

/// <summary>Sums of <see cref="Money"/>, exact.</summary>
public static class MoneyExtensions
{
    public static Money Sum(this IEnumerable<Money> amounts) => amounts.Aggregate(Money.Zero, (a, b) => a + b);

    public static Money Sum<T>(this IEnumerable<T> items, Func<T, Money> amount) => items.Select(amount).Sum();
}
