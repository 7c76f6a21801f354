using FieldContracts.Administration.Deficiencies;
using NodaTime;

namespace FieldContracts.Administration.Insurance;

/// <summary>
/// A policy's dates as ACORD 25 prints them, and the one rule for what they cover. A policy period begins and ends at
/// 12:01 AM standard time at the insured's address, so the effective date is covered in full and the expiration date is
/// not: coverage runs from <see cref="Effective"/> through the day before <see cref="Expiration"/>. A policy printed
/// "07/01/2003 – 07/01/2004" covers June 30, 2004 and not July 1.
/// </summary>
public readonly record struct PolicyPeriod
{
    public PolicyPeriod(LocalDate effective, LocalDate expiration)
    {
        if (expiration <= effective)
        {
            throw new ArgumentException($"A policy expiring {expiration:yyyy-MM-dd} must start before it, not {effective:yyyy-MM-dd}.", nameof(expiration));
        }

        Effective = effective;
        Expiration = expiration;
    }

    /// <summary>"POLICY EFF": the first day covered.</summary>
    public LocalDate Effective { get; }

    /// <summary>"POLICY EXP": the day the policy ends at 12:01 AM, the first day not covered.</summary>
    public LocalDate Expiration { get; }

    /// <summary>The last day covered: the day before the expiration date.</summary>
    public LocalDate LastCoveredDay => LastCoveredDayFor(Expiration);

    /// <summary>The days covered, both ends inclusive.</summary>
    public DateInterval Covered => new(Effective, LastCoveredDay);

    /// <summary>The last day covered by a policy with expiration date <paramref name="expiration"/>.</summary>
    public static LocalDate LastCoveredDayFor(LocalDate expiration) => expiration.PlusDays(-1);

    public bool Covers(LocalDate day) => Covered.Contains(day);
}

/// <summary>Whether a liability policy pays claims for occurrences in its period, or claims first made in it.</summary>
public enum CoverageBasis
{
    Occurrence,
    ClaimsMade,
}

/// <summary>An insurer in the "INSURER(S) AFFORDING COVERAGE" box.</summary>
/// <param name="Letter">"A" to "F", as the coverage lines refer to it.</param>
/// <param name="Rating">Its Best's rating as the contractor stated it; null when none was given (it then fails any minimum).</param>
public sealed record Insurer(string Letter, string Name, string NaicNumber, BestRating? Rating);

/// <summary>A name and address on the certificate: the producer (agent or broker), the insured, or the certificate holder.</summary>
public sealed record CertificateParty(string Name, string Address);

/// <summary>One line of the "COVERAGES" table.</summary>
/// <param name="InsurerLetter">Which insurer on the certificate writes the policy.</param>
/// <param name="Limits">The limits shown, by <see cref="LimitNames"/>.</param>
/// <param name="Statutory">The "PER STATUTE" box (workers' compensation).</param>
/// <param name="AdditionalInsured">The "ADDL INSD" column: the certificate holder is an additional insured.</param>
/// <param name="WaiverOfSubrogation">The "SUBR WVD" column.</param>
/// <param name="ExtendedReportingEnds">For a claims-made policy, the last day claims may still be reported under an
/// extended reporting period; null when none is shown.</param>
public sealed record CertificateCoverage(
    string InsurerLetter,
    CoverageKind Kind,
    string PolicyNumber,
    PolicyPeriod Period,
    IReadOnlyDictionary<string, Money> Limits,
    bool Statutory,
    bool AdditionalInsured,
    bool WaiverOfSubrogation,
    CoverageBasis Basis,
    LocalDate? ExtendedReportingEnds = null)
{
    /// <summary>The amount shown for limit <paramref name="name"/>, letter case aside; null when not shown.</summary>
    public Money? Limit(string name) =>
        Limits.FirstOrDefault(l => string.Equals(l.Key, name, StringComparison.OrdinalIgnoreCase)) is { Key: not null } found ? found.Value : null;
}

/// <summary>A certificate's place in Purchasing's review.</summary>
public enum CertificateStatus
{
    /// <summary>Received from the contractor, not yet reviewed: it counts for nothing yet.</summary>
    Submitted,

    /// <summary>Purchasing accepted it: its coverages count toward compliance.</summary>
    Accepted,

    /// <summary>Purchasing rejected it, with a reason: it counts for nothing. Final; the contractor submits a new one.</summary>
    Rejected,
}

/// <summary>Why a step on a certificate is refused; a value, not an exception.</summary>
public abstract record CertificateRefusal(string Message)
{
    /// <summary>Only Purchasing accepts or rejects certificates.</summary>
    public sealed record NotPurchasing(Party Party) : CertificateRefusal($"Only Purchasing reviews insurance certificates, not {Party}.");

    /// <summary>The certificate was already accepted or rejected.</summary>
    public sealed record AlreadyReviewed(CertificateStatus Status) : CertificateRefusal($"The certificate was already {Status.ToString().ToLowerInvariant()}.");

    /// <summary>A rejection without its reason.</summary>
    public sealed record ReasonRequired() : CertificateRefusal("Say why the certificate is rejected.");

