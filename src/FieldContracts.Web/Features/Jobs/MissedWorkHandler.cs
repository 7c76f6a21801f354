using FieldContracts.Data;
using FieldContracts.Data.Notices;
using FieldContracts.Scheduling.Planning;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Web.Features.Jobs;

public sealed record MissedWorkResult(int Missed, int Late)
{
    public override string ToString() => $"{Missed} missed, {Late} late";
}

/// <summary>
/// The daily pass for deficiency candidates: planned work whose window ended before <c>today</c> with nothing
/// logged (missed), or logged after its window's last day (late). One finding per occurrence and kind, so a second
/// run the same day, or the next day, raises nothing new.
/// </summary>
public sealed class MissedWorkHandler(FieldContractsDbContext db, IClock clock)
{
    public async Task<MissedWorkResult> HandleAsync(LocalDate today, CancellationToken ct)
    {
        var candidates = await db.Occurrences.AsNoTracking()
            .Where(o => !o.Cancelled && o.Status == OccurrenceStatus.Planned && o.WindowEnd < today
                        && (o.LoggedOn == null || o.LoggedOn > o.WindowEnd))
            .Select(o => new { o.Id, o.ContractId, o.WindowEnd, o.LoggedOn })
            .ToListAsync(ct);
        var known = (await db.MissedWork.AsNoTracking().Select(f => new { f.OccurrenceId, f.Kind }).ToListAsync(ct))
            .Select(f => (f.OccurrenceId, f.Kind)).ToHashSet();
        var now = clock.GetCurrentInstant();
        int missed = 0, late = 0;
        foreach (var o in candidates)
        {
            var kind = o.LoggedOn is null ? MissedWorkKind.Missed : MissedWorkKind.Late;
            if (!known.Add((o.Id, kind)))
            {
                continue;
            }

            db.MissedWork.Add(new MissedWorkFinding
            {
                Id = Guid.NewGuid(), ContractId = o.ContractId, OccurrenceId = o.Id, Kind = kind, WindowEnd = o.WindowEnd,
                LoggedOn = o.LoggedOn, FoundOn = today, FoundAt = now,
            });
            if (kind == MissedWorkKind.Missed)
            {
                missed++;
            }
            else
            {
                late++;
            }
        }

        await db.SaveChangesAsync(ct);
        return new MissedWorkResult(missed, late);
    }
}
