using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.Performance;
using FieldContracts.Data.Identity;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using System.ComponentModel.DataAnnotations;
using NodaTime;
using NodaTime.Text;

namespace FieldContracts.Web.Features.Performance;

/// <summary>
/// A contract's early end: what it is, once there is one, with its notice and the emails that carried it; for Purchasing,
/// before there is one, the form of special instruction 6 (thirty days' prior written notice, reason A or B).
/// </summary>
[Authorize(Roles = Roles.Any)]
public sealed class TerminationModel(CaseQueries queries, TerminateWithoutCause terminate, IClock clock) : PageModel
{
    [FromRoute]
    public string Number { get; set; } = "";

    [BindProperty]
    [Display(Name = "Reason")]
    public TerminationWithoutCauseReason? Reason { get; set; }

    [BindProperty]
    [Display(Name = "Written notice given on")]
    public string? NoticeOn { get; set; }

    [BindProperty]
    [Display(Name = "No longer in force from")]
    public string? EffectiveOn { get; set; }

    [BindProperty]
    [Display(Name = "The City's reasons")]
    public string? Text { get; set; }

    /// <summary>Said once, on the page the successful post redirects to.</summary>
    [TempData]
    public string? Done { get; set; }

    public TerminationView? Termination { get; private set; }

    public LocalDate Today { get; private set; }

    public bool MayTerminate => User.Party() == Party.Purchasing && Termination is null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        NoticeOn ??= Today.ToString("yyyy-MM-dd", null);
        EffectiveOn ??= Today.PlusDays(TerminationWithoutCause.NoticeDays).ToString("yyyy-MM-dd", null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var notice = LocalDatePattern.Iso.Parse(NoticeOn?.Trim() ?? "");
        var effective = LocalDatePattern.Iso.Parse(EffectiveOn?.Trim() ?? "");
        StepOutcome outcome = Reason is not { } reason ? new StepOutcome.Invalid("reason", "Choose special instruction 6 A or 6 B.")
            : !notice.Success ? new StepOutcome.Invalid("noticeOn", "Write the date as yyyy-mm-dd.")
            : !effective.Success ? new StepOutcome.Invalid("effectiveOn", "Write the date as yyyy-mm-dd.")
            : await terminate.HandleAsync(User, Number, reason, notice.Value, effective.Value, Text, ct);
        if (outcome is StepOutcome.Done)
        {
            Done = "The notice of termination is sent to the contractor; the contract is cancelled from the day given.";
            return Redirect($"/contracts/{Uri.EscapeDataString(Number)}/termination");
        }

        if (outcome is StepOutcome.NotFound)
        {
            return NotFound();
        }

        // The form shows what it posted, and why it was refused next to the field; the rest is about the whole form.
        ModelState.Clear();
        ModelState.AddModelError(outcome is StepOutcome.Invalid invalid ? Field(invalid.Path) : "", outcome.Refusal!);
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    /// <summary>The form's field for a refusal's request path.</summary>
    private static string Field(string path) => path switch
    {
        "reason" => nameof(Reason),
        "noticeOn" => nameof(NoticeOn),
        "effectiveOn" => nameof(EffectiveOn),
        "text" => nameof(Text),
        _ => "",
    };

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Today = clock.GetCurrentInstant().InZone(Hartford.Zone).Date;
        var (found, termination) = await queries.TerminationAsync(User, Number, ct);
        Termination = termination;
        return found;
    }
}
