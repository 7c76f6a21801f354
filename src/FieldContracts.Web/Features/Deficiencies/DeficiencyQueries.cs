using System.Security.Claims;
using FieldContracts.Administration.Deficiencies;
using FieldContracts.Data;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Web.Features.Deficiencies;

/// <summary>A deficiency in the register with every step taken on it.</summary>
/// <param name="RespondBy">The last day of the contractor's response (<see cref="ResponseTime.DueOn(LocalDate, int)"/>).</param>
/// <param name="OverdueForResponse">Still open after that day (<see cref="ResponseTime.IsOverdue"/>), as of today.</param>
/// <param name="InspectionId">The inspection whose failed line raised it, when one.</param>
/// <param name="Photos">Photos raised with it (a complaint's, an inspection line's): <c>GET /api/deficiencies/{id}/photos/{photoId}</c>.</param>
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
    IReadOnlyList<DeficiencyStepView> Steps,
    LocalDate RespondBy,
    bool OverdueForResponse,
    Guid? InspectionId,
    IReadOnlyList<DeficiencyPhotoView> Photos);

/// <summary>A photo of a deficiency: the file's name, type, size and SHA-256.</summary>
public sealed record DeficiencyPhotoView(Guid Id, string FileName, string ContentType, long SizeBytes, string Sha256);

public sealed record DeficiencyStepView(DeficiencyAction Action, DeficiencyStatus StatusAfter, Party Party, string By, ZonedDateTime At, string Text,
    Guid? CureWorkLogId);

public sealed class DeficiencyQueries(FieldContractsDbContext db, IClock clock)
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

        var query = db.Deficiencies.AsNoTracking().Include(d => d.Steps).Include(d => d.Photos).Where(d => d.ContractId == contractId);
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
        (await DetailAsync(db.Deficiencies.AsNoTracking().Include(d => d.Steps).Include(d => d.Photos)
            .Where(d => d.Id == id && db.Contracts.VisibleTo(user).Any(c => c.Id == d.ContractId)), ct))
        .SingleOrDefault();

    /// <summary>A photo of a deficiency the user can see, or null.</summary>
    public async Task<DeficiencyPhoto?> PhotoAsync(ClaimsPrincipal user, Guid deficiencyId, Guid photoId, CancellationToken ct) =>
        await db.DeficiencyPhotos.AsNoTracking()
            .Where(p => p.Id == photoId && p.DeficiencyId == deficiencyId
                        && db.Deficiencies.Any(d => d.Id == deficiencyId && db.Contracts.VisibleTo(user).Any(c => c.Id == d.ContractId)))
            .SingleOrDefaultAsync(ct);

    private async Task<IReadOnlyList<DeficiencyDetail>> DetailAsync(IQueryable<Deficiency> query, CancellationToken ct)
    {
        var rows = await query.AsSplitQuery().ToListAsync(ct);
        var contractIds = rows.Select(d => d.ContractId).Distinct().ToList();
        var contracts = await db.Contracts.AsNoTracking().Where(c => contractIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Number, c.Settings.ResponseDays }).ToDictionaryAsync(c => c.Id, ct);
        var today = clock.GetCurrentInstant().InZone(Hartford.Zone).Date;
        var siteIds = rows.Where(d => d.SiteId != null).Select(d => d.SiteId!.Value).Distinct().ToList();
        var sites = await db.Sites.AsNoTracking().Where(s => siteIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Code, ct);
        return rows.OrderByDescending(d => d.RaisedAt).ThenBy(d => d.Id).Select(d =>
            {
                var respondBy = ResponseTime.DueOn(d, contracts[d.ContractId].ResponseDays);
                return new DeficiencyDetail(d.Id, contracts[d.ContractId].Number, d.SiteId is { } site ? sites.GetValueOrDefault(site) : null,
                    d.AreaIds, d.Kind, d.OccurrenceId, d.WorkLogId, d.WorkLogVersion, d.Evidence, d.RaisedByParty, d.RaisedBy,
                    d.RaisedAt.InZone(Hartford.Zone), d.FoundOn, d.Status,
                    d.Steps.OrderBy(s => s.At).ThenBy(s => s.Id)
                        .Select(s => new DeficiencyStepView(s.Action, s.StatusAfter, s.Party, s.By, s.At.InZone(Hartford.Zone), s.Text, s.CureWorkLogId))
                        .ToList(),
                    respondBy, ResponseTime.IsOverdue(d.Status, respondBy, today), d.InspectionId,
                    d.Photos.OrderBy(p => p.Id).Select(p => new DeficiencyPhotoView(p.Id, p.FileName, p.ContentType, p.SizeBytes, p.Sha256)).ToList());
            })
            .ToList();
    }
}
