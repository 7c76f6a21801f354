using System.Diagnostics;
using System.IO.Compression;
using FieldContracts.Scheduling.Specification;
using FieldContracts.Web.Testing;
using FieldContracts.Web.Tests.Features.WorkLogs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Net.Http.Headers;

namespace FieldContracts.Web.Tests.Features.Feeds;

/// <summary>
/// The feed answered from memory: without the database while nothing changed, again from the database at once after
/// a change on this node and within the staleness bound after one on another node; compressed as the client asks.
/// </summary>
public abstract class FeedCacheTests(TestApp app)
{
    private readonly WorkLogFixtures _f = new(app);

    [Fact]
    public async Task Get_Unchanged_IsAnsweredFromMemoryWithoutAQuery()
    {
        var feed = await FeedAsync();
        using var first = await FeedClient.FetchAsync(app, feed.Path);
        var tag = Guid.NewGuid().ToString("N");

        using var again = await FeedClient.FetchAsync(app, feed.Path, r =>
        {
            r.Headers.TryAddWithoutValidation(HeaderNames.IfNoneMatch, first.Headers.ETag!.Tag);
            r.Headers.Add(SqlCommandLog.Header, tag);
        });

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(app.Factory.Sql.Of(tag));
    }

    [Fact]
    public async Task Get_AfterAVisitLoggedOnThisNode_Answers200WithANewETagAndAHigherSequence()
    {
        var mowing = await _f.MowingAsync("WHS", new LocalDate(2003, 7, 10));
        var feed = await FeedAsync();
        using var first = await FeedClient.FetchAsync(app, feed.Path);
        using var cached = await FeedClient.FetchAsync(app, feed.Path, IfNoneMatch(first));
        Assert.Equal(HttpStatusCode.NotModified, cached.StatusCode);
        var before = IcsText.ByUid(await first.Content.ReadAsByteArrayAsync())[$"{mowing.Id}@fieldcontracts"];

        var day = mowing.PlannedDate!.Value;
        _f.Now(day.Month, day.Day, 17);
        var crew = await _f.CrewAsync();
        var height = WorkLogFixtures.Height(await _f.AreaAsync("WHS", "Football field"), 2.5m);
        using var logged = await crew.PostAsync("/api/worklogs", WorkLogFixtures.Json(WorkLogFixtures.Mowing(mowing.Id, day, [height])));
        Assert.Equal(HttpStatusCode.Created, logged.StatusCode);

        using var after = await FeedClient.FetchAsync(app, feed.Path, IfNoneMatch(first));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(first.Headers.ETag, after.Headers.ETag);
        var e = IcsText.ByUid(await after.Content.ReadAsByteArrayAsync())[$"{mowing.Id}@fieldcontracts"];
        Assert.True(int.Parse(e["SEQUENCE"], null) > int.Parse(before["SEQUENCE"], null));
        Assert.EndsWith(": done", e["SUMMARY"], StringComparison.Ordinal);
        Assert.Equal($"{day:yyyyMMdd}T070000", e["DTSTART;TZID=America/New_York"]);
    }

    [Fact]
    public async Task Get_RevokedOnThisNodeWhileCached_Is404AtOnce()
    {
        var owner = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        var feed = await FeedClient.CreateAsync(owner, new { scope = "ChemicalOnly", contract = "2685" });
        using var first = await FeedClient.FetchAsync(app, feed.Path);
        using var cached = await FeedClient.FetchAsync(app, feed.Path, IfNoneMatch(first));
        Assert.Equal(HttpStatusCode.NotModified, cached.StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/feeds/{feed.Id}")).StatusCode);

        using var after = await FeedClient.FetchAsync(app, feed.Path, IfNoneMatch(first));
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    [Fact]
    public async Task Get_OnAnotherNode_RevocationAndAVisitShowWithinTheStalenessBound()
    {
        const int staleness = 2;
        await using var factory = new FieldContractsFactory(app.Database, app.Clock);
        await using var other = factory.WithWebHostBuilder(b => b.UseSetting("Feeds:StalenessSeconds", $"{staleness}"));
        using var otherClient = other.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var owner = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        var feed = await FeedClient.CreateAsync(owner, new { scope = "School", contract = "2685", school = "BHS" });
        var revoked = await FeedClient.CreateAsync(owner, new { scope = "School", contract = "2685", school = "BHS", name = "To be revoked" });
        using var first = await otherClient.GetAsync(feed.Path);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await otherClient.GetAsync(revoked.Path)).StatusCode);

        // Changed through this node: the other one learns it from the database once its copy is older than the bound.
        var mowing = await _f.MowingAsync("BHS", new LocalDate(2003, 7, 10));
        var day = mowing.PlannedDate!.Value;
        _f.Now(day.Month, day.Day, 17);
        var crew = await _f.CrewAsync();
        var height = WorkLogFixtures.Height(await _f.AreaAsync("BHS", "Softball outfield"), 2.5m);
        Assert.Equal(HttpStatusCode.Created,
            (await crew.PostAsync("/api/worklogs", WorkLogFixtures.Json(WorkLogFixtures.Mowing(mowing.Id, day, [height])))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/feeds/{revoked.Id}")).StatusCode);
        var changed = Stopwatch.StartNew();

        var revokedSeen = await UntilAsync(async () => (await otherClient.GetAsync(revoked.Path)).StatusCode == HttpStatusCode.NotFound);
        var visitSeen = await UntilAsync(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, feed.Path);
            request.Headers.TryAddWithoutValidation(HeaderNames.IfNoneMatch, first.Headers.ETag!.Tag);
            using var response = await otherClient.SendAsync(request);
            return response.StatusCode == HttpStatusCode.OK
                   && IcsText.ByUid(await response.Content.ReadAsByteArrayAsync())[$"{mowing.Id}@fieldcontracts"]["SUMMARY"].EndsWith(": done", StringComparison.Ordinal);
        });

        // The bound, with room for a slow machine to answer; never the 60 s an unbounded cache would need.
        Assert.True(revokedSeen, "the other node still serves a revoked token");
        Assert.True(visitSeen, "the other node never showed the visit");
        Assert.InRange(changed.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(staleness + 20));
    }

