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
    public List<Guid> DeficiencyIds { get; set; } = [];

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public int? UpheldThreshold { get; set; }

    [BindProperty]
    public int? WindowDays { get; set; }

    [BindProperty]
    public bool AnyApplicationWithoutNotice { get; set; }

    [TempData]
    public string? Done { get; set; }

    /// <summary>Why the watch rule was not changed, next to its form.</summary>
    public string? WatchError { get; private set; }

    public IReadOnlyList<CaseSummary> Cases { get; private set; } = [];

    public WatchView? Watch { get; private set; }

    public IReadOnlyList<DeficiencyDetail> Open { get; private set; } = [];

    public TerminationView? Termination { get; private set; }

    public string? Error { get; private set; }

    public string? ErrorField { get; private set; }

    public bool MayOpen => User.Party() == Party.Purchasing && Termination is null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        // The watch rule's deficiencies are ticked to begin with; Purchasing decides.
        DeficiencyIds = Watch!.DeficiencyIds.ToList();
        UpheldThreshold = Watch.UpheldThreshold;
        WindowDays = Watch.WindowDays;
        AnyApplicationWithoutNotice = Watch.AnyApplicationWithoutNotice;
        return Page();
    }

    public async Task<IActionResult> OnPostWatchAsync(CancellationToken ct)
    {
        var outcome = await setWatch.HandleAsync(User, Number,
            new PerformanceWatchRequest(UpheldThreshold, WindowDays, AnyApplicationWithoutNotice), ct);
        if (outcome is StepOutcome.Done)
        {
            Done = "Watch rule changed.";
            return Redirect($"/contracts/{Uri.EscapeDataString(Number)}/cases");
        }

        if (outcome is StepOutcome.NotFound)
        {
            return NotFound();
        }

        WatchError = outcome.Refusal;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await steps.OpenAsync(User, Number, DeficiencyIds, Text, ct);
        if (outcome is StepOutcome.Done done)
        {
            return Redirect($"/contracts/{Uri.EscapeDataString(Number)}/cases/{done.Id}");
        }

        if (outcome is StepOutcome.NotFound)
        {
            return NotFound();
        }

        Error = outcome.Refusal;
        ErrorField = outcome is StepOutcome.Invalid invalid ? invalid.Path : null;
        return await LoadAsync(ct) ? Page() : NotFound();
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
