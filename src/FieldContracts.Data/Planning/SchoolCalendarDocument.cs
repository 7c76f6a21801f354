using System.Text.Json;
using FieldContracts.Scheduling.Planning;
using NodaTime;
using NodaTime.Text;

namespace FieldContracts.Data.Planning;

/// <summary>
/// A school calendar as stored and as the API and forms exchange it: local times as "HH:mm", local
/// date-times as "yyyy-MM-ddTHH:mm", dates as "yyyy-MM-dd".
/// </summary>
public sealed record SchoolCalendarDocument(
    IReadOnlyDictionary<string, HoursDocument> Hours,
    IReadOnlyList<SessionDocument> Sessions,
    IReadOnlyList<string> Closures,
    IReadOnlyList<ActivityDocument> Activities)
{
    private static readonly JsonSerializerOptions Options = Conversion.StoredJson.Options;
    private static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");
    private static readonly LocalDateTimePattern DateTime = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");

    public static SchoolCalendarDocument Empty { get; } = new(new Dictionary<string, HoursDocument>(), [], [], []);

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    public static SchoolCalendarDocument Parse(string json) =>
        JsonSerializer.Deserialize<SchoolCalendarDocument>(json, Options) ?? Empty;

    /// <summary>The planner's calendar, or the problems found, each at its path.</summary>
    public (SchoolCalendar? Calendar, Dictionary<string, string[]> Errors) ToCalendar()
    {
        var errors = new Dictionary<string, string[]>();
        var hours = new Dictionary<IsoDayOfWeek, SchoolDayHours>();
        foreach (var (day, h) in Hours ?? new Dictionary<string, HoursDocument>())
        {
            if (!Enum.TryParse<IsoDayOfWeek>(day, ignoreCase: true, out var dayOfWeek) || dayOfWeek == IsoDayOfWeek.None)
            {
                errors[$"hours.{day}"] = ["Use a day name, e.g. Monday."];
                continue;
            }

            var opens = Time.Parse(h.Opens ?? "");
            var closes = Time.Parse(h.Closes ?? "");
            if (!opens.Success || !closes.Success)
            {
                errors[$"hours.{day}"] = ["Give opening and closing times as HH:mm."];
            }
            else if (closes.Value <= opens.Value)
            {
                errors[$"hours.{day}"] = ["School must close after it opens."];
            }
            else
            {
                hours[dayOfWeek] = new SchoolDayHours(opens.Value, closes.Value);
            }
        }

        var sessions = new List<DateInterval>();
        for (var i = 0; i < (Sessions?.Count ?? 0); i++)
        {
            var start = LocalDatePattern.Iso.Parse(Sessions![i].Start ?? "");
            var end = LocalDatePattern.Iso.Parse(Sessions[i].End ?? "");
            if (!start.Success || !end.Success || end.Value < start.Value)
            {
                errors[$"sessions[{i}]"] = ["Give the session's first and last day (yyyy-MM-dd), the last not before the first."];
            }
            else
            {
                sessions.Add(new DateInterval(start.Value, end.Value));
            }
        }

        var closures = new List<LocalDate>();
        for (var i = 0; i < (Closures?.Count ?? 0); i++)
        {
            var day = LocalDatePattern.Iso.Parse(Closures![i] ?? "");
            if (day.Success)
            {
                closures.Add(day.Value);
            }
            else
            {
                errors[$"closures[{i}]"] = ["Give the day as yyyy-MM-dd."];
            }
        }

        var activities = new List<ScheduledActivity>();
        for (var i = 0; i < (Activities?.Count ?? 0); i++)
        {
            var a = Activities![i];
            var start = DateTime.Parse(a.Start ?? "");
            var end = DateTime.Parse(a.End ?? "");
            if (string.IsNullOrWhiteSpace(a.Name) || a.Name.Length > 200)
            {
                errors[$"activities[{i}].name"] = ["Name the activity (at most 200 characters)."];
            }
            else if (!start.Success || !end.Success || end.Value <= start.Value)
            {
                errors[$"activities[{i}]"] = ["Give start and end as yyyy-MM-ddTHH:mm, the end after the start."];
            }
            else
            {
                activities.Add(new ScheduledActivity(a.Name.Trim(), start.Value, end.Value));
            }
        }

        return errors.Count > 0 ? (null, errors) : (new SchoolCalendar(hours, sessions, closures, activities), errors);
    }

    public static string FormatTime(LocalTime time) => Time.Format(time);

    public static string FormatDateTime(LocalDateTime value) => DateTime.Format(value);
}

public sealed record HoursDocument(string? Opens, string? Closes);

public sealed record SessionDocument(string? Start, string? End);

public sealed record ActivityDocument(string? Name, string? Start, string? End);
