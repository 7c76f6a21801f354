using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using FieldContracts.Benchmarks.Persistence;

// dotnet run -c Release --project benchmarks/FieldContracts.Benchmarks -- --filter '*' --job short
var config = DefaultConfig.Instance
    .AddColumn(new SaveCountsColumn(SaveCountsColumn.Kind.Rows))
    .AddColumn(new SaveCountsColumn(SaveCountsColumn.Kind.RowsPerSecond))
    .AddColumn(new SaveCountsColumn(SaveCountsColumn.Kind.Commands));
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
