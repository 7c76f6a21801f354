using System.Security.Claims;
using FieldContracts.Administration.Notices;
using FieldContracts.Administration.WorkLogs;
using FieldContracts.Data;
using FieldContracts.Data.Deficiencies;
using FieldContracts.Data.Notices;
using FieldContracts.Data.Planning;
using FieldContracts.Scheduling.Specification;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Web.Features.Schedule;

/// <summary>Which occurrences to show.</summary>
/// <param name="Range">Days to show (inclusive); unscheduled occurrences show when their window overlaps it.</param>
/// <param name="SiteId">One school, or all.</param>
/// <param name="Kind">One kind of task, or all.</param>
/// <param name="ChemicalOnly">Only chemical applications.</param>
/// <param name="Search">Words that must each name the occurrence's school, task, kind, bid item or planned day.</param>
public sealed record ScheduleFilter(DateInterval? Range, Guid? SiteId, TaskKind? Kind, bool ChemicalOnly, string? Search = null);

/// <summary>A visit found by the search box, with the planned work it logged.</summary>
public sealed record VisitHit(Guid Id, LocalDate Date, string School, IReadOnlyList<string> Crew, string? Notes, string Work, VisitStatus Status);

/// <summary>A visit that logged an occurrence.</summary>
public sealed record VisitLink(Guid Id, LocalDate Date, VisitStatus Status);

