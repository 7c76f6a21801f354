using FieldContracts.Data.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FieldContracts.Web.Features.Schedule;

/// <summary>Every recorded change to the plan: who, when, what, why, and how many occurrences it moved.</summary>
[Authorize(Roles = Roles.Any)]
public sealed class HistoryModel(ScheduleQueries queries) : PageModel
{
    [FromRoute]
    public string Number { get; set; } = "";

    public IReadOnlyList<ChangeView> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await queries.ContractAsync(Number, User, ct) is not { } contract)
        {
            return NotFound();
        }

        Changes = await queries.HistoryAsync(contract, ct);
        return Page();
    }
}
