using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using FieldContracts.Administration.Deficiencies;
using FieldContracts.Data;
using FieldContracts.Data.Deficiencies;
using FieldContracts.Data.Feeds;
using FieldContracts.Data.Notices;
using FieldContracts.Data.Planning;
using FieldContracts.Scheduling.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace FieldContracts.Web.Features.Feeds;

/// <summary>
/// A feed as served: its bytes, plain and compressed once (gzip, Brotli), a strong entity tag per encoding (the
/// SHA-256 of the plain bytes, with <c>-gzip</c> or <c>-br</c> for the compressed ones, RFC 9110 section 8.8.3),
/// and the last change of the occurrences in it, to the second.
/// </summary>
public sealed record RenderedFeed(byte[] Body, string ETag, DateTimeOffset LastModified)
{
    public byte[] Gzip { get; init; } = [];

    public byte[] Brotli { get; init; } = [];

    public string GzipETag { get; } = Tagged(ETag, "gzip");

    public string BrotliETag { get; } = Tagged(ETag, "br");

    /// <summary>The Last-Modified header's text, made once.</summary>
    public string LastModifiedText { get; } = LastModified.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    public long Size => Body.Length + Gzip.Length + Brotli.Length;

    private static string Tagged(string etag, string coding) => string.Concat(etag.AsSpan(0, etag.Length - 1), "-", coding, "\"");

    /// <summary>A feed's bytes with their tag and both compressed forms.</summary>
    public static RenderedFeed Of(byte[] body, DateTimeOffset lastModified)
    {
        var etag = $"\"{System.Buffers.Text.Base64Url.EncodeToString(SHA256.HashData(body))}\"";
        return new RenderedFeed(body, etag, lastModified) { Gzip = Compress(body, gzip: true), Brotli = Compress(body, gzip: false) };
    }

    private static byte[] Compress(byte[] body, bool gzip)
    {
        using var output = new MemoryStream(body.Length / 4 + 64);
        using (Stream compressor = gzip
                   ? new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true)
                   : new BrotliStream(output, new BrotliCompressionOptions { Quality = 9 }, leaveOpen: true))
        {
            compressor.Write(body);
        }

        return output.ToArray();
    }
}

/// <summary>
/// What a feed's bytes are made from, cheaply read: every change to an occurrence (a re-plan, a visit logged, a
/// notice recorded or accepted by a mail server, a miss recorded) raises its revision and stamps it, and
/// occurrences are never deleted, so the count, the sum of revisions and the latest stamp change whenever any
/// occurrence in the feed does. A withdrawn miss and a corrected visit do not touch the occurrence; the missed
/// work held in the register and the versions of the contract's visits are counted for them.
/// </summary>
public readonly record struct FeedFingerprint(int Count, long RevisionSum, Instant? LastModified, int Missed = 0, long VisitVersions = 0);

/// <summary>How long a feed may be served from memory.</summary>
public sealed class FeedCacheOptions
{
    /// <summary>The longest a node serves a feed from memory without asking the database (at most 60 seconds).</summary>
    public static readonly TimeSpan MaxStaleness = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long a node serves a cached feed (and honours its token) before it checks the token and the feed's data
    /// again: the bound on how late another node's change (a re-plan, a visit, a notice, a revocation) shows here.
    /// Changes made on this node show at once. <c>Feeds:StalenessSeconds</c>, 30 by default, 0 to 60.
    /// </summary>
    public TimeSpan Staleness { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long rendered bytes are kept at most, which bounds how late a school's new name or address shows.</summary>
    public TimeSpan RenderedLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The bytes kept, plain and compressed, across all feeds; beyond it the cache starts again empty.</summary>
    public long MaxBytes { get; set; } = 256L * 1024 * 1024;
}

/// <summary>
/// Rendered feeds kept in memory by token (its hash) and site address. An entry answers without the database
/// while no change was signalled on this node since it was checked (<see cref="FeedChanges"/>) and for at most
/// <see cref="FeedCacheOptions.Staleness"/>; then the token and the fingerprint are read again, and the bytes are
/// rendered again only when the fingerprint moved (or after <see cref="FeedCacheOptions.RenderedLifetime"/>).
/// </summary>
public sealed class FeedCache(FeedChanges changes, IOptions<FeedCacheOptions> options)
{
    private readonly ConcurrentDictionary<(TokenKey Token, string Origin), Entry> _entries = new();
    private readonly long _staleness = Ticks(options.Value.Staleness);
    private readonly long _lifetime = Ticks(options.Value.RenderedLifetime);
    private readonly long _maxBytes = options.Value.MaxBytes;
    private long _bytes;

