using System.Net;
using FieldContracts.Data;
using FieldContracts.Data.Notices;
using FieldContracts.Data.Planning;
using FieldContracts.Testing;
using FieldContracts.Web.Demo;
using FieldContracts.Web.Features.Notices;
using FieldContracts.Web.Testing.Smtp;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Testing;

namespace FieldContracts.Web.Tests.Features.Notices;

/// <summary>
/// The application on its own database with #2685's demo data, its email going to a real SMTP server on
/// loopback, and a test clock. More nodes (application instances on the same database) can be started.
/// </summary>
public sealed class NoticesApp : IAsyncDisposable
{
    private readonly List<FieldContractsFactory> _roots = [];

    private NoticesApp(TestDatabase database, SmtpSink smtp)
    {
        Database = database;
        Smtp = smtp;
    }

    /// <summary>A schedule that never fires (February 31).</summary>
    public const string Never = "0 0 31 2 *";

    /// <summary>Thursday, July 10, 2003, 9:00 a.m. in Hartford.</summary>
    public FakeClock Clock { get; } = HartfordClock.At(TestApp.DefaultNow);

    public TestDatabase Database { get; }

    public SmtpSink Smtp { get; }

    public WebApplicationFactory<Program> Node { get; private set; } = null!;

    public static async Task<NoticesApp> StartAsync(DatabaseProvider provider, bool scheduler = false, TimeSpan? smtpDelayPerMessage = null)
    {
        var app = new NoticesApp(await TestDatabase.CreateAsync(provider), SmtpSink.Start(smtpDelayPerMessage));
        app.Node = app.StartNode(scheduler);
        return app;
    }

    /// <summary>Another instance of the application on the same database and clock.</summary>
    public WebApplicationFactory<Program> StartNode(bool scheduler = false, Action<IWebHostBuilder>? configure = null)
    {
        var root = new FieldContractsFactory(Database, Clock);
        _roots.Add(root);
        var node = root.WithWebHostBuilder(b =>
        {
            b.UseSetting("Email:Smtp:Host", "127.0.0.1");
            b.UseSetting("Email:Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            b.UseSetting("Jobs:AutoStart", scheduler ? "true" : "false");
            b.UseSetting("Jobs:PollSeconds", "1");
            // Nothing fires by the real clock during a test: only what the test triggers.
            foreach (var job in FieldContracts.Web.Features.Jobs.JobCatalog.All)
            {
                b.UseSetting($"Jobs:Cron:{job.Id}", Never);
            }

            configure?.Invoke(b);
        });
        _ = node.Server;
        return node;
    }

    public async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> action, WebApplicationFactory<Program>? node = null)
    {
        await using var scope = (node ?? Node).Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task<NoticeDecisions> SendDueNoticesAsync(WebApplicationFactory<Program>? node = null) =>
        WithAsync(s => s.GetRequiredService<SendDueNoticesHandler>().HandleAsync(Clock.GetCurrentInstant(), CancellationToken.None), node);

    public Task<DeliveryResult> DeliverAsync(WebApplicationFactory<Program>? node = null, CancellationToken ct = default) =>
        WithAsync(s => s.GetRequiredService<OutboxDeliveryHandler>().HandleAsync(Clock.GetCurrentInstant(), ct), node);

    /// <summary>#2685's planned chemical applications still to come, earliest first.</summary>
    public async Task<IReadOnlyList<OccurrenceRecord>> UpcomingApplicationsAsync()
    {
        await using var db = Database.CreateContext();
        var now = Clock.GetCurrentInstant();
        return (await db.Occurrences.AsNoTracking()
                .Where(o => o.IsChemical && !o.Cancelled && o.Status == FieldContracts.Scheduling.Planning.OccurrenceStatus.Planned
                            && o.ApplicationStartsAt != null)
                .ToListAsync())
            .Where(o => o.ApplicationStartsAt > now).OrderBy(o => o.NoticeDueBy).ThenBy(o => o.Id).ToList();
    }

    public async Task<HttpClient> SignedInAsync(string role, WebApplicationFactory<Program>? node = null)
    {
        var client = (node ?? Node).CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await TestApp.PostFormAsync(client, "/account/sign-in", new()
        {
            ["Input.Email"] = TestApp.EmailOf(role), ["Input.Password"] = DemoData.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var root in _roots)
        {
            await root.DisposeAsync();
        }

        await Smtp.DisposeAsync();
        await Database.DisposeAsync();
    }
}
