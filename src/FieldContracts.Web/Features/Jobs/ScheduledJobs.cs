using FieldContracts.Web.Features.Notices;
using FieldContracts.Web.Infrastructure;
using NodaTime;
using Quartz;

namespace FieldContracts.Web.Features.Jobs;

// Thin shells: each job resolves its handler, gives it today (or now) from the injected clock, and reports
// what the handler did. The handlers are idempotent, so a retried or doubled firing changes nothing more.

[DisallowConcurrentExecution]
public sealed class SendDueNoticesJob(SendDueNoticesHandler handler, IClock clock) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        context.Result = (await handler.HandleAsync(clock.GetCurrentInstant(), cancellationToken)).ToString();
}

[DisallowConcurrentExecution]
public sealed class DeliverOutboxJob(OutboxDeliveryHandler handler, IClock clock) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        context.Result = (await handler.HandleAsync(clock.GetCurrentInstant(), cancellationToken)).ToString();
}

[DisallowConcurrentExecution]
public sealed class MissedWorkJob(MissedWorkHandler handler, IClock clock) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        context.Result = (await handler.HandleAsync(clock.GetCurrentInstant().InZone(Hartford.Zone).Date, cancellationToken)).ToString();
}

[DisallowConcurrentExecution]
public sealed class LicenceRemindersJob(LicenceRemindersHandler handler, IClock clock) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        context.Result = (await handler.HandleAsync(clock.GetCurrentInstant().InZone(Hartford.Zone).Date, cancellationToken)).ToString();
}

/// <summary>A job of the application: its key, what it does, and when it runs by default (cron, Hartford time).</summary>
public sealed record JobDefinition(string Name, string Title, string Description, string DefaultCron, Type JobType);

public static class JobCatalog
{
    public static readonly IReadOnlyList<JobDefinition> All =
    [
        new("send-due-notices", "Chemical pre-notifications",
            "Decides the notices of chemical applications whose send window has opened and queues one email per recipient.",
            "0 0/15 * * * ?", typeof(SendDueNoticesJob)),
        new("deliver-outbox", "Email delivery",
            "Sends queued email over SMTP (or to the pickup folder), retrying failures with back-off.",
            "0 * * * * ?", typeof(DeliverOutboxJob)),
        new("missed-work", "Missed and late work",
            "Finds planned work whose window ended with nothing logged, or logged late: deficiency candidates.",
            "0 30 2 * * ?", typeof(MissedWorkJob)),
        new("licence-reminders", "Licence expiry reminders",
            "Emails reminders of licences expiring within 30 and within 7 days.",
            "0 0 7 * * ?", typeof(LicenceRemindersJob)),
    ];

    public static JobDefinition? Find(string name) => All.SingleOrDefault(j => j.Name == name);
}
