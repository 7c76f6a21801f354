using FieldContracts.Scheduling.Planning;
using Microsoft.EntityFrameworkCore;

namespace FieldContracts.Data.Notices;

/// <summary>The chemical notices on record as sent, in the form the planner takes them.</summary>
public static class SentNotices
{
    /// <summary>
    /// Per occurrence of the contract, the notice that counts as sent: among those an SMTP server accepted, the
    /// earliest one naming the occurrence's current application day; failing that, the latest one accepted (which
    /// names another day, so a move will call for a fresh notice).
    /// </summary>
    public static async Task<Dictionary<Guid, SentNotice>> LoadAsync(FieldContractsDbContext db, Guid contractId, CancellationToken ct)
    {
        var accepted = await db.ChemicalNotices.AsNoTracking()
            .Where(n => n.ContractId == contractId && n.FirstAcceptedAt != null)
            .Join(db.Occurrences, n => n.OccurrenceId, o => o.Id, (n, o) => new
            {
                n.OccurrenceId, n.Version, AcceptedAt = n.FirstAcceptedAt!.Value, n.ApplicationDateNamed, o.PlannedDate,
            })
            .ToListAsync(ct);
        return accepted.GroupBy(n => n.OccurrenceId).ToDictionary(g => g.Key, g =>
        {
            var current = g.Where(n => n.ApplicationDateNamed == n.PlannedDate).OrderBy(n => n.AcceptedAt).FirstOrDefault()
                          ?? g.OrderByDescending(n => n.Version).First();
            return new SentNotice(current.AcceptedAt, current.ApplicationDateNamed);
        });
    }
}
