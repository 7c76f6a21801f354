using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FieldContracts.Browser.Tests.Features.Schedule;

/// <summary>
/// The Athletic Director adds Weaver's summer league games (docs/samples/weaver-games.ics) to the school's calendar and
/// sees which chemical applications the games moved; a refused upload says so at the form and keeps what was typed.
/// </summary>
public abstract class CalendarImportJourneyTests(BrowserApp app)
{
    private static readonly string Sample = Path.Combine(FieldContracts.Testing.Repository.Root(), "docs", "samples", "weaver-games.ics");

    [Fact]
    public async Task Director_AddsWeaversGames_AndSeesTheApplicationsTheyMoved()
    {
        var page = await app.NewPageAsync();
        await BrowserApp.JourneyAsync(page, async () =>
        {
            await BrowserApp.SignInAsync(page, TestApp.EmailOf(Roles.AthleticDirector));
            await page.GotoAsync("/contracts/2685/seasons");
            await page.GetByRole(AriaRole.Link, new() { Name = "Weaver High School: hours, sessions, closures and activities" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Weaver High School: school calendar" })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("no-sources")).ToBeVisibleAsync();

            var form = page.GetByTestId("add-source");
            await form.GetByLabel("Name").FillAsync("Weaver summer league");
            await form.GetByLabel("An .ics file (at most 5 MB)").SetInputFilesAsync(Sample);
            await form.GetByLabel("Why (optional)").FillAsync("The league's games on the lower fields");
            await form.GetByRole(AriaRole.Button, new() { Name = "Import calendar" }).ClickAsync();

            // After the redirect: what was imported and how many applications moved, then each one, was and now.
            await Expect(page).ToHaveURLAsync(new Regex("/contracts/2685/schools/WHS/calendar$"));
            var saved = page.GetByTestId("saved");
            await Expect(saved).ToContainTextAsync(new Regex(@"Calendar Weaver summer league added: \d+ activities and closures imported; [1-9]\d* chemical application\(s\) moved away from them\."));
            var moved = page.GetByTestId("displaced").First;
            await Expect(moved).ToContainTextAsync("was ");
            await Expect(moved).ToContainTextAsync("now ");
            await Expect(moved.GetByRole(AriaRole.Link).First).ToHaveAttributeAsync("href", new Regex("^/contracts/2685/schedule/"));
            await Expect(page.GetByTestId("source")).ToHaveCountAsync(1);

            // A refresh of the page is a GET: nothing is added twice.
            await page.ReloadAsync();
            await Expect(page.GetByTestId("saved")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("source")).ToHaveCountAsync(1);
        });
    }

    [Fact]
    public async Task Director_OnAPhone_UploadWithoutAName_IsRefusedAtTheForm_WithTheFieldMarked()
    {
        var page = await app.NewPageAsync(phone: true);
        await BrowserApp.JourneyAsync(page, async () =>
        {
            await BrowserApp.SignInAsync(page, TestApp.EmailOf(Roles.AthleticDirector));
            await page.GotoAsync("/contracts/2685/schools/BHS/calendar");
            var form = page.GetByTestId("add-source");
            await form.GetByLabel("Only events whose location or category contains (optional)").FillAsync("Softball");
            await form.GetByLabel("Why (optional)").FillAsync("Spring softball");
            // Past the browser's own check of the required name, as an older browser would post it.
            await form.GetByLabel("Name").EvaluateAsync("field => field.removeAttribute('required')");
            await form.GetByRole(AriaRole.Button, new() { Name = "Import calendar" }).ClickAsync();

            var summary = page.GetByTestId("add-source").GetByTestId("error-summary");
            await Expect(summary).ToBeVisibleAsync();
            await Expect(summary).ToBeFocusedAsync();
            await summary.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Name: ") }).ClickAsync();
            var name = page.GetByTestId("add-source").GetByLabel("Name");
            await Expect(name).ToBeFocusedAsync();
            await Expect(name).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(page.GetByTestId("add-source").GetByLabel("Why (optional)")).ToHaveValueAsync("Spring softball");
            await Expect(page.GetByTestId("add-source").GetByLabel("Only events whose location or category contains (optional)")).ToHaveValueAsync("Softball");
            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(width <= 375, $"The calendar page is {width}px wide on a 375px phone.");
        });
    }
}

public sealed class CalendarImportJourneyTests_Sqlite(SqliteBrowserApp app) : CalendarImportJourneyTests(app), IClassFixture<SqliteBrowserApp>;

public sealed class CalendarImportJourneyTests_Postgres(PostgresBrowserApp app) : CalendarImportJourneyTests(app), IClassFixture<PostgresBrowserApp>;
