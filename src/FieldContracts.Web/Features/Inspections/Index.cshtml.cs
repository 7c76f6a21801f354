using FieldContracts.Administration.Inspections;
using FieldContracts.Data.Identity;
using FieldContracts.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FieldContracts.Web.Features.Inspections;

/// <summary>A contract's inspections, newest first: City staff see every contract's, the contractor its own.</summary>
[Authorize(Roles = Roles.Any)]
public sealed class IndexModel(InspectionQueries queries) : PageModel
{
    [FromRoute]
    public string Number { get; set; } = "";

    public IReadOnlyList<InspectionSummary> Inspections { get; private set; } = [];

    public bool MayRecord => Inspection.MayRecord(User.Party());

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await queries.ListAsync(User, Number, ct) is not { } list)
        {
            return NotFound();
        }

        Inspections = list;
        return Page();
    }
}
