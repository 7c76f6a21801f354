using System.Text.Json;
using System.Text.Json.Serialization;
using FieldContracts.Data.Conversion;
using NodaTime;
using NodaTime.Text;

namespace FieldContracts.Web.Infrastructure;

/// <summary>JSON for the API: camelCase, enums by name, NodaTime dates as ISO text.</summary>
public static class JsonConfiguration
{
    public static void Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        options.Converters.Add(new LocalDateJsonConverter());
        options.Converters.Add(new AnnualDateJsonConverter());
    }

    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Apply(options);
        return options;
    }
}

/// <summary>A <see cref="LocalDate"/> as "yyyy-MM-dd".</summary>
public sealed class LocalDateJsonConverter : JsonConverter<LocalDate>
{
    public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var result = reader.TokenType == JsonTokenType.String ? LocalDatePattern.Iso.Parse(reader.GetString()!) : null;
        return result is { Success: true } ? result.Value : throw new JsonException("Expected a date as yyyy-MM-dd.");
    }

    public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options) =>
        writer.WriteStringValue(LocalDatePattern.Iso.Format(value));
}

/// <summary>An <see cref="AnnualDate"/> as "MM-dd".</summary>
public sealed class AnnualDateJsonConverter : JsonConverter<AnnualDate>
{
    public override AnnualDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && AnnualDateText.TryParse(reader.GetString(), out var date)
            ? date
            : throw new JsonException("Expected a day of the year as MM-dd.");

    public override void Write(Utf8JsonWriter writer, AnnualDate value, JsonSerializerOptions options) =>
        writer.WriteStringValue(AnnualDateText.Format(value));
}
