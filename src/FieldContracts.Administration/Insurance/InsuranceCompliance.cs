using NodaTime;

namespace FieldContracts.Administration.Insurance;

/// <summary>What the check found for one requirement, with the reason in words for Purchasing and the contractor.</summary>
public abstract record ComplianceFinding(string Reason)
{
    /// <summary>An accepted certificate shows the line in force on the day and as the contract asks.</summary>
    public sealed record Met(Guid CertificateId, string PolicyNumber, LocalDate LastCoveredDay)
        : ComplianceFinding($"Policy {PolicyNumber} meets the requirement through {LastCoveredDay:MMMM d, yyyy}.");

    /// <summary>No accepted certificate shows the line at all.</summary>
    public sealed record Missing(CoverageKind Kind) : ComplianceFinding($"No accepted certificate shows {CoverageNames.Of(Kind).ToLowerInvariant()}.");

    /// <summary>A limit is not shown, or shown below the contract's; for a statutory line, the "per statute" box is not checked.</summary>
    public sealed record BelowLimit(string PolicyNumber, string Limit, Money? Required, Money? Shown) : ComplianceFinding(
        Required is null ? $"Policy {PolicyNumber} does not show {Limit.ToLowerInvariant()} limits."
        : Shown is null ? $"Policy {PolicyNumber} shows no {Limit.ToLowerInvariant()} limit; {Required} is required."
        : $"Policy {PolicyNumber}'s {Limit.ToLowerInvariant()} is {Shown}; {Required} is required.");

    /// <summary>The latest policy shown ended before the day.</summary>
    public sealed record Expired(string PolicyNumber, LocalDate LastCoveredDay)
        : ComplianceFinding($"Policy {PolicyNumber} covered through {LastCoveredDay:MMMM d, yyyy} only.");

    /// <summary>The policy shown starts after the day.</summary>
    public sealed record NotYetEffective(string PolicyNumber, LocalDate Effective)
        : ComplianceFinding($"Policy {PolicyNumber} does not take effect until {Effective:MMMM d, yyyy}.");

    /// <summary>The insurer's Best's rating is below the minimum in grade or in size class, or not given.</summary>
    public sealed record RatingTooLow(string PolicyNumber, string Insurer, BestRating? Rating, BestRating Minimum) : ComplianceFinding(
        Rating is null ? $"No Best's rating is shown for {Insurer}, writing policy {PolicyNumber}; {Minimum} or better is required."
        : $"{Insurer}, writing policy {PolicyNumber}, is rated {Rating}; {Minimum} or better is required (grade and size class each).");

    /// <summary>The City is not shown as an additional insured on a line that needs it.</summary>
    public sealed record AdditionalInsuredMissing(string PolicyNumber)
        : ComplianceFinding($"Policy {PolicyNumber} does not name the City of Hartford as an additional insured.");

    /// <summary>A claims-made policy without extended reporting long enough after the term.</summary>
    public sealed record ClaimsMadeWithoutTail(string PolicyNumber, LocalDate RequiredThrough, LocalDate? ShownThrough) : ComplianceFinding(
        ShownThrough is null ? $"Policy {PolicyNumber} is claims-made with no extended reporting; reporting through {RequiredThrough:MMMM d, yyyy} is required."
        : $"Policy {PolicyNumber} is claims-made with reporting through {ShownThrough:MMMM d, yyyy}; through {RequiredThrough:MMMM d, yyyy} is required.");

    /// <summary>The certificate promises fewer days' notice of cancellation than the contract asks.</summary>
    public sealed record CancellationNoticeTooShort(Guid CertificateId, int Shown, int Required)
        : ComplianceFinding($"The certificate promises {Shown} days' notice of cancellation; {Required} are required.");
}

/// <summary>One requirement and what the check found: either a single <see cref="ComplianceFinding.Met"/> or the problems.</summary>
public sealed record RequirementCompliance(CoverageRequirement Requirement, IReadOnlyList<ComplianceFinding> Findings)
{
    public bool IsMet => Findings is [ComplianceFinding.Met];
}

/// <summary>One requirement over a span of days: the days adequate accepted coverage was in force, and the days it was not.</summary>
/// <param name="Covered">Disjoint, in order, adjoining intervals merged; both ends inclusive.</param>
/// <param name="Gaps">The days of the span not covered, in order; both ends inclusive.</param>
public sealed record CoverageTimeline(CoverageRequirement Requirement, IReadOnlyList<DateInterval> Covered, IReadOnlyList<DateInterval> Gaps);

