using FieldContracts.Data;
using FieldContracts.Data.Notices;
using FieldContracts.Web.Tests.Features.Notices;
using Microsoft.EntityFrameworkCore;

namespace FieldContracts.Web.Tests.Features.Jobs;

public abstract class JobsPageTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Get_AsPurchasing_ShowsEachJobWithItsNextFireTimeInHartford()
    {
        await using var app = await NoticesApp.StartAsync(provider, scheduler: true);
        var client = await app.SignedInAsync(Roles.Purchasing);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/jobs"));

        foreach (var job in new[] { "send-due-notices", "deliver-outbox", "missed-work", "licence-reminders" })
        {
            Assert.Contains($"data-job=\"{job}\"", html, StringComparison.Ordinal);
        }

        // The tests' schedules fire on January 1, 2099 at midnight, Hartford time (EST).
        var next = System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"next\">([^<]*)<").Groups[1].Value;
        Assert.Equal("2099-01-01 00:00:00 EST", next);
        Assert.Contains("Normal", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_AsAnyOtherRole_IsRefused()
    {
        await using var app = await NoticesApp.StartAsync(provider);
        foreach (var role in new[] { Roles.AthleticDirector, Roles.Contractor, Roles.Finance })
        {
            var client = await app.SignedInAsync(role);
            using var page = await client.GetAsync("/jobs");
            using var api = await client.GetAsync("/api/jobs");
            using var trigger = await client.PostAsync("/api/jobs/missed-work/trigger", null);
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.StartsWith("/account/access-denied", page.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, trigger.StatusCode);
        }

        using var anonymous = await app.Node.CreateClient().GetAsync("/api/jobs");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task RunNow_RunsTheJobOnceAndThePageShowsTheRunWithOutcomeAndDuration()
    {
        await using var app = await NoticesApp.StartAsync(provider, scheduler: true);
        var client = await app.SignedInAsync(Roles.Purchasing);

        using var response = await TestApp.PostFormAsync(client, "/jobs?handler=Trigger&name=missed-work", []);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var run = await WaitForRunAsync(app, "missed-work");

        Assert.Equal(JobRunOutcome.Succeeded, run.Outcome);
        Assert.NotNull(run.DurationMilliseconds);
        Assert.Matches("^[0-9]+ missed, [0-9]+ late, [0-9]+ deliverables overdue$", run.Summary!);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/jobs"));
        Assert.Contains("data-outcome=\"Succeeded\"", html, StringComparison.Ordinal);
        Assert.Contains($"{run.DurationMilliseconds} ms", html, StringComparison.Ordinal);
        Assert.Contains(run.Summary!, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PauseAndResume_ChangeTheJobsStateOnThePage()
    {
        await using var app = await NoticesApp.StartAsync(provider, scheduler: true);
        var client = await app.SignedInAsync(Roles.Purchasing);

        using var paused = await TestApp.PostFormAsync(client, "/jobs?handler=Pause&name=licence-reminders", []);
        var pausedHtml = WebUtility.HtmlDecode(await paused.Content.ReadAsStringAsync());
        using var resumed = await TestApp.PostFormAsync(client, "/jobs?handler=Resume&name=licence-reminders", []);
        var resumedHtml = WebUtility.HtmlDecode(await resumed.Content.ReadAsStringAsync());

        Assert.Contains("Licence expiry reminders paused", pausedHtml, StringComparison.Ordinal);
        Assert.Matches("data-job=\"licence-reminders\"[\\s\\S]*?data-testid=\"state\">Paused<", pausedHtml);
        Assert.Matches("data-job=\"licence-reminders\"[\\s\\S]*?data-testid=\"state\">Normal<", resumedHtml);
        using var unknown = await TestApp.PostFormAsync(client, "/jobs?handler=Pause&name=nothing", []);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRefusedAndRunsNothing()
    {
        await using var app = await NoticesApp.StartAsync(provider, scheduler: true);
        var client = await app.SignedInAsync(Roles.Purchasing);

        using var response = await client.PostAsync("/jobs?handler=Trigger&name=missed-work", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await Task.Delay(1000);
        await using var db = app.Database.CreateContext();
        Assert.Equal(0, await db.JobRuns.CountAsync());
    }

    internal static async Task<JobRunRecord> WaitForRunAsync(NoticesApp app, string job, JobRunOutcome outcome = JobRunOutcome.Succeeded, int count = 1)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await using var db = app.Database.CreateContext();
            var runs = await db.JobRuns.AsNoTracking().Where(r => r.JobName == job && r.Outcome == outcome).ToListAsync();
            if (runs.Count >= count)
            {
                return runs[0];
            }

            Assert.True(DateTime.UtcNow < until, $"{job} did not finish with {outcome} in time.");
            await Task.Delay(100);
        }
    }
}

public sealed class JobsPageTests_Sqlite() : JobsPageTests(DatabaseProvider.Sqlite);

public sealed class JobsPageTests_Postgres() : JobsPageTests(DatabaseProvider.PostgreSql);
