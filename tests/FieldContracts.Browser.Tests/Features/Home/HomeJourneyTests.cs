using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FieldContracts.Browser.Tests.Features.Home;

/// <summary>
/// Each demo role signs in on July 10, 2003 and lands on its home page, then takes the page's first action: the crew
/// leader opens the work-log form of its first piece of work, the Athletic Director the first chemical application of
/// the week with its notice, Purchasing the form that sets up a contract, Finance the first installment awaiting its
/// approval. At 1280 px and on a 375 px phone; every page visited passes axe-core's WCAG 2.1 A and AA rules.
/// </summary>
public abstract class HomeJourneyTests(BrowserApp app)
{
    private static readonly string[] Wcag21 = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Crew_LandsOnItsWeek_OpensTheWorkLogForm(bool phone)
    {
        var page = await app.NewPageAsync(phone);
        await BrowserApp.JourneyAsync(page, async () =>
        {
            await BrowserApp.SignInAsync(page, TestApp.EmailOf(Roles.Contractor));
            await Expect(page).ToHaveURLAsync(new Regex("/$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your work", Level = 2 })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("crew-week").Locator("> li")).Not.ToHaveCountAsync(0);
            await AssertPageAsync(page, phone, "The crew leader's home page");

            var log = page.GetByTestId("crew-week").GetByRole(AriaRole.Link, new() { Name = "Log", Exact = true }).First;
            var href = await log.GetAttributeAsync("href");
            await log.ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(href!) + "$"));
            await AssertPageAsync(page, phone, "The work-log form opened from the home page");
        }, $"{nameof(Crew_LandsOnItsWeek_OpensTheWorkLogForm)}-{(phone ? "phone" : "desktop")}");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Director_LandsOnItsSchools_OpensTheFirstChemicalApplication(bool phone)
    {
        var page = await app.NewPageAsync(phone);
        await BrowserApp.JourneyAsync(page, async () =>
        {
            await BrowserApp.SignInAsync(page, TestApp.EmailOf(Roles.AthleticDirector));
            await Expect(page).ToHaveURLAsync(new Regex("/$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your schools", Level = 2 })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("director-feeds")).ToHaveAttributeAsync("href", "/feeds");
            await AssertPageAsync(page, phone, "The Athletic Director's home page");

            await page.GetByTestId("director-chemicals").GetByRole(AriaRole.Link, new() { Name = "The application and its notice" }).First.ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/contracts/2685/schedule/[0-9a-f-]{36}$"));
            await AssertPageAsync(page, phone, "The chemical application opened from the home page");
        }, $"{nameof(Director_LandsOnItsSchools_OpensTheFirstChemicalApplication)}-{(phone ? "phone" : "desktop")}");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Purchasing_LandsOnItsContracts_OpensTheSetUpForm(bool phone)
    {
        var page = await app.NewPageAsync(phone);
        await BrowserApp.JourneyAsync(page, async () =>
        {
            await BrowserApp.SignInAsync(page, TestApp.EmailOf(Roles.Purchasing));
            await Expect(page).ToHaveURLAsync(new Regex("/$"));
            await Expect(page.GetByTestId("standing-2685")).ToBeVisibleAsync();
            await AssertPageAsync(page, phone, "Purchasing's home page");

            await page.GetByTestId("setup-contract").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Set up a contract after award", Level = 1 })).ToBeVisibleAsync();
            await AssertPageAsync(page, phone, "The set-up form");
            await page.GetByRole(AriaRole.Button, new() { Name = "Set up the contract" }).ClickAsync();
            await Expect(page.GetByText("Choose the contract document (a .json file), or paste it below.").First).ToBeVisibleAsync();
            await AssertPageAsync(page, phone, "The set-up form refusing an empty document");
        }, $"{nameof(Purchasing_LandsOnItsContracts_OpensTheSetUpForm)}-{(phone ? "phone" : "desktop")}");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Finance_LandsOnItsQueue_OpensTheFirstInstallment(bool phone)
    {
        var page = await app.NewPageAsync(phone);
        await BrowserApp.JourneyAsync(page, async () =>
        {
            await BrowserApp.SignInAsync(page, TestApp.EmailOf(Roles.Finance));
            await Expect(page).ToHaveURLAsync(new Regex("/$"));
            await Expect(page.GetByTestId("finance-awaiting").Locator("> li")).ToHaveCountAsync(2);
            await Expect(page.GetByTestId("home-purchasing")).ToHaveCountAsync(0);
            await AssertPageAsync(page, phone, "Finance's home page");

            await page.GetByTestId("finance-awaiting").GetByRole(AriaRole.Link, new() { Name = "Approve or reject" }).First.ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/contracts/2685/invoices/[0-9a-f-]{36}$"));
            await Expect(page.GetByText("2685-01").First).ToBeVisibleAsync();
            await AssertPageAsync(page, phone, "The installment opened from the home page");
        }, $"{nameof(Finance_LandsOnItsQueue_OpensTheFirstInstallment)}-{(phone ? "phone" : "desktop")}");
    }

    private static async Task AssertPageAsync(IPage page, bool phone, string what)
    {
        var result = await page.RunAxe();
        Assert.NotEmpty(result.Passes);
        var violations = result.Violations.Where(v => v.Tags.Any(t => Wcag21.Contains(t))).ToList();
        Assert.True(violations.Count == 0,
            $"{what}: " + string.Join("; ", violations.Select(v => $"{v.Id} ({v.Impact}): {string.Join(", ", v.Nodes.Select(n => n.Html))}")));
        if (phone)
        {
            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(width <= 375, $"{what} is {width}px wide on a 375px phone.");
        }
    }
}

public sealed class HomeJourneyTests_Sqlite(SqliteBrowserApp app) : HomeJourneyTests(app), IClassFixture<SqliteBrowserApp>;

public sealed class HomeJourneyTests_Postgres(PostgresBrowserApp app) : HomeJourneyTests(app), IClassFixture<PostgresBrowserApp>;
