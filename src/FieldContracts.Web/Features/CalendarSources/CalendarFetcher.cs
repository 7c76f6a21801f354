using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using FieldContracts.Data.CalendarSources;

namespace FieldContracts.Web.Features.CalendarSources;

/// <summary>
/// How calendar addresses are fetched. <c>CalendarSources:AllowPrivateAddresses</c> lets the fetcher reach loopback and
/// private-network addresses (off in production: a calendar address must not reach the city's own network);
/// <c>CalendarSources:TimeoutSeconds</c> bounds each fetch (default 20).
/// </summary>
public sealed record CalendarFetchSettings(bool AllowPrivateAddresses, TimeSpan Timeout)
{
    public static CalendarFetchSettings From(IConfiguration configuration) => new(
        configuration.GetValue("CalendarSources:AllowPrivateAddresses", false),
        TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("CalendarSources:TimeoutSeconds", 20.0), 0.1, 120)));
}

/// <summary>What a fetch gave: a new copy, "not modified", or an error in words (with the HTTP status when there was one).</summary>
public sealed record CalendarFetch(byte[]? Content, bool NotModified, string? ETag, string? LastModified, int? Status, string? Error);

/// <summary>
/// Fetches a calendar address: http and https only (webcal is https), at most five redirects and never to another
/// scheme, conditional on the last good copy's ETag and Last-Modified, bounded in time and to
/// <see cref="IcsReader.MaxBytes"/>; loopback, private, link-local and other non-public addresses are refused unless
/// the settings allow them. The address is checked after the name is resolved and the connection goes to the address
/// checked, so a name that resolves to an inside address is refused too.
/// </summary>
public sealed class CalendarFetcher(CalendarFetchSettings settings) : IDisposable
{
    private const int MaxRedirects = 5;

    private readonly HttpClient _client = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        UseProxy = false,
        UseCookies = false,
        ConnectCallback = (context, ct) => ConnectAsync(context, settings.AllowPrivateAddresses, ct),
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    /// <summary>The address as it will be fetched (webcal → https), or why it is refused.</summary>
    public static (Uri? Uri, string? Error) Parse(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return (null, "Give the calendar's address.");
        }

        var text = address.Trim();
        if (text.StartsWith("webcal://", StringComparison.OrdinalIgnoreCase))
        {
            text = "https://" + text["webcal://".Length..];
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host))
        {
            return (null, "Give an http or https address of an iCal calendar, e.g. https://calendar.google.com/calendar/ical/…/basic.ics.");
        }

        return text.Length > 2000 ? (null, "The address is longer than 2,000 characters.") : (uri, null);
    }

    public async Task<CalendarFetch> FetchAsync(Uri uri, string? etag, string? lastModified, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(settings.Timeout);
        try
        {
            for (var hop = 0; ; hop++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                request.Headers.Accept.ParseAdd("text/calendar, */*;q=0.5");
                request.Headers.UserAgent.Add(new ProductInfoHeaderValue("FieldContracts", "1.0"));
                if (etag is not null)
                {
                    request.Headers.TryAddWithoutValidation("If-None-Match", etag);
                }

                if (lastModified is not null)
                {
                    request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
                }

                using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                var status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && status != 304)
                {
                    var location = response.Headers.Location;
                    if (location is null)
                    {
                        return Failed(status, $"The server answered {status} (a redirect) without saying where to.");
                    }

                    var next = location.IsAbsoluteUri ? location : new Uri(uri, location);
                    if (next.Scheme is not ("http" or "https"))
                    {
                        return Failed(status, $"The server redirected to a {next.Scheme}: address; only http and https addresses are followed.");
                    }

                    if (hop >= MaxRedirects)
                    {
                        return Failed(status, $"The server redirected more than {MaxRedirects} times.");
                    }

                    uri = next;
                    continue;
                }

                if (response.StatusCode == HttpStatusCode.NotModified)
                {
                    return new CalendarFetch(null, true, etag, lastModified, status, null);
                }

                if (!response.IsSuccessStatusCode)
                {
                    return Failed(status, $"The server answered {status} ({response.ReasonPhrase}).");
                }

                if (response.Content.Headers.ContentLength > IcsReader.MaxBytes)
                {
                    return Failed(status, $"The calendar is {response.Content.Headers.ContentLength / 1024.0 / 1024.0:0.0} MB; at most 5 MB is accepted.");
                }

                await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
                using var copy = new MemoryStream();
                var buffer = new byte[81920];
                int read;
                while ((read = await body.ReadAsync(buffer, timeout.Token)) > 0)
                {
                    if (copy.Length + read > IcsReader.MaxBytes)
                    {
                        return Failed(status, "The calendar is larger than 5 MB; at most 5 MB is accepted.");
                    }

                    copy.Write(buffer, 0, read);
                }

                return new CalendarFetch(copy.ToArray(), false, response.Headers.ETag?.ToString(),
                    response.Content.Headers.LastModified?.ToString("R"), status, null);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Failed(null, $"The server did not answer within {settings.Timeout.TotalSeconds:0.#} seconds.");
        }
        catch (HttpRequestException e) when (e.InnerException is AddressRefusedException refused)
        {
            return Failed(null, refused.Message);
        }
        catch (HttpRequestException e)
        {
            return Failed(null, $"The calendar could not be fetched: {e.Message}");
        }
    }

    public void Dispose() => _client.Dispose();

    private static CalendarFetch Failed(int? status, string error) => new(null, false, null, null, status, error);

    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, bool allowPrivate, CancellationToken ct)
    {
        var addresses = IPAddress.TryParse(context.DnsEndPoint.Host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
        var allowed = addresses.Where(a => allowPrivate || IsPublic(a)).ToList();
        if (allowed.Count == 0)
        {
            throw new AddressRefusedException(addresses.Length == 0
                ? $"{context.DnsEndPoint.Host} has no address."
                : $"{context.DnsEndPoint.Host} is a loopback or private-network address ({addresses[0]}); calendars are fetched from public addresses only.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed.ToArray(), context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Whether <paramref name="address"/> is on the public internet (not loopback, private, link-local, shared, multicast or reserved).</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0 || b[0] == 10 || b[0] == 127 || (b[0] == 100 && b[1] >= 64 && b[1] < 128)
                     || (b[0] == 169 && b[1] == 254) || (b[0] == 172 && b[1] >= 16 && b[1] < 32) || (b[0] == 192 && b[1] == 168)
                     || (b[0] == 192 && b[1] == 0 && b[2] == 0) || (b[0] == 198 && b[1] is 18 or 19) || b[0] >= 224);
        }

        var bytes = address.GetAddressBytes();
        return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (bytes[0] & 0xFE) == 0xFC);
    }

    private sealed class AddressRefusedException(string message) : IOException(message);
}