    /// <summary>The reviewer entered the certificate: someone else reviews it (segregation of duties).</summary>
    public sealed record OwnSubmission() : CertificateRefusal(
        "Nobody accepts or rejects a certificate they entered themselves: another member of Purchasing reviews it.");
}

/// <summary>
/// A certificate of insurance (ACORD 25) as the contractor submits it under special instruction 14, item 8, and
/// Purchasing's review of it. Only an accepted certificate counts; a rejected one counts for nothing.
/// </summary>
public sealed class InsuranceCertificate
{
    public InsuranceCertificate(
        Guid id,
        LocalDate issuedOn,
        CertificateParty producer,
        CertificateParty insured,
        IReadOnlyList<Insurer> insurers,
        IReadOnlyList<CertificateCoverage> coverages,
        string descriptionOfOperations,
        CertificateParty holder,
        int cancellationNoticeDays,
        LocalDate submittedOn)
    {
        ArgumentNullException.ThrowIfNull(insurers);
        ArgumentNullException.ThrowIfNull(coverages);
        Id = id;
        IssuedOn = issuedOn;
        Producer = producer;
        Insured = insured;
        Insurers = insurers;
        Coverages = coverages;
        DescriptionOfOperations = descriptionOfOperations;
        Holder = holder;
        CancellationNoticeDays = cancellationNoticeDays;
        SubmittedOn = submittedOn;
    }

    /// <summary>A certificate as it was kept, with Purchasing's review of it (for the data layer to restore).</summary>
    public static InsuranceCertificate Restore(
        Guid id,
        LocalDate issuedOn,
        CertificateParty producer,
        CertificateParty insured,
        IReadOnlyList<Insurer> insurers,
        IReadOnlyList<CertificateCoverage> coverages,
        string descriptionOfOperations,
        CertificateParty holder,
        int cancellationNoticeDays,
        LocalDate submittedOn,
        string submittedBy,
        CertificateStatus status,
        LocalDate? reviewedOn,
        string? rejectionReason) =>
        new(id, issuedOn, producer, insured, insurers, coverages, descriptionOfOperations, holder, cancellationNoticeDays, submittedOn)
        {
            SubmittedBy = submittedBy,
            Status = status,
            ReviewedOn = reviewedOn,
            RejectionReason = rejectionReason,
        };

    public Guid Id { get; }

    /// <summary>The certificate's "DATE (MM/DD/YYYY)".</summary>
    public LocalDate IssuedOn { get; }

    public CertificateParty Producer { get; }

    public CertificateParty Insured { get; }

    public IReadOnlyList<Insurer> Insurers { get; }

    public IReadOnlyList<CertificateCoverage> Coverages { get; }

    /// <summary>"DESCRIPTION OF OPERATIONS / LOCATIONS / VEHICLES", where the bid wants the additional insured wording.</summary>
    public string DescriptionOfOperations { get; }

    /// <summary>The certificate holder: the City.</summary>
    public CertificateParty Holder { get; }

    /// <summary>The calendar days of written notice of cancellation promised to the holder (by endorsement since 2009's form).</summary>
    public int CancellationNoticeDays { get; }

    public LocalDate SubmittedOn { get; }

    /// <summary>Who entered it (the contractor, or Purchasing for one received on paper); empty when not known.</summary>
    public string SubmittedBy { get; init; } = "";

    public CertificateStatus Status { get; private set; } = CertificateStatus.Submitted;

    public LocalDate? ReviewedOn { get; private set; }

    public string? RejectionReason { get; private set; }

    /// <summary>The insurer a coverage line names by letter, or null when the certificate lists none under that letter.</summary>
    public Insurer? InsurerOf(CertificateCoverage coverage) =>
        Insurers.FirstOrDefault(i => string.Equals(i.Letter, coverage.InsurerLetter, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Purchasing accepts the certificate; from then on its coverages count. <paramref name="reviewer"/>, the person who
    /// reviews it, may not be who entered it.
    /// </summary>
    public CertificateRefusal? Accept(Party by, string reviewer, LocalDate on)
    {
        var refusal = Review(by, reviewer);
        if (refusal is not null)
        {
            return refusal;
        }

        Status = CertificateStatus.Accepted;
        ReviewedOn = on;
        return null;
    }

    /// <summary>Purchasing rejects the certificate, saying why; it never counts. Refused to its submitter as <see cref="Accept"/>.</summary>
    public CertificateRefusal? Reject(Party by, string reviewer, LocalDate on, string? reason)
    {
        var refusal = Review(by, reviewer);
        if (refusal is not null)
        {
            return refusal;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return new CertificateRefusal.ReasonRequired();
        }

        Status = CertificateStatus.Rejected;
        ReviewedOn = on;
        RejectionReason = reason.Trim();
        return null;
    }

    private CertificateRefusal? Review(Party by, string reviewer)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reviewer);
        return by != Party.Purchasing ? new CertificateRefusal.NotPurchasing(by)
            : Status != CertificateStatus.Submitted ? new CertificateRefusal.AlreadyReviewed(Status)
            : string.Equals(reviewer.Trim(), SubmittedBy.Trim(), StringComparison.OrdinalIgnoreCase) ? new CertificateRefusal.OwnSubmission()
            : null;
    }
}
