using FieldContracts.Administration.Deficiencies;
using Microsoft.EntityFrameworkCore;

namespace FieldContracts.Data.Deficiencies;

/// <summary>Which occurrences the register holds as missed (a missed-work deficiency that was not withdrawn).</summary>
public static class MissedWork
{
    public static async Task<HashSet<Guid>> OccurrencesAsync(FieldContractsDbContext db, IReadOnlyCollection<Guid> contractIds, CancellationToken ct) =>
        (await db.Deficiencies.AsNoTracking()
            .Where(d => contractIds.Contains(d.ContractId) && d.Kind == DeficiencyKind.MissedWork && d.Status != DeficiencyStatus.Withdrawn
                        && d.OccurrenceId != null)
            .Select(d => d.OccurrenceId!.Value)
            .ToListAsync(ct))
        .ToHashSet();
}
