using System.Globalization;
using CsvHelper;
using FieldContracts.Scheduling.Specification;
using FieldContracts.Web.Features.Shared;
using NodaTime;
using NodaTime.Text;

namespace FieldContracts.Web.Features.Schedule;

/// <summary>One occurrence as the list view shows it and its CSV writes it: the same words in the same columns.</summary>
public sealed record ListRow(
    Guid Id, bool IsChemical, string Day, string School, string Work, string Kind, string Item, string Window, string Status,
    string Notice)
{
    public IReadOnlyList<string> Cells => [Day, School, Work, Kind, Item, Window, Status, IsChemical ? "Yes" : "", Notice];
}

/// <summary>One week of one month at one school, counted by kind, as the term view shows it.</summary>
public sealed record TermCell(int Count, int Done, int Late, int Missed, IReadOnlyList<string> Notices)
{
    public static TermCell Of(IReadOnlyCollection<OccurrenceSummary> occurrences)
    {
        var progress = occurrences.Select(ScheduleProgress.Of).ToList();
        return new TermCell(occurrences.Count, progress.Count(p => p == WorkProgress.Done), progress.Count(p => p == WorkProgress.Late),
            progress.Count(p => p == WorkProgress.Missed),
            occurrences.Where(o => o.IsChemical).Select(o => o.NoticeStatus ?? ScheduleRows.NoApplicationTime)
                .GroupBy(n => n).Select(g => g.Count() == 1 ? g.Key : $"{g.Key} ×{g.Count()}").ToList());
    }
}

public static class ScheduleRows
{
    /// <summary>The list's column headings, which are also the CSV's header row.</summary>
    public static IReadOnlyList<string> ListColumns { get; } =
        ["Day", "School", "Work", "Kind", "Bid item", "Window", "Status", "Chemical", "Chemical notice"];

    /// <summary>The term CSV's header row.</summary>
    public static IReadOnlyList<string> TermColumns { get; } =
        ["School", "Month", "Week", "Kind", "Occurrences", "Done", "Done late", "Missed", "Chemical notices"];

    public const string NoApplicationTime = "no application time yet";

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private static readonly LocalDatePattern DayPattern = LocalDatePattern.Create("ddd, MMM d, uuuu", English);
    private static readonly LocalDatePattern MonthPattern = LocalDatePattern.Create("MMMM uuuu", English);

    public static ListRow Row(OccurrenceSummary o) => new(
        o.Id,
        o.IsChemical,
        o.PlannedDate is { } day ? DayPattern.Format(day) : "Not on a day",
        o.SiteName,
        o.Title,
        Display.Kind(o.Kind),
        o.ItemReference,
        $"{Display.Short(o.WindowStart)} – {Display.Short(o.WindowEnd)}",
        ScheduleProgress.Describe(o),
        o.IsChemical ? o.NoticeStatus ?? NoApplicationTime : "");

    public static string Month(LocalDate first) => MonthPattern.Format(first);

    /// <summary>The weeks (Monday to Sunday) of a month, cut at its first and last day: "May 1–4", "May 5–11", …</summary>
    public static IReadOnlyList<DateInterval> Weeks(LocalDate first)
    {
        var last = first.PlusMonths(1).PlusDays(-1);
        var weeks = new List<DateInterval>();
        for (var start = first; start <= last;)
        {
            var sunday = start.PlusDays(7 - (int)start.DayOfWeek);
            var end = sunday < last ? sunday : last;
            weeks.Add(new DateInterval(start, end));
            start = end.PlusDays(1);
        }

        return weeks;
    }

    public static string Week(DateInterval week) =>
        week.Start == week.End
            ? week.Start.ToString("MMM d", English)
            : $"{week.Start.ToString("MMM d", English)}–{week.End.Day.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The first day of each month the term touches, in order.</summary>
    public static IReadOnlyList<LocalDate> Months(DateInterval term)
    {
        var months = new List<LocalDate>();
        for (var m = new LocalDate(term.Start.Year, term.Start.Month, 1); m <= term.End; m = m.PlusMonths(1))
        {
            months.Add(m);
        }

        return months;
    }

    public static byte[] ListCsv(IEnumerable<ListRow> rows) => Write(ListColumns, rows.Select(r => r.Cells));

    public static byte[] TermCsv(IEnumerable<IReadOnlyList<string>> rows) => Write(TermColumns, rows);

    /// <summary>A download's file name made of safe characters only.</summary>
    public static string FileName(string stem, string number) =>
        $"{stem}-{new string(number.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray())}.csv";

    private static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, SpreadsheetCsv.Options, leaveOpen: true))
        {
            csv.WriteHeader([.. header]);
            foreach (var row in rows)
            {
                foreach (var cell in row)
                {
                    csv.WriteField(cell);
                }

                csv.EndRecord();
            }
        }

        return stream.ToArray();
    }

    public static IReadOnlyList<TaskKind> KindsOf(IEnumerable<OccurrenceSummary> occurrences) =>
        occurrences.Select(o => o.Kind).Distinct().Order().ToList();
}
