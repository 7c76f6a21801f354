using NodaTime;

namespace FieldContracts.Scheduling.Specification;

/// <summary>
/// A season of the bid's "items to be performed during each season" (early spring, spring, summer,
/// early fall, fall), with its window each year. Both ends of every window are inclusive calendar
/// days. The default window applies in every year that has no override; Purchasing may override the
/// window of any one year without touching the others.
/// </summary>
public sealed record SeasonDefinition
{
    private readonly IReadOnlyDictionary<int, DateInterval> _overrides;

    /// <param name="key">Stable key used by tasks and occurrence identifiers, e.g. "spring".</param>
    /// <param name="name">Name as the bid heads the season, e.g. "Spring".</param>
    /// <param name="itemReference">The bid's item number of the season, e.g. "2".</param>
    /// <param name="bidText">The season's heading quoted from the bid, e.g. "SPRING 2003 and 2004: (END OF APRIL - JUNE)".</param>
    /// <param name="defaultStart">First day of the window in a year without an override (inclusive).</param>
    /// <param name="defaultEnd">Last day of the window in a year without an override (inclusive); not before the start.</param>
    /// <param name="overrides">Windows set for particular years, keyed by year; each must lie within its year.</param>
    public SeasonDefinition(string key, string name, string itemReference, string bidText, AnnualDate defaultStart,
        AnnualDate defaultEnd, IReadOnlyDictionary<int, DateInterval>? overrides = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (defaultEnd.CompareTo(defaultStart) < 0)
        {
            throw new ArgumentException(
                $"Season {key} ends ({defaultEnd}) before it starts ({defaultStart}); a season lies within one year.",
                nameof(defaultEnd));
        }

        if (overrides is not null)
        {
            foreach (var (year, window) in overrides)
            {
                if (window.Start.Year != year || window.End.Year != year)
                {
                    throw new ArgumentException($"The {year} window of season {key} must lie within {year}.", nameof(overrides));
                }
            }
        }

        Key = key;
        Name = name;
        ItemReference = itemReference;
        BidText = bidText;
        DefaultStart = defaultStart;
        DefaultEnd = defaultEnd;
        _overrides = overrides is null ? new Dictionary<int, DateInterval>() : new Dictionary<int, DateInterval>(overrides);
    }

    public string Key { get; }

    public string Name { get; }

    public string ItemReference { get; }

    public string BidText { get; }

    /// <summary>First day of the default window (inclusive).</summary>
    public AnnualDate DefaultStart { get; }

    /// <summary>Last day of the default window (inclusive).</summary>
    public AnnualDate DefaultEnd { get; }

    /// <summary>Windows Purchasing set for particular years, keyed by year.</summary>
    public IReadOnlyDictionary<int, DateInterval> Overrides => _overrides;

    /// <summary>The season's window in <paramref name="year"/>, both ends inclusive.</summary>
    public DateInterval WindowIn(int year) =>
        _overrides.TryGetValue(year, out var window)
            ? window
            : new DateInterval(DefaultStart.InYear(year), DefaultEnd.InYear(year));

    /// <summary>A copy whose window in <paramref name="window"/>'s year is <paramref name="window"/>.</summary>
    public SeasonDefinition WithWindow(DateInterval window)
    {
        ArgumentNullException.ThrowIfNull(window);
        var overrides = new Dictionary<int, DateInterval>(_overrides) { [window.Start.Year] = window };
        return new SeasonDefinition(Key, Name, ItemReference, BidText, DefaultStart, DefaultEnd, overrides);
    }

    /// <summary>A copy with a new default window; overrides for particular years are kept.</summary>
    public SeasonDefinition WithDefaultWindow(AnnualDate start, AnnualDate end) =>
        new(Key, Name, ItemReference, BidText, start, end, _overrides);
}
