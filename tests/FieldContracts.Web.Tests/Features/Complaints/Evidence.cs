using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace FieldContracts.Web.Tests.Features.Complaints;

/// <summary>What complaint and inspection tests share: photos, multipart posts (with the page's anti-forgery token) and counts of rows.</summary>
internal static partial class Evidence
{
    /// <summary>A 1×1 PNG.</summary>
    public static byte[] Png() => Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /// <summary>A JPEG's first bytes, then zeros: one byte over the 10 MB a photo may be.</summary>
    public static byte[] OversizedJpeg()
    {
        var bytes = new byte[10 * 1024 * 1024 + 1];
        bytes[0] = 0xFF;
        bytes[1] = 0xD8;
        bytes[2] = 0xFF;
        return bytes;
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));

    public static MultipartFormDataContent Multipart(IEnumerable<(string Name, string Value)> fields, params (string Field, string FileName, byte[] Bytes)[] files)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value, Encoding.UTF8), name);
        }

        foreach (var (field, fileName, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            content.Add(file, field, fileName);
        }

        return content;
    }

    /// <summary>GETs a form page for its anti-forgery token, then posts the fields and files to it as multipart/form-data.</summary>
    public static async Task<HttpResponseMessage> PostPageAsync(HttpClient client, string url, IEnumerable<(string Name, string Value)> fields,
        params (string Field, string FileName, byte[] Bytes)[] files)
    {
        var page = await client.GetStringAsync(url);
        var token = Token().Match(page);
        Assert.True(token.Success, $"{url} has no anti-forgery token.");
        return await client.PostAsync(url, Multipart([.. fields, ("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value))], files));
    }

    public static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    public static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    /// <summary>Rows of the register, its photos, inspections and queued email: what a refused request must leave as it was.</summary>
    public static async Task<(int Deficiencies, int Photos, int Inspections, int Outbox)> CountsAsync(TestApp app)
    {
        await using var db = app.Database.CreateContext();
        return (await db.Deficiencies.CountAsync(), await db.DeficiencyPhotos.CountAsync(), await db.Inspections.CountAsync(),
            await db.OutboxMessages.CountAsync());
    }

    /// <summary>The id of one of a school's areas of #2685, by name.</summary>
    public static async Task<Guid> AreaAsync(TestApp app, string school, string area, string contract = "2685")
    {
        await using var db = app.Database.CreateContext();
        return await db.Areas.Where(a => a.Name == area && db.Sites.Any(s => s.Id == a.SiteId && s.Code == school
                && db.Contracts.Any(c => c.Id == s.ContractId && c.Number == contract)))
            .Select(a => a.Id).SingleAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
