using FieldContracts.Administration.Insurance;
using NodaTime;

namespace FieldContracts.Web.Features.Insurance;

public sealed record RequiredLimitView(string Name, decimal Amount);

public sealed record CoverageRequirementView(
    CoverageKind Kind,
    string Words,
    IReadOnlyList<RequiredLimitView> Limits,
    bool Statutory,
    bool CityAdditionalInsured,
    int? ClaimsMadeTailYears,
    string Summary);

/// <summary>The contract's insurance requirements; <c>isSet</c> false (and nothing else) when none are stored.</summary>
public sealed record RequirementsView(
    string ContractNumber,
    bool IsSet,
    string Summary,
    IReadOnlyList<CoverageRequirementView> Coverages,
    string? MinimumRating,
    int? NoticeOfCancellationDays,
    int? CertificateDueDays,
    bool? LapseOpensCase,
    LocalDate TermStart,
    LocalDate TermEnd,
    string? ChangedBy);

public sealed record InsurerView(string Letter, string Name, string NaicNumber, string? Rating);

public sealed record PartyView(string Name, string Address);

public sealed record LimitView(string Name, decimal Amount);

/// <summary>A line of the certificate; <c>lastCoveredDay</c> is the day before the printed expiration.</summary>
public sealed record CoverageLineView(
    string InsurerLetter,
    CoverageKind Kind,
    string KindWords,
    string PolicyNumber,
    LocalDate Effective,
    LocalDate Expiration,
    LocalDate LastCoveredDay,
    IReadOnlyList<LimitView> Limits,
    bool Statutory,
    bool AdditionalInsured,
    bool WaiverOfSubrogation,
    CoverageBasis Basis,
    LocalDate? ExtendedReportingEnds);

/// <summary>What the check would find of one line of a certificate were it accepted, on the line's first day.</summary>
public sealed record LineCheckView(string PolicyNumber, CoverageKind Kind, string KindWords, bool Required, bool Meets, IReadOnlyList<string> Reasons);

public sealed record CertificateSummaryView(
    Guid Id,
    LocalDate IssuedOn,
    string InsuredName,
    string ProducerName,
    Guid? SubcontractRequestId,
    string? SubcontractorName,
    IReadOnlyList<string> Kinds,
    LocalDate? EarliestExpiration,
    CertificateStatus Status,
    string StatusWords,
    LocalDate SubmittedOn,
    string SubmittedBy,
    bool IsSample);

public sealed record CertificateView(
    Guid Id,
    string ContractNumber,
    Guid? SubcontractRequestId,
    string? SubcontractorName,
    LocalDate IssuedOn,
    PartyView Producer,
    PartyView Insured,
    IReadOnlyList<InsurerView> Insurers,
    IReadOnlyList<CoverageLineView> Coverages,
    string DescriptionOfOperations,
    PartyView Holder,
    int CancellationNoticeDays,
    LocalDate SubmittedOn,
    string SubmittedBy,
    CertificateStatus Status,
    string StatusWords,
    LocalDate? ReviewedOn,
    string? ReviewedBy,
    string? RejectionReason,
    string DocumentFileName,
    long DocumentLength,
    string DocumentSha256,
    string DocumentUrl,
    bool IsSample,
    int Version,
    IReadOnlyList<LineCheckView> Checks);

/// <summary>One finding of the check: its kind ("Met", "Missing", "BelowLimit", "Expired", "RatingTooLow", …) and the reason in words.</summary>
public sealed record FindingView(string Kind, string Reason);

public sealed record RequirementStandingView(CoverageKind Kind, string KindWords, bool Met, IReadOnlyList<FindingView> Findings);

public sealed record IntervalView(LocalDate From, LocalDate To, int Days);

public sealed record TimelineView(CoverageKind Kind, string KindWords, IReadOnlyList<IntervalView> Covered, IReadOnlyList<IntervalView> Gaps);

/// <summary>The standing of one insured: the contractor itself, or an approved sub-contractor (by its request).</summary>
public sealed record InsuredStandingView(
    string Insured,
    Guid? SubcontractRequestId,
    bool AllMet,
    IReadOnlyList<RequirementStandingView> Requirements,
    IReadOnlyList<TimelineView> Timeline);

/// <summary>
/// The contract's insurance standing on a day: each requirement met or not with the reasons in words, and over the term
/// the days covered and the gaps, for the contractor and for each approved sub-contractor.
/// </summary>
public sealed record ComplianceView(
    string ContractNumber,
    LocalDate On,
    bool RequirementsSet,
    bool AllMet,
    string Summary,
    LocalDate TermStart,
    LocalDate TermEnd,
    InsuredStandingView? Contractor,
    IReadOnlyList<InsuredStandingView> Subcontractors);

/// <summary>What the standing partial shows: one insured's standing on a day and its timeline over the term.</summary>
public sealed record StandingPanel(InsuredStandingView Standing, LocalDate TermStart, LocalDate TermEnd, LocalDate On, string TestId)
{
    private int TermDays => Period.Between(TermStart, TermEnd, PeriodUnits.Days).Days + 1;

    /// <summary>Where an interval starts along the bar, and how wide it is, in percent of the term.</summary>
    public (string Left, string Width) Position(IntervalView interval)
    {
        var left = 100.0 * Period.Between(TermStart, interval.From, PeriodUnits.Days).Days / TermDays;
        var width = 100.0 * interval.Days / TermDays;
        return (left.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture),
            width.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture));
    }
}
