using System.Globalization;
using FieldContracts.Data;
using FieldContracts.Data.Conversion;
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
/// The sport seasons of every area are one form, and the years' growth and dormancy another: each saves as one change.
/// </summary>
[Authorize(Roles = Roles.Any)]
public sealed class SeasonsModel(FieldContractsDbContext db, ScheduleQueries queries, SetSportSeasons setSportSeasons, SetYearFacts setYearFacts, SetEndOfFallSports setEndOfFallSports) : PageModel
{
    /// <summary>Sport seasons an area may have on this page.</summary>
    public const int SeasonsPerArea = 2;

    private static readonly LocalDatePattern Iso = LocalDatePattern.Iso;

    [FromRoute]
    public string Number { get; set; } = "";

    [BindProperty]
    public SeasonsInput Seasons { get; set; } = new();

    [BindProperty]
    public YearsInput Growth { get; set; } = new();

    public ScheduleContract Contract { get; private set; } = null!;

    public IReadOnlyList<AreaSeasons> Areas { get; private set; } = [];

    public IReadOnlyList<YearRow> Years { get; private set; } = [];

    public IReadOnlyList<FallSportsRow> FallSports { get; private set; } = [];

    /// <summary>What the last change did, carried over the redirect that follows it (Post/Redirect/Get).</summary>
    [TempData(Key = "Saved")]
    public string? Message { get; set; }

    /// <summary>Which form the errors belong to, so they show beside it.</summary>
    public string? FailedForm { get; private set; }

    /// <summary>Errors by the id of the field (or row of fields) they are shown next to.</summary>
    public Dictionary<string, List<string>> FieldErrors { get; } = new(StringComparer.Ordinal);

    /// <summary>The summary's lines: a field (or row) in error by its id, named as the form names it; or an error of no one field.</summary>
    public List<(string? Id, string? Label, string? Message)> Summary { get; } = [];

    public bool CanEdit => User.IsInRole(Roles.AthleticDirector);

    public string? Invalid(string id) => FieldErrors.ContainsKey(id) ? "true" : null;

    public string? DescribedBy(string id) => FieldErrors.ContainsKey(id) ? "error-" + id : null;

    /// <summary>The id of a season's row on the form: its fields and its error.</summary>
    public static string SeasonId(Guid areaId, int season) => $"s-{areaId:N}-{season}";

