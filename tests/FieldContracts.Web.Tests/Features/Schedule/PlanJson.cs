using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NodaTime.Text;

namespace FieldContracts.Web.Tests.Features.Schedule;

/// <summary>Reading the plan through the API, as a client would.</summary>
internal static class PlanJson
{
    public static readonly DateTimeZone Hartford = DateTimeZoneProviders.Tzdb["America/New_York"];

    public static async Task<IReadOnlyList<JsonElement>> PlanAsync(HttpClient client, string query = "")
    {
        var response = await client.GetAsync($"/api/contracts/2685/plan{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
    }

    public static Task<JsonElement> OccurrenceAsync(HttpClient client, string id) =>
        client.GetFromJsonAsync<JsonElement>($"/api/contracts/2685/plan/{id}");

    public static string Task(this JsonElement o) => o.GetProperty("taskKey").GetString()!;

    public static string Site(this JsonElement o) => o.GetProperty("site").GetString()!;

    public static string Status(this JsonElement o) => o.GetProperty("status").GetString()!;

    public static string Id(this JsonElement o) => o.GetProperty("id").GetString()!;

    public static int Revision(this JsonElement o) => o.GetProperty("revision").GetInt32();

    public static LocalDate? Planned(this JsonElement o) =>
        o.GetProperty("plannedDate").ValueKind == JsonValueKind.Null ? null : LocalDatePattern.Iso.Parse(o.GetProperty("plannedDate").GetString()!).Value;

    public static LocalDate WindowStart(this JsonElement o) => LocalDatePattern.Iso.Parse(o.GetProperty("windowStart").GetString()!).Value;

    /// <summary>The application's start in Hartford, or null.</summary>
    public static ZonedDateTime? ApplicationStart(this JsonElement o) =>
        o.GetProperty("applicationStart").ValueKind == JsonValueKind.Null
            ? null
            : LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm").Parse(o.GetProperty("applicationStart").GetString()!)
                .Value.InZoneStrictly(Hartford);

    public static OffsetDateTime? NoticeDueBy(this JsonElement o) =>
        o.GetProperty("noticeDueBy").ValueKind == JsonValueKind.Null
            ? null
            : OffsetDateTimePattern.Rfc3339.Parse(o.GetProperty("noticeDueBy").GetString()!).Value;

    public static StringContent Json(object body) =>
        new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
}
