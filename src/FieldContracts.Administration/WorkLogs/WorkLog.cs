using NodaTime;

namespace FieldContracts.Administration.WorkLogs;

/// <summary>
/// A visit the contractor logged: which contract and school, and where its review stands. What was
/// done is in its versions; a correction adds a version and nothing is changed in place except the
/// pointer to the current version and the status. Review steps are kept as events.
/// </summary>
public sealed class WorkLog
{
    private WorkLog()
    {
        IdempotencyKey = "";
        SubmittedBy = "";
    }

    private WorkLog(Guid id, Guid contractId, Guid contractorId, Guid siteId, string idempotencyKey, string submittedBy,
        Instant submittedAt, bool emergencyApplication)
    {
        Id = id;
        ContractId = contractId;
        ContractorId = contractorId;
        SiteId = siteId;
        IdempotencyKey = idempotencyKey;
        SubmittedBy = submittedBy;
        SubmittedAt = submittedAt;
        EmergencyApplication = emergencyApplication;
        CurrentVersion = 1;
        Status = VisitStatus.Submitted;
    }

    public Guid Id { get; private set; }

    public Guid ContractId { get; private set; }

    public Guid ContractorId { get; private set; }

    public Guid SiteId { get; private set; }

    /// <summary>The key the client sent with the first submission; unique per contractor, so a retry finds this log.</summary>
    public string IdempotencyKey { get; private set; }

    /// <summary>The number of the version in force, from 1.</summary>
    public int CurrentVersion { get; private set; }

    public VisitStatus Status { get; private set; }

    /// <summary>Whether a chemical application in the current version was accepted as an emergency without a sufficient notice.</summary>
    public bool EmergencyApplication { get; private set; }

    public string SubmittedBy { get; private set; }

    public Instant SubmittedAt { get; private set; }

    /// <summary>A new visit at version 1, and that version.</summary>
    public static (WorkLog Log, WorkLogVersion Version) Submit(Guid contractId, Guid contractorId, Guid siteId, string idempotencyKey,
        VisitContent content, string by, Instant at)
    {
        var log = new WorkLog(Guid.CreateVersion7(), contractId, contractorId, siteId, idempotencyKey, by, at,
            content.Application?.EmergencyReason is not null);
        return (log, WorkLogVersion.Of(log.Id, 1, content, by, at, null));
    }

    /// <summary>A correction: the next version, with who, when and why; the visit goes back for verification.</summary>
    public (WorkLogVersion? Version, ReviewRefusal? Refusal) Correct(VisitContent content, string by, Instant at, string? why)
    {
        var (next, refusal) = VisitReview.Decide(Status, ReviewAction.Correct, by, SubmittedBy, why);
        if (refusal is not null)
        {
            return (null, refusal);
        }

        CurrentVersion++;
        Status = next!.Value;
        EmergencyApplication = content.Application?.EmergencyReason is not null;
        return (WorkLogVersion.Of(Id, CurrentVersion, content, by, at, why!.Trim()), null);
    }

    /// <summary>Verify, dispute or answer: the event to record, or why it is refused.</summary>
    public (WorkLogEvent? Event, ReviewRefusal? Refusal) Review(ReviewAction action, string by, Instant at, string? text)
    {
        if (action == ReviewAction.Correct)
        {
            throw new ArgumentException("A correction is a new version; use Correct.", nameof(action));
        }

        var (next, refusal) = VisitReview.Decide(Status, action, by, SubmittedBy, text);
        if (refusal is not null)
        {
            return (null, refusal);
        }

        Status = next!.Value;
        return (new WorkLogEvent
        {
            Id = Guid.CreateVersion7(),
            WorkLogId = Id,
            Action = action,
            Version = CurrentVersion,
            StatusAfter = Status,
            By = by,
            At = at,
            Text = string.IsNullOrWhiteSpace(text) ? null : text.Trim(),
        }, null);
    }
}

/// <summary>What a visit says was done; the same shape for the first version and every correction.</summary>
/// <param name="WorkDate">The day of the visit (Hartford).</param>
/// <param name="StartedAt">When work began.</param>
/// <param name="FinishedAt">When work ended.</param>
/// <param name="Crew">Who worked, crew leader first.</param>
/// <param name="Notes">Anything the crew leader adds.</param>
/// <param name="OccurrenceIds">The planned work done.</param>
/// <param name="Heights">For each mowed area, height of cut and optionally before.</param>
/// <param name="Application">The chemical application record, when one was made.</param>
/// <param name="Subcontractor">The approved sub-contractor that did the work (spec VI), as named in its request; null for the contractor's own crew.</param>
public sealed record VisitContent(
    LocalDate WorkDate,
    Instant StartedAt,
    Instant FinishedAt,
    IReadOnlyList<string> Crew,
    string? Notes,
    IReadOnlyList<Guid> OccurrenceIds,
    IReadOnlyList<AreaHeight> Heights,
    ChemicalApplicationRecord? Application,
    string? Subcontractor = null);

