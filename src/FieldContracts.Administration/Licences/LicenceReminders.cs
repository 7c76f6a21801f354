using NodaTime;

namespace FieldContracts.Administration.Licences;

/// <summary>
/// When a licence (spec V: "proper licenses for the application of chemicals, irrigation work and a supervisor
/// license") is due a reminder: at <see cref="ExpiryReminders"/>' thresholds (60, 30, 15 and 1 days), counted to its
/// expiry day, which is its last valid day. An expired one gets none (it is a deficiency, not a reminder).
/// </summary>
public static class LicenceReminders
{
    /// <summary>Days before expiry at which a reminder goes out, the earliest first.</summary>
    public static IReadOnlyList<int> ThresholdDays => ExpiryReminders.ThresholdDays;

    /// <summary>The furthest expiry a pass on <paramref name="today"/> needs to look at.</summary>
    public static LocalDate Horizon(LocalDate today) => ExpiryReminders.Horizon(today);

    /// <summary>The reminder a licence expiring on <paramref name="expiresOn"/> is due on <paramref name="today"/>, or null.</summary>
    /// <returns>The threshold reached and the days left to the expiry day.</returns>
    public static (int Threshold, int DaysLeft)? Due(LocalDate expiresOn, LocalDate today) => ExpiryReminders.Due(expiresOn, today);

    /// <summary>
    /// The outbox key of a reminder, the same on every pass: <c>licence:{id}:{expiry}:{threshold}</c>. A renewal entered
    /// with a new expiry starts its own reminders.
    /// </summary>
    public static string Key(Guid licenceId, LocalDate expiresOn, int threshold) => $"licence:{licenceId:N}:{expiresOn:yyyy-MM-dd}:{threshold}";
}
