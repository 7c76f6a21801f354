using System.Net;
using System.Text.RegularExpressions;
using FieldContracts.Data.Identity;
using FieldContracts.Web.Testing;
using FieldContracts.Web.Tests.Features.Shared;
using static FieldContracts.Web.Tests.Features.Billing.BillingFlow;

namespace FieldContracts.Web.Tests.Features.Billing;

/// <summary>
/// The billing pages refuse bad input next to the field and keep what was typed; every form carries its anti-forgery
/// token; Finance lands on its queue.
/// </summary>
public abstract class BillingPagesTests(TestApp app)
{
    [Fact]
    public async Task InvoicePage_RejectWithoutReason_ErrorOnThePageAndNothingChanges()
    {
        SetToday(app, Day(7, 10));
        var may = await InvoiceIdAsync(app, 1);
        var finance = await FinanceAsync(app);

        var response = await TestApp.PostFormAsync(finance, $"/contracts/2685/invoices/{may}?handler=Reject", new() { ["Reason"] = " " });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(["<a href=\"#Reason\">Reason: Rejecting an invoice needs a reason.</a>"], Summary(html));
        Assert.Matches("<textarea[^>]*id=\"Reason\"[^>]*aria-invalid=\"true\" aria-describedby=\"Reason-error\"", html);
        Assert.Contains("id=\"Reason-error\"", html);
        Assert.Equal("Certified", Status(await InvoiceAsync(finance, may)));
    }

