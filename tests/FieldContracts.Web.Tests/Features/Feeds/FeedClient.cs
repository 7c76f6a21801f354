using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace FieldContracts.Web.Tests.Features.Feeds;

/// <summary>Makes feeds through the API as a signed-in user and fetches them as a calendar application would.</summary>
internal static class FeedClient
{
    /// <summary>A feed made through POST /api/feeds: its id, its path (/feeds/{token}.ics) and the whole answer.</summary>
    public sealed record Made(Guid Id, string Path, string Token, JsonElement Answer);

    public static async Task<Made> CreateAsync(HttpClient signedIn, object body)
    {
        var response = await PostJsonAsync(signedIn, "/api/feeds", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /api/feeds answered {(int)response.StatusCode}: {text}");
        var answer = JsonDocument.Parse(text).RootElement.Clone();
        return FromIssued(answer);
    }

    public static Made FromIssued(JsonElement issued)
    {
        var https = new Uri(issued.GetProperty("links").GetProperty("https").GetString()!);
        var token = https.AbsolutePath["/feeds/".Length..^".ics".Length];
        return new Made(issued.GetProperty("feed").GetProperty("id").GetGuid(), https.AbsolutePath, token, issued);
    }

    public static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string url, object body) =>
        client.PostAsync(url, new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> PutJsonAsync(HttpClient client, string url, object body) =>
        client.PutAsync(url, new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));

    /// <summary>GETs the feed with no cookie, as a calendar application does.</summary>
    public static async Task<HttpResponseMessage> FetchAsync(TestApp app, string path, Action<HttpRequestMessage>? headers = null)
    {
        using var client = app.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        headers?.Invoke(request);
        return await client.SendAsync(request);
    }

    public static async Task<byte[]> BytesAsync(TestApp app, string path)
    {
        using var response = await FetchAsync(app, path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    public static async Task<JsonElement> JsonAsync(HttpClient client, string url) =>
        (await client.GetFromJsonAsync<JsonElement>(url));
}
