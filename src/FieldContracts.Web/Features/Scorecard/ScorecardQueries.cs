using System.Security.Claims;
using FieldContracts.Administration.Performance;
using FieldContracts.Data;
using FieldContracts.Data.Notices;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Web.Features.Scorecard;

/// <summary>Loads what a contract's scorecard is computed from and computes it (<see cref="Administration.Performance.Scorecard"/>) as of now.</summary>
public sealed class ScorecardQueries(FieldContractsDbContext db, IClock clock)
{
    /// <summary>The scorecard of a contract the user can see, as of now in Hartford; null when there is no such contract.</summary>
    public async Task<ScorecardView?> ForAsync(ClaimsPrincipal user, string number, CancellationToken ct)
    {
        var contract = await db.Contracts.AsNoTracking().VisibleTo(user).Where(c => c.Number == number)
            .Select(c => new { c.Id, c.Number, c.Title, LeadTime = c.Settings.ChemicalNoticeLeadTime })
            .SingleOrDefaultAsync(ct);
        if (contract is null)
        {
            return null;
        }

        var sites = (await db.Sites.AsNoTracking().Where(s => s.ContractId == contract.Id).Select(s => new { s.Id, s.Code, s.Name }).ToListAsync(ct))
            .OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        var codes = sites.ToDictionary(s => s.Id, s => s.Code);
        var occurrences = await db.Occurrences.AsNoTracking().Where(o => o.ContractId == contract.Id)
            .Select(o => new { o.Id, o.SiteId, o.WindowStart, o.WindowEnd, o.LoggedOn, o.Status, o.Cancelled, o.IsChemical, o.ApplicationStartsAt })
            .ToListAsync(ct);
        var deficiencies = await db.Deficiencies.AsNoTracking().Include(d => d.Steps).Where(d => d.ContractId == contract.Id).ToListAsync(ct);
        var notices = await NoticeLedgers.ForContractAsync(db, contract.Id, ct);

        var input = new ScorecardInput(
            sites.Select(s => s.Code).ToList(),
            occurrences.Select(o => new ScorecardWork(codes[o.SiteId], new DateInterval(o.WindowStart, o.WindowEnd), o.LoggedOn, o.Status, o.Cancelled))
                .ToList(),
            deficiencies.Select(d => ScorecardDeficiency.Of(d, d.SiteId is { } site ? codes.GetValueOrDefault(site) : null)).ToList(),
            occurrences.Where(o => o.IsChemical && o.ApplicationStartsAt is not null)
                .Select(o => new ScorecardApplication(o.Id, codes[o.SiteId], o.ApplicationStartsAt!.Value, o.Status, o.Cancelled))
                .ToList(),
            notices,
            contract.LeadTime);
        var figures = Administration.Performance.Scorecard.Compute(input, clock.GetCurrentInstant(), Hartford.Zone);
        return ScorecardView.From(contract.Number, contract.Title, sites.Select(s => new ScorecardSchool(s.Code, s.Name)).ToList(), figures);
    }
}
