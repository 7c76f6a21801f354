using System.Text.Json;
using FieldContracts.Administration.Notices;
using FieldContracts.Data.Notices;
using FieldContracts.Scheduling.Calendar;
using FieldContracts.Scheduling.Contracts;
using FieldContracts.Scheduling.Planning;
using FieldContracts.Scheduling.Specification;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;

namespace FieldContracts.Data.Planning;

/// <summary>
/// Everything a contract's plan is made from, loaded and tracked: the contract with its schools and
/// areas, the recorded facts, the school calendars, the season windows, and the stored occurrences.
/// A change edits these objects; <see cref="ToInput"/> before and after gives the two plans to compare.
/// </summary>
public sealed class PlanState
{
    private PlanState(Contract contract, List<ContractYearFacts> yearFacts, List<SiteYearFacts> siteYearFacts,
        List<OccurrenceMoveRecord> moves, List<SchoolCalendarRecord> calendars, List<SeasonWindowRecord> windows,
        Dictionary<Guid, OccurrenceRecord> occurrences, List<NoticeRecord> notices, List<CalendarSources.CalendarSourceRecord> sources)
    {
        Sources = sources;
        Notices = notices;
        Contract = contract;
        YearFacts = yearFacts;
        SiteYearFacts = siteYearFacts;
        Moves = moves;
        Calendars = calendars;
        Windows = windows;
        Occurrences = occurrences;
    }

    public Contract Contract { get; }

    public List<ContractYearFacts> YearFacts { get; }

    public List<SiteYearFacts> SiteYearFacts { get; }

    public List<OccurrenceMoveRecord> Moves { get; }

    public List<SchoolCalendarRecord> Calendars { get; }

    public List<SeasonWindowRecord> Windows { get; }

    /// <summary>The schools' outside calendars; what each last imported is part of its school's calendar.</summary>
    public List<CalendarSources.CalendarSourceRecord> Sources { get; }

    /// <summary>Chemical pre-notifications recorded as given (by the Athletic Director or the contractor).</summary>
    public List<NoticeRecord> Notices { get; }

    /// <summary>The notices given, recorded by hand and emailed: which of them counts is the ledger's rule.</summary>
    public NoticeLedger Ledger { get; private set; } = NoticeLedger.Empty;

    private IReadOnlyList<GivenNotice> _emailed = [];

    /// <summary>The stored occurrences, cancelled ones included, by id.</summary>
    public Dictionary<Guid, OccurrenceRecord> Occurrences { get; }

    /// <summary>Loads (and tracks) the state of one contract's plan; null when there is no such contract.</summary>
    public static async Task<PlanState?> LoadAsync(FieldContractsDbContext db, Guid contractId, CancellationToken ct)
    {
        var contract = await db.Contracts.Include(c => c.Sites).ThenInclude(s => s.Areas)
            .AsSplitQuery().SingleOrDefaultAsync(c => c.Id == contractId, ct);
        if (contract is null)
        {
            return null;
        }

        var siteIds = contract.Sites.Select(s => s.Id).ToList();
        var state = new PlanState(
            contract,
            await db.ContractYearFacts.Where(f => f.ContractId == contractId).ToListAsync(ct),
            await db.SiteYearFacts.Where(f => siteIds.Contains(f.SiteId)).ToListAsync(ct),
            await db.OccurrenceMoves.Where(m => m.ContractId == contractId).ToListAsync(ct),
            await db.SchoolCalendars.Where(c => siteIds.Contains(c.SiteId)).ToListAsync(ct),
            await db.SeasonWindows.Where(w => w.ContractId == contractId).ToListAsync(ct),
            await db.Occurrences.Where(o => o.ContractId == contractId).ToDictionaryAsync(o => o.Id, ct),
            await db.NoticeRecords.Where(n => n.ContractId == contractId).ToListAsync(ct),
            await db.CalendarSources.Where(s => s.ContractId == contractId).ToListAsync(ct));
        state._emailed = await NoticeLedgers.EmailedAsync(db, contractId, ct);
        state.StoredSpecification = await Specifications.LatestAsync(db, contractId, ct);
        state.Ledger = new NoticeLedger(state.Notices.Select(n => n.ToGiven()).Concat(state._emailed));
        return state;
    }

    /// <summary>The specification stored with the contract (its latest version), or null when it has none.</summary>
    public ContractSpecification? StoredSpecification { get; private set; }

    /// <summary>
    /// The contract's specification with the season windows Purchasing set; a contract without a specification has
    /// nothing to plan, so it gets none of its own and no other contract's either.
    /// </summary>
    public ContractSpecification Specification()
    {
        var specification = StoredSpecification ?? new ContractSpecification(Contract.Number, [], []);
        foreach (var window in Windows.Where(w => specification.Seasons.Any(s => s.Key == w.SeasonKey)).OrderBy(w => w.SeasonKey, StringComparer.Ordinal))
        {
            specification = specification.WithDefaultSeasonWindow(window.SeasonKey, window.DefaultStart, window.DefaultEnd);
            foreach (var (_, interval) in SeasonWindowOverrides.Parse(window.Overrides).OrderBy(o => o.Key))
            {
                specification = specification.WithSeasonWindow(window.SeasonKey, interval);
            }
        }

        return specification;
    }

