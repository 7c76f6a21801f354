using FieldContracts.Administration;
using FieldContracts.Administration.Insurance;
using FieldContracts.Administration.Licences;
using NodaTime;

namespace FieldContracts.Data.Compliance;

/// <summary>
/// A contract's insurance requirements as contract data (special instruction 14 for #2685; another contract can differ),
/// and what a lapse does under it. The term is the contract's, so it is not kept here.
/// </summary>
public sealed class InsuranceRequirementsRecord
{
    public Guid ContractId { get; set; }

    public List<CoverageRequirement> Coverages { get; set; } = [];

    /// <summary>The least Best's rating, as Best's writes it ("A- VIII").</summary>
    public string MinimumRating { get; set; } = "";

    public int NoticeOfCancellationDays { get; set; }

    public int CertificateDueDays { get; set; }

    /// <summary>Whether a lapse without replacement opens a performance case (instruction 14, item 11: "may be considered a default").</summary>
    public bool LapseOpensCase { get; set; }

    public string ChangedBy { get; set; } = "";

    public Instant ChangedAt { get; set; }

    /// <summary>The requirements over the contract's <paramref name="term"/>.</summary>
    public InsuranceRequirements ToRequirements(DateInterval term) =>
        new(term, Coverages, BestRating.Parse(MinimumRating).Rating ?? throw new InvalidOperationException($"Stored rating \"{MinimumRating}\" does not read."),
            NoticeOfCancellationDays, CertificateDueDays);

    public static InsuranceRequirementsRecord Of(Guid contractId, InsuranceRequirements requirements, bool lapseOpensCase, string by, Instant at) => new()
    {
        ContractId = contractId,
        Coverages = requirements.Coverages.ToList(),
        MinimumRating = requirements.MinimumRating.ToString(),
        NoticeOfCancellationDays = requirements.NoticeOfCancellationDays,
        CertificateDueDays = requirements.CertificateDueDays,
        LapseOpensCase = lapseOpensCase,
        ChangedBy = by,
        ChangedAt = at,
    };
}

/// <summary>
/// A certificate of insurance (ACORD 25) as submitted, with the PDF of it and its endorsements (kept in the document
/// store under its SHA-256), and Purchasing's review. The contractor's own, or an approved sub-contractor's.
/// </summary>
public sealed class InsuranceCertificateRecord
{
    public Guid Id { get; set; }

    public Guid ContractId { get; set; }

    /// <summary>The sub-contract request whose sub-contractor it insures; null for the contractor's own.</summary>
    public Guid? SubcontractRequestId { get; set; }

    public LocalDate IssuedOn { get; set; }

    public string ProducerName { get; set; } = "";

    public string ProducerAddress { get; set; } = "";

    public string InsuredName { get; set; } = "";

    public string InsuredAddress { get; set; } = "";

    public string HolderName { get; set; } = "";

    public string HolderAddress { get; set; } = "";

    public string DescriptionOfOperations { get; set; } = "";

    public int CancellationNoticeDays { get; set; }

    public List<Insurer> Insurers { get; set; } = [];

    public List<CertificateCoverage> Coverages { get; set; } = [];

    public LocalDate SubmittedOn { get; set; }

    public string SubmittedBy { get; set; } = "";

    public Instant SubmittedAt { get; set; }

    public CertificateStatus Status { get; set; }

    public LocalDate? ReviewedOn { get; set; }

    public string? ReviewedBy { get; set; }

    public string? RejectionReason { get; set; }

    public string DocumentFileName { get; set; } = "";

    public string DocumentContentType { get; set; } = "";

    public string DocumentSha256 { get; set; } = "";

    public long DocumentLength { get; set; }

    /// <summary>Demo data, labelled as a sample wherever it is shown.</summary>
    public bool IsSample { get; set; }

    /// <summary>Bumped by every review: of two reviews at once, the second finds it changed and is refused.</summary>
    public int Version { get; set; }

    public InsuranceCertificate ToCertificate() => InsuranceCertificate.Restore(
        Id, IssuedOn, new CertificateParty(ProducerName, ProducerAddress), new CertificateParty(InsuredName, InsuredAddress), Insurers, Coverages,
        DescriptionOfOperations, new CertificateParty(HolderName, HolderAddress), CancellationNoticeDays, SubmittedOn, SubmittedBy, Status, ReviewedOn,
        RejectionReason);

