using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace FieldContracts.Scheduling.Planning;

/// <summary>
/// How the plan writes a day in the reasons it gives, e.g. "Sunday, April 25, 2004". One instance serves one plan:
/// the same day is written once however many occurrences give it as their reason (a holiday at every school).
/// </summary>
internal sealed class Words
{
    private static readonly LocalDatePattern DayPattern = LocalDatePattern.Create("dddd, MMMM d, yyyy", CultureInfo.GetCultureInfo("en-US"));

    private readonly Dictionary<LocalDate, string> _days = [];

    public string Day(LocalDate day)
    {
        if (!_days.TryGetValue(day, out var text))
        {
            text = DayPattern.Format(day);
            _days[day] = text;
        }

        return text;
    }
}
