using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace FieldContracts.Benchmarks.Persistence;

/// <summary>Rows written per call, rows per second (rows over the mean time of a call), and the commands a call sent.</summary>
internal sealed class SaveCountsColumn(SaveCountsColumn.Kind kind) : IColumn
{
    public enum Kind
    {
        Rows,
        RowsPerSecond,
        Commands,
    }

    public string Id => $"{nameof(SaveCountsColumn)}.{kind}";

    public string ColumnName => kind switch
    {
        Kind.Rows => "Rows",
        Kind.RowsPerSecond => "Rows/s",
        _ => "Commands (load + save)",
    };

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => (int)kind;

    public bool IsNumeric => kind != Kind.Commands;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => kind switch
    {
        Kind.Rows => "Rows inserted per call",
        Kind.RowsPerSecond => "Rows inserted per second (rows per call / mean time per call)",
        _ => "Commands (round trips) per call: queries loading the plan state + commands of SaveChanges",
    };

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var provider = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == nameof(PlanSaveBenchmarks.Provider))?.Value?.ToString();
        if (provider is null || SaveCounts.Read(benchmarkCase.Descriptor.WorkloadMethod.Name, provider) is not { } counts)
        {
            return "-";
        }

        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        return kind switch
        {
            Kind.Rows => counts.Rows.ToString("N0", CultureInfo.InvariantCulture),
            Kind.RowsPerSecond => mean is > 0 ? (counts.Rows / (mean.Value / 1e9)).ToString("N0", CultureInfo.InvariantCulture) : "-",
            _ => string.Create(CultureInfo.InvariantCulture, $"{counts.LoadCommands} + {counts.SaveCommands}"),
        };
    }

    public bool IsAvailable(Summary summary) =>
        summary.BenchmarksCases.Any(c => c.Descriptor.Type == typeof(PlanSaveBenchmarks));

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
