using System.Security.Cryptography;
using FieldContracts.Data;
using FieldContracts.Data.Deficiencies;
using FieldContracts.Data.Feeds;
using FieldContracts.Data.Notices;
using FieldContracts.Data.Planning;
using FieldContracts.Scheduling.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using NodaTime;

namespace FieldContracts.Web.Features.Feeds;

/// <summary>
/// A feed as served: its bytes, a strong entity tag (the SHA-256 of those bytes) and the last change of the
/// occurrences in it, to the second.
/// </summary>
public sealed record RenderedFeed(byte[] Body, string ETag, DateTimeOffset LastModified);

/// <summary>
/// What a feed's bytes are made from, cheaply read: every change to an occurrence raises its revision and
/// stamps it, and occurrences are never deleted, so the count, the sum of revisions and the latest stamp
/// change whenever any occurrence in the feed does.
/// </summary>
public readonly record struct FeedFingerprint(int Count, long RevisionSum, Instant? LastModified);

/// <summary>
/// Rendered feeds kept in memory, by subscription and site address, as long as their fingerprint holds.
/// Calendar applications poll far more often than the plan changes, so most answers, 200 and 304 alike,
/// cost one small aggregate query. Entries also expire after a few minutes, which bounds how long a change
/// outside the plan (a school's name or address) takes to show.
/// </summary>
public sealed class FeedCache : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 64L * 1024 * 1024 });

    public RenderedFeed? Get(Guid subscription, string origin, FeedFingerprint fingerprint) =>
        _cache.TryGetValue((subscription, origin), out (FeedFingerprint Fingerprint, RenderedFeed Feed) entry)
        && entry.Fingerprint == fingerprint
            ? entry.Feed
            : null;

    public void Set(Guid subscription, string origin, FeedFingerprint fingerprint, RenderedFeed feed) =>
        _cache.Set((subscription, origin), (fingerprint, feed),
            new MemoryCacheEntryOptions { Size = feed.Body.Length, AbsoluteExpirationRelativeToNow = Lifetime });

    public void Dispose() => _cache.Dispose();
}

/// <summary>Finds the feed a token grants and renders it.</summary>
public sealed class FeedRenderer(FieldContractsDbContext db, FeedCache cache)
{
    /// <summary>The feed <paramref name="token"/> grants; null for a malformed, unknown, replaced or revoked token.</summary>
    public async Task<RenderedFeed?> RenderAsync(string token, string origin, CancellationToken ct)
    {
        if (FeedTokens.HashOf(token) is not { } hash)
        {
            return null;
        }

        var found = await (
                from f in db.CalendarFeeds.AsNoTracking()
                join u in db.Users on f.OwnerId equals u.Id
                where f.TokenHash == hash && f.RevokedAt == null
                select new { Feed = f, OwnerContractorId = u.ContractorId })
            .SingleOrDefaultAsync(ct);

        // The database found the row by its hash; the comparison that decides is made in constant time. A feed
        // made by a contractor's staff stops when its owner no longer works for that contractor.
        if (found is null || !FeedTokens.SameHash(found.Feed.TokenHash, hash) || found.OwnerContractorId != found.Feed.ContractorId)
        {
            return null;
        }

        var subscription = found.Feed;
        var occurrences = Occurrences(subscription);
        var fingerprint = await occurrences
            .GroupBy(_ => 1)
            .Select(g => new FeedFingerprint(g.Count(), g.Sum(o => (long)o.Revision), g.Max(o => (Instant?)o.LastModified)))
            .SingleOrDefaultAsync(ct);
        if (cache.Get(subscription.Id, origin, fingerprint) is { } cached)
        {
            return cached;
        }

        var contracts = await Contracts(subscription).AsNoTracking()
            .Include(c => c.Sites).ThenInclude(s => s.Areas)
            .AsSplitQuery()
            .ToListAsync(ct);
        var rows = await occurrences.AsNoTracking().ToListAsync(ct);
        var contractIds = contracts.Select(c => c.Id).ToList();
        var facts = new FeedContent.Facts(await NoticeLedgers.ForContractsAsync(db, contractIds, ct),
            await MissedWork.OccurrencesAsync(db, contractIds, ct), await Specifications.LatestAsync(db, contractIds, ct));
        var feed = FeedContent.Build(subscription, contracts, rows, origin, facts);
        var body = IcsWriter.ToArray(feed);
        var lastModified = rows.Where(FeedContent.IsPublished).Select(r => (Instant?)r.LastModified).Max() ?? subscription.CreatedAt;
        var rendered = new RenderedFeed(body, ETagOf(body), ToHttpDate(lastModified));
        cache.Set(subscription.Id, origin, fingerprint, rendered);
        return rendered;
    }

    /// <summary>The contracts a subscription may show: never another contractor's.</summary>
    private IQueryable<FieldContracts.Scheduling.Contracts.Contract> Contracts(CalendarFeedSubscription subscription)
    {
        var contracts = db.Contracts.AsQueryable();
        if (subscription.ContractorId is { } contractorId)
        {
            contracts = contracts.Where(c => c.ContractorId == contractorId);
        }
        else if (subscription.Scope == FeedScope.ContractorWork)
        {
            return contracts.Where(_ => false);
        }

        return subscription.Scope == FeedScope.ContractorWork
            ? contracts
            : contracts.Where(c => c.Id == subscription.ContractId);
    }

    private IQueryable<OccurrenceRecord> Occurrences(CalendarFeedSubscription subscription)
    {
        var contracts = Contracts(subscription);
        var occurrences = db.Occurrences.Where(o => contracts.Any(c => c.Id == o.ContractId));
        return subscription.Scope switch
        {
            FeedScope.School => occurrences.Where(o => o.SiteId == subscription.SiteId),
            FeedScope.ChemicalOnly => occurrences.Where(o => o.IsChemical),
            _ => occurrences,
        };
    }

    private static string ETagOf(byte[] body) => $"\"{System.Buffers.Text.Base64Url.EncodeToString(SHA256.HashData(body))}\"";

    /// <summary>HTTP dates have whole seconds; a stamp is rounded down so that If-Modified-Since compares fairly.</summary>
    private static DateTimeOffset ToHttpDate(Instant instant) =>
        DateTimeOffset.FromUnixTimeSeconds(instant.ToUnixTimeSeconds());
}
