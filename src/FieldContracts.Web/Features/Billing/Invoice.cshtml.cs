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

    [BindProperty]
    public List<int> Exclude { get; set; } = [];

    [BindProperty]
    public Dictionary<int, string> Reasons { get; set; } = [];

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? PaidOn { get; set; }

    [BindProperty]
    public string? Method { get; set; }

    [BindProperty]
    public string? Reference { get; set; }

    [TempData]
    public string? Done { get; set; }

    public InvoiceView Invoice { get; private set; } = null!;

    public string? Error { get; private set; }

    public string? ErrorField { get; private set; }

    public LocalDate Today { get; private set; }

    public bool MayCertify => User.IsInRole(Roles.AthleticDirector) && Invoice.Status == "Submitted";

    public bool MayApprove => User.IsInRole(Roles.Finance) && Invoice.Status == "Certified";

    public bool MayReject => User.IsInRole(Roles.Finance) && Invoice.Status is "Submitted" or "Certified";

    public bool MayPay => User.IsInRole(Roles.Finance) && Invoice.Status == "Approved";

    public bool MayResubmit => User.IsInRole(Roles.Contractor) && Invoice.Status == "Returned";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostCertifyAsync(CancellationToken ct) =>
        StepAsync("The services are certified as received; the invoice goes to Finance.", () =>
            steps.CertifyAsync(User, Number, Id, Exclude.Distinct().ToDictionary(n => n, n => Reasons.GetValueOrDefault(n) ?? ""), ct), ct);

    public Task<IActionResult> OnPostApproveAsync(CancellationToken ct) =>
        StepAsync("Approved for payment.", () => steps.ApproveAsync(User, Number, Id, ct), ct);

    public Task<IActionResult> OnPostRejectAsync(CancellationToken ct) =>
        StepAsync("Returned to the contractor with the reason.", () => steps.RejectAsync(User, Number, Id, Reason, ct), ct);

    public Task<IActionResult> OnPostPayAsync(CancellationToken ct)
    {
        var parsed = LocalDatePattern.Iso.Parse(PaidOn ?? "");
        if (!parsed.Success)
        {
            return FailAsync("paidOn", "Give the day of payment (yyyy-mm-dd).", ct);
        }

        return StepAsync("The payment is recorded.", () => steps.RecordPaymentAsync(User, Number, Id, parsed.Value, Method, Reference, ct), ct);
    }

    private async Task<IActionResult> StepAsync(string done, Func<Task<StepOutcome>> step, CancellationToken ct)
    {
        var outcome = await step();
        if (outcome is StepOutcome.Done)
        {
            Done = done;
            return Redirect($"/contracts/{Number}/invoices/{Id}");
        }

        if (outcome is StepOutcome.NotFound)
        {
            return NotFound();
        }

        return await FailAsync(outcome is StepOutcome.Invalid invalid ? invalid.Path : null, outcome.Refusal!, ct);
    }

    private async Task<IActionResult> FailAsync(string? field, string message, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Error = message;
        ErrorField = field;
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