    /// <summary>Takes the review state of <paramref name="certificate"/> after a step on it.</summary>
    public void Take(InsuranceCertificate certificate, string reviewedBy)
    {
        Status = certificate.Status;
        ReviewedOn = certificate.ReviewedOn;
        RejectionReason = certificate.RejectionReason;
        ReviewedBy = reviewedBy;
        Version++;
    }

    /// <summary>A record of a certificate as submitted (status Submitted), with its document.</summary>
    public static InsuranceCertificateRecord Of(Guid contractId, Guid? subcontractRequestId, InsuranceCertificate c, string submittedBy,
        Instant submittedAt, string fileName, string contentType, string sha256, long length) => new()
    {
        Id = c.Id,
        ContractId = contractId,
        SubcontractRequestId = subcontractRequestId,
        IssuedOn = c.IssuedOn,
        ProducerName = c.Producer.Name,
        ProducerAddress = c.Producer.Address,
        InsuredName = c.Insured.Name,
        InsuredAddress = c.Insured.Address,
        HolderName = c.Holder.Name,
        HolderAddress = c.Holder.Address,
        DescriptionOfOperations = c.DescriptionOfOperations,
        CancellationNoticeDays = c.CancellationNoticeDays,
        Insurers = c.Insurers.ToList(),
        Coverages = c.Coverages.ToList(),
        SubmittedOn = c.SubmittedOn,
        SubmittedBy = submittedBy,
        SubmittedAt = submittedAt,
        Status = c.Status,
        ReviewedOn = c.ReviewedOn,
        RejectionReason = c.RejectionReason,
        DocumentFileName = fileName,
        DocumentContentType = contentType,
        DocumentSha256 = sha256,
        DocumentLength = length,
    };
}

/// <summary>
/// A licence in the contractor's register (spec V: "proper licenses for the application of chemicals, irrigation work
/// and a supervisor license"), as on the copy supplied, with the scan of it when one was attached.
/// </summary>
public sealed class LicenceRecord
{
    public Guid Id { get; set; }

    public Guid ContractorId { get; set; }

    /// <summary>Who holds it: a named person, or the firm (<see cref="HolderIsFirm"/>).</summary>
    public string Holder { get; set; } = "";

    public bool HolderIsFirm { get; set; }

    public LicenceKind Kind { get; set; }

    /// <summary>The pesticide category ("3A turf"); null for kinds without one.</summary>
    public string? Category { get; set; }

    public string Number { get; set; } = "";

    /// <summary>Who issued it ("CT DEEP").</summary>
    public string Issuer { get; set; } = "";

    /// <summary>First day it is valid.</summary>
    public LocalDate IssuedOn { get; set; }

    /// <summary>Last day it is valid.</summary>
    public LocalDate ExpiresOn { get; set; }

    /// <summary>Where its expiry reminders go.</summary>
    public string ReminderEmail { get; set; } = "";

    public string? ScanFileName { get; set; }

    public string? ScanContentType { get; set; }

    public string? ScanSha256 { get; set; }

    public long? ScanLength { get; set; }

    /// <summary>Demo data, labelled as a sample wherever it is shown.</summary>
    public bool IsSample { get; set; }

    public string AddedBy { get; set; } = "";

    public Instant AddedAt { get; set; }

    /// <summary>A register row of <paramref name="licence"/>, entered through <see cref="Licence.Enter"/>; the scan, if any, is set after.</summary>
    public static LicenceRecord Of(Guid contractorId, Licence licence, string reminderEmail, string addedBy, Instant addedAt) => new()
    {
        Id = Guid.CreateVersion7(),
        ContractorId = contractorId,
        Holder = licence.Holder.Name,
        HolderIsFirm = licence.Holder.IsFirm,
        Kind = licence.Kind,
        Category = licence.Category,
        Number = licence.Number,
        Issuer = licence.Issuer,
        IssuedOn = licence.IssuedOn,
        ExpiresOn = licence.ExpiresOn,
        ReminderEmail = reminderEmail,
        AddedBy = addedBy,
        AddedAt = addedAt,
    };

    public LicenceHolder ToHolder() =>
        HolderIsFirm ? LicenceHolder.Firm(Holder) : LicenceHolder.Person(Holder);

    /// <summary>The register's licence; every stored row was entered through <see cref="Licence.Enter"/>.</summary>
    public Licence ToLicence() =>
        Licence.Enter(ToHolder(), Kind, Category, Number, Issuer, IssuedOn, ExpiresOn).Licence
        ?? throw new InvalidOperationException($"Stored licence {Id} does not meet the register's rules.");
}
