using FieldContracts.Data;
using FieldContracts.Data.Notices;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Quartz;

namespace FieldContracts.Web.Features.Jobs;

/// <summary>Records every run of a job in <c>job_runs</c>: node, start, outcome, duration, what it did or its error.</summary>
public sealed class JobRunListener(IServiceScopeFactory scopes, IClock clock, ILogger<JobRunListener> logger) : IJobListener
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Guid> _runs = new();

    public string Name => "job-runs";

    public async ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var run = new JobRunRecord
        {
            Id = Guid.NewGuid(),
            JobName = context.JobDetail.Key.Name,
            FireInstanceId = context.FireInstanceId,
            Node = context.Scheduler.SchedulerInstanceId,
            StartedAt = clock.GetCurrentInstant(),
            Outcome = JobRunOutcome.Running,
            RetryAttempt = context.RetryAttempt,
        };
        _runs[context.FireInstanceId] = run.Id;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FieldContractsDbContext>();
        db.JobRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException,
        CancellationToken cancellationToken = default)
    {
        if (!_runs.TryRemove(context.FireInstanceId, out var id))
        {
            return;
        }

        var error = jobException is null ? null : Truncate((jobException.InnerException ?? jobException).Message, 4000);
        var summary = context.Result is string s ? Truncate(s, 1000) : null;
        Instant? finished = clock.GetCurrentInstant();
        long? milliseconds = (long)context.JobRunTime.TotalMilliseconds;
        var outcome = jobException is null ? JobRunOutcome.Succeeded : JobRunOutcome.Failed;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FieldContractsDbContext>();
            await db.JobRuns.Where(r => r.Id == id).ExecuteUpdateAsync(u => u
                .SetProperty(r => r.FinishedAt, finished).SetProperty(r => r.DurationMilliseconds, milliseconds)
                .SetProperty(r => r.Outcome, outcome).SetProperty(r => r.Summary, summary).SetProperty(r => r.Error, error), CancellationToken.None);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            logger.LogWarning(e, "Could not record the end of run {Run} of {Job}.", id, context.JobDetail.Key.Name);
        }
    }

    private static string Truncate(string text, int length) => text.Length > length ? text[..length] : text;
}
