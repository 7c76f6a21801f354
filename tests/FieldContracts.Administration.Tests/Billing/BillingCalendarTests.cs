using FieldContracts.Administration.Billing;
using FieldContracts.Scheduling.Contracts;

namespace FieldContracts.Administration.Tests.Billing;

/// <summary>
/// Special instruction 5, the term: May 15, 2003 to December 31, 2004. Special instruction 12: "Payment will be made in
/// monthly installments. The first payment will be made AFTER the first completed month of work."
/// </summary>
public sealed class BillingCalendarTests
{
    private static readonly BillingCalendar Calendar = BillingCalendar.For(Bid2685.Term);

    [Fact]
    public void For_Term2685_TwentyMonthlyPeriodsFirstPartialLastWhole()
    {
        var periods = Calendar.Periods;

        Assert.Equal(20, periods.Count);
        Assert.Equal(new DateInterval(new LocalDate(2003, 5, 15), new LocalDate(2003, 5, 31)), periods[0].Days);
        Assert.Equal(17, periods[0].Length);
        Assert.False(periods[0].IsWholeMonth);
        Assert.Equal(new DateInterval(new LocalDate(2004, 12, 1), new LocalDate(2004, 12, 31)), periods[^1].Days);
        Assert.True(periods[^1].IsWholeMonth);
        Assert.Equal(Enumerable.Range(1, 20), periods.Select(p => p.Number));
        Assert.Equal(597, periods.Sum(p => p.Length));
        Assert.All(periods.Zip(periods.Skip(1)), pair => Assert.Equal(pair.First.Days.End.PlusDays(1), pair.Second.Days.Start));
    }

    [Fact]
    public void PeriodOf_February2004_Has29Days()
    {
        var february = Calendar.PeriodOf(new LocalDate(2004, 2, 10))!;

        Assert.Equal(new DateInterval(new LocalDate(2004, 2, 1), new LocalDate(2004, 2, 29)), february.Days);
        Assert.Equal(29, february.Length);
        Assert.True(february.IsWholeMonth);
        Assert.Same(february, Calendar.PeriodOf(new LocalDate(2004, 2, 29)));
    }

    [Fact]
    public void PeriodOf_DayBeforeTheTerm_None()
    {
        Assert.Null(Calendar.PeriodOf(new LocalDate(2003, 5, 14)));
        Assert.Null(Calendar.PeriodOf(new LocalDate(2005, 1, 1)));
    }

    [Fact]
    public void IsPayable_May2003StubAlone_NotBeforeTheFirstCompletedMonthEndsJune30_2003()
    {
        var may = Calendar.Periods[0];

        Assert.Equal(new LocalDate(2003, 6, 30), Calendar.FirstPaymentAfter);
        Assert.False(Calendar.IsPayable(may, new LocalDate(2003, 6, 1)));
        Assert.False(Calendar.IsPayable(may, new LocalDate(2003, 6, 30)));
        Assert.True(Calendar.IsPayable(may, new LocalDate(2003, 7, 1)));
        Assert.Equal(new LocalDate(2003, 7, 1), Calendar.PayableFrom(may));
    }

    [Fact]
    public void PayableFrom_June2003_TheDayAfterItEnds()
    {
        var june = Calendar.Periods[1];

        Assert.True(june.IsWholeMonth);
        Assert.Equal(new LocalDate(2003, 7, 1), Calendar.PayableFrom(june));
        Assert.Equal(new LocalDate(2003, 8, 1), Calendar.PayableFrom(Calendar.Periods[2]));
        Assert.Equal(new LocalDate(2005, 1, 1), Calendar.PayableFrom(Calendar.Periods[^1]));
    }

    [Fact]
    public void RefusePayment_MayStubOnJune20_2003_NotYetPayableFromJuly1()
    {
        var refusal = Calendar.RefusePayment(Calendar.Periods[0], new LocalDate(2003, 6, 20));

        var notYet = Assert.IsType<BillingRefusal.NotYetPayable>(refusal);
        Assert.Equal(new LocalDate(2003, 7, 1), notYet.PayableFrom);
        Assert.Null(Calendar.RefusePayment(Calendar.Periods[0], new LocalDate(2003, 7, 1)));
    }

