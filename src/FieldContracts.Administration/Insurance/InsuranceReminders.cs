using NodaTime;

namespace FieldContracts.Administration.Insurance;

/// <summary>A reminder that a coverage line is running out; <see cref="Key"/> is the same on every pass, so an outbox sends it once.</summary>
/// <param name="Threshold">The threshold reached: 60, 30, 15 or 1 days before the last covered day.</param>
/// <param name="DaysLeft">Days from today to the last covered day.</param>
public sealed record InsuranceReminder(Guid CertificateId, CoverageKind Kind, string PolicyNumber, LocalDate LastCoveredDay, int Threshold, int DaysLeft)
{
    public string Key => InsuranceReminders.Key(CertificateId, Kind, Threshold);
}

/// <summary>
/// A requirement left without adequate accepted coverage from today, having had it yesterday: under instruction 14,
/// item 11, "cancellation or other termination of insurance policies … without immediate replacement thereof, may be
/// considered a default".
/// </summary>
public sealed record InsuranceLapse(CoverageRequirement Requirement, LocalDate LastCoveredDay, LocalDate LapsedOn)
{
    /// <summary>The same on every pass of the same day, so an outbox records the lapse once.</summary>
    public string Key => $"insurance-lapse:{Requirement.Kind}:{LapsedOn:yyyy-MM-dd}";
}

/// <summary>
/// When the contractor and Purchasing hear that insurance is running out (at <see cref="ExpiryReminders"/>' thresholds)
/// and when it has run out. Days count to the last covered day, the day before the
/// policy's expiration date (<see cref="PolicyPeriod"/>).
/// </summary>
public static class InsuranceReminders
{
    /// <summary>Days before the last covered day at which a reminder goes out, the earliest first (<see cref="ExpiryReminders"/>).</summary>
    public static IReadOnlyList<int> ThresholdDays => ExpiryReminders.ThresholdDays;

    /// <summary>The outbox key of a reminder: <c>insurance:{certificateId}:{kind}:{threshold}</c>.</summary>
    public static string Key(Guid certificateId, CoverageKind kind, int threshold) => $"insurance:{certificateId}:{kind}:{threshold}";

    /// <summary>
    /// The threshold a policy with expiration date <paramref name="expiresOn"/> (as ACORD prints it) has reached on
    /// <paramref name="today"/>, and the days left to its last covered day; null before the first threshold and after the
    /// last covered day. A day's pass that was missed is caught up the next day under the same threshold, and so the same key.
    /// </summary>
    public static (int Threshold, int DaysLeft)? Due(LocalDate expiresOn, LocalDate today) =>
        ExpiryReminders.Due(PolicyPeriod.LastCoveredDayFor(expiresOn), today);

    /// <summary>
    /// The reminders due on <paramref name="today"/> for the accepted certificates' lines of the required kinds, leaving out
    /// a line already continued: an adequate accepted line of the same kind covers the day after its last covered day.
    /// </summary>
    public static IReadOnlyList<InsuranceReminder> DueFor(InsuranceRequirements requirements, IReadOnlyList<InsuranceCertificate> certificates, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(requirements);
        ArgumentNullException.ThrowIfNull(certificates);
        var reminders = new List<InsuranceReminder>();
        foreach (var requirement in requirements.Coverages)
        {
            foreach (var (certificate, line) in InsuranceCompliance.Adequate(requirements, requirement, certificates))
            {
                if (Due(line.Period.Expiration, today) is not { } due
                    || InsuranceCompliance.IsCovered(requirements, requirement, certificates, line.Period.Expiration))
                {
                    continue;
                }

                reminders.Add(new InsuranceReminder(certificate.Id, line.Kind, line.PolicyNumber, line.Period.LastCoveredDay, due.Threshold, due.DaysLeft));
            }
        }

        return reminders;
    }

    /// <summary>
    /// The requirements that lapse on <paramref name="today"/>: adequate accepted coverage was in force yesterday and
    /// nothing accepted covers today. Only within the contract's term.
    /// </summary>
    public static IReadOnlyList<InsuranceLapse> Lapses(InsuranceRequirements requirements, IReadOnlyList<InsuranceCertificate> certificates, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(requirements);
        ArgumentNullException.ThrowIfNull(certificates);
        if (!requirements.Term.Contains(today))
        {
            return [];
        }

        var yesterday = today.PlusDays(-1);
        return requirements.Coverages
            .Where(r => InsuranceCompliance.IsCovered(requirements, r, certificates, yesterday) && !InsuranceCompliance.IsCovered(requirements, r, certificates, today))
            .Select(r => new InsuranceLapse(r, yesterday, today))
            .ToList();
    }

    /// <summary>
    /// The requirements uncovered on <paramref name="today"/> that lapsed within the term on or before it: adequate
    /// accepted coverage was in force on some earlier day of the term, and nothing accepted covers any day since. Each
    /// is the lapse <see cref="Lapses"/> found on the day it happened, with the same <see cref="InsuranceLapse.Key"/>:
    /// a daily pass that missed that day still finds it, and finds it once. A gap already closed by a replacement is
    /// not found here.
    /// </summary>
    public static IReadOnlyList<InsuranceLapse> LapsedBy(InsuranceRequirements requirements, IReadOnlyList<InsuranceCertificate> certificates, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(requirements);
        ArgumentNullException.ThrowIfNull(certificates);
        if (!requirements.Term.Contains(today))
        {
            return [];
        }

        var lapses = new List<InsuranceLapse>();
        foreach (var requirement in requirements.Coverages.Where(r => !InsuranceCompliance.IsCovered(requirements, r, certificates, today)))
        {
            // Nothing covers today, so the latest covered day before it is the latest last covered day before it.
            var ended = InsuranceCompliance.Adequate(requirements, requirement, certificates)
                .Select(x => x.Coverage.Period.LastCoveredDay)
                .Where(d => d < today && d.PlusDays(1) >= requirements.Term.Start)
                .ToList();
            if (ended.Count > 0)
            {
                var lastCovered = ended.Max();
                lapses.Add(new InsuranceLapse(requirement, lastCovered, lastCovered.PlusDays(1)));
            }
        }

        return lapses;
    }
}
