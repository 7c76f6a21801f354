using FieldContracts.Data;
using FieldContracts.Data.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;

namespace FieldContracts.Web.Features.Schedule;

/// <summary>
/// The facts the Athletic Director keeps: each area's sport seasons (in or off season for mowing
/// heights), when grass started growing and went dormant each year, and when fall sports ended at
/// each school (which starts the slit-seeding of item 4d). Each change re-plans and is recorded.
/// </summary>
[Authorize(Roles = Roles.Any)]
public sealed class SeasonsModel(FieldContractsDbContext db, ScheduleQueries queries, SetSportSeasons setSportSeasons, SetYearFacts setYearFacts, SetEndOfFallSports setEndOfFallSports) : PageModel
{
    private static readonly LocalDatePattern Iso = LocalDatePattern.Iso;

    [FromRoute]
    public string Number { get; set; } = "";

    public ScheduleContract Contract { get; private set; } = null!;

    public IReadOnlyList<AreaSeasons> Areas { get; private set; } = [];

    public IReadOnlyList<YearRow> Years { get; private set; } = [];

    public IReadOnlyList<FallSportsRow> FallSports { get; private set; } = [];

    public string? Message { get; private set; }

    /// <summary>Which form the errors belong to, so they show beside it.</summary>
    public string? FailedForm { get; private set; }

    public bool CanEdit => User.IsInRole(Roles.AthleticDirector);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSeasonsAsync(Guid areaId, string? sport1, string? from1, string? to1,
        string? sport2, string? from2, string? to2, string? reason, CancellationToken ct)
    {
        var seasons = new List<SportSeasonDocument>();
        foreach (var (sport, from, to, n) in new[] { (sport1, from1, to1, 1), (sport2, from2, to2, 2) })
        {
            if (string.IsNullOrWhiteSpace(sport) && string.IsNullOrWhiteSpace(from) && string.IsNullOrWhiteSpace(to))
            {
                continue;
            }

            var f = FieldContracts.Data.Conversion.AnnualDateText.TryParse(from, out var fromDate) ? fromDate : (AnnualDate?)null;
            var t = FieldContracts.Data.Conversion.AnnualDateText.TryParse(to, out var toDate) ? toDate : (AnnualDate?)null;
            if (f is null || t is null)
            {
                ModelState.AddModelError($"season{n}", $"Season {n}: give the first and last day as MM-dd, e.g. 03-15.");
            }

            seasons.Add(new SportSeasonDocument(sport, f, t));
        }

        return await ChangeAsync($"area-{areaId}", ct, contract =>
            setSportSeasons.HandleAsync(contract.Id, areaId, seasons, reason, ScheduleApi.Who(User), ct));
    }

    public Task<IActionResult> OnPostYearAsync(int year, string? growthStart, string? dormancy, string? reason, CancellationToken ct)
    {
        var growth = ParseDate(growthStart, "growthStart");
        var dormant = ParseDate(dormancy, "dormancy");
        return ChangeAsync($"year-{year}", ct, contract =>
            setYearFacts.HandleAsync(contract.Id, year, growth, dormant, reason, ScheduleApi.Who(User), ct));
    }

    public Task<IActionResult> OnPostFallSportsAsync(string code, int year, string? endOfFallSports, string? reason, CancellationToken ct)
    {
        var end = ParseDate(endOfFallSports, "endOfFallSports");
        return ChangeAsync($"fall-{code}-{year}", ct, contract =>
            setEndOfFallSports.HandleAsync(contract.Id, contract.Site(code)?.Id ?? Guid.Empty, year, end, reason,
                ScheduleApi.Who(User), ct));
    }

    private async Task<IActionResult> ChangeAsync(string form, CancellationToken ct,
        Func<ScheduleContract, Task<(PlanEditResult? Result, PlanEditError? Error)>> change)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        if (await queries.ContractAsync(Number, User, ct) is not { } contract)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var (result, error) = await change(contract);
            switch (error)
            {
                case null:
                    Message = $"Saved: {result!.Change.Description}. {result.OccurrenceChanges.Count} planned occurrence(s) changed.";
                    break;
                case PlanEditError.Invalid invalid:
                    foreach (var (key, messages) in invalid.Errors)
                    {
                        ModelState.AddModelError(key, messages[0]);
                    }

                    break;
                case PlanEditError.ChangedMeanwhile:
                    ModelState.AddModelError(string.Empty, PlanEditError.ChangedMeanwhile.Message);
                    break;
                case PlanEditError.NothingToChange nothing:
                    ModelState.AddModelError(string.Empty, "Nothing to change: " + nothing.Detail);
                    break;
                default:
                    return NotFound();
            }
        }

        if (!ModelState.IsValid)
        {
            FailedForm = form;
        }

        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private LocalDate? ParseDate(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parsed = Iso.Parse(text);
        if (!parsed.Success)
        {
            ModelState.AddModelError(field, "Give the day as yyyy-MM-dd.");
            return null;
        }

        return parsed.Value;
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await queries.ContractAsync(Number, User, ct) is not { } contract)
        {
            return false;
        }

        Contract = contract;
        var siteIds = contract.Sites.Select(s => s.Id).ToList();
        var areas = await db.Areas.AsNoTracking().Where(a => siteIds.Contains(a.SiteId)).ToListAsync(ct);
        Areas = contract.Sites.SelectMany(s => areas.Where(a => a.SiteId == s.Id).OrderBy(a => a.Kind).ThenBy(a => a.Name)
            .Select(a => new AreaSeasons(a.Id, s.Code, a.Name, a.Kind, a.Seasons.ToList()))).ToList();
        var yearFacts = await db.ContractYearFacts.AsNoTracking().Where(f => f.ContractId == contract.Id).ToListAsync(ct);
        var siteFacts = await db.SiteYearFacts.AsNoTracking().Where(f => siteIds.Contains(f.SiteId)).ToListAsync(ct);
        var years = Enumerable.Range(contract.Term.Start.Year, contract.Term.End.Year - contract.Term.Start.Year + 1).ToList();
        Years = years.Select(y => yearFacts.SingleOrDefault(f => f.Year == y) is { } f
            ? new YearRow(y, f.GrowthStart, f.Dormancy)
            : new YearRow(y, null, null)).ToList();
        FallSports = contract.Sites.SelectMany(s => years.Select(y => new FallSportsRow(s.Code, s.Name, y,
            siteFacts.SingleOrDefault(f => f.SiteId == s.Id && f.Year == y)?.EndOfFallSports))).ToList();
        return true;
    }

    public sealed record AreaSeasons(Guid Id, string Site, string Name, FieldContracts.Scheduling.Contracts.AreaKind Kind,
        IReadOnlyList<FieldContracts.Scheduling.Contracts.SportSeason> Seasons);

    public sealed record YearRow(int Year, LocalDate? GrowthStart, LocalDate? Dormancy);

    public sealed record FallSportsRow(string Code, string School, int Year, LocalDate? EndOfFallSports);
}
