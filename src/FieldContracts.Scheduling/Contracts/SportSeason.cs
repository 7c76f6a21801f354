using NodaTime;

namespace FieldContracts.Scheduling.Contracts;

/// <summary>
/// The part of each year an area is in play for a sport, as the Athletic Director sets it.
/// Both ends are inclusive; a season may run across the new year (From after To).
/// </summary>
public sealed record SportSeason(string Sport, AnnualDate From, AnnualDate To)
{
    /// <summary>Whether <paramref name="date"/> falls inside this season in its own year.</summary>
    public bool Contains(LocalDate date)
    {
        var day = new AnnualDate(date.Month, date.Day);
        return From.CompareTo(To) <= 0
            ? day.CompareTo(From) >= 0 && day.CompareTo(To) <= 0
            : day.CompareTo(From) >= 0 || day.CompareTo(To) <= 0;
    }
}
