using System.Security.Claims;
using FieldContracts.Data;
using FieldContracts.Data.Feeds;
using FieldContracts.Data.Identity;
using FieldContracts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using FieldContracts.Web.Features.Shared;

namespace FieldContracts.Web.Features.Feeds;

/// <summary>A feed to make: which contract, and of it the whole plan, one school or the chemical applications only.</summary>
/// <param name="Contract">The contract's number; not used for <see cref="FeedScope.ContractorWork"/>.</param>
/// <param name="School">The school's code (e.g. HPHS), for <see cref="FeedScope.School"/>.</param>
/// <param name="Name">The calendar's title; a title naming the contract and scope when empty.</param>
public sealed record NewFeed(FeedScope? Scope, string? Contract, string? School, string? Name);

/// <summary>A feed as its owner sees it; never its token, which is shown once, when issued.</summary>
public sealed record FeedView(Guid Id, string Name, FeedScope Scope, string? Contract, string? School,
    ZonedDateTime CreatedAt, ZonedDateTime? RenewedAt);

/// <summary>A feed with a token just issued: the only time its address is shown.</summary>
public sealed record IssuedFeed(FeedView Feed, FeedLinks Links);

/// <summary>Why a feed was not made, renewed or revoked; nothing is saved.</summary>
public abstract record FeedError
{
    /// <summary>No such feed of this user (someone else's feeds look the same).</summary>
    public sealed record NotFound : FeedError;

    public sealed record Invalid(Dictionary<string, string[]> Errors) : FeedError;
}

/// <summary>
/// A user's calendar subscriptions. Anyone in one of the four roles may subscribe to a contract they can see;
/// a contractor's staff may also subscribe to their own work across its contracts. Each user sees, renews and
/// revokes only their own feeds.
/// </summary>
public sealed class FeedSubscriptions(FieldContractsDbContext db, IClock clock)
{
    /// <summary>Active feeds one user may hold; enough for every school of several contracts.</summary>
    public const int MaxActiveFeeds = 25;

