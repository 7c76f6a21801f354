using System.Security.Claims;
using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.Licences;
using FieldContracts.Administration.Notices;
using FieldContracts.Administration.Subcontracting;
using FieldContracts.Administration.WorkLogs;
using FieldContracts.Data;
using FieldContracts.Data.Notices;
using FieldContracts.Data.Planning;
using FieldContracts.Scheduling.Planning;
using FieldContracts.Web.Features.Licences;
using FieldContracts.Web.Features.Schedule;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Web.Features.WorkLogs;

/// <summary>An occurrence as the phone form needs it: school, areas (mowed ones with their heights), materials.</summary>
public sealed record VisitForm(
    PlannedWork Work,
    Guid SiteId,
    IReadOnlyList<FormArea> Areas,
    IReadOnlyList<MaterialDetail> Materials,
    IReadOnlyList<PlannedWork> SameDay,
    IReadOnlyList<NoticeView> Notices,
    bool IsMowing,
    string? NoticeStatus = null,
    bool NoticeCounts = false,
    IReadOnlyList<LicencePick>? Licences = null,
    IReadOnlyList<string>? Subcontractors = null,
    Guid? LastSupervisorLicence = null,
    Guid? LastApplicatorLicence = null,
    PreviousVisit? Previous = null);

/// <summary>
/// The crew's last visit of the same kind of work (the same user's if there is one, else the contractor's), to fill the
/// form with: most visits of a kind take about as long, by the same people, with the same product.
/// </summary>
/// <param name="Length">How long it took, start to finish.</param>
public sealed record PreviousVisit(LocalDate Date, LocalTime Started, Duration Length, IReadOnlyList<string> Crew,
    ChemicalApplicationRecord? Application);

/// <summary>A person's pesticide certification in the contractor's register, as the phone form offers it.</summary>
/// <param name="Label">Holder, kind, number, category and validity in words.</param>
/// <param name="Supervisory">Whether it is a supervisory certification (a supervisor needs one; an applicator may use either).</param>
public sealed record LicencePick(Guid Id, string Holder, string Label, bool Supervisory);

public sealed record FormArea(Guid Id, string Name, bool Mowed, bool Covered, decimal? Min, decimal? Max, bool InSeason);

/// <summary>Planned work held missed in the register: the deficiency, its status, the work and the last day of its window.</summary>
public sealed record MissedWorkItem(Guid DeficiencyId, DeficiencyStatus Status, PlannedWork Work, LocalDate WindowEnd);

/// <summary>Visits awaiting the Athletic Director, emergencies, and the checks raised.</summary>
public sealed record ReviewQueue(IReadOnlyList<WorkLogSummary> Awaiting, IReadOnlyList<WorkLogSummary> Emergencies, IReadOnlyList<DeficiencyView> Deficiencies);

