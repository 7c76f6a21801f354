using FieldContracts.Administration.Deliverables;
using FieldContracts.Data.Planning;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Data.Deliverables;

/// <summary>The deliverables the stored plan expects: one for each planned occurrence of a task that ends in one.</summary>
public static class ExpectedDeliverables
{
    /// <summary>Who receives a deliverable when the specification does not say.</summary>
    public const string DefaultRecipient = "Director of Athletics";

    public static async Task<List<ExpectedDeliverable>> OfAsync(FieldContractsDbContext db, IReadOnlyCollection<Guid> contractIds, CancellationToken ct,
        Guid? occurrenceId = null)
    {
        var rows = await db.Occurrences.AsNoTracking()
            .Where(o => contractIds.Contains(o.ContractId) && !o.Cancelled && o.Deliverable != null && o.PlannedDate != null
                        && (occurrenceId == null || o.Id == occurrenceId))
            .Select(o => new { o.Id, o.ContractId, o.SiteId, o.TaskKey, o.Deliverable, o.WindowStart, o.WindowEnd })
            .ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }

        var specifications = await Specifications.LatestAsync(db, rows.Select(r => r.ContractId).Distinct().ToList(), ct);
        return rows
            .Select(o => new ExpectedDeliverable(o.ContractId, o.SiteId, o.Id, o.Deliverable!,
                specifications.TryGetValue(o.ContractId, out var specification)
                    && specification.Tasks.FirstOrDefault(t => t.Key == o.TaskKey)?.DeliverableTo is { } recipient
                    ? recipient
                    : DefaultRecipient,
                DeliverableStanding.DueOn(new DateInterval(o.WindowStart, o.WindowEnd))))
            .OrderBy(d => d.DueOn).ThenBy(d => d.OccurrenceId)
            .ToList();
    }
}
