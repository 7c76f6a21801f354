using FieldContracts.Scheduling.Calendar;
using FieldContracts.Scheduling.Contracts;
using FieldContracts.Scheduling.Testing;
using NodaTime;

namespace FieldContracts.Benchmarks.Calendar;

/// <summary>A feed shaped like bid #2685's: timed mowing and all-day chemical work at three schools, 2003–2004.</summary>
internal static class SampleFeed
{
    /// <summary>The three high schools as the contract's data file names and places them.</summary>
    private static readonly (string Code, string Name, string Address, GeoPoint Geo)[] Schools = Contract2685.Sites
        .Select(s => (s.Code, s.Name, $"{s.Address.Street}, {s.Address.City}, {s.Address.State} {s.Address.PostalCode}", s.Location)).ToArray();

    public static CalendarFeed Build(int count)
    {
        var zone = DateTimeZoneProviders.Tzdb["America/New_York"];
        var stamp = Instant.FromUtc(2003, 5, 1, 12, 0);
        var first = new LocalDate(2003, 5, 15);
        var events = new List<CalendarEvent>(count);
        for (var i = 0; i < count; i++)
        {
            var school = Schools[i % Schools.Length];
            var day = first.PlusDays(i / Schools.Length % 597);
            var chemical = i % 10 == 0;
            var timing = chemical
                ? (EventTiming)EventTiming.OnDay(day)
                : EventTiming.At(day.At(new LocalTime(7, 0)), Duration.FromHours(3));
            events.Add(new CalendarEvent(
                $"occurrence-{i:D6}-{school.Code}@fieldcontracts",
                chemical ? $"{school.Code}: Broadleaf weed control (chemical)" : $"{school.Code}: Mowing",
                timing,
                stamp,
                stamp)
            {
                Sequence = i % 7 == 0 ? 1 : 0,
                Status = i % 50 == 0 ? EventStatus.Cancelled : EventStatus.Confirmed,
                Location = $"{school.Name}, {school.Address}",
                Geo = school.Geo,
                Description = chemical
                    ? "Areas: all turf\nMaterials: 2,4-D, MCPP and dicamba\nNotice: schools notified at least 24 hours before; signs posted 24 hours"
                    : "Areas: all turf\nCutting heights: baseball infields 1–1.5 in; outfields and soccer 1.5–2 in; non-playing 2–2.5 in",
                Categories = chemical ? ["Chemical application", "Pre-notification required"] : ["Mowing", "In season"],
                Url = new Uri($"https://fieldcontracts.example/contracts/2685/occurrences/{i}"),
            });
        }

        return new CalendarFeed("Bid #2685 athletic field maintenance", zone, Duration.FromHours(1), events);
    }
}
