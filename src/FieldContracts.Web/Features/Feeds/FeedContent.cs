using System.Globalization;
using System.Text;
using FieldContracts.Administration.Notices;
using FieldContracts.Data.Feeds;
using FieldContracts.Data.Planning;
using FieldContracts.Scheduling.Calendar;
using FieldContracts.Scheduling.Contracts;
using FieldContracts.Scheduling.Planning;
using FieldContracts.Scheduling.Specification;
using FieldContracts.Web.Features.Schedule;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Infrastructure;
using NodaTime;

namespace FieldContracts.Web.Features.Feeds;

/// <summary>
/// Turns stored occurrences into the events of a subscription. Everything written comes from the data and
/// the site's address, never from the clock, so unchanged data always gives the same calendar.
/// </summary>
public static class FeedContent
{
    /// <summary>How often calendar applications are asked to fetch the feed again (REFRESH-INTERVAL, X-PUBLISHED-TTL).</summary>
    public static readonly Duration RefreshInterval = Duration.FromHours(1);

    /// <summary>
    /// Whether an occurrence appears in feeds. Work whose window lies before the term (early spring 2003) will
    /// never be done under the contract: the schedule pages show it, calendars do not. If such work was once
    /// published with another time or status (its calendar sequence has moved), it is written as cancelled
    /// so that subscribers drop their copy.
    /// </summary>
    public static bool IsPublished(OccurrenceRecord r) =>
        r.Status != OccurrenceStatus.OutsideTerm || r.CalendarSequence > 0;

    /// <summary>What happened to the plan's work, as the feed tells it: the notices given, the work the register holds missed and the visits that did it.</summary>
    /// <param name="Specifications">Each contract's specification, for the bid's text of each task.</param>
    /// <param name="Done">For work logged as done, the visit that did it (its current version), by occurrence.</param>
    public sealed record Facts(NoticeLedger Notices, IReadOnlySet<Guid> Missed, IReadOnlyDictionary<Guid, ContractSpecification> Specifications,
        IReadOnlyDictionary<Guid, DoneVisit> Done)
    {
        public static Facts None { get; } = new(NoticeLedger.Empty, new HashSet<Guid>(), new Dictionary<Guid, ContractSpecification>(),
            new Dictionary<Guid, DoneVisit>());
    }

    /// <summary>A visit as logged: its day and when the crew started and finished.</summary>
    public sealed record DoneVisit(LocalDate On, Instant Started, Instant Finished);

    public static CalendarFeed Build(CalendarFeedSubscription subscription, IReadOnlyList<Contract> contracts,
        IEnumerable<OccurrenceRecord> occurrences, string origin, Facts facts)
    {
        var contractsById = contracts.ToDictionary(c => c.Id);
        var sites = contracts.SelectMany(c => c.Sites).ToDictionary(s => s.Id);
        var areas = sites.Values.SelectMany(s => s.Areas).ToDictionary(a => a.Id, a => a.Name);
        var transparent = subscription.Scope != FeedScope.ContractorWork;
        var prefixNumber = subscription.Scope == FeedScope.ContractorWork;

        var events = occurrences
            .Where(IsPublished)
            .Select(r => (Record: r, Site: sites[r.SiteId], Contract: contractsById[r.ContractId]))
            .OrderBy(x => x.Record.ApplicationStartsAt?.InZone(Hartford.Zone).Date ?? x.Record.PlannedDate ?? x.Record.WindowStart)
            .ThenBy(x => x.Record.ApplicationStartsAt ?? Instant.MinValue)
            .ThenBy(x => x.Contract.Number, StringComparer.Ordinal)
            .ThenBy(x => x.Site.Code, StringComparer.Ordinal)
            .ThenBy(x => x.Record.TaskKey, StringComparer.Ordinal)
            .ThenBy(x => x.Record.Id)
            .Select(x => Event(x.Record, x.Site, x.Contract, areas, origin, transparent, prefixNumber, facts))
            .ToList();

        return new CalendarFeed(subscription.Name, Hartford.Zone, RefreshInterval, events)
        {
            Description = Describe(subscription, contracts, sites),
            ProductId = "-//City of Hartford//FieldContracts//EN",
        };
    }

