using FieldContracts.Data.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FieldContracts.Web.Features.Contracts;

[Authorize(Roles = Roles.Any)]
public sealed class OverviewModel(ContractQueries queries) : PageModel
{
    public ContractOverview Contract { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken ct)
    {
        // Not found and not yours look the same, so a contractor learns nothing of other contracts.
        var overview = await queries.OverviewAsync(number, User, ct);
        if (overview is null)
        {
            return NotFound();
        }

        Contract = overview;
        return Page();
    }
}