    [Fact]
    public async Task InvoicePage_CertifyExclusionWithoutReason_KeepsTheTickAndTheOtherReasons()
    {
        SetToday(app, Day(8, 1));
        var crew = await CrewAsync(app);
        var july = (await ExpectAsync(await SubmitAsync(crew, 3), HttpStatusCode.OK)).GetProperty("id").GetGuid();
        var director = await DirectorAsync(app);

        var response = await TestApp.PostFormAsync(director, $"/contracts/2685/invoices/{july}?handler=Certify", new()
        {
            ["Exclude"] = "1",
            ["Reasons[2]"] = "Typed for line 2, kept",
        });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["<a href=\"#Reasons_1_\">Why line 1 is excluded: Excluding line 1 needs a reason.</a>"], Summary(html));
        Assert.Matches("<input[^>]*name=\"Reasons\\[1\\]\" id=\"Reasons_1_\"[^>]*aria-invalid=\"true\" aria-describedby=\"Reasons_1_-error\"", html);
        Assert.Contains("id=\"Reasons_1_-error\"", html);
        Assert.Contains("name=\"Exclude\" value=\"1\" checked", html);
        Assert.Contains("value=\"Typed for line 2, kept\"", html);
        Assert.Equal("Submitted", Status(await InvoiceAsync(director, july)));
    }

    [Fact]
    public async Task PriceLinesPage_FractionOfACent_ErrorAndTheTypedValuesKept()
    {
        var purchasing = await PurchasingAsync(app);
        var schedule = await GetJsonAsync(purchasing, "/api/contracts/2685/price-lines");
        var mowing = schedule.GetProperty("lines").EnumerateArray().First(l => l.GetProperty("item").GetString() == "2").GetProperty("id").GetGuid();

        var response = await TestApp.PostFormAsync(purchasing, "/contracts/2685/price-lines", new()
        {
            ["LineId"] = mowing.ToString(),
            ["Description"] = "Mowing, per visit (awarded wording)",
            ["Unit"] = "visit",
            ["EstimatedQuantity"] = "61",
            ["UnitPrice"] = "385.005",
            ["Covers"] = "2d, 3c, 4a, 5a",
            ["Reason"] = "Awarded prices entered",
        });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var price = $"lines_{mowing}__UnitPrice";
        Assert.StartsWith($"<a href=\"#{price}\">Price ($): Dollars and whole cents only", Assert.Single(Summary(html)));
        Assert.Matches($"<input[^>]*id=\"{price}\"[^>]*value=\"385.005\"[^>]*aria-invalid=\"true\" aria-describedby=\"{price}-error\"", html);
        // The error is at the line's form only: the other forms show none.
        Assert.Single(Regex.Matches(html, "There is a problem"));
        Assert.Contains("value=\"Mowing, per visit (awarded wording)\"", html);
        Assert.Contains("value=\"Awarded prices entered\"", html);
        var after = await GetJsonAsync(purchasing, "/api/contracts/2685/price-lines");
        Assert.Equal(123_740.00m, Amount(after.GetProperty("total")));
    }

    [Fact]
    public async Task BillingPage_AdjustmentWithoutReason_ErrorAndTheAmountKept()
    {
        var purchasing = await PurchasingAsync(app);

        var response = await TestApp.PostFormAsync(purchasing, "/contracts/2685/billing?handler=Adjust", new()
        {
            ["On"] = "2003-07-10",
            ["Amount"] = "-250.00",
            ["Reason"] = "",
        });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("<a href=\"#Reason\">Reason: An adjustment needs its reason", Assert.Single(Summary(html)));
        Assert.Matches("<textarea[^>]*id=\"Reason\"[^>]*aria-invalid=\"true\" aria-describedby=\"Reason-error\"", html);
        Assert.Contains("value=\"-250.00\"", html);
        Assert.Contains("value=\"2003-07-10\"", html);
    }

    [Fact]
    public async Task DamagesPage_PurchasingSetsTheSchedule_OnlyTheRatesGivenStand()
    {
        var purchasing = await PurchasingAsync(app);
        var fields = new Dictionary<string, string> { ["PaymentDays"] = "30", ["DisputeDays"] = "7" };
        var kinds = Enum.GetNames<FieldContracts.Administration.Deficiencies.DeficiencyKind>();
        for (var i = 0; i < kinds.Length; i++)
        {
            fields[$"Rates[{i}].Kind"] = kinds[i];
            fields[$"Rates[{i}].Basis"] = kinds[i] == "LateWork" ? "PerDay" : "PerOccurrence";
        }

        fields[$"Rates[{Array.IndexOf(kinds, "MissedWork")}].Amount"] = "150.00";
        fields[$"Rates[{Array.IndexOf(kinds, "LateWork")}].Amount"] = "75.00";
        fields[$"Rates[{Array.IndexOf(kinds, "LateWork")}].Cap"] = "375.00";

        var response = await TestApp.PostFormAsync(purchasing, "/contracts/2685/damages?handler=Schedule", fields);

        var saved = await Forms.FollowRedirectAsync(purchasing, response, "/contracts/2685/damages");
        Assert.Contains("The schedule of damages and the billing terms are saved", saved);
        var settings = await GetJsonAsync(purchasing, "/api/contracts/2685/billing-settings");
        Assert.Equal((30, 7), (settings.GetProperty("paymentDays").GetInt32(), settings.GetProperty("disputeDays").GetInt32()));
        var rates = settings.GetProperty("damagesRates").EnumerateArray()
            .Select(r => (r.GetProperty("kind").GetString(), r.GetProperty("basis").GetString(), r.GetProperty("amount").GetDecimal(),
                r.GetProperty("cap").ValueKind == System.Text.Json.JsonValueKind.Null ? (decimal?)null : r.GetProperty("cap").GetDecimal(),
                r.GetProperty("sample").GetBoolean()))
            .OrderBy(r => r.Item1).ToList();
        Assert.Equal([("LateWork", "PerDay", 75.00m, 375.00m, false), ("MissedWork", "PerOccurrence", 150.00m, (decimal?)null, false)], rates);

        fields["PaymentDays"] = "0";
        var refused = await TestApp.PostFormAsync(purchasing, "/contracts/2685/damages?handler=Schedule", fields);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(["<a href=\"#PaymentDays\">Payment due, days after approval: Payment is due 1 to 120 days after approval.</a>"], Summary(html));
        Assert.Matches("<input[^>]*id=\"PaymentDays\" value=\"0\"[^>]*aria-invalid=\"true\" aria-describedby=\"PaymentDays-error\"", html);
        Assert.Contains("value=\"375.00\"", html);
        Assert.Equal(30, (await GetJsonAsync(purchasing, "/api/contracts/2685/billing-settings")).GetProperty("paymentDays").GetInt32());
    }

    [Fact]
    public async Task SignIn_Finance_LandsOnItsQueue_WithTheSampleInstallmentsAwaitingApproval()
    {
        var client = app.Anonymous();
        var form = await client.GetStringAsync("/account/sign-in");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");

        var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = TestApp.EmailOf(Roles.Finance),
            ["Input.Password"] = FieldContracts.Web.Demo.DemoData.Password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var finance = await FinanceAsync(app);
        var queue = await finance.GetStringAsync("/finance");
        Assert.Contains(">2685-01<", queue);
        Assert.Contains(">2685-02<", queue);
        Assert.Contains("$1,517.33", queue);
        Assert.Contains("$2,677.64", queue);
    }

    /// <summary>The lines of the page's error summary, as shown; none when it has none.</summary>
    private static IReadOnlyList<string> Summary(string html)
    {
        var summary = Regex.Match(html, "data-testid=\"error-summary\"><h2>There is a problem</h2><ul>(.*?)</ul>", RegexOptions.Singleline);
        return summary.Success ? Regex.Matches(summary.Groups[1].Value, "<li>(.*?)</li>").Select(m => m.Groups[1].Value).ToList() : [];
    }
}

public sealed class BillingPagesTests_Sqlite(SqliteApp app) : BillingPagesTests(app), IClassFixture<SqliteApp>;

public sealed class BillingPagesTests_Postgres(PostgresApp app) : BillingPagesTests(app), IClassFixture<PostgresApp>;
