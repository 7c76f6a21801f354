using FieldContracts.Scheduling.Specification;
using Microsoft.EntityFrameworkCore;

namespace FieldContracts.Data.Planning;

/// <summary>Loads the specifications stored with contracts.</summary>
public static class Specifications
{
    /// <summary>The latest version of a contract's specification, or null when it has none.</summary>
    public static async Task<ContractSpecification?> LatestAsync(FieldContractsDbContext db, Guid contractId, CancellationToken ct) =>
        await db.Specifications.AsNoTracking().Where(s => s.ContractId == contractId).OrderByDescending(s => s.Version)
            .Select(s => s.Document).FirstOrDefaultAsync(ct) is { } document
            ? SpecificationJson.Read(document)
            : null;

    /// <summary>The latest specification of each of the contracts that have one.</summary>
    public static async Task<Dictionary<Guid, ContractSpecification>> LatestAsync(FieldContractsDbContext db, IReadOnlyCollection<Guid> contractIds,
        CancellationToken ct) =>
        (await db.Specifications.AsNoTracking().Where(s => contractIds.Contains(s.ContractId))
            .Select(s => new { s.ContractId, s.Version, s.Document }).ToListAsync(ct))
        .GroupBy(s => s.ContractId)
        .ToDictionary(g => g.Key, g => SpecificationJson.Read(g.MaxBy(s => s.Version)!.Document));
}
