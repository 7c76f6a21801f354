using FieldContracts.Data.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FieldContracts.Web.Features.Inspections;

/// <summary>One inspection: each line checked, against which words of the specification, with its figure, verdict, note and photos.</summary>
[Authorize(Roles = Roles.Any)]
public sealed class DetailsModel(InspectionQueries queries) : PageModel
{
    [FromRoute]
    public string Number { get; set; } = "";

    [FromRoute]
    public Guid Id { get; set; }

    public InspectionView Inspection { get; private set; } = null!;

    [TempData(Key = "Done")]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await queries.OneAsync(User, Number, Id, ct) is not { } inspection)
        {
            return NotFound();
        }

        Inspection = inspection;
        return Page();
    }
}
