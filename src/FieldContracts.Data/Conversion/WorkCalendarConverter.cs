using System.Text.Json;
using FieldContracts.Scheduling.Contracts;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;

namespace FieldContracts.Data.Conversion;

/// <summary>
/// A contract's work calendar as one JSON column: <c>{"workingDays":["Monday",…],"holidays":[{"date":"2003-11-27","name":"Thanksgiving Day"}]}</c>.
/// </summary>
public sealed class WorkCalendarConverter() : ValueConverter<WorkCalendar, string>(c => Write(c), json => Read(json))
{
    /// <summary>Monday to Saturday without holidays, as the column's default for contracts stored before it existed.</summary>
    public static readonly string MondayToSaturday = Write(WorkCalendar.MondayToSaturday);

    /// <summary>Calendars are immutable values: equal when their days and holidays are.</summary>
    public static ValueComparer<WorkCalendar> Comparer { get; } = new((a, b) => Equals(a, b), c => c.GetHashCode(), c => c);

    public static string Write(WorkCalendar calendar) => JsonSerializer.Serialize(
        new Stored(calendar.WorkingDays.Select(d => d.ToString()).ToList(), calendar.Holidays.Select(h => new StoredHoliday(h.Date, h.Name)).ToList()),
        StoredJson.Options);

    public static WorkCalendar Read(string json)
    {
        var stored = JsonSerializer.Deserialize<Stored>(json, StoredJson.Options) ?? throw new InvalidOperationException("Empty work calendar.");
        return new WorkCalendar(stored.WorkingDays.Select(Enum.Parse<IsoDayOfWeek>), stored.Holidays.Select(h => new Holiday(h.Date, h.Name)));
    }

    private sealed record Stored(List<string> WorkingDays, List<StoredHoliday> Holidays);

    private sealed record StoredHoliday(LocalDate Date, string Name);
}
