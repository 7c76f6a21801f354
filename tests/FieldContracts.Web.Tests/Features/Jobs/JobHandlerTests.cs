using FieldContracts.Administration.Licences;
using FieldContracts.Data.Compliance;
using FieldContracts.Administration.Deficiencies;
using FieldContracts.Data;
using FieldContracts.Data.Notices;
using FieldContracts.Web.Features.Jobs;
using FieldContracts.Web.Tests.Features.Notices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Hangfire;

namespace FieldContracts.Web.Tests.Features.Jobs;

public abstract class JobHandlerTests(DatabaseProvider provider)
{
    [Fact]
    public async Task MissedWork_WindowsEndedWithNothingLogged_RaisesOneDeficiencyEachAndNothingOnTheSecondRun()
    {
        await using var app = await NoticesApp.StartAsync(provider);
        var today = new LocalDate(2003, 7, 10);

        var first = await app.WithAsync(s => s.GetRequiredService<MissedWorkHandler>().HandleAsync(today, CancellationToken.None));
        var second = await app.WithAsync(s => s.GetRequiredService<MissedWorkHandler>().HandleAsync(today, CancellationToken.None));

        await using var db = app.Database.CreateContext();
        var expected = await db.Occurrences.CountAsync(o => !o.Cancelled && o.Status == FieldContracts.Scheduling.Planning.OccurrenceStatus.Planned
                                                            && o.WindowEnd < today && o.LoggedOn == null);
        Assert.True(expected > 0);
        // And item 2b's reports of 2003, due June 30 with the spring window, at the three schools.
        Assert.Equal(new MissedWorkResult(expected, 0, 3), first);
        Assert.Equal(new MissedWorkResult(0, 0, 0), second);
        Assert.Equal(3, await db.Deficiencies.CountAsync(d => d.Kind == DeficiencyKind.DeliverableLate));
        var missed = await db.Deficiencies.Where(d => d.Kind != DeficiencyKind.DeliverableLate).ToListAsync();
        Assert.Equal(expected, missed.Count);
        Assert.All(missed, d =>
        {
            Assert.Equal(DeficiencyKind.MissedWork, d.Kind);
            Assert.Equal(DeficiencyStatus.Open, d.Status);
            Assert.Equal(today, d.FoundOn);
            Assert.Equal(DeficiencyKeys.Missed(d.OccurrenceId!.Value), d.DedupKey);
        });
        // Each missed occurrence got a new revision, so calendars and their caches show it as missed.
        var ids = missed.Select(d => d.OccurrenceId!.Value).ToList();
        Assert.True(await db.Occurrences.Where(o => ids.Contains(o.Id)).AllAsync(o => o.Revision > 0));
    }

