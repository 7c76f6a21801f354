using System.Text;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using NodaTime;
using static Microsoft.Playwright.Assertions;

namespace FieldContracts.Browser.Tests.Features.Insurance;

/// <summary>
/// Special instruction 14 in the browser, on the second contractor's contract 9001: Purchasing applies bid #2685's
/// insurance requirements in one step; the contractor submits its certificate (ACORD 25 fields, one row per required
/// line, insurer A) with the PDF; Purchasing accepts it; the insurance page then shows every line met. Once at desktop
/// width with policies from July 1, 2003, once on a 375 px phone a year later with the renewal; each page passes axe.
/// </summary>
public abstract class InsuranceJourneyTests(BrowserApp app)
{
    private const string Number = TestApp.OtherContractNumber;
    private static readonly DateTimeZone Hartford = DateTimeZoneProviders.Tzdb["America/New_York"];

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    [Theory]
    [InlineData(false, 2003)]
    [InlineData(true, 2004)]
    public async Task ContractorSubmitsCertificateWithPdf_PurchasingAccepts_StandingShowsMet(bool phone, int year)
    {
        Now(new LocalDateTime(year, 7, 10, 10, 0));
        var purchasing = await app.NewPageAsync(phone);
        await BrowserApp.JourneyAsync(purchasing, async () =>
        {
            await BrowserApp.SignInAsync(purchasing, TestApp.EmailOf(Roles.Purchasing));
            await purchasing.GotoAsync($"/contracts/{Number}/insurance");
            if (await purchasing.GetByTestId("apply-bid-form").CountAsync() > 0)
            {
                await purchasing.GetByRole(AriaRole.Button, new() { Name = "Apply bid #2685's instruction 14" }).ClickAsync();
                await Expect(purchasing.GetByTestId("done")).ToBeVisibleAsync();
            }

            await Expect(purchasing.GetByTestId("summary")).ToContainTextAsync("5 of 5 required lines of insurance are not met");
            await AssertAccessibleAsync(purchasing, "The insurance page before the certificate");
        });

        var crew = await app.NewPageAsync(phone);
        var certificateUrl = "";
        await BrowserApp.JourneyAsync(crew, async () =>
        {
            await BrowserApp.SignInAsync(crew, TestApp.OtherContractorEmail);
            await crew.GotoAsync($"/contracts/{Number}/insurance");
            await crew.GetByTestId("submit-link").ClickAsync();
            await Expect(crew.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Submit a certificate of insurance");
            await AssertAccessibleAsync(crew, "The certificate form");

            await crew.GetByLabel("Certificate date").FillAsync($"{year}-07-01");
            await crew.GetByLabel("Producer's name").FillAsync("Capitol Agency (test)");
            await crew.GetByLabel("Producer's address").FillAsync("100 Pearl Street, Hartford, CT 06103");
            await crew.GetByLabel("Insurer A name").FillAsync("Nutmeg Mutual (test)");
            await crew.GetByLabel("Insurer A NAIC number").FillAsync("10001");
            await crew.GetByLabel("Insurer A Best's rating").FillAsync("A VIII");
            foreach (var kind in new[] { "CommercialGeneralLiability", "AutomobileLiability", "WorkersCompensation", "EmployersLiability", "GarageKeepersLegalLiability" })
            {
                var line = crew.GetByTestId($"line-{kind}");
                await line.GetByLabel("Insurer letter").SelectOptionAsync("A");
                await line.GetByLabel("Policy number").FillAsync($"{kind[..3].ToUpperInvariant()}-{year}");
                await line.GetByLabel("Effective date (as printed)").FillAsync($"{year}-07-01");
                await line.GetByLabel("Expiration date (as printed)").FillAsync($"{year + 1}-07-01");
                var amounts = line.Locator("input[type=number]");
                for (var i = 0; i < await amounts.CountAsync(); i++)
                {
                    var label = await amounts.Nth(i).EvaluateAsync<string>("e => e.closest('label').textContent");
                    await amounts.Nth(i).FillAsync(label.Contains("Single limit", StringComparison.Ordinal) ? "2000000"
                        : label.Contains("Combined", StringComparison.Ordinal) ? "1000000"
                        : label.Contains("policy limit", StringComparison.Ordinal) ? "500000" : "100000");
                }

                if (kind == "WorkersCompensation")
                {
                    await line.GetByLabel("Per statute").CheckAsync();
                }
                else
                {
                    await line.GetByLabel("Additional insured (ADDL INSD)").CheckAsync();
                }
            }

            await crew.GetByLabel("Description of operations / locations / vehicles").FillAsync(
                "Athletic fields maintenance. The City of Hartford is an additional insured, ATIMA.");
            await crew.GetByLabel("Days of written notice of cancellation promised").FillAsync("30");
            await crew.GetByLabel("PDF of the certificate and endorsements (at most 10 MB)").SetInputFilesAsync(
                new FilePayload { Name = $"certificate-{year}.pdf", MimeType = "application/pdf", Buffer = Pdf });
            await crew.GetByRole(AriaRole.Button, new() { Name = "Submit the certificate" }).ClickAsync();

            await Expect(crew).ToHaveURLAsync(new Regex($"/contracts/{Number}/insurance/certificates/[0-9a-f-]{{36}}$"));
            await Expect(crew.GetByTestId("status")).ToContainTextAsync("Submitted, awaiting Purchasing's review");
            await Expect(crew.GetByTestId("document")).ToHaveTextAsync($"certificate-{year}.pdf");
            await Expect(crew.GetByTestId("accept-form")).ToHaveCountAsync(0);
            await AssertFitsAsync(crew, phone, "The certificate page");
            await AssertAccessibleAsync(crew, "The certificate page");
            certificateUrl = new Uri(crew.Url).AbsolutePath;
        });

        purchasing = await app.NewPageAsync(phone);
        await BrowserApp.JourneyAsync(purchasing, async () =>
        {
            await BrowserApp.SignInAsync(purchasing, TestApp.EmailOf(Roles.Purchasing));
            await purchasing.GotoAsync(certificateUrl);
            await Expect(purchasing.GetByTestId("checks")).ToContainTextAsync("Meets the requirement");
            await purchasing.GetByRole(AriaRole.Button, new() { Name = "Accept the certificate" }).ClickAsync();
            await Expect(purchasing.GetByTestId("status")).ToContainTextAsync("Accepted");

            await purchasing.GotoAsync($"/contracts/{Number}/insurance");
            await Expect(purchasing.GetByTestId("summary")).ToContainTextAsync("Every required line of insurance is met");
            await Expect(purchasing.GetByTestId("contractor-standing").Locator("tbody tr")).ToHaveCountAsync(5);
            await Expect(purchasing.GetByTestId("contractor-standing").GetByText("Not met")).ToHaveCountAsync(0);
            await AssertFitsAsync(purchasing, phone, "The insurance page");
            await AssertAccessibleAsync(purchasing, "The insurance page after acceptance");
        });
    }

    private void Now(LocalDateTime local) => app.Clock.Reset(local.InZoneStrictly(Hartford).ToInstant());

    private static async Task AssertFitsAsync(IPage page, bool phone, string what)
    {
        if (phone)
        {
            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(width <= 375, $"{what} is {width}px wide on a 375px phone.");
        }
    }

    private static async Task AssertAccessibleAsync(IPage page, string what)
    {
        var result = await page.RunAxe();
        Assert.NotEmpty(result.Passes);
        var violations = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(violations.Count == 0,
            $"{what}: " + string.Join("; ", violations.Select(v => $"{v.Id} ({v.Impact}): {string.Join(", ", v.Nodes.Select(n => n.Html))}")));
    }
}

public sealed class InsuranceJourneyTests_Sqlite(SqliteBrowserApp app) : InsuranceJourneyTests(app), IClassFixture<SqliteBrowserApp>;

public sealed class InsuranceJourneyTests_Postgres(PostgresBrowserApp app) : InsuranceJourneyTests(app), IClassFixture<PostgresBrowserApp>;
