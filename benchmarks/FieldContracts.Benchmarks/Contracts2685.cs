using FieldContracts.Data.Planning;
using FieldContracts.Scheduling.Contracts;
using FieldContracts.Scheduling.Planning;
using FieldContracts.Scheduling.Specification;
using NodaTime;
using NodaTime.Text;

namespace FieldContracts.Benchmarks;

/// <summary>Contracts the size of #2685: three schools, 23 areas, two years, school calendars.</summary>
internal static class Contracts2685
{
    private static readonly DateInterval Term = new(new LocalDate(2003, 5, 15), new LocalDate(2004, 12, 31));
    private static readonly SportSeason Baseball = new("Baseball", new AnnualDate(3, 15), new AnnualDate(6, 15));
    private static readonly SportSeason Softball = new("Softball", new AnnualDate(3, 15), new AnnualDate(6, 15));
    private static readonly SportSeason Football = new("Football", new AnnualDate(8, 20), new AnnualDate(11, 30));
    private static readonly SportSeason Soccer = new("Soccer", new AnnualDate(8, 25), new AnnualDate(11, 15));
    private static readonly SportSeason TrackAndField = new("Track and field", new AnnualDate(3, 15), new AnnualDate(6, 10));

    private static readonly (string Code, string Name, (string Area, AreaKind Kind, SportSeason[] Seasons)[] Areas)[] Schools =
    [
        ("HPHS", "Hartford Public High School",
        [
            ("Soccer/football field", AreaKind.PlayingField, [Football, Soccer]), ("Track", AreaKind.Track, [TrackAndField]),
            ("Bleacher slopes", AreaKind.NonPlayingArea, []), ("Baseball infield", AreaKind.BaseballInfield, [Baseball]),
            ("Baseball outfield", AreaKind.PlayingField, [Baseball]), ("Practice field", AreaKind.PlayingField, [Football, Soccer]),
            ("Shot put and discus", AreaKind.ShotPutDiscus, [TrackAndField]),
        ]),
        ("WHS", "Weaver High School",
        [
            ("Football field", AreaKind.PlayingField, [Football]), ("Track", AreaKind.Track, [TrackAndField]),
            ("Bleacher surrounds", AreaKind.NonPlayingArea, []), ("Football practice field", AreaKind.PlayingField, [Football]),
            ("Baseball infield", AreaKind.BaseballInfield, [Baseball]), ("Baseball outfield", AreaKind.PlayingField, [Baseball]),
            ("Lower softball infield", AreaKind.SkinnedInfield, [Softball]),
            ("Lower softball outfield", AreaKind.PlayingField, [Softball]), ("Lower soccer field", AreaKind.PlayingField, [Soccer]),
            ("Tennis courts surrounds", AreaKind.TennisSurrounds, []),
        ]),
        ("BHS", "Bulkeley High School",
        [
            ("Soccer/football field", AreaKind.PlayingField, [Football, Soccer]),
            ("Practice fields", AreaKind.PlayingField, [Football, Soccer]), ("Shot put and discus", AreaKind.ShotPutDiscus, [TrackAndField]),
            ("Softball infield", AreaKind.SkinnedInfield, [Softball]), ("Softball outfield", AreaKind.PlayingField, [Softball]),
            ("Tennis courts surrounds", AreaKind.TennisSurrounds, []),
        ]),
    ];

    public static readonly SchoolCalendar Calendar = BuildCalendar();

    public static PlanInput Input(int number, SportSeason? baseballOverride = null)
    {
        var contractId = Id(number, 0, 0);
        var sites = new SiteInput[Schools.Length];
        for (var s = 0; s < Schools.Length; s++)
        {
            var (code, name, areas) = Schools[s];
            sites[s] = new SiteInput(Id(number, s + 1, 0), code, name,
                areas.Select((a, i) => new AreaInput(Id(number, s + 1, i + 1), a.Area, a.Kind,
                    baseballOverride is not null && a.Kind == AreaKind.BaseballInfield ? [baseballOverride] : a.Seasons)).ToArray(),
                Calendar, new Dictionary<int, LocalDate>());
        }

        return new PlanInput(contractId, Term, DateTimeZoneProviders.Tzdb["America/New_York"],
            new PlanSettings(7, Duration.FromHours(24), ApplicationHours.Default), Specification2685.Specification, sites,
            PlanFacts.None);
    }

    /// <summary>
    /// The same contract as <see cref="Input"/> as it is stored: the contract with its schools and areas,
    /// planned with the contract's default settings (seven-day mowing cadence, 24-hour notices).
    /// </summary>
    public static Contract Contract(int number, Guid contractorId)
    {
        var contract = new Contract(Id(number, 0, 0), $"2685-{number:D4}", "Athletic fields; maintenance of", contractorId, Term,
            new LocalDate(2003, 4, 30), new ContractSettings(SubcontractingPolicy.PriorApprovalRequired, Duration.FromHours(24), 7));
        for (var s = 0; s < Schools.Length; s++)
        {
            var (code, name, areas) = Schools[s];
            var site = contract.AddSite(Id(number, s + 1, 0), code, name, new PostalAddress($"{s + 1} School Street", "Hartford", "CT", "06106"),
                new GeoPoint(41.76m, -72.68m));
            for (var i = 0; i < areas.Length; i++)
            {
                site.AddArea(Id(number, s + 1, i + 1), areas[i].Area, areas[i].Kind, areas[i].Seasons);
            }
        }

        return contract;
    }

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
