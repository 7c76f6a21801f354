using NodaTime;

namespace FieldContracts.Administration.Billing;

/// <summary>
/// A month of the contract for billing: a calendar month cut to the days of service, both ends inclusive
/// (special instruction 12: "Payment will be made in monthly installments").
/// </summary>
/// <param name="Number">1 for the first period of the term, May 15–31, 2003 for #2685.</param>
/// <param name="Days">The days of service in the month, both ends inclusive.</param>
public sealed record BillingPeriod(int Number, DateInterval Days)
{
    /// <summary>The calendar month the period lies in.</summary>
    public YearMonth Month => Days.Start.ToYearMonth();

    /// <summary>Calendar days of service in the period (29 for February 2004).</summary>
    public int Length => Days.Length;

    /// <summary>Calendar days in the month the period lies in, whether served or not.</summary>
    public int DaysInMonth => Days.Start.Calendar.GetDaysInMonth(Days.Start.Year, Days.Start.Month);

    /// <summary>True when the period is a whole calendar month of work: what "completed month" means here.</summary>
    public bool IsWholeMonth => Days.Length == DaysInMonth;

    public override string ToString() => $"{Days.Start:MMM d, yyyy} – {Days.End:MMM d, yyyy}";
}
