using System.Security.Claims;
using FieldContracts.Administration;
using FieldContracts.Data;
using FieldContracts.Scheduling.Contracts;
using FieldContracts.Scheduling.Planning;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Web.Features.Shared;

/// <summary>A school of a contract with its code and areas (kind and sport seasons), as complaints and inspections name them.</summary>
public sealed record ContractSchool(Guid Id, string Code, string Name, IReadOnlyList<AreaInput> Areas)
{
    public SchoolAreas ToSchoolAreas() => new(Id, Name, Areas);
}

/// <summary>A contract with its schools, its term and the contractor's response time.</summary>
public sealed record ContractSchools(
    Guid Id, string Number, string Title, Guid ContractorId, DateInterval Term, int ResponseDays, IReadOnlyList<ContractSchool> Schools)
{
    /// <summary>The school with <paramref name="code"/> (any case), or null.</summary>
    public ContractSchool? School(string? code) =>
        code is null ? null : Schools.FirstOrDefault(s => string.Equals(s.Code, code.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>A contract the user can see, with its schools by name and their areas by kind and name (as the overview lists them); null for none (or another contractor's).</summary>
    public static async Task<ContractSchools?> LoadAsync(FieldContractsDbContext db, ClaimsPrincipal user, string number, CancellationToken ct)
    {
        var contract = await db.Contracts.AsNoTracking().VisibleTo(user).Where(c => c.Number == number)
            .Include(c => c.Sites).ThenInclude(s => s.Areas)
            .AsSplitQuery()
            .SingleOrDefaultAsync(ct);
        return contract is null
            ? null
            : new ContractSchools(contract.Id, contract.Number, contract.Title, contract.ContractorId, contract.Term, contract.Settings.ResponseDays,
                contract.Sites.OrderBy(s => s.Name).Select(s => new ContractSchool(s.Id, s.Code, s.Name,
                    s.Areas.OrderBy(a => a.Kind).ThenBy(a => a.Name)
                        .Select(a => new AreaInput(a.Id, a.Name, a.Kind, a.Seasons.ToList())).ToList())).ToList());
    }
}

/// <summary>What became of filing a complaint or recording an inspection; the edge maps it to a page or problem details.</summary>
public abstract record FilingOutcome
{
    private FilingOutcome()
    {
    }

    /// <summary>Filed: the deficiency (a complaint) or the inspection.</summary>
    public sealed record Done(Guid Id) : FilingOutcome;

    /// <summary>
    /// Refused for what was given, each error at its field's path. <paramref name="Kept"/> holds, by the path of their
    /// field, the photos stored already, for a form to send again by hash instead of asking for the files anew.
    /// </summary>
    public sealed record Invalid(Dictionary<string, string[]> Errors, IReadOnlyDictionary<string, IReadOnlyList<Administration.Deficiencies.EvidencePhoto>> Kept)
        : FilingOutcome;

    public sealed record NotFound(string Detail) : FilingOutcome;

    public sealed record Forbidden(string Detail) : FilingOutcome;
}
