using FieldContracts.Scheduling.Contracts;
using NodaTime;

namespace FieldContracts.Administration.Billing;

/// <summary>
/// The billing periods of a contract: one per calendar month of its days of service, the first and last cut to the
/// term (May 15–31, 2003 and December 2004 for #2685). A termination ends the last period on the day of termination,
/// which is the last day of service, and nothing comes after it.
/// </summary>
/// <remarks>
/// Special instruction 12: "The first payment will be made AFTER the first completed month of work." A completed month
/// is a whole calendar month of service that has ended (June 1–30, 2003 for #2685). A period is payable from the day
/// after it ends, but no period is payable before the day after the first completed month: the installment of the
/// May 15–31, 2003 stub is payable from July 1, 2003, together with June's. When service ends before any whole month
/// is completed, the first payment waits for the end of service instead; the rule delays payment, it never forfeits it.
/// </remarks>
public sealed class BillingCalendar
{
    private readonly BillingPeriod[] _periods;
    private readonly int _firstMonthIndex;

    private BillingCalendar(DateInterval term, LocalDate? terminatedOn, DateInterval? serviceDays, BillingPeriod[] periods)
    {
        Term = term;
        TerminatedOn = terminatedOn;
        ServiceDays = serviceDays;
        _periods = periods;
        _firstMonthIndex = serviceDays is null ? 0 : MonthIndex(serviceDays.Start);
        FirstPaymentAfter = periods.Length == 0
            ? null
            : (Array.Find(periods, p => p.IsWholeMonth) ?? periods[^1]).Days.End;
    }

    /// <summary>The term of the contract, both ends inclusive (special instruction 5).</summary>
    public DateInterval Term { get; }

    /// <summary>The last day of service when the City ended the contract early; null when it runs its term.</summary>
    public LocalDate? TerminatedOn { get; }

    /// <summary>The days the contractor serves: the term, cut at a termination; null when terminated before it began.</summary>
    public DateInterval? ServiceDays { get; }

    /// <summary>The periods in order, the first numbered 1.</summary>
    public IReadOnlyList<BillingPeriod> Periods => _periods;

    /// <summary>The last day of the first completed month of work; no installment is payable on or before it.</summary>
    public LocalDate? FirstPaymentAfter { get; }

    /// <summary>The periods of <paramref name="term"/>, ended early by a termination on <paramref name="terminatedOn"/>.</summary>
    public static BillingCalendar For(DateInterval term, LocalDate? terminatedOn = null)
    {
        ArgumentNullException.ThrowIfNull(term);
        DateInterval? serviceDays = terminatedOn switch
        {
            { } last when last < term.Start => null,
            { } last when last < term.End => new DateInterval(term.Start, last),
            _ => term,
        };
        var effectiveTermination = terminatedOn is { } t && t < term.End ? t : (LocalDate?)null;
        return new BillingCalendar(term, effectiveTermination, serviceDays, MonthsOf(serviceDays));
    }

    /// <summary>
    /// The periods of a contract as it stands. <see cref="Contract.TerminatedOn"/> is the first day the contract is no
    /// longer in force (<see cref="Contract.Terminate"/>), so the last day of service is the day before it.
    /// </summary>
    public static BillingCalendar For(Contract contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return For(contract.Term, contract.TerminatedOn?.PlusDays(-1));
    }

    /// <summary>The periods of the whole term, as if it were never ended early.</summary>
    public BillingCalendar WholeTerm() => TerminatedOn is null ? this : For(Term);

    /// <summary>The index in <see cref="Periods"/> of the period holding <paramref name="date"/>; -1 outside service.</summary>
    public int IndexOf(LocalDate date)
    {
        if (ServiceDays is not { } service || !service.Contains(date))
        {
            return -1;
        }

        return MonthIndex(date) - _firstMonthIndex;
    }

    /// <summary>The period holding <paramref name="date"/>, or null outside service.</summary>
    public BillingPeriod? PeriodOf(LocalDate date) => IndexOf(date) is var i and >= 0 ? _periods[i] : null;

    /// <summary>The first day the installment of <paramref name="period"/> may be paid: after it ends and after the first completed month.</summary>
    public LocalDate PayableFrom(BillingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var after = FirstPaymentAfter is { } first && first > period.Days.End ? first : period.Days.End;
        return after.PlusDays(1);
    }

    /// <summary>Whether the installment of <paramref name="period"/> may be paid on <paramref name="today"/>.</summary>
    public bool IsPayable(BillingPeriod period, LocalDate today) => today >= PayableFrom(period);

    /// <summary>Why the installment of <paramref name="period"/> may not be paid on <paramref name="today"/>, or null when it may.</summary>
    public BillingRefusal? RefusePayment(BillingPeriod period, LocalDate today) =>
        IsPayable(period, today) ? null : new BillingRefusal.NotYetPayable(period, PayableFrom(period));

    private static int MonthIndex(LocalDate date) => (date.Year * 12) + date.Month - 1;

    private static BillingPeriod[] MonthsOf(DateInterval? serviceDays)
    {
        if (serviceDays is null)
        {
            return [];
        }

        var count = MonthIndex(serviceDays.End) - MonthIndex(serviceDays.Start) + 1;
        var periods = new BillingPeriod[count];
        var start = serviceDays.Start;
        for (var i = 0; i < count; i++)
        {
            var endOfMonth = start.With(DateAdjusters.EndOfMonth);
            var end = endOfMonth < serviceDays.End ? endOfMonth : serviceDays.End;
            periods[i] = new BillingPeriod(i + 1, new DateInterval(start, end));
            start = end.PlusDays(1);
        }

        return periods;
    }
}
