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

    /// <summary>The form whose post was refused (HandIn, Accept, Return); the deliverable is <see cref="Occurrence"/>.</summary>
    public string? FailedForm { get; private set; }

    /// <summary>The labels of a deliverable's fields, by the keys their errors have (<c>deliverables[id].note</c>).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; private set; } = new Dictionary<string, string>();

    public Party Party => User.Party();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostHandInAsync(CancellationToken ct)
    {
        var upload = Document is null ? null : await FileUpload.ReadAsync(Document, DocumentStore.MaxBytes, ct);
        return await AfterAsync("HandIn", await handIn.HandleAsync(User, Occurrence, upload, ct), "Handed in", ct);
    }

    public async Task<IActionResult> OnPostAcceptAsync(CancellationToken ct) =>
        await AfterAsync("Accept", await review.HandleAsync(User, Occurrence, DeliverableAction.Accept, Note, ct), "Accepted", ct);

    public async Task<IActionResult> OnPostReturnAsync(CancellationToken ct) =>
        await AfterAsync("Return", await review.HandleAsync(User, Occurrence, DeliverableAction.Return, Note, ct), "Returned to the contractor", ct);

    /// <summary>The key of a deliverable's field: unique to its item, so the error shows at the form that was posted.</summary>
    public static string RowKey(Guid occurrence, string field) => $"deliverables[{occurrence}].{field}";

    /// <summary>
    /// Where the errors of a refused post show: in the form that was posted (<c>HandIn</c>, <c>Accept</c>, <c>Return</c>
    /// of a deliverable); in the deliverable's item when that form is no longer offered (reviewed meanwhile); at the top when
    /// the deliverable is not listed.
    /// </summary>
    public bool ErrorsShowIn(string form, Guid? occurrence = null)
    {
        if (FailedForm is null)
        {
            return false;
        }

        var item = Deliverables.FirstOrDefault(d => d.OccurrenceId == Occurrence);
        var offered = item is not null && (FailedForm == "HandIn" ? MayHandIn(item) : MayReview(item));
        return item is null ? form == "Page"
            : offered ? form == FailedForm && occurrence == item.OccurrenceId
            : form == "Item" && occurrence == item.OccurrenceId;
    }

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

    private async Task<IActionResult> AfterAsync(string form, StepOutcome outcome, string done, CancellationToken ct)
    {
        if (outcome is StepOutcome.Done)
        {
            Done = $"{done}.";
            return Redirect($"/contracts/{Uri.EscapeDataString(Number)}/deliverables#d-{Occurrence}");
        }

        FailedForm = form;
        if (outcome is StepOutcome.Invalid invalid)
        {
            // The step names the field as the API does ("document", "note"); keyed by the deliverable, it shows at its form only.
            ModelState.AddModelError(RowKey(Occurrence, invalid.Path), invalid.Message);
            Labels = new Dictionary<string, string>
            {
                [RowKey(Occurrence, "document")] = "The document", [RowKey(Occurrence, "note")] = "Why it is returned",
            };
        }
        else
        {
            // Not about a field: not this person's step, or handed in or reviewed meanwhile.
            ModelState.AddModelError(string.Empty, outcome.Refusal ?? "The step was refused.");
        }

        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var list = await queries.ListAsync(User, Number, ct);
        Deliverables = list ?? [];
        return list is not null;
    }
}
