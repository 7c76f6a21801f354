using System.Globalization;
using System.Text;
using FieldContracts.Scheduling.Contracts;
using FieldContracts.Scheduling.Planning;
using FieldContracts.Scheduling.Specification;

namespace FieldContracts.Scheduling.Tests.Planning;

/// <summary>
/// Bid #2685 as a test fixture: the three high schools with the areas of general requirements
/// I–III, sport seasons, school calendars with practices and games, and the input the planner takes.
/// Identifiers are fixed so plans can be compared across runs.
/// </summary>
internal static class Hartford2685
{
    public static readonly Guid ContractId = new("2685a000-0000-4000-8000-000000002685");
    public static readonly Guid HartfordPublicId = new("2685a000-0000-4000-8000-000000000001");
    public static readonly Guid WeaverId = new("2685a000-0000-4000-8000-000000000002");
    public static readonly Guid BulkeleyId = new("2685a000-0000-4000-8000-000000000003");

    // Special instruction 5: "commencing on or about May 15, 2003 and ending on December 31, 2004."
    public static readonly DateInterval Term = new(new LocalDate(2003, 5, 15), new LocalDate(2004, 12, 31));

    public static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    public static readonly SportSeason Baseball = new("Baseball", new AnnualDate(3, 15), new AnnualDate(6, 15));
    public static readonly SportSeason Softball = new("Softball", new AnnualDate(3, 15), new AnnualDate(6, 15));
    public static readonly SportSeason Football = new("Football", new AnnualDate(8, 20), new AnnualDate(11, 30));
    public static readonly SportSeason Soccer = new("Soccer", new AnnualDate(8, 25), new AnnualDate(11, 15));
    public static readonly SportSeason TrackAndField = new("Track and field", new AnnualDate(3, 15), new AnnualDate(6, 10));

    public static readonly SchoolDayHours SchoolHours = new(new LocalTime(7, 30), new LocalTime(14, 30));

    /// <summary>Hartford Public Schools' sessions over the term (samples, as the district would set them).</summary>
    public static readonly DateInterval[] Sessions =
    [
        new(new LocalDate(2002, 9, 3), new LocalDate(2003, 6, 18)),
        new(new LocalDate(2003, 9, 3), new LocalDate(2004, 6, 17)),
        new(new LocalDate(2004, 9, 1), new LocalDate(2005, 6, 16)),
    ];

    public static Guid AreaId(Guid siteId, int number) =>
        new($"2685b{siteId.ToString()[^1]}00-0000-4000-8000-{number.ToString("D12", CultureInfo.InvariantCulture)}");

    public static Contract Contract(int mowingCadenceDays = 7)
    {
        var contract = new Contract(ContractId, "2685", "Athletic fields; maintenance of", Guid.Empty, Term,
            new LocalDate(2003, 4, 15),
            new ContractSettings(SubcontractingPolicy.NotPermitted, ContractSettings.DefaultChemicalNoticeLeadTime,
                mowingCadenceDays));

        // I. Hartford Public High School, 55 Forest Street.
        var hphs = contract.AddSite(HartfordPublicId, "HPHS", "Hartford Public High School",
            new PostalAddress("55 Forest Street", "Hartford", "CT", "06105"), new GeoPoint(41.7660m, -72.6990m));
        hphs.AddArea(AreaId(HartfordPublicId, 1), "Soccer/football field", AreaKind.PlayingField, [Football, Soccer]);
        hphs.AddArea(AreaId(HartfordPublicId, 2), "Track", AreaKind.Track, [TrackAndField]);
        hphs.AddArea(AreaId(HartfordPublicId, 3), "Slopes along the spectator bleacher", AreaKind.NonPlayingArea, []);
        hphs.AddArea(AreaId(HartfordPublicId, 4), "Baseball infield", AreaKind.BaseballInfield, [Baseball]);
        hphs.AddArea(AreaId(HartfordPublicId, 5), "Baseball outfield", AreaKind.PlayingField, [Baseball]);
        hphs.AddArea(AreaId(HartfordPublicId, 6), "Practice field", AreaKind.PlayingField, [Football, Soccer]);
        hphs.AddArea(AreaId(HartfordPublicId, 7), "Shot put and discus", AreaKind.ShotPutDiscus, [TrackAndField]);

        // II. Weaver High School, 415 Granby Street.
        var weaver = contract.AddSite(WeaverId, "WHS", "Weaver High School",
            new PostalAddress("415 Granby Street", "Hartford", "CT", "06112"), new GeoPoint(41.7930m, -72.6890m));
        weaver.AddArea(AreaId(WeaverId, 1), "Football field", AreaKind.PlayingField, [Football]);
        weaver.AddArea(AreaId(WeaverId, 2), "Track", AreaKind.Track, [TrackAndField]);
        weaver.AddArea(AreaId(WeaverId, 3), "Bleachers and press box surrounds", AreaKind.NonPlayingArea, []);
        weaver.AddArea(AreaId(WeaverId, 4), "Football practice field", AreaKind.PlayingField, [Football]);
        weaver.AddArea(AreaId(WeaverId, 5), "Baseball infield", AreaKind.BaseballInfield, [Baseball]);
        weaver.AddArea(AreaId(WeaverId, 6), "Baseball outfield", AreaKind.PlayingField, [Baseball]);
        weaver.AddArea(AreaId(WeaverId, 7), "Lower softball infield", AreaKind.SkinnedInfield, [Softball]);
        weaver.AddArea(AreaId(WeaverId, 8), "Lower softball outfield", AreaKind.PlayingField, [Softball]);
        weaver.AddArea(AreaId(WeaverId, 9), "Lower soccer field", AreaKind.PlayingField, [Soccer]);
        weaver.AddArea(AreaId(WeaverId, 10), "Tennis courts surrounds", AreaKind.TennisSurrounds, []);

        // III. Bulkeley High School, 300 Wethersfield Avenue.
        var bulkeley = contract.AddSite(BulkeleyId, "BHS", "Bulkeley High School",
            new PostalAddress("300 Wethersfield Avenue", "Hartford", "CT", "06114"), new GeoPoint(41.7480m, -72.6780m));
        bulkeley.AddArea(AreaId(BulkeleyId, 1), "Soccer/football field", AreaKind.PlayingField, [Football, Soccer]);
        bulkeley.AddArea(AreaId(BulkeleyId, 2), "Practice fields", AreaKind.PlayingField, [Football, Soccer]);
        bulkeley.AddArea(AreaId(BulkeleyId, 3), "Shot put and discus", AreaKind.ShotPutDiscus, [TrackAndField]);
        bulkeley.AddArea(AreaId(BulkeleyId, 4), "Softball infield", AreaKind.SkinnedInfield, [Softball]);
        bulkeley.AddArea(AreaId(BulkeleyId, 5), "Softball outfield", AreaKind.PlayingField, [Softball]);
        bulkeley.AddArea(AreaId(BulkeleyId, 6), "Tennis courts surrounds", AreaKind.TennisSurrounds, []);
        return contract;
    }

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
