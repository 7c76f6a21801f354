using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FieldContracts.Browser.Tests.Features.Schedule;

/// <summary>The Athletic Director follows the plan in the browser; the crew leader reads it on a phone.</summary>
public abstract class ScheduleJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task Director_FindsTheBroadleafNoticeAndRecordsTheEndOfFallSports()
    {
        var page = await app.NewPageAsync();
        await BrowserApp.JourneyAsync(page, async () =>
        {
            await BrowserApp.SignInAsync(page, TestApp.EmailOf(Roles.AthleticDirector));
            await page.GetByRole(AriaRole.Link, new() { Name = "#2685" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Schedule", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Schedule · July 2003" })).ToBeVisibleAsync();

            // The crew's chemical application of July 15 is Bulkeley's; one school a day.
            await page.GetByLabel("School").SelectOptionAsync(new SelectOptionValue { Label = "Bulkeley High School" });
            await page.GetByLabel("Chemical applications only").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
            var july15 = page.Locator("td[data-date='2003-07-15'] a.entry", new() { HasText = "Broadleaf weed control" });
            await Expect(july15).ToHaveCountAsync(1);
            await Expect(page.Locator("a.entry", new() { HasText = "Mowing" })).ToHaveCountAsync(0);

            await july15.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Broadleaf weed control · Bulkeley High School" })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("notice")).ToContainTextAsync("Monday, July 14, 2003");
            await Expect(page.GetByTestId("notice")).ToContainTextAsync("the school's registry");

            await page.GotoAsync("/contracts/2685/seasons");
            var form = page.GetByTestId("fall-WHS-2003");
            await form.Locator("input[name=endOfFallSports]").FillAsync("2003-11-21");
            await form.Locator("input[name=reason]").FillAsync("Weaver's season ended with the playoff loss");
            await form.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Expect(page.GetByTestId("saved")).ToContainTextAsync("Weaver High School, 2003: end of fall sports not set → Nov 21, 2003");

            await page.GotoAsync("/contracts/2685/schedule?date=2003-11-24&site=WHS&kind=TurfRepair");
            await Expect(page.Locator("a.entry", new() { HasText = "Repair and slit-seed after fall sports" })).ToHaveCountAsync(1);
        });
    }

    [Fact]
    public async Task CrewLeader_WeekOnAPhone_FitsTheScreen()
    {
        var page = await app.NewPageAsync(phone: true);
        await BrowserApp.JourneyAsync(page, async () =>
        {
            await BrowserApp.SignInAsync(page, TestApp.EmailOf(Roles.Contractor));
            await page.GotoAsync("/contracts/2685/schedule?view=week");
            await Expect(page.Locator("a.entry").First).ToBeVisibleAsync();
            await Expect(page).ToHaveURLAsync(new Regex("view=week"));

            var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");

            Assert.True(scrollWidth <= 375, $"The week is {scrollWidth}px wide on a 375px phone.");
        });
    }
}

public sealed class ScheduleJourneyTests_Sqlite(SqliteBrowserApp app) : ScheduleJourneyTests(app), IClassFixture<SqliteBrowserApp>;

public sealed class ScheduleJourneyTests_Postgres(PostgresBrowserApp app) : ScheduleJourneyTests(app), IClassFixture<PostgresBrowserApp>;
