using FieldContracts.Web.Infrastructure;
using Hangfire;
using Hangfire.Storage;
using NodaTime;

namespace FieldContracts.Web.Features.Jobs;

/// <summary>A recurring job: its schedule in Hartford time, its next run and how its last one went.</summary>
/// <param name="Schedule">The schedule in words (<see cref="CronWords"/>): "Every day at 02:30 (Hartford time)".</param>
public sealed record JobView(string Id, string Title, string Description, string Cron, string TimeZone, ZonedDateTime? NextRun,
    ZonedDateTime? LastRun, string? LastRunId, string? LastState)
{
    public string Schedule => CronWords.Describe(Cron);
}

/// <summary>One run of a job: its state now, what the job reported or why it failed, and the states it went through.</summary>
public sealed record JobRunView(string Id, string? Job, string State, string? Result, string? Error, IReadOnlyList<JobRunStateView> History);

public sealed record JobRunStateView(string State, ZonedDateTime At, string? Reason, string? Error);

/// <summary>The jobs as Hangfire's storage has them, and "run now" for Purchasing's scripts and the tests.</summary>
public sealed class JobsQueries(JobStorage storage, IRecurringJobManagerV2 recurring)
{
    public IReadOnlyList<JobView> List()
    {
        using var connection = storage.GetConnection();
        var stored = connection.GetRecurringJobs().ToDictionary(r => r.Id, StringComparer.Ordinal);
        return JobCatalog.All.Select(job => stored.TryGetValue(job.Id, out var r)
                ? new JobView(job.Id, job.Title, job.Description, r.Cron, r.TimeZoneId ?? "UTC", InHartford(r.NextExecution), InHartford(r.LastExecution),
                    r.LastJobId, r.LastJobState)
                : new JobView(job.Id, job.Title, job.Description, job.DefaultCron, "", null, null, null, "Not registered"))
            .ToList();
    }

    /// <summary>Runs the job now, once, on whichever instance takes it first; null when there is no such job.</summary>
    public string? Trigger(string id) => JobCatalog.Find(id) is null ? null : recurring.TriggerJob(id);

    /// <summary>One run, or null when the storage has no such run (or no longer has it: finished runs expire after a day).</summary>
    public JobRunView? Run(string runId)
    {
        var details = storage.GetMonitoringApi().JobDetails(runId);
        if (details is null)
        {
            return null;
        }

        var history = details.History.OrderBy(h => h.CreatedAt).ToList();
        var last = history.LastOrDefault();
        var job = details.Job is { } call ? JobCatalog.All.FirstOrDefault(j => j.JobType == call.Type)?.Id ?? call.Type.Name : null;
        return new JobRunView(runId, job, last?.StateName ?? "Created",
            last?.StateName == "Succeeded" ? ResultText(last.Data) : null,
            last?.StateName == "Failed" && last.Data.TryGetValue("ExceptionMessage", out var message) ? message : null,
            history.Select(h => new JobRunStateView(h.StateName, Instant.FromDateTimeUtc(DateTime.SpecifyKind(h.CreatedAt, DateTimeKind.Utc))
                .InZone(Hartford.Zone), h.Reason, h.Data.TryGetValue("ExceptionMessage", out var error) ? error : null)).ToList());
    }

    /// <summary>The job's return value, which Hangfire keeps as JSON.</summary>
    private static string? ResultText(IDictionary<string, string> data) =>
        data.TryGetValue("Result", out var json) && !string.IsNullOrEmpty(json)
            ? System.Text.Json.JsonSerializer.Deserialize<string>(json)
            : null;

    private static ZonedDateTime? InHartford(DateTime? utc) =>
        utc is { } at ? Instant.FromDateTimeUtc(DateTime.SpecifyKind(at, DateTimeKind.Utc)).InZone(Hartford.Zone) : null;
}
