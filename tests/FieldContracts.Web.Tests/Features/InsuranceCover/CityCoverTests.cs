using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using FieldContracts.Web.Tests.Features.Shared;
using Microsoft.EntityFrameworkCore;
using static FieldContracts.Web.Tests.Features.Billing.BillingFlow;
using static FieldContracts.Web.Tests.Features.Shared.RefusedForm;

namespace FieldContracts.Web.Tests.Features.InsuranceCover;

/// <summary>
/// Special instruction 14, item 11: a lapse "may be cured by procurement of insurance on behalf of the Provider, at the
/// Provider's expense, and at the City's option". Purchasing records the cover the City bought; its cost comes off the
/// installment of the period holding the day bought.
/// </summary>
public abstract class CityCoverTests(TestApp app)
{
    private const string Route = "/api/contracts/2685/insurance/city-cover";

    private const string Wording = "bought by the City at the contractor's expense (special instruction 14)";

    [Fact]
    public async Task Record_ByPurchasing_IsANegativeAdjustmentOnTheDraftOfThePeriodHoldingTheDayBought()
    {
        SetToday(app, Day(8, 6));
        var purchasing = await PurchasingAsync(app);

        var view = await ExpectAsync(await PostAsync(purchasing, Route, new
        {
            kind = "AutomobileLiability", cost = 1850.00m, boughtOn = "2003-08-05", effective = "2003-08-05", expiration = "2004-08-05",
            note = "Binder from Charter Oak Insurance Agency (sample)",
        }), HttpStatusCode.OK);

        // The tests share one application: this purchase is the one of automobile liability.
        var purchase = Assert.Single(view.GetProperty("purchases").EnumerateArray(),
            p => p.GetProperty("reason").GetString()!.StartsWith("Automobile liability", StringComparison.Ordinal));
        Assert.Equal((-1850.00m, "2003-08-05"), (purchase.GetProperty("amount").GetDecimal(), purchase.GetProperty("boughtOn").GetString()));
        Assert.Equal("Automobile liability, policy August 5, 2003 to August 5, 2004, " + Wording
                     + ", bought August 5, 2003: Binder from Charter Oak Insurance Agency (sample)", purchase.GetProperty("reason").GetString());

        SetToday(app, Day(9, 2));
        var august = await DraftAsync(purchasing, 4);
        var line = Assert.Single(Lines(august, "Adjustment"), l => Sources(l).Contains(purchase.GetProperty("id").GetGuid()));
        Assert.Equal(-1850.00m, Amount(line.GetProperty("amount")));
        Assert.Contains(Wording, line.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("Automobile liability", line.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal([purchase.GetProperty("id").GetGuid()], Sources(line));
        Assert.Empty(Lines(await DraftAsync(purchasing, 3), "Adjustment"));
        // The contractor sees what was charged to it.
        var listed = await GetJsonAsync(await CrewAsync(app), Route);
        Assert.Contains(listed.GetProperty("purchases").EnumerateArray(), p => p.GetProperty("id").GetGuid() == purchase.GetProperty("id").GetGuid());
    }

    [Theory]
    [InlineData(Roles.Contractor)]
    [InlineData(Roles.AthleticDirector)]
    [InlineData(Roles.Finance)]
    public async Task Record_ByAnyoneButPurchasing_403AndNothingWritten(string role)
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(role));
        await using var db = app.Database.CreateContext();
        var before = await db.BillingAdjustments.CountAsync();

        var response = await PostAsync(client, Route, new
        {
            kind = "AutomobileLiability", cost = 1850.00m, boughtOn = "2003-08-05", effective = "2003-08-05", expiration = "2004-08-05",
        });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await db.BillingAdjustments.CountAsync());
    }

    public static TheoryData<string, object> BadInput => new()
    {
        { "kind", new { cost = 1850.00m, boughtOn = "2003-08-05", effective = "2003-08-05", expiration = "2004-08-05" } },
        { "cost", new { kind = "AutomobileLiability", cost = 0m, boughtOn = "2003-08-05", effective = "2003-08-05", expiration = "2004-08-05" } },
        { "cost", new { kind = "AutomobileLiability", cost = 1850.005m, boughtOn = "2003-08-05", effective = "2003-08-05", expiration = "2004-08-05" } },
        { "boughtOn", new { kind = "AutomobileLiability", cost = 1850.00m, effective = "2003-08-05", expiration = "2004-08-05" } },
        { "expiration", new { kind = "AutomobileLiability", cost = 1850.00m, boughtOn = "2003-08-05", effective = "2004-08-05", expiration = "2003-08-05" } },
        { "expiration", new { kind = "AutomobileLiability", cost = 1850.00m, boughtOn = "2004-09-01", effective = "2003-08-05", expiration = "2004-08-05" } },
        { "note", new { kind = "AutomobileLiability", cost = 1850.00m, boughtOn = "2003-08-05", effective = "2003-08-05", expiration = "2004-08-05", note = new string('n', 1001) } },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Record_BadInput_400WithTheFieldsErrorAndNothingWritten(string field, object body)
    {
        var purchasing = await PurchasingAsync(app);
        await using var db = app.Database.CreateContext();
        var before = await db.BillingAdjustments.CountAsync();

        var problem = await ExpectAsync(await PostAsync(purchasing, Route, body), HttpStatusCode.BadRequest);

        Assert.NotEmpty(Errors(problem, field));
        Assert.Equal(before, await db.BillingAdjustments.CountAsync());
    }

    [Fact]
    public async Task Page_Purchasing_KeepsTypedInputBesideTheError_ThenListsThePurchase()
    {
        SetToday(app, Day(10, 8));
        var purchasing = await PurchasingAsync(app);
        const string page = "/contracts/2685/insurance/city-cover";
        var fields = new Dictionary<string, string>
        {
            ["Kind"] = "GarageKeepersLegalLiability", ["Cost"] = "0", ["BoughtOn"] = "2003-10-07", ["Effective"] = "2003-10-07",
            ["Expiration"] = "2004-10-07", ["Note"] = "Garage keepers binder (sample)",
        };

        var refused = await TestApp.PostFormAsync(purchasing, page, new Dictionary<string, string>(fields));
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        // The summary names the field by its label and links to it; the field is marked and described by the error beside it.
        Assert.Contains("<a href=\"#Cost\">Cost: The cost in dollars and cents, more than zero.</a>", html, StringComparison.Ordinal);
        AssertMarked(html, "Cost", "The cost in dollars and cents, more than zero.");
        // Everything typed is still in the form.
        Assert.Contains("value=\"GarageKeepersLegalLiability\" selected", html, StringComparison.Ordinal);
        Assert.Contains("value=\"0\"", Field(html, "Cost"), StringComparison.Ordinal);
        Assert.Contains("value=\"2003-10-07\"", Field(html, "BoughtOn"), StringComparison.Ordinal);
        Assert.Contains("value=\"2003-10-07\"", Field(html, "Effective"), StringComparison.Ordinal);
        Assert.Contains("value=\"2004-10-07\"", Field(html, "Expiration"), StringComparison.Ordinal);
        Assert.Matches(">\\s*Garage keepers binder \\(sample\\)</textarea>", html);

        fields["Cost"] = "2400.00";
        var recorded = await TestApp.PostFormAsync(purchasing, page, fields);
        var listed = WebUtility.HtmlDecode(await Forms.FollowRedirectAsync(purchasing, recorded, page));
        Assert.Contains("The purchase is recorded; its cost comes off the installment", listed, StringComparison.Ordinal);
        Assert.Contains("Garage keepers legal liability, policy October 7, 2003 to October 7, 2004, " + Wording, listed, StringComparison.Ordinal);
        Assert.Contains("-$2,400.00", listed, StringComparison.Ordinal);
        // A refresh of the page it landed on records nothing and says nothing again.
        Assert.DoesNotContain("The purchase is recorded", await purchasing.GetStringAsync(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_UnreadableDay_SaidBesideItsField_NothingWritten()
    {
        var purchasing = await PurchasingAsync(app);
        await using var db = app.Database.CreateContext();
        var before = await db.BillingAdjustments.CountAsync();

        var refused = await TestApp.PostFormAsync(purchasing, "/contracts/2685/insurance/city-cover", new()
        {
            ["Kind"] = "AutomobileLiability", ["Cost"] = "1850.00", ["BoughtOn"] = "2003-08-05", ["Effective"] = "Aug 5", ["Expiration"] = "2004-08-05",
            ["Note"] = "Binder (sample)",
        });

        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("<a href=\"#Effective\">Policy effective: Give the day (yyyy-mm-dd).</a>", html, StringComparison.Ordinal);
        AssertMarked(html, "Effective", "Give the day (yyyy-mm-dd).");
        Assert.Contains("value=\"Aug 5\"", Field(html, "Effective"), StringComparison.Ordinal);
        Assert.Contains("value=\"1850.00\"", Field(html, "Cost"), StringComparison.Ordinal);
        Assert.Equal(before, await db.BillingAdjustments.CountAsync());
    }


    [Fact]
    public async Task Page_AnyoneButPurchasing_Refused()
    {
        var crew = await CrewAsync(app);

        var response = await crew.GetAsync("/contracts/2685/insurance/city-cover");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("/account/access-denied", response.Headers.Location?.ToString() ?? "", StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Api_InTheOpenApiDocument_AndRefusedToAnonymousCallers()
    {
        var document = await (await PurchasingAsync(app)).GetStringAsync("/openapi/v1.json");
        var anonymous = await app.Anonymous().PostAsync(Route, new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Contains("\"/api/contracts/{number}/insurance/city-cover\"", document, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}

public sealed class CityCoverTests_Sqlite(SqliteApp app) : CityCoverTests(app), IClassFixture<SqliteApp>;

public sealed class CityCoverTests_Postgres(PostgresApp app) : CityCoverTests(app), IClassFixture<PostgresApp>;
