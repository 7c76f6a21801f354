using NodaTime;

namespace FieldContracts.Data.Feeds;

/// <summary>What a calendar subscription holds of the plan.</summary>
public enum FeedScope
{
    /// <summary>Every occurrence of one contract.</summary>
    WholeContract,

    /// <summary>The occurrences of one contract at one school.</summary>
    School,

    /// <summary>The chemical applications of one contract.</summary>
    ChemicalOnly,

    /// <summary>A contractor's own work: every occurrence of every contract it holds.</summary>
    ContractorWork,
}

/// <summary>
/// A calendar feed a user subscribed to. Calendar applications cannot sign in, so the feed's address
/// carries a secret token that grants this feed and nothing else; only the token's SHA-256 hash is
/// stored, so the table alone opens no feed.
/// </summary>
public sealed class CalendarFeedSubscription
{
    public Guid Id { get; set; }

    /// <summary>The user who made it; only they may see, renew or revoke it.</summary>
    public string OwnerId { get; set; } = "";

    public FeedScope Scope { get; set; }

    /// <summary>The contract; null only for <see cref="FeedScope.ContractorWork"/>.</summary>
    public Guid? ContractId { get; set; }

    /// <summary>The school, for <see cref="FeedScope.School"/>.</summary>
    public Guid? SiteId { get; set; }

    /// <summary>
    /// The contractor the owner worked for when the feed was made; null for City and school staff. The feed
    /// never shows another contractor's contract, and stops when the owner no longer works for this one.
    /// </summary>
    public Guid? ContractorId { get; set; }

    /// <summary>The calendar's title in subscribers' applications.</summary>
    public string Name { get; set; } = "";

    /// <summary>SHA-256 of the token in the feed's address (32 bytes).</summary>
    public byte[] TokenHash { get; set; } = [];

    public Instant CreatedAt { get; set; }

    /// <summary>When the token was last replaced; the one before it stopped working then.</summary>
    public Instant? RenewedAt { get; set; }

    /// <summary>When the owner revoked it; a revoked feed answers 404 and is kept for the record.</summary>
    public Instant? RevokedAt { get; set; }
}