    public FeedChanges Changes => changes;

    /// <summary>The feed for a token, if it was checked since the last change on this node and within the staleness bound.</summary>
    public RenderedFeed? Fresh(TokenKey token, string origin)
    {
        if (!_entries.TryGetValue((token, origin), out var entry))
        {
            return null;
        }

        var now = Stopwatch.GetTimestamp();
        return entry.Generation == changes.Generation && now - entry.CheckedAt < _staleness && now - entry.RenderedAt < _lifetime
            ? entry.Feed
            : null;
    }

    /// <summary>The bytes rendered earlier for the same subscription and fingerprint, whatever their age within the lifetime.</summary>
    public Entry? Previous(TokenKey token, string origin) => _entries.GetValueOrDefault((token, origin));

    /// <summary>Keeps a feed checked against the database when <paramref name="generation"/> was current.</summary>
    public void Set(TokenKey token, string origin, Guid subscription, FeedFingerprint fingerprint, RenderedFeed feed, long generation,
        long renderedAt)
    {
        var entry = new Entry(subscription, fingerprint, feed, generation, Stopwatch.GetTimestamp(), renderedAt);
        var old = _entries.GetValueOrDefault((token, origin));
        if (old is not null && ReferenceEquals(old.Feed, feed))
        {
            _entries[(token, origin)] = entry;
            return;
        }

        if (Interlocked.Add(ref _bytes, feed.Size - (old?.Feed.Size ?? 0)) > _maxBytes)
        {
            _entries.Clear();
            Interlocked.Exchange(ref _bytes, feed.Size);
        }

        _entries[(token, origin)] = entry;
    }

    /// <summary>Forgets a token that no longer grants a feed.</summary>
    public void Forget(TokenKey token, string origin)
    {
        if (_entries.TryRemove((token, origin), out var old))
        {
            Interlocked.Add(ref _bytes, -old.Feed.Size);
        }
    }

    public bool IsWithinLifetime(Entry entry) => Stopwatch.GetTimestamp() - entry.RenderedAt < _lifetime;

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    public sealed record Entry(Guid Subscription, FeedFingerprint Fingerprint, RenderedFeed Feed, long Generation, long CheckedAt, long RenderedAt);
}

/// <summary>A token's SHA-256 as a key: two 128-bit halves, compared without allocating.</summary>
public readonly record struct TokenKey(UInt128 High, UInt128 Low)
{
    public static TokenKey Of(ReadOnlySpan<byte> hash) =>
        new(BinaryPrimitives.ReadUInt128BigEndian(hash[..16]), BinaryPrimitives.ReadUInt128BigEndian(hash[16..32]));
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

        return await RenderAsync(hash, origin, ct);
    }

    /// <summary>The feed the token whose hash is <paramref name="hash"/> grants, read from the database (and kept).</summary>
    public async Task<RenderedFeed?> RenderAsync(byte[] hash, string origin, CancellationToken ct)
    {
        var key = TokenKey.Of(hash);
        // Read before the database: a change signalled while reading leaves the entry to be checked again.
        var generation = cache.Changes.Generation;
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
            cache.Forget(key, origin);
            return null;
        }