/// <summary>
/// Whether the contractor's insurance meets the contract (special instruction 14 for #2685). Only accepted certificates
/// count. A coverage line is adequate when its insurer meets the least Best's rating, every required limit is shown at
/// least at its amount (each limit on its own: 100k/100k/500k is three checks), the "per statute" box is checked where
/// limits are statutory, the City is an additional insured where required, a claims-made policy has the required tail,
/// and its certificate promises the required notice of cancellation. Its days are those of <see cref="PolicyPeriod"/>.
/// </summary>
public static class InsuranceCompliance
{
    /// <summary>
    /// Each requirement on <paramref name="day"/>. Met when any accepted line of that kind in force on the day is
    /// adequate. Otherwise the problems of the line that comes closest: one in force (all its problems), else the next one
    /// to start (not yet effective), else the last one to end (expired), else missing.
    /// </summary>
    public static IReadOnlyList<RequirementCompliance> On(InsuranceRequirements requirements, IReadOnlyList<InsuranceCertificate> certificates, LocalDate day)
    {
        ArgumentNullException.ThrowIfNull(requirements);
        ArgumentNullException.ThrowIfNull(certificates);
        return requirements.Coverages.Select(r => new RequirementCompliance(r, Check(requirements, r, certificates, day))).ToList();
    }

    /// <summary>
    /// For each requirement, the days within <paramref name="term"/> that adequate accepted coverage was in force and the
    /// gaps between.
    /// </summary>
    public static IReadOnlyList<CoverageTimeline> Timeline(InsuranceRequirements requirements, IReadOnlyList<InsuranceCertificate> certificates, DateInterval term)
    {
        ArgumentNullException.ThrowIfNull(requirements);
        ArgumentNullException.ThrowIfNull(certificates);
        ArgumentNullException.ThrowIfNull(term);
        return requirements.Coverages.Select(r =>
        {
            var covered = Merge(Adequate(requirements, r, certificates).Select(x => x.Coverage.Period.Covered).Select(i => Clip(i, term)).OfType<DateInterval>());
            return new CoverageTimeline(r, covered, Gaps(covered, term));
        }).ToList();
    }

    /// <summary>Whether adequate accepted coverage for <paramref name="requirement"/> is in force on <paramref name="day"/>.</summary>
    public static bool IsCovered(InsuranceRequirements requirements, CoverageRequirement requirement, IReadOnlyList<InsuranceCertificate> certificates, LocalDate day) =>
        Adequate(requirements, requirement, certificates).Any(x => x.Coverage.Period.Covers(day));

    /// <summary>The accepted lines of the requirement's kind with nothing wrong but, perhaps, their dates.</summary>
    internal static IEnumerable<(InsuranceCertificate Certificate, CertificateCoverage Coverage)> Adequate(
        InsuranceRequirements requirements, CoverageRequirement requirement, IReadOnlyList<InsuranceCertificate> certificates) =>
        Lines(requirement, certificates).Where(x => Problems(requirements, requirement, x.Certificate, x.Coverage).Count == 0);

    private static IEnumerable<(InsuranceCertificate Certificate, CertificateCoverage Coverage)> Lines(CoverageRequirement requirement, IReadOnlyList<InsuranceCertificate> certificates) =>
        certificates.Where(c => c.Status == CertificateStatus.Accepted)
            .SelectMany(c => c.Coverages.Where(l => l.Kind == requirement.Kind).Select(l => (Certificate: c, Coverage: l)));

