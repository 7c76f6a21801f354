using FieldContracts.Administration.Deficiencies;
using NodaTime;

namespace FieldContracts.Administration.Deliverables;

/// <summary>Where a handed-in deliverable stands.</summary>
public enum DeliverableStatus
{
    /// <summary>Handed in; waiting for the Athletic Director.</summary>
    HandedIn,

    /// <summary>Accepted by the Athletic Director (or Purchasing).</summary>
    Accepted,

    /// <summary>Returned to the contractor with the reason; it is handed in again.</summary>
    Returned,
}

/// <summary>A step taken on a deliverable.</summary>
public enum DeliverableAction
{
    HandIn,
    Accept,
    Return,
}

/// <summary>A document as stored: its name as uploaded, its type as its bytes say, its SHA-256 and length.</summary>
public sealed record DeliverableDocument(string FileName, string ContentType, string Sha256, long Length);

/// <summary>What the plan expects handed in: the work it ends, to whom, by when (the last day of the work's window).</summary>
/// <param name="Name">As the specification names it, e.g. "White grub treatment plan".</param>
/// <param name="Recipient">Who receives it, as the bid says, e.g. "Director of Athletics".</param>
public sealed record ExpectedDeliverable(Guid ContractId, Guid SiteId, Guid OccurrenceId, string Name, string Recipient, LocalDate DueOn);

/// <summary>A step taken on a deliverable, never changed once written.</summary>
/// <param name="Note">The reason a deliverable was returned, or a remark; null when none.</param>
/// <param name="Document">For a hand-in, the document handed in.</param>
public sealed record DeliverableStep(DeliverableAction Action, Party Party, string By, Instant At, string? Note, DeliverableDocument? Document);

/// <summary>Why a step on a deliverable is refused; a value, not an exception.</summary>
public abstract record DeliverableRefusal
{
    private DeliverableRefusal()
    {
    }

    /// <summary>The step is not open in the deliverable's status (e.g. accepting what was returned).</summary>
    public sealed record NotNow(DeliverableStatus Status, DeliverableAction Action) : DeliverableRefusal;

    /// <summary>The contractor hands in; the Athletic Director or Purchasing accepts or returns.</summary>
    public sealed record NotYourStep(Party Party, DeliverableAction Action) : DeliverableRefusal;

    /// <summary>A return needs its reason.</summary>
    public sealed record ReasonRequired : DeliverableRefusal;

    /// <summary>Nobody accepts or returns what they handed in themselves.</summary>
    public sealed record OwnHandIn : DeliverableRefusal;
}

/// <summary>
/// A written deliverable the bid asks for at the end of a piece of work (item 2b: "Report any problems to the head of
/// school maintenance or Director of Athletics"; item 3e: "present a treatment plan"): the document the contractor
/// handed in, kept by its hash, and the Athletic Director's acceptance or return. Each hand-in and review is a step
/// kept with who and when.
/// </summary>
public sealed class Deliverable
{
    private readonly List<DeliverableStep> _steps = [];

    private Deliverable()
    {
        Name = "";
        Recipient = "";
        Document = null!;
    }

    public Guid Id { get; private set; }

    public Guid ContractId { get; private set; }

    public Guid SiteId { get; private set; }

    /// <summary>The planned work the deliverable ends; one deliverable each.</summary>
    public Guid OccurrenceId { get; private set; }

    public string Name { get; private set; }

    public string Recipient { get; private set; }

    public LocalDate DueOn { get; private set; }

    public DeliverableStatus Status { get; private set; }

    /// <summary>The document last handed in.</summary>
    public DeliverableDocument Document { get; private set; }

    /// <summary>The day (Hartford) it was first handed in: what lateness is judged by.</summary>
    public LocalDate HandedInOn { get; private set; }

    public IReadOnlyList<DeliverableStep> Steps => _steps;

    /// <summary>Whether the first hand-in came after the due day.</summary>
    public bool WasLate => HandedInOn > DueOn;

    /// <summary>The contractor hands in the document for the first time.</summary>
    public static (Deliverable? Deliverable, DeliverableRefusal? Refusal) HandIn(ExpectedDeliverable expected, DeliverableDocument document, Party party,
        string by, Instant at, LocalDate on)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        if (party != Party.Contractor)
        {
            return (null, new DeliverableRefusal.NotYourStep(party, DeliverableAction.HandIn));
        }

        var deliverable = new Deliverable
        {
            Id = Guid.CreateVersion7(),
            ContractId = expected.ContractId,
            SiteId = expected.SiteId,
            OccurrenceId = expected.OccurrenceId,
            Name = expected.Name,
            Recipient = expected.Recipient,
            DueOn = expected.DueOn,
            Status = DeliverableStatus.HandedIn,
            Document = document,
            HandedInOn = on,
        };
        deliverable._steps.Add(new DeliverableStep(DeliverableAction.HandIn, party, by, at, null, document));
        return (deliverable, null);
    }

    /// <summary>The contractor hands in a new document after a return.</summary>
    public (DeliverableStep? Step, DeliverableRefusal? Refusal) HandInAgain(DeliverableDocument document, Party party, string by, Instant at)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (party != Party.Contractor)
        {
            return (null, new DeliverableRefusal.NotYourStep(party, DeliverableAction.HandIn));
        }

        if (Status != DeliverableStatus.Returned)
        {
            return (null, new DeliverableRefusal.NotNow(Status, DeliverableAction.HandIn));
        }

        var step = new DeliverableStep(DeliverableAction.HandIn, party, by, at, null, document);
        Document = document;
        Status = DeliverableStatus.HandedIn;
        _steps.Add(step);
        return (step, null);
    }

    /// <summary>The Athletic Director (or Purchasing) accepts the document handed in, or returns it with the reason.</summary>
    public (DeliverableStep? Step, DeliverableRefusal? Refusal) Review(DeliverableAction action, Party party, string by, Instant at, string? note)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        if (action == DeliverableAction.HandIn || party is not (Party.AthleticDirector or Party.Purchasing))
        {
            return (null, new DeliverableRefusal.NotYourStep(party, action));
        }

        if (Status != DeliverableStatus.HandedIn)
        {
            return (null, new DeliverableRefusal.NotNow(Status, action));
        }

        if (action == DeliverableAction.Return && string.IsNullOrWhiteSpace(note))
        {
            return (null, new DeliverableRefusal.ReasonRequired());
        }

        if (string.Equals(_steps[^1].By, by, StringComparison.OrdinalIgnoreCase))
        {
            return (null, new DeliverableRefusal.OwnHandIn());
        }

        var step = new DeliverableStep(action, party, by, at, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), null);
        Status = action == DeliverableAction.Accept ? DeliverableStatus.Accepted : DeliverableStatus.Returned;
        _steps.Add(step);
        return (step, null);
    }
}
