using FieldContracts.Data;
using FieldContracts.Data.Notices;
using FieldContracts.Data.Planning;
using FieldContracts.Web.Features.Notices;
using FieldContracts.Web.Features.Schedule;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FieldContracts.Web.Tests.Features.Notices;

public abstract class NoticeDeliveryTests(DatabaseProvider provider)
{
    private static readonly Duration SendWindow = Duration.FromHours(48);

    [Fact]
    public async Task SendAndDeliver_DueNotice_ReachesEachRecipientOverSmtpNamingProductIngredientSchoolAndDate()
    {
        await using var app = await NoticesApp.StartAsync(provider);
        var first = (await app.UpcomingApplicationsAsync())[0];
        app.Clock.Reset(first.NoticeDueBy!.Value - Duration.FromHours(1));

        var decisions = await app.SendDueNoticesAsync();
        var delivery = await app.DeliverAsync();

        var detail = OccurrenceDetail.Parse(first.Detail).Notice!;
        var mails = await MailsOfAsync(app, first.Id);
        Assert.True(decisions.Decided >= 1);
        Assert.Equal(decisions.MessagesQueued, delivery.Sent);
        Assert.Equal(3, mails.Count);
        var code = (await Site(app, first.SiteId)).Code.ToLowerInvariant();
        Assert.Equal(
            new[] { $"athletics.{code}@example.org", $"maintenance.{code}@example.org", $"registry.{code}@example.org" },
            mails.SelectMany(m => m.EnvelopeTo).Order(StringComparer.Ordinal));
        var body = mails[0].Text;
        Assert.Contains($"School: {detail.School}", body, StringComparison.Ordinal);
        Assert.Contains("Date: Tuesday, July 15, 2003", body, StringComparison.Ordinal);
        Assert.Contains(detail.Products[0], body, StringComparison.Ordinal);
        Assert.Contains(detail.ActiveIngredients[0], body, StringComparison.Ordinal);
        Assert.Contains(detail.Areas[0], body, StringComparison.Ordinal);
        Assert.Contains("PESTICIDE APPLICATION", body, StringComparison.Ordinal);
        Assert.Contains("10-231c", body, StringComparison.Ordinal);

        await using var db = app.Database.CreateContext();
        var notice = await db.ChemicalNotices.SingleAsync(n => n.OccurrenceId == first.Id);
        Assert.Equal(app.Clock.GetCurrentInstant(), notice.FirstAcceptedAt);
        Assert.True(await db.OutboxMessages.Where(m => m.ChemicalNoticeId == notice.Id).AllAsync(m => m.SentAt != null));
    }

