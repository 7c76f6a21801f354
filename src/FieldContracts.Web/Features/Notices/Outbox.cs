using FieldContracts.Data;
using FieldContracts.Data.Notices;
using Microsoft.EntityFrameworkCore;

namespace FieldContracts.Web.Features.Notices;

/// <summary>Queuing an email that must go at most once: its dedup key is unique in the outbox.</summary>
public static class Outbox
{
    /// <summary>
    /// Queues <paramref name="message"/> on its own, unless a message with its key is already there (queued by an earlier
    /// pass, or by another instance at the same moment: the unique key refuses the second). True when it was queued.
    /// </summary>
    public static async Task<bool> QueueOnceAsync(FieldContractsDbContext db, OutboxMessage message, CancellationToken ct)
    {
        if (await db.OutboxMessages.AnyAsync(m => m.DedupKey == message.DedupKey, ct))
        {
            return false;
        }

        db.OutboxMessages.Add(message);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
