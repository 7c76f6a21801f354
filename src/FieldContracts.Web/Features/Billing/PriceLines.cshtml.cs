using System.ComponentModel.DataAnnotations;
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
    [Display(Name = "Item")]
    public string? Item { get; set; }

    [BindProperty]
    [Display(Name = "School")]
    public string? School { get; set; }

    [BindProperty]
    [Display(Name = "Basis")]
    public PriceBasis? Basis { get; set; }

    [BindProperty]
    [Display(Name = "Description")]
    public string? Description { get; set; }

    [BindProperty]
    [Display(Name = "Unit")]
    public string? Unit { get; set; }

    [BindProperty]
    [Display(Name = "Estimated quantity")]
    public decimal? EstimatedQuantity { get; set; }

    [BindProperty]
    [Display(Name = "Price ($)")]
    public decimal? UnitPrice { get; set; }

    [BindProperty]
    [Display(Name = "Pays for")]
    public string? Covers { get; set; }

    [BindProperty]
    [Display(Name = "Deduction value ($)")]
    public decimal? DeductionValue { get; set; }

    [BindProperty]
    [Display(Name = "Sample figures")]
    public bool Sample { get; set; }

    [BindProperty]
    [Display(Name = "Reason")]
    public string? Reason { get; set; }

    [TempData]
    public string? Done { get; set; }

    public PriceScheduleView Schedule { get; private set; } = null!;

    public bool MayEdit => User.IsInRole(Roles.Purchasing);

    /// <summary>The fields of a line's form, whose keys are the line's (<c>lines[id].UnitPrice</c>); the form to add one has the plain names.</summary>
    public static readonly IReadOnlyList<string> LineFields =
        [nameof(Description), nameof(Unit), nameof(EstimatedQuantity), nameof(UnitPrice), nameof(Covers), nameof(DeductionValue), nameof(Reason)];

    /// <summary>The key of a field of a line's form: each line's form shows its own errors.</summary>
    public static string KeyOf(Guid line, string field) => $"lines[{line}].{field}";

    /// <summary>The summary's words for the fields of a line's form, which are not properties of their own.</summary>
    public IReadOnlyDictionary<string, string> Labels =>
        LineId is { } line
            ? LineFields.ToDictionary(f => KeyOf(line, f), f => f == nameof(Reason) ? "Reason for the change" : DisplayNames[f], StringComparer.Ordinal)
            : new Dictionary<string, string>();

    private static readonly Dictionary<string, string> DisplayNames = new(StringComparer.Ordinal)
    {
        [nameof(Description)] = "Description", [nameof(Unit)] = "Unit", [nameof(EstimatedQuantity)] = "Estimated quantity",
        [nameof(UnitPrice)] = "Price ($)", [nameof(Covers)] = "Pays for", [nameof(DeductionValue)] = "Deduction value ($)",
    };

    /// <summary>Whether the refused form is on the page: the form to add a line, or the form of a line still on the schedule.</summary>
    public bool PostedFormShown => MayEdit && (LineId is not { } line || Schedule.Lines.Any(l => l.Id == line));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!MayEdit)
        {
            return Forbid();
        }

        if (LineId is { } changed)
        {
            // A line's form has the same names as the form to add one: its values that did not bind are keyed by the line.
            foreach (var field in LineFields.Where(f => ModelState.TryGetValue(f, out var entry) && entry.Errors.Count > 0))
            {
                foreach (var error in ModelState[field]!.Errors)
                {
                    ModelState.AddModelError(KeyOf(changed, field), error.ErrorMessage);
                }

                ModelState.Remove(field);
            }
        }

        var outcome = !ModelState.IsValid ? null : await admin.SavePriceLineAsync(User, Number, LineId,
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

        if (outcome is not null)
        {
            // The service names the fields as the API does ("unitPrice"); a field not on the form posted is an error of the whole form.
            var field = outcome is StepOutcome.Invalid invalid ? char.ToUpperInvariant(invalid.Path[0]) + invalid.Path[1..] : "";
            var key = field.Length == 0 ? ""
                : LineId is { } line ? LineFields.Contains(field) ? KeyOf(line, field) : ""
                : field;
            ModelState.AddModelError(key, outcome.Refusal!);
        }

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
