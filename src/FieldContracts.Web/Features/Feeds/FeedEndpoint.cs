using FieldContracts.Scheduling.Calendar;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Net.Http.Headers;

namespace FieldContracts.Web.Features.Feeds;

/// <summary>
/// <c>GET /feeds/{token}.ics</c>: the calendar a token grants, to calendar applications, which cannot sign in.
/// The token is the only credential; anything it does not grant is a bare 404 that tells nothing.
/// </summary>
public static class FeedEndpoint
{
    public static void MapFeedEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapMethods("/feeds/{token}.ics", [HttpMethods.Get, HttpMethods.Head], ServeAsync)
            .AllowAnonymous()
            .ExcludeFromDescription();

    private static async Task ServeAsync(string token, HttpContext context, FeedRenderer renderer, CancellationToken ct)
    {
        var response = context.Response;
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers["X-Robots-Tag"] = "noindex, nofollow";

        var feed = await renderer.RenderAsync(token, FeedLinks.Origin(context.Request), ct);
        if (feed is null)
        {
            // Not the error page: a calendar application wants no HTML, and nobody should learn why.
            if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
            {
                statusPages.Enabled = false;
            }

            response.StatusCode = StatusCodes.Status404NotFound;
            response.Headers.CacheControl = "no-store";
            return;
        }

        var headers = response.GetTypedHeaders();
        headers.ETag = EntityTagHeaderValue.Parse(feed.ETag);
        headers.LastModified = feed.LastModified;
        // The address holds a secret: no shared cache may keep it. Clients may reuse it for the refresh interval.
        headers.CacheControl = new CacheControlHeaderValue
        {
            Private = true,
            MaxAge = FeedContent.RefreshInterval.ToTimeSpan(),
        };

        if (IsNotModified(context.Request, feed))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = IcsWriter.MediaType;
        response.ContentLength = feed.Body.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(feed.Body, ct);
        }
    }

    /// <summary>
    /// RFC 9110 section 13.1.2 and 13.2.2: If-None-Match decides when present (a list, or *), compared weakly as
    /// that section requires; otherwise If-Modified-Since, against the last change to the second.
    /// </summary>
    public static bool IsNotModified(HttpRequest request, RenderedFeed feed)
    {
        var requestHeaders = request.GetTypedHeaders();
        if (request.Headers.IfNoneMatch.Count > 0)
        {
            var current = EntityTagHeaderValue.Parse(feed.ETag);
            return requestHeaders.IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
        }

        return requestHeaders.IfModifiedSince is { } since && feed.LastModified <= since;
    }
}
