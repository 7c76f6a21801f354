using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FieldContracts.Web.Tests.Features.Feeds;

public abstract class FeedsApiTests(TestApp app)
{
    [Fact]
    public async Task Post_WholeContract_IssuesA256BitTokenStoredOnlyAsItsHash()
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.Finance));

        var feed = await FeedClient.CreateAsync(client, new { scope = "WholeContract", contract = "2685" });

        var secret = System.Buffers.Text.Base64Url.DecodeFromChars(feed.Token);
        Assert.True(secret.Length * 8 >= 128, $"the token holds {secret.Length * 8} bits");
        Assert.Equal(32, secret.Length);
        await using var db = app.Database.CreateContext();
        var row = await db.CalendarFeeds.SingleAsync(f => f.Id == feed.Id);
        Assert.Equal(SHA256.HashData(secret), row.TokenHash);
        var stored = JsonSerializer.Serialize(row);
        Assert.DoesNotContain(feed.Token, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(secret), stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_TwoFeeds_GetDifferentTokens()
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.Finance));

        var first = await FeedClient.CreateAsync(client, new { scope = "WholeContract", contract = "2685" });
        var second = await FeedClient.CreateAsync(client, new { scope = "WholeContract", contract = "2685" });

        Assert.NotEqual(first.Token, second.Token);
    }

    [Fact]
    public async Task Post_Created_AnswersEverySubscribeLink()
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));

        var feed = await FeedClient.CreateAsync(client, new { scope = "School", contract = "2685", school = "whs", name = "Fields: Weaver" });

        var links = feed.Answer.GetProperty("links");
        var https = links.GetProperty("https").GetString()!;
        Assert.Equal($"http://localhost/feeds/{feed.Token}.ics", https);
        Assert.Equal($"webcal://localhost/feeds/{feed.Token}.ics", links.GetProperty("webcal").GetString());
        Assert.Equal("https://calendar.google.com/calendar/r?cid=" + Uri.EscapeDataString($"webcal://localhost/feeds/{feed.Token}.ics"),
            links.GetProperty("google").GetString());
        Assert.Equal($"https://outlook.live.com/calendar/0/addfromweb?url={Uri.EscapeDataString(https)}&name=Fields%3A%20Weaver",
            links.GetProperty("outlookCom").GetString());
        Assert.Equal("School", feed.Answer.GetProperty("feed").GetProperty("scope").GetString());
        Assert.Equal("WHS", feed.Answer.GetProperty("feed").GetProperty("school").GetString());
    }

    [Theory]
    [InlineData("{\"scope\":\"Everything\",\"contract\":\"2685\"}", "$.scope")]
    [InlineData("{\"contract\":\"2685\"}", "scope")]
    [InlineData("{\"scope\":\"WholeContract\"}", "contract")]
    [InlineData("{\"scope\":\"WholeContract\",\"contract\":\"4711\"}", "contract")]
    [InlineData("{\"scope\":\"School\",\"contract\":\"2685\",\"school\":\"XYZ\"}", "school")]
    [InlineData("{\"scope\":\"School\",\"contract\":\"2685\"}", "school")]
    [InlineData("{\"scope\":\"ContractorWork\"}", "scope")]
    public async Task Post_BadInput_Is400NamingTheFieldAndWritesNothing(string body, string field)
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        var before = await CountAsync();

        using var response = await client.PostAsync("/api/feeds", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Post_ContractorForAnotherContractorsContract_Is400AndWritesNothing()
    {
        var crew = await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor));
        var before = await CountAsync();

        using var response = await FeedClient.PostJsonAsync(crew, "/api/feeds", new { scope = "WholeContract", contract = TestApp.OtherContractNumber });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Post_NameTooLong_Is400()
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));

        using var response = await FeedClient.PostJsonAsync(client, "/api/feeds", new { scope = "WholeContract", contract = "2685", name = new string('x', 201) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Get_List_ShowsOnlyTheCallersOwnActiveFeedsWithoutTokens()
    {
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        var finance = await app.SignedInAsync(TestApp.EmailOf(Roles.Finance));
        var mine = await FeedClient.CreateAsync(director, new { scope = "ChemicalOnly", contract = "2685" });
        var revoked = await FeedClient.CreateAsync(director, new { scope = "ChemicalOnly", contract = "2685" });
        var theirs = await FeedClient.CreateAsync(finance, new { scope = "WholeContract", contract = "2685" });
        await director.DeleteAsync($"/api/feeds/{revoked.Id}");

        using var response = await director.GetAsync("/api/feeds");

        var text = await response.Content.ReadAsStringAsync();
        var ids = JsonDocument.Parse(text).RootElement.EnumerateArray().Select(f => f.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(mine.Id, ids);
        Assert.DoesNotContain(revoked.Id, ids);
        Assert.DoesNotContain(theirs.Id, ids);
        Assert.DoesNotContain(mine.Token, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenewAndRevoke_SomeoneElsesFeed_Are404AndTheFeedKeepsWorking()
    {
        var owner = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        var feed = await FeedClient.CreateAsync(owner, new { scope = "WholeContract", contract = "2685" });
        var others = new[]
        {
            await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing)),
            await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor)),
        };

        foreach (var other in others)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/feeds/{feed.Id}/renew", null)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/api/feeds/{feed.Id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/feeds/{feed.Id}")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await FeedClient.FetchAsync(app, feed.Path)).StatusCode);
        await using var db = app.Database.CreateContext();
        var row = await db.CalendarFeeds.SingleAsync(f => f.Id == feed.Id);
        Assert.Null(row.RevokedAt);
        Assert.Null(row.RenewedAt);
    }

    [Fact]
    public async Task Delete_Twice_IsNoContentThen404()
    {
        var owner = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));
        var feed = await FeedClient.CreateAsync(owner, new { scope = "WholeContract", contract = "2685" });

        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/feeds/{feed.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.DeleteAsync($"/api/feeds/{feed.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.PostAsync($"/api/feeds/{feed.Id}/renew", null)).StatusCode);
    }

    [Fact]
    public async Task Api_Anonymous_Is401()
    {
        using var client = app.Anonymous();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/feeds")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await FeedClient.PostJsonAsync(client, "/api/feeds", new { scope = "WholeContract", contract = "2685" })).StatusCode);
    }

    [Fact]
    public async Task Get_FeedOfAContractorWhoNoLongerWorksThere_Is404()
    {
        var otherCrew = await app.SignedInAsync(TestApp.OtherContractorEmail);
        var feed = await FeedClient.CreateAsync(otherCrew, new { scope = "WholeContract", contract = TestApp.OtherContractNumber });
        Assert.Equal(HttpStatusCode.OK, (await FeedClient.FetchAsync(app, feed.Path)).StatusCode);

        // Saved by the application, as an administrator's change would be: its node stops the feed at once.
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FieldContracts.Data.FieldContractsDbContext>();
            var user = await db.Users.SingleAsync(u => u.Email == TestApp.OtherContractorEmail);
            var otherContractor = await db.Contracts.Where(c => c.Number == "2685").Select(c => c.ContractorId).SingleAsync();
            var former = user.ContractorId;
            user.ContractorId = otherContractor;
            await db.SaveChangesAsync();
            try
            {
                Assert.Equal(HttpStatusCode.NotFound, (await FeedClient.FetchAsync(app, feed.Path)).StatusCode);
            }
            finally
            {
                user.ContractorId = former;
                await db.SaveChangesAsync();
            }
        }
    }

    private async Task<int> CountAsync()
    {
        await using var db = app.Database.CreateContext();
        return await db.CalendarFeeds.CountAsync();
    }
}

public sealed class FeedsApiTests_Sqlite(SqliteApp app) : FeedsApiTests(app), IClassFixture<SqliteApp>;

public sealed class FeedsApiTests_Postgres(PostgresApp app) : FeedsApiTests(app), IClassFixture<PostgresApp>;
