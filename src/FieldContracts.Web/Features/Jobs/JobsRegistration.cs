using FieldContracts.Data;
using FieldContracts.Data.Identity;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage;
using Npgsql;

namespace FieldContracts.Web.Features.Jobs;

/// <summary>How jobs run here: whether this instance processes them, how many at once, their schedules, recovery.</summary>
/// <param name="RunServer">Whether this instance runs a Hangfire server (every instance may; they share the work).</param>
/// <param name="Workers">Jobs this instance runs at once.</param>
/// <param name="Cron">Each job's schedule (cron, Hartford time), default or from <c>Jobs:Cron:&lt;id&gt;</c>.</param>
/// <param name="PollInterval">How often an idle worker looks for work it was not told of, and for retries that are due.</param>
/// <param name="InvisibilityTimeout">
/// PostgreSQL: how long a job taken by an instance that stopped answering stays invisible before another instance runs
/// it again. A live instance keeps its jobs invisible however long they run (a sliding timeout).
/// </param>
/// <param name="LockTimeout">
/// PostgreSQL: how long the "one run at a time" lock of an instance that stopped answering holds before another
/// instance may take it. Longer than any one run of a job, or a second run could start beside a live first one.
/// </param>
public sealed record JobsSettings(bool RunServer, int Workers, IReadOnlyDictionary<string, string> Cron, TimeSpan PollInterval,
    TimeSpan InvisibilityTimeout, TimeSpan LockTimeout)
{
    public static JobsSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Jobs");
        return new JobsSettings(
            section.GetValue("AutoStart", true),
            Math.Clamp(section.GetValue("Workers", 4), 1, 32),
            JobCatalog.All.ToDictionary(j => j.Id, j => section[$"Cron:{j.Id}"] is { Length: > 0 } cron ? cron : j.DefaultCron),
            TimeSpan.FromSeconds(Math.Max(1, section.GetValue("PollSeconds", 5))),
            TimeSpan.FromSeconds(Math.Max(5, section.GetValue("InvisibilitySeconds", 300))),
            TimeSpan.FromSeconds(Math.Max(5, section.GetValue("LockTimeoutSeconds", 600))));
    }
}

public static class JobsRegistration
{
    /// <summary>The dashboard's policy: Purchasing acts, the Athletic Director reads.</summary>
    public const string DashboardPolicy = "jobs-dashboard";

    /// <summary>
    /// Hangfire, on storage that follows the database (docs/decisions/0016): PostgreSQL → Hangfire.PostgreSql and SQL
    /// Server → Hangfire.SqlServer, each in schema <c>hangfire</c>, several instances sharing the work; the embedded
    /// SQLite → Hangfire.InMemory, one instance, since every piece of work that must survive a restart is a row of our
    /// own that the recurring passes pick up again.
    /// Each application gets its own storage and activator (not Hangfire's static ones), so instances in one process
    /// (tests) never share them.
    /// </summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration, DatabaseSettings database)
    {
        var settings = JobsSettings.From(configuration);
        services.AddSingleton(settings);
        services.AddScoped<MissedWorkHandler>();
        services.AddScoped<ComplianceHandler>();
        services.AddScoped<Performance.CaseRemindersHandler>();
        services.AddScoped<JobsQueries>();
        foreach (var job in JobCatalog.All)
        {
            services.AddScoped(job.JobType);
        }

        services.AddSingleton(_ => CreateStorage(database, settings));
        services.AddSingleton<JobActivator>(sp => new Hangfire.AspNetCore.AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new LogsWhileAlive(sp.GetRequiredService<ILoggerFactory>())));
        services.AddHostedService<RecurringJobsRegistration>();
        if (settings.RunServer)
        {
            services.AddHangfireServer((_, options) =>
            {
                options.WorkerCount = settings.Workers;
                options.SchedulePollingInterval = settings.PollInterval;
            });
        }

