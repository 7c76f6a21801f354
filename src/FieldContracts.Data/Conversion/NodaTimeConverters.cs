using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;
using NodaTime.Text;

namespace FieldContracts.Data.Conversion;

// Value converters that store NodaTime values on SQLite and SQL Server, which know no NodaTime type; on PostgreSQL the
// Npgsql NodaTime plugin maps them natively instead (FieldContractsDbContext.ConfigureConventions).

/// <summary>A <see cref="LocalDate"/> as a date column (SQL Server <c>date</c>, SQLite ISO text).</summary>
public sealed class LocalDateConverter() : ValueConverter<LocalDate, DateOnly>(
    d => d.ToDateOnly(), d => LocalDate.FromDateOnly(d));

/// <summary>
/// An <see cref="Instant"/> as a UTC timestamp: SQL Server <c>datetime2</c>; SQLite sortable text,
/// which it reads back with an unspecified kind.
/// </summary>
public sealed class InstantConverter() : ValueConverter<Instant, DateTime>(
    i => i.ToDateTimeUtc(), d => Instant.FromDateTimeUtc(DateTime.SpecifyKind(d, DateTimeKind.Utc)));

/// <summary>A <see cref="Duration"/> as whole seconds.</summary>
public sealed class DurationSecondsConverter() : ValueConverter<Duration, long>(
    d => (long)d.TotalSeconds, s => Duration.FromSeconds(s));

/// <summary>An <see cref="AnnualDate"/> as "MM-dd" text, on every provider.</summary>
public sealed class AnnualDateConverter() : ValueConverter<AnnualDate, string>(
    d => AnnualDateText.Format(d), s => AnnualDateText.Parse(s));

/// <summary>The one text form of an <see cref="AnnualDate"/> in storage and JSON: "MM-dd".</summary>
public static class AnnualDateText
{
    private static readonly AnnualDatePattern Pattern = AnnualDatePattern.CreateWithInvariantCulture("MM'-'dd");

    public static string Format(AnnualDate date) => Pattern.Format(date);

    public static AnnualDate Parse(string text) => Pattern.Parse(text).Value;

    public static bool TryParse(string? text, out AnnualDate date)
    {
        var result = Pattern.Parse(text ?? "");
        date = result.Success ? result.Value : default;
        return result.Success;
    }
}
