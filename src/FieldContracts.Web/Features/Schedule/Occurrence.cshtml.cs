using FieldContracts.Data.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using NodaTime.Text;

namespace FieldContracts.Web.Features.Schedule;

/// <summary>One occurrence: what, where, when, at what height or rate, its notice and its history.</summary>
[Authorize(Roles = Roles.Any)]
public sealed class OccurrenceModel(ScheduleQueries queries, MoveOccurrence moveOccurrence, IClock clock) : PageModel
{
    [FromRoute]
    public string Number { get; set; } = "";

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public MoveInput Input { get; set; } = new();

    public OccurrenceView Occurrence { get; private set; } = null!;

    /// <summary>What the last post did, said once on the page it redirects to.</summary>
    [TempData]
    public string? Message { get; set; }

    /// <summary>The visits that logged this occurrence.</summary>
    public IReadOnlyList<VisitLink> Visits { get; private set; } = [];

    public bool CanMove => User.IsInRole(Roles.Purchasing) || User.IsInRole(Roles.AthleticDirector);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostMoveAsync(CancellationToken ct)
    {
        if (!CanMove)
        {
            return Forbid();
        }

        if (await queries.ContractAsync(Number, User, ct) is not { } contract)
        {
            return NotFound();
        }

        var to = LocalDatePattern.Iso.Parse(Input.To ?? "");
        var at = string.IsNullOrWhiteSpace(Input.At) ? null : LocalTimePattern.CreateWithInvariantCulture("HH':'mm").Parse(Input.At);
        if (!to.Success)
        {
            ModelState.AddModelError("Input.To", "Give the new day.");
        }

        if (at is { Success: false })
        {
            ModelState.AddModelError("Input.At", "Give the time as HH:mm, or leave it empty.");
        }

        if (ModelState.IsValid)
        {
            var (result, error) = await moveOccurrence.HandleAsync(contract.Id, Id, to.Value, at?.Value, Input.EmergencyReason, Input.Reason,
                ScheduleApi.Who(User), ct);
            switch (error)
            {
                case null:
                    Message = $"Moved. {result!.OccurrenceChanges.Count} occurrence(s) changed" +
                              (result.OccurrenceChanges.Any(c => c.Notice?.FreshNoticeRequired == true) ? "; a fresh chemical notice is required." : ".");
                    return RedirectToPage();
                case PlanEditError.Invalid invalid:
                    foreach (var (key, messages) in invalid.Errors)
                    {
                        ModelState.AddModelError($"Input.{char.ToUpperInvariant(key[0])}{key[1..]}", messages[0]);
                    }

                    break;
                case PlanEditError.ChangedMeanwhile:
                    ModelState.AddModelError(string.Empty, PlanEditError.ChangedMeanwhile.Message);
                    break;
                case PlanEditError.NothingToChange nothing:
                    ModelState.AddModelError(string.Empty, "Nothing to change: " + nothing.Detail);
                    break;
                case PlanEditError.MoveRefused refused:
                    ModelState.AddModelError(string.Empty, ScheduleApi.Describe(refused.Refusal));
                    break;
                default:
                    return NotFound();
            }
        }

        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await queries.ContractAsync(Number, User, ct) is not { } contract
            || await queries.OccurrenceAsync(contract, Id, clock.GetCurrentInstant(), ct) is not { } view)
        {
            return false;
        }

        Occurrence = view;
        Visits = contract.Site(view.Summary.Site) is { } site ? await queries.VisitsOfAsync(contract, site.Id, Id, ct) : [];
        return true;
    }

    public sealed class MoveInput
    {
        [System.ComponentModel.DataAnnotations.Display(Name = "New day")]
        public string? To { get; set; }

        [System.ComponentModel.DataAnnotations.Display(Name = "Start time")]
        public string? At { get; set; }

        [System.ComponentModel.DataAnnotations.Display(Name = "Emergency reason")]
        public string? EmergencyReason { get; set; }

        [System.ComponentModel.DataAnnotations.Display(Name = "Why")]
        public string? Reason { get; set; }
    }
}
