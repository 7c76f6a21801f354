using System.ComponentModel.DataAnnotations;
using FieldContracts.Data.Identity;
using FieldContracts.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FieldContracts.Web.Features.Billing;

/// <summary>
/// The installment of a period as the system drew it up from what was received: the contractor reviews it and submits it
/// with a note; the computed lines cannot be changed.
/// </summary>
[Authorize(Roles = Roles.Any)]
public sealed class DraftModel(BillingQueries queries, InvoiceSteps steps) : PageModel
{
    [FromRoute]
    public string Number { get; set; } = "";

    [FromRoute]
    public int Period { get; set; }

    [BindProperty]
    [Display(Name = "Note to the City")]
    public string? Note { get; set; }

    public InvoiceView? Draft { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Draft = await queries.DraftAsync(User, Number, Period, ct);
        return Draft is null && await queries.ContractIdAsync(User, Number, ct) is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Contractor))
        {
            return Forbid();
        }

        var outcome = await steps.SubmitAsync(User, Number, Period, Note, ct);
        if (outcome is StepOutcome.Done done)
        {
            TempData["Done"] = "Submitted. The Athletic Director certifies the services received, then Finance approves.";
            return Redirect($"/contracts/{Number}/invoices/{done.Id}");
        }

        // A note too long is the form's one field; the period's own refusals (not ended, already submitted) are the whole form's.
        ModelState.AddModelError(outcome is StepOutcome.Invalid { Path: "note" } ? nameof(Note) : "", outcome.Refusal!);
        Draft = await queries.DraftAsync(User, Number, Period, ct);
        return Draft is null && await queries.ContractIdAsync(User, Number, ct) is null ? NotFound() : Page();
    }
}
