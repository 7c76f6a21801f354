using FieldContracts.Data.Identity;
using FieldContracts.Scheduling.Contracts;
using FieldContracts.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FieldContracts.Web.Features.Billing;

/// <summary>
/// The bid schedule (special instruction 1: "lump sum prices as outlined on the bid schedule"): each line with its totals
/// per school and for the contract; Purchasing adds and changes lines with a reason, and every version is kept.
/// </summary>
[Authorize(Roles = Roles.Any)]
public sealed class PriceLinesModel(BillingQueries queries, BillingAdministration admin) : PageModel
{
    [FromRoute]
    public string Number { get; set; } = "";

    /// <summary>The line being changed; null when adding one.</summary>
    [BindProperty]
    public Guid? LineId { get; set; }

    [BindProperty]
    public string? Item { get; set; }

    [BindProperty]
    public string? School { get; set; }

    [BindProperty]
    public PriceBasis? Basis { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public string? Unit { get; set; }

    [BindProperty]
    public decimal? EstimatedQuantity { get; set; }

    [BindProperty]
    public decimal? UnitPrice { get; set; }

    [BindProperty]
    public string? Covers { get; set; }

    [BindProperty]
    public decimal? DeductionValue { get; set; }

    [BindProperty]
    public bool Sample { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [TempData]
    public string? Done { get; set; }

    public PriceScheduleView Schedule { get; private set; } = null!;

    public string? Error { get; private set; }

    public string? ErrorField { get; private set; }

    public bool MayEdit => User.IsInRole(Roles.Purchasing);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!MayEdit)
        {
            return Forbid();
        }

        var outcome = await admin.SavePriceLineAsync(User, Number, LineId,
            new PriceLineRequest(Item, School, Basis, Description, Unit, EstimatedQuantity, UnitPrice, Covers, DeductionValue, Sample, Reason), ct);
        if (outcome is StepOutcome.Done)
        {
            Done = LineId is null ? "The line is added to the bid schedule." : "The line is changed; its earlier version is kept below.";
            return Redirect($"/contracts/{Number}/price-lines");
        }

        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Error = outcome.Refusal;
        ErrorField = outcome is StepOutcome.Invalid invalid ? invalid.Path : null;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await queries.PriceScheduleAsync(User, Number, ct) is not { } schedule)
        {
            return false;
        }

        Schedule = schedule;
        return true;
    }
}
