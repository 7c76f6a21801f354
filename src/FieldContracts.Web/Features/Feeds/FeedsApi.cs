using System.Security.Claims;
using FieldContracts.Data.Identity;
using FieldContracts.Web.Infrastructure;

namespace FieldContracts.Web.Features.Feeds;

public static class FeedsApi
{
    public static IServiceCollection AddFeeds(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FeedCacheOptions>()
            .Configure(options =>
            {
                if (configuration.GetValue<double?>("Feeds:StalenessSeconds") is { } seconds)
                {
                    options.Staleness = TimeSpan.FromSeconds(seconds);
                }
            })
            .Validate(o => o.Staleness >= TimeSpan.Zero && o.Staleness <= FeedCacheOptions.MaxStaleness,
                "Feeds:StalenessSeconds is between 0 and 60.")
            .ValidateOnStart();
        return services
            .AddSingleton<FeedChanges>()
            .AddSingleton<FeedChangeInterceptor>()
            .AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(sp => sp.GetRequiredService<FeedChangeInterceptor>())
            .AddSingleton<FeedCache>()
            .AddScoped<FeedRenderer>()
            .AddScoped<FeedSubscriptions>();
    }

    /// <summary>The feed endpoint for calendar applications, and the API to manage one's own feeds.</summary>
    public static void MapFeeds(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/feeds").WithTags("Calendar feeds").RequireAuthorization(p => p.RequireRole(Roles.All));

        api.MapGet("/", async (ClaimsPrincipal user, FeedSubscriptions feeds, CancellationToken ct) =>
                TypedResults.Ok(await feeds.ListAsync(user, ct)))
            .Produces<IReadOnlyList<FeedView>>()
            .WithSummary("Your calendar feeds (their addresses are shown only when issued).");

        api.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, FeedSubscriptions feeds, CancellationToken ct) =>
                await feeds.GetAsync(user, id, ct) is { } feed ? TypedResults.Ok(feed) : NotFound(id))
            .Produces<FeedView>()
            .WithSummary("One of your calendar feeds.");

        api.MapPost("/", async (HttpRequest request, ClaimsPrincipal user, FeedSubscriptions feeds, CancellationToken ct) =>
            {
                var (body, problem) = await JsonBody.ReadAsync<NewFeed>(request, ct);
                if (problem is not null)
                {
                    return problem;
                }

                var (issued, error) = await feeds.CreateAsync(user, body!, FeedLinks.Origin(request), ct);
                return error switch
                {
                    null => TypedResults.Created($"/api/feeds/{issued!.Feed.Id}", issued),
                    FeedError.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors, title: "The feed is not valid."),
                    _ => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The feed is not valid."),
                };
            })
            .Accepts<NewFeed>("application/json")
            .Produces<IssuedFeed>(StatusCodes.Status201Created)
            .WithSummary("Subscribe: a feed of a contract, one school, the chemical applications, or (contractors) your own work. " +
                         "The answer holds the feed's address; it is not shown again.");

        api.MapPost("/{id:guid}/renew", async (Guid id, HttpRequest request, ClaimsPrincipal user, FeedSubscriptions feeds,
                CancellationToken ct) =>
                await feeds.RenewAsync(user, id, FeedLinks.Origin(request), ct) is { } issued ? TypedResults.Ok(issued) : NotFound(id))
            .Produces<IssuedFeed>()
            .WithSummary("A new address for your feed; the old one stops working at once.");

        api.MapDelete("/{id:guid}", async (Guid id, ClaimsPrincipal user, FeedSubscriptions feeds, CancellationToken ct) =>
                await feeds.RevokeAsync(user, id, ct) ? TypedResults.NoContent() : NotFound(id))
            .WithSummary("Revoke your feed: its address answers 404 from now on.");
    }

    private static IResult NotFound(Guid id) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
        title: "Feed not found.", detail: $"You have no active calendar feed {id}.");
}
