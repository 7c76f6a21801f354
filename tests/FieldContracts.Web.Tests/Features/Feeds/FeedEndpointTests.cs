using System.Security.Cryptography;
using FieldContracts.Data.Planning;
using FieldContracts.Scheduling.Planning;
using FieldContracts.Scheduling.Specification;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace FieldContracts.Web.Tests.Features.Feeds;

public abstract class FeedEndpointTests(TestApp app)
{
    [Fact]
    public async Task Get_WholeContractFeed_IsTextCalendarWithStrongETagLastModifiedAndPrivateCaching()
    {
        var feed = await WholeContractFeedAsync(Roles.AthleticDirector);

        using var response = await FeedClient.FetchAsync(app, feed.Path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var etag = response.Headers.ETag!;
        Assert.False(etag.IsWeak);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal($"\"{System.Buffers.Text.Base64Url.EncodeToString(SHA256.HashData(body))}\"", etag.Tag);
        Assert.Equal(await LatestChangeAsync(2685), response.Content.Headers.LastModified);
        Assert.True(response.Headers.CacheControl!.Private);
        Assert.Equal(TimeSpan.FromHours(1), response.Headers.CacheControl.MaxAge);
        var lines = IcsText.Lines(body);
        Assert.Contains("REFRESH-INTERVAL;VALUE=DURATION:PT1H", lines);
        Assert.Contains("X-PUBLISHED-TTL:PT1H", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("METHOD", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_UnchangedDataTwice_IsByteIdenticalWithTheSameETag()
    {
        var feed = await WholeContractFeedAsync(Roles.Purchasing);

        using var first = await FeedClient.FetchAsync(app, feed.Path);
        app.Clock.Advance(Duration.FromHours(5));
        using var second = await FeedClient.FetchAsync(app, feed.Path);

        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(first.Content.Headers.LastModified, second.Content.Headers.LastModified);
    }

    [Fact]
    public async Task Get_AfterAnApplicationRestart_IsByteIdentical()
    {
        var feed = await WholeContractFeedAsync(Roles.AthleticDirector);
        var before = await FeedClient.BytesAsync(app, feed.Path);

        await using var restarted = new FieldContractsFactory(app.Database, app.Clock);
        using var client = restarted.CreateClient();
        using var response = await client.GetAsync(feed.Path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("{0}")]
    [InlineData("\"other\", {0}")]
    [InlineData("W/{0}")]
    [InlineData("*")]
    public async Task Get_IfNoneMatchWithTheCurrentETag_Answers304WithoutABody(string ifNoneMatch)
    {
        var feed = await WholeContractFeedAsync(Roles.AthleticDirector);
        using var first = await FeedClient.FetchAsync(app, feed.Path);
        var etag = first.Headers.ETag!.Tag;

        using var response = await FeedClient.FetchAsync(app, feed.Path,
            r => r.Headers.TryAddWithoutValidation(HeaderNames.IfNoneMatch, string.Format(ifNoneMatch, etag)));

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, response.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task Get_IfNoneMatchWithAnotherETag_Answers200()
    {
        var feed = await WholeContractFeedAsync(Roles.AthleticDirector);

        using var response = await FeedClient.FetchAsync(app, feed.Path,
            r => r.Headers.TryAddWithoutValidation(HeaderNames.IfNoneMatch, "\"not-this-one\""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Get_IfModifiedSinceTheLastChange_Answers304AndBeforeIt200()
    {
        var feed = await WholeContractFeedAsync(Roles.AthleticDirector);
        using var first = await FeedClient.FetchAsync(app, feed.Path);
        var lastModified = first.Content.Headers.LastModified!.Value;

        using var same = await FeedClient.FetchAsync(app, feed.Path, r => r.Headers.IfModifiedSince = lastModified);
        using var earlier = await FeedClient.FetchAsync(app, feed.Path, r => r.Headers.IfModifiedSince = lastModified.AddSeconds(-1));

        Assert.Equal(HttpStatusCode.NotModified, same.StatusCode);
        Assert.Equal(HttpStatusCode.OK, earlier.StatusCode);
    }

    [Fact]
    public async Task Get_AfterAnOccurrenceIsMoved_Answers200WithANewETagAndRaisesOnlyItsSequence()
    {
        var feed = await WholeContractFeedAsync(Roles.AthleticDirector);
        using var first = await FeedClient.FetchAsync(app, feed.Path);
        var before = IcsText.ByUid(await first.Content.ReadAsByteArrayAsync());
        var moved = await PlannedAsync(2685, Specification2685.GrubInspection);
        var to = moved.PlannedDate!.Value.PlusDays(moved.PlannedDate.Value == moved.WindowEnd ? -1 : 1);

        app.Clock.Advance(Duration.FromMinutes(30));
        var purchasing = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));
        using var move = await FeedClient.PostJsonAsync(purchasing, $"/api/contracts/2685/plan/{moved.Id}/move",
            new { to = to.ToString("yyyy-MM-dd", null), reason = "Grub inspection moved for a home game" });
        Assert.Equal(HttpStatusCode.OK, move.StatusCode);
        using var conditional = await FeedClient.FetchAsync(app, feed.Path,
            r => r.Headers.TryAddWithoutValidation(HeaderNames.IfNoneMatch, first.Headers.ETag!.Tag));

        Assert.Equal(HttpStatusCode.OK, conditional.StatusCode);
        Assert.NotEqual(first.Headers.ETag, conditional.Headers.ETag);
        Assert.True(conditional.Content.Headers.LastModified > first.Content.Headers.LastModified);
        var after = IcsText.ByUid(await conditional.Content.ReadAsByteArrayAsync());
        var uid = $"{moved.Id}@fieldcontracts";
        Assert.Equal(int.Parse(before[uid]["SEQUENCE"], null) + 1, int.Parse(after[uid]["SEQUENCE"], null));
        Assert.Equal(to.ToString("yyyyMMdd", null), after[uid]["DTSTART;VALUE=DATE"]);
        var changedElsewhere = before.Keys.Where(k => k != uid && before[k]["SEQUENCE"] != after[k]["SEQUENCE"]).ToList();
        Assert.Empty(changedElsewhere);
    }

    [Fact]
    public async Task Get_AfterAnEarlierDormancy_WritesTheLaterMowingsAsCancelledWithARaisedSequence()
    {
        var feed = await WholeContractFeedAsync(Roles.AthleticDirector);
        var before = IcsText.ByUid(await FeedClient.BytesAsync(app, feed.Path));

        app.Clock.Advance(Duration.FromMinutes(30));
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        using var change = await FeedClient.PutJsonAsync(director, "/api/contracts/2685/years/2003",
            new { dormancy = "2003-10-31", reason = "Grass dormant after the October frost" });
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        var after = IcsText.ByUid(await FeedClient.BytesAsync(app, feed.Path));

        await using var db = app.Database.CreateContext();
        var contractId = await ContractIdAsync(db, 2685);
        var cancelled = await db.Occurrences.Where(o => o.ContractId == contractId && o.Cancelled).ToListAsync();
        var lateMowings = cancelled.Where(o => o.Kind == TaskKind.Mowing && o.PlannedDate > new LocalDate(2003, 10, 31)).ToList();
        Assert.NotEmpty(lateMowings);
        foreach (var mowing in lateMowings)
        {
            var uid = $"{mowing.Id}@fieldcontracts";
            Assert.Equal("CANCELLED", after[uid]["STATUS"]);
            Assert.Equal(int.Parse(before[uid]["SEQUENCE"], null) + 1, int.Parse(after[uid]["SEQUENCE"], null));
        }
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA!")]
    public async Task Get_UnknownOrMalformedToken_Is404WithNothingInIt(string token)
    {
        using var response = await FeedClient.FetchAsync(app, $"/feeds/{token}.ics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Get_RevokedToken_Is404()
    {
        var owner = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        var feed = await FeedClient.CreateAsync(owner, new { scope = "WholeContract", contract = "2685" });
        Assert.Equal(HttpStatusCode.OK, (await FeedClient.FetchAsync(app, feed.Path)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/feeds/{feed.Id}")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await FeedClient.FetchAsync(app, feed.Path)).StatusCode);
    }

    [Fact]
    public async Task Get_TokenReplacedByRenewal_Is404AndTheNewOneServesTheSameFeed()
    {
        var owner = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        var feed = await FeedClient.CreateAsync(owner, new { scope = "School", contract = "2685", school = "WHS" });
        var before = await FeedClient.BytesAsync(app, feed.Path);

        using var renew = await owner.PostAsync($"/api/feeds/{feed.Id}/renew", null);
        Assert.Equal(HttpStatusCode.OK, renew.StatusCode);
        var renewed = FeedClient.FromIssued(System.Text.Json.JsonDocument.Parse(await renew.Content.ReadAsStringAsync()).RootElement);

        Assert.NotEqual(feed.Token, renewed.Token);
        Assert.Equal(HttpStatusCode.NotFound, (await FeedClient.FetchAsync(app, feed.Path)).StatusCode);
        Assert.Equal(before, await FeedClient.BytesAsync(app, renewed.Path));
    }

    [Fact]
    public async Task Get_FeedOfAnotherContract_HoldsNothingOf2685()
    {
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        var other = await FeedClient.CreateAsync(director, new { scope = "WholeContract", contract = TestApp.OtherContractNumber });

        var uids = IcsText.ByUid(await FeedClient.BytesAsync(app, other.Path)).Keys.ToHashSet();

        await using var db = app.Database.CreateContext();
        var ids2685 = await OccurrenceUidsAsync(db, 2685);
        var ids9001 = await OccurrenceUidsAsync(db, int.Parse(TestApp.OtherContractNumber, null));
        Assert.NotEmpty(uids);
        Assert.Empty(uids.Intersect(ids2685));
        Assert.Subset(ids9001, uids);
        Assert.Contains($"/contracts/{TestApp.OtherContractNumber}/schedule/", System.Text.Encoding.UTF8.GetString(await FeedClient.BytesAsync(app, other.Path)));
    }

    [Fact]
    public async Task Get_ContractorsOwnWork_HoldsItsContractAndNeverAnotherContractors()
    {
        var crew = await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor));
        var otherCrew = await app.SignedInAsync(TestApp.OtherContractorEmail);
        var crewFeed = await FeedClient.CreateAsync(crew, new { scope = "ContractorWork" });
        var otherFeed = await FeedClient.CreateAsync(otherCrew, new { scope = "ContractorWork" });

        var crewUids = IcsText.ByUid(await FeedClient.BytesAsync(app, crewFeed.Path)).Keys.ToHashSet();
        var otherUids = IcsText.ByUid(await FeedClient.BytesAsync(app, otherFeed.Path)).Keys.ToHashSet();

        await using var db = app.Database.CreateContext();
        var ids2685 = await OccurrenceUidsAsync(db, 2685);
        var ids9001 = await OccurrenceUidsAsync(db, int.Parse(TestApp.OtherContractNumber, null));
        Assert.Subset(ids2685, crewUids);
        Assert.Empty(crewUids.Intersect(ids9001));
        Assert.Subset(ids9001, otherUids);
        Assert.Empty(otherUids.Intersect(ids2685));
        Assert.NotEmpty(crewUids);
        Assert.NotEmpty(otherUids);
    }

    [Fact]
    public async Task Get_SchoolAndChemicalFeeds_HoldOnlyThatSchoolAndOnlyChemicalApplications()
    {
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        var school = await FeedClient.CreateAsync(director, new { scope = "School", contract = "2685", school = "BHS" });
        var chemical = await FeedClient.CreateAsync(director, new { scope = "ChemicalOnly", contract = "2685" });

        var schoolEvents = IcsText.Events(await FeedClient.BytesAsync(app, school.Path));
        var chemicalEvents = IcsText.Events(await FeedClient.BytesAsync(app, chemical.Path));

        Assert.NotEmpty(schoolEvents);
        Assert.All(schoolEvents, e => Assert.StartsWith("BHS · ", e["SUMMARY"], StringComparison.Ordinal));
        Assert.All(schoolEvents, e => Assert.StartsWith("Bulkeley High School, 300 Wethersfield Avenue", e["LOCATION"].Replace("\\,", ","), StringComparison.Ordinal));
        Assert.NotEmpty(chemicalEvents);
        Assert.All(chemicalEvents, e => Assert.Contains("(chemical)", e["SUMMARY"], StringComparison.Ordinal));
        Assert.All(chemicalEvents, e => Assert.Contains("Chemical application", e["CATEGORIES"], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_PlannedApplication_IsTimedInNewYorkWithItsDetails()
    {
        var feed = await WholeContractFeedAsync(Roles.AthleticDirector);
        var events = IcsText.ByUid(await FeedClient.BytesAsync(app, feed.Path));

        await using var db = app.Database.CreateContext();
        var contractId = await ContractIdAsync(db, 2685);
        var application = await db.Occurrences.Where(o => o.ContractId == contractId && !o.Cancelled && o.ApplicationStartsAt != null)
            .OrderBy(o => o.Id).FirstAsync();
        var e = events[$"{application.Id}@fieldcontracts"];
        var start = application.ApplicationStartsAt!.Value.InZone(DateTimeZoneProviders.Tzdb["America/New_York"]);

        Assert.Equal(start.LocalDateTime.ToString("yyyyMMdd'T'HHmmss", null), e["DTSTART;TZID=America/New_York"]);
        Assert.Equal("CONFIRMED", e["STATUS"]);
        Assert.Equal("TRANSPARENT", e["TRANSP"]);
        Assert.Equal(application.LastModified.ToDateTimeUtc().ToString("yyyyMMdd'T'HHmmss'Z'", null), e["DTSTAMP"]);
        Assert.Equal(application.CalendarSequence.ToString(System.Globalization.CultureInfo.InvariantCulture), e["SEQUENCE"]);
        Assert.Equal($"http://localhost/contracts/2685/schedule/{application.Id}", e["URL"]);
        Assert.Matches(@"^-?\d+\.\d+;-?\d+\.\d+$", e["GEO"]);
        var description = e["DESCRIPTION"];
        Assert.Contains("Materials:", description, StringComparison.Ordinal);
        Assert.Contains("active ingredients", description, StringComparison.Ordinal);
        Assert.Contains("Pre-notification to", description, StringComparison.Ordinal);
        Assert.Contains($"item {application.ItemReference}", description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Mowing_DescribesEachAreasHeightOfCut()
    {
        var feed = await WholeContractFeedAsync(Roles.AthleticDirector);
        var events = IcsText.ByUid(await FeedClient.BytesAsync(app, feed.Path));

        await using var db = app.Database.CreateContext();
        var contractId = await ContractIdAsync(db, 2685);
        var mowing = await db.Occurrences.Where(o => o.ContractId == contractId && !o.Cancelled && o.Kind == TaskKind.Mowing
                                                     && o.Status == OccurrenceStatus.Planned)
            .OrderBy(o => o.PlannedDate).FirstAsync();
        var e = events[$"{mowing.Id}@fieldcontracts"];

        Assert.Equal(mowing.PlannedDate!.Value.ToString("yyyyMMdd", null), e["DTSTART;VALUE=DATE"]);
        Assert.Contains("Height of cut:", e["DESCRIPTION"], StringComparison.Ordinal);
        Assert.Contains("″ (in season)", e["DESCRIPTION"].Replace("\\n", "\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_WorkBeforeTheTerm_IsLeftOutAndWorkAwaitingItsTrigger_IsTentativeOverItsWindow()
    {
        var feed = await WholeContractFeedAsync(Roles.AthleticDirector);
        var events = IcsText.ByUid(await FeedClient.BytesAsync(app, feed.Path));

        await using var db = app.Database.CreateContext();
        var contractId = await ContractIdAsync(db, 2685);
        var outside = await db.Occurrences.Where(o => o.ContractId == contractId && o.Status == OccurrenceStatus.OutsideTerm
                                                      && o.CalendarSequence == 0).ToListAsync();
        var awaiting = await db.Occurrences.Where(o => o.ContractId == contractId && !o.Cancelled
                                                       && o.Status == OccurrenceStatus.AwaitingTrigger).ToListAsync();

        Assert.NotEmpty(outside);
        Assert.All(outside, o => Assert.False(events.ContainsKey($"{o.Id}@fieldcontracts")));
        Assert.NotEmpty(awaiting);
        foreach (var o in awaiting)
        {
            var e = events[$"{o.Id}@fieldcontracts"];
            Assert.Equal("TENTATIVE", e["STATUS"]);
            Assert.Equal(o.WindowStart.ToString("yyyyMMdd", null), e["DTSTART;VALUE=DATE"]);
            Assert.Equal(o.WindowEnd.PlusDays(1).ToString("yyyyMMdd", null), e["DTEND;VALUE=DATE"]);
        }
    }

    private async Task<FeedClient.Made> WholeContractFeedAsync(string role)
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(role));
        return await FeedClient.CreateAsync(client, new { scope = "WholeContract", contract = "2685" });
    }

    private async Task<DateTimeOffset> LatestChangeAsync(int number)
    {
        await using var db = app.Database.CreateContext();
        var contractId = await ContractIdAsync(db, number);
        var stamps = await db.Occurrences.Where(o => o.ContractId == contractId
                                                     && (o.Status != OccurrenceStatus.OutsideTerm || o.CalendarSequence > 0))
            .Select(o => o.LastModified).ToListAsync();
        return DateTimeOffset.FromUnixTimeSeconds(stamps.Max().ToUnixTimeSeconds());
    }

    private async Task<OccurrenceRecord> PlannedAsync(int number, string taskKey)
    {
        await using var db = app.Database.CreateContext();
        var contractId = await ContractIdAsync(db, number);
        return await db.Occurrences.AsNoTracking()
            .Where(o => o.ContractId == contractId && o.TaskKey == taskKey && !o.Cancelled && o.Status == OccurrenceStatus.Planned)
            .OrderBy(o => o.PlannedDate).FirstAsync();
    }

    private static async Task<Guid> ContractIdAsync(FieldContracts.Data.FieldContractsDbContext db, int number)
    {
        var text = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await db.Contracts.Where(c => c.Number == text).Select(c => c.Id).SingleAsync();
    }

    private static async Task<HashSet<string>> OccurrenceUidsAsync(FieldContracts.Data.FieldContractsDbContext db, int number)
    {
        var contractId = await ContractIdAsync(db, number);
        var ids = await db.Occurrences.Where(o => o.ContractId == contractId).Select(o => o.Id).ToListAsync();
        return ids.Select(id => $"{id}@fieldcontracts").ToHashSet();
    }
}

public sealed class FeedEndpointTests_Sqlite(SqliteApp app) : FeedEndpointTests(app), IClassFixture<SqliteApp>;

public sealed class FeedEndpointTests_Postgres(PostgresApp app) : FeedEndpointTests(app), IClassFixture<PostgresApp>;
