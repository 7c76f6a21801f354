using FieldContracts.Administration.Notices;
using FieldContracts.Web.Infrastructure;

namespace FieldContracts.Web.Features.Shared;

/// <summary>Where a chemical application's pre-notification stands, in the words pages, feeds and the crew's list use.</summary>
public static class NoticeWords
{
    /// <summary>A sentence: "Sent Mon, Jul 14, 2003 5:00 AM (email to 3 recipients), naming Tue, Jul 15, 2003."</summary>
    public static string Sentence(NoticeStanding standing) => standing switch
    {
        NoticeStanding.Given g =>
            $"Sent {Display.Time(g.Notice.SentAt.InZone(Hartford.Zone))} ({g.Notice.How}), naming {Display.Long(g.Notice.ApplicationDateNamed)}.",
        NoticeStanding.Due d => $"Due by {Display.Time(d.DueBy.InZone(Hartford.Zone))}: not yet sent.{Superseded(d.OnRecord, d.DueBy)}",
        NoticeStanding.Overdue o =>
            $"Overdue: due by {Display.Time(o.DueBy.InZone(Hartford.Zone))}, and no notice that counts is on record.{Superseded(o.OnRecord, o.DueBy)}",
        _ => "",
    };

    /// <summary>A tag for a grid or a list: "notice sent", "notice due", "notice overdue".</summary>
    public static string Tag(NoticeStanding standing) => standing switch
    {
        NoticeStanding.Given => "notice sent",
        NoticeStanding.Due => "notice due",
        _ => "notice overdue",
    };

    /// <summary>Why the notice on record does not serve: it names another day, or it went out after the due time.</summary>
    private static string Superseded(GivenNotice? onRecord, NodaTime.Instant dueBy) => onRecord switch
    {
        null => "",
        _ when onRecord.SentAt > dueBy =>
            $" The notice on record ({onRecord.How}) went out {Display.Time(onRecord.SentAt.InZone(Hartford.Zone))}, after that, and does not count.",
        _ => $" The notice on record ({onRecord.How}) names {Display.Long(onRecord.ApplicationDateNamed)}, another day: a fresh notice is needed.",
    };
}