    [Theory]
    [InlineData("gzip", "gzip")]
    [InlineData("br", "br")]
    [InlineData("gzip, deflate, br", "br")]
    [InlineData("gzip;q=1, br;q=0.5", "gzip")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("*", "br")]
    [InlineData("identity", null)]
    [InlineData(null, null)]
    public async Task Get_AcceptEncoding_IsNegotiatedAndDecompressesToThePlainBody(string? acceptEncoding, string? expected)
    {
        var feed = await FeedAsync();
        var plain = await FeedClient.BytesAsync(app, feed.Path);
        using var plainResponse = await FeedClient.FetchAsync(app, feed.Path);

        using var response = await FeedClient.FetchAsync(app, feed.Path, r =>
        {
            if (acceptEncoding is not null)
            {
                r.Headers.TryAddWithoutValidation(HeaderNames.AcceptEncoding, acceptEncoding);
            }
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(HeaderNames.AcceptEncoding, response.Headers.Vary);
        Assert.Equal("text/calendar; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        var etag = response.Headers.ETag!;
        Assert.False(etag.IsWeak);
        if (expected is null)
        {
            Assert.Empty(response.Content.Headers.ContentEncoding);
            Assert.Equal(plain, body);
            Assert.Equal(plainResponse.Headers.ETag, etag);
        }
        else
        {
            Assert.Equal([expected], response.Content.Headers.ContentEncoding);
            Assert.True(body.Length * 4 < plain.Length, $"{expected}: {body.Length} bytes of {plain.Length}");
            Assert.Equal(plain, Decompress(body, expected));
            Assert.Equal(plainResponse.Headers.ETag!.Tag[..^1] + "-" + expected + "\"", etag.Tag);
        }

        // The tag of the encoding served, weak or strong, answers 304 with the same tag.
        foreach (var form in new[] { etag.Tag, "W/" + etag.Tag })
        {
            using var conditional = await FeedClient.FetchAsync(app, feed.Path, r =>
            {
                r.Headers.TryAddWithoutValidation(HeaderNames.IfNoneMatch, form);
                if (acceptEncoding is not null)
                {
                    r.Headers.TryAddWithoutValidation(HeaderNames.AcceptEncoding, acceptEncoding);
                }
            });
            Assert.Equal(HttpStatusCode.NotModified, conditional.StatusCode);
            Assert.Equal(etag, conditional.Headers.ETag);
            Assert.Contains(HeaderNames.AcceptEncoding, conditional.Headers.Vary);
            Assert.Empty(await conditional.Content.ReadAsByteArrayAsync());
        }
    }

    private static byte[] Decompress(byte[] body, string encoding)
    {
        using var input = new MemoryStream(body);
        using Stream decompressor = encoding == "gzip" ? new GZipStream(input, CompressionMode.Decompress) : new BrotliStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decompressor.CopyTo(output);
        return output.ToArray();
    }

    private static async Task<bool> UntilAsync(Func<Task<bool>> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(200);
        }

        return false;
    }

    private static Action<HttpRequestMessage> IfNoneMatch(HttpResponseMessage response) =>
        r => r.Headers.TryAddWithoutValidation(HeaderNames.IfNoneMatch, response.Headers.ETag!.Tag);

    private async Task<FeedClient.Made> FeedAsync()
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));
        return await FeedClient.CreateAsync(client, new { scope = "WholeContract", contract = "2685" });
    }
}

public sealed class FeedCacheTests_Sqlite(SqliteApp app) : FeedCacheTests(app), IClassFixture<SqliteApp>;

public sealed class FeedCacheTests_Postgres(PostgresApp app) : FeedCacheTests(app), IClassFixture<PostgresApp>;
