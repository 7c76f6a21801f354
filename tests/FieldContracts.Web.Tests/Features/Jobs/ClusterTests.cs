using FieldContracts.Data;
using FieldContracts.Data.Notices;
using FieldContracts.Web.Tests.Features.Notices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace FieldContracts.Web.Tests.Features.Jobs;

/// <summary>Two instances of the application on one PostgreSQL database, their schedulers clustered.</summary>
public sealed class ClusterTests
{
    private const int Messages = 300;

    [Fact]
    public async Task TwoNodes_OneKilledMidRun_EveryMessageDeliveredExactlyOnce()
    {
        // A mail server that takes a while per message, so the doomed node is surely still delivering when it dies.
        await using var app = await NoticesApp.StartAsync(DatabaseProvider.PostgreSql, scheduler: true, smtpDelayPerMessage: TimeSpan.FromMilliseconds(40));
        var survivor = app.Node;
        var doomed = app.StartNode(scheduler: true);
        await QueueAsync(app);

        using var kill = new CancellationTokenSource();
        var doomedRun = app.DeliverAsync(doomed, kill.Token);
        // Once the doomed node is delivering it holds claims; the survivor starts beside it, then the doomed node dies.
        await app.Smtp.WaitForAsync(10);
        var survivorRun = app.DeliverAsync(survivor);
        await kill.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => doomedRun);
        await doomed.DisposeAsync();
        await survivorRun;

        // The dead node's claims lapse; the survivor delivers what it left.
        app.Clock.Advance(Duration.FromMinutes(5) + Duration.FromSeconds(1));
        await app.DeliverAsync(survivor);

        var received = app.Smtp.Messages();
        await using var db = app.Database.CreateContext();
        Assert.Equal(0, await db.OutboxMessages.CountAsync(m => m.SentAt == null));
        Assert.Equal(Messages, received.Count);
        Assert.Equal(Messages, received.Select(m => m.MessageId).Distinct().Count());
        var expected = (await db.OutboxMessages.Select(m => m.Id).ToListAsync()).Select(id => $"<{id:N}@fieldcontracts>").Order(StringComparer.Ordinal);
        Assert.Equal(expected, received.Select(m => m.MessageId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TwoNodes_JobTriggeredOnBoth_RunsOnEachFiringOnOneNodeAtATime()
    {
        await using var app = await NoticesApp.StartAsync(DatabaseProvider.PostgreSql, scheduler: true);
        var other = app.StartNode(scheduler: true);
        await QueueAsync(app);
        var first = await app.Node.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var second = await other.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.NotEqual(first.SchedulerInstanceId, second.SchedulerInstanceId);

        await first.TriggerJob(new JobKey("deliver-outbox"));
        await second.TriggerJob(new JobKey("deliver-outbox"));
        await JobsPageTests.WaitForRunAsync(app, "deliver-outbox", count: 2);

        var received = await app.Smtp.WaitForAsync(Messages);
        await using var db = app.Database.CreateContext();
        var runs = await db.JobRuns.Where(r => r.JobName == "deliver-outbox").OrderBy(r => r.StartedAt).ToListAsync();
        Assert.Equal(2, runs.Count);
        Assert.All(runs, r => Assert.Contains(r.Node, new[] { first.SchedulerInstanceId, second.SchedulerInstanceId }));
        Assert.Equal(Messages, received.Count);
        Assert.Equal(Messages, received.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(Messages, runs.Sum(r => int.Parse(r.Summary!.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static async Task QueueAsync(NoticesApp app)
    {
        await using var db = app.Database.CreateContext();
        var now = app.Clock.GetCurrentInstant();
        for (var i = 0; i < Messages; i++)
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                Id = Guid.NewGuid(), Kind = OutboxKind.ChemicalNotice, DedupKey = $"cluster-test:{i}", ToAddress = $"r{i}@example.org",
                ToName = $"Recipient {i}", Subject = $"Cluster test {i}", Body = "Test message.", CreatedAt = now, NextAttemptAt = now,
            });
        }

        await db.SaveChangesAsync();
    }
}
