using System.Diagnostics;
using System.Globalization;
using FieldContracts.Data;
using FieldContracts.Data.Notices;
using FieldContracts.Web.Testing.Smtp;
using FieldContracts.Web.Features.Jobs;
using FieldContracts.Web.Features.Notices;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using Npgsql;

// Delivers N due outbox messages to a loopback SMTP server (python3-aiosmtpd) with the application's own
// delivery handler, W workers claiming batches side by side (as W nodes would), and reports notices per minute.
// Then once more as the application runs it: one run of the "deliver-outbox" job, taken by a Hangfire server
// (in-memory storage beside SQLite, Hangfire.PostgreSql beside PostgreSQL), from enqueue to success.
// Fails unless every message arrived exactly once (Message-IDs counted at the server).
//
//   dotnet run -c Release --project benchmarks/FieldContracts.Benchmarks.Notices -- [messages] [workers]
//   FIELDCONTRACTS_BENCH_POSTGRES="Host=127.0.0.1;Port=55432;Username=postgres" also runs on PostgreSQL.

var messages = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var workers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
var failures = 0;

var sqliteDirectory = Directory.CreateTempSubdirectory("fieldcontracts-bench-").FullName;
failures += await RunAsync("SQLite", DatabaseSettings.Embedded(sqliteDirectory), Math.Min(workers, 1));
failures += await RunAsync("SQLite", DatabaseSettings.Embedded(sqliteDirectory), 0);
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
Directory.Delete(sqliteDirectory, recursive: true);

if (Environment.GetEnvironmentVariable("FIELDCONTRACTS_BENCH_POSTGRES") is { Length: > 0 } server)
{
    var name = $"fc_bench_{Guid.NewGuid():N}";
    await Execute(server, $"CREATE DATABASE \"{name}\"");
    try
    {
        var settings = DatabaseSettings.PostgreSql(new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString());
        failures += await RunAsync("PostgreSQL", settings, 1);
        failures += await RunAsync("PostgreSQL", settings, 0);
        if (workers > 1)
        {
            failures += await RunAsync("PostgreSQL", settings, workers);
        }
    }
    finally
    {
        NpgsqlConnection.ClearAllPools();
        await Execute(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }
}

return failures == 0 ? 0 : 1;

// workerCount 0: through Hangfire, as the application runs it.
async Task<int> RunAsync(string provider, DatabaseSettings database, int workerCount)
{
    await using var smtp = SmtpSink.Start();
    var settings = new EmailSettings("127.0.0.1", smtp.Port, "fieldcontracts@hartford.example", "", 8, Duration.FromMinutes(1),
        Duration.FromHours(1), Duration.FromMinutes(5), 50, 8, Duration.FromHours(48));
    var clock = SystemClock.Instance;
    await using (var db = Context(database))
    {
        await FieldContractsDatabase.MigrateAsync(db);
        await db.OutboxMessages.ExecuteDeleteAsync();
        var now = clock.GetCurrentInstant();
        for (var i = 0; i < messages; i++)
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                Id = Guid.NewGuid(), Kind = OutboxKind.ChemicalNotice, DedupKey = $"bench:{i}", ToAddress = $"registry{i % 300}@example.org",
                ToName = "Registry (sample)", Subject = $"Pesticide application notice: Weaver High School, Tuesday, July 15, 2003 ({i})",
                Body = "Sample notice body of about the size of a real one.\n" + new string('x', 1200), CreatedAt = now, NextAttemptAt = now,
            });
        }

        await db.SaveChangesAsync();
    }

    var stopwatch = Stopwatch.StartNew();
    var results = workerCount == 0
        ? [await ThroughHangfireAsync(database, settings, clock)]
        : await Task.WhenAll(Enumerable.Range(0, workerCount).Select(async w =>
        {
            await using var db = Context(database);
            var handler = new OutboxDeliveryHandler(db, settings, new NodeIdentity($"bench-{w}"), clock, NullLogger<OutboxDeliveryHandler>.Instance,
                new FieldContracts.Web.Features.Deliverables.DocumentStore(Path.Combine(Path.GetTempPath(), "fieldcontracts-bench-documents")));
            return await handler.HandleAsync(clock.GetCurrentInstant(), CancellationToken.None);
        }));
    stopwatch.Stop();

    var received = await smtp.WaitForAsync(messages, TimeSpan.FromSeconds(10));
    var distinct = received.Select(m => m.MessageId).Distinct().Count();
    var duplicates = received.Count - distinct;
    int unsent;
    await using (var db = Context(database))
    {
        unsent = await db.OutboxMessages.CountAsync(m => m.SentAt == null);
    }

    var perMinute = messages / stopwatch.Elapsed.TotalMinutes;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{provider,-10} {(workerCount == 0 ? "hangfire" : $"workers={workerCount}")} messages={messages} sent={results.Sum(r => r.Sent)} failed={results.Sum(r => r.Failed)} " +
        $"received={received.Count} distinct={distinct} duplicates={duplicates} unsent={unsent} " +
        $"elapsed={stopwatch.Elapsed.TotalSeconds:F1}s rate={perMinute:F0} notices/minute"));
    return duplicates == 0 && distinct == messages && unsent == 0 ? 0 : 1;
}

// One run of the application's delivery job on a Hangfire server of its own, from enqueue until it succeeded.
static async Task<DeliveryResult> ThroughHangfireAsync(DatabaseSettings database, EmailSettings email, IClock clock)
{
    var services = new ServiceCollection()
        .AddLogging()
        .AddDbContext<FieldContractsDbContext>(o => o.UseFieldContractsDatabase(database))
        .AddSingleton(email).AddSingleton(clock).AddSingleton(new NodeIdentity("bench-hangfire"))
        .AddScoped<OutboxDeliveryHandler>().AddScoped<DeliverOutboxJob>();
    await using var provider = services.BuildServiceProvider();
    JobStorage storage;
    if (database.Provider == DatabaseProvider.PostgreSql)
    {
        await JobsRegistration.PrepareJobStorageAsync(database, CancellationToken.None);
        var options = new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = false, QueuePollInterval = TimeSpan.FromMilliseconds(200) };
        storage = new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ConnectionString, options), options);
    }
    else
    {
        storage = new InMemoryStorage();
    }

    using var server = new BackgroundJobServer(new BackgroundJobServerOptions
    {
        WorkerCount = 1, Activator = new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()),
    }, storage);
    var run = new BackgroundJobClient(storage).Create(JobCatalog.Find("deliver-outbox")!.Call(), new EnqueuedState());
    var runs = new JobsQueries(storage, new RecurringJobManager(storage));
    while (true)
    {
        switch (runs.Run(run))
        {
            case { State: "Succeeded", Result: { } result }:
                var words = result.Split(' ');
                return new DeliveryResult(int.Parse(words[0], CultureInfo.InvariantCulture), int.Parse(words[2], CultureInfo.InvariantCulture),
                    int.Parse(words[6], CultureInfo.InvariantCulture));
            case { State: "Failed" or "Deleted" } ended:
                throw new InvalidOperationException($"The delivery run ended {ended.State}: {ended.Error ?? ended.History[^1].Reason}");
        }

        await Task.Delay(20);
    }
}

static FieldContractsDbContext Context(DatabaseSettings settings)
{
    var options = new DbContextOptionsBuilder<FieldContractsDbContext>();
    options.UseFieldContractsDatabase(settings);
    return new FieldContractsDbContext(options.Options);
}

static async Task Execute(string server, string sql)
{
    await using var connection = new NpgsqlConnection(server);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync();
}
