using FieldContracts.Administration.Deficiencies;
using FieldContracts.Scheduling.Contracts;
using NodaTime;

namespace FieldContracts.Administration.Performance;

/// <summary>Where a performance case stands (special instruction 7).</summary>
public enum PerformanceCaseStatus
{
    /// <summary>Purchasing opened it naming the deficiencies complained of; no meeting yet.</summary>
    Opened,

    /// <summary>7 A: a meeting with the contractor is set (date, place, attendees).</summary>
    MeetingScheduled,

    /// <summary>7 A: the meeting was held; its minutes and the contractor's response are on record.</summary>
    MeetingHeld,

    /// <summary>7 B: the remedial period and what "cured" means for each deficiency are set; no cure notice yet.</summary>
    RemedialPeriodSet,

    /// <summary>7 B: the cure notice went out; the Athletic Director verifies each cure.</summary>
    RemedialPeriodRunning,

    /// <summary>Every deficiency of the remedial period was verified cured within it. Final.</summary>
    ClosedCured,

    /// <summary>7 C: the period ended with deficiencies uncured and Purchasing terminated for cause. Final.</summary>
    TerminatedForCause,

    /// <summary>Purchasing dropped the case, with its reason (e.g. the contractor's response answered the complaints). Final.</summary>
    Withdrawn,
}

/// <summary>A step someone takes on a performance case.</summary>
public enum PerformanceCaseAction
{
    Open,
    ScheduleMeeting,
    HoldMeeting,
    SetRemedialPeriod,
    SendCureNotice,
    VerifyCure,
    TerminateForCause,
    Withdraw,

    /// <summary>The contractor acknowledges the case or answers in writing; the case stays where it stands.</summary>
    Respond,

    /// <summary>The contractor shows a deficiency made good (a visit, photos) for the City to verify.</summary>
    SubmitCure,
}

/// <summary>What a deficiency must come to for the City to hold it cured (7 B: "to the satisfaction of the City").</summary>
/// <param name="CuredMeans">In words, e.g. "all three fields mowed to 2½ inches and clippings removed".</param>
public sealed record CureRequirement(Guid DeficiencyId, string CuredMeans);

/// <summary>The data of each step on a case after opening; who, when and why are given alongside.</summary>
public abstract record PerformanceCaseCommand
{
    private PerformanceCaseCommand()
    {
    }

    public abstract PerformanceCaseAction Action { get; }

    /// <summary>7 A: the meeting to hear the contractor; scheduling again before it is held moves it.</summary>
    public sealed record ScheduleMeeting(LocalDate On, string Place, IReadOnlyList<string> Attendees) : PerformanceCaseCommand
    {
        public override PerformanceCaseAction Action => PerformanceCaseAction.ScheduleMeeting;
    }

    /// <summary>7 A: the meeting took place; <paramref name="ContractorResponse"/> is its "opportunity to respond".</summary>
    public sealed record HoldMeeting(LocalDate HeldOn, string Minutes, string ContractorResponse) : PerformanceCaseCommand
    {
        public override PerformanceCaseAction Action => PerformanceCaseAction.HoldMeeting;
    }

    /// <summary>
    /// 7 B: the remedial period, both ends inclusive, and each deficiency to cure in it. Deficiencies of the case not
    /// listed are not pursued (the meeting may have answered them). Setting it again before the notice revises it.
    /// </summary>
    public sealed record SetRemedialPeriod(LocalDate StartsOn, LocalDate EndsOn, IReadOnlyList<CureRequirement> Requirements)
        : PerformanceCaseCommand
    {
        public override PerformanceCaseAction Action => PerformanceCaseAction.SetRemedialPeriod;
    }

    /// <summary>7 B: the written cure notice went out at <paramref name="SentAt"/> (its proof of delivery is kept apart).</summary>
    public sealed record SendCureNotice(Instant SentAt) : PerformanceCaseCommand
    {
        public override PerformanceCaseAction Action => PerformanceCaseAction.SendCureNotice;
    }

    /// <summary>7 B: the City's verdict on one deficiency, from an inspection on <paramref name="InspectedOn"/>.</summary>
    public sealed record VerifyCure(Guid DeficiencyId, bool Cured, LocalDate InspectedOn) : PerformanceCaseCommand
    {
        public override PerformanceCaseAction Action => PerformanceCaseAction.VerifyCure;
    }

