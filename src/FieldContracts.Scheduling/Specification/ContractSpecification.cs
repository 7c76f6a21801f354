using NodaTime;

namespace FieldContracts.Scheduling.Specification;

/// <summary>
/// A contract's specification as data: its seasons and the tasks listed under them. Tasks keep the
/// bid's order, which is also the order of equal-dated occurrences' labels.
/// </summary>
public sealed class ContractSpecification
{
    private readonly SeasonDefinition[] _seasons;
    private readonly TaskDefinition[] _tasks;
    private readonly Dictionary<string, SeasonDefinition> _seasonsByKey;
    private readonly Dictionary<string, TaskDefinition> _tasksByKey;

    public ContractSpecification(string bidNumber, IEnumerable<SeasonDefinition> seasons, IEnumerable<TaskDefinition> tasks)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bidNumber);
        BidNumber = bidNumber;
        _seasons = seasons.ToArray();
        _tasks = tasks.ToArray();
        _seasonsByKey = new Dictionary<string, SeasonDefinition>(StringComparer.Ordinal);
        foreach (var season in _seasons)
        {
            if (!_seasonsByKey.TryAdd(season.Key, season))
            {
                throw new ArgumentException($"Season key {season.Key} is used twice.", nameof(seasons));
            }
        }

        _tasksByKey = new Dictionary<string, TaskDefinition>(StringComparer.Ordinal);
        foreach (var task in _tasks)
        {
            if (!_tasksByKey.TryAdd(task.Key, task))
            {
                throw new ArgumentException($"Task key {task.Key} is used twice.", nameof(tasks));
            }
        }

        foreach (var task in _tasks)
        {
            Validate(task);
        }
    }

    /// <summary>The bid the specification belongs to, e.g. "2685".</summary>
    public string BidNumber { get; }

    public IReadOnlyList<SeasonDefinition> Seasons => _seasons;

    public IReadOnlyList<TaskDefinition> Tasks => _tasks;

    public SeasonDefinition Season(string key) =>
        _seasonsByKey.TryGetValue(key, out var season) ? season : throw new KeyNotFoundException($"No season {key}.");

    public TaskDefinition Task(string key) =>
        _tasksByKey.TryGetValue(key, out var task) ? task : throw new KeyNotFoundException($"No task {key}.");

    /// <summary>A copy in which season <paramref name="seasonKey"/> has <paramref name="window"/> in that window's year.</summary>
    public ContractSpecification WithSeasonWindow(string seasonKey, DateInterval window)
    {
        var season = Season(seasonKey);
        return new ContractSpecification(BidNumber,
            _seasons.Select(s => ReferenceEquals(s, season) ? s.WithWindow(window) : s), _tasks);
    }

    /// <summary>A copy in which season <paramref name="seasonKey"/> has a new default window.</summary>
    public ContractSpecification WithDefaultSeasonWindow(string seasonKey, AnnualDate start, AnnualDate end)
    {
        var season = Season(seasonKey);
        return new ContractSpecification(BidNumber,
            _seasons.Select(s => ReferenceEquals(s, season) ? s.WithDefaultWindow(start, end) : s), _tasks);
    }

    private void Validate(TaskDefinition task)
    {
        if (!_seasonsByKey.ContainsKey(task.SeasonKey))
        {
            throw new ArgumentException($"Task {task.Key} names an unknown season {task.SeasonKey}.");
        }

        switch (task.Recurrence)
        {
            case Recurrence.FollowUp followUp:
                if (!_tasksByKey.TryGetValue(followUp.AfterTaskKey, out var first)
                    || first.Recurrence is not Recurrence.OncePerSeason)
                {
                    throw new ArgumentException(
                        $"Task {task.Key} follows {followUp.AfterTaskKey}, which is not a once-per-season task.");
                }

                if (followUp.MinDays < 1 || followUp.MaxDays < followUp.MinDays)
                {
                    throw new ArgumentException($"Task {task.Key} has a follow-up interval of {followUp.MinDays}–{followUp.MaxDays} days.");
                }

                break;
            case Recurrence.ContinuesSeries continues:
                if (!_tasksByKey.TryGetValue(continues.SeriesTaskKey, out var series)
                    || series.Recurrence is not Recurrence.MowingCadence)
                {
                    throw new ArgumentException($"Task {task.Key} continues {continues.SeriesTaskKey}, which is not a series.");
                }

                break;
            case Recurrence.EveryDays every:
                if (every.Days < 1)
                {
                    throw new ArgumentException($"Task {task.Key} recurs every {every.Days} days.");
                }

                if (every.ThroughSeasonKey is { } through && !_seasonsByKey.ContainsKey(through))
                {
                    throw new ArgumentException($"Task {task.Key} runs through an unknown season {through}.");
                }

                break;
            case Recurrence.Triggered triggered when triggered.ResponseDays < 1:
                throw new ArgumentException($"Task {task.Key} must respond within at least one day.");
        }
    }
}
