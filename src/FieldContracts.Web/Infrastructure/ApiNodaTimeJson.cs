using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace FieldContracts.Web.Infrastructure;

/// <summary>
/// How the API writes and reads NodaTime values (dates as yyyy-MM-dd, times as HH:mm, ...). The API's own: what the
/// database stores as JSON has its formats in <c>FieldContracts.Data.Conversion.StoredJson</c>, so changing one never
/// changes the other.
/// </summary>
public static class ApiNodaTimeJson
{
    public static JsonSerializerOptions AddConverters(JsonSerializerOptions options)
    {
        options.Converters.Add(new LocalDateJsonConverter());
        options.Converters.Add(new AnnualDateJsonConverter());
        options.Converters.Add(new LocalTimeJsonConverter());
        options.Converters.Add(new LocalDateTimeJsonConverter());
        options.Converters.Add(new ZonedDateTimeJsonConverter());
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
    private static readonly AnnualDatePattern Pattern = AnnualDatePattern.CreateWithInvariantCulture("MM'-'dd");

    public override AnnualDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var result = reader.TokenType == JsonTokenType.String ? Pattern.Parse(reader.GetString()!) : null;
        return result is { Success: true } ? result.Value : throw new JsonException("Expected a day of the year as MM-dd.");
    }

    public override void Write(Utf8JsonWriter writer, AnnualDate value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Pattern.Format(value));
}

/// <summary>A <see cref="LocalTime"/> as "HH:mm".</summary>
public sealed class LocalTimeJsonConverter : JsonConverter<LocalTime>
{
    private static readonly LocalTimePattern Pattern = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");

    public override LocalTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var result = reader.TokenType == JsonTokenType.String ? Pattern.Parse(reader.GetString()!) : null;
        return result is { Success: true } ? result.Value : throw new JsonException("Expected a time of day as HH:mm.");
    }

    public override void Write(Utf8JsonWriter writer, LocalTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Pattern.Format(value));
}

/// <summary>A <see cref="LocalDateTime"/> as "yyyy-MM-ddTHH:mm" (written only).</summary>
public sealed class LocalDateTimeJsonConverter : JsonConverter<LocalDateTime>
{
    private static readonly LocalDateTimePattern Pattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");

    public override LocalDateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var result = reader.TokenType == JsonTokenType.String ? Pattern.Parse(reader.GetString()!) : null;
        return result is { Success: true } ? result.Value : throw new JsonException("Expected a local date and time as yyyy-MM-ddTHH:mm.");
    }

    public override void Write(Utf8JsonWriter writer, LocalDateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Pattern.Format(value));
}

/// <summary>A <see cref="ZonedDateTime"/> as an RFC 3339 date-time with its offset, e.g. "2003-10-26T07:00:00-05:00".</summary>
public sealed class ZonedDateTimeJsonConverter : JsonConverter<ZonedDateTime>
{
    public override ZonedDateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new JsonException("Zoned date-times are not accepted as input.");

    public override void Write(Utf8JsonWriter writer, ZonedDateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(OffsetDateTimePattern.Rfc3339.Format(value.ToOffsetDateTime()));
}
