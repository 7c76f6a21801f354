using System.ComponentModel.DataAnnotations;
using FieldContracts.Administration.Insurance;
using FieldContracts.Data.Identity;
using FieldContracts.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using NodaTime.Text;

namespace FieldContracts.Web.Features.InsuranceCover;

/// <summary>
/// Purchasing's page of insurance the City bought at the contractor's expense (special instruction 14, item 11): the form,
/// and each purchase with the adjustment taking its cost off an installment.
/// </summary>
[Authorize(Roles = Roles.Purchasing)]
public sealed class CityCoverModel(CityCoverSteps steps, IClock clock) : PageModel
{
    [FromRoute]
    public string Number { get; set; } = "";

    [BindProperty]
    [Display(Name = "Line of insurance")]
    public CoverageKind? Kind { get; set; }

    [BindProperty]
    [Display(Name = "Cost")]
    public decimal? Cost { get; set; }

    [BindProperty]
    [Display(Name = "Day bought")]
    public string? BoughtOn { get; set; }

    [BindProperty]
    [Display(Name = "Policy effective")]
    public string? Effective { get; set; }

    [BindProperty]
    [Display(Name = "Policy expiration")]
    public string? Expiration { get; set; }

    [BindProperty]
    [Display(Name = "Note")]
    public string? Note { get; set; }

    [TempData]
    public string? Done { get; set; }

    public CityCoverView View { get; private set; } = null!;

    /// <summary>The lines of insurance the form offers, in words.</summary>
    public static IReadOnlyList<(CoverageKind Kind, string Name)> Kinds { get; } =
        Enum.GetValues<CoverageKind>().Select(k => (k, CoverageNames.Of(k))).ToList();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await steps.ListAsync(User, Number, ct) is not { } view)
        {
            return NotFound();
        }

        View = view;
        BoughtOn ??= LocalDatePattern.Iso.Format(clock.GetCurrentInstant().InZone(Infrastructure.Hartford.Zone).Date);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // A cost that is not a number is said in the form's words, not the binder's.
        var unreadableCost = ModelState.TryGetValue(nameof(Cost), out var cost) && cost.Errors.Count > 0;
        cost?.Errors.Clear();
        var outcome = (unreadableCost ? new StepOutcome.Invalid("cost", "The cost in dollars and cents, more than zero.") : null)
            ?? Day(BoughtOn, "boughtOn") ?? Day(Effective, "effective") ?? Day(Expiration, "expiration")
            ?? await steps.RecordAsync(User, Number,
                new CityCoverRequest(Kind, Cost, Parse(BoughtOn), Parse(Effective), Parse(Expiration), Note), ct);
        if (outcome is StepOutcome.Done)
        {
            Done = "The purchase is recorded; its cost comes off the installment of the period holding the day bought, or the next one not yet submitted.";
            return Redirect($"/contracts/{Uri.EscapeDataString(Number)}/insurance/city-cover");
        }

        ModelState.AddModelError(outcome is StepOutcome.Invalid invalid ? FieldOf(invalid.Path) : string.Empty, outcome.Refusal ?? "Not recorded.");
        return await OnGetAsync(ct);
    }

    /// <summary>
    /// The form's field of a path the steps name (the API's): the cover's own fields by name; the adjustment billing makes
    /// of it, by what it is made from (its amount is the cost, its reason carries the note).
    /// </summary>
    private static string FieldOf(string path) => path switch
    {
        "amount" => nameof(Cost),
        "reason" => nameof(Note),
        "" or "$" => "",
        _ => $"{char.ToUpperInvariant(path[0])}{path[1..]}",
    };

    /// <summary>A refusal when <paramref name="text"/> is given but is not a day; a missing day is the rule's to refuse.</summary>
    private static StepOutcome? Day(string? text, string field) =>
        string.IsNullOrWhiteSpace(text) || LocalDatePattern.Iso.Parse(text.Trim()).Success ? null : new StepOutcome.Invalid(field, "Give the day (yyyy-mm-dd).");

    private static LocalDate? Parse(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : LocalDatePattern.Iso.Parse(text.Trim()).GetValueOrThrow();
}
