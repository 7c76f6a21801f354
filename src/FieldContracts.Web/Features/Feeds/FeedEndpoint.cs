using FieldContracts.Scheduling.Calendar;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace FieldContracts.Web.Features.Feeds;

/// <summary>
/// <c>GET /feeds/{token}.ics</c>: the calendar a token grants, to calendar applications, which cannot sign in.
/// The token is the only credential; anything it does not grant is a bare 404 that tells nothing.
/// Served first in the pipeline, before status pages, static files, routing, authentication and antiforgery,
/// none of which it needs: calendar applications poll, and most polls are answered from memory
/// (<see cref="FeedCache"/>) without a database, a service scope or a cookie.
/// </summary>
public static class FeedEndpoint
{
    private const string Prefix = "/feeds/";
    private const string Suffix = ".ics";

    private static readonly StringValues NoSniff = "nosniff";
    private static readonly StringValues NoReferrer = "no-referrer";
    private static readonly StringValues NoIndex = "noindex, nofollow";
    private static readonly StringValues NoStore = "no-store";
    private static readonly StringValues VaryEncoding = HeaderNames.AcceptEncoding;
    private static readonly StringValues MediaType = IcsWriter.MediaType;
    private static readonly StringValues Gzip = "gzip";
    private static readonly StringValues Brotli = "br";
    private static readonly StringValues PrivateCaching = $"private, max-age={(long)FeedContent.RefreshInterval.TotalSeconds}";

    /// <summary>Answers feed requests ahead of the rest of the pipeline.</summary>
    public static IApplicationBuilder UseFeedEndpoint(this IApplicationBuilder app)
    {
        // Taken once: the request's own services (a scope) are only asked for when the database is.
        var cache = app.ApplicationServices.GetRequiredService<FeedCache>();
        return app.Use(next => context => TokenOf(context.Request) is { } token ? ServeAsync(context, token, cache) : next(context));
    }

    /// <summary>The token of a GET or HEAD of <c>/feeds/{token}.ics</c>; null for any other request.</summary>
    private static string? TokenOf(HttpRequest request)
    {
        var path = request.Path.Value;
        if (path is null || !path.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || !path.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase)
            || path.Length <= Prefix.Length + Suffix.Length || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
        {
            return null;
        }

        var token = path.AsSpan(Prefix.Length, path.Length - Prefix.Length - Suffix.Length);
        return token.Contains('/') ? null : token.ToString();
    }

    private static async Task ServeAsync(HttpContext context, string token, FeedCache cache)
    {
        var response = context.Response;
        var headers = response.Headers;
        headers.XContentTypeOptions = NoSniff;
        headers["Referrer-Policy"] = NoReferrer;
        headers["X-Robots-Tag"] = NoIndex;

        var feed = await FindAsync(context, token, cache);
        if (feed is null)
        {
            // Nothing an HTML page would tell: a calendar application wants none, and nobody should learn why.
            response.StatusCode = StatusCodes.Status404NotFound;
            headers.CacheControl = NoStore;
            return;
        }

        var encoding = Negotiate(context.Request.Headers.AcceptEncoding);
        var (body, etag) = encoding switch
        {
            Encoding.Brotli => (feed.Brotli, feed.BrotliETag),
            Encoding.Gzip => (feed.Gzip, feed.GzipETag),
            _ => (feed.Body, feed.ETag),
        };
        headers.ETag = etag;
        headers.LastModified = feed.LastModifiedText;
        // The address holds a secret: no shared cache may keep it. Clients may reuse it for the refresh interval.
        headers.CacheControl = PrivateCaching;
        headers.Vary = VaryEncoding;

        if (IsNotModified(context.Request, feed))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        headers.ContentType = MediaType;
        if (encoding != Encoding.Identity)
        {
            headers.ContentEncoding = encoding == Encoding.Brotli ? Brotli : Gzip;
        }

        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    /// <summary>From memory when this node checked the token recently and nothing changed since; otherwise from the database.</summary>
    private static async Task<RenderedFeed?> FindAsync(HttpContext context, string token, FeedCache cache)
    {
        if (FeedTokens.HashOf(token) is not { } hash)
        {
            return null;
        }

        var origin = FeedLinks.Origin(context.Request);
        return cache.Fresh(TokenKey.Of(hash), origin)
               ?? await context.RequestServices.GetRequiredService<FeedRenderer>().RenderAsync(hash, origin, context.RequestAborted);
    }

    public enum Encoding
    {
        Identity,
        Gzip,
        Brotli,
    }

    /// <summary>
    /// RFC 9110 section 12.5.3: the coding with the highest weight the client accepts, Brotli before gzip at equal
    /// weight; <c>*</c> stands for any coding not named; identity when the client names neither (or refuses both).
    /// </summary>
    public static Encoding Negotiate(StringValues acceptEncoding)
    {
        double gzip = -1, brotli = -1, any = -1;
        foreach (var value in acceptEncoding)
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            foreach (var range in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var semicolon = range.IndexOf(';');
                var coding = (semicolon < 0 ? range : range[..semicolon]).Trim();
                var weight = semicolon < 0 ? 1.0 : Weight(range.AsSpan(semicolon + 1));
                if (coding.Equals("br", StringComparison.OrdinalIgnoreCase))
                {
                    brotli = weight;
                }
                else if (coding.Equals("gzip", StringComparison.OrdinalIgnoreCase) || coding.Equals("x-gzip", StringComparison.OrdinalIgnoreCase))
                {
                    gzip = Math.Max(gzip, weight);
                }
                else if (coding == "*")
                {
                    any = weight;
                }
            }
        }

        brotli = brotli < 0 ? any : brotli;
        gzip = gzip < 0 ? any : gzip;
        return brotli > 0 && brotli >= gzip ? Encoding.Brotli
            : gzip > 0 ? Encoding.Gzip
            : Encoding.Identity;
    }

    private static double Weight(ReadOnlySpan<char> parameters)
    {
        foreach (var part in parameters.ToString().Split(';', StringSplitOptions.TrimEntries))
        {
            if (part.StartsWith("q=", StringComparison.OrdinalIgnoreCase)
                && double.TryParse(part.AsSpan(2), System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var q))
            {
                return Math.Clamp(q, 0, 1);
            }
        }

        return 1.0;
    }

    /// <summary>
    /// RFC 9110 section 13.1.2 and 13.2.2: If-None-Match decides when present (a list, or *), compared weakly as
    /// that section requires, against the tag of any encoding of the current feed (a client that kept the gzip
    /// copy holds the current content); otherwise If-Modified-Since, against the last change to the second.
    /// </summary>
    public static bool IsNotModified(HttpRequest request, RenderedFeed feed)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (ifNoneMatch.Count > 0)
        {
            foreach (var value in ifNoneMatch)
            {
                if (value is null)
                {
                    continue;
                }

                foreach (var tag in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    var opaque = tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
                    if (opaque == "*" || opaque == feed.ETag || opaque == feed.GzipETag || opaque == feed.BrotliETag)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        return HeaderUtilities.TryParseDate(request.Headers.IfModifiedSince.ToString(), out var since) && feed.LastModified <= since;
    }
}