    private readonly HashSet<Guid> _loggedChanged = [];

    /// <summary>
    /// Records a notice given by hand. What calendars and pages say of the application changes, so the next
    /// <see cref="Sync"/> publishes it as a change of that occurrence.
    /// </summary>
    public void RecordNotice(NoticeRecord notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        Notices.Add(notice);
        Ledger = new NoticeLedger(Notices.Select(n => n.ToGiven()).Concat(_emailed));
        _loggedChanged.Add(notice.OccurrenceId);
    }

    /// <summary>
    /// Records the day work on an occurrence was logged as done (null: no longer done). The next
    /// <see cref="Sync"/> publishes it as a change of that occurrence, with a new revision.
    /// </summary>
    public void MarkLogged(Guid occurrenceId, LocalDate? on)
    {
        var record = Occurrences[occurrenceId];
        if (record.LoggedOn != on)
        {
            record.LoggedOn = on;
            _loggedChanged.Add(occurrenceId);
        }
    }

    /// <summary>The planner's input as the state stands now.</summary>
    public PlanInput ToInput(DateTimeZone zone)
    {
        var siteFacts = new Dictionary<Guid, SiteFacts>();
        foreach (var site in Contract.Sites)
        {
            var calendar = Calendars.SingleOrDefault(c => c.SiteId == site.Id) is { } record
                ? SchoolCalendarDocument.Parse(record.Calendar).ToCalendar().Calendar ?? SchoolCalendar.Empty
                : SchoolCalendar.Empty;
            calendar = WithImported(calendar, Sources.Where(s => s.SiteId == site.Id));
            var endOfFallSports = SiteYearFacts.Where(f => f.SiteId == site.Id && f.EndOfFallSports is not null)
                .ToDictionary(f => f.Year, f => f.EndOfFallSports!.Value);
            siteFacts[site.Id] = new SiteFacts(calendar, endOfFallSports);
        }

        var facts = new PlanFacts(
            YearFacts.Where(f => f.GrowthStart is not null).ToDictionary(f => f.Year, f => f.GrowthStart!.Value),
            YearFacts.Where(f => f.Dormancy is not null).ToDictionary(f => f.Year, f => f.Dormancy!.Value),
            Occurrences.Values.Where(o => o.LoggedOn is not null).ToDictionary(o => o.Id, o => o.LoggedOn!.Value),
            Moves.ToDictionary(m => m.OccurrenceId, m => new OccurrenceMove(m.To,
                m.AtMinute is { } minute ? LocalTime.FromMinutesSinceMidnight(minute) : null, m.EmergencyReason)),
            Ledger.ForPlanner(id => Occurrences.TryGetValue(id, out var o) && o.ApplicationStartsAt is { } at
                ? at.InZone(PlanInput.Hartford).Date
                : null));
        var input = PlanInput.FromContract(Contract, Specification(), zone, siteFacts, facts);

        // The database returns schools and areas in no particular order; the plan (and so what is
        // stored and published) must not depend on it.
        return input with
        {
            Sites = input.Sites.OrderBy(s => s.Code, StringComparer.Ordinal)
                .Select(s => s with { Areas = s.Areas.OrderBy(a => a.Kind).ThenBy(a => a.Name, StringComparer.Ordinal).ThenBy(a => a.Id).ToList() })
                .ToList(),
        };
    }

    /// <summary>A school's calendar with what its outside calendars imported: their activities and closures added.</summary>
    public static SchoolCalendar WithImported(SchoolCalendar calendar, IEnumerable<CalendarSources.CalendarSourceRecord> sources)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var imports = sources.OrderBy(s => s.Id).Select(s => CalendarSources.CalendarSourceDocuments.Imported(s.Imported).ToImport()).ToList();
        if (imports.All(i => i.Activities.Count == 0 && i.Closures.Count == 0))
        {
            return calendar;
        }

