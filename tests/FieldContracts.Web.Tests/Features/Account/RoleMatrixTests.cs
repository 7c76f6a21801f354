namespace FieldContracts.Web.Tests.Features.Account;

/// <summary>Deny by default: what each role, and nobody, may reach.</summary>
public abstract class RoleMatrixTests(TestApp app)
{
    public static TheoryData<string> Pages => ["/", "/contracts", "/contracts/new", "/contracts/2685", "/contracts/2685/settings", "/contracts/2685/deficiencies", "/openapi/v1.json",
        "/no-such-page", "/contracts/2685/insurance", "/contracts/2685/insurance/certificates/new", $"/contracts/2685/insurance/certificates/{Guid.Empty}",
        "/contracts/2685/insurance/city-cover", "/contracts/2685/licences", "/contracts/2685/subcontracting",
        "/contracts/2685/schedule", "/contracts/2685/schedule/term", "/contracts/2685/schedule/term?handler=Csv",
        "/contracts/2685/schedule/list", "/contracts/2685/schedule/list?handler=Csv", "/jobs/schedule",
        "/contracts/2685/schools/WHS/calendar"];

    public static TheoryData<string, string> Api => new()
    {
        { "GET", "/api/contracts" },
        { "GET", "/api/contracts/2685" },
        { "POST", "/api/contracts" },
        { "PUT", "/api/contracts/2685/settings" },
        { "GET", "/api/contracts/2685/deficiencies" },
        { "GET", $"/api/deficiencies/{Guid.Empty}" },
        { "POST", $"/api/deficiencies/{Guid.Empty}/acknowledge" },
        { "POST", $"/api/deficiencies/{Guid.Empty}/cure" },
        { "GET", "/api/contracts/2685/insurance/requirements" },
        { "PUT", "/api/contracts/2685/insurance/requirements" },
        { "GET", "/api/contracts/2685/insurance/certificates" },
        { "POST", "/api/contracts/2685/insurance/certificates" },
        { "POST", $"/api/contracts/2685/insurance/certificates/{Guid.Empty}/accept" },
        { "GET", "/api/contracts/2685/insurance/compliance" },
        { "POST", "/api/contracts/2685/insurance/city-cover" },
        { "GET", "/api/contracts/2685/licences" },
        { "POST", "/api/contracts/2685/licences" },
        { "GET", "/api/contracts/2685/subcontracting" },
        { "POST", "/api/contracts/2685/subcontracting/requests" },
        { "POST", $"/api/contracts/2685/subcontracting/requests/{Guid.Empty}/approve" },
        { "GET", "/api/contracts/2685/schools/WHS/calendar/sources" },
        { "POST", "/api/contracts/2685/schools/WHS/calendar/sources" },
        { "POST", $"/api/contracts/2685/schools/WHS/calendar/sources/{Guid.Empty}/refresh" },
        { "DELETE", $"/api/contracts/2685/schools/WHS/calendar/sources/{Guid.Empty}" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_Anonymous_RedirectsToSignIn(string path)
    {
        // Unknown paths too: an anonymous caller cannot even learn which pages exist.
        var response = await app.Anonymous().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [MemberData(nameof(Api))]
    public async Task Api_Anonymous_Answers401(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "GET" ? null : new StringContent("{}", System.Text.Encoding.UTF8, "application/json"),
        };

        var response = await app.Anonymous().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task UnknownPage_SignedIn_Answers404Page()
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));

        var response = await client.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("There is nothing here that you can see.", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(Roles.Purchasing, true, true)]
    [InlineData(Roles.AthleticDirector, true, true)]
    [InlineData(Roles.Contractor, false, false)]
    [InlineData(Roles.Finance, false, false)]
    public async Task Navigation_LinksOnlyToWhatTheRoleMayOpen(string role, bool jobs, bool recipients)
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(role));

        var html = await client.GetStringAsync("/");

