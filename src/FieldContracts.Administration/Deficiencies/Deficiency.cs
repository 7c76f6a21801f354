using NodaTime;

namespace FieldContracts.Administration.Deficiencies;

/// <summary>What a deficiency is about.</summary>
public enum DeficiencyKind
{
    /// <summary>Planned work whose window ended with nothing logged (special instruction 7 B).</summary>
    MissedWork,

    /// <summary>Work logged after the last day of its window.</summary>
    LateWork,

    /// <summary>Work logged before its window began.</summary>
    EarlyWork,

    /// <summary>An area cut outside its spec IV height for the season.</summary>
    HeightOutOfRange,

    /// <summary>More than a third of the blade removed in one mowing (spec IV).</summary>
    MoreThanOneThirdRemoved,

    /// <summary>Grass found taller than 4 inches before mowing (spec IV, as the City reads it).</summary>
    GrassOver4Inches,

    /// <summary>A chemical applied without a notice that counts (spec VII; CGS 10-231c), as an emergency.</summary>
    ApplicationWithoutNotice,

    /// <summary>A chemical applied by a supervisor or applicator whose certification had expired (spec V).</summary>
    LicenceExpired,

    /// <summary>A complaint by the Athletic Director or Purchasing.</summary>
    Complaint,

    /// <summary>A line failed at an inspection.</summary>
    InspectionFailure,

    /// <summary>A deliverable (a report, a treatment plan) not handed in by its day, or handed in after it.</summary>
    DeliverableLate,

    /// <summary>
    /// A required insurance coverage ended without an accepted replacement (special instruction 14, item 11:
    /// "may be considered a default").
    /// </summary>
    InsuranceLapsed,
}

/// <summary>Where a deficiency stands.</summary>
public enum DeficiencyStatus
{
    /// <summary>Raised; waiting for the contractor.</summary>
    Open,

    /// <summary>The contractor accepts it and has said how it will make it good.</summary>
    Acknowledged,

    /// <summary>The contractor disputes it, with its reasons; waiting for Purchasing.</summary>
    Disputed,

    /// <summary>Purchasing holds that it stands (after a dispute, or without one).</summary>
    Upheld,

    /// <summary>Made good, and the Athletic Director (or Purchasing) verified it with the evidence. Final.</summary>
    Cured,

    /// <summary>Purchasing withdrew it, with its reason. Final.</summary>
    Withdrawn,
}

/// <summary>A step someone takes on a deficiency.</summary>
public enum DeficiencyAction
{
    Acknowledge,
    Dispute,
    Uphold,
    Withdraw,
    Cure,
}

/// <summary>Which side of the contract acts; the application's roles map onto these.</summary>
public enum Party
{
    Contractor,
    AthleticDirector,
    Purchasing,
    Finance,

    /// <summary>The application's own checks and passes.</summary>
    System,
}

/// <summary>Why a step on a deficiency is refused; a value, not an exception.</summary>
public abstract record DeficiencyRefusal
{
    private DeficiencyRefusal()
    {
    }

    /// <summary>The step does not follow from where the deficiency stands.</summary>
    public sealed record NotNow(DeficiencyStatus Status, DeficiencyAction Action) : DeficiencyRefusal;

    /// <summary>This party does not take this step.</summary>
    public sealed record NotYourStep(Party Party, DeficiencyAction Action) : DeficiencyRefusal;

    /// <summary>Every step but none says why, or what was done.</summary>
    public sealed record TextRequired(DeficiencyAction Action) : DeficiencyRefusal;

    /// <summary>Nobody upholds or withdraws what they raised themselves.</summary>
    public sealed record OwnDeficiency(DeficiencyAction Action) : DeficiencyRefusal;
}

