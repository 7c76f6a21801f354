using FieldContracts.Administration.Deficiencies;
using FieldContracts.Scheduling.Contracts;
using NodaTime;

namespace FieldContracts.Administration.Performance;

/// <summary>Why the City ended the contract early.</summary>
public enum TerminationKind
{
    /// <summary>Special instruction 7 C: deficiencies not corrected within the remedial period.</summary>
    ForCause,

    /// <summary>Special instruction 6: cancelled with thirty days' prior written notice.</summary>
    WithoutCause,
}

/// <summary>The two conditions of special instruction 6 under which the City may cancel without cause.</summary>
public enum TerminationWithoutCauseReason
{
    /// <summary>6 A: "Funds are not appropriated by the Court of Common Council to allow continuance of this contract."</summary>
    FundsNotAppropriated,

    /// <summary>6 B: the City, "through changes in its requirements or method of operation, no longer has a need".</summary>
    NeedEnded,
}

/// <summary>
/// An opaque reference to a stored document (minutes, a notice, a photo): its id or content hash. The domain keeps
/// the reference only; the document lives elsewhere.
/// </summary>
public sealed record DocumentReference
{
    public DocumentReference(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value.Trim();
    }

    public string Value { get; }

    public override string ToString() => Value;
}

/// <summary>
/// The City's decision to end a contract before its term ends, for cause or without. Never changed once made.
/// </summary>
/// <param name="EffectiveOn">
/// The first day the contract is no longer in force, as <c>Contract.TerminatedOn</c> means it: from this day on the
/// contract's status is terminated, so the last day of service is the day before.
/// </param>
/// <param name="Reason">For a termination without cause, which condition of special instruction 6; else null.</param>
/// <param name="NoticeOn">For a termination without cause, the day the written notice was given; else null.</param>
/// <param name="Text">The City's reasons, in words.</param>
public sealed record ContractTermination(
    Guid ContractId,
    TerminationKind Kind,
    TerminationWithoutCauseReason? Reason,
    LocalDate? NoticeOn,
    LocalDate EffectiveOn,
    Party Party,
    string By,
    Instant At,
    string Text,
    IReadOnlyList<DocumentReference> Documents)
{
    /// <summary>The last day work is owed and paid for: the day before <see cref="EffectiveOn"/>.</summary>
    public LocalDate LastDayOfService => EffectiveOn.PlusDays(-1);

    /// <summary>
    /// The term left after the termination, both ends inclusive: it ends on <see cref="LastDayOfService"/> when that
    /// falls before the term's own end. Null when the termination takes effect on or before the term's first day, so
    /// that no day of the term remains.
    /// </summary>
    public DateInterval? NewTerm(DateInterval term)
    {
        ArgumentNullException.ThrowIfNull(term);
        if (EffectiveOn <= term.Start)
        {
            return null;
        }

        return new DateInterval(term.Start, LocalDate.Min(term.End, LastDayOfService));
    }

    /// <summary>The contract's new last day (inclusive); null when no day of the term remains.</summary>
    public LocalDate? NewEndDate(DateInterval term) => NewTerm(term)?.End;

    /// <summary>Whether work planned on <paramref name="plannedOn"/> is to be cancelled: on or after the effective day.</summary>
    public bool Cancels(LocalDate plannedOn) => plannedOn >= EffectiveOn;
}

/// <summary>Why a termination without cause is refused; a value, not an exception.</summary>
public abstract record TerminationRefusal
{
    private TerminationRefusal()
    {
    }

    /// <summary>Only Purchasing, for the City, cancels the contract.</summary>
    public sealed record NotYourStep(Party Party) : TerminationRefusal;

    /// <summary>The City's reasons are required.</summary>
    public sealed record TextRequired : TerminationRefusal;

    /// <summary>The reason is not one of special instruction 6's two.</summary>
    public sealed record ReasonNotInTheBid(TerminationWithoutCauseReason Reason) : TerminationRefusal;

    /// <summary>The contract already ends early on <paramref name="On"/>.</summary>
    public sealed record AlreadyTerminated(LocalDate On) : TerminationRefusal;

    /// <summary>A notice is recorded once given, not before.</summary>
    public sealed record NoticeInTheFuture(LocalDate NoticeOn, LocalDate Today) : TerminationRefusal;

    /// <summary>Fewer calendar days between notice and effect than special instruction 6 requires.</summary>
    public sealed record NoticeTooShort(LocalDate NoticeOn, LocalDate EffectiveOn, int Days, int RequiredDays) : TerminationRefusal;

    /// <summary>The term ends on <paramref name="TermEnd"/> anyway; there is nothing to cancel after it.</summary>
    public sealed record EffectiveAfterTermEnds(LocalDate EffectiveOn, LocalDate TermEnd) : TerminationRefusal;
}

/// <summary>
/// Special instruction 6: "The City of Hartford reserves the right to cancel this contract, at any time, with thirty
/// (30) days prior written notice to contractor" when funds are not appropriated (A) or the need has ended (B).
/// </summary>
public static class TerminationWithoutCause
{
    /// <summary>Calendar days from the day of the written notice to the day the termination takes effect.</summary>
    public const int NoticeDays = 30;

    /// <summary>
    /// Decides a cancellation without cause: Purchasing, one of the two reasons, a notice already given, and at least
    /// <see cref="NoticeDays"/> calendar days from the notice day to the effective day (notice on Mar 1 takes effect
    /// Mar 31 at the earliest). Calendar days, not elapsed hours: a month with a daylight-saving change or a leap day
    /// counts the same way. Refused, with nothing decided, otherwise.
    /// </summary>
    public static (ContractTermination? Termination, TerminationRefusal? Refusal) Decide(
        Contract contract,
        TerminationWithoutCauseReason reason,
        LocalDate noticeOn,
        LocalDate effectiveOn,
        Party party,
        string by,
        Instant at,
        LocalDate today,
        string? text,
        IReadOnlyList<DocumentReference>? documents = null)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        if (party != Party.Purchasing)
        {
            return (null, new TerminationRefusal.NotYourStep(party));
        }

        if (!Enum.IsDefined(reason))
        {
            return (null, new TerminationRefusal.ReasonNotInTheBid(reason));
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, new TerminationRefusal.TextRequired());
        }

        if (contract.TerminatedOn is { } terminatedOn)
        {
            return (null, new TerminationRefusal.AlreadyTerminated(terminatedOn));
        }

        if (noticeOn > today)
        {
            return (null, new TerminationRefusal.NoticeInTheFuture(noticeOn, today));
        }

        var days = Period.DaysBetween(noticeOn, effectiveOn);
        if (days < NoticeDays)
        {
            return (null, new TerminationRefusal.NoticeTooShort(noticeOn, effectiveOn, days, NoticeDays));
        }

        // Effective the day after the term's last day is the term's natural end, not a termination.
        if (effectiveOn > contract.TermEnd)
        {
            return (null, new TerminationRefusal.EffectiveAfterTermEnds(effectiveOn, contract.TermEnd));
        }

        return (new ContractTermination(contract.Id, TerminationKind.WithoutCause, reason, noticeOn, effectiveOn, party, by, at,
            text.Trim(), documents?.ToList() ?? []), null);
    }
}
