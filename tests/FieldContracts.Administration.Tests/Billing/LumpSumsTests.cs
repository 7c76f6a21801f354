using FieldContracts.Administration.Billing;

namespace FieldContracts.Administration.Tests.Billing;

/// <summary>Special instruction 1: "lump sum prices"; its installments add up to it to the cent.</summary>
public sealed class LumpSumsTests
{
    private static readonly Money TenThousand = Money.Dollars(10_000.00m);

    [Fact]
    public void Spread_TenThousandDollarsOverTheTermByDays_AddsUpExactly()
    {
        var calendar = BillingCalendar.For(Bid2685.Term);

        var spread = LumpSums.Spread(Guid.NewGuid(), TenThousand, calendar, LumpSumProration.ByDaysOfTerm);

        Assert.Equal(20, spread.Earned.Count);
        Assert.Equal(TenThousand, spread.Earned.Sum());
        Assert.Equal(Money.Zero, spread.Unearned);
        Assert.InRange(spread.Earned[0].Amount, 284.75m, 284.76m); // May 15–31, 2003: 17 of 597 days
        Assert.InRange(spread.Earned[9].Amount, 485.76m, 485.77m); // February 2004: 29 of 597 days
        Assert.InRange(spread.Earned[^1].Amount, 519.26m, 519.27m); // December 2004: 31 of 597 days
    }

    [Fact]
    public void Spread_TenThousandDollarsInEqualMonths_AddsUpExactlyWithTheMayStubProrated()
    {
        var calendar = BillingCalendar.For(Bid2685.Term);

        var spread = LumpSums.Spread(Guid.NewGuid(), TenThousand, calendar, LumpSumProration.EqualMonthsPartialByDays);

        Assert.Equal(TenThousand, spread.Earned.Sum());
        // 19 whole months and 17/31 of May: a whole month is 10,000 / 19.548..., the stub 17/31 of that.
        Assert.All(spread.Earned.Skip(1), share => Assert.InRange(share.Amount, 511.55m, 511.56m));
        Assert.InRange(spread.Earned[0].Amount, 280.53m, 280.54m);
    }

    [Fact]
    public void Spread_TerminatedOn2004_08_20_EarnedThroughThatDayTheRestUnearned()
    {
        var whole = LumpSums.Spread(Guid.NewGuid(), TenThousand, BillingCalendar.For(Bid2685.Term), LumpSumProration.ByDaysOfTerm);

        var cut = LumpSums.Spread(Guid.NewGuid(), TenThousand, BillingCalendar.For(Bid2685.Term, new LocalDate(2004, 8, 20)),
            LumpSumProration.ByDaysOfTerm);

        Assert.Equal(16, cut.Earned.Count);
        Assert.Equal(whole.Earned.Take(15), cut.Earned.Take(15)); // nothing paid before moves by a cent
        Assert.Equal(Money.Allocate(whole.Earned[15], [20m, 11m])[0], cut.Earned[15]); // August 1–20: 20 of 31 days
        Assert.Equal(TenThousand, cut.Earned.Sum() + cut.Unearned);
        Assert.Equal(whole.Earned.Skip(16).Sum() + (whole.Earned[15] - cut.Earned[15]), cut.Unearned);
    }

    [Fact]
    public void Spread_TerminatedBeforeTheTermBegan_AllUnearned()
    {
        var spread = LumpSums.Spread(Guid.NewGuid(), TenThousand, BillingCalendar.For(Bid2685.Term, new LocalDate(2003, 5, 1)),
            LumpSumProration.ByDaysOfTerm);

        Assert.Empty(spread.Earned);
        Assert.Equal(TenThousand, spread.Unearned);
    }
}
