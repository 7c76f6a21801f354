using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using FieldContracts.Data;
using FieldContracts.Web.Features.Jobs;
using FieldContracts.Web.Tests.Features.Notices;
using Microsoft.AspNetCore.Hosting;

namespace FieldContracts.Web.Tests.Features.Jobs;

public abstract partial class JobsDashboardTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Dashboard_AsPurchasing_ShowsTheRecurringJobsOnHartfordTime()
    {
        await using var app = await NoticesApp.StartAsync(provider);
        // This instance keeps the application's own schedules (the tests' other instances never fire).
        var node = app.StartNode(configure: DefaultSchedules);
        var client = await app.SignedInAsync(Roles.Purchasing, node);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/jobs/recurring"));
        var jobs = await client.GetFromJsonAsync<JsonElement>("/api/jobs");

        foreach (var (id, cron) in new[] { ("send-due-notices", "*/15 * * * *"), ("deliver-outbox", "* * * * *"), ("missed-work", "30 2 * * *"),
                     ("insurance-and-licences", "0 7 * * *"), ("remedial-period-reminders", "15 7 * * *"), ("calendar-sources", "20 * * * *") })
        {
            Assert.Contains(id, html, StringComparison.Ordinal);
            Assert.Contains(cron, html, StringComparison.Ordinal);
        }

        Assert.Equal(6, CountOf(html, "America/New_York"));
        Assert.Contains("js-jobs-list-command", html, StringComparison.Ordinal); // "Trigger now" and "Delete"
        var nightly = jobs.EnumerateArray().Single(j => j.GetProperty("id").GetString() == "missed-work");
        Assert.Equal("America/New_York", nightly.GetProperty("timeZone").GetString());
        // The next run is at 02:30 in Hartford, whatever the season: EST (-05:00) or EDT (-04:00).
        Assert.Matches("^[0-9]{4}-[0-9]{2}-[0-9]{2}T02:30:00-0[45]:00$", nightly.GetProperty("nextRun").GetString()!);
        var reminders = jobs.EnumerateArray().Single(j => j.GetProperty("id").GetString() == "insurance-and-licences");
        Assert.Matches("T07:00:00-0[45]:00$", reminders.GetProperty("nextRun").GetString()!);
    }

    [Fact]
    public async Task Dashboard_AsAthleticDirector_ReadsButCannotAct()
    {
        await using var app = await NoticesApp.StartAsync(provider);
        var client = await app.SignedInAsync(Roles.AthleticDirector);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/jobs/recurring"));
        using var trigger = await PostDashboardAsync(client, "/jobs/recurring/trigger", html, "missed-work");

        Assert.Contains("missed-work", html, StringComparison.Ordinal);
        Assert.DoesNotContain("js-jobs-list-command", html, StringComparison.Ordinal);
        Assert.False(trigger.IsSuccessStatusCode);
        Assert.Null(Nightly(app).LastRunId);
    }

    [Fact]
    public async Task Dashboard_AsAnyOtherRole_IsRefused()
    {
        await using var app = await NoticesApp.StartAsync(provider);
        foreach (var role in new[] { Roles.Contractor, Roles.Finance })
        {
            var client = await app.SignedInAsync(role);
            using var page = await client.GetAsync("/jobs");
            using var recurring = await client.GetAsync("/jobs/recurring");
            using var api = await client.GetAsync("/api/jobs");
            using var trigger = await client.PostAsync("/api/jobs/missed-work/trigger", null);
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.StartsWith("/account/access-denied", page.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Redirect, recurring.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, trigger.StatusCode);
        }

        var anonymous = app.Node.CreateClient(new() { AllowAutoRedirect = false });
        using var anonymousPage = await anonymous.GetAsync("/jobs/recurring");
        using var anonymousApi = await anonymous.GetAsync("/api/jobs");
        Assert.StartsWith("/account/sign-in", anonymousPage.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousApi.StatusCode);
        Assert.Null(Nightly(app).LastRunId);
    }

    [Fact]
    public async Task Trigger_RunsTheJobOnceAndItsRunSaysWhatItDid()
    {
        await using var app = await NoticesApp.StartAsync(provider, scheduler: true);
        var client = await app.SignedInAsync(Roles.Purchasing);

        using var response = await client.PostAsync("/api/jobs/missed-work/trigger", null);
        var triggered = await response.Content.ReadFromJsonAsync<TriggeredRun>();
        var run = await JobRuns.WaitForAsync(app.Node, triggered!.Run);
        var viaApi = await client.GetFromJsonAsync<JsonElement>(response.Headers.Location!);
        using var unknown = await client.PostAsync("/api/jobs/nothing/trigger", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("missed-work", run.Job);
        // July 10, 2003 on the demo: the work whose window ended with nothing logged, and item 2b's three reports.
        Assert.Matches("^[1-9][0-9]* missed, 0 late, 3 deliverables overdue$", run.Result!);
        Assert.Equal(["Enqueued", "Processing", "Succeeded"], run.History.Select(h => h.State));
        Assert.Equal(run.Result, viaApi.GetProperty("result").GetString());
        Assert.Equal(triggered.Run, Nightly(app).LastRunId);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        // A second run finds nothing new: the pass is idempotent.
        using var again = await client.PostAsync("/api/jobs/missed-work/trigger", null);
        var second = await JobRuns.WaitForAsync(app.Node, (await again.Content.ReadFromJsonAsync<TriggeredRun>())!.Run);
        Assert.Equal("0 missed, 0 late, 0 deliverables overdue", second.Result);
    }

    [Fact]
    public async Task DashboardAction_RunsWithTheAntiforgeryTokenAndIsRefusedWithout()
    {
        await using var app = await NoticesApp.StartAsync(provider, scheduler: true);
        var client = await app.SignedInAsync(Roles.Purchasing);
        var html = await client.GetStringAsync("/jobs/recurring");

        using var forged = await client.PostAsync("/jobs/recurring/trigger", new FormUrlEncodedContent([new("jobs[]", "missed-work")]));
        await Task.Delay(500);
        var untouched = Nightly(app).LastRunId;
        using var genuine = await PostDashboardAsync(client, "/jobs/recurring/trigger", html, "missed-work");
        var runId = await WaitForLastRunAsync(app);

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Null(untouched);
        Assert.True(genuine.IsSuccessStatusCode, $"The dashboard answered {genuine.StatusCode}.");
        Assert.Matches("deliverables overdue$", (await JobRuns.WaitForAsync(app.Node, runId)).Result!);
    }

    [Fact]
    public async Task RunNow_FromTheDashboard_ThenThePageReloads_RunsOnce()
    {
        await using var app = await NoticesApp.StartAsync(provider, scheduler: true);
        var client = await app.SignedInAsync(Roles.Purchasing);
        var html = await client.GetStringAsync("/jobs/recurring");

        // "Trigger now" posts the command from the page's script and then reloads the page: the reload is a GET.
        using var trigger = await PostDashboardAsync(client, "/jobs/recurring/trigger", html, "missed-work");
        var runId = await WaitForLastRunAsync(app);
        await JobRuns.WaitForAsync(app.Node, runId);
        for (var reload = 0; reload < 2; reload++)
        {
            using var page = await client.GetAsync("/jobs/recurring");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        await Task.Delay(1000);
        Assert.Equal(HttpStatusCode.NoContent, trigger.StatusCode);
        Assert.Equal(runId, Nightly(app).LastRunId);
    }

    private static void DefaultSchedules(IWebHostBuilder builder)
    {
        foreach (var job in JobCatalog.All)
        {
            builder.UseSetting($"Jobs:Cron:{job.Id}", "");
        }
    }

    private static JobView Nightly(NoticesApp app)
    {
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(app.Node.Services);
        return Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<JobsQueries>(scope.ServiceProvider)
            .List().Single(j => j.Id == "missed-work");
    }

    private static async Task<string> WaitForLastRunAsync(NoticesApp app)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (Nightly(app).LastRunId is { } id)
            {
                return id;
            }

            Assert.True(DateTime.UtcNow < until, "The dashboard's trigger ran nothing.");
            await Task.Delay(100);
        }
    }

    /// <summary>Posts a dashboard command as its own script does: the ids, and the anti-forgery token from the page.</summary>
    private static Task<HttpResponseMessage> PostDashboardAsync(HttpClient client, string path, string page, string id)
    {
        var header = CsrfMeta().Matches(page).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["content"].Value));
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent([new("jobs[]", id)]) };
        request.Headers.Add(header["csrf-header"], header["csrf-token"]);

        return client.SendAsync(request);
    }

    private static int CountOf(string text, string part) => Regex.Matches(text, Regex.Escape(part)).Count;

    [GeneratedRegex("<meta name=\"(?<name>csrf-header|csrf-token)\" content=\"(?<content>[^\"]*)\">")]
    private static partial Regex CsrfMeta();
}

public sealed class JobsDashboardTests_Sqlite() : JobsDashboardTests(DatabaseProvider.Sqlite);

public sealed class JobsDashboardTests_Postgres() : JobsDashboardTests(DatabaseProvider.PostgreSql);
