using System.ComponentModel.DataAnnotations;
using FieldContracts.Administration.Subcontracting;
using FieldContracts.Data.Identity;
using FieldContracts.Scheduling.Contracts;
using FieldContracts.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FieldContracts.Web.Features.Subcontracting;

/// <summary>
/// A contract's sub-contracting: the setting with the bid's words, the requests, the approved sub-contractors. The
/// contractor asks for approval and withdraws a pending request; Purchasing approves or refuses with its reason. Each
/// form posts and redirects back; a refused step shows why next to its field and keeps what was typed.
/// </summary>
[Authorize(Roles = Roles.Any)]
public sealed class IndexModel(SubcontractingQueries queries, SubcontractSteps steps) : PageModel
{
    [FromRoute]
    public string Number { get; set; } = "";

    [BindProperty]
    [Display(Name = "Sub-contractor's name")]
    public string? Name { get; set; }

    [BindProperty]
    [Display(Name = "Business address")]
    public string? Address { get; set; }

    [BindProperty]
    [Display(Name = "Contact")]
    public string? Contact { get; set; }

    /// <summary>The specification's items ticked.</summary>
    [BindProperty]
    [Display(Name = "The work it would do")]
    public List<string> Items { get; set; } = [];

    /// <summary>Other work, one item a line.</summary>
    [BindProperty]
    [Display(Name = "Other work")]
    public string? OtherWork { get; set; }

    [BindProperty]
    public Guid? RequestId { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [TempData]
    public string? Done { get; set; }

    public SubcontractingView View { get; private set; } = null!;

    /// <summary>The form whose post was refused (Request, Approve, Refuse, Withdraw), and the request it was about.</summary>
    public string? FailedForm { get; private set; }

    public Guid? FailedRequest { get; private set; }

    /// <summary>The labels of a request row's fields, by the keys their errors have (<c>requests[id].reason</c>).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; private set; } = new Dictionary<string, string>();

    public bool IsContractor => User.IsInRole(Roles.Contractor);

    public bool IsPurchasing => User.IsInRole(Roles.Purchasing);

    public bool MayRequest => IsContractor && View.Policy == SubcontractingPolicy.PriorApprovalRequired;

    /// <summary>The key of a request row's field: unique to the row, so its error shows at the form that was posted.</summary>
    public static string RowKey(Guid request, string field) => $"requests[{request}].{field}";

    /// <summary>
    /// Where the errors of a refused post show: in the form that was posted (<c>Request</c>, or <c>Approve</c>, <c>Refuse</c>,
    /// <c>Withdraw</c> of a request's row); in the row when its form is no longer offered (someone decided meanwhile); at the
    /// top of the list when the request is not on it.
    /// </summary>
    public bool ErrorsShowIn(string form, Guid? request = null)
    {
        if (FailedForm is null)
        {
            return false;
        }

        if (FailedForm == "Request")
        {
            return form == (MayRequest ? "Request" : "Requests");
        }

        var row = View.Requests.FirstOrDefault(r => r.Id == FailedRequest);
        var offered = row is not null && (FailedForm == "Withdraw" ? MayWithdraw(row) : MayDecide(row));
        return row is null ? form == "Requests"
            : offered ? form == FailedForm && request == row.Id
            : form == "Row" && request == row.Id;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRequestAsync(CancellationToken ct)
    {
        if (!IsContractor)
        {
            return Forbid();
        }

        var other = (OtherWork ?? "").Split(['\n', '\r', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var outcome = await steps.RequestAsync(User, Number, new SubcontractRequestInput(Name, Address, Contact, [.. Items, .. other]), ct);
        if (outcome is SubcontractOutcome.Done)
        {
            Done = $"Asked Purchasing to approve {Name?.Trim()}.";
            return Redirect($"/contracts/{Uri.EscapeDataString(Number)}/subcontracting");
        }

        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        FailedForm = "Request";
        if (outcome is SubcontractOutcome.Invalid invalid)
        {
            // The steps name fields as the API does ("address", "items"); the form's are the page's properties.
            FormErrors.Add(ModelState, invalid.Errors.ToDictionary(e => e.Key is "" or "$" ? "" : $"{char.ToUpperInvariant(e.Key[0])}{e.Key[1..]}",
                e => e.Value));
        }
        else
        {
            ModelState.AddModelError(string.Empty, outcome.Words ?? "Refused.");
        }

        return Page();
    }

    public Task<IActionResult> OnPostApproveAsync(CancellationToken ct) => DecideAsync("Approve", IsPurchasing, "Approved.",
        (id, c) => steps.ApproveAsync(User, Number, id, Note, c), ct);

    public Task<IActionResult> OnPostRefuseAsync(CancellationToken ct) => DecideAsync("Refuse", IsPurchasing, "Refused, with the reason given.",
        (id, c) => steps.RefuseAsync(User, Number, id, Reason, c), ct);

    public Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct) => DecideAsync("Withdraw", IsContractor, "Withdrawn.",
        (id, c) => steps.WithdrawAsync(User, Number, id, null, c), ct);

    private async Task<IActionResult> DecideAsync(string form, bool allowed, string done, Func<Guid, CancellationToken, Task<SubcontractOutcome>> step,
        CancellationToken ct)
    {
        if (!allowed)
        {
            return Forbid();
        }

        var outcome = RequestId is { } id ? await step(id, ct) : new SubcontractOutcome.NotFound("Choose the request.");
        if (outcome is SubcontractOutcome.Done)
        {
            Done = done;
            return Redirect($"/contracts/{Uri.EscapeDataString(Number)}/subcontracting#r-{RequestId}");
        }

        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        (FailedForm, FailedRequest) = (form, RequestId);
        if (RequestId is { } request && outcome is SubcontractOutcome.Invalid invalid)
        {
            // A field of one row's form ("reason", "note"): keyed by the row, so the error shows at that form only.
            FormErrors.Add(ModelState, invalid.Errors.ToDictionary(e => e.Key is "" or "$" ? "" : RowKey(request, e.Key), e => e.Value));
            Labels = new Dictionary<string, string> { [RowKey(request, "note")] = "Note", [RowKey(request, "reason")] = "Why it is refused" };
        }
        else
        {
            ModelState.AddModelError(string.Empty, outcome.Words ?? "Refused.");
        }

        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await queries.ViewAsync(User, Number, ct) is not { } view)
        {
            return false;
        }

        View = view;
        return true;
    }

    /// <summary>Whether the contractor may still withdraw this request.</summary>
    public bool MayWithdraw(SubcontractRequestView r) => IsContractor && r.Status == SubcontractRequestStatus.Pending;

    /// <summary>Whether Purchasing may decide on this request now.</summary>
    public bool MayDecide(SubcontractRequestView r) => IsPurchasing && r.Status == SubcontractRequestStatus.Pending;
}
