using System.ComponentModel.DataAnnotations;
using FieldContracts.Data.Identity;
using FieldContracts.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FieldContracts.Web.Features.Billing;

/// <summary>
/// A contract's billing: its monthly periods (special instruction 12), each with its invoice or the installment drawn up
/// from what was received, what is on no installment yet and why, and paid to date against the estimated total.
/// </summary>
[Authorize(Roles = Roles.Any)]
public sealed class IndexModel(BillingQueries queries, BillingAdministration admin) : PageModel
{
    [FromRoute]
    public string Number { get; set; } = "";

    [BindProperty]
    [Display(Name = "Day it counts from")]
    public string? On { get; set; }

    [BindProperty]
    [Display(Name = "Amount ($)")]
    public decimal? Amount { get; set; }

    [BindProperty]
    [Display(Name = "Reason")]
    public string? Reason { get; set; }

    [TempData]
    public string? Done { get; set; }

    public BillingOverview Overview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await queries.OverviewAsync(User, Number, ct) is not { } overview)
        {
            return NotFound();
        }

        Overview = overview;
        On ??= NodaTime.Text.LocalDatePattern.Iso.Format(queries.Today());
        return Page();
    }

    /// <summary>Purchasing's adjustment, with its reason, on the installment of the period holding its day.</summary>
    public async Task<IActionResult> OnPostAdjustAsync(CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Purchasing))
        {
            return Forbid();
        }

        if (!ModelState.IsValid)
        {
            return await OnGetAsync(ct);
        }

        var on = NodaTime.Text.LocalDatePattern.Iso.Parse(On ?? "");
        var outcome = !on.Success
            ? new StepOutcome.Invalid("on", "Give the day (yyyy-mm-dd).")
            : await admin.AddAdjustmentAsync(User, Number, on.Value, Amount, Reason, ct);
        if (outcome is StepOutcome.Done)
        {
            Done = "The adjustment is recorded; it goes on the installment of its period, or the next one not yet submitted.";
            return Redirect($"/contracts/{Number}/billing");
        }

        // The service names the fields as the API does ("amount"); the form's are the page's properties ("Amount").
        var field = outcome is StepOutcome.Invalid invalid ? char.ToUpperInvariant(invalid.Path[0]) + invalid.Path[1..] : "";
        ModelState.AddModelError(field, outcome.Refusal!);
        return await OnGetAsync(ct);
    }
}