    /// <summary>7 C: terminate; the contract is no longer in force from <paramref name="EffectiveOn"/>.</summary>
    public sealed record TerminateForCause(LocalDate EffectiveOn) : PerformanceCaseCommand
    {
        public override PerformanceCaseAction Action => PerformanceCaseAction.TerminateForCause;
    }

    /// <summary>Drop the case.</summary>
    public sealed record Withdraw : PerformanceCaseCommand
    {
        public override PerformanceCaseAction Action => PerformanceCaseAction.Withdraw;
    }

    /// <summary>The contractor's acknowledgement or written answer, at any stage while the case is open.</summary>
    public sealed record Respond : PerformanceCaseCommand
    {
        public override PerformanceCaseAction Action => PerformanceCaseAction.Respond;
    }

    /// <summary>
    /// The contractor says a deficiency the remedial period asks to cure is made good, with the visit that did it when
    /// one (its photos go as the step's documents). Only the City's <see cref="VerifyCure"/> makes it cured.
    /// </summary>
    public sealed record SubmitCure(Guid DeficiencyId, Guid? WorkLogId) : PerformanceCaseCommand
    {
        public override PerformanceCaseAction Action => PerformanceCaseAction.SubmitCure;
    }
}

/// <summary>Why a step on a performance case is refused; a value, not an exception.</summary>
public abstract record PerformanceCaseRefusal
{
    private PerformanceCaseRefusal()
    {
    }

    /// <summary>The step does not follow from where the case stands.</summary>
    public sealed record NotNow(PerformanceCaseStatus Status, PerformanceCaseAction Action) : PerformanceCaseRefusal;

    /// <summary>This party does not take this step; the contractor never verifies its own cure.</summary>
    public sealed record NotYourStep(Party Party, PerformanceCaseAction Action) : PerformanceCaseRefusal;

    /// <summary>Every step says why, or what was done.</summary>
    public sealed record TextRequired(PerformanceCaseAction Action) : PerformanceCaseRefusal;

    /// <summary>A step's own detail is missing, e.g. the meeting's place or the minutes.</summary>
    public sealed record DetailRequired(PerformanceCaseAction Action, string Detail) : PerformanceCaseRefusal;

    /// <summary>A case names at least one deficiency.</summary>
    public sealed record NoDeficiencies : PerformanceCaseRefusal;

    /// <summary>A cured or withdrawn deficiency is no complaint to answer.</summary>
    public sealed record DeficiencyClosed(Guid DeficiencyId, DeficiencyStatus Status) : PerformanceCaseRefusal;

    public sealed record DeficiencyOfAnotherContract(Guid DeficiencyId) : PerformanceCaseRefusal;

    public sealed record DeficiencyNotInCase(Guid DeficiencyId) : PerformanceCaseRefusal;

    /// <summary>The deficiency is not one the remedial period asks to cure.</summary>
    public sealed record DeficiencyNotInRemedialPeriod(Guid DeficiencyId) : PerformanceCaseRefusal;

    /// <summary>A meeting is set for a day to come.</summary>
    public sealed record MeetingInThePast(LocalDate On, LocalDate Today) : PerformanceCaseRefusal;

    /// <summary>What has not happened yet is not recorded as done.</summary>
    public sealed record DateInTheFuture(PerformanceCaseAction Action, LocalDate Date, LocalDate Today) : PerformanceCaseRefusal;

    public sealed record RemedialPeriodEndsBeforeItStarts(LocalDate StartsOn, LocalDate EndsOn) : PerformanceCaseRefusal;

    /// <summary>The period ends on or before the day the meeting was held.</summary>
    public sealed record RemedialPeriodEndsBeforeMeeting(LocalDate EndsOn, LocalDate MeetingHeldOn) : PerformanceCaseRefusal;

    /// <summary>The period starts before the meeting at which the contractor answered.</summary>
    public sealed record RemedialPeriodStartsBeforeMeeting(LocalDate StartsOn, LocalDate MeetingHeldOn) : PerformanceCaseRefusal;

    /// <summary>The period must end after today, or it gives no time to cure.</summary>
    public sealed record RemedialPeriodEndsInThePast(LocalDate EndsOn, LocalDate Today) : PerformanceCaseRefusal;