    /// <summary>The calendar's title when its owner gives none.</summary>
    public static string DefaultName(FeedScope scope, Contract? contract, Site? site, string? contractorName) => scope switch
    {
        FeedScope.WholeContract => $"#{contract!.Number} {contract.Title}",
        FeedScope.School => $"#{contract!.Number} {contract.Title} · {site!.Name}",
        FeedScope.ChemicalOnly => $"#{contract!.Number} {contract.Title} · chemical applications",
        FeedScope.ContractorWork => $"{contractorName ?? "Our"} work",
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, null),
    };

    /// <summary>The calendar status of an occurrence (<see cref="OccurrenceEvents.StatusOf"/>).</summary>
    public static EventStatus StatusOf(OccurrenceRecord r) => OccurrenceEvents.StatusOf(r.Cancelled, r.Status);

    /// <summary>When an occurrence shows in a calendar (<see cref="OccurrenceEvents.TimingOf"/>).</summary>
    public static EventTiming TimingOf(OccurrenceRecord r) =>
        OccurrenceEvents.TimingOf(r.ApplicationStartsAt, r.ApplicationMinutes, r.PlannedDate, new DateInterval(r.WindowStart, r.WindowEnd),
            Hartford.Zone);

    /// <summary>
    /// When an occurrence shows in a calendar, as it happened: work logged as done shows when the visit that did it
    /// started and finished (all day on the day logged when no such visit is found); other work as planned.
    /// </summary>
    public static EventTiming TimingOf(OccurrenceRecord r, DoneVisit? visit) => (r.LoggedOn, visit) switch
    {
        ({ } on, { } v) when v.On == on && v.Finished > v.Started => EventTiming.At(v.Started.InZone(Hartford.Zone), v.Finished - v.Started),
        ({ } on, _) => EventTiming.OnDay(on),
        _ => TimingOf(r),
    };

    private static CalendarEvent Event(OccurrenceRecord r, Site site, Contract contract, IReadOnlyDictionary<Guid, string> areas,
        string origin, bool transparent, bool prefixNumber, Facts facts)
    {
        var status = StatusOf(r);
        var missed = facts.Missed.Contains(r.Id) && r.LoggedOn is null;
        var visit = r.LoggedOn is not null ? facts.Done.GetValueOrDefault(r.Id) : null;
        var summary = new StringBuilder();
        if (prefixNumber)
        {
            summary.Append('#').Append(contract.Number).Append(' ');
        }

        var specification = facts.Specifications.GetValueOrDefault(contract.Id);
        summary.Append(site.Code).Append(" · ").Append(TaskTitles.Of(r.TaskKey, specification));
        if (r.IsChemical)
        {
            summary.Append(" (chemical)");
        }

        if (status != EventStatus.Cancelled)
        {
            summary.Append(r.Status switch
            {
                OccurrenceStatus.ScheduleConflict => ": time to be coordinated",
                OccurrenceStatus.AwaitingTrigger => ": day not set yet",
                _ => "",
            });
            // STATUS stays confirmed: the work was planned; what became of it is said in words.
            summary.Append(r.LoggedOn is not null ? ": done" : missed ? ": missed" : "");
        }

        var url = new Uri($"{origin.TrimEnd('/')}/contracts/{Uri.EscapeDataString(contract.Number)}/schedule/{r.Id}");
        var categories = new List<string> { site.Code, KindName(r.Kind) };
        if (r.IsChemical)
        {
            categories.Add("Chemical application");
        }

        return new CalendarEvent($"{r.Id}@fieldcontracts", summary.ToString(), TimingOf(r, visit), r.LastModified, r.LastModified)
        {
            Sequence = r.CalendarSequence,
            Status = status,
            Transparent = transparent,
            Location = $"{site.Name}, {site.Address}",
            Geo = new GeoPoint(Normalized(site.Location.Latitude), Normalized(site.Location.Longitude)),
            Description = DescriptionOf(r, contract, areas, specification, facts, missed, visit),
            Categories = categories,
            Url = url,
        };
    }

    private static string DescriptionOf(OccurrenceRecord r, Contract contract, IReadOnlyDictionary<Guid, string> areas,
        ContractSpecification? specification, Facts facts, bool missed, DoneVisit? visit)
    {
        var detail = OccurrenceDetail.Parse(r.Detail);
        string Area(Guid id) => areas.TryGetValue(id, out var name) ? name : "(area no longer on the contract)";
        var lines = new List<string>();
        if (r.Cancelled)
        {
            lines.Add("Cancelled: this work is no longer in the plan.");
        }
        else if (r.Status != OccurrenceStatus.Planned)
        {
            lines.Add(Display.Status(r.Status) + ".");
        }

        lines.Add($"#{contract.Number} {contract.Title}, item {r.ItemReference}: {specification?.Tasks.FirstOrDefault(t => t.Key == r.TaskKey)?.BidText ?? TaskTitles.Of(r.TaskKey, specification)}");
        lines.Add($"Window: {Display.Short(r.WindowStart)} – {Display.Short(r.WindowEnd)}");
        if (detail.Areas.Count > 0)
        {
            lines.Add("Areas: " + string.Join("; ", detail.Areas.Select(Area)));
        }

        if (detail.Heights.Count > 0)
        {
            lines.Add("Height of cut:");
            lines.AddRange(detail.Heights.Select(h =>
                $"- {Area(h.Area)}: {Display.Inches(h.Minimum, h.Maximum)} ({(h.InSeason ? "in season" : "off season")})"));
        }

        if (detail.Materials.Count > 0)
        {
            lines.Add("Materials:");
            lines.AddRange(detail.Materials.Select(m =>
                $"- {m.Name}{(m.Rate.Length > 0 ? ", " + m.Rate : "")}" +
                (m.ActiveIngredients.Count > 0 ? $" (active ingredients: {string.Join(", ", m.ActiveIngredients)})" : "") +
                (m.IsSampleProduct ? " [sample product]" : "")));
        }

        if (r.LoggedOn is null && r is { ApplicationStartsAt: { } start, ApplicationMinutes: { } minutes })
        {
            lines.Add($"Application: {Display.Time(start.InZone(Hartford.Zone))}, {minutes.ToString(CultureInfo.InvariantCulture)} minutes");
        }

        if (r.NoticeDueBy is { } due && detail.Notice is { } notice && r.ApplicationStartsAt is { } planned)
        {
            // From the data, never the clock: a notice that counts is told as sent; otherwise when it was due. Work
            // done is judged at the time it was done, as the work-log check judged it; planned work at its planned time.
            var to = Recipients(notice.Recipients);
            var leadTime = planned - due;
            var startsAt = visit is { } v && v.On == r.LoggedOn ? v.Started.InZone(Hartford.Zone)
                : r.LoggedOn is { } on ? on.AtStartOfDayInZone(Hartford.Zone)
                : planned.InZone(Hartford.Zone);
            var onRecord = facts.Notices.OnRecord(r.Id, startsAt.Date);
            lines.Add(onRecord is not null && NoticeLedger.Counts(onRecord, startsAt, leadTime)
                ? $"Pre-notification to {to}: sent {Display.Time(onRecord.SentAt.InZone(Hartford.Zone))} ({onRecord.How})"
                : r.LoggedOn is not null
                    ? $"Pre-notification to {to}: no notice on record as sent at least {Hours(leadTime)} before the application"
                    : $"Pre-notification to {to}: due by {Display.Time(due.InZone(Hartford.Zone))}; none on record as sent");
        }

        if (missed)
        {
            lines.Add("Missed: nothing was logged by the last day of its window.");
        }

        if (r.EmergencyReason is { } emergency)
        {
            lines.Add("Emergency application: " + emergency);
        }

        if (r.Deliverable is { } deliverable)
        {
            lines.Add("Deliverable: " + deliverable);
        }

        if (r.LoggedOn is { } logged)
        {
            lines.Add(visit is { } done && done.On == logged && done.Finished > done.Started
                ? $"Done on {Display.Long(logged)}, {ClockTime(done.Started)} – {ClockTime(done.Finished)}"
                : $"Done on {Display.Long(logged)}");
        }

        return string.Join("\n", lines);
    }

    /// <summary>Recipients in words, e.g. "the school's registry (…), the Athletic Director or designee and school maintenance".</summary>
    public static string Recipients(IReadOnlyList<string> recipients)
    {
        var words = recipients.Select(Display.Recipient).ToList();
        return words.Count <= 1 ? string.Concat(words) : string.Join(", ", words[..^1]) + " and " + words[^1];
    }

    private static string ClockTime(Instant instant) =>
        instant.InZone(Hartford.Zone).ToString("h:mm tt", CultureInfo.GetCultureInfo("en-US"));

    private static string Hours(Duration duration) =>
        duration.TotalHours == 1 ? "1 hour" : $"{duration.TotalHours.ToString("0.#", CultureInfo.InvariantCulture)} hours";

    private static string Describe(CalendarFeedSubscription subscription, IReadOnlyList<Contract> contracts,
        IReadOnlyDictionary<Guid, Site> sites)
    {
        var what = subscription.Scope switch
        {
            FeedScope.School when subscription.SiteId is { } id && sites.TryGetValue(id, out var site) => $"work planned at {site.Name}",
            FeedScope.ChemicalOnly => "chemical applications planned at the schools",
            FeedScope.ContractorWork => "work planned under your contracts",
            _ => "work planned at the schools",
        };
        var numbers = string.Join(", ", contracts.OrderBy(c => c.Number, StringComparer.Ordinal).Select(c => $"#{c.Number} {c.Title}"));
        return $"{numbers}: {what}. Times are Hartford time (America/New_York). Work before the term is not listed.";
    }

    private static string KindName(TaskKind kind) => kind switch
    {
        TaskKind.WeedControl => "Weed control",
        TaskKind.TurfRepair => "Turf repair",
        _ => kind.ToString(),
    };

    /// <summary>Coordinates to six places without trailing zeros, whatever scale the database returned.</summary>
    private static decimal Normalized(decimal value) =>
        decimal.Parse(decimal.Round(value, 6).ToString("0.######", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
