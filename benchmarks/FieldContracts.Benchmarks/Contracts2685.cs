using FieldContracts.Data.Planning;
using FieldContracts.Scheduling.Contracts;
using FieldContracts.Scheduling.Planning;
using FieldContracts.Scheduling.Specification;
using FieldContracts.Scheduling.Testing;
using NodaTime;
using NodaTime.Text;

namespace FieldContracts.Benchmarks;

/// <summary>Contracts of #2685 as its data file sets them up: three schools, 24 areas, two years, school calendars.</summary>
internal static class Contracts2685
{
    private static readonly SportSeason Baseball = Contract2685.Season("Baseball");
    private static readonly SportSeason Football = Contract2685.Season("Football");

    public static readonly SchoolCalendar Calendar = BuildCalendar();

    public static PlanInput Input(int number, SportSeason? baseballOverride = null)
    {
        var contract = Contract(number, Guid.Empty);
        if (baseballOverride is not null)
        {
            foreach (var infield in contract.Sites.SelectMany(s => s.Areas).Where(a => a.Kind == AreaKind.BaseballInfield))
            {
                infield.SetSeasons([baseballOverride]);
            }
        }

        return PlanInput.FromContract(contract, Specification2685.Specification, DateTimeZoneProviders.Tzdb["America/New_York"],
            contract.Sites.ToDictionary(s => s.Id, _ => new SiteFacts(Calendar, new Dictionary<int, LocalDate>())), PlanFacts.None);
    }

    /// <summary>
    /// The same contract as <see cref="Input"/> as it is stored: #2685 as its data file sets it up (term, settings,
    /// schools, areas and sport seasons), under a number and identifiers of its own.
    /// </summary>
    public static Contract Contract(int number, Guid contractorId) =>
        Contract2685.Build(Id(number, 0, 0), $"2685-{number:D4}", contractorId, site => Id(number, site, 0), (site, area) => Id(number, site, area));

    /// <summary>The specification of <see cref="Contract"/> as the contract specifications table stores it.</summary>
    public static string SpecificationJson() => FieldContracts.Scheduling.Specification.SpecificationJson.Write(Specification2685.Specification);

    /// <summary><see cref="Calendar"/> as the school calendars table stores it.</summary>
    public static string CalendarJson() => new SchoolCalendarDocument(
        Calendar.Hours.ToDictionary(h => h.Key.ToString(),
            h => new HoursDocument(SchoolCalendarDocument.FormatTime(h.Value.Opens), SchoolCalendarDocument.FormatTime(h.Value.Closes))),
        Calendar.Sessions.Select(s => new SessionDocument(LocalDatePattern.Iso.Format(s.Start), LocalDatePattern.Iso.Format(s.End))).ToList(),
        Calendar.Closures.Select(LocalDatePattern.Iso.Format).ToList(),
        Calendar.Activities.Select(a => new ActivityDocument(a.Name, SchoolCalendarDocument.FormatDateTime(a.Start),
            SchoolCalendarDocument.FormatDateTime(a.End))).ToList()).ToJson();

    private static Guid Id(int contract, int site, int area) => new(contract, (short)site, (short)area, 0, 0, 0, 0, 0, 0, 0, 1);

    private static SchoolCalendar BuildCalendar()
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
                        activities.Add(new ScheduledActivity("Practice", day.At(new LocalTime(15, 0)), day.At(new LocalTime(17, 30))));
                    }
                    else if (day.DayOfWeek == IsoDayOfWeek.Saturday)
                    {
                        activities.Add(new ScheduledActivity("Game", day.At(new LocalTime(10, 0)), day.At(new LocalTime(13, 0))));
                    }
                }
            }
        }

        DateInterval[] sessions =
        [
            new(new LocalDate(2002, 9, 3), new LocalDate(2003, 6, 18)),
            new(new LocalDate(2003, 9, 3), new LocalDate(2004, 6, 17)),
            new(new LocalDate(2004, 9, 1), new LocalDate(2005, 6, 16)),
        ];
        return SchoolCalendar.Weekdays(new SchoolDayHours(new LocalTime(7, 30), new LocalTime(14, 30)), sessions, [], activities);
    }
}