public sealed class WorkLogQueries(FieldContractsDbContext db, IClock clock)
{
    /// <summary>Planned, not cancelled work on the contracts the user can see, on days <paramref name="from"/> to <paramref name="to"/>.</summary>
    public async Task<IReadOnlyList<PlannedWork>> PlannedAsync(ClaimsPrincipal user, LocalDate from, LocalDate to, CancellationToken ct)
    {
        var rows = await db.Occurrences.AsNoTracking()
            .Where(o => !o.Cancelled && o.PlannedDate >= from && o.PlannedDate <= to)
            .Join(db.Contracts.VisibleTo(user), o => o.ContractId, c => c.Id, (o, c) => new { o, c.Number })
            .Join(db.Sites, x => x.o.SiteId, s => s.Id, (x, s) => new { x.o, x.Number, s.Code, s.Name })
            .ToListAsync(ct);
        return rows.Select(r => Planned(r.o, r.Number, r.Code, r.Name))
            .OrderBy(w => w.Date).ThenBy(w => w.Site, StringComparer.Ordinal).ThenBy(w => w.Title, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Planned work the deficiency register holds as missed and that is still to be answered (open or acknowledged), on
    /// the contracts the user can see, the oldest first.
    /// </summary>
    public async Task<IReadOnlyList<MissedWorkItem>> MissedAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var rows = await db.Deficiencies.AsNoTracking()
            .Where(d => d.Kind == DeficiencyKind.MissedWork && d.OccurrenceId != null
                        && (d.Status == DeficiencyStatus.Open || d.Status == DeficiencyStatus.Acknowledged || d.Status == DeficiencyStatus.Upheld))
            .Join(db.Occurrences, d => d.OccurrenceId, o => o.Id, (d, o) => new { d.Id, d.Status, o })
            .Join(db.Contracts.VisibleTo(user), x => x.o.ContractId, c => c.Id, (x, c) => new { x.Id, x.Status, x.o, c.Number })
            .Join(db.Sites, x => x.o.SiteId, s => s.Id, (x, s) => new { x.Id, x.Status, x.o, x.Number, s.Code, s.Name })
            .ToListAsync(ct);
        return rows.Where(r => r.o.LoggedOn is null)
            .Select(r => new MissedWorkItem(r.Id, r.Status, Planned(r.o, r.Number, r.Code, r.Name), r.o.WindowEnd))
            .OrderBy(m => m.WindowEnd).ThenBy(m => m.Work.Site, StringComparer.Ordinal).ToList();
    }

    public async Task<VisitForm?> FormAsync(ClaimsPrincipal user, Guid occurrenceId, CancellationToken ct)
    {
        var row = await db.Occurrences.AsNoTracking()
            .Where(o => o.Id == occurrenceId && !o.Cancelled)
            .Join(db.Contracts.VisibleTo(user), o => o.ContractId, c => c.Id, (o, c) => new { o, c.Number })
            .SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        var site = await db.Sites.AsNoTracking().Include(s => s.Areas).SingleAsync(s => s.Id == row.o.SiteId, ct);
        var detail = OccurrenceDetail.Parse(row.o.Detail);
        var day = row.o.PlannedDate ?? row.o.WindowStart;
        var areas = site.Areas.OrderBy(a => a.Name, StringComparer.Ordinal).Select(a =>
        {
            var inSeason = a.IsInSeason(day);
            var height = CuttingHeight.For(a.Kind, inSeason);
            return new FormArea(a.Id, a.Name, height is not null, detail.Areas.Contains(a.Id), height?.MinInches, height?.MaxInches, inSeason);
        }).ToList();
        var sameDay = (await PlannedAsync(user, day, day, ct)).Where(w => w.Site == site.Code).ToList();
        NoticeStanding? standing = null;
        if (row.o is { IsChemical: true, ApplicationStartsAt: { } startsAt })
        {
            var lead = await db.Contracts.Where(c => c.Id == row.o.ContractId).Select(c => c.Settings.ChemicalNoticeLeadTime).SingleAsync(ct);
            standing = (await NoticeLedgers.ForOccurrencesAsync(db, [occurrenceId], ct))
                .Standing(occurrenceId, startsAt.InZone(Hartford.Zone), lead, clock.GetCurrentInstant());
        }

        var form = new VisitForm(Planned(row.o, row.Number, site.Code, site.Name), site.Id, areas, detail.Materials, sameDay,
            await NoticesAsync(occurrenceId, ct), detail.Heights.Count > 0,
            standing is null ? null : NoticeWords.Sentence(standing), standing is NoticeStanding.Given);
        form = await WithRegisterAsync(form, row.o.ContractId, ct);
        return form with { Previous = await PreviousAsync(user, row.o.ContractId, row.o.TaskKey, ct) };
    }

    /// <summary>
    /// The register's certifications and the contract's approved sub-contractors for the form, and the supervisor and
    /// applicator the contractor's crew picked on its last visit with an application, to fill the form with.
    /// </summary>
    private async Task<VisitForm> WithRegisterAsync(VisitForm form, Guid contractId, CancellationToken ct)
    {
        var contractorId = await db.Contracts.AsNoTracking().Where(c => c.Id == contractId).Select(c => c.ContractorId).SingleAsync(ct);
        var licences = await db.Licences.AsNoTracking()
            .Where(l => l.ContractorId == contractorId && !l.HolderIsFirm
                        && (l.Kind == LicenceKind.PesticideSupervisory || l.Kind == LicenceKind.PesticideOperator))
            .ToListAsync(ct);
        var picks = licences.OrderBy(l => l.Holder).ThenByDescending(l => l.ExpiresOn)
            .Select(l => new LicencePick(l.Id, l.Holder,
                $"{l.Holder} · {LicenceWords.Describe(l.ToLicence())} · valid {Display.Short(l.IssuedOn)} – {Display.Short(l.ExpiresOn)}",
                l.Kind == LicenceKind.PesticideSupervisory))
            .ToList();
        var subcontractors = (await db.SubcontractRequests.AsNoTracking()
                .Where(r => r.ContractId == contractId && r.Status == SubcontractRequestStatus.Approved)
                .Select(r => r.Subcontractor.Name).ToListAsync(ct))
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        var last = await db.WorkLogVersions.AsNoTracking()
            .Where(v => v.Application != null
                        && db.WorkLogs.Any(l => l.Id == v.WorkLogId && l.ContractorId == contractorId && l.CurrentVersion == v.Version))
            .OrderByDescending(v => v.RecordedAt).Select(v => v.Application).Take(20).ToListAsync(ct);
        var lastPicked = last.FirstOrDefault(a => a!.Supervisor.LicenceId is not null || a.Applicator.LicenceId is not null);
        Guid? Known(Guid? id) => id is { } x && licences.Any(l => l.Id == x) ? x : null;
        return form with
        {
            Licences = picks,
            Subcontractors = subcontractors,
            LastSupervisorLicence = Known(lastPicked?.Supervisor.LicenceId),
            LastApplicatorLicence = Known(lastPicked?.Applicator.LicenceId),
        };
    }

    /// <summary>
    /// The last visit (its current version) of the contractor's on the contract that did work of <paramref name="taskKey"/>,
    /// the signed-in user's own if any is among the recent ones.
    /// </summary>
    private async Task<PreviousVisit?> PreviousAsync(ClaimsPrincipal user, Guid contractId, string taskKey, CancellationToken ct)
    {
        var recent = await db.WorkLogs.AsNoTracking()
            .Where(l => l.ContractId == contractId && db.Contracts.VisibleTo(user).Any(c => c.Id == l.ContractId))
            .Join(db.WorkLogVersions.AsNoTracking(), l => new { Id = l.Id, Version = l.CurrentVersion }, v => new { Id = v.WorkLogId, v.Version },
                (l, v) => new { l.SubmittedBy, v })
            .OrderByDescending(x => x.v.RecordedAt).Take(60).ToListAsync(ct);
        if (recent.Count == 0)
        {
            return null;
        }

        var occurrenceIds = recent.SelectMany(x => x.v.OccurrenceIds).Distinct().ToList();
        var sameKind = (await db.Occurrences.AsNoTracking().Where(o => occurrenceIds.Contains(o.Id) && o.TaskKey == taskKey)
            .Select(o => o.Id).ToListAsync(ct)).ToHashSet();
        var who = ScheduleApi.Who(user);
        var last = recent.Where(x => x.v.OccurrenceIds.Any(sameKind.Contains))
            .OrderByDescending(x => x.SubmittedBy == who).ThenByDescending(x => x.v.WorkDate).ThenByDescending(x => x.v.RecordedAt)
            .Select(x => x.v).FirstOrDefault();
        if (last is null)
        {
            return null;
        }

        var started = last.StartedAt.InZone(Hartford.Zone);
        return new PreviousVisit(last.WorkDate, started.TimeOfDay, last.FinishedAt - last.StartedAt, last.Crew, last.Application);
    }

    /// <summary>Every notice given for an application, recorded by hand or emailed, the latest first.</summary>
    public async Task<IReadOnlyList<NoticeView>> NoticesAsync(Guid occurrenceId, CancellationToken ct) =>
        (await NoticeLedgers.ForOccurrencesAsync(db, [occurrenceId], ct)).For(occurrenceId)
        .OrderByDescending(n => n.SentAt)
        .Select(n => new NoticeView(n.SentAt.InZone(Hartford.Zone), n.ApplicationDateNamed, n.Source, n.How))
        .ToList();

    public async Task<IReadOnlyList<WorkLogSummary>> LogsAsync(ClaimsPrincipal user, LocalDate? from, LocalDate? to, CancellationToken ct)
    {
        var logs = await VisibleLogs(user).ToListAsync(ct);
        return (await SummarizeAsync(logs, ct)).Where(s => (from is null || s.Date >= from) && (to is null || s.Date <= to)).ToList();
    }

    public async Task<ReviewQueue> ReviewQueueAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var logs = await VisibleLogs(user)
            .Where(l => l.Status == VisitStatus.Submitted || l.Status == VisitStatus.Answered || l.EmergencyApplication)
            .ToListAsync(ct);
        var summaries = await SummarizeAsync(logs, ct);
        var contractIds = await db.Contracts.VisibleTo(user).Select(c => c.Id).ToListAsync(ct);
        var candidates = await DeficienciesAsync(db.Deficiencies.Where(d => contractIds.Contains(d.ContractId) && d.Status == DeficiencyStatus.Open), ct);
        return new ReviewQueue(
            summaries.Where(s => s.Status is VisitStatus.Submitted or VisitStatus.Answered).ToList(),
            summaries.Where(s => s.EmergencyApplication).ToList(),
            candidates);
    }

