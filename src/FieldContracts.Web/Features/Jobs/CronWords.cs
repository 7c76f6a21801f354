using System.Globalization;

namespace FieldContracts.Web.Features.Jobs;

/// <summary>
/// A job's schedule in words, as people read it: "Every day at 02:30 (Hartford time)". The jobs' schedules are five-field
/// cron expressions in Hartford time (<see cref="JobCatalog"/>, <c>Jobs:Cron:&lt;job&gt;</c>); the shapes this application
/// uses, and their near kin, are worded, and any other shape is shown as the expression itself.
/// </summary>
public static class CronWords
{
    private const string Zone = " (Hartford time)";

    private static readonly string[] Days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    public static string Describe(string cron)
    {
        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 5)
        {
            return Raw(cron);
        }

        var (minute, hour, dayOfMonth, month, dayOfWeek) = (fields[0], fields[1], fields[2], fields[3], fields[4]);
        if (dayOfMonth != "*" || month != "*")
        {
            return Raw(cron);
        }

        if (hour == "*" && dayOfWeek == "*")
        {
            if (minute == "*")
            {
                return "Every minute";
            }

            if (minute.StartsWith("*/", StringComparison.Ordinal) && Number(minute[2..], 1, 59) is { } every)
            {
                return every == 1 ? "Every minute" : $"Every {every} minutes";
            }

            if (Number(minute, 0, 59) is { } past)
            {
                return $"Every hour at {past:00} minutes past";
            }

            return Raw(cron);
        }

        if (Number(minute, 0, 59) is not { } m || Number(hour, 0, 23) is not { } h)
        {
            return Raw(cron);
        }

        var at = string.Create(CultureInfo.InvariantCulture, $"{h:00}:{m:00}");
        return dayOfWeek switch
        {
            "*" => $"Every day at {at}{Zone}",
            "1-5" => $"Every weekday (Monday to Friday) at {at}{Zone}",
            _ when Number(dayOfWeek, 0, 7) is { } d => $"Every {Days[d]} at {at}{Zone}",
            _ => Raw(cron),
        };
    }

    private static string Raw(string cron) => $"On the schedule \"{cron}\"{Zone}";

    private static int? Number(string text, int min, int max) =>
        text.Length is > 0 and <= 2 && text.All(char.IsAsciiDigit) && int.Parse(text, CultureInfo.InvariantCulture) is var n && n >= min && n <= max
            ? n
            : null;
}

/// <summary>How the state of a job's run reads.</summary>
public static class JobWords
{
    public static string State(string? state) => state switch
    {
        null or "" => "unknown",
        "Succeeded" => "succeeded",
        "Failed" => "failed",
        "Processing" => "running",
        "Enqueued" => "waiting to run",
        "Scheduled" => "scheduled",
        "Deleted" => "cancelled",
        "Awaiting" => "waiting for another job",
        "Not registered" => "not registered",
        _ => state.ToLowerInvariant(),
    };
}
