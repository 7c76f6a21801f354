using NodaTime;

namespace FieldContracts.Administration;

/// <summary>
/// When the contractor and Purchasing hear that something the contract requires for the whole term is running out: an
/// insurance certificate's coverage (special instruction 14) or a licence (spec V). Reminders go 60, 30 and 15 days
/// before, and the day before, as common certificate tracking does. The one home of these thresholds and of the rule of
/// which one is due on a day; insurance and licences each say only which day is their last.
/// </summary>
public static class ExpiryReminders
{
    /// <summary>Days before the last valid or covered day at which a reminder goes out, the earliest first.</summary>
    public static IReadOnlyList<int> ThresholdDays { get; } = [60, 30, 15, 1];

    /// <summary>The furthest last day a pass on <paramref name="today"/> needs to look at.</summary>
    public static LocalDate Horizon(LocalDate today) => today.PlusDays(ThresholdDays.Max());

    /// <summary>
    /// The threshold reached on <paramref name="today"/> by something whose last valid or covered day is
    /// <paramref name="lastDay"/>, and the calendar days from today to that day; null before the first threshold and
    /// after the last day (then it is a lapse, not a reminder). The smallest threshold reached is the one due, so a day's
    /// pass that was missed is caught up the next day under the same threshold, and one first seen 5 days out gets the
    /// 15-day reminder only.
    /// </summary>
    public static (int Threshold, int DaysLeft)? Due(LocalDate lastDay, LocalDate today)
    {
        if (lastDay < today)
        {
            return null;
        }

        var daysLeft = Period.Between(today, lastDay, PeriodUnits.Days).Days;
        var reached = ThresholdDays.Where(t => daysLeft <= t).ToList();
        return reached.Count == 0 ? null : (reached.Min(), daysLeft);
    }
}
