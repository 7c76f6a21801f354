using System.Security.Claims;
using FieldContracts.Administration.Subcontracting;
using FieldContracts.Data;
using FieldContracts.Data.Planning;
using FieldContracts.Scheduling.Contracts;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Web.Features.Subcontracting;

/// <summary>A contract's sub-contracting: its setting with the bid's words, the requests, the approved sub-contractors.</summary>
/// <param name="Policy">The contract's setting.</param>
/// <param name="PolicyWords">The setting in words.</param>
/// <param name="Bid">The bid's two passages, the one the setting follows marked.</param>
/// <param name="Follows">Which passage the setting follows, in a sentence.</param>
/// <param name="Requests">Every request, the latest first.</param>
/// <param name="Approved">Each approved sub-contractor once, with every item approved for it.</param>
/// <param name="Items">The specification's items, offered when naming the work (free text is allowed too).</param>
public sealed record SubcontractingView(
    string Number,
    SubcontractingPolicy Policy,
    string PolicyWords,
    IReadOnlyList<BidQuote> Bid,
    string Follows,
    IReadOnlyList<SubcontractRequestView> Requests,
    IReadOnlyList<ApprovedSubcontractorView> Approved,
    IReadOnlyList<SpecificationItemView> Items);

/// <summary>One request: the sub-contractor, the work, where it stands, who asked and who decided, and why.</summary>
/// <param name="Reason">Purchasing's reason for a refusal, its note on an approval, or the contractor's on a withdrawal.</param>
public sealed record SubcontractRequestView(
    Guid Id,
    string Name,
    string Address,
    string? Contact,
    IReadOnlyList<string> Items,
    SubcontractRequestStatus Status,
    string StatusWords,
    LocalDate RequestedOn,
    string RequestedBy,
    LocalDate? DecidedOn,
    string? DecidedBy,
    string? Reason);

/// <summary>
/// A sub-contractor Purchasing approved, from the first day of approval, for the items listed; its insurance certificates
/// are checked like the contractor's (special instruction 14, 9: "The insurance requirements shall apply to all
/// subcontractors"), on the contract's insurance page.
/// </summary>
public sealed record ApprovedSubcontractorView(string Name, IReadOnlyList<string> Items, LocalDate ApprovedFrom, string CertificatesUrl);

/// <summary>An item of the contract's specification as the bid numbers it ("3a"), with what it is.</summary>
public sealed record SpecificationItemView(string Reference, string Title);

public sealed class SubcontractingQueries(FieldContractsDbContext db, IClock clock)
{
    public LocalDate Today() => clock.GetCurrentInstant().InZone(Hartford.Zone).Date;

    /// <summary>The contract's sub-contracting as <paramref name="user"/> may see it; null when the contract is not theirs to see.</summary>
    public async Task<SubcontractingView?> ViewAsync(ClaimsPrincipal user, string number, CancellationToken ct)
    {
        var contract = await db.Contracts.VisibleTo(user).Where(c => c.Number == number)
            .Select(c => new { c.Id, c.Number, c.Settings.Subcontracting }).SingleOrDefaultAsync(ct);
        if (contract is null)
        {
            return null;
        }

        var requests = (await db.SubcontractRequests.AsNoTracking().Where(r => r.ContractId == contract.Id).ToListAsync(ct))
            .OrderByDescending(r => r.RequestedOn).ThenByDescending(r => r.Id).ToList();
        var specification = await Specifications.LatestAsync(db, contract.Id, ct);
        var items = specification is null
            ? []
            : specification.Tasks.Where(t => !string.IsNullOrWhiteSpace(t.ItemReference))
                .GroupBy(t => t.ItemReference.Trim(), StringComparer.OrdinalIgnoreCase)
                .Select(g => new SpecificationItemView(g.Key, string.Join("; ", g.Select(t => t.Name).Distinct())))
                .ToList();
        var certificates = $"/contracts/{Uri.EscapeDataString(contract.Number)}/insurance";
        var approved = requests.Where(r => r.Status == SubcontractRequestStatus.Approved)
            .GroupBy(r => r.Subcontractor.Name, StringComparer.OrdinalIgnoreCase)
            .Select(g => new ApprovedSubcontractorView(
                g.OrderBy(r => r.DecidedOn).First().Subcontractor.Name,
                g.OrderBy(r => r.DecidedOn).SelectMany(r => r.ItemReferences).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
                g.Min(r => r.DecidedOn!.Value),
                certificates))
            .OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new SubcontractingView(contract.Number, contract.Subcontracting, Display.Subcontracting(contract.Subcontracting),
            SubcontractingWords.Quotes(contract.Subcontracting), SubcontractingWords.Follows(contract.Subcontracting),
            requests.Select(View).ToList(), approved, items);
    }

    private static SubcontractRequestView View(SubcontractRequest r) => new(r.Id, r.Subcontractor.Name, r.Subcontractor.Address,
        r.Subcontractor.Contact, r.ItemReferences, r.Status, SubcontractingWords.Of(r.Status), r.RequestedOn, r.RequestedBy, r.DecidedOn,
        r.DecidedBy, r.Reason);
}
