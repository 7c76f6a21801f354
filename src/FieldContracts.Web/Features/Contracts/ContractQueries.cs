using System.Security.Claims;
using FieldContracts.Data;
using FieldContracts.Scheduling.Contracts;
using FieldContracts.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Web.Features.Contracts;

/// <summary>Reads contracts as the signed-in user may see them.</summary>
public sealed class ContractQueries(FieldContractsDbContext db, ZonedClock clock)
{
    public async Task<IReadOnlyList<ContractSummary>> ListAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var today = clock.GetCurrentDate();
        var rows = await db.Contracts.AsNoTracking()
            .VisibleTo(user)
            .Join(db.Contractors, c => c.ContractorId, k => k.Id, (c, k) => new { Contract = c, Contractor = k.Name })
            .OrderBy(x => x.Contract.Number)
            .ToListAsync(ct);
        return rows
            .Select(x => new ContractSummary(x.Contract.Id, x.Contract.Number, x.Contract.Title, x.Contractor, x.Contract.TermStart,
                x.Contract.TermEnd, x.Contract.StatusOn(today)))
            .ToList();
    }

    /// <summary>The contract's overview, or null when it does not exist or the user may not see it.</summary>
    public async Task<ContractOverview?> OverviewAsync(string number, ClaimsPrincipal user, CancellationToken ct)
    {
        var contract = await db.Contracts.AsNoTracking()
            .VisibleTo(user)
            .Include(c => c.Sites).ThenInclude(s => s.Areas)
            .Include(c => c.PriceLines)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Number == number, ct);
        if (contract is null)
        {
            return null;
        }

        var contractor = await db.Contractors.AsNoTracking().SingleAsync(k => k.Id == contract.ContractorId, ct);
        return ToOverview(contract, contractor, clock.GetCurrentDate()) with
        {
            HasSpecification = await db.Specifications.AnyAsync(s => s.ContractId == contract.Id, ct),
        };
    }

    private static ContractOverview ToOverview(Contract contract, Contractor contractor, LocalDate today) => new(
        contract.Id,
        contract.Number,
        contract.Title,
        contract.AwardedOn,
        contract.TermStart,
        contract.TermEnd,
        contract.Term.Length,
        contract.StatusOn(today),
        new ContractorView(contractor.Name, AddressView.From(contractor.Address),
            contractor.Contacts.Select(c => new ContactView(c.Name, c.Role, c.Email, c.Phone)).ToList()),
        SettingsView.Of(contract.Settings),
        contract.Sites.OrderBy(s => s.Name).Select(s => new SiteView(
            s.Id, s.Code, s.Name, AddressView.From(s.Address), s.Location.Latitude, s.Location.Longitude,
            s.Areas.OrderBy(a => a.Kind).ThenBy(a => a.Name)
                .Select(a => new AreaView(a.Id, a.Name, a.Kind, a.Seasons.Select(x => new SportSeasonView(x.Sport, x.From, x.To)).ToList()))
                .ToList())).ToList(),
        contract.PriceLines.OrderBy(p => p.Item, StringComparer.Ordinal).Select(p => new PriceLineView(
            p.Id, p.Item, p.Description, p.Basis, p.Unit, p.EstimatedQuantity, p.UnitPrice, p.EstimatedTotal, p.IsSample)).ToList());
}
