using FieldContracts.Administration.Insurance;
using NodaTime;

namespace FieldContracts.Web.Features.Insurance;

/// <summary>A limit by its name (one of <see cref="LimitNames"/>) and amount in dollars.</summary>
public sealed record LimitRequest(string? Name, decimal? Amount);

/// <summary>One required line: its kind, limits, whether statutory, whether the City is an additional insured, and a claims-made tail in years.</summary>
public sealed record CoverageRequirementRequest(
    CoverageKind? Kind,
    IReadOnlyList<LimitRequest>? Limits,
    bool? Statutory,
    bool? CityAdditionalInsured,
    int? ClaimsMadeTailYears);

/// <summary>A contract's insurance requirements as Purchasing sets them; the least Best's rating as text ("A- VIII").</summary>
public sealed record RequirementsRequest(
    IReadOnlyList<CoverageRequirementRequest>? Coverages,
    string? MinimumRating,
    int? NoticeOfCancellationDays,
    int? CertificateDueDays,
    bool? LapseOpensCase);

/// <summary>A name and address on the certificate.</summary>
public sealed record PartyRequest(string? Name, string? Address);

/// <summary>An insurer of the "INSURER(S) AFFORDING COVERAGE" box: letter A–F, name, NAIC number, Best's rating as text.</summary>
public sealed record InsurerRequest(string? Letter, string? Name, string? NaicNumber, string? Rating);

/// <summary>
/// A line of the certificate's "COVERAGES" table: the insurer's letter, the kind, the policy number, the dates as printed
/// (the expiration date is the first day not covered), the limits by name in dollars, the boxes.
/// </summary>
public sealed record CoverageLineRequest(
    string? InsurerLetter,
    CoverageKind? Kind,
    string? PolicyNumber,
    LocalDate? Effective,
    LocalDate? Expiration,
    IReadOnlyDictionary<string, decimal>? Limits,
    bool? Statutory,
    bool? AdditionalInsured,
    bool? WaiverOfSubrogation,
    CoverageBasis? Basis,
    LocalDate? ExtendedReportingEnds);

/// <summary>
/// A certificate of insurance (ACORD 25) as submitted: the JSON part <c>certificate</c> of the multipart request, beside
/// the PDF in the part <c>document</c>. <c>subcontractRequestId</c> names an approved sub-contractor whose certificate it is.
/// </summary>
public sealed record CertificateRequest(
    LocalDate? IssuedOn,
    PartyRequest? Producer,
    PartyRequest? Insured,
    IReadOnlyList<InsurerRequest>? Insurers,
    IReadOnlyList<CoverageLineRequest>? Coverages,
    string? DescriptionOfOperations,
    PartyRequest? Holder,
    int? CancellationNoticeDays,
    Guid? SubcontractRequestId);

/// <summary>Purchasing's review: the reason (required to reject), and the version it read, to refuse a review of a changed certificate.</summary>
public sealed record CertificateReviewRequest(string? Reason, int? Version);
