using FieldContracts.Data.Identity;
using FieldContracts.Scheduling.Specification;
using FieldContracts.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using NodaTime.Text;

namespace FieldContracts.Web.Features.Schedule;

/// <summary>The plan as a calendar grid: a month or a week, all schools or one, any work or one kind.</summary>
[Authorize(Roles = Roles.Any)]
public sealed class IndexModel(ScheduleQueries queries, ZonedClock clock) : PageModel
{
    [FromRoute]
    public string Number { get; set; } = "";

    [FromQuery(Name = "view")]
    public string? View { get; set; }

    [FromQuery(Name = "date")]
    public string? Date { get; set; }

    [FromQuery(Name = "site")]
    public string? Site { get; set; }

    [FromQuery(Name = "kind")]
    public string? Kind { get; set; }

    [FromQuery(Name = "chemical")]
    public bool Chemical { get; set; }

    public ScheduleContract Contract { get; private set; } = null!;

    public bool IsWeek => View == "week";

    public LocalDate Anchor { get; private set; }

    /// <summary>The days shown (the grid's whole weeks).</summary>
    public DateInterval Grid { get; private set; } = null!;

    /// <summary>The month or week asked for.</summary>
    public DateInterval Period { get; private set; } = null!;

    public ILookup<LocalDate, OccurrenceSummary> ByDay { get; private set; } = Enumerable.Empty<OccurrenceSummary>().ToLookup(o => default(LocalDate));

    public IReadOnlyList<OccurrenceSummary> Unscheduled { get; private set; } = [];

    public LocalDate Today { get; private set; }

    public static IReadOnlyList<TaskKind> Kinds { get; } = Enum.GetValues<TaskKind>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await queries.ContractAsync(Number, User, ct) is not { } contract)
        {
            return NotFound();
        }

        Contract = contract;
        Today = clock.GetCurrentDate();
        var parsed = string.IsNullOrEmpty(Date) ? null : LocalDatePattern.Iso.Parse(Date);
        if (parsed is { Success: false })
        {
            ModelState.AddModelError("date", "Give the date as yyyy-MM-dd.");
        }

        Anchor = parsed is { Success: true } ? parsed.Value : Clamp(Today, contract.Term);
        if (!contract.Term.Contains(Anchor))
        {
            // The plan has no days outside the term: the nearest month (or week) of the term is shown instead, and says so.
            var asked = Anchor;
            Anchor = Clamp(Anchor, contract.Term);
            OutsideTerm = $"{(IsWeek ? "The week of " + Display.Long(asked) : asked.ToString("MMMM yyyy", English))} is outside the contract's term " +
                          $"({Display.Short(contract.Term.Start)} – {Display.Short(contract.Term.End)}): showing " +
                          $"{(IsWeek ? "the week of " + Display.Long(Anchor) : Anchor.ToString("MMMM yyyy", English))}, the nearest in the term.";
        }

        if (IsWeek)
        {
            var monday = Anchor.PlusDays(1 - (int)Anchor.DayOfWeek);
            Period = new DateInterval(monday, monday.PlusDays(6));
            Grid = Period;
        }
        else
        {
            var first = new LocalDate(Anchor.Year, Anchor.Month, 1);
            Period = new DateInterval(first, first.PlusMonths(1).PlusDays(-1));
            var start = first.PlusDays(1 - (int)first.DayOfWeek);
            var end = Period.End.PlusDays(7 - (int)Period.End.DayOfWeek);
            Grid = new DateInterval(start, end);
        }

        var (filter, errors) = ScheduleApi.ParseFilter(contract, LocalDatePattern.Iso.Format(Grid.Start),
            LocalDatePattern.Iso.Format(Grid.End), Site, Kind, Chemical);
        foreach (var (key, messages) in errors)
        {
            ModelState.AddModelError(key, messages[0]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var occurrences = await queries.OccurrencesAsync(contract, filter!, ct);
        ByDay = occurrences.Where(o => o.PlannedDate is not null).ToLookup(o => o.PlannedDate!.Value);
        Unscheduled = occurrences.Where(o => o.PlannedDate is null).ToList();
        return Page();
    }

    public string Link(LocalDate date, string? view = null) =>
        Url.Page("/Schedule/Index", new
        {
            number = Number, view = view ?? View, date = LocalDatePattern.Iso.Format(date), site = Site, kind = Kind,
            chemical = Chemical ? "true" : null,
        })!;

    /// <summary>The period before, or null when this one starts the term.</summary>
    public LocalDate? Previous => Period.Start <= Contract.Term.Start ? null : IsWeek ? Anchor.PlusWeeks(-1) : Period.Start.PlusMonths(-1);

    /// <summary>The period after, or null when this one ends the term.</summary>
    public LocalDate? Next => Period.End >= Contract.Term.End ? null : IsWeek ? Anchor.PlusWeeks(1) : Period.Start.PlusMonths(1);

    /// <summary>Why the period shown is not the one asked for: it lay outside the term.</summary>
    public string? OutsideTerm { get; private set; }

    private static readonly System.Globalization.CultureInfo English = System.Globalization.CultureInfo.GetCultureInfo("en-US");

    private static LocalDate Clamp(LocalDate date, DateInterval term) =>
        date < term.Start ? term.Start : date > term.End ? term.End : date;
}
