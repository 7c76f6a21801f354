using System.ComponentModel.DataAnnotations;
using FieldContracts.Data.Identity;
using FieldContracts.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FieldContracts.Web.Features.Insurance;

/// <summary>One certificate of insurance with all its fields, its PDF, each line checked, and Purchasing's review.</summary>
[Authorize(Roles = Roles.Any)]
public sealed class CertificateModel(InsuranceQueries queries, InsuranceSteps steps) : PageModel
{
    [FromRoute]
    public string Number { get; set; } = "";

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    [Display(Name = "Why it is rejected")]
    public string? Reason { get; set; }

    [BindProperty]
    public int? Version { get; set; }

    [TempData]
    public string? Done { get; set; }

    /// <summary>The review form whose post was refused (Accept or Reject): its errors show there.</summary>
    public string? FailedForm { get; private set; }

    public CertificateView Certificate { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostAcceptAsync(CancellationToken ct) => ReviewAsync(true, "Accepted: its lines now count toward the contract's insurance.", ct);

    public Task<IActionResult> OnPostRejectAsync(CancellationToken ct) => ReviewAsync(false, "Rejected, with the reason given; it counts for nothing.", ct);

    private async Task<IActionResult> ReviewAsync(bool accept, string done, CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Purchasing))
        {
            return Forbid();
        }

        var outcome = await steps.ReviewAsync(User, Number, Id, accept, Reason, Version, ct);
        if (outcome is StepOutcome.Done)
        {
            Done = done;
            return Redirect($"/contracts/{Uri.EscapeDataString(Number)}/insurance/certificates/{Id}");
        }

        if (outcome is StepOutcome.NotFound || !await LoadAsync(ct))
        {
            return NotFound();
        }

        FailedForm = accept ? "Accept" : "Reject";
        if (outcome is StepOutcome.Invalid { Path: "reason" } invalid)
        {
            ModelState.AddModelError(nameof(Reason), invalid.Message);
        }
        else
        {
            // Not about a field: reviewed meanwhile, or not Purchasing's to review.
            ModelState.AddModelError(string.Empty, outcome.Refusal ?? "The review was refused.");
        }

        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await queries.CertificateAsync(User, Number, Id, ct) is not { } certificate)
        {
            return false;
        }

        Certificate = certificate;
        return true;
    }
}