/// <summary>A mowed area's height of cut and, when measured, its height before mowing, in inches.</summary>
public sealed record AreaHeight(Guid AreaId, decimal After, decimal? Before);

/// <summary>
/// A pesticide application record as CGS 22a-66g requires it (kept five years): product and EPA
/// registration number, active ingredient, rate and amount, area and pest, the supervisor's and
/// applicator's certifications, the weather, and the signs posted.
/// </summary>
public sealed record ChemicalApplicationRecord(
    string Product,
    string EpaRegistrationNumber,
    string ActiveIngredient,
    string Rate,
    decimal Amount,
    string AmountUnit,
    IReadOnlyList<Guid> AreaIds,
    string TargetPest,
    CertifiedPerson Supervisor,
    CertifiedPerson Applicator,
    decimal WindMph,
    string? WindDirection,
    decimal TemperatureF,
    bool SignsPosted,
    string? EmergencyReason);

/// <summary>A certified supervisor or applicator: name, certification number, last day the certification is valid.</summary>
/// <param name="LicenceId">The licence of the contractor's register it was picked from; null when typed in by hand.</param>
public sealed record CertifiedPerson(string Name, string CertificationNumber, LocalDate CertificationExpires, Guid? LicenceId = null);

/// <summary>One version of a visit, never changed once written.</summary>
public sealed class WorkLogVersion
{
    public Guid Id { get; set; }

    public Guid WorkLogId { get; set; }

    /// <summary>1 for the visit as first logged; each correction adds one.</summary>
    public int Version { get; set; }

    public LocalDate WorkDate { get; set; }

    public Instant StartedAt { get; set; }

    public Instant FinishedAt { get; set; }

    public List<string> Crew { get; set; } = [];

    public string? Notes { get; set; }

    public List<Guid> OccurrenceIds { get; set; } = [];

    public List<AreaHeight> Heights { get; set; } = [];

    public ChemicalApplicationRecord? Application { get; set; }

    /// <summary>The sub-contractor that did the work; null for the contractor's own crew.</summary>
    public string? Subcontractor { get; set; }

    public string RecordedBy { get; set; } = "";

    public Instant RecordedAt { get; set; }

    /// <summary>Why the visit was corrected; null on version 1.</summary>
    public string? Why { get; set; }

    public VisitContent Content => new(WorkDate, StartedAt, FinishedAt, Crew, Notes, OccurrenceIds, Heights, Application, Subcontractor);

    public static WorkLogVersion Of(Guid logId, int version, VisitContent content, string by, Instant at, string? why) => new()
    {
        Id = Guid.CreateVersion7(),
        WorkLogId = logId,
        Version = version,
        WorkDate = content.WorkDate,
        StartedAt = content.StartedAt,
        FinishedAt = content.FinishedAt,
        Crew = content.Crew.ToList(),
        Notes = content.Notes,
        OccurrenceIds = content.OccurrenceIds.ToList(),
        Heights = content.Heights.ToList(),
        Application = content.Application,
        Subcontractor = content.Subcontractor,
        RecordedBy = by,
        RecordedAt = at,
        Why = why,
    };
}

/// <summary>A review step: verified, disputed (with the reason) or answered (with the answer).</summary>
public sealed class WorkLogEvent
{
    public Guid Id { get; set; }

    public Guid WorkLogId { get; set; }

    public ReviewAction Action { get; set; }

    /// <summary>The version the step was about.</summary>
    public int Version { get; set; }

    public VisitStatus StatusAfter { get; set; }

    public string By { get; set; } = "";

    public Instant At { get; set; }

    public string? Text { get; set; }
}

/// <summary>
/// A photo of a visit. The bytes live outside the database under their SHA-256
/// (<c>photos/{first two hex}/{sha256}</c>); the type is what the bytes are, not what the name says.
/// </summary>
public sealed class WorkLogPhoto
{
    public Guid Id { get; set; }

    public Guid WorkLogId { get; set; }

    /// <summary>The version the photo was added with.</summary>
    public int Version { get; set; }

    /// <summary>The name the file had on the phone, as shown to people; never used as a path.</summary>
    public string FileName { get; set; } = "";

    /// <summary>image/jpeg, image/png or image/heic, from the file's first bytes.</summary>
    public string ContentType { get; set; } = "";

    public long SizeBytes { get; set; }

    /// <summary>Lower-case hex SHA-256 of the bytes.</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>Where the bytes are, relative to the photo directory.</summary>
    public string StoragePath { get; set; } = "";

    public string UploadedBy { get; set; } = "";

    public Instant UploadedAt { get; set; }
}