        var subscription = found.Feed;
        var occurrences = Occurrences(subscription);
        var contractIds = await Contracts(subscription).Select(c => c.Id).ToListAsync(ct);
        var fingerprint = await FingerprintAsync(occurrences, contractIds, ct);
        if (cache.Previous(key, origin) is { } previous && previous.Subscription == subscription.Id && previous.Fingerprint == fingerprint
            && cache.IsWithinLifetime(previous))
        {
            cache.Set(key, origin, subscription.Id, fingerprint, previous.Feed, generation, previous.RenderedAt);
            return previous.Feed;
        }

        var renderedAt = Stopwatch.GetTimestamp();
        var contracts = await db.Contracts.AsNoTracking().Where(c => contractIds.Contains(c.Id))
            .Include(c => c.Sites).ThenInclude(s => s.Areas)
            .AsSplitQuery()
            .ToListAsync(ct);
        var rows = await occurrences.AsNoTracking().ToListAsync(ct);
        var facts = new FeedContent.Facts(await NoticeLedgers.ForContractsAsync(db, contractIds, ct),
            await MissedWork.OccurrencesAsync(db, contractIds, ct), await Specifications.LatestAsync(db, contractIds, ct),
            await DoneVisitsAsync(contractIds, ct));
        var feed = FeedContent.Build(subscription, contracts, rows, origin, facts);
        var body = IcsWriter.ToArray(feed);
        var lastModified = rows.Where(FeedContent.IsPublished).Select(r => (Instant?)r.LastModified).Max() ?? subscription.CreatedAt;
        var rendered = RenderedFeed.Of(body, ToHttpDate(lastModified));
        cache.Set(key, origin, subscription.Id, fingerprint, rendered, generation, renderedAt);
        return rendered;
    }

    private async Task<FeedFingerprint> FingerprintAsync(IQueryable<OccurrenceRecord> occurrences, List<Guid> contractIds, CancellationToken ct)
    {
        var plan = await occurrences
            .GroupBy(_ => 1)
            .Select(g => new FeedFingerprint(g.Count(), g.Sum(o => (long)o.Revision), g.Max(o => (Instant?)o.LastModified), 0, 0))
            .SingleOrDefaultAsync(ct);
        var missed = await db.Deficiencies.CountAsync(d => contractIds.Contains(d.ContractId) && d.Kind == DeficiencyKind.MissedWork
                                                           && d.Status != DeficiencyStatus.Withdrawn, ct);
        var visits = await db.WorkLogs.Where(l => contractIds.Contains(l.ContractId)).SumAsync(l => (long)l.CurrentVersion, ct);
        return plan with { Missed = missed, VisitVersions = visits };
    }

    /// <summary>For each occurrence a visit logged as done, that visit as it stands (its current version).</summary>
    private async Task<Dictionary<Guid, FeedContent.DoneVisit>> DoneVisitsAsync(List<Guid> contractIds, CancellationToken ct)
    {
        var versions = await (
                from l in db.WorkLogs.AsNoTracking()
                where contractIds.Contains(l.ContractId)
                join v in db.WorkLogVersions.AsNoTracking() on new { Log = l.Id, Version = l.CurrentVersion } equals new { Log = v.WorkLogId, v.Version }
                select new { v.OccurrenceIds, v.WorkDate, v.StartedAt, v.FinishedAt, v.RecordedAt })
            .ToListAsync(ct);
        var done = new Dictionary<Guid, FeedContent.DoneVisit>();
        // The latest recorded wins when two visits name one occurrence (the plan marks it by the later).
        foreach (var v in versions.OrderBy(v => v.RecordedAt))
        {
            foreach (var id in v.OccurrenceIds)
            {
                done[id] = new FeedContent.DoneVisit(v.WorkDate, v.StartedAt, v.FinishedAt);
            }
        }

        return done;
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

    /// <summary>HTTP dates have whole seconds; a stamp is rounded down so that If-Modified-Since compares fairly.</summary>
    private static DateTimeOffset ToHttpDate(Instant instant) =>
        DateTimeOffset.FromUnixTimeSeconds(instant.ToUnixTimeSeconds());
}
