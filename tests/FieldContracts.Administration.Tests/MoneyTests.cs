namespace FieldContracts.Administration.Tests;

/// <summary>Special instruction 12: "Payment will be made in monthly installments." Sums reconcile to the cent.</summary>
public sealed class MoneyTests
{
    [Fact]
    public void Allocate_TenThousandDollarsOver20Periods_AddsUpExactly()
    {
        // 19.5 months from May 15, 2003 to December 31, 2004: 20 periods, the first half a month.
        var weights = new[] { 0.5m }.Concat(Enumerable.Repeat(1m, 19)).ToArray();

        var parts = Money.Allocate(Money.Dollars(10_000.00m), weights);

        Assert.Equal(Money.Dollars(10_000.00m), parts.Sum());
        Assert.Equal(Money.Dollars(256.41m), parts[0]);
        Assert.All(parts.Skip(1), p => Assert.InRange(p.Amount, 512.82m, 512.83m));
    }

    [Fact]
    public void Allocate_Remainders_GoToTheLargestFractionsThenTheEarliest()
    {
        Assert.Equal([Money.Dollars(33.34m), Money.Dollars(33.33m), Money.Dollars(33.33m)], Money.Allocate(Money.Dollars(100m), 3));
        Assert.Equal([Money.Dollars(-33.34m), Money.Dollars(-33.33m), Money.Dollars(-33.33m)], Money.Allocate(Money.Dollars(-100m), 3));
    }

    [Fact]
    public void Extend_RoundsHalfAwayFromZeroOnce()
    {
        Assert.Equal(Money.Dollars(0.13m), Money.Extend(Money.Dollars(0.25m), 0.5m));
        Assert.Equal(Money.Dollars(-0.13m), Money.Extend(Money.Dollars(-0.25m), 0.5m));
        Assert.Equal(Money.Dollars(70_455.00m), Money.Extend(Money.Dollars(385.00m), 183m));
    }

    [Fact]
    public void Dollars_FractionOfACent_Refused()
    {
        Assert.Throws<ArgumentException>(() => Money.Dollars(1.005m));
        Assert.Equal("$1,875.50", Money.Dollars(1875.5m).ToString());
        Assert.Equal("-$12.00", (-Money.Dollars(12m)).ToString());
    }
}
