using System.Globalization;
using System.Text;
using FieldContracts.Web.Features.WorkLogs;
using Microsoft.AspNetCore.Html;
using static System.Net.WebUtility;

namespace FieldContracts.Web.Features.Scorecard;

/// <summary>One bar: what it stands for (a school's code, "All"), its length (null: nothing to draw) and the words at its end.</summary>
public sealed record ChartBar(string Label, decimal? Value, string Text);

/// <summary>Bars that belong together (one month, one kind of deficiency) under an optional heading.</summary>
public sealed record ChartGroup(string? Heading, IReadOnlyList<ChartBar> Bars);

/// <summary>
/// A horizontal bar chart. <paramref name="Ticks"/> are the values marked on the axis, the last of them its end.
/// </summary>
public sealed record BarChart(string Id, string Title, string Description, IReadOnlyList<ChartGroup> Groups, IReadOnlyList<decimal> Ticks,
    Func<decimal, string> TickText, string AxisLabel);

/// <summary>
/// The scorecard's charts as inline SVG, drawn on the server: no script, nothing fetched, the same on a phone as on a
/// desk. Each is an image with its title and a description (role="img"), scaled to its container by its viewBox; the
/// table after it carries the same figures for screen readers and for copying. Bars run across the page, one row per
/// school under a heading per month or kind, so a phone shows them as readably as a wide screen; every bar is named in
/// words beside it, so colour is never the only way to tell them apart.
/// </summary>
public static class ScorecardCharts
{
    // About a phone's width, so the text reads at its size there; wider screens scale it up to the stylesheet's maximum.
    private const int Width = 340;
    private const int LabelWidth = 60;
    private const int ValueWidth = 62;
    private const int PlotLeft = LabelWidth;
    private const int PlotRight = Width - ValueWidth;
    private const int HeadingHeight = 20;
    private const int BarHeight = 14;
    private const int BarPitch = 20;
    private const int GroupGap = 8;
    private const int AxisHeight = 40;

    // Okabe and Ito's colours, told apart by most readers with a colour-vision deficiency; "All" in the page's ink.
    private static readonly string[] Palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"];
    private const string AllColour = "#1d2a33";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Planned work done on time: a heading per month, a bar per school, 0–100 %.</summary>
    public static BarChart OnTime(ScorecardView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new BarChart("chart-on-time", "Planned work done on time, by month and school",
            $"For each month, the share of planned work whose window ended that month (before {Shared.Display.Long(view.AsOf)}) " +
            "that was logged as done within its window, one bar per school. The table below gives the same figures with their counts.",
            view.OnTime.Months.Select(m => new ChartGroup(MonthName(m.Month),
                m.Schools.Select(s => new ChartBar(s.School, s.Percent, s.Percent is null ? "no work due" : Percent(s.Percent))).ToList())).ToList(),
            [0, 25, 50, 75, 100], t => $"{t.ToString("0", Invariant)}%", "Done within its window (%)");
    }

    /// <summary>Deficiencies that stand: a heading per kind, a bar per school (and the contract as a whole), counts.</summary>
    public static BarChart Deficiencies(ScorecardView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var max = view.Deficiencies.ByKind.SelectMany(k => k.Schools).Select(s => s.Count).DefaultIfEmpty(0).Max();
        return new BarChart("chart-deficiencies", "Deficiencies by kind and school",
            "For each kind of deficiency in the register, how many each school has (withdrawn ones are not counted), one bar per school. " +
            "The table below gives the same figures.",
            view.Deficiencies.ByKind.Select(k => new ChartGroup(WorkLogDisplay.Kind(k.Kind),
                k.Schools.Select(s => new ChartBar(BarLabel(s.School), s.Count, s.Count.ToString(Invariant))).ToList())).ToList(),
            CountTicks(max), t => t.ToString("0", Invariant), "Deficiencies");
    }

    /// <summary>The mean days to cure: a bar per school (and the contract as a whole) and one for all.</summary>
    public static BarChart DaysToCure(ScorecardView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var bars = view.DaysToCure.BySchool.Select(s => new ChartBar(BarLabel(s.School), s.MeanDays, Days(s.MeanDays)))
            .Append(new ChartBar("All", view.DaysToCure.MeanDays, Days(view.DaysToCure.MeanDays)))
            .ToList();
        var max = bars.Select(b => b.Value ?? 0).DefaultIfEmpty(0).Max();
        return new BarChart("chart-cure", "Mean days to cure, by school",
            "For each school, the mean number of calendar days from the day a deficiency was found to the day it was verified cured, " +
            "of cured deficiencies only. The table below gives the same figures with their counts.",
            [new ChartGroup(null, bars)], CountTicks(max), t => t.ToString("0", Invariant), "Calendar days, found to cured");
    }

    /// <summary>Chemical notices given on time: a bar per school and one for all, 0–100 %.</summary>
    public static BarChart Notices(ScorecardView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var bars = view.Notices.BySchool.Select(s => new ChartBar(s.School, s.Percent, s.Percent is null ? "none due" : Percent(s.Percent)))
            .Append(new ChartBar("All", view.Notices.AllSchools.Percent,
                view.Notices.AllSchools.Percent is null ? "none due" : Percent(view.Notices.AllSchools.Percent)))
            .ToList();
        return new BarChart("chart-notices", "Chemical notices given on time, by school",
            $"For each school, the share of the chemical applications whose notice was already due on {Shared.Display.Long(view.AsOf)} " +
            "for which a notice naming the day went out in time, one bar per school and one for all. " +
            "The table below gives the same figures with their counts.",
            [new ChartGroup(null, bars)], [0, 25, 50, 75, 100], t => $"{t.ToString("0", Invariant)}%", "Notices given on time (%)");
    }