    public async Task<IReadOnlyList<FeedView>> ListAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var owner = OwnerId(user);
        var feeds = await db.CalendarFeeds.AsNoTracking().Where(f => f.OwnerId == owner && f.RevokedAt == null).ToListAsync(ct);
        var views = await ViewsAsync(feeds, ct);
        return views.OrderBy(v => v.CreatedAt.ToInstant()).ThenBy(v => v.Id).ToList();
    }

    public async Task<FeedView?> GetAsync(ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        await FindAsync(user, id, tracked: false, ct) is { } feed ? (await ViewsAsync([feed], ct))[0] : null;

    public async Task<(IssuedFeed? Feed, FeedError? Error)> CreateAsync(ClaimsPrincipal user, NewFeed request, string origin,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        // Whatever the roles, a user who works for a contractor gets a feed limited to that contractor's contracts.
        var contractorId = user.ContractorId();
        var name = request.Name?.Trim();
        if (name is { Length: > 200 })
        {
            errors["name"] = ["A name is at most 200 characters."];
        }

        if (name is not null && name.Any(char.IsControl))
        {
            errors["name"] = ["A name is one line of text."];
        }

        FieldContracts.Scheduling.Contracts.Contract? contract = null;
        FieldContracts.Scheduling.Contracts.Site? site = null;
        string? contractorName = null;
        switch (request.Scope)
        {
            case null:
                errors["scope"] = [$"Choose one of {string.Join(", ", Enum.GetNames<FeedScope>())}."];
                break;
            case FeedScope.ContractorWork:
                if (contractorId is null || !user.IsInRole(Roles.Contractor))
                {
                    errors["scope"] = ["Only a contractor's staff can subscribe to their own work; choose a contract."];
                }
                else
                {
                    contractorName = await db.Contractors.Where(c => c.Id == contractorId).Select(c => c.Name).SingleOrDefaultAsync(ct);
                }

                break;
            default:
                if (string.IsNullOrWhiteSpace(request.Contract))
                {
                    errors["contract"] = ["Give the contract's number."];
                    break;
                }

                var number = request.Contract.Trim();
                contract = await db.Contracts.AsNoTracking().VisibleTo(user).Include(c => c.Sites)
                    .SingleOrDefaultAsync(c => c.Number == number, ct);
                if (contract is null)
                {
                    errors["contract"] = [$"There is no contract {number} that you can see."];
                }
                else if (request.Scope == FeedScope.School)
                {
                    site = contract.Sites.SingleOrDefault(s => string.Equals(s.Code, request.School?.Trim(), StringComparison.OrdinalIgnoreCase));
                    if (site is null)
                    {
                        errors["school"] = [$"Choose one of the contract's schools: {string.Join(", ", contract.Sites.Select(s => s.Code).Order(StringComparer.Ordinal))}."];
                    }
                }

                break;
        }

        if (errors.Count == 0)
        {
            var owner = OwnerId(user);
            if (await db.CalendarFeeds.CountAsync(f => f.OwnerId == owner && f.RevokedAt == null, ct) >= MaxActiveFeeds)
            {
                errors["$"] = [$"You have {MaxActiveFeeds} feeds; revoke one you no longer use first."];
            }
        }

        if (errors.Count > 0)
        {
            return (null, new FeedError.Invalid(errors));
        }

        var (token, hash) = FeedTokens.Issue();
        var feed = new CalendarFeedSubscription
        {
            Id = Guid.CreateVersion7(),
            OwnerId = OwnerId(user),
            Scope = request.Scope!.Value,
            ContractId = contract?.Id,
            SiteId = site?.Id,
            ContractorId = contractorId,
            Name = string.IsNullOrEmpty(name) ? FeedContent.DefaultName(request.Scope.Value, contract, site, contractorName) : name,
            TokenHash = hash,
            CreatedAt = clock.GetCurrentInstant(),
        };
        db.CalendarFeeds.Add(feed);
        await db.SaveChangesAsync(ct);
        return (new IssuedFeed((await ViewsAsync([feed], ct))[0], FeedLinks.For(origin, token, feed.Name)), null);
    }

    /// <summary>Replaces the feed's token: the old address stops working at once, the new one is returned once.</summary>
    public async Task<IssuedFeed?> RenewAsync(ClaimsPrincipal user, Guid id, string origin, CancellationToken ct)
    {
        if (await FindAsync(user, id, tracked: true, ct) is not { } feed)
        {
            return null;
        }

        var (token, hash) = FeedTokens.Issue();
        feed.TokenHash = hash;
        feed.RenewedAt = clock.GetCurrentInstant();
        await db.SaveChangesAsync(ct);
        return new IssuedFeed((await ViewsAsync([feed], ct))[0], FeedLinks.For(origin, token, feed.Name));
    }

    /// <summary>Stops the feed for good; false when the user has no such active feed.</summary>
    public async Task<bool> RevokeAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        if (await FindAsync(user, id, tracked: true, ct) is not { } feed)
        {
            return false;
        }

        feed.RevokedAt = clock.GetCurrentInstant();
        await db.SaveChangesAsync(ct);
        return true;
    }

    private async Task<CalendarFeedSubscription?> FindAsync(ClaimsPrincipal user, Guid id, bool tracked, CancellationToken ct)
    {
        var owner = OwnerId(user);
        var feeds = tracked ? db.CalendarFeeds : db.CalendarFeeds.AsNoTracking();
        return await feeds.SingleOrDefaultAsync(f => f.Id == id && f.OwnerId == owner && f.RevokedAt == null, ct);
    }

    private async Task<List<FeedView>> ViewsAsync(IReadOnlyList<CalendarFeedSubscription> feeds, CancellationToken ct)
    {
        var contractIds = feeds.Where(f => f.ContractId is not null).Select(f => f.ContractId!.Value).Distinct().ToList();
        var siteIds = feeds.Where(f => f.SiteId is not null).Select(f => f.SiteId!.Value).Distinct().ToList();
        var numbers = await db.Contracts.Where(c => contractIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Number, ct);
        var codes = await db.Sites.Where(s => siteIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Code, ct);
        return feeds.Select(f => new FeedView(f.Id, f.Name, f.Scope,
                f.ContractId is { } c ? numbers.GetValueOrDefault(c) : null,
                f.SiteId is { } s ? codes.GetValueOrDefault(s) : null,
                f.CreatedAt.InZone(Hartford.Zone), f.RenewedAt?.InZone(Hartford.Zone)))
            .ToList();
    }

    private static string OwnerId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A signed-in user has an id.");
}
