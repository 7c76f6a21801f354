using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.WorkLogs;
using FieldContracts.Data;
using FieldContracts.Data.Notices;
using FieldContracts.Data.Planning;
using FieldContracts.Scheduling.Planning;
using FieldContracts.Scheduling.Specification;
using FieldContracts.Web.Features.Schedule;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Web.Features.WorkLogs;

/// <summary>What logging or correcting a visit writes besides the visit: the plan marked, the findings, the photos.</summary>
internal static class VisitRecording
{
    /// <summary>Marks the visit's work done on its day (and work dropped by a correction as not done), for the re-plan.</summary>
    public static PlanService.Edit MarkDone(PlanState state, CheckedVisit visit, IReadOnlyList<Guid> previouslyDone, Guid logId,
        IReadOnlyList<object> rows)
    {
        foreach (var id in previouslyDone.Except(visit.Content.OccurrenceIds))
        {
            if (state.Occurrences.ContainsKey(id))
            {
                state.MarkLogged(id, null);
            }
        }

        foreach (var id in visit.Content.OccurrenceIds)
        {
            var record = state.Occurrences[id];
            if (record.LoggedOn is not null && !previouslyDone.Contains(id))
            {
                // Logged by another visit since the checks ran.
                return PlanService.Edit.Refused(new PlanEditError.Invalid(new Dictionary<string, string[]>
                {
                    ["occurrenceIds"] = [$"{TaskTitles.Of(record.TaskKey)} was logged by another visit meanwhile."],
                }));
            }

            state.MarkLogged(id, visit.Content.WorkDate);
        }

        var work = string.Join("; ", visit.Occurrences.Select(o => $"{TaskTitles.Of(o.TaskKey)} ({o.ItemReference})"));
        return PlanService.Edit.Done($"Work logged at {visit.Site.Code} on {Display.Short(visit.Content.WorkDate)}: {work} (visit {logId})",
            [.. rows]);
    }

    /// <summary>
    /// The visit's findings as deficiencies in the register, each once: a finding whose key is already there (raised
    /// by an earlier version of the visit, or late work the nightly pass found first) is not raised again.
    /// </summary>
    public static async Task<IReadOnlyList<Deficiency>> DeficienciesAsync(FieldContractsDbContext db, CheckedVisit visit, Guid logId, int version,
        Instant now, CancellationToken ct)
    {
        var findings = visit.Findings
            .Select(f => (Finding: f, Key: DeficiencyKeys.OfVisit(logId, f.Kind, f.AreaId, f.OccurrenceId)))
            .DistinctBy(f => f.Key)
            .ToList();
        var keys = findings.Select(f => f.Key).ToList();
        var raised = (await db.Deficiencies.AsNoTracking().Where(d => d.DedupKey != null && keys.Contains(d.DedupKey))
            .Select(d => d.DedupKey!).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var today = now.InZone(Hartford.Zone).Date;
        return findings.Where(f => !raised.Contains(f.Key))
            .Select(f => Deficiency.Raise(
                new Deficiency.Finding(visit.Contract.Id, visit.Site.Id, f.Finding.AreaId is { } area ? [area] : [], f.Finding.Kind,
                    f.Finding.OccurrenceId, f.Finding.Evidence, f.Key, logId, version),
                Party.System, "Specification checks", now, today))
            .ToList();
    }

    public static IEnumerable<WorkLogPhoto> PhotoRows(IReadOnlyList<CheckedPhoto> checkedPhotos, Guid logId, int version, string by, Instant now) =>
        checkedPhotos.Select(p => new WorkLogPhoto
        {
            Id = Guid.CreateVersion7(),
            WorkLogId = logId,
            Version = version,
            FileName = p.FileName,
            ContentType = p.ContentType,
            SizeBytes = p.Bytes.LongLength,
            Sha256 = p.Sha256,
            StoragePath = p.StoragePath,
            UploadedBy = by,
            UploadedAt = now,
        });
}
