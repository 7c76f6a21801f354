using FieldContracts.Data;
using FieldContracts.Data.Notices;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Web.Features.Notices;

public static class NoticesRegistration
{
    public static IServiceCollection AddNotices(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton(EmailSettings.Read(configuration, environment));
        services.AddSingleton(NodeIdentity.New());
        services.AddScoped<SendDueNoticesHandler>();
        services.AddScoped<OutboxDeliveryHandler>();
        services.AddHostedService<SampleRecipients>();
        return services;
    }
}

/// <summary>
/// In demo mode, sample notice recipients for each school of contract #2685 (example.org addresses, labelled
/// samples), added once, when the contract has none.
/// </summary>
public sealed class SampleRecipients(IServiceScopeFactory scopes, IConfiguration configuration, IHostEnvironment environment) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>("Demo:Enabled") || environment.IsProduction())
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FieldContractsDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<IClock>().GetCurrentInstant();
        var sites = await db.Sites.AsNoTracking()
            .Join(db.Contracts.Where(c => c.Number == "2685"), s => s.ContractId, c => c.Id, (s, _) => new { s.Id, s.Code })
            .ToListAsync(cancellationToken);
        var siteIds = sites.Select(s => s.Id).ToList();
        if (sites.Count == 0 || await db.NoticeRecipients.AnyAsync(r => siteIds.Contains(r.SiteId), cancellationToken))
        {
            return;
        }

        foreach (var site in sites)
        {
            var code = site.Code.ToLowerInvariant();
            db.NoticeRecipients.AddRange(
                Sample(site.Id, NoticeRecipientCategory.SchoolRegistry, $"{site.Code} pesticide registry", $"registry.{code}@example.org", now),
                Sample(site.Id, NoticeRecipientCategory.AthleticDirectorOrDesignee, "Athletic Director", $"athletics.{code}@example.org", now),
                Sample(site.Id, NoticeRecipientCategory.SchoolMaintenance, $"{site.Code} maintenance", $"maintenance.{code}@example.org", now));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static NoticeRecipient Sample(Guid site, NoticeRecipientCategory category, string name, string email, Instant now) => new()
    {
        Id = Guid.NewGuid(), SiteId = site, Category = category, Name = name, Email = email, IsSample = true, CreatedAt = now,
    };
}