    public async Task<WorkLogView?> ViewAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var log = await VisibleLogs(user).SingleOrDefaultAsync(l => l.Id == id, ct);
        if (log is null)
        {
            return null;
        }

        var contract = await db.Contracts.AsNoTracking().Include(c => c.Sites).ThenInclude(s => s.Areas).AsSplitQuery()
            .SingleAsync(c => c.Id == log.ContractId, ct);
        var site = contract.Sites.Single(s => s.Id == log.SiteId);
        var areaNames = site.Areas.ToDictionary(a => a.Id, a => a.Name);
        string Area(Guid areaId) => areaNames.GetValueOrDefault(areaId) ?? "(area no longer on the contract)";
        var versions = await db.WorkLogVersions.AsNoTracking().Where(v => v.WorkLogId == id).ToListAsync(ct);
        var occurrenceIds = versions.SelectMany(v => v.OccurrenceIds).Distinct().ToList();
        var occurrences = await db.Occurrences.AsNoTracking().Where(o => occurrenceIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, ct);
        var events = await db.WorkLogEvents.AsNoTracking().Where(e => e.WorkLogId == id).ToListAsync(ct);
        var photoRows = await db.WorkLogPhotos.AsNoTracking().Where(p => p.WorkLogId == id).ToListAsync(ct);
        var candidates = await DeficienciesAsync(db.Deficiencies.Where(d => d.WorkLogId == id), ct);

