using System.ComponentModel.DataAnnotations;
using FieldContracts.Administration.Deficiencies;
using FieldContracts.Data.Identity;
using FieldContracts.Web.Features.Deficiencies;
using FieldContracts.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FieldContracts.Web.Features.Performance;

/// <summary>
/// A contract's performance cases (special instruction 7): the watch rule's suggestion, the cases, and for Purchasing the
/// form that opens one on deficiencies from the register. A contractor sees its own contract's cases only.
/// </summary>
[Authorize(Roles = Roles.Any)]
public sealed class IndexModel(CaseQueries queries, DeficiencyQueries register, CaseSteps steps, SetPerformanceWatch setWatch) : PageModel
{
    [FromRoute]
    public string Number { get; set; } = "";

    [BindProperty]
    [Display(Name = "The deficiencies complained of")]
    public List<Guid> DeficiencyIds { get; set; } = [];

    [BindProperty]
    [Display(Name = "Why (the complaints, the repeated failure)")]
    public string? Text { get; set; }

    [BindProperty]
    [Display(Name = "Upheld deficiencies that suggest a case")]
    public int? UpheldThreshold { get; set; }

    [BindProperty]
    [Display(Name = "Within how many days")]
    public int? WindowDays { get; set; }

    [BindProperty]
    public bool AnyApplicationWithoutNotice { get; set; }

    /// <summary>Said once, on the page the successful post redirects to (this one, or the case opened).</summary>
    [TempData]
    public string? Done { get; set; }

    /// <summary>The form whose post was refused: its errors and summary show there, and the other form is as it was.</summary>
    public RefusedForm? Refused { get; private set; }

    public IReadOnlyList<CaseSummary> Cases { get; private set; } = [];

    public WatchView? Watch { get; private set; }

    public IReadOnlyList<DeficiencyDetail> Open { get; private set; } = [];

    public TerminationView? Termination { get; private set; }

    public bool MayOpen => User.Party() == Party.Purchasing && Termination is null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        // The watch rule's deficiencies are ticked to begin with; Purchasing decides.
        DeficiencyIds = Watch!.DeficiencyIds.ToList();
        WatchAsItIs();
        return Page();
    }

    public async Task<IActionResult> OnPostWatchAsync(CancellationToken ct)
    {
        // A figure that is not a number is said once, in the framework's words with the field's label.
        var outcome = ModelState.IsValid
            ? await setWatch.HandleAsync(User, Number, new PerformanceWatchRequest(UpheldThreshold, WindowDays, AnyApplicationWithoutNotice), ct)
            : null;
        if (outcome is StepOutcome.Done)
        {
            Done = "Watch rule changed.";
            return Redirect($"/contracts/{Uri.EscapeDataString(Number)}/cases");
        }

        if (outcome is StepOutcome.NotFound)
        {
            return NotFound();
        }

        if (outcome is not null)
        {
            ModelState.AddModelError(outcome is StepOutcome.Invalid { Path: "upheldThreshold" or "windowDays" } invalid
                ? invalid.Path == "upheldThreshold" ? nameof(UpheldThreshold) : nameof(WindowDays)
                : "", outcome.Refusal!);
        }

        Refused = RefusedForm.Watch;
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        // The case form is as it was before: the watch rule's deficiencies ticked.
        DeficiencyIds = Watch!.DeficiencyIds.ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = ModelState.IsValid ? await steps.OpenAsync(User, Number, DeficiencyIds, Text, ct) : null;
        if (outcome is StepOutcome.Done done)
        {
            Done = $"{CaseWords.Action(FieldContracts.Administration.Performance.PerformanceCaseAction.Open)}.";
            return Redirect($"/contracts/{Uri.EscapeDataString(Number)}/cases/{done.Id}");
        }

        if (outcome is StepOutcome.NotFound)
        {
            return NotFound();
        }

        if (outcome is not null)
        {
            ModelState.AddModelError(outcome is StepOutcome.Invalid { Path: "deficiencyIds" or "text" } invalid
                ? invalid.Path == "text" ? nameof(Text) : nameof(DeficiencyIds)
                : "", outcome.Refusal!);
        }

        Refused = RefusedForm.OpenCase;
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        WatchAsItIs();
        return Page();
    }

    /// <summary>The two forms of the page.</summary>
    public enum RefusedForm
    {
        Watch,
        OpenCase,
    }

    /// <summary>The watch rule's form as the rule stands.</summary>
    private void WatchAsItIs()
    {
        UpheldThreshold = Watch!.UpheldThreshold;
        WindowDays = Watch.WindowDays;
        AnyApplicationWithoutNotice = Watch.AnyApplicationWithoutNotice;
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await queries.ListAsync(User, Number, ct) is not { } cases)
        {
            return false;
        }

        Cases = cases;
        Watch = await queries.WatchAsync(User, Number, ct);
        Termination = (await queries.TerminationAsync(User, Number, ct)).Termination;
        Open = (await register.ListAsync(User, Number, null, null, ct) ?? [])
            .Where(d => d.Status is not (DeficiencyStatus.Cured or DeficiencyStatus.Withdrawn))
            .OrderBy(d => d.FoundOn).ToList();
        return true;
    }
}
