using NodaTime;
using FieldContracts.Scheduling.Specification;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FieldContracts.Browser.Tests.Features.WorkLogs;

/// <summary>On a phone, the crew leader logs a mowing and a chemical application; the Athletic Director verifies.</summary>
public abstract class WorkLogJourneyTests(BrowserApp app)
{
    private static readonly DateTimeZone Hartford = DateTimeZoneProviders.Tzdb["America/New_York"];

    [Fact]
    public async Task CrewLeaderLogsMowingAndBroadleafOnAPhone_DirectorVerifies()
    {
        // Bulkeley's broadleaf: the crew's one chemical application of July 15, 2003.
        var broadleaf = await OccurrenceAsync(o => o.TaskKey == Specification2685.Broadleaf && o.Year == 2003, "BHS");
        var mowing = await OccurrenceAsync(o => o.Kind == TaskKind.Mowing && o.PlannedDate >= new LocalDate(2003, 7, 14), "HPHS");
        var crew = await app.NewPageAsync(phone: true);
        await BrowserApp.JourneyAsync(crew, async () =>
        {
            Now(new LocalDateTime(2003, 7, 14, 5, 45));
            await BrowserApp.SignInAsync(crew, TestApp.EmailOf(Roles.Contractor));
            await crew.GotoAsync($"/worklogs/notices/new?occurrence={broadleaf.Id}");
            await crew.GetByLabel("Sent at (Hartford time)").FillAsync("2003-07-14T05:30");
            await crew.GetByLabel("Application day named").FillAsync("2003-07-15");
            await crew.GetByRole(AriaRole.Button, new() { Name = "Record notice" }).ClickAsync();
            await Expect(crew.GetByTestId("notices")).ToContainTextAsync("naming Tuesday, July 15, 2003.");

            Now(new LocalDateTime(2003, 7, 15, 10, 0));
            await crew.GotoAsync($"/worklogs/new?occurrence={mowing.Id}");
            await crew.GetByLabel("Start", new() { Exact = true }).FillAsync("07:00");
            await crew.GetByLabel("Finish", new() { Exact = true }).FillAsync("09:30");
            await crew.GetByLabel("Crew (one name a line, crew leader first)").FillAsync("Dana Rivera\nSam Ortiz");
            await crew.GetByLabel("Baseball infield after (in)").FillAsync("2.25");
            await crew.GetByLabel("Baseball infield before (in, optional)").FillAsync("3");
            await crew.GetByLabel("Baseball outfield after (in)").FillAsync("2.5");
            var width = await crew.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(width <= 375, $"The form is {width}px wide on a 375px phone.");
            await crew.GetByRole(AriaRole.Button, new() { Name = "Log visit" }).ClickAsync();
            await Expect(crew.GetByTestId("status")).ToContainTextAsync("Submitted");
            await Expect(crew.GetByTestId("heights")).ToContainTextAsync("Baseball infield");

            await crew.GotoAsync("/worklogs");
            await crew.GetByTestId($"work-{broadleaf.Id}").GetByRole(AriaRole.Link, new() { Name = "Log" }).ClickAsync();
            await Expect(crew.GetByTestId("notices")).ToContainTextAsync("Sent Monday, July 14, 2003 at 5:30 AM EDT (email, recorded by crew@contractor.example), naming Tuesday, July 15, 2003.");
            await crew.GetByLabel("Start", new() { Exact = true }).FillAsync("06:00");
            await crew.GetByLabel("Finish", new() { Exact = true }).FillAsync("08:00");
            await crew.GetByLabel("Crew (one name a line, crew leader first)").FillAsync("Lee Chen");
            await crew.GetByLabel("Product", new() { Exact = true }).FillAsync("Trimec Classic (sample product)");
            await crew.GetByLabel("EPA registration number").FillAsync("2217-543");
            await crew.GetByLabel("Active ingredient").FillAsync("2,4-D, mecoprop-p, dicamba");
            await crew.GetByLabel("Rate", new() { Exact = true }).FillAsync("1.5 fl oz per 1,000 sq ft");
            await crew.GetByLabel("Amount applied").FillAsync("12.5");
            await crew.GetByLabel("Target pest").FillAsync("Dandelion, clover");
            await crew.GetByLabel("Supervisor", new() { Exact = true }).FillAsync("Pat Morgan");
            await crew.GetByLabel("Supervisor certification no.").FillAsync("S-10442");
            await crew.GetByLabel("Supervisor certification expires").FillAsync("2004-12-31");
            await crew.GetByLabel("Applicator", new() { Exact = true }).FillAsync("Lee Chen");
            await crew.GetByLabel("Applicator certification no.").FillAsync("B-22871");
            await crew.GetByLabel("Applicator certification expires").FillAsync("2004-06-30");
            await crew.GetByLabel("Wind (mph)").FillAsync("4");
            await crew.GetByLabel("Temperature (°F)").FillAsync("71");
            await crew.GetByLabel("\"Pesticide application\" signs posted").CheckAsync();
            await crew.GetByRole(AriaRole.Button, new() { Name = "Log visit" }).ClickAsync();
            await Expect(crew.GetByTestId("status")).ToHaveTextAsync("Submitted");
            await Expect(crew.GetByTestId("application")).ToContainTextAsync("EPA reg. no. 2217-543");
            await Expect(crew.GetByTestId("no-candidates")).ToBeVisibleAsync();
        });

        var director = await app.NewPageAsync(phone: true);
        await BrowserApp.JourneyAsync(director, async () =>
        {
            await BrowserApp.SignInAsync(director, TestApp.EmailOf(Roles.AthleticDirector));
            await director.GotoAsync("/worklogs/review");
            var awaiting = director.GetByTestId("awaiting");
            await Expect(awaiting.Locator("tbody tr")).ToHaveCountAsync(2);
            await awaiting.Locator("tr", new() { HasText = "Broadleaf weed control" }).GetByRole(AriaRole.Link).ClickAsync();
            await director.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
            await Expect(director.GetByTestId("status")).ToHaveTextAsync("Verified");
            await Expect(director.GetByTestId("history")).ToContainTextAsync("Verified (version 1)");
        });
    }