    /// <summary>The notice goes out no later than the period's first day, so the contractor has all of it.</summary>
    public sealed record NoticeAfterPeriodStarts(LocalDate StartsOn, LocalDate Today) : PerformanceCaseRefusal;

    /// <summary>A notice is recorded once it went out, not before.</summary>
    public sealed record NoticeNotYetSent(Instant SentAt, Instant At) : PerformanceCaseRefusal;

    /// <summary>A verdict from an inspection before the period began is no verdict on a cure.</summary>
    public sealed record InspectedBeforePeriod(LocalDate InspectedOn, LocalDate StartsOn) : PerformanceCaseRefusal;

    /// <summary>7 C: correction must come "within the remedial period".</summary>
    public sealed record CuredAfterPeriod(LocalDate InspectedOn, LocalDate EndsOn) : PerformanceCaseRefusal;

    /// <summary>A cure, once verified, stands.</summary>
    public sealed record AlreadyCured(Guid DeficiencyId) : PerformanceCaseRefusal;

    /// <summary>7 A first: no termination for cause without the meeting.</summary>
    public sealed record MeetingNotHeld : PerformanceCaseRefusal;

    /// <summary>7 B: no termination for cause without a remedial period.</summary>
    public sealed record RemedialPeriodNotSet : PerformanceCaseRefusal;

    /// <summary>7 B: a period of which the contractor was not given written notice has not begun to run.</summary>
    public sealed record CureNoticeNotSent : PerformanceCaseRefusal;

    /// <summary>7 C: the period has not expired; termination is open from the day after <paramref name="EndsOn"/>.</summary>
    public sealed record RemedialPeriodNotExpired(LocalDate EndsOn, LocalDate Today) : PerformanceCaseRefusal;

    public sealed record EffectiveInThePast(LocalDate EffectiveOn, LocalDate Today) : PerformanceCaseRefusal;

    public sealed record EffectiveAfterTermEnds(LocalDate EffectiveOn, LocalDate TermEnd) : PerformanceCaseRefusal;

    /// <summary>The contract already ends early on <paramref name="On"/>.</summary>
    public sealed record AlreadyTerminated(LocalDate On) : PerformanceCaseRefusal;
}

/// <summary>
/// One deficiency named in a performance case: what it was when named, what "cured" means for it once the remedial
/// period is set, and the City's verdict.
/// </summary>
public sealed class CaseDeficiency
{
    private CaseDeficiency()
    {
        Evidence = "";
    }

    public Guid DeficiencyId { get; private set; }

    public DeficiencyKind Kind { get; private set; }

    /// <summary>The register's evidence when the case named it.</summary>
    public string Evidence { get; private set; }

    public LocalDate FoundOn { get; private set; }

    /// <summary>The register's status when the case named it.</summary>
    public DeficiencyStatus StatusWhenNamed { get; private set; }

    /// <summary>What the City will hold as cured; null while no remedial period asks to cure it.</summary>
    public string? CuredMeans { get; private set; }

    /// <summary>Whether the remedial period asks to cure it.</summary>
    public bool ToCure => CuredMeans is not null;

    /// <summary>The latest verdict: null until the City inspected it; false while found not cured.</summary>
    public bool? Cured { get; private set; }

    /// <summary>The day of the inspection behind <see cref="Cured"/>.</summary>
    public LocalDate? InspectedOn { get; private set; }

    internal static CaseDeficiency Named(Deficiency deficiency) => new()
    {
        DeficiencyId = deficiency.Id,
        Kind = deficiency.Kind,
        Evidence = deficiency.Evidence,
        FoundOn = deficiency.FoundOn,
        StatusWhenNamed = deficiency.Status,
    };

    internal void SetToCure(string? curedMeans)
    {
        CuredMeans = curedMeans;
        Cured = null;
        InspectedOn = null;
    }

    internal void Verify(bool cured, LocalDate inspectedOn)
    {
        Cured = cured;
        InspectedOn = inspectedOn;
    }
}