/// <summary>
/// One deficiency of the contractor's performance, however it was found: by the checks of a logged visit, by the
/// nightly pass over the plan, by a complaint or at an inspection. The contractor acknowledges or disputes it;
/// Purchasing upholds or withdraws it; the Athletic Director (or Purchasing) verifies its cure. Nothing is deleted:
/// every step is kept with who, when and why.
/// </summary>
public sealed class Deficiency
{
    private static readonly Dictionary<(DeficiencyStatus, DeficiencyAction), DeficiencyStatus> Transitions = new()
    {
        [(DeficiencyStatus.Open, DeficiencyAction.Acknowledge)] = DeficiencyStatus.Acknowledged,
        [(DeficiencyStatus.Open, DeficiencyAction.Dispute)] = DeficiencyStatus.Disputed,
        [(DeficiencyStatus.Open, DeficiencyAction.Uphold)] = DeficiencyStatus.Upheld,
        [(DeficiencyStatus.Open, DeficiencyAction.Withdraw)] = DeficiencyStatus.Withdrawn,
        // Made good before the contractor answered, or despite its dispute: the City's verification closes it.
        [(DeficiencyStatus.Open, DeficiencyAction.Cure)] = DeficiencyStatus.Cured,
        [(DeficiencyStatus.Disputed, DeficiencyAction.Cure)] = DeficiencyStatus.Cured,
        [(DeficiencyStatus.Acknowledged, DeficiencyAction.Cure)] = DeficiencyStatus.Cured,
        [(DeficiencyStatus.Acknowledged, DeficiencyAction.Uphold)] = DeficiencyStatus.Upheld,
        [(DeficiencyStatus.Acknowledged, DeficiencyAction.Withdraw)] = DeficiencyStatus.Withdrawn,
        [(DeficiencyStatus.Disputed, DeficiencyAction.Uphold)] = DeficiencyStatus.Upheld,
        [(DeficiencyStatus.Disputed, DeficiencyAction.Withdraw)] = DeficiencyStatus.Withdrawn,
        [(DeficiencyStatus.Upheld, DeficiencyAction.Cure)] = DeficiencyStatus.Cured,
    };

    private readonly List<DeficiencyStep> _steps = [];
    private readonly List<DeficiencyPhoto> _photos = [];

    private Deficiency()
    {
        Evidence = "";
        RaisedBy = "";
        AreaIds = [];
    }

    public Guid Id { get; private set; }

    public Guid ContractId { get; private set; }

    /// <summary>The school it concerns, when one.</summary>
    public Guid? SiteId { get; private set; }

    /// <summary>The areas it concerns; empty for the school as a whole.</summary>
    public List<Guid> AreaIds { get; private set; }

    public DeficiencyKind Kind { get; private set; }

    /// <summary>The planned work it concerns, when one.</summary>
    public Guid? OccurrenceId { get; private set; }

    /// <summary>The visit whose figures raised it, and the version of that visit.</summary>
    public Guid? WorkLogId { get; private set; }

    public int? WorkLogVersion { get; private set; }

    /// <summary>The inspection at which it was found, when one (a line failed there).</summary>
    public Guid? InspectionId { get; private set; }

    /// <summary>What was found, with its figures and the clause of the bid, in a sentence.</summary>
    public string Evidence { get; private set; }

    /// <summary>
    /// What makes the finding unique, so that a check or pass that runs again raises nothing new: e.g.
    /// <c>missed:{occurrence}</c>; null for complaints, each of which is its own.
    /// </summary>
    public string? DedupKey { get; private set; }

    public Party RaisedByParty { get; private set; }

    public string RaisedBy { get; private set; }

    public Instant RaisedAt { get; private set; }

    /// <summary>The day it was found (Hartford).</summary>
    public LocalDate FoundOn { get; private set; }

    public DeficiencyStatus Status { get; private set; }

    /// <summary>The steps taken, the first first.</summary>
    public IReadOnlyList<DeficiencyStep> Steps => _steps;

    /// <summary>Photos raised with it as evidence (a complaint's, an inspection line's), in the order given.</summary>
    public IReadOnlyList<DeficiencyPhoto> Photos => _photos;

    public bool IsClosed => Status is DeficiencyStatus.Cured or DeficiencyStatus.Withdrawn;

    /// <summary>What a finding is, before it is a deficiency.</summary>
    /// <param name="Photos">Photos of what was found, kept with the deficiency; none when null.</param>
    /// <param name="InspectionId">The inspection that found it, when one.</param>
    public sealed record Finding(
        Guid ContractId,
        Guid? SiteId,
        IReadOnlyList<Guid> AreaIds,
        DeficiencyKind Kind,
        Guid? OccurrenceId,
        string Evidence,
        string? DedupKey,
        Guid? WorkLogId = null,
        int? WorkLogVersion = null,
        IReadOnlyList<EvidencePhoto>? Photos = null,
        Guid? InspectionId = null);

