using FieldContracts.Data.Planning;
using Microsoft.EntityFrameworkCore;
using NodaTime.Text;

namespace FieldContracts.Web.Tests.Features.Feeds;

/// <summary>
/// #2685's feeds as calendar applications read them: python3-icalendar, python3-vobject, ical.js and Ical.Net must each
/// accept every event, and the start each reads must be the plan's, in America/New_York.
/// </summary>
public abstract class FeedParsingTests(TestApp app)
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    private static readonly ZonedDateTimePattern IsoWithOffset =
        ZonedDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>", null);

    [Theory]
    [InlineData("WholeContract", null)]
    [InlineData("School", "HPHS")]
    [InlineData("ChemicalOnly", null)]
    public async Task Feed2685_ReadByFourParsers_HasThePlansStartTimes(string scope, string? school)
    {
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        var feed = await FeedClient.CreateAsync(director, new { scope, contract = "2685", school });
        var ics = await FeedClient.BytesAsync(app, feed.Path);

        var read = await FeedParsers.ReadAllAsync(ics);

        var written = IcsText.Events(ics);
        var plan = await PlanByUidAsync();
        Assert.NotEmpty(written);
        foreach (var (parser, events) in read)
        {
            Assert.True(events.Count == written.Count, $"{parser} read {events.Count} events of {written.Count}.");
            foreach (var e in events)
            {
                var (start, end) = Expected(plan[e.Uid]);
                Assert.True(start == e.Start, $"{parser} read {e.Uid} ({e.Summary}) as starting {e.Start}, the plan says {start}.");
                Assert.True(end == e.End, $"{parser} read {e.Uid} ({e.Summary}) as ending {e.End}, the plan says {end}.");
            }
        }
    }

    [Fact]
    public async Task Feed2685_ApplicationsNearTheClockChanges_AreReadAtThePlansTimes()
    {
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        var feed = await FeedClient.CreateAsync(director, new { scope = "ChemicalOnly", contract = "2685" });
        var plan = await PlanByUidAsync();
        var nearChanges = plan.Values.Where(o => o.ApplicationStartsAt is { } at && !o.Cancelled
                && (Near(at, new LocalDate(2003, 10, 26)) || Near(at, new LocalDate(2004, 4, 4))))
            .ToList();

        var read = await FeedParsers.ReadAllAsync(await FeedClient.BytesAsync(app, feed.Path));

        // The plan decides whether any application falls within a week of a change; every one that does is checked.
        foreach (var o in nearChanges)
        {
            var uid = $"{o.Id}@fieldcontracts";
            var expected = IsoWithOffset.Format(o.ApplicationStartsAt!.Value.InZone(NewYork));
            foreach (var (parser, events) in read)
            {
                Assert.Equal((parser, expected), (parser, events.Single(e => e.Uid == uid).Start));
            }
        }
    }

    private static bool Near(Instant at, LocalDate change) =>
        Math.Abs(Period.Between(change, at.InZone(NewYork).Date, PeriodUnits.Days).Days) <= 7;

    private static (string Start, string? End) Expected(OccurrenceRecord o)
    {
        if (o is { ApplicationStartsAt: { } at, ApplicationMinutes: { } minutes })
        {
            var start = at.InZone(NewYork);
            return (IsoWithOffset.Format(start), IsoWithOffset.Format(start.Plus(Duration.FromMinutes(minutes))));
        }

        return o.PlannedDate is { } day
            ? (LocalDatePattern.Iso.Format(day), LocalDatePattern.Iso.Format(day.PlusDays(1)))
            : (LocalDatePattern.Iso.Format(o.WindowStart), LocalDatePattern.Iso.Format(o.WindowEnd.PlusDays(1)));
    }

    private async Task<Dictionary<string, OccurrenceRecord>> PlanByUidAsync()
    {
        await using var db = app.Database.CreateContext();
        var contractId = await db.Contracts.Where(c => c.Number == "2685").Select(c => c.Id).SingleAsync();
        return await db.Occurrences.AsNoTracking().Where(o => o.ContractId == contractId)
            .ToDictionaryAsync(o => $"{o.Id}@fieldcontracts");
    }
}

public sealed class FeedParsingTests_Sqlite(SqliteApp app) : FeedParsingTests(app), IClassFixture<SqliteApp>;

public sealed class FeedParsingTests_Postgres(PostgresApp app) : FeedParsingTests(app), IClassFixture<PostgresApp>;