/// <summary>
/// The City's case against the contractor's performance under special instruction 7 of bid #2685: Purchasing opens it
/// naming deficiencies from the register; A — meets the contractor to hear its response; B — sets a remedial period
/// with what "cured" means for each deficiency and sends the cure notice, after which the Athletic Director (or
/// Purchasing) verifies each cure; C — the case closes as cured when every deficiency is verified cured within the
/// period, or, once the period has expired with any not cured, Purchasing may terminate for cause. No step is skipped;
/// a refused step changes nothing. Every step is kept with who, when, why and the documents behind it.
/// </summary>
public sealed class PerformanceCase
{
    private static readonly Dictionary<(PerformanceCaseStatus, PerformanceCaseAction), PerformanceCaseStatus> Transitions = new()
    {
        [(PerformanceCaseStatus.Opened, PerformanceCaseAction.ScheduleMeeting)] = PerformanceCaseStatus.MeetingScheduled,
        [(PerformanceCaseStatus.MeetingScheduled, PerformanceCaseAction.ScheduleMeeting)] = PerformanceCaseStatus.MeetingScheduled,
        [(PerformanceCaseStatus.MeetingScheduled, PerformanceCaseAction.HoldMeeting)] = PerformanceCaseStatus.MeetingHeld,
        [(PerformanceCaseStatus.MeetingHeld, PerformanceCaseAction.SetRemedialPeriod)] = PerformanceCaseStatus.RemedialPeriodSet,
        [(PerformanceCaseStatus.RemedialPeriodSet, PerformanceCaseAction.SetRemedialPeriod)] = PerformanceCaseStatus.RemedialPeriodSet,
        [(PerformanceCaseStatus.RemedialPeriodSet, PerformanceCaseAction.SendCureNotice)] = PerformanceCaseStatus.RemedialPeriodRunning,
        [(PerformanceCaseStatus.RemedialPeriodRunning, PerformanceCaseAction.VerifyCure)] = PerformanceCaseStatus.RemedialPeriodRunning,
        [(PerformanceCaseStatus.RemedialPeriodRunning, PerformanceCaseAction.TerminateForCause)] = PerformanceCaseStatus.TerminatedForCause,
        [(PerformanceCaseStatus.Opened, PerformanceCaseAction.Withdraw)] = PerformanceCaseStatus.Withdrawn,
        [(PerformanceCaseStatus.MeetingScheduled, PerformanceCaseAction.Withdraw)] = PerformanceCaseStatus.Withdrawn,
        [(PerformanceCaseStatus.MeetingHeld, PerformanceCaseAction.Withdraw)] = PerformanceCaseStatus.Withdrawn,
        [(PerformanceCaseStatus.RemedialPeriodSet, PerformanceCaseAction.Withdraw)] = PerformanceCaseStatus.Withdrawn,
        [(PerformanceCaseStatus.RemedialPeriodRunning, PerformanceCaseAction.Withdraw)] = PerformanceCaseStatus.Withdrawn,
        [(PerformanceCaseStatus.Opened, PerformanceCaseAction.Respond)] = PerformanceCaseStatus.Opened,
        [(PerformanceCaseStatus.MeetingScheduled, PerformanceCaseAction.Respond)] = PerformanceCaseStatus.MeetingScheduled,
        [(PerformanceCaseStatus.MeetingHeld, PerformanceCaseAction.Respond)] = PerformanceCaseStatus.MeetingHeld,
        [(PerformanceCaseStatus.RemedialPeriodSet, PerformanceCaseAction.Respond)] = PerformanceCaseStatus.RemedialPeriodSet,
        [(PerformanceCaseStatus.RemedialPeriodRunning, PerformanceCaseAction.Respond)] = PerformanceCaseStatus.RemedialPeriodRunning,
        [(PerformanceCaseStatus.RemedialPeriodRunning, PerformanceCaseAction.SubmitCure)] = PerformanceCaseStatus.RemedialPeriodRunning,
    };

    /// <summary>
    /// Days of cure the federal model gives after a cure notice (FAR 49.402-3): a suggested minimum the pages may warn
    /// about. Bid #2685 leaves the remedial period's length to the City, so a shorter one is not refused.
    /// </summary>
    public const int SuggestedMinimumRemedialDays = 10;

    private readonly List<CaseDeficiency> _deficiencies = [];
    private readonly List<PerformanceCaseStep> _steps = [];

    private PerformanceCase()
    {
        MeetingPlace = "";
        MeetingAttendees = [];
    }

    public Guid Id { get; private set; }

    public Guid ContractId { get; private set; }

    /// <summary>The contract's last day (inclusive) when the case was opened; a termination takes effect by then.</summary>
    public LocalDate TermEnd { get; private set; }

