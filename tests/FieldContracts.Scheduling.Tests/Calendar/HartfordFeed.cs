using FieldContracts.Scheduling.Calendar;
using FieldContracts.Scheduling.Contracts;
using FieldContracts.Scheduling.Testing;

namespace FieldContracts.Scheduling.Tests.Calendar;

/// <summary>
/// A realistic feed for bid #2685: mowing, chemical applications and clean-ups at the three high schools
/// through 2003 and 2004, including the days Hartford's clocks changed (2003-10-26 and 2004-04-04).
/// </summary>
internal static class HartfordFeed
{
    private sealed record School(string Code, string Name, PostalAddress Address, GeoPoint Geo);

    /// <summary>The three high schools as the contract's data file names and places them.</summary>
    private static readonly School[] Schools = Contract2685.Sites.Select(s => new School(s.Code, s.Name, s.Address, s.Location)).ToArray();

    /// <summary>About a hundred events; <paramref name="repeat"/> copies them (with distinct UIDs) for larger feeds.</summary>
    public static CalendarFeed Build(int repeat = 1) =>
        new("Bid #2685 athletic field maintenance", Ics.NewYork, Duration.FromHours(1), Events(repeat))
        {
            Description = "City of Hartford term contract #2685: athletic fields at three high schools, 2003-05-15 to 2004-12-31",
        };

    public static IEnumerable<CalendarEvent> Events(int repeat = 1)
    {
        for (var copy = 0; copy < repeat; copy++)
        {
            var suffix = copy == 0 ? "" : $"-{copy}";
            foreach (var school in Schools)
            {
                foreach (var e in ForSchool(school))
                {
                    yield return e with { Uid = e.Uid.Replace("@", suffix + "@", StringComparison.Ordinal) };
                }
            }
        }
    }

    private static IEnumerable<CalendarEvent> ForSchool(School school)
    {
        // Weekly mowing in July 2003; the rained-out visit of 2003-07-22 is cancelled.
        for (var day = new LocalDate(2003, 7, 1); day.Month == 7; day = day.PlusWeeks(1))
        {
            var rainedOut = day == new LocalDate(2003, 7, 22);
            yield return Mowing(school, day.At(new LocalTime(7, 0)), inSeason: false) with
            {
                Status = rainedOut ? EventStatus.Cancelled : EventStatus.Confirmed,
                Sequence = rainedOut ? 1 : 0,
            };
        }

        yield return Chemical(school, EventTiming.OnDay(new LocalDate(2003, 7, 15)), "Broadleaf weed control",
            "2,4-D, MCPP and dicamba (three-way broadleaf herbicide)", "weeds-2003");
        yield return Chemical(school, EventTiming.OnDay(new LocalDate(2003, 8, 5)), "Broadleaf weed control — re-treatment",
            "2,4-D, MCPP and dicamba; persistent weeds only", "weeds-retreat-2003");
        yield return Chemical(school, EventTiming.OnDays(new LocalDate(2003, 7, 16), new LocalDate(2003, 7, 18)),
            "Base lines, fence lines, shot put & discus: post/pre-emergent", "Roundup (glyphosate); Surflan (oryzalin)", "baselines-2003");

        // Fall mowing, Thursdays through October 2003, in season for fall sports.
        for (var day = new LocalDate(2003, 9, 4); day <= new LocalDate(2003, 10, 30); day = day.PlusWeeks(1))
        {
            yield return Mowing(school, day.At(new LocalTime(7, 30)), inSeason: true);
        }

        // The night the clocks went back: an early leaf blow at 01:30 EDT, the first of the two 01:30s.
        yield return Work(school, EventTiming.At(new LocalDateTime(2003, 10, 26, 1, 30), Duration.FromHours(2)),
            "Leaf removal (night crew)", "leaves-2003-10-26", "Areas: all turf\nMaterials: none");
        yield return Work(school, EventTiming.At(new LocalDateTime(2003, 10, 26, 9, 0), Duration.FromHours(2)),
            "Leaf removal", "leaves-2003-10-26b", "Areas: tennis court surrounds; slopes");
        yield return Mowing(school, new LocalDateTime(2003, 10, 27, 7, 0), inSeason: false) with { Uid = $"mow-2003-10-27-x-{school.Code}@fieldcontracts" };

        // Spring 2004: clean-up over the day the clocks went forward, and work that morning.
        yield return Work(school, EventTiming.OnDays(new DateInterval(new LocalDate(2004, 3, 29), new LocalDate(2004, 4, 9))),
            "Winter debris clean-up; verti-cut & slit-seed worn turf", "cleanup-2004", "Areas: all turf\nMaterials: seed mix, clay");
        yield return Work(school, EventTiming.At(new LocalDateTime(2004, 4, 4, 2, 30), Duration.FromHours(1)),
            "Irrigation start-up (overnight pressure test)", "irrigation-2004", "Areas: all irrigated fields");
        yield return Work(school, EventTiming.At(new LocalDateTime(2004, 4, 4, 8, 0), Duration.FromHours(4)),
            "Edge base lines, grade infield, add clay", "infield-2004", "Areas: baseball and softball infields\nMaterials: infield clay");
        // Spring 2004 mowing, Tuesdays, in season for baseball and softball.
        for (var day = new LocalDate(2004, 5, 4); day <= new LocalDate(2004, 6, 29); day = day.PlusWeeks(1))
        {
            yield return Mowing(school, day.At(new LocalTime(7, 0)), inSeason: true);
        }

        yield return Chemical(school, EventTiming.OnDay(new LocalDate(2004, 7, 15)), "Broadleaf weed control",
            "2,4-D, MCPP and dicamba", "weeds-2004");
        yield return Work(school, EventTiming.OnDays(new LocalDate(2004, 11, 29), new LocalDate(2004, 12, 3)),
            "Winterize sprinkler system", "winterize-2004", "Areas: all irrigated fields");
    }

    private static CalendarEvent Mowing(School school, LocalDateTime start, bool inSeason)
    {
        var heights = inSeason
            ? "baseball infields 1–1.5 in; outfields and soccer 1.5–2 in; non-playing 2–2.5 in"
            : "all areas 2–2.5 in (off season)";
        return Work(school, EventTiming.At(start, Duration.FromHours(3)), "Mowing",
            $"mow-{start.Date:yyyy-MM-dd}",
            $"Areas: all turf\nCutting heights: {heights}\nNever remove more than 1/3 of the blade.") with
        {
            Categories = ["Mowing", inSeason ? "In season" : "Off season"],
        };
    }

    private static CalendarEvent Chemical(School school, EventTiming timing, string what, string materials, string key) =>
        Work(school, timing, $"{what} (chemical)", key,
            $"Areas: all turf\nMaterials: {materials}\nNotice: schools notified at least 24 hours before; signs posted 24 hours") with
        {
            Categories = ["Chemical application", "Pre-notification required"],
        };

    private static CalendarEvent Work(School school, EventTiming timing, string summary, string key, string description)
    {
        var stamp = Instant.FromUtc(2003, 5, 1, 12, 0);
        return new CalendarEvent($"{key}-{school.Code}@fieldcontracts", $"{school.Code}: {summary}", timing, stamp, stamp)
        {
            Location = $"{school.Name}, {school.Address}",
            Geo = school.Geo,
            Description = description,
            Categories = ["Field maintenance"],
            Url = new Uri($"https://fieldcontracts.example/contracts/2685/occurrences/{key}-{school.Code}"),
        };
    }
}
