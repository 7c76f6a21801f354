using FieldContracts.Data.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FieldContracts.Web.Features.Billing;

/// <summary>
/// A contract's billing: its monthly periods (special instruction 12), each with its invoice or the installment drawn up
/// from what was received, what is on no installment yet and why, and paid to date against the estimated total.
/// </summary>
[Authorize(Roles = Roles.Any)]
public sealed class IndexModel(BillingQueries queries) : PageModel
{
    [FromRoute]
    public string Number { get; set; } = "";

    public BillingOverview Overview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await queries.OverviewAsync(User, Number, ct) is not { } overview)
        {
            return NotFound();
        }

        Overview = overview;
        return Page();
    }
}