    public PerformanceCaseStatus Status { get; private set; }

    /// <summary>The day of the meeting as last scheduled.</summary>
    public LocalDate? MeetingOn { get; private set; }

    public string MeetingPlace { get; private set; }

    public List<string> MeetingAttendees { get; private set; }

    public LocalDate? MeetingHeldOn { get; private set; }

    public string? MeetingMinutes { get; private set; }

    /// <summary>What the contractor said in answer to the complaints (7 A).</summary>
    public string? ContractorResponse { get; private set; }

    /// <summary>First day of the remedial period.</summary>
    public LocalDate? RemedialPeriodStartsOn { get; private set; }

    /// <summary>Last day of the remedial period (inclusive): a cure inspected on this day counts.</summary>
    public LocalDate? RemedialPeriodEndsOn { get; private set; }

    /// <summary>The remedial period, both ends inclusive, once set.</summary>
    public DateInterval? RemedialPeriod =>
        RemedialPeriodStartsOn is { } start && RemedialPeriodEndsOn is { } end ? new DateInterval(start, end) : null;

    /// <summary>When the written cure notice went out.</summary>
    public Instant? CureNoticeSentAt { get; private set; }

    /// <summary>The termination for cause, once decided.</summary>
    public ContractTermination? Termination { get; private set; }

    public IReadOnlyList<CaseDeficiency> Deficiencies => _deficiencies;

    /// <summary>The steps taken, the opening first.</summary>
    public IReadOnlyList<PerformanceCaseStep> Steps => _steps;

    public bool IsClosed => Status is PerformanceCaseStatus.ClosedCured or PerformanceCaseStatus.TerminatedForCause
        or PerformanceCaseStatus.Withdrawn;

    /// <summary>The deficiencies the remedial period asks to cure and the City has not verified cured.</summary>
    public IEnumerable<CaseDeficiency> Uncured => _deficiencies.Where(d => d.ToCure && d.Cured != true);

    /// <summary>
    /// Which party takes each step: Purchasing for the City; the Athletic Director (or Purchasing) verifies cures; the
    /// contractor answers and submits its cures, and takes no other step.
    /// </summary>
    public static bool MayTake(Party party, PerformanceCaseAction action) => (action, party) switch
    {
        (PerformanceCaseAction.Respond or PerformanceCaseAction.SubmitCure, Party.Contractor) => true,
        (PerformanceCaseAction.Respond or PerformanceCaseAction.SubmitCure, _) => false,
        (PerformanceCaseAction.VerifyCure, Party.AthleticDirector or Party.Purchasing) => true,
        (not PerformanceCaseAction.VerifyCure, Party.Purchasing) => true,
        _ => false,
    };

    /// <summary>The status <paramref name="action"/> leads to from <paramref name="status"/>, or null when it is not open.</summary>
    /// <remarks>A verdict that leaves nothing uncured closes the case as cured instead.</remarks>
    public static PerformanceCaseStatus? Next(PerformanceCaseStatus status, PerformanceCaseAction action) =>
        Transitions.TryGetValue((status, action), out var next) ? next : null;

