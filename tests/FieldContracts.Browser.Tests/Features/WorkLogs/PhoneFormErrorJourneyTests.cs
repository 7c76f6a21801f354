using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using FieldContracts.Scheduling.Specification;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NodaTime;
using static Microsoft.Playwright.Assertions;

namespace FieldContracts.Browser.Tests.Features.WorkLogs;

/// <summary>On a 375 px phone, a visit refused by the server keeps its photo, and the page goes to the field in error.</summary>
public abstract class PhoneFormErrorJourneyTests(BrowserApp app)
{
    private static readonly DateTimeZone Hartford = DateTimeZoneProviders.Tzdb["America/New_York"];

    /// <summary>A 1×1 PNG.</summary>
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [Fact]
    public async Task FinishBeforeStart_WithAPhoto_PhotoKeptAndFinishFocused_ThenLogged()
    {
        var mowing = await MowingAsync("WHS", new LocalDate(2003, 7, 14));
        var day = mowing.PlannedDate!.Value;
        app.Clock.Reset(day.At(new LocalTime(17, 0)).InZoneStrictly(Hartford).ToInstant());
        var crew = await app.NewPageAsync(phone: true);
        await BrowserApp.JourneyAsync(crew, async () =>
        {
            await BrowserApp.SignInAsync(crew, TestApp.EmailOf(Roles.Contractor));
            await crew.GotoAsync($"/worklogs/new?occurrence={mowing.Id}");
            await crew.GetByLabel("Start", new() { Exact = true }).FillAsync("07:00");
            await crew.GetByLabel("Finish", new() { Exact = true }).FillAsync("06:30");
            await crew.GetByLabel("Crew (one name a line, crew leader first)").FillAsync("Dana Rivera\nSam Ortiz");
            await crew.Locator("input[name$='.After']").First.FillAsync("2.5");
            await crew.Locator("input[type=file][name=Photos]").SetInputFilesAsync(new FilePayload { Name = "infield.png", MimeType = "image/png", Buffer = Png });
            await crew.GetByRole(AriaRole.Button, new() { Name = "Log visit" }).ClickAsync();

            await Expect(crew.GetByTestId("kept-photos")).ToContainTextAsync("Photo kept: infield.png");
            var finish = crew.Locator("#Input_Finished");
            await Expect(finish).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(finish).ToHaveAttributeAsync("aria-describedby", "Input_Finished-error");
            await Expect(finish).ToBeFocusedAsync();
            await Expect(finish).ToHaveValueAsync("06:30");
            await Expect(crew.Locator("#Input_Finished-error")).ToHaveTextAsync("Work ends after it begins.");
            await Expect(crew.GetByTestId("error-summary").GetByRole(AriaRole.Link, new() { Name = "Finish" })).ToBeVisibleAsync();
            var width = await crew.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(width <= 375, $"The form is {width}px wide on a 375px phone.");
            await AssertAccessibleAsync(crew);

            await finish.FillAsync("09:30");
            await crew.GetByRole(AriaRole.Button, new() { Name = "Log visit" }).ClickAsync();
            await Expect(crew.GetByTestId("status")).ToContainTextAsync("Submitted");
            await Expect(crew.GetByTestId("photos")).ToContainTextAsync("infield.png");
            await Expect(crew.GetByTestId("occurrence-link")).ToBeVisibleAsync();
        });
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        Assert.NotEmpty(result.Passes);
        Assert.True(result.Violations.Length == 0,
            string.Join("; ", result.Violations.Select(v => $"{v.Id} ({v.Impact}): {string.Join(", ", v.Nodes.Select(n => n.Html))}")));
    }

    private async Task<FieldContracts.Data.Planning.OccurrenceRecord> MowingAsync(string site, LocalDate from)
    {
        await using var db = app.Database.CreateContext();
        var siteId = await db.Sites.Where(s => s.Code == site && db.Contracts.Any(c => c.Id == s.ContractId && c.Number == "2685"))
            .Select(s => s.Id).SingleAsync();
        var rows = await db.Occurrences.AsNoTracking()
            .Where(o => o.SiteId == siteId && o.Kind == TaskKind.Mowing && !o.Cancelled && o.PlannedDate >= from).ToListAsync();
        return rows.OrderBy(o => o.PlannedDate).First();
    }
}

public sealed class PhoneFormErrorJourneyTests_Sqlite(SqliteBrowserApp app) : PhoneFormErrorJourneyTests(app), IClassFixture<SqliteBrowserApp>;

public sealed class PhoneFormErrorJourneyTests_Postgres(PostgresBrowserApp app) : PhoneFormErrorJourneyTests(app), IClassFixture<PostgresBrowserApp>;
