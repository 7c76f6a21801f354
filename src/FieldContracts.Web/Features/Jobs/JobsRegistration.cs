using FieldContracts.Data;
using Quartz;

namespace FieldContracts.Web.Features.Jobs;

/// <summary>How the scheduler runs: whether it starts with the application, cron overrides, retries, clustering.</summary>
public sealed record JobsSettings(bool AutoStart, IReadOnlyDictionary<string, string> Cron, int RetryAttempts, TimeSpan RetryFirstWait,
    TimeSpan CheckinInterval)
{
    public static JobsSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Jobs");
        return new JobsSettings(
            section.GetValue("AutoStart", true),
            JobCatalog.All.ToDictionary(j => j.Name, j => section[$"Cron:{j.Name}"] is { Length: > 0 } cron ? cron : j.DefaultCron),
            section.GetValue("Retry:Attempts", 3),
            TimeSpan.FromSeconds(section.GetValue("Retry:FirstWaitSeconds", 30)),
            TimeSpan.FromSeconds(section.GetValue("Cluster:CheckinSeconds", 7)));
    }
}

public static class JobsRegistration
{
    /// <summary>
    /// Quartz with a persistent store in the application's database: SQLite, one node, by default; PostgreSQL in
    /// clustered mode, so several instances share the work and each firing runs on one of them. Quartz creates its
    /// own tables (prefix <c>qrtz_</c>) when missing and validates them at every start (docs/decisions/0007).
    /// </summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration, DatabaseSettings database)
    {
        var settings = JobsSettings.From(configuration);
        services.AddSingleton(settings);
        services.AddScoped<MissedWorkHandler>();
        services.AddScoped<LicenceRemindersHandler>();
        services.AddScoped<JobsQueries>();
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        services.AddQuartz(q =>
        {
            q.UsePersistentStore(store =>
            {
                store.ProvisionSchema();
                store.UseSystemTextJsonSerializer();
                if (database.Provider == DatabaseProvider.PostgreSql)
                {
                    store.UsePostgres(Npgsql.NpgsqlFactory.Instance, database.ConnectionString);
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = settings.CheckinInterval;
                        c.CheckinMisfireThreshold = settings.CheckinInterval * 2;
                    });
                }
                else
                {
                    store.UseSqlite(Microsoft.Data.Sqlite.SqliteFactory.Instance, database.ConnectionString);
                }
            });
            q.UseDefaultRetryPolicy(RetryPolicy.Exponential(settings.RetryAttempts, settings.RetryFirstWait, 2, TimeSpan.FromMinutes(30)));
            q.AddJobListener<JobRunListener>();
            foreach (var job in JobCatalog.All)
            {
                q.AddJob(job.JobType, j => j.WithIdentity(job.Name).WithDescription(job.Title).StoreDurably());
                q.AddTrigger(t => t.ForJob(job.Name).WithIdentity(job.Name)
                    .WithCronSchedule(settings.Cron[job.Name], cron => cron.InTimeZone(zone)));
            }
        });
        services.AddQuartzHostedService(options =>
        {
            options.WaitForJobsToComplete = true;
            options.AutoStart = settings.AutoStart;
        });
        return services;
    }
}
