using FieldContracts.Scheduling.Planning;
using NodaTime;

namespace FieldContracts.Administration.Notices;

/// <summary>How a pre-notification reached the school.</summary>
public enum NoticeSource
{
    /// <summary>Given outside the application (a letter, a call, in person) and recorded by the Athletic Director or the contractor.</summary>
    Recorded,

    /// <summary>Emailed by the application; it counts as sent when a mail server first accepted it.</summary>
    Emailed,
}

/// <summary>
/// A pre-notification of one chemical application as given (spec VII; CGS 10-231c): when it went out, the
/// application day it named, and how.
/// </summary>
/// <param name="OccurrenceId">The planned application it announced.</param>
/// <param name="SentAt">When it went out: as recorded, or when a mail server first accepted the email.</param>
/// <param name="ApplicationDateNamed">The day of the application the notice named (Hartford).</param>
/// <param name="Source">Recorded by hand, or emailed by the application.</param>
/// <param name="How">In words, for people: "email to 3 recipients", "phone", "letter".</param>
public sealed record GivenNotice(Guid OccurrenceId, Instant SentAt, LocalDate ApplicationDateNamed, NoticeSource Source, string How)
{
    public SentNotice AsSent => new(SentAt, ApplicationDateNamed);
}

/// <summary>Where the pre-notification of a planned chemical application stands.</summary>
public abstract record NoticeStanding
{
    private NoticeStanding()
    {
    }

    /// <summary>A notice naming the application's day went out at least the lead time before: it counts.</summary>
    public sealed record Given(GivenNotice Notice) : NoticeStanding;

    /// <summary>No notice counts yet and the latest instant one may go out is still to come.</summary>
    /// <param name="DueBy">The latest instant the notice may go out.</param>
    /// <param name="OnRecord">A notice already given that does not serve (late, or naming another day), if any.</param>
    public sealed record Due(Instant DueBy, GivenNotice? OnRecord) : NoticeStanding;

    /// <summary>The lead time has passed and no notice counts: the application may go ahead only as an emergency.</summary>
    public sealed record Overdue(Instant DueBy, GivenNotice? OnRecord) : NoticeStanding;
}

/// <summary>
/// The notices given for a contract's chemical applications, recorded by hand and emailed alike, and the one rule
/// of which of them counts. The notice on record for an application is, among those naming the application's
/// current day, the earliest (it gives the most lead time); failing that, the latest given (it names another day,
/// so it does not serve). It counts when it names the application's day and went out at least the contract's lead
/// time of elapsed time before the application starts (<see cref="NoticeRequirement.IsMetBy"/>), so across a
/// daylight-saving change the lead time is real hours. The planner, the work-log check, the schedule pages and the
/// calendar feed all ask this ledger.
/// </summary>
public sealed class NoticeLedger
{
    private readonly ILookup<Guid, GivenNotice> _byOccurrence;

    public NoticeLedger(IEnumerable<GivenNotice> notices)
    {
        ArgumentNullException.ThrowIfNull(notices);
        _byOccurrence = notices.OrderBy(n => n.SentAt).ThenBy(n => n.Source).ToLookup(n => n.OccurrenceId);
    }

    public static NoticeLedger Empty { get; } = new([]);

    /// <summary>Every notice in the ledger.</summary>
    public IEnumerable<GivenNotice> All => _byOccurrence.SelectMany(g => g);

    /// <summary>Every notice given for an application, the first sent first.</summary>
    public IReadOnlyList<GivenNotice> For(Guid occurrenceId) => _byOccurrence[occurrenceId].ToList();

    /// <summary>
    /// The notice on record for an application on <paramref name="applicationDay"/>: the earliest naming that day;
    /// failing that, the latest given; null when none was given.
    /// </summary>
    public GivenNotice? OnRecord(Guid occurrenceId, LocalDate? applicationDay) => OnRecord(_byOccurrence[occurrenceId], applicationDay);

    /// <summary>The notice on record among the notices of several applications done in one visit.</summary>
    public GivenNotice? OnRecord(IEnumerable<Guid> occurrenceIds, LocalDate applicationDay) =>
        OnRecord(occurrenceIds.Distinct().SelectMany(id => _byOccurrence[id]).OrderBy(n => n.SentAt).ThenBy(n => n.Source), applicationDay);

    /// <summary>Whether <paramref name="notice"/> counts for an application starting at <paramref name="startsAt"/>.</summary>
    public static bool Counts(GivenNotice notice, ZonedDateTime startsAt, Duration leadTime) =>
        Requirement(startsAt, leadTime).IsMetBy(notice.AsSent);

    /// <summary>Where the notice of an application starting at <paramref name="startsAt"/> stands at <paramref name="now"/>.</summary>
    public NoticeStanding Standing(Guid occurrenceId, ZonedDateTime startsAt, Duration leadTime, Instant now)
    {
        var requirement = Requirement(startsAt, leadTime);
        var onRecord = OnRecord(occurrenceId, startsAt.Date);
        if (onRecord is not null && requirement.IsMetBy(onRecord.AsSent))
        {
            return new NoticeStanding.Given(onRecord);
        }

        return now <= requirement.DueBy
            ? new NoticeStanding.Due(requirement.DueBy, onRecord)
            : new NoticeStanding.Overdue(requirement.DueBy, onRecord);
    }

    /// <summary>
    /// The notices as the planner takes them: per application, the notice on record for its current day, so that a
    /// move can tell whether that notice still serves.
    /// </summary>
    public IReadOnlyDictionary<Guid, SentNotice> ForPlanner(Func<Guid, LocalDate?> applicationDay)
    {
        ArgumentNullException.ThrowIfNull(applicationDay);
        var result = new Dictionary<Guid, SentNotice>();
        foreach (var group in _byOccurrence)
        {
            if (OnRecord(group, applicationDay(group.Key)) is { } notice)
            {
                result[group.Key] = notice.AsSent;
            }
        }

        return result;
    }

    /// <summary>What an application at <paramref name="startsAt"/> requires; the lead time is checked against the legal minimum by the contract's settings.</summary>
    internal static NoticeRequirement Requirement(ZonedDateTime startsAt, Duration leadTime) =>
        ChemicalNotices.Require(startsAt, leadTime, new NoticeContent("", [], [], [], startsAt.Date, startsAt.TimeOfDay));

    private static GivenNotice? OnRecord(IEnumerable<GivenNotice> notices, LocalDate? applicationDay)
    {
        GivenNotice? latest = null;
        foreach (var notice in notices)
        {
            if (notice.ApplicationDateNamed == applicationDay)
            {
                return notice;
            }

            latest = notice;
        }

        return latest;
    }
}
