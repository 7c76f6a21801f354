using FieldContracts.Data.Identity;
using FieldContracts.Scheduling.Specification;
using FieldContracts.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using NodaTime.Text;

namespace FieldContracts.Web.Features.Schedule;

/// <summary>The contract's whole term on one page: each school, each month, each week, counted by kind of work.</summary>
[Authorize(Roles = Roles.Any)]
public sealed class TermModel(ScheduleQueries queries) : PageModel
{
    [FromRoute]
    public string Number { get; set; } = "";

    [FromQuery(Name = "site")]
    public string? Site { get; set; }

    public ScheduleContract Contract { get; private set; } = null!;

    public IReadOnlyList<TaskKind> Kinds { get; private set; } = [];

    public IReadOnlyList<TermSchool> Schools { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    /// <summary>Every week and kind with work in it, a row each, with the counts the page shows.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var rows = Schools.SelectMany(s =>
            s.Months.SelectMany(m => m.Weeks.SelectMany(w => Kinds.Where(k => w.Cells[k].Count > 0)
                    .Select(k => Row(s.Site.Name, ScheduleRows.Month(m.First), ScheduleRows.Week(w.Days), k, w.Cells[k]))))
                .Concat(Kinds.Where(k => s.Unplaced[k].Count > 0).Select(k => Row(s.Site.Name, "", "Not on a day yet", k, s.Unplaced[k]))));
        return File(ScheduleRows.TermCsv(rows), "text/csv; charset=utf-8", ScheduleRows.FileName("term", Number));

        static IReadOnlyList<string> Row(string school, string month, string week, TaskKind kind, TermCell cell) =>
        [
            school, month, week, Display.Kind(kind), Figure(cell.Count), Figure(cell.Done), Figure(cell.Late), Figure(cell.Missed),
            string.Join("; ", cell.Notices),
        ];

        static string Figure(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await queries.ContractAsync(Number, User, ct) is not { } contract)
        {
            return false;
        }

        Contract = contract;
        var term = contract.Term;
        var (filter, errors) = ScheduleApi.ParseFilter(contract, LocalDatePattern.Iso.Format(term.Start), LocalDatePattern.Iso.Format(term.End),
            Site, null, false);
        foreach (var (key, messages) in errors)
        {
            ModelState.AddModelError(key, messages[0]);
        }

        if (!ModelState.IsValid)
        {
            return true;
        }

        var occurrences = await queries.OccurrencesAsync(contract, filter!, ct);
        Kinds = ScheduleRows.KindsOf(occurrences);
        var months = ScheduleRows.Months(term);
        Schools = contract.Sites.Where(s => filter!.SiteId is null || s.Id == filter.SiteId)
            .Select(site =>
            {
                var mine = occurrences.Where(o => o.Site == site.Code).ToList();
                var byDay = mine.Where(o => o.PlannedDate is not null).ToLookup(o => o.PlannedDate!.Value);
                return new TermSchool(
                    site,
                    months.Select(first => new TermMonth(first, ScheduleRows.Weeks(first)
                        .Where(w => w.End >= term.Start && w.Start <= term.End)
                        .Select(w => new DateInterval(w.Start < term.Start ? term.Start : w.Start, w.End > term.End ? term.End : w.End))
                        .Select(w => new TermWeek(w, Cells(w.SelectMany(d => byDay[d]).ToList())))
                        .ToList())).ToList(),
                    Cells(mine.Where(o => o.PlannedDate is null).ToList()),
                    Cells(mine));
            })
            .ToList();
        return true;
    }

    private Dictionary<TaskKind, TermCell> Cells(IReadOnlyList<OccurrenceSummary> occurrences) =>
        Kinds.ToDictionary(k => k, k => TermCell.Of(occurrences.Where(o => o.Kind == k).ToList()));
}

/// <summary>One school's term: its months and weeks, the work not on a day yet, and the totals by kind.</summary>
public sealed record TermSchool(
    ScheduleSite Site, IReadOnlyList<TermMonth> Months, IReadOnlyDictionary<TaskKind, TermCell> Unplaced,
    IReadOnlyDictionary<TaskKind, TermCell> Totals);

public sealed record TermMonth(LocalDate First, IReadOnlyList<TermWeek> Weeks);

public sealed record TermWeek(DateInterval Days, IReadOnlyDictionary<TaskKind, TermCell> Cells);