        return calendar with
        {
            Closures = calendar.Closures.Concat(imports.SelectMany(i => i.Closures)).Distinct().ToList(),
            Activities = calendar.Activities.Concat(imports.SelectMany(i => i.Activities).Select(a => a.ToActivity())).ToList(),
        };
    }

    /// <summary>
    /// Makes the stored occurrences say what <paramref name="plan"/> says: new ones are added at
    /// revision 0, changed ones get the next revision and <paramref name="now"/> as their last
    /// change, and those no longer planned are cancelled (kept, so calendars can show them so).
    /// Returns the rows to add; the rest are tracked and saved with the context.
    /// </summary>
    public IReadOnlyList<OccurrenceRecord> Sync(SeasonalPlan plan, Instant now)
    {
        // Logged work keeps its planned day, but what a calendar says of it changes: publish it as a change, with a
        // higher SEQUENCE, since the calendar shows it when it was done.
        var added = new List<OccurrenceRecord>();
        var planned = new HashSet<Guid>();
        foreach (var occurrence in plan.Occurrences)
        {
            planned.Add(occurrence.Id);
            if (!Occurrences.TryGetValue(occurrence.Id, out var record))
            {
                record = new OccurrenceRecord { Id = occurrence.Id, ContractId = plan.ContractId, CreatedAt = now, LastModified = now };
                Apply(record, occurrence);
                Occurrences[record.Id] = record;
                added.Add(record);
            }
            else
            {
                var (timing, status) = CalendarTimeAndStatus(record, record.Cancelled);
                if (Apply(record, occurrence) | record.Cancelled | _loggedChanged.Contains(record.Id))
                {
                    var (timingNow, statusNow) = CalendarTimeAndStatus(record, cancelled: false);
                    // Work logged (or no longer logged) and a notice recorded change what the calendar says happened,
                    // its time included: subscribers replace their copy.
                    if (_loggedChanged.Contains(record.Id)
                        || CalendarEventRevision.IsRescheduledOrRestated(timing, status, timingNow, statusNow, PlanInput.Hartford))
                    {
                        record.CalendarSequence++;
                    }

                    record.Cancelled = false;
                    record.Revision++;
                    record.LastModified = now;
                }
            }
        }

        foreach (var record in Occurrences.Values.Where(r => !r.Cancelled && !planned.Contains(r.Id)))
        {
            record.Cancelled = true;
            record.CalendarSequence++;
            record.Revision++;
            record.LastModified = now;
        }

        return added;
    }

    /// <summary>The event a calendar shows for the record: its time and status (the SEQUENCE rule compares these).</summary>
    private static (EventTiming Timing, EventStatus Status) CalendarTimeAndStatus(OccurrenceRecord r, bool cancelled) =>
        (OccurrenceEvents.TimingOf(r.ApplicationStartsAt, r.ApplicationMinutes, r.PlannedDate, new DateInterval(r.WindowStart, r.WindowEnd),
            PlanInput.Hartford), OccurrenceEvents.StatusOf(cancelled, r.Status));

    /// <summary>Copies the occurrence onto the record; true when anything differed.</summary>
    private static bool Apply(OccurrenceRecord r, Occurrence o)
    {
        var detail = OccurrenceDetail.From(o).ToJson();
        var application = o.Application;
        var changed =
            r.SiteId != o.SiteId || r.TaskKey != o.TaskKey || r.ItemReference != o.ItemReference || r.SeasonKey != o.SeasonKey
            || r.Kind != o.Kind || r.Year != o.Year || r.SeriesNumber != o.Sequence
            || r.WindowStart != o.Window.Start || r.WindowEnd != o.Window.End || r.PlannedDate != o.PlannedDate
            || r.Status != o.Status || r.IsChemical != o.IsChemical
            || r.ApplicationStartsAt != application?.StartsAt.ToInstant()
            || r.ApplicationMinutes != (int?)application?.Length.TotalMinutes
            || r.NoticeDueBy != application?.Notice.DueBy || r.EmergencyReason != application?.EmergencyReason
            || r.Deliverable != o.Deliverable || r.Detail != detail;
        r.SiteId = o.SiteId;
        r.TaskKey = o.TaskKey;
        r.ItemReference = o.ItemReference;
        r.SeasonKey = o.SeasonKey;
        r.Kind = o.Kind;
        r.Year = o.Year;
        r.SeriesNumber = o.Sequence;
        r.WindowStart = o.Window.Start;
        r.WindowEnd = o.Window.End;
        r.PlannedDate = o.PlannedDate;
        r.Status = o.Status;
        r.IsChemical = o.IsChemical;
        r.ApplicationStartsAt = application?.StartsAt.ToInstant();
        r.ApplicationMinutes = (int?)application?.Length.TotalMinutes;
        r.NoticeDueBy = application?.Notice.DueBy;
        r.EmergencyReason = application?.EmergencyReason;
        r.Deliverable = o.Deliverable;
        r.Detail = detail;
        return changed;
    }
}

/// <summary>Single-year season windows stored as JSON: year → [first day, last day].</summary>
public static class SeasonWindowOverrides
{
    public static Dictionary<int, DateInterval> Parse(string json) =>
        (JsonSerializer.Deserialize<Dictionary<string, string[]>>(json) ?? [])
        .ToDictionary(e => int.Parse(e.Key, System.Globalization.CultureInfo.InvariantCulture),
            e => new DateInterval(LocalDatePattern.Iso.Parse(e.Value[0]).Value, LocalDatePattern.Iso.Parse(e.Value[1]).Value));

    public static string Format(IReadOnlyDictionary<int, DateInterval> overrides) =>
        JsonSerializer.Serialize(overrides.OrderBy(o => o.Key).ToDictionary(
            o => o.Key.ToString(System.Globalization.CultureInfo.InvariantCulture),
            o => new[] { LocalDatePattern.Iso.Format(o.Value.Start), LocalDatePattern.Iso.Format(o.Value.End) }));
}
