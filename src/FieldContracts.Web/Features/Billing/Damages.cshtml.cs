using FieldContracts.Administration.Billing;
using FieldContracts.Administration.Deficiencies;
using FieldContracts.Data.Identity;
using FieldContracts.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FieldContracts.Web.Features.Billing;

/// <summary>
/// Liquidated damages (special instruction 10): Purchasing assesses on upheld deficiencies with the evidence; the
/// contractor disputes within the dispute period; Purchasing upholds, reduces or waives with a reason.
/// </summary>
[Authorize(Roles = Roles.Any)]
public sealed class DamagesModel(BillingQueries queries, BillingAdministration admin, BillingBooks books) : PageModel
{
    /// <summary>One row of the schedule form: a kind of failure and its rate; no amount means no damages for it.</summary>
    public sealed class RateRow
    {
        public DeficiencyKind Kind { get; set; }

        public DamagesBasis Basis { get; set; }

        public decimal? Amount { get; set; }

        public decimal? Cap { get; set; }

        public bool Sample { get; set; }
    }

    [BindProperty]
    public List<RateRow> Rates { get; set; } = [];

    [BindProperty]
    public int? PaymentDays { get; set; }

    [BindProperty]
    public int? DisputeDays { get; set; }

    public string? SettingsError { get; private set; }

    [FromRoute]
    public string Number { get; set; } = "";

    [BindProperty]
    public Guid? DeficiencyId { get; set; }

    [BindProperty]
    public int Days { get; set; } = 1;

    [BindProperty]
    public int Schools { get; set; } = 1;

    [BindProperty]
    public decimal? Amount { get; set; }

    [BindProperty]
    public string? Evidence { get; set; }

    [BindProperty]
    public Guid? AssessmentId { get; set; }

    [BindProperty]
    public AssessmentAction? Action { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [TempData]
    public string? Done { get; set; }

    public IReadOnlyList<AssessmentView> Assessments { get; private set; } = [];

    public IReadOnlyList<AssessableDeficiency> Assessable { get; private set; } = [];

    public string? Error { get; private set; }

    public NodaTime.LocalDate Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAssessAsync(CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Purchasing))
        {
            return Forbid();
        }

        var outcome = DeficiencyId is not { } id
            ? new StepOutcome.Invalid("deficiencyId", "Choose the upheld deficiency.")
            : await admin.AssessAsync(User, Number, id, Days, Schools, Amount, Evidence, ct);
        return await AfterAsync(outcome, "Assessed. The contractor may dispute within the dispute period.", ct);
    }

    public async Task<IActionResult> OnPostDecideAsync(CancellationToken ct)
    {
        var outcome = AssessmentId is not { } id || Action is not { } action
            ? new StepOutcome.Invalid("action", "Choose the assessment and the step.")
            : await admin.DecideAsync(User, Number, id, action, Reason, Amount, ct);
        return await AfterAsync(outcome, Action == AssessmentAction.Dispute ? "Disputed: nothing is deducted until Purchasing decides." : "Decided.", ct);
    }

    /// <summary>Purchasing sets the schedule of damages (Form 127 ¶28's rates, the contract's own) and the payment and dispute days.</summary>
    public async Task<IActionResult> OnPostScheduleAsync(CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Purchasing))
        {
            return Forbid();
        }

        var outcome = await admin.ChangeSettingsAsync(User, Number, new BillingSettingsRequest(null, PaymentDays, DisputeDays,
            Rates.Where(r => r.Amount is not null).Select(r => new DamagesRateRequest(r.Kind, r.Basis, r.Amount, r.Cap, r.Sample)).ToList()), ct);
        if (outcome is StepOutcome.Done)
        {
            Done = "The schedule of damages and the billing terms are saved; assessments already made keep their amounts.";
            return Redirect($"/contracts/{Number}/damages");
        }

        if (!await LoadAsync(ct, keepForm: true))
        {
            return NotFound();
        }

        SettingsError = outcome.Refusal;
        return Page();
    }

    private async Task<IActionResult> AfterAsync(StepOutcome outcome, string done, CancellationToken ct)
    {
        if (outcome is StepOutcome.Done)
        {
            Done = done;
            return Redirect($"/contracts/{Number}/damages");
        }

        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Error = outcome.Refusal;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct, bool keepForm = false)
    {
        Today = queries.Today();
        if (await queries.DamagesAsync(User, Number, ct) is not { } damages || await queries.ContractIdAsync(User, Number, ct) is not { } contractId)
        {
            return false;
        }

        (Assessments, Assessable) = damages;
        if (!keepForm)
        {
            var settings = await books.SettingsAsync(contractId, ct);
            PaymentDays = settings.PaymentDays;
            DisputeDays = settings.DisputeDays;
            Rates = Enum.GetValues<DeficiencyKind>().Select(kind => settings.Damages.RateFor(kind) is { } rate
                    ? new RateRow { Kind = kind, Basis = rate.Basis, Amount = rate.Amount.Amount, Cap = rate.Cap?.Amount, Sample = rate.IsSample }
                    : new RateRow { Kind = kind })
                .ToList();
        }

        return true;
    }
}
