using FieldContracts.Scheduling.Planning;
using NodaTime;

namespace FieldContracts.Administration.WorkLogs;

/// <summary>Whether a chemical application may be recorded, given the notices recorded for it.</summary>
public abstract record NoticeDecision
{
    private NoticeDecision()
    {
    }

    /// <summary>A recorded notice was sent at least the lead time before and names the application's day.</summary>
    public sealed record Notified(SentNotice Notice) : NoticeDecision;

    /// <summary>No sufficient notice, but the application is an emergency with its reason: accepted and flagged.</summary>
    public sealed record Emergency(string Reason) : NoticeDecision;

    /// <summary>No sufficient notice and no emergency: the application is refused.</summary>
    /// <param name="DueBy">The latest instant a notice could have gone out.</param>
    /// <param name="Closest">The latest notice recorded, if any, to say why it does not serve.</param>
    public sealed record Refused(Instant DueBy, SentNotice? Closest) : NoticeDecision;
}

/// <summary>The pre-notification rule applied to an application as it was done (spec VII; CGS 10-231c).</summary>
public static class ApplicationNotices
{
    /// <summary>
    /// Decides whether an application starting at <paramref name="startedAt"/> had a sufficient prior
    /// notice among <paramref name="sent"/>: sent at least <paramref name="leadTime"/> of elapsed time
    /// before, naming the day of the application. Otherwise a non-blank
    /// <paramref name="emergencyReason"/> makes it an emergency; without one it is refused.
    /// </summary>
    public static NoticeDecision Decide(ZonedDateTime startedAt, Duration leadTime, IEnumerable<SentNotice> sent, string? emergencyReason)
    {
        ArgumentNullException.ThrowIfNull(sent);
        var requirement = ChemicalNotices.Require(startedAt, leadTime,
            new NoticeContent("", [], [], [], startedAt.Date, startedAt.TimeOfDay));
        var notices = sent.OrderByDescending(n => n.SentAt).ToList();
        if (notices.FirstOrDefault(requirement.IsMetBy) is { } met)
        {
            return new NoticeDecision.Notified(met);
        }

        return string.IsNullOrWhiteSpace(emergencyReason)
            ? new NoticeDecision.Refused(requirement.DueBy, notices.FirstOrDefault())
            : new NoticeDecision.Emergency(emergencyReason.Trim());
    }
}
