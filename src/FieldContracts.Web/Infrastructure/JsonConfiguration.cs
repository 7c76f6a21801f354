using System.Text.Json;
using System.Text.Json.Serialization;

namespace FieldContracts.Web.Infrastructure;

/// <summary>
/// JSON for the API: camelCase, enums by name, NodaTime dates as ISO text; a member the request type does not have is
/// refused, never ignored, so a misspelt field cannot silently change nothing.
/// </summary>
public static class JsonConfiguration
{
    public static void Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        ApiNodaTimeJson.AddConverters(options);
    }

    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Apply(options);
        return options;
    }
}
