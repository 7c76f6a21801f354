using FieldContracts.Data;
using FieldContracts.Data.Conversion;
using FieldContracts.Data.Identity;
using FieldContracts.Data.Planning;
using FieldContracts.Scheduling.Specification;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using NodaTime.Text;

namespace FieldContracts.Web.Features.Schedule;

/// <summary>
/// The contract's specification, item by item as the bid has it, with each season's window. Purchasing
/// edits the windows: every year's, and one year's where the weather or the schools ask for it.
/// </summary>
[Authorize(Roles = Roles.Any)]
public sealed class SpecificationModel(FieldContractsDbContext db, ScheduleQueries queries, SetSeasonWindow setSeasonWindow) : PageModel
{
    [FromRoute]
    public string Number { get; set; } = "";

    public ContractSpecification Specification { get; private set; } = null!;

    public ScheduleContract Contract { get; private set; } = null!;

    /// <summary>What the last post did, said once on the page it redirects to.</summary>
    [TempData]
    public string? Message { get; set; }

    public string? FailedSeason { get; private set; }

    public bool CanEdit => User.IsInRole(Roles.Purchasing);

    /// <summary>The window form's fields, by the keys its errors come with.</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["defaultWindow"] = "Every year", ["yearWindow"] = "Only in year",
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string seasonKey, string? defaultStart, string? defaultEnd, int? year,
        string? start, string? end, string? reason, CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        if (await queries.ContractAsync(Number, User, ct) is not { } contract)
        {
            return NotFound();
        }

        AnnualDate? from = AnnualDateText.TryParse(defaultStart, out var a) ? a : null;
        AnnualDate? to = AnnualDateText.TryParse(defaultEnd, out var b) ? b : null;
        LocalDate? yearStart = LocalDatePattern.Iso.Parse(start ?? "") is { Success: true } s ? s.Value : null;
        LocalDate? yearEnd = LocalDatePattern.Iso.Parse(end ?? "") is { Success: true } e ? e.Value : null;
        var (result, error) = await setSeasonWindow.HandleAsync(contract.Id, seasonKey, from, to, year, yearStart, yearEnd,
            reason, ScheduleApi.Who(User), ct);
        if (error is PlanEditError.Invalid invalid)
        {
            FailedSeason = seasonKey;
            foreach (var (key, messages) in invalid.Errors)
            {
                ModelState.AddModelError(key, messages[0]);
            }
        }
        else if (error is PlanEditError.ChangedMeanwhile)
        {
            ModelState.AddModelError(string.Empty, PlanEditError.ChangedMeanwhile.Message);
        }
        else if (error is PlanEditError.NothingToChange nothing)
        {
            FailedSeason = seasonKey;
            ModelState.AddModelError(string.Empty, "Nothing to change: " + nothing.Detail);
        }
        else if (error is not null)
        {
            return NotFound();
        }
        else
        {
            Message = $"Saved: {result!.Change.Description}. {result.OccurrenceChanges.Count} planned occurrence(s) changed.";
            return RedirectToPage();
        }

        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await queries.ContractAsync(Number, User, ct) is not { } contract)
        {
            return false;
        }

        Contract = contract;
        var state = await PlanState.LoadAsync(db, contract.Id, ct);
        Specification = state!.Specification();
        return true;
    }
}
