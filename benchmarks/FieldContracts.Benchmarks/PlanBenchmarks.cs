using BenchmarkDotNet.Attributes;
using FieldContracts.Scheduling.Contracts;
using FieldContracts.Scheduling.Planning;
using NodaTime;

namespace FieldContracts.Benchmarks;

/// <summary>
/// Planning 1,000 contracts the size of #2685 (target: under one second on one core), and
/// re-planning one after the Athletic Director changes a sport season.
/// </summary>
[MemoryDiagnoser]
public class PlanBenchmarks
{
    private PlanInput[] _inputs = [];
    private SeasonalPlan _previous = null!;
    private PlanInput _changed = null!;
    private ChangeStamp _stamp = null!;

    [GlobalSetup]
    public void Setup()
    {
        _inputs = Enumerable.Range(1, 1000).Select(n => Contracts2685.Input(n)).ToArray();
        _previous = SeasonalPlanner.Plan(_inputs[0]);
        _changed = Contracts2685.Input(1, new SportSeason("Baseball", new AnnualDate(3, 15), new AnnualDate(7, 31)));
        _stamp = new ChangeStamp("athletic.director", Instant.FromUtc(2003, 6, 2, 14, 30), ReplanCause.SportSeasonChanged,
            "Baseball playoffs");
    }

    [Benchmark]
    public int PlanThousandContracts()
    {
        var occurrences = 0;
        foreach (var input in _inputs)
        {
            occurrences += SeasonalPlanner.Plan(input).Occurrences.Count;
        }

        return occurrences;
    }

    [Benchmark]
    public int ReplanAfterSportSeasonChange() => Replanner.Replan(_previous, _changed, _stamp).Changes.Count;
}