    [Fact]
    public async Task VisitForm_ConnectionDropsAndThePageReloads_WhatWasTypedIsStillThere()
    {
        var mowing = await OccurrenceAsync(o => o.Kind == TaskKind.Mowing && o.PlannedDate >= new LocalDate(2003, 7, 21), "BHS");
        var crew = await app.NewPageAsync(phone: true);
        await BrowserApp.JourneyAsync(crew, async () =>
        {
            Now(new LocalDateTime(2003, 7, 21, 9, 0));
            await BrowserApp.SignInAsync(crew, TestApp.EmailOf(Roles.Contractor));
            var url = $"/worklogs/new?occurrence={mowing.Id}";
            await crew.GotoAsync(url);
            var key = await crew.Locator("input[name='Input.IdempotencyKey']").InputValueAsync();
            await crew.GetByLabel("Crew (one name a line, crew leader first)").FillAsync("Dana Rivera\nSam Ortiz");
            await crew.GetByLabel("Notes").FillAsync("Infield wet along the third-base line");

            await crew.Context.SetOfflineAsync(true);
            await Assert.ThrowsAnyAsync<PlaywrightException>(() => crew.ReloadAsync());
            await crew.Context.SetOfflineAsync(false);
            await crew.GotoAsync(url);

            await Expect(crew.GetByLabel("Crew (one name a line, crew leader first)")).ToHaveValueAsync("Dana Rivera\nSam Ortiz");
            await Expect(crew.GetByLabel("Notes")).ToHaveValueAsync("Infield wet along the third-base line");
            Assert.Equal(key, await crew.Locator("input[name='Input.IdempotencyKey']").InputValueAsync());
        });
    }

    private void Now(LocalDateTime local) => app.Clock.Reset(local.InZoneStrictly(Hartford).ToInstant());

    private async Task<FieldContracts.Data.Planning.OccurrenceRecord> OccurrenceAsync(
        System.Linq.Expressions.Expression<Func<FieldContracts.Data.Planning.OccurrenceRecord, bool>> where, string site)
    {
        await using var db = app.Database.CreateContext();
        var siteId = await db.Sites.Where(s => s.Code == site && db.Contracts.Any(c => c.Id == s.ContractId && c.Number == "2685"))
            .Select(s => s.Id).SingleAsync();
        var rows = await db.Occurrences.AsNoTracking().Where(o => o.SiteId == siteId && !o.Cancelled).Where(where).ToListAsync();
        return rows.OrderBy(o => o.PlannedDate).First();
    }
}

public sealed class WorkLogJourneyTests_Sqlite(SqliteBrowserApp app) : WorkLogJourneyTests(app), IClassFixture<SqliteBrowserApp>;

public sealed class WorkLogJourneyTests_Postgres(PostgresBrowserApp app) : WorkLogJourneyTests(app), IClassFixture<PostgresBrowserApp>;
