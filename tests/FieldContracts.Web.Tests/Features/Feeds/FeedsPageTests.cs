using System.Text.RegularExpressions;
using FieldContracts.Web.Tests.Features.Shared;

namespace FieldContracts.Web.Tests.Features.Feeds;

public abstract partial class FeedsPageTests(TestApp app)
{
    [Fact]
    public async Task Post_Create_ShowsTheAddressOnceWithWebcalGoogleAndOutlookLinks()
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));

        using var response = await TestApp.PostFormAsync(client, "/feeds?handler=Create", new()
        {
            ["Input.Contract"] = "2685", ["Input.Scope"] = "School", ["Input.School"] = "HPHS", ["Input.Name"] = "",
        });

        var html = WebUtility.HtmlDecode(await Forms.FollowRedirectAsync(client, response, "/feeds"));
        var https = HttpsLink().Match(html);
        Assert.True(https.Success, "no feed address on the page");
        var address = https.Groups[1].Value;
        Assert.Contains("webcal://localhost/feeds/", html, StringComparison.Ordinal);
        Assert.Contains("https://calendar.google.com/calendar/r?cid=" + Uri.EscapeDataString(address.Replace("http://", "webcal://")), html, StringComparison.Ordinal);
        Assert.Contains("https://outlook.live.com/calendar/0/addfromweb?url=" + Uri.EscapeDataString(address), html, StringComparison.Ordinal);
        Assert.Contains("https://outlook.office.com/calendar/0/addfromweb?url=" + Uri.EscapeDataString(address), html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await FeedClient.FetchAsync(app, new Uri(address).AbsolutePath)).StatusCode);

        // A refresh shows the address no more and makes no second feed.
        var later = WebUtility.HtmlDecode(await client.GetStringAsync("/feeds"));
        Assert.Contains("Hartford Public High School", later, StringComparison.Ordinal);
        Assert.DoesNotContain(address, later, StringComparison.Ordinal);
        Assert.Equal(FeedRow().Matches(html).Count, FeedRow().Matches(later).Count);
    }

    [Fact]
    public async Task Post_SchoolScopeWithoutASchool_ShowsAFormErrorAndWritesNothing()
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        var before = await client.GetStringAsync("/api/feeds");

        using var response = await TestApp.PostFormAsync(client, "/feeds?handler=Create", new()
        {
            ["Input.Contract"] = "2685", ["Input.Scope"] = "School", ["Input.School"] = "",
        });

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choose one of the contract's schools", html, StringComparison.Ordinal);
        Assert.Equal(before, await client.GetStringAsync("/api/feeds"));
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRefusedAndWritesNothing()
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        var before = await client.GetStringAsync("/api/feeds");

        using var response = await client.PostAsync("/feeds?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Contract"] = "2685", ["Input.Scope"] = "WholeContract",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await client.GetStringAsync("/api/feeds"));
    }

    [Fact]
    public async Task Post_RevokeAndRenew_WorkOnlyOnOnesOwnFeed()
    {
        var owner = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));
        var other = await app.SignedInAsync(TestApp.EmailOf(Roles.Finance));
        var feed = await FeedClient.CreateAsync(owner, new { scope = "WholeContract", contract = "2685" });

        using var othersRevoke = await TestApp.PostFormAsync(other, $"/feeds?handler=Revoke&id={feed.Id}", []);
        using var othersRenew = await TestApp.PostFormAsync(other, $"/feeds?handler=Renew&id={feed.Id}", []);
        Assert.Equal(HttpStatusCode.NotFound, othersRevoke.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, othersRenew.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await FeedClient.FetchAsync(app, feed.Path)).StatusCode);

        using var renew = await TestApp.PostFormAsync(owner, $"/feeds?handler=Renew&id={feed.Id}", []);
        var renewed = HttpsLink().Match(WebUtility.HtmlDecode(await Forms.FollowRedirectAsync(owner, renew, "/feeds")));
        Assert.True(renewed.Success);
        Assert.Equal(HttpStatusCode.NotFound, (await FeedClient.FetchAsync(app, feed.Path)).StatusCode);
        var newPath = new Uri(renewed.Groups[1].Value).AbsolutePath;
        Assert.Equal(HttpStatusCode.OK, (await FeedClient.FetchAsync(app, newPath)).StatusCode);

        using var revoke = await TestApp.PostFormAsync(owner, $"/feeds?handler=Revoke&id={feed.Id}", []);
        Assert.Contains("Feed revoked", await Forms.FollowRedirectAsync(owner, revoke, "/feeds"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await FeedClient.FetchAsync(app, newPath)).StatusCode);
    }

    [Fact]
    public async Task Get_ForAContractor_OffersItsOwnWorkAndOnlyItsContracts()
    {
        var crew = await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor));

        var html = WebUtility.HtmlDecode(await crew.GetStringAsync("/feeds"));

        Assert.Contains("value=\"ContractorWork\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2685\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{TestApp.OtherContractNumber}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ForCityStaff_DoesNotOfferContractorWork()
    {
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));

        var html = await director.GetStringAsync("/feeds");

        Assert.DoesNotContain("value=\"ContractorWork\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Anonymous_IsSentToSignIn()
    {
        using var client = app.Anonymous();

        using var response = await client.GetAsync("/feeds");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_LinksToSubscribe()
    {
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));

        var html = await director.GetStringAsync("/contracts/2685");

        Assert.Contains("href=\"/feeds?contract=2685\"", html, StringComparison.Ordinal);
        Assert.Contains("Subscribe to the schedule", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("data-testid=\"feed\"")]
    private static partial Regex FeedRow();

    [GeneratedRegex("value=\"(http://localhost/feeds/[A-Za-z0-9_-]{43}\\.ics)\"")]
    private static partial Regex HttpsLink();
}

public sealed class FeedsPageTests_Sqlite(SqliteApp app) : FeedsPageTests(app), IClassFixture<SqliteApp>;

public sealed class FeedsPageTests_Postgres(PostgresApp app) : FeedsPageTests(app), IClassFixture<PostgresApp>;
