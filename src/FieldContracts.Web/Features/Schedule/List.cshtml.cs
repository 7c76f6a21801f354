using FieldContracts.Data.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using NodaTime.Text;

namespace FieldContracts.Web.Features.Schedule;

/// <summary>
/// The plan as a list: filtered by school, kind, status, chemical work and days, searched by words; the same rows as a
/// CSV. Visits found by the search are listed beside it.
/// </summary>
[Authorize(Roles = Roles.Any)]
public sealed class ListModel(ScheduleQueries queries) : PageModel
{
    [FromRoute]
    public string Number { get; set; } = "";

    [FromQuery(Name = "site")]
    public string? Site { get; set; }

    [FromQuery(Name = "kind")]
    public string? Kind { get; set; }

    [FromQuery(Name = "status")]
    public string? Status { get; set; }

    [FromQuery(Name = "chemical")]
    public bool Chemical { get; set; }

    [FromQuery(Name = "from")]
    public string? From { get; set; }

    [FromQuery(Name = "to")]
    public string? To { get; set; }

    [FromQuery(Name = "q")]
    public string? Search { get; set; }

    public ScheduleContract Contract { get; private set; } = null!;

    public IReadOnlyList<ListRow> Rows { get; private set; } = [];

    public IReadOnlyList<VisitHit> Visits { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    /// <summary>The rows the list shows, as CSV; with a filter in error, the page and its errors instead.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        return ModelState.IsValid
            ? File(ScheduleRows.ListCsv(Rows), "text/csv; charset=utf-8", ScheduleRows.FileName("schedule", Number))
            : Page();
    }

    /// <summary>This list's address with the same filters, for another handler (the CSV).</summary>
    public string Link(string? handler = null) =>
        Url.Page("/Schedule/List", handler, new
        {
            number = Number, site = Site, kind = Kind, status = Status, chemical = Chemical ? "true" : null, from = From, to = To,
            q = Search,
        })!;

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await queries.ContractAsync(Number, User, ct) is not { } contract)
        {
            return false;
        }

        Contract = contract;
        From ??= LocalDatePattern.Iso.Format(contract.Term.Start);
        To ??= LocalDatePattern.Iso.Format(contract.Term.End);
        var (filter, errors) = ScheduleApi.ParseFilter(contract, From, To, Site, Kind, Chemical);
        foreach (var (key, messages) in errors)
        {
            ModelState.AddModelError(key, messages[0]);
        }

        WorkProgress? status = null;
        if (!string.IsNullOrEmpty(Status))
        {
            status = ScheduleProgress.All.Cast<WorkProgress?>()
                .FirstOrDefault(p => string.Equals(ScheduleProgress.Value(p!.Value), Status, StringComparison.OrdinalIgnoreCase));
            if (status is null)
            {
                ModelState.AddModelError("status", $"Use one of {string.Join(", ", ScheduleProgress.All.Select(ScheduleProgress.Value))}.");
            }
        }

        if (!ModelState.IsValid)
        {
            return true;
        }

        var occurrences = await queries.OccurrencesAsync(contract, filter! with { Search = Search }, ct);
        Rows = occurrences.Where(o => status is null || ScheduleProgress.Of(o) == status).Select(ScheduleRows.Row).ToList();
        Visits = await queries.SearchVisitsAsync(contract, Search, filter!.Range, ct);
        return true;
    }
}
