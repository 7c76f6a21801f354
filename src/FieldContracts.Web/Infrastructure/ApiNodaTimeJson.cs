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
        options.Converters.Add(new PatternJsonConverter<LocalDate>(LocalDatePattern.Iso, "Expected a date as yyyy-MM-dd."));
        options.Converters.Add(new PatternJsonConverter<AnnualDate>(AnnualDatePattern.CreateWithInvariantCulture("MM'-'dd"),
            "Expected a day of the year as MM-dd."));
        options.Converters.Add(new PatternJsonConverter<LocalTime>(LocalTimePattern.CreateWithInvariantCulture("HH':'mm"),
            "Expected a time of day as HH:mm."));
        options.Converters.Add(new PatternJsonConverter<LocalDateTime>(LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm"),
            "Expected a local date and time as yyyy-MM-ddTHH:mm."));
        options.Converters.Add(new ZonedDateTimeJsonConverter());
        return options;
    }
}

/// <summary>
/// A NodaTime value as its pattern writes it; a value that does not parse is refused with <paramref name="expected"/>, a
/// sentence naming the form (the API's problem details quote it).
/// </summary>
public sealed class PatternJsonConverter<T>(IPattern<T> pattern, string expected) : JsonConverter<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var result = reader.TokenType == JsonTokenType.String ? pattern.Parse(reader.GetString()!) : null;
        return result is { Success: true } ? result.Value : throw new JsonException(expected);
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(pattern.Format(value));
}

/// <summary>A <see cref="ZonedDateTime"/> as an RFC 3339 date-time with its offset, e.g. "2003-10-26T07:00:00-05:00".</summary>
public sealed class ZonedDateTimeJsonConverter : JsonConverter<ZonedDateTime>
{
    public override ZonedDateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new JsonException("Zoned date-times are not accepted as input.");

    public override void Write(Utf8JsonWriter writer, ZonedDateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(OffsetDateTimePattern.Rfc3339.Format(value.ToOffsetDateTime()));
}
