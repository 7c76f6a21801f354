using NodaTime;

namespace FieldContracts.Data.Notices;

/// <summary>Which of a school's notice lists a recipient is on (spec VII; CGS 10-231c).</summary>
public enum NoticeRecipientCategory
{
    /// <summary>A parent, guardian or staff member on the school's pesticide notification registry.</summary>
    SchoolRegistry,

    /// <summary>The Athletic Director or her designee, with whom the bid says notice is coordinated.</summary>
    AthleticDirectorOrDesignee,

    /// <summary>The school's maintenance staff.</summary>
    SchoolMaintenance,
}

/// <summary>Someone at a school who receives its chemical pre-notifications by email.</summary>
public sealed class NoticeRecipient
{
    public Guid Id { get; set; }

    public Guid SiteId { get; set; }

    public NoticeRecipientCategory Category { get; set; }

    public string Name { get; set; } = "";

    public string Email { get; set; } = "";

    /// <summary>True for the sample recipients demo mode adds (example.org addresses).</summary>
    public bool IsSample { get; set; }

    public Instant CreatedAt { get; set; }
}

/// <summary>
/// The decision to notify the schools of one version of a chemical application. The version is the
/// occurrence's calendar sequence when the notice was decided: a move of the application raises it, and the
/// new version needs a notice of its own. Written in the same transaction as its outbox messages.
/// </summary>
public sealed class ChemicalNoticeRecord
{
    public Guid Id { get; set; }

    public Guid ContractId { get; set; }

    public Guid OccurrenceId { get; set; }

    /// <summary>The occurrence's calendar sequence the notice was decided for.</summary>
    public int Version { get; set; }

    /// <summary>When the application the notice names starts.</summary>
    public Instant ApplicationStartsAt { get; set; }

    /// <summary>The application day the notice names (Hartford time).</summary>
    public LocalDate ApplicationDateNamed { get; set; }

    /// <summary>The latest instant the notice could go out and still meet the lead time.</summary>
    public Instant DueBy { get; set; }

    public Instant DecidedAt { get; set; }

    /// <summary>How many recipients it went to (one outbox message each).</summary>
    public int RecipientCount { get; set; }

    /// <summary>When an SMTP server first accepted one of its messages: the instant the notice counts as sent.</summary>
    public Instant? FirstAcceptedAt { get; set; }
}

/// <summary>What an outbox message is about.</summary>
public enum OutboxKind
{
    ChemicalNotice,
    LicenceReminder,

    /// <summary>A line of the contractor's insurance running out (special instruction 14), to its contacts and Purchasing.</summary>
    InsuranceReminder,

    /// <summary>A performance case's invitation, cure notice or reminder, or a notice of termination.</summary>
    CaseNotice,
    /// <summary>A deficiency raised by a complaint or an inspection, to the contractor's contacts.</summary>
    DeficiencyRaised,
}

/// <summary>
/// An email waiting to go out, written in the same transaction as the decision to send it. The dedup key is
/// unique: for a chemical notice it is occurrence, notice version and recipient, so a job that runs twice, or
/// on two nodes at once, can never queue the same email twice.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }

    public OutboxKind Kind { get; set; }

    /// <summary>
    /// Unique: <c>notice:{occurrence}:{version}:{email}</c>, <c>licence:{licence}:{expires}:{days}:{email}</c> or
    /// <c>deficiency:{deficiency}:{email}</c>.
    /// </summary>
    public string DedupKey { get; set; } = "";

    public Guid? ChemicalNoticeId { get; set; }

    public string ToAddress { get; set; } = "";

    public string ToName { get; set; } = "";

    public string Subject { get; set; } = "";

    public string Body { get; set; } = "";

    /// <summary>A document sent with the message (a notice as PDF), by its SHA-256 in the document store; null for none.</summary>
    public string? AttachmentSha256 { get; set; }

    public string? AttachmentFileName { get; set; }

    public string? AttachmentContentType { get; set; }

    public Instant CreatedAt { get; set; }

    /// <summary>How many deliveries were tried and failed.</summary>
    public int Attempts { get; set; }

    /// <summary>Not before this instant; raised by the back-off after each failure.</summary>
    public Instant NextAttemptAt { get; set; }

    /// <summary>The node and batch that claimed the message for delivery, until <see cref="ClaimedUntil"/>.</summary>
    public string? ClaimedBy { get; set; }

    public Instant? ClaimedUntil { get; set; }

    /// <summary>When the SMTP server accepted the message (or the pickup file was written).</summary>
    public Instant? SentAt { get; set; }

    /// <summary>When delivery was given up after the last allowed attempt.</summary>
    public Instant? GaveUpAt { get; set; }

    public string? LastError { get; set; }
}
