using System.ComponentModel.DataAnnotations;
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
    [Display(Name = "Payment due, days after approval")]
    public int? PaymentDays { get; set; }

    [BindProperty]
    [Display(Name = "Dispute period, days after an assessment")]
    public int? DisputeDays { get; set; }

    [FromRoute]
    public string Number { get; set; } = "";

    [BindProperty]
    [Display(Name = "Upheld deficiency")]
    public Guid? DeficiencyId { get; set; }

    /// <summary>Days the failure lasted, for rates per day; empty counts as one.</summary>
    [BindProperty]
    [Display(Name = "Days it lasted")]
    public int? Days { get; set; } = 1;

    [BindProperty]
    [Display(Name = "Schools")]
    public int? Schools { get; set; } = 1;

    [BindProperty]
    [Display(Name = "Amount ($)")]
    public decimal? Amount { get; set; }

    [BindProperty]
    [Display(Name = "Evidence")]
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

    public NodaTime.LocalDate Today { get; private set; }

    /// <summary>The form that was posted and refused, where its errors are shown: "assess", "schedule", or an assessment's form.</summary>
    public string? Posted { get; private set; }

    /// <summary>
    /// The key of the contractor's dispute form of an assessment, or of Purchasing's decision form, and the prefix of its
    /// fields' keys (<c>disputes[id].Reason</c>): each row's form shows its own errors.
    /// </summary>
    public static string FormOf(Guid assessment, bool dispute) => dispute ? $"disputes[{assessment}]" : $"decisions[{assessment}]";

    /// <summary>The summary's words for the fields of an assessment's form and the schedule's rows, which are not properties of their own.</summary>
    public IReadOnlyDictionary<string, string> Labels
    {
        get
        {
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var key in ModelState.Keys)
            {
                if (key.StartsWith("disputes[", StringComparison.Ordinal))
                {
                    labels[key] = "Why you dispute it";
                }
                else if (key.StartsWith("decisions[", StringComparison.Ordinal) && key.LastIndexOf('.') is > 0 and var dot)
                {
                    labels[key] = key[(dot + 1)..] switch
                    {
                        nameof(Reason) => "Reason",
                        nameof(Amount) => "Reduced amount ($)",
                        nameof(Action) => "Decision",
                        _ => key[(dot + 1)..],
                    };
                }
                else if (key.StartsWith("Rates[", StringComparison.Ordinal) && int.TryParse(key[6..key.IndexOf(']', StringComparison.Ordinal)],
                             System.Globalization.CultureInfo.InvariantCulture, out var row) && row < Rates.Count)
                {
                    labels[key] = $"{(key.EndsWith(".Cap", StringComparison.Ordinal) ? "Cap" : "Amount")} for {Rates[row].Kind}";
                }
            }

            return labels;
        }
    }

    /// <summary>Whether the user may dispute the assessment now (the contractor, within the dispute period).</summary>
    public bool MayDispute(AssessmentView a) => User.IsInRole(Roles.Contractor) && a.Status == "Assessed" && Today <= a.DisputeBy;

    /// <summary>Whether Purchasing may decide on the assessment now.</summary>
    public bool MayDecide(AssessmentView a) =>
        User.IsInRole(Roles.Purchasing) && (a.Status == "Disputed" || (a.Status == "Assessed" && Today <= a.DisputeBy));

    /// <summary>Whether the refused form is on the page still; if not (the assessment moved on meanwhile), its errors are shown at the top.</summary>
    public bool PostedFormShown => Posted switch
    {
        null => false,
        "assess" => User.IsInRole(Roles.Purchasing) && Assessable.Count > 0,
        "schedule" => User.IsInRole(Roles.Purchasing),
        var form => Assessments.Any(a => (FormOf(a.Id, dispute: true) == form && MayDispute(a)) || (FormOf(a.Id, dispute: false) == form && MayDecide(a))),
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAssessAsync(CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Purchasing))
        {
            return Forbid();
        }

        var outcome = !ModelState.IsValid ? null
            : DeficiencyId is not { } id ? new StepOutcome.Invalid("deficiencyId", "Choose the upheld deficiency.")
            : await admin.AssessAsync(User, Number, id, Days ?? 1, Schools ?? 1, Amount, Evidence, ct);
        return await AfterAsync("assess", outcome, "Assessed. The contractor may dispute within the dispute period.",
            path => path switch
            {
                "deficiencyId" => nameof(DeficiencyId),
                "days" => nameof(Days),
                "schools" => nameof(Schools),
                "amount" => nameof(Amount),
                "evidence" => nameof(Evidence),
                _ => "",
            }, ct);
    }

    public async Task<IActionResult> OnPostDecideAsync(CancellationToken ct)
    {
        // The fields of each assessment's form are named alike; its errors are keyed by the assessment, so they show at its form.
        var form = AssessmentId is { } assessment ? FormOf(assessment, Action == AssessmentAction.Dispute) : null;
        if (form is not null)
        {
            foreach (var field in new[] { nameof(Action), nameof(Amount), nameof(Reason) })
            {
                if (ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0)
                {
                    foreach (var error in entry.Errors)
                    {
                        ModelState.AddModelError($"{form}.{field}", error.ErrorMessage);
                    }

                    ModelState.Remove(field);
                }
            }
        }

        var outcome = !ModelState.IsValid ? null
            : AssessmentId is not { } id || Action is not { } action ? new StepOutcome.Invalid("action", "Choose the assessment and the step.")
            : await admin.DecideAsync(User, Number, id, action, Reason, Amount, ct);
        return await AfterAsync(form ?? "", outcome,
            Action == AssessmentAction.Dispute ? "Disputed: nothing is deducted until Purchasing decides." : "Decided.",
            path => form is not null && path is "reason" or "amount" or "action" ? $"{form}.{char.ToUpperInvariant(path[0])}{path[1..]}" : "", ct);
    }

    /// <summary>Purchasing sets the schedule of damages (Form 127 ¶28's rates, the contract's own) and the payment and dispute days.</summary>
    public async Task<IActionResult> OnPostScheduleAsync(CancellationToken ct)
    {
        if (!User.IsInRole(Roles.Purchasing))
        {
            return Forbid();
        }

        // Only the rows with an amount are sent: the service's damagesRates[i] is the i-th of them.
        var sent = Enumerable.Range(0, Rates.Count).Where(i => Rates[i].Amount is not null).ToList();
        var outcome = !ModelState.IsValid ? null : await admin.ChangeSettingsAsync(User, Number, new BillingSettingsRequest(null, PaymentDays, DisputeDays,
            sent.Select(i => Rates[i]).Select(r => new DamagesRateRequest(r.Kind, r.Basis, r.Amount, r.Cap, r.Sample)).ToList()), ct);
        return await AfterAsync("schedule", outcome,
            "The schedule of damages and the billing terms are saved; assessments already made keep their amounts.",
            path => path switch
            {
                "paymentDays" => nameof(PaymentDays),
                "disputeDays" => nameof(DisputeDays),
                _ when path.StartsWith("damagesRates[", StringComparison.Ordinal)
                       && int.TryParse(path[13..path.IndexOf(']', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture, out var i)
                       && i < sent.Count => $"Rates[{sent[i]}].Amount",
                _ => "",
            }, ct);
    }

    /// <summary>
    /// Redirects to the page after a step taken (Post/Redirect/Get); shows a refused one at the form posted, at the field
    /// <paramref name="field"/> names for the service's path, or at the whole form. No outcome: the form did not bind.
    /// </summary>
    private async Task<IActionResult> AfterAsync(string form, StepOutcome? outcome, string done, Func<string, string> field, CancellationToken ct)
    {
        if (outcome is StepOutcome.Done)
        {
            Done = done;
            return Redirect($"/contracts/{Number}/damages");
        }

        if (!await LoadAsync(ct, keepForm: form == "schedule"))
        {
            return NotFound();
        }

        Posted = form;
        if (outcome is not null)
        {
            ModelState.AddModelError(outcome is StepOutcome.Invalid invalid ? field(invalid.Path) : "", outcome.Refusal!);
        }

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
