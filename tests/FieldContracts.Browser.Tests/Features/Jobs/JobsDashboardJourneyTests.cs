using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FieldContracts.Browser.Tests.Features.Jobs;

/// <summary>The Hangfire dashboard in Chromium, inside the application's sign-in and anti-forgery.</summary>
public abstract class JobsDashboardJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task Purchasing_TriggersTheNightlyPassFromTheDashboard_ItIsQueued()
    {
        var page = await app.NewPageAsync();
        await BrowserApp.JourneyAsync(page, async () =>
        {
            await BrowserApp.SignInAsync(page, TestApp.EmailOf(Roles.Purchasing));
            await page.GetByRole(AriaRole.Link, new() { Name = "Jobs", Exact = true }).ClickAsync();
            await page.GotoAsync("/jobs/recurring");
            var nightly = page.Locator("tr", new() { Has = page.GetByText("missed-work", new() { Exact = true }) });
            await Expect(nightly).ToContainTextAsync("America/New_York");
            await Expect(nightly).ToContainTextAsync("Missed and late work");

            await nightly.Locator("input[type=checkbox]").CheckAsync();
            // The dashboard's script posts the command with the page's anti-forgery token, then reloads the page: the
            // mark set on this page is gone once the reload has happened.
            await page.EvaluateAsync("() => { window.beforeTrigger = true; }");
            var answer = await page.RunAndWaitForResponseAsync(
                () => page.GetByRole(AriaRole.Button, new() { Name = "Trigger now" }).ClickAsync(),
                r => r.Url.EndsWith("/recurring/trigger", StringComparison.Ordinal));
            Assert.Equal(204, answer.Status);
            await page.WaitForFunctionAsync("() => window.beforeTrigger === undefined && document.readyState === 'complete'");

            // The tests' instances run no job server: the run waits in the queue, where the dashboard shows it.
            await page.GotoAsync("/jobs/jobs/enqueued/default");
            await Expect(page.Locator("table").GetByText("Missed and late work")).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task AthleticDirector_ReadsTheDashboardOnAPhone_WithoutItsButtons()
    {
        var page = await app.NewPageAsync(phone: true);
        await BrowserApp.JourneyAsync(page, async () =>
        {
            await BrowserApp.SignInAsync(page, TestApp.EmailOf(Roles.AthleticDirector));
            await page.GotoAsync("/jobs/recurring");
            await Expect(page.GetByText("insurance-and-licences")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Trigger now" })).ToHaveCountAsync(0);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Recurring Jobs" })).ToBeVisibleAsync();
        });
    }
}

public sealed class JobsDashboardJourneyTests_Sqlite(SqliteBrowserApp app) : JobsDashboardJourneyTests(app), IClassFixture<SqliteBrowserApp>;

public sealed class JobsDashboardJourneyTests_Postgres(PostgresBrowserApp app) : JobsDashboardJourneyTests(app), IClassFixture<PostgresBrowserApp>;
