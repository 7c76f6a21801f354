using FieldContracts.Web.Features.Notices;
using FieldContracts.Web.Infrastructure;
using Hangfire;
using NodaTime;

namespace FieldContracts.Web.Features.Jobs;

// Thin shells: each job resolves its handler, gives it today (or now) from the injected clock, and returns what the
// handler did (the dashboard shows it as the run's result). The handlers are idempotent, so a retried, doubled or
// recovered run changes nothing more. Retries and overlap are set per job, deliberately (docs/decisions/0016).

/// <summary>A recurring job of the application: Hangfire runs <see cref="RunAsync"/>.</summary>
public interface IRecurringJob
{
    Task<string> RunAsync(CancellationToken cancellationToken);
}

public sealed class SendDueNoticesJob(SendDueNoticesHandler handler, IClock clock) : IRecurringJob
{
    // Every 15 minutes; a failed pass is tried again within minutes, before the next firing.
    [JobDisplayName("Chemical pre-notifications")]
    [AutomaticRetry(Attempts = 2, DelaysInSeconds = [60, 300], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [DisableConcurrentExecution(timeoutInSeconds: 15 * 60)]
    public async Task<string> RunAsync(CancellationToken cancellationToken) =>
        (await handler.HandleAsync(clock.GetCurrentInstant(), cancellationToken)).ToString();
}

public sealed class DeliverOutboxJob(OutboxDeliveryHandler handler, IClock clock) : IRecurringJob
{
    // Every minute, and each message carries its own back-off in the outbox: the next firing is the retry. A pass that
    // finds the previous one still delivering waits a minute for it, then gives way to the next firing.
    [JobDisplayName("Email delivery")]
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task<string> RunAsync(CancellationToken cancellationToken) =>
        (await handler.HandleAsync(clock.GetCurrentInstant(), cancellationToken)).ToString();
}

public sealed class MissedWorkJob(MissedWorkHandler handler, IClock clock) : IRecurringJob
{
    // Once a night: a failed pass is retried through the morning rather than waiting a day.
    [JobDisplayName("Missed and late work")]
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [300, 900, 1800, 3600, 7200], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [DisableConcurrentExecution(timeoutInSeconds: 30 * 60)]
    public async Task<string> RunAsync(CancellationToken cancellationToken) =>
        (await handler.HandleAsync(clock.GetCurrentInstant().InZone(Hartford.Zone).Date, cancellationToken)).ToString();
}

public sealed class ComplianceJob(ComplianceHandler handler, IClock clock) : IRecurringJob
{
    // Once a morning: retried through the day, so a reminder or a lapse is not a day late.
    [JobDisplayName("Insurance and licences")]
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [300, 900, 1800, 3600, 7200], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [DisableConcurrentExecution(timeoutInSeconds: 30 * 60)]
    public async Task<string> RunAsync(CancellationToken cancellationToken) =>
        (await handler.HandleAsync(clock.GetCurrentInstant().InZone(Hartford.Zone).Date, cancellationToken)).ToString();
}

public sealed class RemedialPeriodRemindersJob(Performance.CaseRemindersHandler handler, IClock clock) : IRecurringJob
{
    // Once a morning, like the insurance and licences pass.
    [JobDisplayName("Remedial period reminders")]
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [300, 900, 1800, 3600, 7200], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [DisableConcurrentExecution(timeoutInSeconds: 30 * 60)]
    public async Task<string> RunAsync(CancellationToken cancellationToken) =>
        (await handler.HandleAsync(clock.GetCurrentInstant().InZone(Hartford.Zone).Date, cancellationToken)).ToString();
}

/// <summary>A job of the application: its id, what it does, and when it runs by default (cron, Hartford time).</summary>
public sealed record JobDefinition(string Id, string Title, string Description, string DefaultCron, Type JobType)
{
    /// <summary>The call Hangfire stores and runs: the job's <see cref="IRecurringJob.RunAsync"/>.</summary>
    public Hangfire.Common.Job Call() =>
        new(JobType, JobType.GetMethod(nameof(IRecurringJob.RunAsync))!, CancellationToken.None);
}

public static class JobCatalog
{
    public static readonly IReadOnlyList<JobDefinition> All =
    [
        new("send-due-notices", "Chemical pre-notifications",
            "Decides the notices of chemical applications whose send window has opened and queues one email per recipient.",
            "*/15 * * * *", typeof(SendDueNoticesJob)),
        new("deliver-outbox", "Email delivery",
            "Sends queued email over SMTP (or to the pickup folder), retrying failures with back-off.",
            "* * * * *", typeof(DeliverOutboxJob)),
        new("missed-work", "Missed and late work",
            "Finds planned work whose window ended with nothing logged, or logged late, and deliverables overdue: deficiencies.",
            "30 2 * * *", typeof(MissedWorkJob)),
        new("insurance-and-licences", "Insurance and licences",
            "Emails the contractor and Purchasing 60, 30, 15 and 1 days before an accepted insurance line or a licence runs out; "
            + "raises a deficiency when required insurance lapses without replacement, and opens a case if the contract says so.",
            "0 7 * * *", typeof(ComplianceJob)),
        new("remedial-period-reminders", "Remedial period reminders",
            "Reminds the contractor and the Athletic Directors two days before a remedial period ends with deficiencies not verified cured.",
            "15 7 * * *", typeof(RemedialPeriodRemindersJob)),
        new("calendar-sources", "Calendar sources",
            "Fetches each school's calendar addresses (ETag and If-Modified-Since, bounded in time and size) and re-plans chemical "
            + "applications around what changed; a failed fetch keeps the last good copy and is recorded.",
            "20 * * * *", typeof(CalendarSources.RefreshCalendarSourcesJob)),
    ];

    public static JobDefinition? Find(string id) => All.SingleOrDefault(j => j.Id == id);
}
