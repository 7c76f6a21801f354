using System.Diagnostics;
using System.Globalization;
using FieldContracts.Data;
using FieldContracts.Data.Notices;
using FieldContracts.Web.Testing.Smtp;
using FieldContracts.Web.Features.Notices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using Npgsql;

// Delivers N due outbox messages to a loopback SMTP server (python3-aiosmtpd) with the application's own
// delivery handler, W workers claiming batches side by side (as W nodes would), and reports notices per minute.
// Fails unless every message arrived exactly once (Message-IDs counted at the server).
//
//   dotnet run -c Release --project benchmarks/FieldContracts.Benchmarks.Notices -- [messages] [workers]
//   FIELDCONTRACTS_BENCH_POSTGRES="Host=127.0.0.1;Port=55432;Username=postgres" also runs on PostgreSQL.

var messages = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var workers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
var failures = 0;

var sqliteDirectory = Directory.CreateTempSubdirectory("fieldcontracts-bench-").FullName;
failures += await RunAsync("SQLite", DatabaseSettings.Embedded(sqliteDirectory), Math.Min(workers, 1));
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
    var results = await Task.WhenAll(Enumerable.Range(0, workerCount).Select(async w =>
    {
        await using var db = Context(database);
        var handler = new OutboxDeliveryHandler(db, settings, new NodeIdentity($"bench-{w}"), clock, NullLogger<OutboxDeliveryHandler>.Instance);
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
        $"{provider,-10} workers={workerCount} messages={messages} sent={results.Sum(r => r.Sent)} failed={results.Sum(r => r.Failed)} " +
        $"received={received.Count} distinct={distinct} duplicates={duplicates} unsent={unsent} " +
        $"elapsed={stopwatch.Elapsed.TotalSeconds:F1}s rate={perMinute:F0} notices/minute"));
    return duplicates == 0 && distinct == messages && unsent == 0 ? 0 : 1;
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