    /// <summary>The chart as an inline SVG element.</summary>
    public static IHtmlContent Render(BarChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var max = chart.Ticks.Count > 0 ? chart.Ticks[^1] : 1m;
        var plotHeight = chart.Groups.Sum(g => (g.Heading is null ? 0 : HeadingHeight) + g.Bars.Count * BarPitch + GroupGap);
        var height = plotHeight + AxisHeight;
        var colours = new Dictionary<string, string>(StringComparer.Ordinal);
        var svg = new StringBuilder();
        svg.Append(Invariant, $"<svg class=\"chart\" id=\"{chart.Id}\" viewBox=\"0 0 {Width} {height}\" role=\"img\" ")
            .Append(Invariant, $"aria-labelledby=\"{chart.Id}-title {chart.Id}-desc\" preserveAspectRatio=\"xMinYMin meet\" ")
            .Append("xmlns=\"http://www.w3.org/2000/svg\">")
            .Append(Invariant, $"<title id=\"{chart.Id}-title\">{HtmlEncode(chart.Title)}</title>")
            .Append(Invariant, $"<desc id=\"{chart.Id}-desc\">{HtmlEncode(chart.Description)}</desc>");

        // The grid first, so the bars are drawn over it.
        svg.Append("<g class=\"grid\" aria-hidden=\"true\">");
        foreach (var tick in chart.Ticks)
        {
            var x = X(tick, max);
            svg.Append(Invariant, $"<line x1=\"{x}\" y1=\"0\" x2=\"{x}\" y2=\"{plotHeight}\" stroke=\"#d6dde2\" stroke-width=\"1\"/>")
                .Append(Invariant, $"<text x=\"{x}\" y=\"{plotHeight + 14}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#5b6b75\">")
                .Append(HtmlEncode(chart.TickText(tick))).Append("</text>");
        }

        svg.Append(Invariant, $"<text x=\"{(PlotLeft + PlotRight) / 2}\" y=\"{plotHeight + 32}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#1d2a33\">")
            .Append(HtmlEncode(chart.AxisLabel)).Append("</text></g>");

        var y = 0;
        foreach (var group in chart.Groups)
        {
            svg.Append("<g>");
            if (group.Heading is { } heading)
            {
                svg.Append(Invariant, $"<text x=\"0\" y=\"{y + 14}\" font-size=\"13\" font-weight=\"600\" fill=\"#1d2a33\">")
                    .Append(HtmlEncode(heading)).Append("</text>");
                y += HeadingHeight;
            }

            foreach (var bar in group.Bars)
            {
                var colour = bar.Label == "All" ? AllColour
                    : colours.TryGetValue(bar.Label, out var known) ? known
                    : colours[bar.Label] = Palette[colours.Count % Palette.Length];
                var middle = y + BarHeight / 2 + 4;
                svg.Append(Invariant, $"<text x=\"{PlotLeft - 6}\" y=\"{middle}\" text-anchor=\"end\" font-size=\"12\" fill=\"#1d2a33\">")
                    .Append(HtmlEncode(bar.Label)).Append("</text>");
                var end = PlotLeft;
                if (bar.Value is { } value && value > 0)
                {
                    end = X(Math.Min(value, max), max);
                    svg.Append(Invariant, $"<rect x=\"{PlotLeft}\" y=\"{y}\" width=\"{end - PlotLeft}\" height=\"{BarHeight}\" fill=\"{colour}\"/>");
                }

                svg.Append(Invariant, $"<text x=\"{end + 4}\" y=\"{middle}\" font-size=\"12\" fill=\"{(bar.Value is null ? "#5b6b75" : "#1d2a33")}\">")
                    .Append(HtmlEncode(bar.Text)).Append("</text>");
                y += BarPitch;
            }

            y += GroupGap;
            svg.Append("</g>");
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>Ticks for counts: whole numbers, at most six of them, ending at or above <paramref name="max"/>.</summary>
    public static IReadOnlyList<decimal> CountTicks(decimal max)
    {
        if (max <= 5)
        {
            return [0, 1, 2, 3, 4, 5];
        }

        var step = 1m;
        foreach (var candidate in new[] { 1m, 2m, 5m, 10m, 20m, 25m, 50m, 100m, 200m, 250m, 500m, 1000m })
        {
            step = candidate;
            if (Math.Ceiling(max / candidate) <= 5)
            {
                break;
            }
        }

        var count = (int)Math.Ceiling(max / step);
        return Enumerable.Range(0, count + 1).Select(i => i * step).ToList();
    }

    /// <summary>"Jun 2003" for "2003-06".</summary>
    public static string MonthName(string month) =>
        DateTime.ParseExact(month, "yyyy-MM", Invariant).ToString("MMM yyyy", CultureInfo.GetCultureInfo("en-US"));

    /// <summary>What a bar of the deficiency figures is called: the school's code, or "Contract" for the contract as a whole.</summary>
    public static string BarLabel(string? school) => school ?? "Contract";

    public static string Percent(decimal? percent) => percent is null ? "—" : ScorecardView.Figure(percent) + "%";

    public static string Days(decimal? days) => days is null ? "none cured" : ScorecardView.Figure(days) + " days";

    private static int X(decimal value, decimal max) =>
        PlotLeft + (int)Math.Round(value / (max == 0 ? 1 : max) * (PlotRight - PlotLeft), MidpointRounding.AwayFromZero);
}