        services.AddAuthorizationBuilder().AddPolicy(DashboardPolicy, p => p.RequireRole(Roles.Purchasing, Roles.AthleticDirector));
        return services;
    }

    /// <summary>
    /// The Hangfire Dashboard at <c>/jobs</c>: Purchasing may trigger, retry and delete; the Athletic Director reads;
    /// everyone else is refused. Its forms and buttons carry the application's anti-forgery token.
    /// </summary>
    public static IEndpointConventionBuilder MapJobsDashboard(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHangfireDashboardWithAuthorizationPolicy(DashboardPolicy, "/jobs", new DashboardOptions
        {
            AppPath = "/jobs/schedule",
            DashboardTitle = "FieldContracts jobs",
            DisplayStorageConnectionString = false,
            IsReadOnlyFunc = context => !context.GetHttpContext().User.IsInRole(Roles.Purchasing),
        });

    /// <summary>
    /// Installs or upgrades Hangfire's schema on a database server (at start-up, one instance at a time); the in-memory
    /// storage needs nothing.
    /// </summary>
    public static async Task PrepareJobStorageAsync(DatabaseSettings database, CancellationToken cancellationToken)
    {
        switch (database.Provider)
        {
            case DatabaseProvider.PostgreSql:
                await using (var connection = new NpgsqlConnection(JobsConnectionString(database)))
                {
                    await connection.OpenAsync(cancellationToken);
                    PostgreSqlObjectsInstaller.Install(connection, HangfireSchema);
                }

                break;
            case DatabaseProvider.SqlServer:
                await using (var connection = new Microsoft.Data.SqlClient.SqlConnection(database.ConnectionString))
                {
                    await connection.OpenAsync(cancellationToken);
                    Hangfire.SqlServer.SqlServerObjectsInstaller.Install(connection, HangfireSchema, enableHeavyMigrations: true);
                }

                break;
        }
    }

    private const string HangfireSchema = "hangfire";

    private static JobStorage CreateStorage(DatabaseSettings database, JobsSettings settings)
    {
        switch (database.Provider)
        {
            case DatabaseProvider.PostgreSql:
                var options = new PostgreSqlStorageOptions
                {
                    SchemaName = HangfireSchema,
                    PrepareSchemaIfNecessary = false,
                    QueuePollInterval = settings.PollInterval,
                    EnableLongPolling = true,
                    InvisibilityTimeout = settings.InvisibilityTimeout,
                    UseSlidingInvisibilityTimeout = true,
                    DistributedLockTimeout = settings.LockTimeout,
                };
                return new PostgreSqlStorage(new OwnDataSource(JobsConnectionString(database), options), options);
            case DatabaseProvider.SqlServer:
                return new Hangfire.SqlServer.SqlServerStorage(() => new Microsoft.Data.SqlClient.SqlConnection(database.ConnectionString),
                    new Hangfire.SqlServer.SqlServerStorageOptions
                    {
                        SchemaName = HangfireSchema,
                        PrepareSchemaIfNecessary = false,
                        QueuePollInterval = settings.PollInterval,
                        SlidingInvisibilityTimeout = settings.InvisibilityTimeout,
                    });
            case DatabaseProvider.Sqlite:
                // Finished runs are kept a day, as on PostgreSQL.
                return new InMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromDays(1) });
            default:
                throw new ArgumentOutOfRangeException(nameof(database), database.Provider, "Unknown database provider.");
        }
    }

    /// <summary>The application's connection string, named so the server shows Hangfire's sessions as its own.</summary>
    private static string JobsConnectionString(DatabaseSettings database) =>
        new NpgsqlConnectionStringBuilder(database.ConnectionString) { ApplicationName = "fieldcontracts-jobs", Enlist = false }.ToString();

    /// <summary>
    /// Hangfire's connections come from a data source of their own, with Npgsql's default type mapping: the
    /// application's NodaTime mapping must not reach them (Hangfire.PostgreSql issues #135, #322).
    /// </summary>
    private sealed class OwnDataSource : NpgsqlInstanceConnectionFactoryBase, IDisposable
    {
        private readonly NpgsqlDataSource _dataSource;

        public OwnDataSource(string connectionString, PostgreSqlStorageOptions options) : base(options)
        {
            _dataSource = new NpgsqlDataSourceBuilder(SetupConnectionStringBuilder(connectionString).ConnectionString).Build();
        }

        public override NpgsqlConnection GetOrCreateConnection() => _dataSource.CreateConnection();

        public void Dispose() => _dataSource.Dispose();
    }
}

/// <summary>
/// Hangfire's logs, through the application's logging. Hangfire keeps its log provider in a static: where several
/// applications share a process (the tests), one that stopped must not break the logging of those still running.
/// </summary>
internal sealed class LogsWhileAlive(ILoggerFactory loggers) : Hangfire.Logging.ILogProvider
{
    private readonly Hangfire.AspNetCore.AspNetCoreLogProvider _logs = new(loggers);

    public Hangfire.Logging.ILog GetLogger(string name)
    {
        try
        {
            return _logs.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Silent : Hangfire.Logging.ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}

/// <summary>
/// Registers each job of the catalog as a recurring job in Hartford time at start-up (every instance does; the result is
/// the same), and removes recurring jobs the application no longer has.
/// </summary>
internal sealed class RecurringJobsRegistration(IRecurringJobManager jobs, JobStorage storage, JobsSettings settings) : IHostedService
{
    private static readonly TimeZoneInfo Hartford = TimeZoneInfo.FindSystemTimeZoneById(Infrastructure.Hartford.Zone.Id);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var job in JobCatalog.All)
        {
            jobs.AddOrUpdate(job.Id, job.Call(), settings.Cron[job.Id], new RecurringJobOptions { TimeZone = Hartford });
        }

        using var connection = storage.GetConnection();
        foreach (var stale in connection.GetRecurringJobs().Where(r => JobCatalog.Find(r.Id) is null))
        {
            jobs.RemoveIfExists(stale.Id);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
