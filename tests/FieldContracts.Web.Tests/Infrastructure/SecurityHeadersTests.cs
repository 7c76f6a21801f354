using Microsoft.AspNetCore.Mvc.Testing;

namespace FieldContracts.Web.Tests.Infrastructure;

/// <summary>Every answer carries the security headers: pages, the API, error pages and files alike.</summary>
public abstract class SecurityHeadersTests(TestApp app)
{
    private const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    [Fact]
    public async Task Page_ApiAnswer_ErrorPageAndFile_CarryThePolicyAndTheOtherHeaders()
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));

        using var page = await client.GetAsync("/contracts/2685");
        using var api = await client.GetAsync("/api/contracts/2685");
        using var refused = await app.Anonymous().GetAsync("/api/contracts/2685");
        using var notFound = await client.GetAsync("/no/such/page");
        using var file = await client.GetAsync("/css/site.css");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Contains("Not found", await notFound.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        foreach (var answer in new[] { page, api, refused, notFound, file })
        {
            Assert.Equal(Policy, Header(answer, "Content-Security-Policy"));
            Assert.DoesNotContain("unsafe-inline", Header(answer, "Content-Security-Policy"), StringComparison.Ordinal);
            Assert.Equal("nosniff", Header(answer, "X-Content-Type-Options"));
            Assert.Equal("strict-origin-when-cross-origin", Header(answer, "Referrer-Policy"));
            Assert.Equal("DENY", Header(answer, "X-Frame-Options"));
        }
    }

    [Fact]
    public async Task Page_WritesNoInlineScriptStyleOrHandler()
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));
        foreach (var path in new[] { "/contracts/2685/settings", "/feeds", "/notices/recipients", "/contracts/2685/insurance", "/contracts/2685/specification" })
        {
            var html = await client.GetStringAsync(path);
            Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)[^>]*>", html);
            Assert.DoesNotMatch("\\sstyle=\"", html);
            Assert.DoesNotMatch("\\son[a-z]+=\"", html);
        }
    }

    [Fact]
    public async Task Https_OutsideDevelopment_AddsStrictTransportSecurity()
    {
        var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://contracts.hartford.example/"), AllowAutoRedirect = false,
        });

        using var page = await client.GetAsync("/account/sign-in");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.StartsWith("max-age=", Header(page, "Strict-Transport-Security"), StringComparison.Ordinal);
        Assert.Equal(Policy, Header(page, "Content-Security-Policy"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : "";
}

public sealed class SecurityHeadersTests_Sqlite(SqliteApp app) : SecurityHeadersTests(app), IClassFixture<SqliteApp>;

public sealed class SecurityHeadersTests_Postgres(PostgresApp app) : SecurityHeadersTests(app), IClassFixture<PostgresApp>;
