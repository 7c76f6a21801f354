using System.Security.Claims;
using FieldContracts.Administration.Deficiencies;
using FieldContracts.Data;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Web.Features.Deficiencies;

/// <summary>A deficiency in the register with every step taken on it.</summary>
public sealed record DeficiencyDetail(
    Guid Id,
    string ContractNumber,
    string? Site,
    IReadOnlyList<Guid> AreaIds,
    DeficiencyKind Kind,
    Guid? OccurrenceId,
    Guid? WorkLogId,
    int? WorkLogVersion,
    string Evidence,
    Party RaisedByParty,
    string RaisedBy,
    ZonedDateTime RaisedAt,
    LocalDate FoundOn,
    DeficiencyStatus Status,
    IReadOnlyList<DeficiencyStepView> Steps);

public sealed record DeficiencyStepView(DeficiencyAction Action, DeficiencyStatus StatusAfter, Party Party, string By, ZonedDateTime At, string Text,
    Guid? CureWorkLogId);

public sealed class DeficiencyQueries(FieldContractsDbContext db)
{
    /// <summary>The register of a contract the user can see, newest first; null when there is no such contract.</summary>
    public async Task<IReadOnlyList<DeficiencyDetail>?> ListAsync(ClaimsPrincipal user, string number, DeficiencyStatus? status,
        DeficiencyKind? kind, CancellationToken ct)
    {
        var contract = await db.Contracts.AsNoTracking().VisibleTo(user).Where(c => c.Number == number).Select(c => (Guid?)c.Id)
            .SingleOrDefaultAsync(ct);
        if (contract is not { } contractId)
        {
            return null;
        }

        var query = db.Deficiencies.AsNoTracking().Include(d => d.Steps).Where(d => d.ContractId == contractId);
        if (status is { } s)
        {
            query = query.Where(d => d.Status == s);
        }

        if (kind is { } k)
        {
            query = query.Where(d => d.Kind == k);
        }

        return await DetailAsync(query, ct);
    }

    /// <summary>One deficiency the user can see; another contractor's looks the same as none.</summary>
    public async Task<DeficiencyDetail?> OneAsync(ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        (await DetailAsync(db.Deficiencies.AsNoTracking().Include(d => d.Steps)
            .Where(d => d.Id == id && db.Contracts.VisibleTo(user).Any(c => c.Id == d.ContractId)), ct))
        .SingleOrDefault();

    private async Task<IReadOnlyList<DeficiencyDetail>> DetailAsync(IQueryable<Deficiency> query, CancellationToken ct)
    {
        var rows = await query.ToListAsync(ct);
        var contractIds = rows.Select(d => d.ContractId).Distinct().ToList();
        var numbers = await db.Contracts.AsNoTracking().Where(c => contractIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Number, ct);
        var siteIds = rows.Where(d => d.SiteId != null).Select(d => d.SiteId!.Value).Distinct().ToList();
        var sites = await db.Sites.AsNoTracking().Where(s => siteIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Code, ct);
        return rows.OrderByDescending(d => d.RaisedAt).ThenBy(d => d.Id)
            .Select(d => new DeficiencyDetail(d.Id, numbers[d.ContractId], d.SiteId is { } site ? sites.GetValueOrDefault(site) : null, d.AreaIds,
                d.Kind, d.OccurrenceId, d.WorkLogId, d.WorkLogVersion, d.Evidence, d.RaisedByParty, d.RaisedBy,
                d.RaisedAt.InZone(Hartford.Zone), d.FoundOn, d.Status,
                d.Steps.OrderBy(s => s.At).ThenBy(s => s.Id)
                    .Select(s => new DeficiencyStepView(s.Action, s.StatusAfter, s.Party, s.By, s.At.InZone(Hartford.Zone), s.Text, s.CureWorkLogId))
                    .ToList()))
            .ToList();
    }
}
