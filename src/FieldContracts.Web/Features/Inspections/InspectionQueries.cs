using System.Security.Claims;
using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.Inspections;
using FieldContracts.Data;
using FieldContracts.Data.Planning;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Web.Features.Inspections;

/// <summary>An inspection in a contract's list.</summary>
/// <param name="Lines">Lines checked.</param>
/// <param name="Failed">Lines failed, each a deficiency in the register.</param>
public sealed record InspectionSummary(Guid Id, string School, string SchoolName, LocalDate InspectedOn, string InspectedBy, int Lines, int Failed);

/// <summary>An inspection with every line checked.</summary>
public sealed record InspectionView(
    Guid Id,
    string ContractNumber,
    string School,
    string SchoolName,
    LocalDate InspectedOn,
    Party InspectedByParty,
    string InspectedBy,
    ZonedDateTime RecordedAt,
    bool Passed,
    IReadOnlyList<InspectionLineView> Lines);

/// <summary>A line checked: what, against which words of the specification, the figure, the verdict, the note and photos.</summary>
/// <param name="RequiredMin">For a height, the least of the spec IV range the day of the inspection (inches).</param>
/// <param name="RequiredMax">For a height, the most of that range.</param>
/// <param name="InSeason">For a height, whether the area was in season that day.</param>
/// <param name="DeficiencyId">The deficiency a failed line raised.</param>
public sealed record InspectionLineView(
    string Line,
    InspectionCheck Check,
    Guid? AreaId,
    string What,
    string Clause,
    decimal? MeasuredInches,
    decimal? RequiredMin,
    decimal? RequiredMax,
    bool? InSeason,
    bool Passed,
    string? Note,
    IReadOnlyList<EvidencePhotoView> Photos,
    Guid? DeficiencyId);

/// <summary>A photo given as evidence, by its SHA-256: <c>GET /api/contracts/{number}/inspections/{id}/photos/{sha256}</c>.</summary>
public sealed record EvidencePhotoView(string Sha256, string FileName, string ContentType, long SizeBytes);

/// <summary>The checklist of a school on a day: the lines an inspection takes, by key.</summary>
public sealed record ChecklistView(string School, string SchoolName, LocalDate On, IReadOnlyList<ChecklistLineView> Lines);

public sealed record ChecklistLineView(string Line, InspectionCheck Check, Guid? AreaId, string What, string Clause, decimal? RequiredMin,
    decimal? RequiredMax, bool? InSeason);

/// <summary>Inspections of the contracts a user can see: City staff every contract's, a contractor its own.</summary>
public sealed class InspectionQueries(FieldContractsDbContext db)
{
    /// <summary>The contract's inspections, newest first; null when there is no such contract the user can see.</summary>
    public async Task<IReadOnlyList<InspectionSummary>?> ListAsync(ClaimsPrincipal user, string number, CancellationToken ct)
    {
        var contract = await db.Contracts.AsNoTracking().VisibleTo(user).Where(c => c.Number == number).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(ct);
        if (contract is not { } contractId)
        {
            return null;
        }

        var rows = await db.Inspections.AsNoTracking().Where(i => i.ContractId == contractId).ToListAsync(ct);
        var sites = await SitesAsync(contractId, ct);
        return rows.OrderByDescending(i => i.InspectedOn).ThenByDescending(i => i.RecordedAt)
            .Select(i => new InspectionSummary(i.Id, sites[i.SiteId].Code, sites[i.SiteId].Name, i.InspectedOn, i.InspectedBy, i.Lines.Count,
                i.Lines.Count(l => !l.Passed)))
            .ToList();
    }

    /// <summary>One inspection of the contract; null when there is none the user can see (another contractor's looks the same).</summary>
    public async Task<InspectionView?> OneAsync(ClaimsPrincipal user, string number, Guid id, CancellationToken ct)
    {
        var inspection = await db.Inspections.AsNoTracking()
            .Where(i => i.Id == id && db.Contracts.VisibleTo(user).Any(c => c.Id == i.ContractId && c.Number == number))
            .SingleOrDefaultAsync(ct);
        if (inspection is null)
        {
            return null;
        }

        var sites = await SitesAsync(inspection.ContractId, ct);
        var raised = await db.Deficiencies.AsNoTracking().Where(d => d.InspectionId == id)
            .Select(d => new { d.Id, d.DedupKey }).ToListAsync(ct);
        var byLine = raised.Where(d => d.DedupKey != null).ToDictionary(d => d.DedupKey!, d => d.Id, StringComparer.Ordinal);
        return new InspectionView(inspection.Id, number, sites[inspection.SiteId].Code, sites[inspection.SiteId].Name, inspection.InspectedOn,
            inspection.InspectedByParty, inspection.InspectedBy, inspection.RecordedAt.InZone(Hartford.Zone), inspection.Passed,
            inspection.Lines.Select(l => new InspectionLineView(l.Line, l.Check, l.AreaId, l.What, l.Clause, l.MeasuredInches,
                    l.Required?.Range.MinInches, l.Required?.Range.MaxInches, l.Required?.InSeason, l.Passed, l.Note,
                    l.Photos.Select(p => new EvidencePhotoView(p.Sha256, p.FileName, p.ContentType, p.SizeBytes)).ToList(),
                    byLine.TryGetValue(DeficiencyKeys.Inspection(id, l.Line), out var deficiency) ? deficiency : null))
                .ToList());
    }

    /// <summary>A photo of one of the inspection's lines, by its hash; null when the inspection (as the user sees it) has none so.</summary>
    public async Task<EvidencePhoto?> PhotoAsync(ClaimsPrincipal user, string number, Guid id, string sha256, CancellationToken ct)
    {
        var inspection = await db.Inspections.AsNoTracking()
            .Where(i => i.Id == id && db.Contracts.VisibleTo(user).Any(c => c.Id == i.ContractId && c.Number == number))
            .SingleOrDefaultAsync(ct);
        return inspection?.Lines.SelectMany(l => l.Photos).FirstOrDefault(p => p.Sha256 == sha256);
    }

    /// <summary>
    /// The checklist of a school of the contract on a day, made from the contract's specification; null when the contract
    /// (as the user sees it), the school or the specification is not there.
    /// </summary>
    public async Task<ChecklistView?> ChecklistAsync(ContractSchools contract, string? school, LocalDate on, CancellationToken ct)
    {
        if (contract.School(school) is not { } found || await Specifications.LatestAsync(db, contract.Id, ct) is not { } specification)
        {
            return null;
        }

        return new ChecklistView(found.Code, found.Name, on, InspectionChecklist.For(specification, found.Areas, on)
            .Select(l => new ChecklistLineView(l.Key, l.Check, l.AreaId, l.What, l.Clause, l.Required?.Range.MinInches, l.Required?.Range.MaxInches,
                l.Required?.InSeason))
            .ToList());
    }

    private async Task<Dictionary<Guid, (string Code, string Name)>> SitesAsync(Guid contractId, CancellationToken ct) =>
        (await db.Sites.AsNoTracking().Where(s => s.ContractId == contractId).Select(s => new { s.Id, s.Code, s.Name }).ToListAsync(ct))
        .ToDictionary(s => s.Id, s => (s.Code, s.Name));
}