    [Fact]
    public void For_TerminatedOn2004_08_20_LastPeriodEndsThatDayAndNothingAfter()
    {
        var calendar = BillingCalendar.For(Bid2685.Term, new LocalDate(2004, 8, 20));

        Assert.Equal(16, calendar.Periods.Count);
        Assert.Equal(new DateInterval(new LocalDate(2004, 8, 1), new LocalDate(2004, 8, 20)), calendar.Periods[^1].Days);
        Assert.False(calendar.Periods[^1].IsWholeMonth);
        Assert.Null(calendar.PeriodOf(new LocalDate(2004, 8, 21)));
        Assert.Null(calendar.PeriodOf(new LocalDate(2004, 9, 1)));
        Assert.Equal(new LocalDate(2004, 8, 21), calendar.PayableFrom(calendar.Periods[^1]));
    }

    [Fact]
    public void For_ContractTerminatedEffective2004_08_20_ServiceEndsAugust19()
    {
        // Contract.Terminate: "from effectiveOn on it is no longer in force", so August 19 is the last day of service.
        var contract = Bid2685.Contract(terminatedEffective: new LocalDate(2004, 8, 20));
        Assert.Equal(ContractStatus.Terminated, contract.StatusOn(new LocalDate(2004, 8, 20)));

        var calendar = BillingCalendar.For(contract);

        Assert.Equal(new LocalDate(2004, 8, 19), calendar.TerminatedOn);
        Assert.Equal(new DateInterval(Bid2685.Term.Start, new LocalDate(2004, 8, 19)), calendar.ServiceDays);
        Assert.Equal(16, calendar.Periods.Count);
        Assert.Equal(new DateInterval(new LocalDate(2004, 8, 1), new LocalDate(2004, 8, 19)), calendar.Periods[^1].Days);
        Assert.Null(calendar.PeriodOf(new LocalDate(2004, 8, 20)));
        Assert.Null(calendar.PeriodOf(new LocalDate(2004, 9, 1)));
        Assert.Equal(new LocalDate(2004, 8, 20), calendar.PayableFrom(calendar.Periods[^1]));
    }

    [Fact]
    public void For_ContractNotTerminated_TheWholeTerm()
    {
        var calendar = BillingCalendar.For(Bid2685.Contract());

        Assert.Null(calendar.TerminatedOn);
        Assert.Equal(Bid2685.Term, calendar.ServiceDays);
        Assert.Equal(20, calendar.Periods.Count);
    }

    [Fact]
    public void For_ContractTerminatedEffectiveTheFirstDay_NoPeriods()
    {
        var calendar = BillingCalendar.For(Bid2685.Contract(terminatedEffective: new LocalDate(2003, 5, 15)));

        Assert.Empty(calendar.Periods);
        Assert.Null(calendar.ServiceDays);
    }

    [Fact]
    public void For_TerminatedBeforeTheFirstCompletedMonth_FirstPaymentAfterTheLastDayOfService()
    {
        var calendar = BillingCalendar.For(Bid2685.Term, new LocalDate(2003, 6, 10));

        Assert.Equal(2, calendar.Periods.Count);
        Assert.Equal(new LocalDate(2003, 6, 10), calendar.FirstPaymentAfter);
        Assert.Equal(new LocalDate(2003, 6, 11), calendar.PayableFrom(calendar.Periods[0]));
    }

    [Fact]
    public void For_TerminatedBeforeTheTermBegan_NoPeriods()
    {
        var calendar = BillingCalendar.For(Bid2685.Term, new LocalDate(2003, 5, 1));

        Assert.Empty(calendar.Periods);
        Assert.Null(calendar.ServiceDays);
        Assert.Null(calendar.FirstPaymentAfter);
    }

    [Fact]
    public void For_TerminationOnOrAfterTheLastDay_RunsItsTerm()
    {
        var calendar = BillingCalendar.For(Bid2685.Term, new LocalDate(2004, 12, 31));

        Assert.Null(calendar.TerminatedOn);
        Assert.Equal(20, calendar.Periods.Count);
    }
}
