using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.Deliverables;
using FieldContracts.Data.Identity;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FieldContracts.Web.Features.Deliverables;

/// <summary>
/// A contract's deliverables: what the plan expects handed in, by when and to whom. The contractor hands in each
/// document; the Athletic Director (or Purchasing) accepts it or returns it with the reason. Each form posts and
/// redirects back; a refused step shows why next to the deliverable and keeps the reason typed.
/// </summary>
[Authorize(Roles = Roles.Any)]
[RequestSizeLimit(DeliverablesApi.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = DeliverablesApi.MaxRequestBytes)]
public sealed class IndexModel(DeliverableQueries queries, HandInDeliverable handIn, ReviewDeliverable review) : PageModel
{
    [FromRoute]
    public string Number { get; set; } = "";

    [BindProperty]
    public Guid Occurrence { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public IFormFile? Document { get; set; }

    [TempData]
    public string? Done { get; set; }

    public IReadOnlyList<DeliverableView> Deliverables { get; private set; } = [];

    public string? Error { get; private set; }

    public Party Party => User.Party();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostHandInAsync(CancellationToken ct)
    {
        var upload = Document is null ? null : await FileUpload.ReadAsync(Document, DocumentStore.MaxBytes, ct);
        return await AfterAsync(await handIn.HandleAsync(User, Occurrence, upload, ct), "Handed in", ct);
    }

    public async Task<IActionResult> OnPostAcceptAsync(CancellationToken ct) =>
        await AfterAsync(await review.HandleAsync(User, Occurrence, DeliverableAction.Accept, Note, ct), "Accepted", ct);

    public async Task<IActionResult> OnPostReturnAsync(CancellationToken ct) =>
        await AfterAsync(await review.HandleAsync(User, Occurrence, DeliverableAction.Return, Note, ct), "Returned to the contractor", ct);

    /// <summary>Whether the signed-in user hands in this deliverable now.</summary>
    public bool MayHandIn(DeliverableView d) => Party == Party.Contractor && d.Standing is Standing.Due or Standing.Overdue or Standing.Returned;

    /// <summary>Whether the signed-in user reviews this deliverable now.</summary>
    public bool MayReview(DeliverableView d) => Party is Party.AthleticDirector or Party.Purchasing && d.Standing == Standing.HandedIn;

    public static string Words(Standing standing) => standing switch
    {
        Standing.Due => "Due",
        Standing.Overdue => "Overdue",
        Standing.HandedIn => "Handed in, to review",
        Standing.Accepted => "Accepted",
        _ => "Returned, to hand in again",
    };

    public static string Words(DeliverableAction action) => action switch
    {
        DeliverableAction.HandIn => "Handed in",
        DeliverableAction.Accept => "Accepted",
        _ => "Returned",
    };

    private async Task<IActionResult> AfterAsync(StepOutcome outcome, string done, CancellationToken ct)
    {
        if (outcome is StepOutcome.Done)
        {
            Done = $"{done}.";
            return Redirect($"/contracts/{Uri.EscapeDataString(Number)}/deliverables#d-{Occurrence}");
        }

        Error = outcome.Refusal;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var list = await queries.ListAsync(User, Number, ct);
        Deliverables = list ?? [];
        return list is not null;
    }
}
