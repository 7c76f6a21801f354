using FieldContracts.Administration.Deficiencies;
using FieldContracts.Data.Identity;
using FieldContracts.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FieldContracts.Web.Features.Deficiencies;

/// <summary>
/// A contract's deficiency register for the people who act on it: the contractor acknowledges or disputes, Purchasing
/// upholds or withdraws, the Athletic Director verifies a cure. Each form posts, then redirects back (a refresh never
/// posts again); a refused step shows its reason next to the deficiency and keeps what was typed.
/// </summary>
[Authorize(Roles = Roles.Any)]
public sealed class IndexModel(DeficiencyQueries queries, TakeDeficiencyStep step) : PageModel
{
    [FromRoute]
    public string Number { get; set; } = "";

    /// <summary>Open, acknowledged, disputed and upheld ones by default; "all" shows the closed ones too.</summary>
    [FromQuery(Name = "show")]
    public string? Show { get; set; }

    [BindProperty]
    public Guid Deficiency { get; set; }

    [BindProperty]
    public DeficiencyAction Action { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [TempData]
    public string? Done { get; set; }

    public IReadOnlyList<DeficiencyDetail> Register { get; private set; } = [];

    /// <summary>Whether the posted step was refused: its errors are on ModelState, by <see cref="TextKey"/> or the empty key.</summary>
    public bool Refused { get; private set; }

    public bool ShowAll => Show == "all";

    public Party Party => User.Party();

    /// <summary>Whether the signed-in user files complaints and records inspections (the Athletic Director, Purchasing).</summary>
    public bool MayFile => FieldContracts.Administration.Complaints.Complaint.MayFile(Party);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await step.HandleAsync(User, Deficiency, Action, new DeficiencyStepRequest(Text, null), ct);
        if (outcome is StepOutcome.Done)
        {
            Done = $"{Describe(Action)}.";
            return Redirect($"/contracts/{Uri.EscapeDataString(Number)}/deficiencies{(ShowAll ? "?show=all" : "")}#d-{Deficiency}");
        }

        // Each deficiency has a form for each step: the refusal goes next to the text of the form that was posted.
        Refused = true;
        ModelState.Clear();
        ModelState.AddModelError(outcome is StepOutcome.Invalid { Path: "text" } ? TextKey(Deficiency, Action) : "", outcome.Refusal!);
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    /// <summary>Whether the form of <paramref name="action"/> on <paramref name="deficiency"/> is the one posted and refused.</summary>
    public bool RefusedAt(Guid deficiency, DeficiencyAction action) => Refused && Deficiency == deficiency && Action == action;

    /// <summary>The key of the text of one step's form on one deficiency (<c>Uphold[{id}].Text</c>), so its error marks that form's field only.</summary>
    public static string TextKey(Guid deficiency, DeficiencyAction action) => $"{action}[{deficiency}].Text";

    /// <summary>The words of the refused form's label, for its error summary.</summary>
    public IReadOnlyDictionary<string, string> Labels => new Dictionary<string, string> { [TextKey(Deficiency, Action)] = Prompt(Action) };

    /// <summary>The steps the signed-in user may take on a deficiency as it stands.</summary>
    public IEnumerable<DeficiencyAction> StepsFor(DeficiencyDetail d) =>
        Enum.GetValues<DeficiencyAction>().Where(a => FieldContracts.Administration.Deficiencies.Deficiency.MayTake(Party, a)
                                                     && FieldContracts.Administration.Deficiencies.Deficiency.Next(d.Status, a) is not null);

    public static string Describe(DeficiencyAction action) => action switch
    {
        DeficiencyAction.Acknowledge => "Acknowledged",
        DeficiencyAction.Dispute => "Disputed",
        DeficiencyAction.Uphold => "Upheld",
        DeficiencyAction.Withdraw => "Withdrawn",
        _ => "Verified as cured",
    };

    public static string Prompt(DeficiencyAction action) => action switch
    {
        DeficiencyAction.Acknowledge => "How it will be made good",
        DeficiencyAction.Dispute => "Why it is disputed",
        DeficiencyAction.Uphold => "Why it stands",
        DeficiencyAction.Withdraw => "Why it is withdrawn",
        _ => "What cured it (the visit, or what was seen)",
    };

    public static string Button(DeficiencyAction action) => action switch
    {
        DeficiencyAction.Acknowledge => "Acknowledge",
        DeficiencyAction.Dispute => "Dispute",
        DeficiencyAction.Uphold => "Uphold",
        DeficiencyAction.Withdraw => "Withdraw",
        _ => "Verify cured",
    };

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var register = await queries.ListAsync(User, Number, null, null, ct);
        if (register is null)
        {
            return false;
        }

        Register = ShowAll ? register : register.Where(d => d.Status is not (DeficiencyStatus.Cured or DeficiencyStatus.Withdrawn)).ToList();
        return true;
    }
}
