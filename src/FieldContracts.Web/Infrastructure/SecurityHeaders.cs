namespace FieldContracts.Web.Infrastructure;

/// <summary>
/// The security headers of every answer, pages, API, files and error pages alike: a Content-Security-Policy that lets
/// the browser run only the application's own scripts and styles (no inline script, style or handler attribute), no
/// framing, no sniffing of content types, and a referrer cut to the origin when it leaves the site. The values are
/// constant, set just before the answer starts, and an endpoint that set a header of its own keeps it.
/// HSTS comes from <c>UseHsts</c> outside Development.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    /// <summary>
    /// The Hangfire dashboard at <c>/jobs</c> is a third-party UI: its markup has no inline script or style, but its
    /// bundled scripts (jQuery, Bootstrap, the Rickshaw charts) set styles as they draw, so its styles alone may be
    /// inline there. Its scripts are files, and scripts stay as strict as anywhere else.
    /// </summary>
    public const string DashboardContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public const string ReferrerPolicy = "strict-origin-when-cross-origin";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var dashboard = context.Request.Path.StartsWithSegments("/jobs");
            context.Response.OnStarting(static state =>
            {
                var (response, dashboard) = ((HttpResponse, bool))state;
                var headers = response.Headers;
                headers.TryAdd("Content-Security-Policy", dashboard ? DashboardContentSecurityPolicy : ContentSecurityPolicy);
                headers.TryAdd("X-Content-Type-Options", "nosniff");
                headers.TryAdd("Referrer-Policy", ReferrerPolicy);
                headers.TryAdd("X-Frame-Options", "DENY");
                return Task.CompletedTask;
            }, (context.Response, dashboard));
            return next(context);
        });
}
