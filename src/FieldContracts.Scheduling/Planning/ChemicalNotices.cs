using NodaTime;

namespace FieldContracts.Scheduling.Planning;

/// <summary>Who a chemical pre-notification goes to (spec VII; CGS 10-231c).</summary>
[Flags]
public enum NoticeRecipients
{
    None = 0,

    /// <summary>The parents, guardians and staff on the school's registry, who asked to be told.</summary>
    SchoolRegistry = 1,

    /// <summary>The Athletic Director or her designee, with whom the bid says notice is coordinated.</summary>
    AthleticDirectorOrDesignee = 2,

    /// <summary>The school's maintenance staff.</summary>
    SchoolMaintenance = 4,

    All = SchoolRegistry | AthleticDirectorOrDesignee | SchoolMaintenance,
}

/// <summary>What a chemical pre-notification says: product, active ingredient, location and date.</summary>
/// <param name="School">The school's name.</param>
/// <param name="Areas">The areas to be treated.</param>
/// <param name="Products">The pesticide products, as the specification names them.</param>
/// <param name="ActiveIngredients">The products' active ingredients.</param>
/// <param name="ApplicationDate">The day of the application, which the notice names.</param>
/// <param name="ApplicationTime">The planned start, local time.</param>
public sealed record NoticeContent(
    string School,
    IReadOnlyList<string> Areas,
    IReadOnlyList<string> Products,
    IReadOnlyList<string> ActiveIngredients,
    LocalDate ApplicationDate,
    LocalTime ApplicationTime);

/// <summary>A pre-notification already sent: when, and the application day it named.</summary>
public sealed record SentNotice(Instant SentAt, LocalDate ApplicationDateNamed);

/// <summary>
/// The pre-notification a chemical application requires: to whom, saying what, and by when. The
/// lead time is elapsed time, so across a daylight-saving change the notice still precedes the
/// application by the full number of real hours.
/// </summary>
/// <param name="ApplicationAt">When the application starts, in the school's zone.</param>
/// <param name="LeadTime">Elapsed time the notice must precede the application by (a contract setting).</param>
/// <param name="DueBy">The latest instant the notice may go out: the application instant minus the lead time.</param>
/// <param name="Recipients">Who must receive it.</param>
/// <param name="Content">What it must say.</param>
public sealed record NoticeRequirement(
    ZonedDateTime ApplicationAt,
    Duration LeadTime,
    Instant DueBy,
    NoticeRecipients Recipients,
    NoticeContent Content)
{
    /// <summary>The due instant on the school's local clock.</summary>
    public ZonedDateTime DueByLocal => DueBy.InZone(ApplicationAt.Zone);

    /// <summary>Whether <paramref name="sent"/> meets this requirement: in time, and naming the right day.</summary>
    public bool IsMetBy(SentNotice sent) =>
        sent.SentAt <= DueBy && sent.ApplicationDateNamed == Content.ApplicationDate;
}

/// <summary>Why an application that moved needs a fresh notice.</summary>
[Flags]
public enum FreshNoticeReasons
{
    None = 0,

    /// <summary>The notice sent names a day that is no longer the application day.</summary>
    DateNamedNoLongerRight = 1,

    /// <summary>The notice sent no longer precedes the application by the lead time.</summary>
    LeadTimeNoLongerMet = 2,
}

/// <summary>The notice of a moved application: the moved requirement, and whether a fresh notice is needed.</summary>
/// <param name="Requirement">The requirement at the new time.</param>
/// <param name="FreshNoticeReasons">Why the notice already sent no longer serves; None when it still does or none was sent.</param>
public sealed record NoticeMove(NoticeRequirement Requirement, FreshNoticeReasons FreshNoticeReasons)
{
    public bool FreshNoticeRequired => FreshNoticeReasons != FreshNoticeReasons.None;
}

/// <summary>Pre-notification rules for chemical applications at schools (spec VII; CGS 10-231c).</summary>
public static class ChemicalNotices
{
    /// <summary>
    /// The notice an application at <paramref name="applicationAt"/> requires: due
    /// <paramref name="leadTime"/> of elapsed time earlier, to every recipient.
    /// </summary>
    public static NoticeRequirement Require(ZonedDateTime applicationAt, Duration leadTime, NoticeContent content)
    {
        if (leadTime < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(leadTime), "A notice lead time cannot be negative.");
        }

        return new NoticeRequirement(applicationAt, leadTime, applicationAt.ToInstant() - leadTime, NoticeRecipients.All,
            content with { ApplicationDate = applicationAt.Date, ApplicationTime = applicationAt.TimeOfDay });
    }

    /// <summary>Whether a notice sent at <paramref name="sentAt"/> precedes the application by at least the lead time.</summary>
    public static bool IsNoticeSufficient(Instant sentAt, Instant applicationAt, Duration leadTime) =>
        applicationAt - sentAt >= leadTime;

    /// <summary>
    /// Moves an application's notice to <paramref name="newApplicationAt"/>. A notice already sent
    /// still serves only if it names the new day and precedes the new time by the lead time;
    /// otherwise a fresh notice is required.
    /// </summary>
    public static NoticeMove Move(NoticeRequirement current, ZonedDateTime newApplicationAt, SentNotice? sent)
    {
        var moved = Require(newApplicationAt, current.LeadTime, current.Content);
        var reasons = FreshNoticeReasons.None;
        if (sent is not null)
        {
            if (sent.ApplicationDateNamed != moved.Content.ApplicationDate)
            {
                reasons |= FreshNoticeReasons.DateNamedNoLongerRight;
            }

            if (sent.SentAt > moved.DueBy)
            {
                reasons |= FreshNoticeReasons.LeadTimeNoLongerMet;
            }
        }

        return new NoticeMove(moved, reasons);
    }
}
