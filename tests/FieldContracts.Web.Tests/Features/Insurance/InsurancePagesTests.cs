using System.Text;
using static FieldContracts.Web.Tests.Features.Insurance.InsuranceFlow;

namespace FieldContracts.Web.Tests.Features.Insurance;

/// <summary>
/// The insurance pages on #2685's demo data (instruction 14 and the sample certificates, the automobile policy ending
/// with June 30, 2004 and nothing renewing it): the standing per requirement in words, the gap in the timeline, the
/// overview's line; the submit form keeps what was typed beside its errors; a contract with no requirements says so and
/// Purchasing applies instruction 14 in one step.
/// </summary>
public abstract class InsurancePagesTests(TestApp app)
{
    [Fact]
    public async Task InsurancePage_ShowsTodaysStanding_AndTheAutomobileGapOverTheTerm()
    {
        CaseFlowToday(new LocalDate(2003, 7, 10));
        var html = await (await PurchasingAsync(app)).GetStringAsync("/contracts/2685/insurance");

        Assert.Contains("Every required line of insurance is met on Thursday, July 10, 2003.", html);
        Assert.Contains("Policy BAP-2685-03 meets the requirement through June 30, 2004.", html);
        var auto = Row(html, "contractor-timeline", "AutomobileLiability");
        Assert.Contains("Gap:</strong> Jul 1, 2004 – Dec 31, 2004 (184 days)", auto);
        Assert.Contains("class=\"gap\"", auto);
        Assert.Contains("Gap:</strong> May 1, 2004 – Dec 31, 2004 (245 days)", Row(html, "contractor-timeline", "CommercialGeneralLiability"));
        Assert.Contains("sample", html);
    }

    [Fact]
    public async Task InsurancePage_AfterTheGeneralPoliciesEnd_SaysSoInWords()
    {
        CaseFlowToday(new LocalDate(2004, 5, 1));
        try
        {
            var html = await (await CrewAsync(app)).GetStringAsync("/contracts/2685/insurance");

            Assert.Contains("4 of 5 required lines of insurance are not met on Saturday, May 1, 2004.", html);
            var cgl = Row(html, "contractor-standing", "CommercialGeneralLiability");
            Assert.Contains("Not met", cgl);
            Assert.Contains("Policy CGL-2685-03 covered through April 30, 2004 only.", cgl);
            Assert.Contains("Met", Row(html, "contractor-standing", "AutomobileLiability"));
            var overview = await (await CrewAsync(app)).GetStringAsync("/contracts/2685");
            Assert.Contains("data-testid=\"insurance-standing\"><a href=\"/contracts/2685/insurance\">4 of 5 required lines", overview);
        }
        finally
        {
            CaseFlowToday(new LocalDate(2003, 7, 10));
        }
    }

    [Fact]
    public async Task SubmitForm_RenamedTextAndBadRating_ErrorsBesideTheFields_TypedInputKept_NothingStored()
    {
        var before = await CertificateCountAsync(app, "2685");
        var crew = await CrewAsync(app);

        var response = await PostMultipartFormAsync(crew, "/contracts/2685/insurance/certificates/new", new()
        {
            ["IssuedOn"] = "2003-07-08",
            ["ProducerName"] = "Typed Producer Agency",
            ["ProducerAddress"] = "9 Typed Street, Hartford, CT",
            ["InsuredName"] = "Typed Insured",
            ["InsuredAddress"] = "1 Insured Way",
            ["Insurers[0].Letter"] = "A", ["Insurers[0].Name"] = "Typed Mutual", ["Insurers[0].NaicNumber"] = "12345", ["Insurers[0].Rating"] = "A- XX",
            ["Lines[0].Kind"] = "CommercialGeneralLiability", ["Lines[0].InsurerLetter"] = "A", ["Lines[0].PolicyNumber"] = "TYPED-CGL-1",
            ["Lines[0].Effective"] = "2003-07-01", ["Lines[0].Expiration"] = "2004-07-01",
            ["Lines[0].Limits[0].Name"] = "Combined single limit", ["Lines[0].Limits[0].Amount"] = "1000000",
            ["DescriptionOfOperations"] = "Typed description",
            ["HolderName"] = "City of Hartford", ["HolderAddress"] = "550 Main Street",
            ["CancellationNoticeDays"] = "30",
        }, "Document", Encoding.UTF8.GetBytes("not a pdf at all"), "renamed.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("renamed.pdf is not a PDF", html);
        Assert.Contains("data-testid=\"error-insurers[0].rating\"", html);
        Assert.Contains("value=\"Typed Producer Agency\"", html);
        Assert.Contains("value=\"TYPED-CGL-1\"", html);
        Assert.Contains("value=\"A- XX\"", html);
        Assert.Contains(">Typed description</textarea>", html);
        Assert.Equal(before, await CertificateCountAsync(app, "2685"));
    }

    [Fact]
    public async Task ContractWithoutRequirements_SaysSo_PurchasingAppliesInstruction14()
    {
        await NewContractAsync(app, "9302");
        var purchasing = await PurchasingAsync(app);
        var html = await purchasing.GetStringAsync("/contracts/9302/insurance");
        Assert.Contains("No insurance requirements set for this contract.", html);

        var response = await TestApp.PostFormAsync(purchasing, "/contracts/9302/insurance?handler=ApplyBid", new());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await purchasing.GetStringAsync("/contracts/9302/insurance");
        Assert.Contains("5 of 5 required lines of insurance are not met", after);
        Assert.Contains("No accepted certificate shows commercial general liability.", after);
        Assert.DoesNotContain("No insurance requirements set", after);
    }

    [Fact]
    public async Task CertificatePage_ShowsItsFields_AndPurchasingsReviewForm_NotTheContractors()
    {
        var created = await ExpectAsync(await SubmitAsync(await OtherCrewAsync(app), TestApp.OtherContractNumber, Certificate(2030)), HttpStatusCode.Created);
        var url = $"/contracts/{TestApp.OtherContractNumber}/insurance/certificates/{created.GetProperty("id").GetGuid()}";

        var forPurchasing = await (await PurchasingAsync(app)).GetStringAsync(url);
        var forCrew = await (await OtherCrewAsync(app)).GetStringAsync(url);

        Assert.Contains("data-testid=\"accept-form\"", forPurchasing);
        Assert.Contains("data-testid=\"reject-form\"", forPurchasing);
        Assert.Contains("Test Mutual", forPurchasing);
        Assert.Contains("EMP-2030", forPurchasing);
        Assert.Contains("certificate.pdf", forPurchasing);
        Assert.DoesNotContain("accept-form", forCrew);
        Assert.Equal(HttpStatusCode.NotFound, (await (await CrewAsync(app)).GetAsync(url)).StatusCode);
    }

    private void CaseFlowToday(LocalDate day) => Performance.CaseFlow.SetToday(app, day);

    /// <summary>The table row of <paramref name="kind"/> in the table marked <paramref name="table"/>.</summary>
    private static string Row(string html, string table, string kind)
    {
        var start = html.IndexOf($"data-testid=\"{table}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No table {table}.");
        var row = html.IndexOf($"<tr data-kind=\"{kind}\"", start, StringComparison.Ordinal);
        Assert.True(row >= 0, $"No row {kind} in {table}.");
        return html[row..html.IndexOf("</tr>", row, StringComparison.Ordinal)];
    }
}

public sealed class InsurancePagesTests_Sqlite(SqliteApp app) : InsurancePagesTests(app), IClassFixture<SqliteApp>;

public sealed class InsurancePagesTests_Postgres(PostgresApp app) : InsurancePagesTests(app), IClassFixture<PostgresApp>;
