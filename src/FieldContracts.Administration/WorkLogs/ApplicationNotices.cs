using FieldContracts.Administration.Notices;
using NodaTime;

namespace FieldContracts.Administration.WorkLogs;

/// <summary>Whether a chemical application may be recorded, given the notices given for it.</summary>
public abstract record NoticeDecision
{
    private NoticeDecision()
    {
    }

    /// <summary>A notice naming the day went out at least the lead time before.</summary>
    public sealed record Notified(GivenNotice Notice) : NoticeDecision;

    /// <summary>No sufficient notice, but the application is an emergency with its reason: accepted and flagged.</summary>
    public sealed record Emergency(string Reason) : NoticeDecision;

    /// <summary>No sufficient notice and no emergency: the application is refused.</summary>
    /// <param name="DueBy">The latest instant a notice could have gone out.</param>
    /// <param name="Closest">The notice on record, if any, to say why it does not serve.</param>
    public sealed record Refused(Instant DueBy, GivenNotice? Closest) : NoticeDecision;
}

/// <summary>The pre-notification rule applied to an application as it was done (spec VII; CGS 10-231c).</summary>
public static class ApplicationNotices
{
    /// <summary>
    /// Decides whether an application of <paramref name="occurrenceIds"/> starting at <paramref name="startedAt"/>
    /// had a notice that counts in <paramref name="ledger"/> (<see cref="NoticeLedger"/>). Otherwise a non-blank
    /// <paramref name="emergencyReason"/> makes it an emergency; without one it is refused.
    /// </summary>
    public static NoticeDecision Decide(ZonedDateTime startedAt, Duration leadTime, NoticeLedger ledger, IEnumerable<Guid> occurrenceIds,
        string? emergencyReason)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var onRecord = ledger.OnRecord(occurrenceIds, startedAt.Date);
        if (onRecord is not null && NoticeLedger.Counts(onRecord, startedAt, leadTime))
        {
            return new NoticeDecision.Notified(onRecord);
        }

        return string.IsNullOrWhiteSpace(emergencyReason)
            ? new NoticeDecision.Refused(NoticeLedger.Requirement(startedAt, leadTime).DueBy, onRecord)
            : new NoticeDecision.Emergency(emergencyReason.Trim());
    }
}
