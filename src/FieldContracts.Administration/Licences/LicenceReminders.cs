using NodaTime;

namespace FieldContracts.Administration.Licences;

/// <summary>
/// When a licence (spec V: "proper licenses for the application of chemicals, irrigation work and a supervisor
/// license") is due a reminder: within 30 days of its expiry, and again within 7. A licence first seen 5 days out gets
/// the 7-day reminder only; an expired one gets none (it is a deficiency, not a reminder).
/// </summary>
public static class LicenceReminders
{
    /// <summary>Days before expiry at which a reminder goes out, the earliest first.</summary>
    public static IReadOnlyList<int> ThresholdDays { get; } = [30, 7];

    /// <summary>The furthest expiry a pass on <paramref name="today"/> needs to look at.</summary>
    public static LocalDate Horizon(LocalDate today) => today.PlusDays(ThresholdDays.Max());

    /// <summary>The reminder a licence expiring on <paramref name="expiresOn"/> is due on <paramref name="today"/>, or null.</summary>
    /// <returns>The threshold it falls within (30 or 7) and the days left, both inclusive of the expiry day.</returns>
    public static (int Threshold, int DaysLeft)? Due(LocalDate expiresOn, LocalDate today)
    {
        if (expiresOn < today)
        {
            return null;
        }

        var daysLeft = Period.Between(today, expiresOn, PeriodUnits.Days).Days;
        var within = ThresholdDays.Where(t => daysLeft <= t).ToList();
        return within.Count == 0 ? null : (within.Min(), daysLeft);
    }
}
