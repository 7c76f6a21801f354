using FieldContracts.Data;
using FieldContracts.Data.CalendarSources;
using FieldContracts.Scheduling.Planning;
using FieldContracts.Web.Features.Schedule;
using FieldContracts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Web.Features.CalendarSources;

/// <summary>A school's outside calendar as pages and the API show it.</summary>
public sealed record CalendarSourceView(Guid Id, string Name, CalendarSourceKind Kind, string? Url, string? FileName,
    IReadOnlyList<AreaMappingView> Areas, Instant? ImportedAt, int Activities, int Closures, RefreshView? LastRefresh,
    IReadOnlyList<ImportedActivityView> ImportedActivities);

public sealed record AreaMappingView(string Match, IReadOnlyList<string> Areas);

/// <summary>One read of a source: when, how it went, the HTTP status, the error in words, the activities and closures read.</summary>
public sealed record RefreshView(Instant At, RefreshOutcome Outcome, int? HttpStatus, string? Error, int? Events);

/// <summary>An imported activity and the chemical applications it displaced: where each was, and where it is now.</summary>
public sealed record ImportedActivityView(string Name, LocalDateTime Start, LocalDateTime End, IReadOnlyList<string> Areas,
    IReadOnlyList<DisplacedView> Displaced);

public sealed record DisplacedView(Guid OccurrenceId, string Task, LocalDateTime Was, LocalDateTime? Now, ZonedDateTime? NoticeDueBy);

public sealed class CalendarSourceQueries(FieldContractsDbContext db)
{
    public async Task<IReadOnlyList<CalendarSourceView>> ForSchoolAsync(ScheduleContract contract, ScheduleSite site, CancellationToken ct)
    {
        var sources = await db.CalendarSources.AsNoTracking().Where(s => s.ContractId == contract.Id && s.SiteId == site.Id)
            .OrderBy(s => s.AddedAt).ToListAsync(ct);
        var ids = sources.Select(s => s.Id).ToList();
        var refreshes = (await db.CalendarRefreshes.AsNoTracking().Where(r => ids.Contains(r.SourceId)).ToListAsync(ct))
            .GroupBy(r => r.SourceId).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.At).ThenByDescending(r => r.Id).First());
        var imported = sources.ToDictionary(s => s.Id, s => CalendarSourceDocuments.Imported(s.Imported));
        var displacedIds = imported.Values.SelectMany(i => i.Activities ?? []).SelectMany(a => a.Displaced ?? []).Select(d => d.OccurrenceId).Distinct().ToList();
        var occurrences = await db.Occurrences.AsNoTracking().Where(o => displacedIds.Contains(o.Id))
            .Select(o => new { o.Id, o.ApplicationStartsAt, o.NoticeDueBy, o.Cancelled }).ToDictionaryAsync(o => o.Id, ct);
        var areaNames = site.Areas.ToDictionary(a => a.Id, a => a.Name);
        return sources.Select(s =>
        {
            var document = imported[s.Id];
            var activities = (document.Activities ?? []).Select(a => new ImportedActivityView(a.Name,
                CalendarSourceDocuments.ParseDateTime(a.Start), CalendarSourceDocuments.ParseDateTime(a.End),
                (a.Areas ?? []).Select(id => areaNames.GetValueOrDefault(id, "?")).ToList(),
                (a.Displaced ?? []).Select(d => occurrences.TryGetValue(d.OccurrenceId, out var o) && !o.Cancelled
                    ? new DisplacedView(d.OccurrenceId, TaskTitles.Of(d.TaskKey), CalendarSourceDocuments.ParseDateTime(d.Was),
                        o.ApplicationStartsAt?.InZone(Hartford.Zone).LocalDateTime, o.NoticeDueBy?.InZone(Hartford.Zone))
                    : new DisplacedView(d.OccurrenceId, TaskTitles.Of(d.TaskKey), CalendarSourceDocuments.ParseDateTime(d.Was), null, null)).ToList())).ToList();
            return new CalendarSourceView(s.Id, s.Name, s.Kind, s.Url, s.FileName,
                CalendarSourceDocuments.Mappings(s.Areas).Select(m => new AreaMappingView(m.Match,
                    m.AreaIds.Select(id => areaNames.GetValueOrDefault(id, "?")).ToList())).ToList(),
                s.ImportedAt, activities.Count, document.Closures?.Count ?? 0,
                refreshes.TryGetValue(s.Id, out var r) ? new RefreshView(r.At, r.Outcome, r.HttpStatus, r.Error, r.Events) : null,
                activities);
        }).ToList();
    }
}
