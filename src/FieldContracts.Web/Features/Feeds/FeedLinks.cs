namespace FieldContracts.Web.Features.Feeds;

/// <summary>
/// The ways to subscribe to one feed: its address over HTTP(S), the same as webcal:// (which Apple Calendar
/// and desktop Outlook open as a subscription), and one-click pages of Google Calendar and Outlook on the web.
/// </summary>
public sealed record FeedLinks(string Https, string Webcal, string Google, string OutlookCom, string Outlook365)
{
    /// <param name="origin">Scheme, host and path base of the site, e.g. <c>https://contracts.hartford.gov</c>.</param>
    public static FeedLinks For(string origin, string token, string name)
    {
        var https = $"{origin.TrimEnd('/')}/feeds/{token}.ics";
        var webcal = "webcal" + https[https.IndexOf("://", StringComparison.Ordinal)..];
        var url = Uri.EscapeDataString(https);
        var title = Uri.EscapeDataString(name);
        return new FeedLinks(
            https,
            webcal,
            $"https://calendar.google.com/calendar/r?cid={Uri.EscapeDataString(webcal)}",
            $"https://outlook.live.com/calendar/0/addfromweb?url={url}&name={title}",
            $"https://outlook.office.com/calendar/0/addfromweb?url={url}&name={title}");
    }

    public static string Origin(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";
}
