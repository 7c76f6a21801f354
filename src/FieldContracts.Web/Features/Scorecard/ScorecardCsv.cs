using System.Globalization;
using CsvHelper;
using FieldContracts.Web.Features.Shared;

namespace FieldContracts.Web.Features.Scorecard;

/// <summary>One figure of the scorecard, as a row of its CSV and a cell of its page.</summary>
/// <param name="Measure"><see cref="ScorecardCsv.OnTimePercent"/>, <see cref="ScorecardCsv.Deficiencies"/>, <see cref="ScorecardCsv.MeanDaysToCure"/> or <see cref="ScorecardCsv.NoticesOnTimePercent"/>.</param>
/// <param name="Month">yyyy-MM; "all" for every month; empty for a measure not counted by month.</param>
/// <param name="School">The school's code; "contract" for the contract as a whole; "all" for every school.</param>
/// <param name="Kind">The deficiency kind as the API names it (e.g. MissedWork); empty for the other measures.</param>
/// <param name="Value">The figure: a percentage or a mean to one decimal place, or a count; empty when nothing was counted.</param>
/// <param name="Numerator">On time (percentages) or the days added up (means); empty for counts.</param>
/// <param name="Denominator">Counted (percentages) or cured (means); empty for counts.</param>
public sealed record ScorecardFigure(string Measure, string Month, string School, string Kind, string Value, string Numerator, string Denominator)
{
    /// <summary>What names the figure on the page (its cell's <c>data-figure</c>): measure, month, school and kind.</summary>
    public string Key => ScorecardCsv.Key(Measure, Month, School, Kind);
}

/// <summary>
/// The scorecard as one tidy CSV (RFC 4180, with a header row): a row per figure, the same figures the page shows in
/// its tables, with the counts each percentage and mean is made of.
/// </summary>
public static class ScorecardCsv
{
    public const string OnTimePercent = "on_time_percent";
    public const string Deficiencies = "deficiencies";
    public const string MeanDaysToCure = "mean_days_to_cure";
    public const string NoticesOnTimePercent = "notices_on_time_percent";

    /// <summary>Every month, or every school.</summary>
    public const string All = "all";

    /// <summary>A deficiency of the contract as a whole, at no one school.</summary>
    public const string WholeContract = "contract";

    public static readonly string[] Header = ["measure", "month", "school", "kind", "value", "numerator", "denominator"];

    /// <summary>The download's file name: the contract's number, e.g. 2685-scorecard.csv.</summary>
    public static string FileName(string number) =>
        $"{new string(number.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray())}-scorecard.csv";

    public static string Key(string measure, string month, string school, string kind) => $"{measure}|{month}|{school}|{kind}";

    /// <summary>A school's code in the figures: the code, or <see cref="WholeContract"/> for none.</summary>
    public static string School(string? code) => code ?? WholeContract;

    /// <summary>Every figure of the scorecard, in the order of the page.</summary>
    public static IReadOnlyList<ScorecardFigure> Figures(ScorecardView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var figures = new List<ScorecardFigure>();
        foreach (var month in view.OnTime.Months)
        {
            figures.AddRange(month.Schools.Select(s => Share(OnTimePercent, month.Month, s.School, s.OnTime, s.Counted, s.Percent)));
            figures.Add(Share(OnTimePercent, month.Month, All, month.AllSchools.OnTime, month.AllSchools.Counted, month.AllSchools.Percent));
        }

        figures.AddRange(view.OnTime.BySchool.Select(s => Share(OnTimePercent, All, s.School, s.OnTime, s.Counted, s.Percent)));
        var onTime = view.OnTime.AllSchools;
        figures.Add(Share(OnTimePercent, All, All, onTime.OnTime, onTime.Counted, onTime.Percent));

        foreach (var kind in view.Deficiencies.ByKind)
        {
            figures.AddRange(kind.Schools.Select(s => Count(School(s.School), kind.Kind.ToString(), s.Count)));
            figures.Add(Count(All, kind.Kind.ToString(), kind.AllSchools));
        }

        figures.AddRange(view.Deficiencies.BySchool.Select(s => Count(School(s.School), All, s.Count)));
        figures.Add(Count(All, All, view.Deficiencies.AllSchools));

        figures.AddRange(view.DaysToCure.BySchool.Select(s => Mean(School(s.School), s.TotalDays, s.Cured, s.MeanDays)));
        figures.Add(Mean(All, view.DaysToCure.TotalDays, view.DaysToCure.Cured, view.DaysToCure.MeanDays));

        figures.AddRange(view.Notices.BySchool.Select(s => Share(NoticesOnTimePercent, "", s.School, s.OnTime, s.Counted, s.Percent)));
        var notices = view.Notices.AllSchools;
        figures.Add(Share(NoticesOnTimePercent, "", All, notices.OnTime, notices.Counted, notices.Percent));
        return figures;
    }

    /// <summary>The CSV, UTF-8 without a byte-order mark, lines ending CRLF, fields quoted where RFC 4180 needs it.</summary>
    public static byte[] Write(ScorecardView view)
    {
        var options = SpreadsheetCsv.Options;
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, options, leaveOpen: true))
        {
            csv.WriteHeader(Header);
            foreach (var f in Figures(view))
            {
                csv.WriteRecord([f.Measure, f.Month, f.School, f.Kind, f.Value, f.Numerator, f.Denominator]);
            }
        }

        return stream.ToArray();
    }

    private static ScorecardFigure Share(string measure, string month, string school, int onTime, int counted, decimal? percent) =>
        new(measure, month, school, "", ScorecardView.Figure(percent), Number(onTime), Number(counted));

    private static ScorecardFigure Count(string school, string kind, int count) =>
        new(Deficiencies, "", school, kind, Number(count), "", "");

    private static ScorecardFigure Mean(string school, int totalDays, int cured, decimal? mean) =>
        new(MeanDaysToCure, "", school, "", ScorecardView.Figure(mean), Number(totalDays), Number(cured));

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
