using System.Text.Json;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using NodaTime.Text;

namespace FieldContracts.Web.Infrastructure;

/// <summary>
/// How the API writes and reads NodaTime values: NodaTime.Serialization.SystemTextJson's converters, with our patterns
/// where the form the API documents is not the library's. Dates are yyyy-MM-dd, days of the year MM-dd and instants
/// ISO UTC (yyyy-MM-ddTHH:mm:ssZ), as the library has them; times of day are HH:mm, local date-times
/// yyyy-MM-ddTHH:mm, zoned date-times RFC 3339 with their offset. The API's own: what the database stores as JSON has
/// its formats in <c>FieldContracts.Data.Conversion.StoredJson</c>, so changing one never changes the other.
/// </summary>
public static class ApiNodaTimeJson
{
    /// <summary>
    /// A zoned date-time as RFC 3339 with its offset, e.g. "2003-10-26T07:00:00-05:00". Without a zone provider the
    /// pattern only formats, so a zoned date-time is written but never read: requests give local times in Hartford.
    /// </summary>
    private static readonly ZonedDateTimePattern Rfc3339WithOffset =
        ZonedDateTimePattern.CreateWithInvariantCulture(OffsetDateTimePattern.Rfc3339.PatternText, zoneProvider: null);

    /// <summary>What a request is told when a value of the type is not in its form (the API's problem details quote it).</summary>
    private static readonly Dictionary<Type, string> ExpectedForms = new()
    {
        [typeof(LocalDate)] = "Expected a date as yyyy-MM-dd.",
        [typeof(AnnualDate)] = "Expected a day of the year as MM-dd.",
        [typeof(LocalTime)] = "Expected a time of day as HH:mm.",
        [typeof(LocalDateTime)] = "Expected a local date and time as yyyy-MM-ddTHH:mm.",
        [typeof(ZonedDateTime)] = "Zoned date-times are not accepted as input.",
    };

    public static JsonSerializerOptions AddConverters(JsonSerializerOptions options) =>
        options.ConfigureForNodaTime(new NodaJsonSettings(DateTimeZoneProviders.Tzdb)
        {
            LocalTimeConverter = new NodaPatternConverter<LocalTime>(LocalTimePattern.CreateWithInvariantCulture("HH':'mm")),
            LocalDateTimeConverter = new NodaPatternConverter<LocalDateTime>(LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm")),
            ZonedDateTimeConverter = new NodaPatternConverter<ZonedDateTime>(Rfc3339WithOffset),
        });

    /// <summary>The sentence naming the form a value of <paramref name="type"/> takes, or null when it has none of ours.</summary>
    public static string? ExpectedForm(Type type) => ExpectedForms.GetValueOrDefault(Nullable.GetUnderlyingType(type) ?? type);
}