    public static string YearId(int year, string field) => $"y-{year}-{field}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Seasons = SeasonsInput.From(Areas);
        Growth = YearsInput.From(Years);
        return Page();
    }

    public async Task<IActionResult> OnPostSeasonsAsync(CancellationToken ct)
    {
        var areas = new List<(Guid, IReadOnlyList<SportSeasonDocument>)>();
        foreach (var area in Seasons.Areas)
        {
            var seasons = new List<SportSeasonDocument>();
            for (var n = 0; n < area.Seasons.Count; n++)
            {
                var s = area.Seasons[n];
                if (string.IsNullOrWhiteSpace(s.Sport) && s.FromMonth is null && s.FromDay is null && s.ToMonth is null && s.ToDay is null)
                {
                    continue;
                }

                var from = Annual(s.FromMonth, s.FromDay);
                var to = Annual(s.ToMonth, s.ToDay);
                if (from is null || to is null)
                {
                    AddError(SeasonId(area.AreaId, n), null, "Give the season's first and last day: a month and a day of it.");
                }

                // The service counts the seasons sent; the form's rows are kept apart in the error keys by area and row.
                seasons.Add(new SportSeasonDocument(s.Sport, from, to));
            }

            areas.Add((area.AreaId, seasons));
        }

        return await ChangeAsync("seasons", ct, contract =>
            setSportSeasons.HandleAsync(contract.Id, areas, Seasons.Reason, ScheduleApi.Who(User), ct), SeasonsField);
    }

    public Task<IActionResult> OnPostYearAsync(CancellationToken ct)
    {
        var years = Growth.Years.Select(y => new YearFactsDocument(y.Year,
            ParseDate(y.GrowthStart, YearId(y.Year, "growth")), ParseDate(y.Dormancy, YearId(y.Year, "dormancy")))).ToList();
        return ChangeAsync("years", ct, contract =>
            setYearFacts.HandleAsync(contract.Id, years, Growth.Reason, ScheduleApi.Who(User), ct), YearsField);
    }

    public Task<IActionResult> OnPostFallSportsAsync(string code, int year, string? endOfFallSports, string? reason, CancellationToken ct)
    {
        var end = ParseDate(endOfFallSports, "endOfFallSports");
        return ChangeAsync($"fall-{code}-{year}", ct, contract =>
            setEndOfFallSports.HandleAsync(contract.Id, contract.Site(code)?.Id ?? Guid.Empty, year, end, reason,
                ScheduleApi.Who(User), ct), path => ((string?)null, path == "reason" ? "Why" : "Last day of fall sports"));
    }

    private async Task<IActionResult> ChangeAsync(string form, CancellationToken ct,
        Func<ScheduleContract, Task<(PlanEditResult? Result, PlanEditError? Error)>> change, Func<string, (string? Id, string? Label)> field)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        if (await queries.ContractAsync(Number, User, ct) is not { } contract)
        {
            return NotFound();
        }

        if (Summary.Count == 0)
        {
            var (result, error) = await change(contract);
            switch (error)
            {
                case null:
                    Message = $"Saved: {result!.Change.Description}. {result.OccurrenceChanges.Count} planned occurrence(s) changed.";
                    return Redirect($"/contracts/{Uri.EscapeDataString(Number)}/seasons");
                case PlanEditError.Invalid invalid:
                    foreach (var (key, messages) in invalid.Errors)
                    {
                        var (id, label) = field(key);
                        AddError(id, label, messages[0]);
                    }

                    break;
                case PlanEditError.ChangedMeanwhile:
                    AddError(null, null, PlanEditError.ChangedMeanwhile.Message);
                    break;
                case PlanEditError.NothingToChange nothing:
                    AddError(null, null, "Nothing to change: " + nothing.Detail);
                    break;
                default:
                    return NotFound();
            }
        }

        FailedForm = form;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private void AddError(string? id, string? label, string message)
    {
        if (id is null)
        {
            Summary.Add((null, label, message));
            return;
        }

        if (!FieldErrors.TryGetValue(id, out var messages))
        {
            FieldErrors[id] = messages = [];
            Summary.Add((id, label, null));
        }

        messages.Add(message);
    }

    /// <summary>Where the summary's link for a field or row in error goes: a season's row to its sport.</summary>
    public static string Anchor(string id) => id.StartsWith("s-", StringComparison.Ordinal) ? id + "-sport" : id;

    /// <summary>A field's or row's name in the summary, as the form shows it.</summary>
    public string Label(string id)
    {
        if (id == "seasons-reason" || id == "years-reason")
        {
            return "Why";
        }

        if (id.StartsWith("y-", StringComparison.Ordinal))
        {
            var parts = id.Split('-');
            return parts[2] == "growth" ? $"Grass began growing in {parts[1]}" : $"Grass went dormant in {parts[1]}";
        }

        foreach (var area in Seasons.Areas)
        {
            for (var n = 0; n < SeasonsPerArea; n++)
            {
                if (SeasonId(area.AreaId, n) == id)
                {
                    return $"{area.Name} ({area.Site}), {(n == 0 ? "first" : "second")} sport";
                }
            }
        }

        return "Sport seasons";
    }

    /// <summary>Where an error of the sport seasons' service belongs: <c>{areaId}.seasons[i]…</c> is a row of an area, counted among the rows sent.</summary>
    private (string? Id, string? Label) SeasonsField(string path)
    {
        if (path == "reason")
        {
            return ("seasons-reason", "Why");
        }

        var dot = path.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0 && Guid.TryParse(path[..dot], out var areaId) && Seasons.Areas.FirstOrDefault(a => a.AreaId == areaId) is { } area
            && path.IndexOf('[', StringComparison.Ordinal) is var open and > 0
            && int.TryParse(path[(open + 1)..path.IndexOf(']', StringComparison.Ordinal)], CultureInfo.InvariantCulture, out var sent))
        {
            var rows = Enumerable.Range(0, area.Seasons.Count).Where(n => !area.Seasons[n].IsEmpty).ToList();
            if (sent < rows.Count)
            {
                return (SeasonId(areaId, rows[sent]), null);
            }
        }

        return (null, "Sport seasons");
    }

    private (string? Id, string? Label) YearsField(string path)
    {
        if (path == "reason")
        {
            return ("years-reason", "Why");
        }

        var parts = path.Split('.');
        if (parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var year))
        {
            return (YearId(year, parts[1] == "growthStart" ? "growth" : "dormancy"), null);
        }

        return (null, "Growth and dormancy");
    }

    private static AnnualDate? Annual(int? month, int? day) =>
        month is { } m && day is { } d && AnnualDateText.TryParse(string.Create(CultureInfo.InvariantCulture, $"{m:00}-{d:00}"), out var date)
            ? date
            : null;

    private LocalDate? ParseDate(string? text, string id)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parsed = Iso.Parse(text);
        if (!parsed.Success)
        {
            AddError(id, null, "Give the day as yyyy-MM-dd.");
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

        // A refused post shows what was typed; the names of the areas come from the contract, never from the post.
        var posted = Seasons.Areas.ToDictionary(a => a.AreaId);
        Seasons.Areas = Areas.Select(a => posted.TryGetValue(a.Id, out var typed)
            ? typed.Named(a)
            : SeasonsInput.From([a]).Areas[0]).ToList();
        var typedYears = Growth.Years.ToDictionary(y => y.Year);
        Growth.Years = Years.Select(y => typedYears.TryGetValue(y.Year, out var typed) ? typed : YearsInput.From([y]).Years[0]).ToList();
        return true;
    }

    public sealed record AreaSeasons(Guid Id, string Site, string Name, FieldContracts.Scheduling.Contracts.AreaKind Kind,
        IReadOnlyList<FieldContracts.Scheduling.Contracts.SportSeason> Seasons);

    public sealed record YearRow(int Year, LocalDate? GrowthStart, LocalDate? Dormancy);

    public sealed record FallSportsRow(string Code, string School, int Year, LocalDate? EndOfFallSports);

    /// <summary>Every area's sport seasons, as one form, and why they change.</summary>
    public sealed class SeasonsInput
    {
        public List<AreaInput> Areas { get; set; } = [];

        public string? Reason { get; set; }

        public static SeasonsInput From(IEnumerable<AreaSeasons> areas) => new()
        {
            Areas = areas.Select(a => AreaInput.Create(a.Id, a.Name, a.Site,
                Enumerable.Range(0, SeasonsPerArea).Select(n => a.Seasons.ElementAtOrDefault(n) is { } s
                    ? new SeasonInput { Sport = s.Sport, FromMonth = s.From.Month, FromDay = s.From.Day, ToMonth = s.To.Month, ToDay = s.To.Day }
                    : new SeasonInput()).ToList())).ToList(),
        };
    }

    public sealed class AreaInput
    {
        public Guid AreaId { get; set; }

        public List<SeasonInput> Seasons { get; set; } = [];

        /// <summary>The area's name and school, from the contract (not posted).</summary>
        public string Name { get; private set; } = "";

        public string Site { get; private set; } = "";

        public AreaInput Named(AreaSeasons area)
        {
            Name = area.Name;
            Site = area.Site;
            while (Seasons.Count < SeasonsPerArea)
            {
                Seasons.Add(new SeasonInput());
            }

            return this;
        }

        public static AreaInput Create(Guid id, string name, string site, List<SeasonInput> seasons) =>
            new() { AreaId = id, Name = name, Site = site, Seasons = seasons };
    }

    /// <summary>A sport season: the sport, and its first and last day of every year as month and day.</summary>
    public sealed class SeasonInput
    {
        public string? Sport { get; set; }

        public int? FromMonth { get; set; }

        public int? FromDay { get; set; }

        public int? ToMonth { get; set; }

        public int? ToDay { get; set; }

        public bool IsEmpty => string.IsNullOrWhiteSpace(Sport) && FromMonth is null && FromDay is null && ToMonth is null && ToDay is null;
    }

    /// <summary>Each year's growth start and dormancy, as one form, and why they change.</summary>
    public sealed class YearsInput
    {
        public List<YearInput> Years { get; set; } = [];

        public string? Reason { get; set; }

        public static YearsInput From(IEnumerable<YearRow> years) => new()
        {
            Years = years.Select(y => new YearInput
            {
                Year = y.Year,
                GrowthStart = y.GrowthStart?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Dormancy = y.Dormancy?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            }).ToList(),
        };
    }

    public sealed class YearInput
    {
        public int Year { get; set; }

        public string? GrowthStart { get; set; }

        public string? Dormancy { get; set; }
    }
}
