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
    public void Spread_TenThousandDollarsOverTheTermByDays_TwentyInstallmentsToTheCent()
    {
        var spread = LumpSums.Spread(Guid.NewGuid(), TenThousand, BillingCalendar.For(Bid2685.Term), LumpSumProration.ByDaysOfTerm);

        // 1,000,000 cents × days / 597, each rounded down, the 6 cents left over to the largest remainders: May 15–31,
        // 2003 (.71), then five of the 31-day months (.30) in order, so July–August, October and December 2003 and January 2004.
        Assert.Equal(
            new[]
            {
                284.76m, 502.51m, 519.27m, 519.27m, 502.51m, 519.27m, 502.51m, 519.27m, 519.27m, 485.76m,
                519.26m, 502.51m, 519.26m, 502.51m, 519.26m, 519.26m, 502.51m, 519.26m, 502.51m, 519.26m,
            },
            spread.Earned.Select(m => m.Amount));
        Assert.Equal(TenThousand, spread.Earned.Sum());
    }

    [Fact]
    public void Spread_February2004ByDaysOfTerm_29Of597RoundedDownTo485_76()
    {
        var calendar = BillingCalendar.For(Bid2685.Term);

        var spread = LumpSums.Spread(Guid.NewGuid(), TenThousand, calendar, LumpSumProration.ByDaysOfTerm);

        var february = calendar.PeriodOf(new LocalDate(2004, 2, 1))!;
        Assert.Equal(29, february.Length);
        // $10,000.00 × 29 / 597 = $485.762...: 48,576 cents, and its remainder (.21) is the smallest, so no cent left over.
        Assert.Equal(Money.Dollars(485.76m), spread.Earned[february.Number - 1]);
    }

    [Fact]
    public void Spread_ContractTerminatedEffective2004_08_20_EarnedThroughAugust19ExactlyTheRestUnearned()
    {
        var calendar = BillingCalendar.For(Bid2685.Contract(terminatedEffective: new LocalDate(2004, 8, 20)));
        var whole = LumpSums.Spread(Guid.NewGuid(), TenThousand, BillingCalendar.For(Bid2685.Term), LumpSumProration.ByDaysOfTerm);

        var cut = LumpSums.Spread(Guid.NewGuid(), TenThousand, calendar, LumpSumProration.ByDaysOfTerm);

        Assert.Equal(16, cut.Earned.Count);
        Assert.Equal(whole.Earned.Take(15), cut.Earned.Take(15));
        // August 2004's $519.26 split 19 : 12 days, served and not: $318.256... and $201.003..., the left-over cent to the first.
        Assert.Equal(Money.Dollars(318.26m), cut.Earned[15]);
        Assert.Equal(Money.Dollars(7_755.46m), cut.Earned.Sum());
        Assert.Equal(Money.Dollars(2_244.54m), cut.Unearned);
        Assert.Equal(TenThousand, cut.Earned.Sum() + cut.Unearned);
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