    /// <summary>
    /// Opens a case on <paramref name="contract"/> naming <paramref name="deficiencies"/> from its register. Refused
    /// unless Purchasing opens it, with its reason, on at least one deficiency of this contract that is neither cured
    /// nor withdrawn, and the contract is not already terminated.
    /// </summary>
    public static (PerformanceCase? Case, PerformanceCaseRefusal? Refusal) Open(Contract contract,
        IReadOnlyList<Deficiency> deficiencies, Party party, string by, Instant at, string? text,
        IReadOnlyList<DocumentReference>? documents = null)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(deficiencies);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        const PerformanceCaseAction action = PerformanceCaseAction.Open;
        if (!MayTake(party, action))
        {
            return (null, new PerformanceCaseRefusal.NotYourStep(party, action));
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, new PerformanceCaseRefusal.TextRequired(action));
        }

        if (contract.TerminatedOn is { } terminatedOn)
        {
            return (null, new PerformanceCaseRefusal.AlreadyTerminated(terminatedOn));
        }

        var named = deficiencies.DistinctBy(d => d.Id).ToList();
        if (named.Count == 0)
        {
            return (null, new PerformanceCaseRefusal.NoDeficiencies());
        }

        foreach (var deficiency in named)
        {
            if (deficiency.ContractId != contract.Id)
            {
                return (null, new PerformanceCaseRefusal.DeficiencyOfAnotherContract(deficiency.Id));
            }

            if (deficiency.IsClosed)
            {
                return (null, new PerformanceCaseRefusal.DeficiencyClosed(deficiency.Id, deficiency.Status));
            }
        }

        var performanceCase = new PerformanceCase
        {
            Id = Guid.CreateVersion7(),
            ContractId = contract.Id,
            TermEnd = contract.TermEnd,
            Status = PerformanceCaseStatus.Opened,
        };
        performanceCase._deficiencies.AddRange(named.Select(CaseDeficiency.Named));
        performanceCase._steps.Add(new PerformanceCaseStep(Guid.CreateVersion7(), performanceCase.Id, action, null,
            PerformanceCaseStatus.Opened, party, by, at, text.Trim(), documents?.ToList() ?? []));
        return (performanceCase, null);
    }

    /// <summary>
    /// Takes a step on the case, on <paramref name="today"/> (Hartford). Refused, with nothing changed, when it is not
    /// the party's, not open now, without its reason, or when its dates or details do not hold; termination for cause
    /// says which of 7 A and 7 B is missing.
    /// </summary>
    public (PerformanceCaseStep? Step, PerformanceCaseRefusal? Refusal) Take(PerformanceCaseCommand command, Party party,
        string by, Instant at, LocalDate today, string? text, IReadOnlyList<DocumentReference>? documents = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var action = command.Action;
        if (!MayTake(party, action))
        {
            return (null, new PerformanceCaseRefusal.NotYourStep(party, action));
        }

        if (Next(Status, action) is not { } next)
        {
            return (null, WhyNotNow(action));
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, new PerformanceCaseRefusal.TextRequired(action));
        }

        var refusal = command switch
        {
            PerformanceCaseCommand.ScheduleMeeting c => Check(c, today),
            PerformanceCaseCommand.HoldMeeting c => Check(c, today),
            PerformanceCaseCommand.SetRemedialPeriod c => Check(c, today),
            PerformanceCaseCommand.SendCureNotice c => Check(c, at, today),
            PerformanceCaseCommand.VerifyCure c => Check(c, today),
            PerformanceCaseCommand.TerminateForCause c => Check(c, today),
            PerformanceCaseCommand.SubmitCure c => Check(c),
            _ => null,
        };
        if (refusal is not null)
        {
            return (null, refusal);
        }

        switch (command)
        {
            case PerformanceCaseCommand.ScheduleMeeting c:
                MeetingOn = c.On;
                MeetingPlace = c.Place.Trim();
                MeetingAttendees = c.Attendees.Select(a => a.Trim()).ToList();
                break;
            case PerformanceCaseCommand.HoldMeeting c:
                MeetingHeldOn = c.HeldOn;
                MeetingMinutes = c.Minutes.Trim();
                ContractorResponse = c.ContractorResponse.Trim();
                break;
            case PerformanceCaseCommand.SetRemedialPeriod c:
                RemedialPeriodStartsOn = c.StartsOn;
                RemedialPeriodEndsOn = c.EndsOn;
                foreach (var deficiency in _deficiencies)
                {
                    deficiency.SetToCure(c.Requirements.FirstOrDefault(r => r.DeficiencyId == deficiency.DeficiencyId)?.CuredMeans.Trim());
                }

                break;
            case PerformanceCaseCommand.SendCureNotice c:
                CureNoticeSentAt = c.SentAt;
                break;
            case PerformanceCaseCommand.VerifyCure c:
                _deficiencies.Single(d => d.DeficiencyId == c.DeficiencyId).Verify(c.Cured, c.InspectedOn);
                if (!Uncured.Any())
                {
                    next = PerformanceCaseStatus.ClosedCured;
                }

                break;
            case PerformanceCaseCommand.TerminateForCause c:
                Termination = new ContractTermination(ContractId, TerminationKind.ForCause, null, null, c.EffectiveOn, party,
                    by, at, text.Trim(), documents?.ToList() ?? []);
                break;
        }

        var step = new PerformanceCaseStep(Guid.CreateVersion7(), Id, action, command, next, party, by, at, text.Trim(),
            documents?.ToList() ?? []);
        Status = next;
        _steps.Add(step);
        return (step, null);
    }

    /// <summary>
    /// Whether the remedial period gives fewer calendar days (both ends counted) than <paramref name="suggestedMinimumDays"/>:
    /// a warning, not a rule of #2685.
    /// </summary>
    public bool RemedialPeriodShorterThan(int suggestedMinimumDays = SuggestedMinimumRemedialDays) =>
        RemedialPeriod is { } period && period.Length < suggestedMinimumDays;

    /// <summary>
    /// Whether, on <paramref name="today"/>, the remedial period is running and ends within <paramref name="daysBefore"/>
    /// days (its last day counted), with something still to cure: the day to remind the contractor and the Athletic
    /// Director. Two days before means the reminder goes on the last day but one.
    /// </summary>
    public bool RemindsOn(LocalDate today, int daysBefore) =>
        Status == PerformanceCaseStatus.RemedialPeriodRunning && RemedialPeriodEndsOn is { } endsOn && Uncured.Any()
        && today <= endsOn && Period.DaysBetween(today, endsOn) < daysBefore;

    private PerformanceCaseRefusal WhyNotNow(PerformanceCaseAction action) => (action, Status) switch
    {
        (PerformanceCaseAction.TerminateForCause, PerformanceCaseStatus.Opened or PerformanceCaseStatus.MeetingScheduled) =>
            new PerformanceCaseRefusal.MeetingNotHeld(),
        (PerformanceCaseAction.TerminateForCause, PerformanceCaseStatus.MeetingHeld) => new PerformanceCaseRefusal.RemedialPeriodNotSet(),
        (PerformanceCaseAction.TerminateForCause, PerformanceCaseStatus.RemedialPeriodSet) => new PerformanceCaseRefusal.CureNoticeNotSent(),
        _ => new PerformanceCaseRefusal.NotNow(Status, action),
    };

    private static PerformanceCaseRefusal? Check(PerformanceCaseCommand.ScheduleMeeting c, LocalDate today)
    {
        if (string.IsNullOrWhiteSpace(c.Place))
        {
            return new PerformanceCaseRefusal.DetailRequired(c.Action, "place");
        }

        if (c.Attendees.Count == 0 || c.Attendees.Any(string.IsNullOrWhiteSpace))
        {
            return new PerformanceCaseRefusal.DetailRequired(c.Action, "attendees");
        }

        return c.On < today ? new PerformanceCaseRefusal.MeetingInThePast(c.On, today) : null;
    }

    private static PerformanceCaseRefusal? Check(PerformanceCaseCommand.HoldMeeting c, LocalDate today)
    {
        if (string.IsNullOrWhiteSpace(c.Minutes))
        {
            return new PerformanceCaseRefusal.DetailRequired(c.Action, "minutes");
        }

        // A contractor that did not come had its opportunity; the response then says so.
        if (string.IsNullOrWhiteSpace(c.ContractorResponse))
        {
            return new PerformanceCaseRefusal.DetailRequired(c.Action, "contractor's response");
        }

        return c.HeldOn > today ? new PerformanceCaseRefusal.DateInTheFuture(c.Action, c.HeldOn, today) : null;
    }

    private PerformanceCaseRefusal? Check(PerformanceCaseCommand.SetRemedialPeriod c, LocalDate today)
    {
        var heldOn = MeetingHeldOn!.Value;
        if (c.EndsOn <= heldOn)
        {
            return new PerformanceCaseRefusal.RemedialPeriodEndsBeforeMeeting(c.EndsOn, heldOn);
        }

        if (c.EndsOn < c.StartsOn)
        {
            return new PerformanceCaseRefusal.RemedialPeriodEndsBeforeItStarts(c.StartsOn, c.EndsOn);
        }

        if (c.StartsOn < heldOn)
        {
            return new PerformanceCaseRefusal.RemedialPeriodStartsBeforeMeeting(c.StartsOn, heldOn);
        }

        if (c.EndsOn <= today)
        {
            return new PerformanceCaseRefusal.RemedialPeriodEndsInThePast(c.EndsOn, today);
        }

        if (c.Requirements.Count == 0)
        {
            return new PerformanceCaseRefusal.DetailRequired(c.Action, "deficiencies to cure");
        }

        foreach (var requirement in c.Requirements)
        {
            if (_deficiencies.All(d => d.DeficiencyId != requirement.DeficiencyId))
            {
                return new PerformanceCaseRefusal.DeficiencyNotInCase(requirement.DeficiencyId);
            }

            if (string.IsNullOrWhiteSpace(requirement.CuredMeans))
            {
                return new PerformanceCaseRefusal.DetailRequired(c.Action, "what cured means");
            }
        }

        return null;
    }

    private PerformanceCaseRefusal? Check(PerformanceCaseCommand.SendCureNotice c, Instant at, LocalDate today)
    {
        var startsOn = RemedialPeriodStartsOn!.Value;
        if (today > startsOn)
        {
            return new PerformanceCaseRefusal.NoticeAfterPeriodStarts(startsOn, today);
        }

        return c.SentAt > at ? new PerformanceCaseRefusal.NoticeNotYetSent(c.SentAt, at) : null;
    }

    private PerformanceCaseRefusal? Check(PerformanceCaseCommand.VerifyCure c, LocalDate today)
    {
        if (_deficiencies.FirstOrDefault(d => d.DeficiencyId == c.DeficiencyId) is not { } deficiency)
        {
            return new PerformanceCaseRefusal.DeficiencyNotInCase(c.DeficiencyId);
        }

        if (!deficiency.ToCure)
        {
            return new PerformanceCaseRefusal.DeficiencyNotInRemedialPeriod(c.DeficiencyId);
        }

        if (deficiency.Cured == true)
        {
            return new PerformanceCaseRefusal.AlreadyCured(c.DeficiencyId);
        }

        if (c.InspectedOn > today)
        {
            return new PerformanceCaseRefusal.DateInTheFuture(c.Action, c.InspectedOn, today);
        }

        if (c.InspectedOn < RemedialPeriodStartsOn!.Value)
        {
            return new PerformanceCaseRefusal.InspectedBeforePeriod(c.InspectedOn, RemedialPeriodStartsOn.Value);
        }

        return c.Cured && c.InspectedOn > RemedialPeriodEndsOn!.Value
            ? new PerformanceCaseRefusal.CuredAfterPeriod(c.InspectedOn, RemedialPeriodEndsOn.Value)
            : null;
    }

    private PerformanceCaseRefusal? Check(PerformanceCaseCommand.SubmitCure c)
    {
        if (_deficiencies.FirstOrDefault(d => d.DeficiencyId == c.DeficiencyId) is not { } deficiency)
        {
            return new PerformanceCaseRefusal.DeficiencyNotInCase(c.DeficiencyId);
        }

        if (!deficiency.ToCure)
        {
            return new PerformanceCaseRefusal.DeficiencyNotInRemedialPeriod(c.DeficiencyId);
        }

        return deficiency.Cured == true ? new PerformanceCaseRefusal.AlreadyCured(c.DeficiencyId) : null;
    }

    private PerformanceCaseRefusal? Check(PerformanceCaseCommand.TerminateForCause c, LocalDate today)
    {
        // 7 C: only a period that has run out, with something still not cured to the City's satisfaction.
        var endsOn = RemedialPeriodEndsOn!.Value;
        if (today <= endsOn)
        {
            return new PerformanceCaseRefusal.RemedialPeriodNotExpired(endsOn, today);
        }

        if (c.EffectiveOn < today)
        {
            return new PerformanceCaseRefusal.EffectiveInThePast(c.EffectiveOn, today);
        }

        return c.EffectiveOn > TermEnd ? new PerformanceCaseRefusal.EffectiveAfterTermEnds(c.EffectiveOn, TermEnd) : null;
    }
}

/// <summary>A step taken on a performance case, never changed once written.</summary>
/// <param name="Command">The step's own data (the meeting, the period, the verdict…); null for the opening.</param>
/// <param name="Text">The reason, or what was done and seen.</param>
/// <param name="Documents">The minutes, notice, photos or reports behind the step.</param>
public sealed record PerformanceCaseStep(
    Guid Id,
    Guid CaseId,
    PerformanceCaseAction Action,
    PerformanceCaseCommand? Command,
    PerformanceCaseStatus StatusAfter,
    Party Party,
    string By,
    Instant At,
    string Text,
    IReadOnlyList<DocumentReference> Documents);
