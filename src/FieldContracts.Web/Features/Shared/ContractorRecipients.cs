using FieldContracts.Data;
using Microsoft.EntityFrameworkCore;

namespace FieldContracts.Web.Features.Shared;

/// <summary>A person an email goes to.</summary>
public sealed record Recipient(string Name, string Email);

/// <summary>Who at the contractor receives what the City sends about a contract: each of its contacts with an email address.</summary>
public static class ContractorRecipients
{
    public static async Task<IReadOnlyList<Recipient>> OfContractAsync(FieldContractsDbContext db, Guid contractId, CancellationToken ct)
    {
        var contractorId = await db.Contracts.Where(c => c.Id == contractId).Select(c => c.ContractorId).SingleAsync(ct);
        var contractor = await db.Contractors.AsNoTracking().SingleAsync(c => c.Id == contractorId, ct);
        return contractor.Contacts
            .Where(c => !string.IsNullOrWhiteSpace(c.Email))
            .Select(c => new Recipient(c.Name, c.Email!.Trim()))
            .DistinctBy(r => r.Email, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
