using FieldContracts.Data;
using FieldContracts.Data.Notices;
using FieldContracts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Quartz;

namespace FieldContracts.Web.Features.Jobs;

public sealed record JobRunView(Guid Id, string Node, Instant StartedAt, long? DurationMilliseconds, JobRunOutcome Outcome, int RetryAttempt,
    string? Summary, string? Error);

public sealed record JobView(string Name, string Title, string Description, string Cron, string State, ZonedDateTime? NextFireTime,
    IReadOnlyList<JobRunView> RecentRuns);

public sealed record UndeliveredView(Guid Id, string To, string Subject, int Attempts, Instant NextAttemptAt, Instant? GaveUpAt, string? LastError);

/// <summary>The jobs as the scheduler and the run record have them, and the commands of the jobs page and API.</summary>
public sealed class JobsQueries(ISchedulerFactory schedulers, FieldContractsDbContext db, JobsSettings settings)
{
    public async Task<IReadOnlyList<JobView>> ListAsync(CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var runs = (await db.JobRuns.AsNoTracking().OrderByDescending(r => r.StartedAt).Take(400).ToListAsync(ct))
            .ToLookup(r => r.JobName);
        var jobs = new List<JobView>();
        foreach (var job in JobCatalog.All)
        {
            var trigger = await scheduler.GetTrigger(new TriggerKey(job.Name), ct);
            var state = trigger is null ? "Not scheduled" : (await scheduler.GetTriggerState(trigger.Key, ct)).ToString();
            var next = trigger?.NextFireTimeUtc is { } at ? Instant.FromDateTimeOffset(at).InZone(Hartford.Zone) : (ZonedDateTime?)null;
            jobs.Add(new JobView(job.Name, job.Title, job.Description, settings.Cron[job.Name], state, next,
                runs[job.Name].OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.FinishedAt).Take(10)
                    .Select(r => new JobRunView(r.Id, r.Node, r.StartedAt, r.DurationMilliseconds, r.Outcome, r.RetryAttempt, r.Summary, r.Error))
                    .ToList()));
        }

        return jobs;
    }

    /// <summary>Email that failed at least once and is not delivered: waiting for a retry, or given up.</summary>
    public async Task<IReadOnlyList<UndeliveredView>> UndeliveredAsync(CancellationToken ct) =>
        (await db.OutboxMessages.AsNoTracking().Where(m => m.SentAt == null && m.Attempts > 0)
            .Select(m => new UndeliveredView(m.Id, m.ToAddress, m.Subject, m.Attempts, m.NextAttemptAt, m.GaveUpAt, m.LastError))
            .ToListAsync(ct))
        .OrderByDescending(m => m.GaveUpAt is not null).ThenBy(m => m.NextAttemptAt).Take(100).ToList();

    public async Task<bool> TriggerAsync(string name, CancellationToken ct) =>
        await WithJobAsync(name, async (s, key) =>
        {
            await s.TriggerJob(key, ct);
            return true;
        }, ct);

    public async Task<bool> PauseAsync(string name, CancellationToken ct) =>
        await WithJobAsync(name, (s, key) => s.PauseJob(key, ct), ct);

    public async Task<bool> ResumeAsync(string name, CancellationToken ct) =>
        await WithJobAsync(name, (s, key) => s.ResumeJob(key, ct), ct);

    private async Task<bool> WithJobAsync(string name, Func<IScheduler, JobKey, ValueTask<bool>> action, CancellationToken ct)
    {
        if (JobCatalog.Find(name) is null)
        {
            return false;
        }

        return await action(await schedulers.GetScheduler(ct), new JobKey(name));
    }
}