        return new WorkLogView(log.Id, contract.Number, site.Code, site.Name, log.Status, log.CurrentVersion, log.EmergencyApplication,
            log.SubmittedBy, log.SubmittedAt.InZone(Hartford.Zone),
            versions.OrderBy(v => v.Version).Select(v => new VersionView(
                v.Version, v.WorkDate,
                v.StartedAt.InZone(Hartford.Zone).TimeOfDay, v.FinishedAt.InZone(Hartford.Zone).TimeOfDay,
                v.Crew, v.Notes,
                v.OccurrenceIds.Select(o => occurrences.TryGetValue(o, out var r)
                    ? new WorkDoneView(o, TaskTitles.Of(r.TaskKey), r.ItemReference, r.PlannedDate)
                    : new WorkDoneView(o, "(unknown work)", "", null)).ToList(),
                v.Heights.Select(h => new HeightLoggedView(h.AreaId, Area(h.AreaId), h.After, h.Before)).ToList(),
                v.Application is { } a
                    ? new ApplicationView(a.Product, a.EpaRegistrationNumber, a.ActiveIngredient, a.Rate, a.Amount, a.AmountUnit,
                        a.AreaIds.Select(Area).ToList(), a.TargetPest, a.Supervisor, a.Applicator, a.WindMph, a.WindDirection,
                        a.TemperatureF, a.SignsPosted, a.EmergencyReason, a.AreaIds)
                    : null,
                v.Subcontractor,
                v.RecordedBy, v.RecordedAt.InZone(Hartford.Zone), v.Why)).ToList(),
            events.OrderBy(e => e.At).ThenBy(e => e.Id)
                .Select(e => new EventView(e.Action, e.Version, e.StatusAfter, e.By, e.At.InZone(Hartford.Zone), e.Text)).ToList(),
            photoRows.OrderBy(p => p.UploadedAt).ThenBy(p => p.Id)
                .Select(p => new PhotoView(p.Id, p.Version, p.FileName, p.ContentType, p.SizeBytes, p.Sha256)).ToList(),
            candidates);
    }

    /// <summary>A photo of a visit the user can see: where its bytes are and its type.</summary>
    public async Task<WorkLogPhoto?> PhotoAsync(ClaimsPrincipal user, Guid logId, Guid photoId, CancellationToken ct) =>
        await db.WorkLogPhotos.AsNoTracking()
            .Where(p => p.Id == photoId && p.WorkLogId == logId && VisibleLogs(user).Any(l => l.Id == logId))
            .SingleOrDefaultAsync(ct);

    private IQueryable<WorkLog> VisibleLogs(ClaimsPrincipal user) =>
        db.WorkLogs.AsNoTracking().Where(l => db.Contracts.VisibleTo(user).Any(c => c.Id == l.ContractId));

    private async Task<IReadOnlyList<DeficiencyView>> DeficienciesAsync(IQueryable<Deficiency> query, CancellationToken ct)
    {
        var rows = await query.AsNoTracking()
            .GroupJoin(db.Sites, d => d.SiteId, s => s.Id, (d, s) => new { d, s })
            .SelectMany(x => x.s.DefaultIfEmpty(), (x, s) => new { x.d, Code = s == null ? null : s.Code })
            .ToListAsync(ct);
        return rows.OrderByDescending(r => r.d.RaisedAt).ThenBy(r => r.d.Id)
            .Select(r => new DeficiencyView(r.d.Id, r.d.WorkLogId, r.d.WorkLogVersion, r.d.OccurrenceId, r.d.Kind, r.d.Evidence, r.Code ?? "—",
                r.d.RaisedAt.InZone(Hartford.Zone), r.d.RaisedBy, r.d.Status))
            .ToList();
    }

    private async Task<List<WorkLogSummary>> SummarizeAsync(IReadOnlyList<WorkLog> logs, CancellationToken ct)
    {
        var ids = logs.Select(l => l.Id).ToList();
        var versions = await db.WorkLogVersions.AsNoTracking().Where(v => ids.Contains(v.WorkLogId)).ToListAsync(ct);
        var current = logs.ToDictionary(l => l.Id, l => versions.Single(v => v.WorkLogId == l.Id && v.Version == l.CurrentVersion));
        var occurrenceIds = current.Values.SelectMany(v => v.OccurrenceIds).Distinct().ToList();
        var titles = await db.Occurrences.AsNoTracking().Where(o => occurrenceIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.TaskKey, ct);
        var candidateCounts = await db.Deficiencies.AsNoTracking().Where(d => d.WorkLogId != null && ids.Contains(d.WorkLogId.Value))
            .GroupBy(d => d.WorkLogId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var siteIds = logs.Select(l => l.SiteId).Distinct().ToList();
        var sites = await db.Sites.AsNoTracking().Where(s => siteIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Code, ct);
        var contractIds = logs.Select(l => l.ContractId).Distinct().ToList();
        var numbers = await db.Contracts.AsNoTracking().Where(c => contractIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Number, ct);
        return logs.Select(l => new WorkLogSummary(l.Id, numbers[l.ContractId], sites[l.SiteId], current[l.Id].WorkDate,
                string.Join("; ", current[l.Id].OccurrenceIds.Select(o => titles.TryGetValue(o, out var key) ? TaskTitles.Of(key) : "?")),
                l.Status, l.EmergencyApplication, l.CurrentVersion, candidateCounts.GetValueOrDefault(l.Id), l.SubmittedBy))
            .OrderByDescending(s => s.Date).ThenBy(s => s.Site, StringComparer.Ordinal).ThenBy(s => s.Id)
            .ToList();
    }

    private static PlannedWork Planned(OccurrenceRecord o, string number, string code, string name) => new(
        o.Id, number, code, name, o.PlannedDate ?? o.WindowStart, TaskTitles.Of(o.TaskKey), o.IsChemical,
        o.ApplicationStartsAt?.InZone(Hartford.Zone).TimeOfDay, o.LoggedOn);
}
