using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using FieldContracts.Benchmarks.Persistence;

// How to run each benchmark, and what the plan-save ones need: benchmarks/README.md
var config = DefaultConfig.Instance
    .AddColumn(new SaveCountsColumn(SaveCountsColumn.Kind.Rows))
    .AddColumn(new SaveCountsColumn(SaveCountsColumn.Kind.RowsPerSecond))
    .AddColumn(new SaveCountsColumn(SaveCountsColumn.Kind.Commands));
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
