using FieldContracts.Administration.Subcontracting;
using FieldContracts.Data.Identity;
using FieldContracts.Scheduling.Contracts;
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
    public string? Name { get; set; }

    [BindProperty]
    public string? Address { get; set; }

    [BindProperty]
    public string? Contact { get; set; }

    /// <summary>The specification's items ticked.</summary>
    [BindProperty]
    public List<string> Items { get; set; } = [];

    /// <summary>Other work, one item a line.</summary>
    [BindProperty]
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

    /// <summary>Errors of the request form, by field.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    /// <summary>The request a refused decision or withdrawal was about, and why it was refused.</summary>
    public Guid? ErrorRequest { get; private set; }

    public string? Error { get; private set; }

    public bool IsContractor => User.IsInRole(Roles.Contractor);

    public bool IsPurchasing => User.IsInRole(Roles.Purchasing);

    public bool MayRequest => IsContractor && View.Policy == SubcontractingPolicy.PriorApprovalRequired;

    public string? ErrorAt(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

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

        Errors = outcome is SubcontractOutcome.Invalid invalid
            ? invalid.Errors
            : new Dictionary<string, string[]> { [""] = [outcome.Words ?? "Refused."] };
        return Page();
    }

    public Task<IActionResult> OnPostApproveAsync(CancellationToken ct) => DecideAsync(IsPurchasing, "Approved.",
        (id, c) => steps.ApproveAsync(User, Number, id, Note, c), ct);

    public Task<IActionResult> OnPostRefuseAsync(CancellationToken ct) => DecideAsync(IsPurchasing, "Refused, with the reason given.",
        (id, c) => steps.RefuseAsync(User, Number, id, Reason, c), ct);

    public Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct) => DecideAsync(IsContractor, "Withdrawn.",
        (id, c) => steps.WithdrawAsync(User, Number, id, null, c), ct);

    private async Task<IActionResult> DecideAsync(bool allowed, string done, Func<Guid, CancellationToken, Task<SubcontractOutcome>> step,
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

        ErrorRequest = RequestId;
        Error = outcome.Words;
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