    [Fact]
    public async Task LicenceReminders_At60And30And15And1Days_SendOneReminderEachToTheLicenceAndPurchasingOverSmtp()
    {
        await using var app = await NoticesApp.StartAsync(provider);
        await using (var db = app.Database.CreateContext())
        {
            var contractor = await db.Contracts.Where(c => c.Number == "2685").Select(c => c.ContractorId).SingleAsync();
            db.Licences.Add(new LicenceRecord
            {
                Id = Guid.NewGuid(), ContractorId = contractor, Holder = "Sample applicator (sample)", Number = "S-0001 (sample)",
                Kind = LicenceKind.PesticideOperator, Category = "3A turf", Issuer = "CT DEEP", IssuedOn = new LocalDate(2002, 9, 1),
                ExpiresOn = new LocalDate(2003, 8, 31), ReminderEmail = "licences@example.org", AddedBy = "purchasing@hartford.example",
            });
            await db.SaveChangesAsync();
        }

        async Task<int> RunAsync(int month, int day) =>
            (await app.WithAsync(s => s.GetRequiredService<ComplianceHandler>().HandleAsync(new LocalDate(2003, month, day), CancellationToken.None)))
            .LicenceReminders;

        // August 31, 2003 is the licence's last valid day: 60 days before is July 2, then August 1, August 16 and August 30.
        var queued = new[]
        {
            await RunAsync(7, 1), await RunAsync(7, 2), await RunAsync(7, 3), await RunAsync(8, 1), await RunAsync(8, 2), await RunAsync(8, 16),
            await RunAsync(8, 29), await RunAsync(8, 30), await RunAsync(8, 31), await RunAsync(9, 1),
        };
        await app.DeliverAsync();

        Assert.Equal([0, 2, 0, 2, 0, 2, 0, 2, 0, 0], queued);
        var mails = app.Smtp.Messages();
        Assert.Equal(8, mails.Count);
        foreach (var recipient in new[] { "licences@example.org", "purchasing@hartford.example" })
        {
            var subjects = mails.Where(m => m.EnvelopeTo.SequenceEqual([recipient])).Select(m => m.Subject).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(["(1-day reminder)", "(15-day reminder)", "(30-day reminder)", "(60-day reminder)"],
                subjects.Select(s => s[s.LastIndexOf('(')..]).Order(StringComparer.Ordinal));
            Assert.All(subjects, s => Assert.StartsWith("Licence S-0001 (sample) expires Sunday, August 31, 2003", s));
        }

        Assert.Contains(mails, m => m.Text.Contains("60 days from Wednesday, July 2, 2003", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FailingJob_IsRetriedAfterItsDelayAndItsRunsAreRecorded()
    {
        await using var app = await NoticesApp.StartAsync(provider, scheduler: true);
        FlakyJob.Calls = 0;

        var runId = app.Node.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<FlakyJob>(j => j.RunAsync());
        var run = await JobRuns.WaitForAsync(app.Node, runId);

        Assert.Equal(2, FlakyJob.Calls);
        // The failure is recorded with its error, then the retry is scheduled a second later.
        Assert.Equal(["Enqueued", "Processing", "Failed", "Scheduled", "Enqueued", "Processing", "Succeeded"], run.History.Select(h => h.State));
        Assert.Equal("The mail server was not ready.", run.History.Single(h => h.State == "Failed").Error);
        Assert.Equal("delivered on the second attempt", run.Result);
    }

    /// <summary>Fails its first run, succeeds after; retried once, a second later.</summary>
    public sealed class FlakyJob
    {
        public static int Calls;

        [AutomaticRetry(Attempts = 1, DelaysInSeconds = [1])]
        public Task<string> RunAsync() =>
            Interlocked.Increment(ref Calls) == 1
                ? throw new InvalidOperationException("The mail server was not ready.")
                : Task.FromResult("delivered on the second attempt");
    }
}

// FlakyJob counts its calls in a static field: the two providers' classes must not run side by side.
[Collection(nameof(JobHandlerTests))]
public sealed class JobHandlerTests_Sqlite() : JobHandlerTests(DatabaseProvider.Sqlite);

[Collection(nameof(JobHandlerTests))]
public sealed class JobHandlerTests_Postgres() : JobHandlerTests(DatabaseProvider.PostgreSql);

/// <summary>Each job's retries and overlap, as decision 0016's table sets them, read from the attributes Hangfire reads.</summary>
public sealed class JobPoliciesTests
{
    [Theory]
    [InlineData("deliver-outbox", 0, AttemptsExceededAction.Delete, 60)]
    [InlineData("send-due-notices", 2, AttemptsExceededAction.Fail, 15 * 60)]
    [InlineData("missed-work", 5, AttemptsExceededAction.Fail, 30 * 60)]
    [InlineData("insurance-and-licences", 5, AttemptsExceededAction.Fail, 30 * 60)]
    [InlineData("remedial-period-reminders", 5, AttemptsExceededAction.Fail, 30 * 60)]
    public void Job_HasItsRetriesAndRunsOneAtATime(string id, int attempts, AttemptsExceededAction exceeded, int waitSeconds)
    {
        var method = JobCatalog.Find(id)!.Call().Method;

        var retry = Assert.Single(method.GetCustomAttributes(typeof(AutomaticRetryAttribute), true).Cast<AutomaticRetryAttribute>());
        var overlap = Assert.Single(method.GetCustomAttributes(typeof(DisableConcurrentExecutionAttribute), true)
            .Cast<DisableConcurrentExecutionAttribute>());
        Assert.Equal((attempts, exceeded), (retry.Attempts, retry.OnAttemptsExceeded));
        Assert.Equal(waitSeconds, overlap.TimeoutSec);
    }
}
