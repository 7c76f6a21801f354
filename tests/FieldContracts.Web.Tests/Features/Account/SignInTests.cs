using FieldContracts.Web.Demo;
using FieldContracts.Web.Features.Account;

namespace FieldContracts.Web.Tests.Features.Account;

public abstract class SignInTests(TestApp app)
{
    private static readonly string Message = WebUtility.HtmlEncode(SignInModel.FailureMessage);

    [Fact]
    public async Task SignIn_RightPassword_RedirectsHomeWithCookie()
    {
        var client = app.Anonymous();

        var response = await TestApp.PostFormAsync(client, "/account/sign-in", new()
        {
            ["Input.Email"] = TestApp.EmailOf(Roles.AthleticDirector), ["Input.Password"] = DemoData.Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("fieldcontracts.auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignIn_WrongPasswordOrUnknownEmail_SameClearMessageAndNoCookie()
    {
        var wrongPassword = await TestApp.PostFormAsync(app.Anonymous(), "/account/sign-in", new()
        {
            ["Input.Email"] = TestApp.EmailOf(Roles.Contractor), ["Input.Password"] = "not-the-password",
        });
        var unknownEmail = await TestApp.PostFormAsync(app.Anonymous(), "/account/sign-in", new()
        {
            ["Input.Email"] = "nobody@hartford.example", ["Input.Password"] = "not-the-password",
        });

        foreach (var response in new[] { wrongPassword, unknownEmail })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(Message, await response.Content.ReadAsStringAsync());
            Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies)
                && cookies.Any(c => c.StartsWith("fieldcontracts.auth=", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccountWithTheSameMessage()
    {
        var email = TestApp.EmailOf(Roles.Finance);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await TestApp.PostFormAsync(app.Anonymous(), "/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = $"wrong-{attempt}" });
        }

        var rightPassword = await TestApp.PostFormAsync(app.Anonymous(), "/account/sign-in", new()
        {
            ["Input.Email"] = email, ["Input.Password"] = DemoData.Password,
        });

        Assert.Equal(HttpStatusCode.OK, rightPassword.StatusCode);
        Assert.Contains(Message, await rightPassword.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignIn_EmptyFields_ShowsFieldErrors()
    {
        var response = await TestApp.PostFormAsync(app.Anonymous(), "/account/sign-in", new() { ["Input.Email"] = "", ["Input.Password"] = "" });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter your email.", html);
        Assert.Contains("Enter your password.", html);
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_IsRefused()
    {
        var response = await app.Anonymous().PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = TestApp.EmailOf(Roles.Purchasing), ["Input.Password"] = DemoData.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_ExternalReturnUrl_IsIgnored()
    {
        var client = app.Anonymous();

        var response = await TestApp.PostFormAsync(client, "/account/sign-in?ReturnUrl=https%3A%2F%2Fevil.example%2F", new()
        {
            ["Input.Email"] = TestApp.EmailOf(Roles.Purchasing), ["Input.Password"] = DemoData.Password,
            ["ReturnUrl"] = "https://evil.example/",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));

        await TestApp.PostFormAsync(client, "/account/sign-out", new());
        var after = await client.GetAsync("/contracts/2685");

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }
}

public sealed class SignInTests_Sqlite(SqliteApp app) : SignInTests(app), IClassFixture<SqliteApp>;

public sealed class SignInTests_Postgres(PostgresApp app) : SignInTests(app), IClassFixture<PostgresApp>;