    private static IReadOnlyList<ComplianceFinding> Check(InsuranceRequirements requirements, CoverageRequirement requirement, IReadOnlyList<InsuranceCertificate> certificates, LocalDate day)
    {
        var lines = Lines(requirement, certificates).ToList();
        if (lines.Count == 0)
        {
            return [new ComplianceFinding.Missing(requirement.Kind)];
        }

        var inForce = lines.Where(x => x.Coverage.Period.Covers(day)).Select(x => (x.Certificate, x.Coverage, Problems: Problems(requirements, requirement, x.Certificate, x.Coverage))).ToList();
        if (inForce.FirstOrDefault(x => x.Problems.Count == 0) is { Coverage: not null } good)
        {
            return [new ComplianceFinding.Met(good.Certificate.Id, good.Coverage.PolicyNumber, good.Coverage.Period.LastCoveredDay)];
        }

        if (inForce.Count > 0)
        {
            return inForce.MinBy(x => x.Problems.Count).Problems;
        }

        var next = lines.Where(x => x.Coverage.Period.Effective > day).OrderBy(x => x.Coverage.Period.Effective).FirstOrDefault();
        if (next.Coverage is not null)
        {
            return [new ComplianceFinding.NotYetEffective(next.Coverage.PolicyNumber, next.Coverage.Period.Effective)];
        }

        var latest = lines.MaxBy(x => x.Coverage.Period.LastCoveredDay);
        return [new ComplianceFinding.Expired(latest.Coverage.PolicyNumber, latest.Coverage.Period.LastCoveredDay)];
    }

    private static List<ComplianceFinding> Problems(InsuranceRequirements requirements, CoverageRequirement requirement, InsuranceCertificate certificate, CertificateCoverage line)
    {
        var problems = new List<ComplianceFinding>();
        var insurer = certificate.InsurerOf(line);
        if (insurer?.Rating is not { } rating || !rating.Meets(requirements.MinimumRating))
        {
            problems.Add(new ComplianceFinding.RatingTooLow(line.PolicyNumber, insurer?.Name ?? $"insurer {line.InsurerLetter}", insurer?.Rating, requirements.MinimumRating));
        }

        foreach (var limit in requirement.Limits)
        {
            var shown = line.Limit(limit.Name);
            if (shown is null || shown.Value < limit.Minimum)
            {
                problems.Add(new ComplianceFinding.BelowLimit(line.PolicyNumber, limit.Name, limit.Minimum, shown));
            }
        }

        if (requirement.Statutory && !line.Statutory)
        {
            problems.Add(new ComplianceFinding.BelowLimit(line.PolicyNumber, "Statutory", null, null));
        }

        if (requirement.CityAdditionalInsured && !line.AdditionalInsured)
        {
            problems.Add(new ComplianceFinding.AdditionalInsuredMissing(line.PolicyNumber));
        }

        if (requirement.ClaimsMadeTailYears is { } years && line.Basis == CoverageBasis.ClaimsMade)
        {
            var through = requirements.Term.End.PlusYears(years);
            if (line.ExtendedReportingEnds is not { } ends || ends < through)
            {
                problems.Add(new ComplianceFinding.ClaimsMadeWithoutTail(line.PolicyNumber, through, line.ExtendedReportingEnds));
            }
        }

        if (certificate.CancellationNoticeDays < requirements.NoticeOfCancellationDays)
        {
            problems.Add(new ComplianceFinding.CancellationNoticeTooShort(certificate.Id, certificate.CancellationNoticeDays, requirements.NoticeOfCancellationDays));
        }

        return problems;
    }

    private static DateInterval? Clip(DateInterval interval, DateInterval span)
    {
        var start = interval.Start > span.Start ? interval.Start : span.Start;
        var end = interval.End < span.End ? interval.End : span.End;
        return start <= end ? new DateInterval(start, end) : null;
    }

    private static List<DateInterval> Merge(IEnumerable<DateInterval> intervals)
    {
        var merged = new List<DateInterval>();
        foreach (var next in intervals.OrderBy(i => i.Start))
        {
            if (merged.Count > 0 && next.Start <= merged[^1].End.PlusDays(1))
            {
                var last = merged[^1];
                merged[^1] = new DateInterval(last.Start, next.End > last.End ? next.End : last.End);
            }
            else
            {
                merged.Add(next);
            }
        }

        return merged;
    }

    private static List<DateInterval> Gaps(IReadOnlyList<DateInterval> covered, DateInterval span)
    {
        var gaps = new List<DateInterval>();
        var from = span.Start;
        foreach (var interval in covered)
        {
            if (interval.Start > from)
            {
                gaps.Add(new DateInterval(from, interval.Start.PlusDays(-1)));
            }

            from = interval.End.PlusDays(1);
        }

        if (from <= span.End)
        {
            gaps.Add(new DateInterval(from, span.End));
        }

        return gaps;
    }
}