        Assert.Contains("href=\"/worklogs\"", html);
        Assert.Contains("href=\"/feeds\"", html);
        Assert.Equal(jobs, html.Contains("href=\"/jobs/schedule\"", StringComparison.Ordinal));
        Assert.Equal(recipients, html.Contains("href=\"/notices/recipients\"", StringComparison.Ordinal));
        foreach (var (path, shown) in new[] { ("/jobs", jobs), ("/jobs/schedule", jobs), ("/notices/recipients", recipients) })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(shown, response.StatusCode == HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task SignInPage_Anonymous_IsServed()
    {
        var response = await app.Anonymous().GetAsync("/account/sign-in");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(Roles.Purchasing)]
    [InlineData(Roles.AthleticDirector)]
    [InlineData(Roles.Contractor)]
    [InlineData(Roles.Finance)]
    public async Task EveryRole_SeesContract2685(string role)
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(role));

        var list = await client.GetStringAsync("/");
        var overview = await client.GetAsync("/contracts/2685");
        var api = await client.GetAsync("/api/contracts/2685");

        Assert.Contains("#2685", list);
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        Assert.Contains("Weaver High School", await overview.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    [Theory]
    [InlineData(Roles.Purchasing, HttpStatusCode.OK)]
    [InlineData(Roles.AthleticDirector, HttpStatusCode.Redirect)]
    [InlineData(Roles.Contractor, HttpStatusCode.Redirect)]
    [InlineData(Roles.Finance, HttpStatusCode.Redirect)]
    public async Task SettingsPage_OnlyPurchasing(string role, HttpStatusCode expected)
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(role));

        var response = await client.GetAsync("/contracts/2685/settings");

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Redirect)
        {
            Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery);
        }
    }

    [Theory]
    [InlineData(Roles.AthleticDirector)]
    [InlineData(Roles.Contractor)]
    [InlineData(Roles.Finance)]
    public async Task WritingApi_OtherThanPurchasing_Answers403(string role)
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(role));

        var create = await client.PostAsync("/api/contracts", Json("{}"));
        var settings = await client.PutAsync("/api/contracts/2685/settings",
            Json("""{"subcontracting":"NotPermitted","chemicalNoticeLeadHours":24,"mowingCadenceDays":7}"""));

        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, settings.StatusCode);
    }

    [Fact]
    public async Task Contractor_OtherContractorsContract_IsNotFoundOnPageAndApi()
    {
        var crew = await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor));

        var page = await crew.GetAsync($"/contracts/{TestApp.OtherContractNumber}");
        var api = await crew.GetAsync($"/api/contracts/{TestApp.OtherContractNumber}");
        var list = await crew.GetStringAsync("/api/contracts");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain(TestApp.OtherContractTitle, await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
        Assert.Contains("\"2685\"", list);
        Assert.DoesNotContain(TestApp.OtherContractNumber, list);
    }

    [Fact]
    public async Task OtherContractor_SeesOnlyItsOwnContract()
    {
        var other = await app.SignedInAsync(TestApp.OtherContractorEmail);

        var list = await other.GetStringAsync("/api/contracts");
        var mine = await other.GetAsync($"/contracts/{TestApp.OtherContractNumber}");
        var theirs = await other.GetAsync("/contracts/2685");

        Assert.Contains(TestApp.OtherContractTitle, list);
        Assert.DoesNotContain("\"2685\"", list);
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
    }

    [Fact]
    public async Task CityStaff_SeeEveryContract()
    {
        var finance = await app.SignedInAsync(TestApp.EmailOf(Roles.Finance));

        var list = await finance.GetStringAsync("/api/contracts");

        Assert.Contains("\"2685\"", list);
        Assert.Contains($"\"{TestApp.OtherContractNumber}\"", list);
    }

    [Fact]
    public async Task OpenApiDocument_SignedIn_DescribesTheContractsApi()
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));

        var document = await client.GetStringAsync("/openapi/v1.json");

        Assert.Contains("\"/api/contracts/{number}\"", document);
        Assert.Contains("\"format\": \"date\"", document);
        // The jobs' next runs are zoned date-times: the document says their form.
        Assert.Contains("A date and time in Hartford with its offset from UTC (RFC 3339), e.g. 2003-07-10T09:00:00-04:00.", document);
    }

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}

public sealed class RoleMatrixTests_Sqlite(SqliteApp app) : RoleMatrixTests(app), IClassFixture<SqliteApp>;

public sealed class RoleMatrixTests_Postgres(PostgresApp app) : RoleMatrixTests(app), IClassFixture<PostgresApp>;
