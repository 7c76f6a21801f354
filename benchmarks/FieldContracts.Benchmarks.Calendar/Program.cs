using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using FieldContracts.Benchmarks.Calendar;

// dotnet run -c Release --project benchmarks/FieldContracts.Benchmarks.Calendar -- --job short
var config = DefaultConfig.Instance
    .AddColumn(new EventsPerSecondColumn(RenderCalendar.EventCount))
    .AddColumn(new OutputBytesColumn());
BenchmarkSwitcher.FromAssembly(typeof(RenderCalendar).Assembly).Run(args, config);
