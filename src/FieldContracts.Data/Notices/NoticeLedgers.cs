using FieldContracts.Administration.Notices;
using Microsoft.EntityFrameworkCore;

namespace FieldContracts.Data.Notices;

/// <summary>Loads the notice ledger: notices recorded by hand, and emailed notices a mail server accepted.</summary>
public static class NoticeLedgers
{
    public static Task<NoticeLedger> ForContractAsync(FieldContractsDbContext db, Guid contractId, CancellationToken ct) =>
        LoadAsync(db.NoticeRecords.Where(n => n.ContractId == contractId), db.ChemicalNotices.Where(n => n.ContractId == contractId), ct);

    public static Task<NoticeLedger> ForContractsAsync(FieldContractsDbContext db, IReadOnlyCollection<Guid> contractIds, CancellationToken ct) =>
        LoadAsync(db.NoticeRecords.Where(n => contractIds.Contains(n.ContractId)), db.ChemicalNotices.Where(n => contractIds.Contains(n.ContractId)), ct);

    public static Task<NoticeLedger> ForOccurrencesAsync(FieldContractsDbContext db, IReadOnlyCollection<Guid> occurrenceIds, CancellationToken ct) =>
        LoadAsync(db.NoticeRecords.Where(n => occurrenceIds.Contains(n.OccurrenceId)),
            db.ChemicalNotices.Where(n => occurrenceIds.Contains(n.OccurrenceId)), ct);

    /// <summary>The contract's emailed notices that a mail server accepted.</summary>
    public static Task<List<GivenNotice>> EmailedAsync(FieldContractsDbContext db, Guid contractId, CancellationToken ct) =>
        EmailedAsync(db.ChemicalNotices.Where(n => n.ContractId == contractId), ct);

    private static async Task<NoticeLedger> LoadAsync(IQueryable<NoticeRecord> recorded, IQueryable<ChemicalNoticeRecord> emailed,
        CancellationToken ct)
    {
        var byHand = await recorded.AsNoTracking().ToListAsync(ct);
        return new NoticeLedger(byHand.Select(n => n.ToGiven()).Concat(await EmailedAsync(emailed, ct)));
    }

    private static async Task<List<GivenNotice>> EmailedAsync(IQueryable<ChemicalNoticeRecord> emailed, CancellationToken ct) =>
        (await emailed.AsNoTracking().Where(n => n.FirstAcceptedAt != null)
            .Select(n => new { n.OccurrenceId, AcceptedAt = n.FirstAcceptedAt!.Value, n.ApplicationDateNamed, n.RecipientCount })
            .ToListAsync(ct))
        .Select(n => RecordedNotices.Emailed(n.OccurrenceId, n.AcceptedAt, n.ApplicationDateNamed, n.RecipientCount))
        .ToList();
}
