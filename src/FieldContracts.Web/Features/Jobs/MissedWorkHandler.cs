using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.Deliverables;
using FieldContracts.Data;
using FieldContracts.Data.Deliverables;
using FieldContracts.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Web.Features.Jobs;

public sealed record MissedWorkResult(int Missed, int Late, int Deliverables = 0)
{
    public override string ToString() => $"{Missed} missed, {Late} late, {Deliverables} deliverables overdue";
}

/// <summary>
/// The nightly pass over the plan: planned work that <see cref="WorkTimeliness"/> finds missed (its window ended before
/// <c>today</c> with nothing logged) or late (logged after its window's last day) goes into the deficiency register,
/// once per occurrence and kind (<see cref="DeficiencyKeys"/>), so a second run raises nothing new. A missed occurrence
/// gets a new revision and calendar sequence, so calendars and their caches show it as missed. A deliverable not handed in by its day
/// (<see cref="DeliverableStanding"/>) is raised the same way, once.
/// </summary>
public sealed class MissedWorkHandler(FieldContractsDbContext db, IClock clock)
{
    public async Task<MissedWorkResult> HandleAsync(LocalDate today, CancellationToken ct)
    {
        // The database narrows to windows that ended with nothing logged, or logged after them; which work is held to
        // its window at all is the register's rule, applied here as the scorecard applies it.
        var ended = (await db.Occurrences
                .Where(o => o.WindowEnd < today && (o.LoggedOn == null || o.LoggedOn > o.WindowEnd))
                .ToListAsync(ct))
            .Where(o => WorkTimeliness.IsHeldToWindow(o.Status, o.Cancelled))
            .ToList();
        var judged = ended
            .Select(o => (Occurrence: o, Timeliness: WorkTimeliness.Judge(new DateInterval(o.WindowStart, o.WindowEnd), o.LoggedOn, today)))
            .Where(j => j.Timeliness is Timeliness.Missed or Timeliness.Late)
            .ToList();
        // Only the key each judgement would raise is looked up.
        var keys = judged.Select(j => j.Timeliness == Timeliness.Missed ? DeficiencyKeys.Missed(j.Occurrence.Id) : DeficiencyKeys.Late(j.Occurrence.Id))
            .ToList();
        var raised = (await db.Deficiencies.AsNoTracking().Where(d => d.DedupKey != null && keys.Contains(d.DedupKey))
            .Select(d => d.DedupKey!).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var now = clock.GetCurrentInstant();
        int missed = 0, late = 0;
        foreach (var (o, timeliness) in judged)
        {
            var (kind, key, evidence) = timeliness switch
            {
                Timeliness.Missed => ((DeficiencyKind?)DeficiencyKind.MissedWork, DeficiencyKeys.Missed(o.Id),
                    $"Nothing was logged by {Display.Short(o.WindowEnd)}, the last day of the plan's window ({Display.Short(o.WindowStart)} – {Display.Short(o.WindowEnd)})."),
                Timeliness.Late => ((DeficiencyKind?)DeficiencyKind.LateWork, DeficiencyKeys.Late(o.Id),
                    $"Logged as done on {Display.Short(o.LoggedOn!.Value)}, after {Display.Short(o.WindowEnd)}, the last day of the plan's window."),
                _ => (default(DeficiencyKind?), "", ""),
            };
            if (kind is null || !raised.Add(key))
            {
                continue;
            }

            db.Deficiencies.Add(Deficiency.Raise(
                new Deficiency.Finding(o.ContractId, o.SiteId, [], kind.Value, o.Id, evidence, key), Party.System, "Missed-work pass", now, today));
            if (kind == DeficiencyKind.MissedWork)
            {
                o.Revision++;
                o.CalendarSequence++;
                o.LastModified = now;
                missed++;
            }
            else
            {
                late++;
            }
        }

        var deliverables = await OverdueDeliverablesAsync(today, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node raised the same findings first (their keys are unique); the next pass finds nothing new.
            db.ChangeTracker.Clear();
            return new MissedWorkResult(0, 0);
        }

        return new MissedWorkResult(missed, late, deliverables);
    }

    /// <summary>Raises each deliverable not handed in by its day, once; returns how many it raised.</summary>
    private async Task<int> OverdueDeliverablesAsync(LocalDate today, Instant now, CancellationToken ct)
    {
        var contracts = await db.Contracts.AsNoTracking().Select(c => c.Id).ToListAsync(ct);
        var overdue = (await ExpectedDeliverables.OfAsync(db, contracts, ct)).Where(e => e.DueOn < today).ToList();
        if (overdue.Count == 0)
        {
            return 0;
        }

        var overdueIds = overdue.Select(e => e.OccurrenceId).ToList();
        var handedIn = (await db.Deliverables.AsNoTracking().Where(d => overdueIds.Contains(d.OccurrenceId)).Select(d => d.OccurrenceId)
            .ToListAsync(ct)).ToHashSet();
        var keys = overdue.Select(e => DeficiencyKeys.Deliverable(e.OccurrenceId)).ToList();
        var raised = (await db.Deficiencies.AsNoTracking().Where(d => d.DedupKey != null && keys.Contains(d.DedupKey))
            .Select(d => d.DedupKey!).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var siteIds = overdue.Select(e => e.SiteId).Distinct().ToList();
        var schools = await db.Sites.AsNoTracking().Where(s => siteIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var count = 0;
        foreach (var expected in overdue.Where(e => !handedIn.Contains(e.OccurrenceId)))
        {
            if (DeliverableStanding.Finding(expected, null, today, schools[expected.SiteId]) is { } finding && raised.Add(finding.DedupKey!))
            {
                db.Deficiencies.Add(Deficiency.Raise(finding, Party.System, "Missed-work pass", now, today));
                count++;
            }
        }

        return count;
    }
}
