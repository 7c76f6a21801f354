using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace FieldContracts.Benchmarks.Calendar;

/// <summary>Events rendered per second: the events in one call over the mean time of a call.</summary>
internal sealed class EventsPerSecondColumn(int eventsPerCall) : IColumn
{
    public string Id => nameof(EventsPerSecondColumn);

    public string ColumnName => "Events/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Events rendered per second (events per call / mean time per call)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        return mean is > 0 ? (eventsPerCall / (mean.Value / 1e9)).ToString("N0", CultureInfo.InvariantCulture) : "-";
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}

/// <summary>
/// Size of the rendered feed, for comparison with the Allocated column. Benchmarks run in a child process,
/// so the size is handed over in a file the setup writes.
/// </summary>
internal sealed class OutputBytesColumn : IColumn
{
    public static readonly string FilePath = Path.Combine(Path.GetTempPath(), "fieldcontracts-calendar-benchmark-output-bytes.txt");

    public string Id => nameof(OutputBytesColumn);

    public string ColumnName => "Output";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 1;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Size;

    public string Legend => "Octets of iCalendar output per call";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        File.Exists(FilePath) ? $"{long.Parse(File.ReadAllText(FilePath), CultureInfo.InvariantCulture) / 1024.0:N1} KB" : "-";

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