public sealed class ScheduleQueries(FieldContractsDbContext db, IClock clock)
{
    /// <summary>The contract, if the user may see it.</summary>
    public async Task<ScheduleContract?> ContractAsync(string number, ClaimsPrincipal user, CancellationToken ct)
    {
        var contract = await db.Contracts.AsNoTracking().VisibleTo(user)
            .Include(c => c.Sites).ThenInclude(s => s.Areas)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Number == number, ct);
        return contract is null
            ? null
            : new ScheduleContract(contract.Id, contract.Number, contract.Title, contract.Term,
                contract.Sites.OrderBy(s => s.Name).Select(s => new ScheduleSite(s.Id, s.Code, s.Name, s.Address.ToString(),
                    s.Location.Latitude, s.Location.Longitude, s.Areas.Select(a => new ScheduleArea(a.Id, a.Name)).ToList())).ToList());
    }

    public async Task<IReadOnlyList<OccurrenceSummary>> OccurrencesAsync(ScheduleContract contract, ScheduleFilter filter, CancellationToken ct)
    {
        var query = db.Occurrences.AsNoTracking().Where(o => o.ContractId == contract.Id && !o.Cancelled);
        if (filter.Range is { } range)
        {
            var (from, to) = (range.Start, range.End);
            query = query.Where(o => (o.PlannedDate >= from && o.PlannedDate <= to)
                                     || (o.PlannedDate == null && o.WindowStart <= to && o.WindowEnd >= from));
        }

        if (filter.SiteId is { } siteId)
        {
            query = query.Where(o => o.SiteId == siteId);
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(o => o.Kind == kind);
        }

        if (filter.ChemicalOnly)
        {
            query = query.Where(o => o.IsChemical);
        }

        if (SearchWords.Split(filter.Search) is { Count: > 0 } words)
        {
            var specification = await Specifications.LatestAsync(db, contract.Id, ct);
            // Each word narrows on indexed equality (the day, the school, the task key, the bid item), which both
            // databases answer alike; the words are matched to schools and task titles here, not in SQL.
            foreach (var word in words)
            {
                var day = SearchWords.Day(word);
                var sites = SearchWords.Sites(contract, word);
                var keys = SearchWords.TaskKeys(specification, word);
                query = query.Where(o => (day != null && o.PlannedDate == day) || sites.Contains(o.SiteId) || keys.Contains(o.TaskKey)
                                         || o.ItemReference == word);
            }
        }

        var rows = await query.ToListAsync(ct);
        var (ledger, lead, missed) = await StandingAsync(contract, ct);
        var now = clock.GetCurrentInstant();
        return rows.Select(r => Summarize(contract, r, ledger, lead, missed, now))
            .OrderBy(o => o.PlannedDate ?? o.WindowStart).ThenBy(o => o.Site, StringComparer.Ordinal).ThenBy(o => o.TaskKey, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<OccurrenceView?> OccurrenceAsync(ScheduleContract contract, Guid id, Instant now, CancellationToken ct)
    {
        var row = await db.Occurrences.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id && o.ContractId == contract.Id, ct);
        if (row is null)
        {
            return null;
        }

        var detail = OccurrenceDetail.Parse(row.Detail);
        var history = await db.OccurrenceChanges.AsNoTracking()
            .Where(c => c.OccurrenceId == id)
            .Join(db.PlanFactChanges, c => c.FactChangeId, f => f.Id, (c, f) => new { c, f })
            .ToListAsync(ct);
        var task = (await Specifications.LatestAsync(db, contract.Id, ct))?.Tasks.SingleOrDefault(t => t.Key == row.TaskKey);
        var (ledger, lead, missed) = await StandingAsync(contract, ct);
        var notice = detail.Notice is { } n && row.NoticeDueBy is { } due && Standing(row, ledger, lead, now) is { } standing
            ? new NoticeView(n.Recipients, n.School, n.Areas, n.Products, n.ActiveIngredients, n.ApplicationDate,
                due.InZone(Hartford.Zone), NoticeWords.Sentence(standing))
            : null;
        return new OccurrenceView(
            Summarize(contract, row, ledger, lead, missed, now),
            task?.BidText ?? "",
            row.Deliverable,
            row.EmergencyReason,
            row.ApplicationMinutes,
            detail.Areas.Select(a => new ScheduleArea(a, contract.AreaName(a))).ToList(),
            detail.Heights.Select(h => new HeightView(contract.AreaName(h.Area), h.Minimum, h.Maximum, h.InSeason, h.Area)).ToList(),
            detail.Materials.Select(m => new MaterialView(m.Name, m.Rate, m.IsChemical, m.ActiveIngredients, m.IsSampleProduct)).ToList(),
            notice,
            history.OrderByDescending(h => h.f.ChangedAt)
                .Select(h => new ChangeView(h.f.Id, h.f.Cause, h.f.Description, h.f.Reason, h.f.ChangedBy,
                    h.f.ChangedAt.InZone(Hartford.Zone), 1, Effect(h.c)))
                .ToList(),
            detail.Notes ?? [],
            (detail.Withheld ?? []).Select(w => new WithheldView(w.Material, w.Areas.Select(contract.AreaName).ToList(), w.SeededOn, w.Instead))
                .ToList());
    }

    /// <summary>The visits whose current version logged the occurrence, oldest first.</summary>
    public async Task<IReadOnlyList<VisitLink>> VisitsOfAsync(ScheduleContract contract, Guid siteId, Guid occurrenceId, CancellationToken ct)
    {
        // The occurrences a visit did are stored as a list on its version; the school narrows the visits read.
        var rows = await CurrentVisits(contract, siteId).ToListAsync(ct);
        return rows.Where(r => r.v.OccurrenceIds.Contains(occurrenceId))
            .OrderBy(r => r.v.WorkDate).ThenBy(r => r.l.Id)
            .Select(r => new VisitLink(r.l.Id, r.v.WorkDate, r.l.Status)).ToList();
    }

    /// <summary>The contract's visits whose every word names its day, school, crew member, notes or work; newest first.</summary>
    public async Task<IReadOnlyList<VisitHit>> SearchVisitsAsync(ScheduleContract contract, string? search, DateInterval? range, CancellationToken ct)
    {
        var words = SearchWords.Split(search);
        if (words.Count == 0)
        {
            return [];
        }

        var query = CurrentVisits(contract, null);
        if (range is { } r)
        {
            query = query.Where(x => x.v.WorkDate >= r.Start && x.v.WorkDate <= r.End);
        }

        foreach (var day in words.Select(SearchWords.Day).Where(d => d is not null))
        {
            query = query.Where(x => x.v.WorkDate == day);
        }

        var rows = await query.ToListAsync(ct);
        var specification = await Specifications.LatestAsync(db, contract.Id, ct);
        var ids = rows.SelectMany(x => x.v.OccurrenceIds).Distinct().ToList();
        var keys = await db.Occurrences.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.TaskKey, ct);
        return rows
            .Select(x =>
            {
                var site = contract.Site(x.l.SiteId);
                var work = string.Join("; ", x.v.OccurrenceIds.Select(id => keys.TryGetValue(id, out var key) ? TaskTitles.Of(key, specification) : "")
                    .Where(t => t.Length > 0).Distinct());
                return new VisitHit(x.l.Id, x.v.WorkDate, site?.Name ?? "?", x.v.Crew, x.v.Notes, work, x.l.Status);
            })
            .Where(h => words.All(w => SearchWords.Day(w) is not null
                                       || Has(h.School, w) || Has(h.Work, w) || Has(h.Notes, w) || h.Crew.Any(c => Has(c, w))
                                       || contract.Sites.Any(s => s.Name == h.School && string.Equals(s.Code, w, StringComparison.OrdinalIgnoreCase))))
            .OrderByDescending(h => h.Date).ThenBy(h => h.School, StringComparer.Ordinal)
            .ToList();

        static bool Has(string? text, string word) => text?.Contains(word, StringComparison.OrdinalIgnoreCase) == true;
    }

    private IQueryable<CurrentVisit> CurrentVisits(ScheduleContract contract, Guid? siteId) =>
        db.WorkLogs.AsNoTracking()
            .Where(l => l.ContractId == contract.Id && (siteId == null || l.SiteId == siteId))
            .Join(db.WorkLogVersions.AsNoTracking(), l => new { l.Id, V = l.CurrentVersion }, v => new { Id = v.WorkLogId, V = v.Version },
                (l, v) => new CurrentVisit { l = l, v = v });

    private sealed class CurrentVisit
    {
        public required WorkLog l { get; init; }

        public required WorkLogVersion v { get; init; }
    }

    /// <summary>The contract's recorded changes, newest first.</summary>
    public async Task<IReadOnlyList<ChangeView>> HistoryAsync(ScheduleContract contract, CancellationToken ct)
    {
        var changes = await db.PlanFactChanges.AsNoTracking().Where(f => f.ContractId == contract.Id).ToListAsync(ct);
        var counts = await db.OccurrenceChanges.AsNoTracking().Where(c => c.ContractId == contract.Id)
            .GroupBy(c => c.FactChangeId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return changes.OrderByDescending(f => f.ChangedAt)
            .Select(f => new ChangeView(f.Id, f.Cause, f.Description, f.Reason, f.ChangedBy, f.ChangedAt.InZone(Hartford.Zone),
                counts.GetValueOrDefault(f.Id), null))
            .ToList();
    }

    /// <summary>What the status of each occurrence is read from: the notice ledger, the lead time, the missed work in the register.</summary>
    private async Task<(NoticeLedger Ledger, Duration LeadTime, HashSet<Guid> Missed)> StandingAsync(ScheduleContract contract, CancellationToken ct)
    {
        var lead = await db.Contracts.AsNoTracking().Where(c => c.Id == contract.Id).Select(c => c.Settings.ChemicalNoticeLeadTime).SingleAsync(ct);
        return (await NoticeLedgers.ForContractAsync(db, contract.Id, ct), lead, await MissedWork.OccurrencesAsync(db, [contract.Id], ct));
    }

    private static NoticeStanding? Standing(OccurrenceRecord r, NoticeLedger ledger, Duration lead, Instant now) =>
        r is { IsChemical: true, ApplicationStartsAt: { } start }
            ? ledger.Standing(r.Id, start.InZone(Hartford.Zone), lead, now)
            : null;

    private static OccurrenceSummary Summarize(ScheduleContract contract, OccurrenceRecord r, NoticeLedger ledger, Duration lead,
        HashSet<Guid> missed, Instant now)
    {
        var site = contract.Site(r.SiteId);
        return new OccurrenceSummary(r.Id, site?.Code ?? "?", site?.Name ?? "?", r.TaskKey, TaskTitles.Of(r.TaskKey),
            r.ItemReference, r.Kind, r.Year, r.WindowStart, r.WindowEnd, r.PlannedDate, r.Status, r.IsChemical,
            r.ApplicationStartsAt?.InZone(Hartford.Zone).LocalDateTime, r.NoticeDueBy?.InZone(Hartford.Zone), r.Cancelled,
            r.LoggedOn, r.Revision, missed.Contains(r.Id) && r.LoggedOn is null,
            Standing(r, ledger, lead, now) is { } standing ? NoticeWords.Tag(standing) : null);
    }

    private static string Effect(OccurrenceChangeRecord c)
    {
        var parts = new List<string> { c.What.ToString() };
        if (c.PlannedBefore != c.PlannedAfter)
        {
            parts.Add($"planned {c.PlannedBefore?.ToString() ?? "—"} → {c.PlannedAfter?.ToString() ?? "—"}");
        }

        if (c.StatusBefore != c.StatusAfter)
        {
            parts.Add($"status {c.StatusBefore?.ToString() ?? "—"} → {c.StatusAfter?.ToString() ?? "—"}");
        }

        if (c.FreshNoticeRequired)
        {
            parts.Add("a fresh chemical notice is required");
        }

        return string.Join("; ", parts);
    }
}