    [Fact]
    public async Task SendDueNotices_RunTwiceAndDeliveredTwice_SendsOneEmailPerRecipient()
    {
        await using var app = await NoticesApp.StartAsync(provider);
        app.Clock.Reset((await app.UpcomingApplicationsAsync())[0].NoticeDueBy!.Value - Duration.FromHours(1));

        var first = await app.SendDueNoticesAsync();
        var second = await app.SendDueNoticesAsync();
        var delivered = await app.DeliverAsync();
        var again = await app.DeliverAsync();

        Assert.True(first.MessagesQueued >= 3);
        Assert.Equal(new NoticeDecisions(0, 0, 0, 0), second);
        Assert.Equal(new DeliveryResult(first.MessagesQueued, 0, 0), delivered);
        Assert.Equal(0, again.Sent);
        var received = app.Smtp.Messages();
        Assert.Equal(first.MessagesQueued, received.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(first.MessagesQueued, received.Count);
    }

    [Fact]
    public async Task TestClock_NoticeDueIn24Hours_NotSentBeforeItsWindowOpensAndSentOnceItHas()
    {
        await using var app = await NoticesApp.StartAsync(provider);
        var first = (await app.UpcomingApplicationsAsync())[0];
        var opens = first.NoticeDueBy!.Value - SendWindow;

        app.Clock.Reset(opens - Duration.FromMinutes(1));
        var before = await app.SendDueNoticesAsync();
        app.Clock.Advance(Duration.FromMinutes(1));
        var after = await app.SendDueNoticesAsync();

        Assert.Equal(0, before.Decided);
        Assert.True(after.Decided >= 1);
        await using var db = app.Database.CreateContext();
        var notice = await db.ChemicalNotices.SingleAsync(n => n.OccurrenceId == first.Id);
        Assert.Equal(opens, notice.DecidedAt);
        Assert.True(first.ApplicationStartsAt!.Value - notice.DecidedAt >= Duration.FromHours(24));
    }

    [Fact]
    public async Task Move_AfterTheNoticeWasSent_SendsAFreshNoticeNamingTheNewDay()
    {
        await using var app = await NoticesApp.StartAsync(provider);
        var first = (await app.UpcomingApplicationsAsync())[0];
        app.Clock.Reset(first.NoticeDueBy!.Value - Duration.FromHours(40));
        await app.SendDueNoticesAsync();
        await app.DeliverAsync();
        var sentBefore = app.Smtp.Messages().Count;

        var newDay = first.PlannedDate!.Value.PlusDays(1);
        var moved = await app.WithAsync(async s =>
        {
            var (_, error) = await s.GetRequiredService<MoveOccurrence>().HandleAsync(first.ContractId, first.Id, newDay, null, null,
                "Rain forecast", "test", CancellationToken.None);
            return error;
        });
        Assert.Null(moved);
        app.Clock.Advance(Duration.FromDays(1));
        await app.SendDueNoticesAsync();
        await app.DeliverAsync();

        await using var db = app.Database.CreateContext();
        var notices = await db.ChemicalNotices.Where(n => n.OccurrenceId == first.Id).OrderBy(n => n.Version).ToListAsync();
        Assert.Equal(2, notices.Count);
        Assert.Equal(first.PlannedDate, notices[0].ApplicationDateNamed);
        Assert.Equal(newDay, notices[1].ApplicationDateNamed);
        var mails = await MailsOfAsync(app, first.Id);
        Assert.Equal(6, mails.Count);
        Assert.Equal(3, mails.Count(m => m.Subject.Contains(Display.Long(newDay), StringComparison.Ordinal)
                                       && m.Text.Contains($"Date: {Display.Long(newDay)}", StringComparison.Ordinal)));
        Assert.True(app.Smtp.Messages().Count > sentBefore);

        var state = await app.WithAsync(async s => await PlanState.LoadAsync(s.GetRequiredService<FieldContractsDbContext>(), first.ContractId, CancellationToken.None));
        var sent = state!.ToInput(Hartford.Zone).Facts.SentNotices[first.Id];
        Assert.Equal(newDay, sent.ApplicationDateNamed);
        Assert.Equal(notices[1].FirstAcceptedAt, sent.SentAt);
    }

    [Fact]
    public async Task Delivery_ServerDown_RetriesWithDoublingBackOffThenDeliversOnceItIsUp()
    {
        await using var app = await NoticesApp.StartAsync(provider);
        app.Clock.Reset((await app.UpcomingApplicationsAsync())[0].NoticeDueBy!.Value - Duration.FromHours(1));
        var queued = (await app.SendDueNoticesAsync()).MessagesQueued;
        await app.Smtp.StopAsync();

        var down = await app.DeliverAsync();
        app.Clock.Advance(Duration.FromSeconds(30));
        var tooSoon = await app.DeliverAsync();
        app.Clock.Advance(Duration.FromSeconds(30));
        var secondTry = await app.DeliverAsync();

        Assert.Equal(new DeliveryResult(0, queued, 0), down);
        Assert.Equal(new DeliveryResult(0, 0, 0), tooSoon);
        Assert.Equal(new DeliveryResult(0, queued, 0), secondTry);
        await using (var db = app.Database.CreateContext())
        {
            var waiting = await db.OutboxMessages.ToListAsync();
            Assert.All(waiting, m => Assert.Equal(2, m.Attempts));
            Assert.All(waiting, m => Assert.Equal(app.Clock.GetCurrentInstant() + Duration.FromMinutes(2), m.NextAttemptAt));
            Assert.All(waiting, m => Assert.False(string.IsNullOrEmpty(m.LastError)));
        }

        app.Smtp.Restart();
        app.Clock.Advance(Duration.FromMinutes(2));
        var up = await app.DeliverAsync();

        Assert.Equal(new DeliveryResult(queued, 0, 0), up);
        Assert.Equal(queued, app.Smtp.Messages().Count);
        await using var after = app.Database.CreateContext();
        Assert.True(await after.OutboxMessages.AllAsync(m => m.SentAt != null && m.LastError == null));
    }

    [Fact]
    public async Task Delivery_FailingEveryTime_GivesUpAfterTheLastAttemptWithTheError()
    {
        await using var app = await NoticesApp.StartAsync(provider);
        app.Clock.Reset((await app.UpcomingApplicationsAsync())[0].NoticeDueBy!.Value - Duration.FromHours(1));
        var queued = (await app.SendDueNoticesAsync()).MessagesQueued;
        await app.Smtp.StopAsync();

        var results = new List<DeliveryResult>();
        for (var i = 0; i < 8; i++)
        {
            results.Add(await app.DeliverAsync());
            app.Clock.Advance(Duration.FromHours(2));
        }

        Assert.Equal(queued, results[^1].GaveUp);
        Assert.Equal(0, (await app.DeliverAsync()).Failed);
        await using var db = app.Database.CreateContext();
        Assert.True(await db.OutboxMessages.AllAsync(m => m.GaveUpAt != null && m.Attempts == 8));
        // The Athletic Director sees each given-up email with its error; a crew leader may not look.
        var html = WebUtility.HtmlDecode(await (await app.SignedInAsync(Roles.AthleticDirector)).GetStringAsync("/notices/undelivered"));
        var rows = System.Text.RegularExpressions.Regex.Matches(html, "<td data-label=\"Status\">Given up [0-9-]+ [0-9:]+ E[SD]T</td>").Count;
        Assert.Equal(queued, rows);
        Assert.Contains("data-testid=\"undelivered\"", html, StringComparison.Ordinal);
        using var crew = await (await app.SignedInAsync(Roles.Contractor)).GetAsync("/notices/undelivered");
        Assert.Equal(HttpStatusCode.Redirect, crew.StatusCode);
    }

    /// <summary>The messages the SMTP server received for one occurrence's notices, told by their Message-ID.</summary>
    private static async Task<List<FieldContracts.Web.Testing.Smtp.ReceivedMail>> MailsOfAsync(NoticesApp app, Guid occurrenceId)
    {
        await using var db = app.Database.CreateContext();
        var ids = (await db.OutboxMessages.Join(db.ChemicalNotices.Where(n => n.OccurrenceId == occurrenceId), m => m.ChemicalNoticeId, n => n.Id,
                (m, _) => m.Id).ToListAsync())
            .Select(id => $"<{id:N}@fieldcontracts>").ToHashSet();
        return app.Smtp.Messages().Where(m => ids.Contains(m.MessageId)).ToList();
    }

    private static async Task<FieldContracts.Scheduling.Contracts.Site> Site(NoticesApp app, Guid id)
    {
        await using var db = app.Database.CreateContext();
        return await db.Sites.AsNoTracking().SingleAsync(s => s.Id == id);
    }
}

public sealed class NoticeDeliveryTests_Sqlite() : NoticeDeliveryTests(DatabaseProvider.Sqlite);

public sealed class NoticeDeliveryTests_Postgres() : NoticeDeliveryTests(DatabaseProvider.PostgreSql);
