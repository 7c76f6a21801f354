using System.Globalization;
using System.Text;
using FieldContracts.Scheduling.Contracts;
using FieldContracts.Scheduling.Planning;
using FieldContracts.Scheduling.Specification;
using FieldContracts.Scheduling.Testing;

namespace FieldContracts.Scheduling.Tests.Planning;

/// <summary>
/// Bid #2685 as a test fixture: the contract of its data file (<see cref="Contract2685"/>) and specification
/// (<see cref="Specification2685"/>), sample school calendars with practices and games, and the input the planner takes.
/// Identifiers are fixed so plans can be compared across runs.
/// </summary>
internal static class Hartford2685
{
    public static readonly Guid ContractId = new("2685a000-0000-4000-8000-000000002685");
    public static readonly Guid HartfordPublicId = new("2685a000-0000-4000-8000-000000000001");
    public static readonly Guid WeaverId = new("2685a000-0000-4000-8000-000000000002");
    public static readonly Guid BulkeleyId = new("2685a000-0000-4000-8000-000000000003");

    // Special instruction 5: "commencing on or about May 15, 2003 and ending on December 31, 2004."
    public static readonly DateInterval Term = Contract2685.Term;

    public static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    /// <summary>The sport seasons the data file gives baseball and football; the sample school calendars follow them.</summary>
    public static readonly SportSeason Baseball = Contract2685.Season("Baseball");

    public static readonly SportSeason Football = Contract2685.Season("Football");

    public static readonly SchoolDayHours SchoolHours = new(new LocalTime(7, 30), new LocalTime(14, 30));

    /// <summary>Hartford Public Schools' sessions over the term (samples, as the district would set them).</summary>
    public static readonly DateInterval[] Sessions =
    [
        new(new LocalDate(2002, 9, 3), new LocalDate(2003, 6, 18)),
        new(new LocalDate(2003, 9, 3), new LocalDate(2004, 6, 17)),
        new(new LocalDate(2004, 9, 1), new LocalDate(2005, 6, 16)),
    ];

    private static readonly Guid[] SiteIds = [HartfordPublicId, WeaverId, BulkeleyId];

    public static Guid AreaId(Guid siteId, int number) =>
        new($"2685b{siteId.ToString()[^1]}00-0000-4000-8000-{number.ToString("D12", CultureInfo.InvariantCulture)}");

    /// <summary>
    /// The contract as its data file sets it up (general requirements I–III: Hartford Public, Weaver and Bulkeley
    /// High Schools with their areas and sport seasons), under fixed identifiers: schools by their place in the file,
    /// areas by theirs.
    /// </summary>
    public static Contract Contract(int mowingCadenceDays = 7) =>
        Contract2685.Build(ContractId, "2685", Guid.Empty, site => SiteIds[site - 1], (site, area) => AreaId(SiteIds[site - 1], area),
            mowingCadenceDays);

    /// <summary>
    /// A school calendar: school 7:30–2:30 on weekdays in session, practice 3:00–5:30 on weekdays of
    /// the spring and fall seasons, Saturday games 10:00–1:00 in the fall, and Weaver's summer camp
    /// mornings in July.
    /// </summary>
    public static SchoolCalendar CalendarOf(Guid siteId)
    {
        var activities = new List<ScheduledActivity>();
        for (var year = 2003; year <= 2004; year++)
        {
            foreach (var season in new[] { Baseball, Football })
            {
                for (var day = season.From.InYear(year); day <= season.To.InYear(year); day = day.PlusDays(1))
                {
                    if (day.DayOfWeek <= IsoDayOfWeek.Friday)
                    {
                        activities.Add(new ScheduledActivity($"{season.Sport} practice", day.At(new LocalTime(15, 0)),
                            day.At(new LocalTime(17, 30))));
                    }
                    else if (day.DayOfWeek == IsoDayOfWeek.Saturday && season == Football)
                    {
                        activities.Add(new ScheduledActivity("Football game", day.At(new LocalTime(10, 0)),
                            day.At(new LocalTime(13, 0))));
                    }
                }
            }

            if (siteId == WeaverId)
            {
                for (var day = new LocalDate(year, 7, 7); day <= new LocalDate(year, 7, 31); day = day.PlusDays(1))
                {
                    activities.Add(new ScheduledActivity("Summer sports camp", day.At(new LocalTime(5, 30)),
                        day.At(new LocalTime(12, 0))));
                }
            }
        }

        LocalDate[] closures = [new(2003, 11, 27), new(2003, 11, 28), new(2004, 11, 25), new(2004, 11, 26)];
        return SchoolCalendar.Weekdays(SchoolHours, Sessions, closures, activities);
    }

    public static IReadOnlyDictionary<Guid, SiteFacts> SiteFacts(
        IReadOnlyDictionary<(Guid Site, int Year), LocalDate>? endOfFallSports = null)
    {
        var facts = new Dictionary<Guid, SiteFacts>();
        foreach (var siteId in new[] { HartfordPublicId, WeaverId, BulkeleyId })
        {
            var ends = new Dictionary<int, LocalDate>();
            if (endOfFallSports is not null)
            {
                foreach (var ((site, year), day) in endOfFallSports)
                {
                    if (site == siteId)
                    {
                        ends[year] = day;
                    }
                }
            }

            facts[siteId] = new SiteFacts(CalendarOf(siteId), ends);
        }

        return facts;
    }

    public static PlanInput Input(PlanFacts? facts = null,
        IReadOnlyDictionary<(Guid Site, int Year), LocalDate>? endOfFallSports = null, Contract? contract = null) =>
        PlanInput.FromContract(contract ?? Contract(), Specification2685.Specification, NewYork, SiteFacts(endOfFallSports), facts);

    public static IEnumerable<Occurrence> Of(this SeasonalPlan plan, string taskKey) =>
        plan.Occurrences.Where(o => o.TaskKey == taskKey);

    public static Occurrence Single(this SeasonalPlan plan, string taskKey, Guid siteId, int year) =>
        plan.Occurrences.Single(o => o.TaskKey == taskKey && o.SiteId == siteId && o.Year == year);

    /// <summary>Every value of a plan written out, so two plans can be compared byte for byte.</summary>
    public static string Canonical(SeasonalPlan plan)
    {
        var text = new StringBuilder();
        foreach (var o in plan.Occurrences)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{o.Id}|{o.TaskKey}|{o.ItemReference}|{o.SeasonKey}|{o.Kind}|{o.Year}|{o.Sequence}|{o.SiteId}|");
            text.Append(string.Join(',', o.AreaIds)).Append('|');
            text.Append(CultureInfo.InvariantCulture, $"{o.Window.Start:uuuu-MM-dd}..{o.Window.End:uuuu-MM-dd}|{o.PlannedDate}|{o.Status}|");
            text.Append(string.Join(',', o.CuttingHeights.Select(h => $"{h.AreaId}:{h.Height}:{h.InSeason}"))).Append('|');
            text.Append(string.Join(',', o.Materials.Select(m => m.ToString()))).Append('|');
            if (o.Application is { } a)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"{a.StartsAt}|{a.Notice.DueBy}|{a.Notice.Recipients}|{string.Join(',', a.Notice.Content.Areas)}|{string.Join(',', a.Notice.Content.ActiveIngredients)}|{a.EmergencyReason}");
            }

            text.Append(CultureInfo.InvariantCulture, $"|{o.Deliverable}|{o.LoggedOn}").Append('\n');
        }

        return text.ToString();
    }
}