    /// <summary>Raises a deficiency, open.</summary>
    public static Deficiency Raise(Finding finding, Party party, string by, Instant at, LocalDate foundOn)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentException.ThrowIfNullOrWhiteSpace(finding.Evidence);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var deficiency = new Deficiency
        {
            Id = Guid.CreateVersion7(),
            ContractId = finding.ContractId,
            SiteId = finding.SiteId,
            AreaIds = finding.AreaIds.Distinct().ToList(),
            Kind = finding.Kind,
            OccurrenceId = finding.OccurrenceId,
            WorkLogId = finding.WorkLogId,
            WorkLogVersion = finding.WorkLogVersion,
            InspectionId = finding.InspectionId,
            Evidence = finding.Evidence.Trim(),
            DedupKey = finding.DedupKey,
            RaisedByParty = party,
            RaisedBy = by,
            RaisedAt = at,
            FoundOn = foundOn,
            Status = DeficiencyStatus.Open,
        };
        // The same photo given twice is kept once.
        foreach (var photo in (finding.Photos ?? []).DistinctBy(p => p.Sha256))
        {
            deficiency._photos.Add(new DeficiencyPhoto(Guid.CreateVersion7(), deficiency.Id, photo.Sha256, photo.FileName, photo.ContentType,
                photo.SizeBytes));
        }

        return deficiency;
    }

    /// <summary>Which party takes each step.</summary>
    public static bool MayTake(Party party, DeficiencyAction action) => (action, party) switch
    {
        (DeficiencyAction.Acknowledge or DeficiencyAction.Dispute, Party.Contractor) => true,
        (DeficiencyAction.Uphold or DeficiencyAction.Withdraw, Party.Purchasing) => true,
        (DeficiencyAction.Cure, Party.AthleticDirector or Party.Purchasing) => true,
        _ => false,
    };

    /// <summary>The status <paramref name="action"/> leads to from <paramref name="status"/>, or null when it is not open.</summary>
    public static DeficiencyStatus? Next(DeficiencyStatus status, DeficiencyAction action) =>
        Transitions.TryGetValue((status, action), out var next) ? next : null;

    /// <summary>
    /// Takes a step: acknowledge (with the contractor's response), dispute (with its reasons), uphold or withdraw
    /// (with Purchasing's reason), cure (with what cured it: the visit, or the evidence in words). Refused, with
    /// nothing changed, when the step is not open now, not the party's, without its text, or a judgement on one's own complaint.
    /// </summary>
    public (DeficiencyStep? Step, DeficiencyRefusal? Refusal) Take(DeficiencyAction action, Party party, string by, Instant at,
        string? text, Guid? cureWorkLogId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        if (!MayTake(party, action))
        {
            return (null, new DeficiencyRefusal.NotYourStep(party, action));
        }

        if (Next(Status, action) is not { } next)
        {
            return (null, new DeficiencyRefusal.NotNow(Status, action));
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, new DeficiencyRefusal.TextRequired(action));
        }

        // Whoever raised a complaint does not also judge whether it stands. Whether it was made good is a matter of fact
        // the complainant (the Athletic Director who saw the field) is best placed to verify.
        if (action is DeficiencyAction.Uphold or DeficiencyAction.Withdraw
            && RaisedByParty != Party.System && string.Equals(by, RaisedBy, StringComparison.OrdinalIgnoreCase))
        {
            return (null, new DeficiencyRefusal.OwnDeficiency(action));
        }

        var step = new DeficiencyStep(Guid.CreateVersion7(), Id, action, next, party, by, at, text.Trim(),
            action == DeficiencyAction.Cure ? cureWorkLogId : null);
        Status = next;
        _steps.Add(step);
        return (step, null);
    }
}

/// <summary>A step taken on a deficiency, never changed once written.</summary>
/// <param name="Text">The response, the reasons, or what cured it.</param>
/// <param name="CureWorkLogId">For a cure, the visit that made it good, when one.</param>
public sealed record DeficiencyStep(
    Guid Id,
    Guid DeficiencyId,
    DeficiencyAction Action,
    DeficiencyStatus StatusAfter,
    Party Party,
    string By,
    Instant At,
    string Text,
    Guid? CureWorkLogId);
