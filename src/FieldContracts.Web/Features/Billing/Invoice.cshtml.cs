using System.ComponentModel.DataAnnotations;
using FieldContracts.Data.Identity;
using FieldContracts.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using NodaTime.Text;

namespace FieldContracts.Web.Features.Billing;

/// <summary>
/// One invoice (special instruction 12: itemized, at the bid schedule's prices): its lines, totals and steps, and the step
/// open to the user — the Athletic Director certifies, Finance approves, rejects or records the payment. Printable.
/// </summary>
[Authorize(Roles = Roles.Any)]
public sealed class InvoiceModel(BillingQueries queries, InvoiceSteps steps) : PageModel
{
    [FromRoute]
    public string Number { get; set; } = "";

    [FromRoute]
    public Guid Id { get; set; }

    // Named explicitly, the lines ticked and their reasons bind from their own fields only: without a name, a post of
    // another form (with none of them) would bind its other fields (the anti-forgery token) as line numbers.
    [BindProperty(Name = "Exclude")]
    public List<int> Exclude { get; set; } = [];

    [BindProperty(Name = "Reasons")]
    public Dictionary<int, string> Reasons { get; set; } = [];

    [BindProperty]
    [Display(Name = "Reason")]
    public string? Reason { get; set; }

    [BindProperty]
    [Display(Name = "Paid on")]
    public string? PaidOn { get; set; }

    [BindProperty]
    [Display(Name = "Method")]
    public string? Method { get; set; }

    [BindProperty]
    [Display(Name = "Reference (check or transfer number)")]
    public string? Reference { get; set; }

    [TempData]
    public string? Done { get; set; }

    public InvoiceView Invoice { get; private set; } = null!;

    /// <summary>The form that was posted and refused (its handler), where its errors are shown.</summary>
    public string? Posted { get; private set; }

    /// <summary>The summary's words for the exclusion reasons, which are not properties of their own: "Why line 2 is excluded".</summary>
    public IReadOnlyDictionary<string, string> Labels =>
        ModelState.Keys.Where(k => k.StartsWith("Reasons[", StringComparison.Ordinal))
            .ToDictionary(k => k, k => $"Why line {k[8..^1]} is excluded", StringComparer.Ordinal);

    /// <summary>Whether the refused form is on the page still; if the invoice moved on meanwhile, its errors are shown at the top.</summary>
    public bool PostedFormShown => Posted switch
    {
        "Certify" => MayCertify,
        "Approve" => MayApprove,
        "Reject" => MayReject,
        "Pay" => MayPay,
        _ => false,
    };

    public LocalDate Today { get; private set; }

    public bool MayCertify => User.IsInRole(Roles.AthleticDirector) && Invoice.Status == "Submitted";

    public bool MayApprove => User.IsInRole(Roles.Finance) && Invoice.Status == "Certified";

    public bool MayReject => User.IsInRole(Roles.Finance) && Invoice.Status is "Submitted" or "Certified";

    public bool MayPay => User.IsInRole(Roles.Finance) && Invoice.Status == "Approved";

    public bool MayResubmit => User.IsInRole(Roles.Contractor) && Invoice.Status == "Returned";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostCertifyAsync(CancellationToken ct)
    {
        var exclusions = Exclude.Distinct().ToDictionary(n => n, n => Reasons.GetValueOrDefault(n) ?? "");
        // An exclusion without its reason is refused at the first such line: its reason field is the one to fill in.
        var unexplained = exclusions.FirstOrDefault(e => string.IsNullOrWhiteSpace(e.Value)).Key;
        return StepAsync("Certify", "The services are certified as received; the invoice goes to Finance.",
            () => steps.CertifyAsync(User, Number, Id, exclusions, ct),
            path => path == "reason" && unexplained != 0 ? $"Reasons[{unexplained}]" : "", ct);
    }

    public Task<IActionResult> OnPostApproveAsync(CancellationToken ct) =>
        StepAsync("Approve", "Approved for payment.", () => steps.ApproveAsync(User, Number, Id, ct), _ => "", ct);

    public Task<IActionResult> OnPostRejectAsync(CancellationToken ct) =>
        StepAsync("Reject", "Returned to the contractor with the reason.", () => steps.RejectAsync(User, Number, Id, Reason, ct),
            path => path == "reason" ? nameof(Reason) : "", ct);

    public Task<IActionResult> OnPostPayAsync(CancellationToken ct)
    {
        var parsed = LocalDatePattern.Iso.Parse(PaidOn ?? "");
        return StepAsync("Pay", "The payment is recorded.",
            () => parsed.Success
                ? steps.RecordPaymentAsync(User, Number, Id, parsed.Value, Method, Reference, ct)
                : Task.FromResult<StepOutcome>(new StepOutcome.Invalid("paidOn", "Give the day of payment (yyyy-mm-dd).")),
            path => path switch
            {
                "paidOn" => nameof(PaidOn),
                "method" => nameof(Method),
                "reference" => nameof(Reference),
                _ => "",
            }, ct);
    }

    /// <summary>
    /// Takes the step and redirects to the invoice (Post/Redirect/Get); a refusal is shown at the form posted, at the field
    /// <paramref name="field"/> names for the service's path, or at the whole form.
    /// </summary>
    private async Task<IActionResult> StepAsync(string form, string done, Func<Task<StepOutcome>> step, Func<string, string> field,
        CancellationToken ct)
    {
        var outcome = await step();
        if (outcome is StepOutcome.Done)
        {
            Done = done;
            return Redirect($"/contracts/{Number}/invoices/{Id}");
        }

        if (outcome is StepOutcome.NotFound || !await LoadAsync(ct))
        {
            return NotFound();
        }

        Posted = form;
        ModelState.AddModelError(outcome is StepOutcome.Invalid invalid ? field(invalid.Path) : "", outcome.Refusal!);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Today = queries.Today();
        PaidOn ??= LocalDatePattern.Iso.Format(Today);
        if (await queries.InvoiceAsync(User, Number, Id, ct) is not { } invoice)
        {
            return false;
        }

        Invoice = invoice;
        return true;
    }
}
