using FieldContracts.Data.Identity;
using FieldContracts.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FieldContracts.Web.Features.Insurance;

/// <summary>
/// A contract's insurance: today's standing per requirement, the coverage over the term with its gaps, the certificates
/// on file; Purchasing applies bid #2685's instruction 14 to a contract that has no requirements yet.
/// </summary>
[Authorize(Roles = Roles.Any)]
public sealed class IndexModel(InsuranceQueries queries, InsuranceSteps steps) : PageModel
{
    [FromRoute]
    public string Number { get; set; } = "";

    [TempData]
    public string? Done { get; set; }

    /// <summary>Whether a lapse opens a performance case, as ticked on a refused post.</summary>
    public bool LapseOpensCase { get; private set; }

    public RequirementsView Requirements { get; private set; } = null!;

    public ComplianceView Compliance { get; private set; } = null!;

    public IReadOnlyList<CertificateSummaryView> Certificates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostApplyBidAsync(bool lapseOpensCase, CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Purchasing))
        {
            return Forbid();
        }

        var outcome = await steps.ApplyBid2685Async(User, Number, lapseOpensCase, ct);
        if (outcome is StepOutcome.Done)
        {
            Done = "Special instruction 14 of bid #2685 is now this contract's insurance requirements.";
            return Redirect($"/contracts/{Uri.EscapeDataString(Number)}/insurance");
        }

        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        // Not about a field: the requirements were set meanwhile, or the contract is not one to set them on.
        ModelState.AddModelError(string.Empty, outcome.Refusal ?? "The requirements were not set.");
        LapseOpensCase = lapseOpensCase;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await queries.RequirementsAsync(User, Number, ct) is not { } requirements
            || await queries.ComplianceAsync(User, Number, queries.Today(), ct) is not { } compliance
            || await queries.CertificatesAsync(User, Number, ct) is not { } certificates)
        {
            return false;
        }

        (Requirements, Compliance, Certificates) = (requirements, compliance, certificates);
        return true;
    }
}
