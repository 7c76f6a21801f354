using NodaTime;

namespace FieldContracts.Data.Performance;

/// <summary>What a document kept with a performance case or a termination is.</summary>
public enum CaseDocumentKind
{
    /// <summary>The invitation to the meeting of special instruction 7 A, made by the application.</summary>
    MeetingInvitation,

    /// <summary>The written notice of the remedial period of 7 B, made by the application.</summary>
    CureNotice,

    /// <summary>The notice of termination, for cause (7 C) or without (6), made by the application.</summary>
    TerminationNotice,

    /// <summary>A file someone attached to a step: minutes, photos of a cure, an inspection report.</summary>
    Attachment,
}

/// <summary>
/// A document behind a step of a performance case or a termination, its bytes kept under their SHA-256 in the document
/// store; the step refers to it by that hash.
/// </summary>
public sealed class CaseDocumentRecord
{
    public Guid Id { get; set; }

    public Guid ContractId { get; set; }

    /// <summary>The case, when the document belongs to one (a termination without cause has none).</summary>
    public Guid? CaseId { get; set; }

    /// <summary>The step it was made for or attached to.</summary>
    public Guid? StepId { get; set; }

    public CaseDocumentKind Kind { get; set; }

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public string Sha256 { get; set; } = "";

    public long Length { get; set; }

    public string AddedBy { get; set; } = "";

    public Instant AddedAt { get; set; }
}
