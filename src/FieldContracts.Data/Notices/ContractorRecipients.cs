using Microsoft.EntityFrameworkCore;

namespace FieldContracts.Data.Notices;

/// <summary>Someone at a contractor who receives the City's email about a contract: a contact with an address.</summary>
/// <param name="Name">The contact's name.</param>
/// <param name="Email">The address, as the contract's file or the API gave it.</param>
/// <param name="Contractor">The firm's name.</param>
public sealed record ContractorRecipient(string Name, string Email, string Contractor);

/// <summary>Where the City's email to a contractor goes: every contact of the firm with an email address, each address once.</summary>
public static class ContractorRecipients
{
    /// <summary>The contacts with an address of the contractor holding <paramref name="contractId"/>; none when it has none.</summary>
    public static async Task<IReadOnlyList<ContractorRecipient>> OfContractAsync(FieldContractsDbContext db, Guid contractId, CancellationToken ct)
    {
        var contractor = await db.Contractors.AsNoTracking()
            .Where(c => db.Contracts.Any(k => k.Id == contractId && k.ContractorId == c.Id))
            .SingleOrDefaultAsync(ct);
        return contractor is null
            ? []
            : contractor.Contacts.Where(c => !string.IsNullOrWhiteSpace(c.Email))
                .Select(c => new ContractorRecipient(c.Name, c.Email!.Trim(), contractor.Name))
                .DistinctBy(r => r.Email.ToLowerInvariant())
                .ToList();
    }
}
