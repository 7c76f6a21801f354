using FieldContracts.Data.Identity;
using FieldContracts.Scheduling.Contracts;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FieldContracts.Web.Features.Contracts;

[Authorize(Roles = Roles.Purchasing)]
public sealed class SettingsModel(ContractQueries queries, UpdateContractSettingsHandler handler) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Number { get; set; } = "";

    [BindProperty]
    public SettingsInput Input { get; set; } = new();

    /// <summary>Said once, on the page the successful post redirects to.</summary>
    [TempData]
    public string? Saved { get; set; }

    /// <summary>The contract's working days and holidays, shown with the form (they come with the contract's file or the API).</summary>
    public SettingsView? Calendar { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var overview = await queries.OverviewAsync(Number, User, ct);
        if (overview is null)
        {
            return NotFound();
        }

        Input = new SettingsInput
        {
            Subcontracting = overview.Settings.Subcontracting,
            ChemicalNoticeLeadHours = overview.Settings.ChemicalNoticeLeadHours,
            MowingCadenceDays = overview.Settings.MowingCadenceDays,
            CrewsPerDay = overview.Settings.CrewsPerDay,
            ReEntryHours = overview.Settings.ReEntryHours,
            ResponseDays = overview.Settings.ResponseDays,
        };
        Calendar = overview.Settings;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Calendar = (await queries.OverviewAsync(Number, User, ct))?.Settings;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await handler.HandleAsync(Number,
            new SettingsDocument(Input.Subcontracting, Input.ChemicalNoticeLeadHours, Input.MowingCadenceDays, Input.CrewsPerDay, Input.ReEntryHours,
                ResponseDays: Input.ResponseDays),
            User.Identity?.Name ?? "unknown", ct);
        switch (result)
        {
            case UpdateSettingsResult.Invalid invalid:
                foreach (var (key, messages) in invalid.Errors)
                {
                    foreach (var message in messages)
                    {
                        ModelState.AddModelError($"Input.{char.ToUpperInvariant(key[0])}{key[1..]}", message);
                    }
                }

                return Page();
            case UpdateSettingsResult.NotFound:
                return NotFound();
            case UpdateSettingsResult.ChangedMeanwhile:
                ModelState.AddModelError(string.Empty, Schedule.PlanEditError.ChangedMeanwhile.Message);
                return Page();
            case UpdateSettingsResult.NothingToChange nothing:
                ModelState.AddModelError(string.Empty, "Nothing to change: " + nothing.Detail);
                return Page();
            default:
                Saved = "Saved.";
                return RedirectToPage();
        }
    }

    public sealed class SettingsInput
    {
        [Display(Name = "Sub-contracting")]
        public SubcontractingPolicy? Subcontracting { get; set; }

        [Display(Name = "Chemical notice lead time (hours)")]
        public int? ChemicalNoticeLeadHours { get; set; }

        [Display(Name = "Mowing cadence (days)")]
        public int? MowingCadenceDays { get; set; }

        [Display(Name = "Crews applying chemicals on one day")]
        public int? CrewsPerDay { get; set; }

        [Display(Name = "Re-entry time after an application (hours)")]
        public int? ReEntryHours { get; set; }

        /// <summary>Calendar days the contractor has to respond to a deficiency.</summary>
        [Display(Name = "Contractor's response to a deficiency (days)")]
        public int? ResponseDays { get; set; }
    }
}
