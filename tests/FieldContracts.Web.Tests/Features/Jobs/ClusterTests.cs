using System.Diagnostics;
using System.Globalization;
using System.Text;
using FieldContracts.Data;
using FieldContracts.Data.Notices;
using FieldContracts.Data.Testing;
using FieldContracts.Web.Features.Jobs;
using FieldContracts.Web.Testing.Smtp;
using FieldContracts.Web.Tests.Features.Notices;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FieldContracts.Web.Tests.Features.Jobs;

/// <summary>Instances of the application on one PostgreSQL database, sharing Hangfire's work.</summary>
public sealed class ClusterTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TwoProcesses_TheOneDeliveringKilled_EveryNoticeArrivesAndOnlyItsInFlightOnesTwice()
    {
        const int notices = 500;
        const int connections = 8;
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        await using (var db = database.CreateContext())
        {
            await FieldContractsDatabase.MigrateAsync(db);
        }

        // A mail server that takes 100 ms per message, so the doomed instance is surely mid-delivery when it dies.
        await using var smtp = SmtpSink.Start(TimeSpan.FromMilliseconds(100));
        var apps = new[] { AppProcess.Start(database, smtp, connections), AppProcess.Start(database, smtp, connections) };
        try
        {
            var storage = TestStorage(database);
            await WaitAsync(() => storage.GetMonitoringApi().Servers().Count >= 2, "both instances to run their Hangfire servers", apps);
            await QueueAsync(database, notices);

            var runId = new RecurringJobManager(storage).TriggerJob("deliver-outbox");
            string? server = null;
            await WaitAsync(() => (server = ProcessingServer(storage, runId)) is not null, "an instance to take the run", apps);
            var doomed = apps.Single(a => a.Runs(server!));
            await smtp.WaitForAsync(40);
            doomed.Kill();

            // The survivor runs the job again once the dead instance's hold on it lapses, and delivers what was left.
            await WaitAsync(() => Unsent(database) == 0, "every notice to be sent", apps, TimeSpan.FromSeconds(120));
            var received = smtp.Messages();
            var distinct = received.Select(m => m.MessageId).Distinct().ToList();
            await using var check = database.CreateContext();
            var expected = (await check.OutboxMessages.Select(m => m.Id).ToListAsync()).Select(id => $"<{id:N}@fieldcontracts>");
            Assert.Equal(expected.Order(StringComparer.Ordinal), distinct.Order(StringComparer.Ordinal));
            // The duplicate window (docs/decisions/0007, 0016): at most the messages in flight on the dead instance's connections.
            var duplicates = received.Count - distinct.Count;
            output.WriteLine($"{received.Count} received, {distinct.Count} distinct, {duplicates} twice");
            Assert.InRange(duplicates, 0, connections);
            // The one run was taken by the dead instance, then again by the survivor, which finished it.
            await WaitAsync(() => storage.GetMonitoringApi().JobDetails(runId).History.Any(h => h.StateName == "Succeeded"), "the run to finish", apps);
            var run = storage.GetMonitoringApi().JobDetails(runId);
            var processedBy = run.History.OrderBy(h => h.CreatedAt).Where(h => h.StateName == "Processing").Select(h => h.Data["ServerId"]).ToList();
            Assert.Equal(2, processedBy.Count);
            Assert.True(doomed.Runs(processedBy[0]));
            Assert.False(doomed.Runs(processedBy[1]));
        }
        finally
        {
            foreach (var app in apps)
            {
                app.Dispose();
                output.WriteLine($"--- instance {app.Id}\n{app.Output}");
            }
        }
    }

    [Fact]
    public async Task TwoInstances_JobTriggeredOnBoth_RunsOneAtATimeAndSendsEachMessageOnce()
    {
        const int messages = 300;
        await using var app = await NoticesApp.StartAsync(DatabaseProvider.PostgreSql, scheduler: true);
        var other = app.StartNode(scheduler: true);
        await QueueAsync(app.Database, messages, app.Clock.GetCurrentInstant());

        var first = app.Node.Services.GetRequiredService<IRecurringJobManagerV2>().TriggerJob("deliver-outbox");
        var second = other.Services.GetRequiredService<IRecurringJobManagerV2>().TriggerJob("deliver-outbox");
        var runs = new[] { await JobRuns.WaitForAsync(app.Node, first), await JobRuns.WaitForAsync(app.Node, second) };

        var received = await app.Smtp.WaitForAsync(messages);
        Assert.Equal(messages, received.Count);
        Assert.Equal(messages, received.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(messages, runs.Sum(r => int.Parse(r.Result!.Split(' ')[0], CultureInfo.InvariantCulture)));
        Assert.Equal(2, app.Node.Services.GetRequiredService<JobStorage>().GetMonitoringApi().Servers().Count);
    }

    private static async Task QueueAsync(TestDatabase database, int count, Instant? due = null)
    {
        await using var db = database.CreateContext();
        // Due since the contract's first summer, so every instance finds them due whatever its clock says.
        var now = due ?? Instant.FromUtc(2003, 7, 10, 13, 0);
        for (var i = 0; i < count; i++)
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                Id = Guid.NewGuid(), Kind = OutboxKind.ChemicalNotice, DedupKey = $"cluster-test:{i}", ToAddress = $"r{i}@example.org",
                ToName = $"Recipient {i}", Subject = $"Cluster test {i}", Body = "Test message.", CreatedAt = now, NextAttemptAt = now,
            });
        }

        await db.SaveChangesAsync();
    }

    private static int Unsent(TestDatabase database)
    {
        using var db = database.CreateContext();
        return db.OutboxMessages.Count(m => m.SentAt == null);
    }

    private static PostgreSqlStorage TestStorage(TestDatabase database)
    {
        var options = new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = false };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(database.Settings.ConnectionString, options), options);
    }

    private static string? ProcessingServer(JobStorage storage, string runId) =>
        storage.GetMonitoringApi().JobDetails(runId)?.History
            .FirstOrDefault(h => h.StateName == "Processing")?.Data.TryGetValue("ServerId", out var id) == true ? id : null;

    private static async Task WaitAsync(Func<bool> done, string what, IEnumerable<AppProcess> apps, TimeSpan? within = null)
    {
        var until = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(60));
        while (!Safe(done))
        {
            if (DateTime.UtcNow > until)
            {
                Assert.Fail($"Waited in vain for {what}.\n" + string.Join("\n", apps.Select(a => $"--- {a.Id}\n{a.Output}")));
            }

            await Task.Delay(100);
        }

        static bool Safe(Func<bool> check)
        {
            try
            {
                return check();
            }
            catch (Npgsql.PostgresException)
            {
                return false; // Hangfire's schema is not installed yet.
            }
        }
    }

    /// <summary>The application as a process of its own, built beside the tests, so it can be killed outright.</summary>
    private sealed class AppProcess : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();

        private AppProcess(Process process) => _process = process;

        public int Id { get; private set; }

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public static AppProcess Start(TestDatabase database, SmtpSink smtp, int connections)
        {
            var info = new ProcessStartInfo("dotnet", [WebAssembly()])
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
                WorkingDirectory = Path.GetDirectoryName(WebAssembly())!,
            };
            var settings = new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Testing",
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
                ["ConnectionStrings__Postgres"] = database.Settings.ConnectionString,
                ["Demo__Enabled"] = "false",
                ["Email__Smtp__Host"] = "127.0.0.1",
                ["Email__Smtp__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
                ["Email__Delivery__Connections"] = connections.ToString(CultureInfo.InvariantCulture),
                ["Email__Delivery__ClaimSeconds"] = "5",
                ["Jobs__AutoStart"] = "true",
                ["Jobs__PollSeconds"] = "1",
                ["Jobs__InvisibilitySeconds"] = "5",
                ["Jobs__LockTimeoutSeconds"] = "5",
                ["Logging__LogLevel__Default"] = "Warning",
            };
            foreach (var job in JobCatalog.All)
            {
                settings[$"Jobs__Cron__{job.Id}"] = NoticesApp.Never;
            }

            foreach (var (key, value) in settings)
            {
                info.Environment[key] = value;
            }

            var process = new Process { StartInfo = info };
            var app = new AppProcess(process);
            process.OutputDataReceived += (_, e) => app.Append(e.Data);
            process.ErrorDataReceived += (_, e) => app.Append(e.Data);
            process.Start();
            app.Id = process.Id;
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return app;
        }

        /// <summary>Whether the Hangfire server <paramref name="serverId"/> ("name:process:guid") is this process's.</summary>
        public bool Runs(string serverId) => serverId.Split(':').Contains(Id.ToString(CultureInfo.InvariantCulture));

        /// <summary>SIGKILL: no shutdown, no cleanup, connections dropped mid-message.</summary>
        public void Kill() => _process.Kill();

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.WaitForExit(10_000);
            _process.Dispose();
        }

        private void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_output)
            {
                _output.AppendLine(line);
            }
        }

        /// <summary>The web application's own build output, in the configuration the tests were built in.</summary>
        private static string WebAssembly()
        {
            var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var framework = testOutput.Name;
            var configuration = testOutput.Parent!.Name;
            var path = Path.Combine(Repository.Root(), "src", "FieldContracts.Web", "bin", configuration, framework, "FieldContracts.Web.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("Build the solution first (./test.sh does).", path);
        }
    }
}
