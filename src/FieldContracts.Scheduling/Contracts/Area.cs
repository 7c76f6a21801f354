namespace FieldContracts.Scheduling.Contracts;

/// <summary>An area of a school's athletic fields, as the bid's general requirements I–III list them.</summary>
public sealed class Area
{
    private readonly List<SportSeason> _seasons = [];

    private Area()
    {
        Name = "";
    }

    internal Area(Guid id, Guid siteId, string name, AreaKind kind, IEnumerable<SportSeason> seasons)
    {
        Id = id;
        SiteId = siteId;
        Name = name;
        Kind = kind;
        _seasons.AddRange(seasons);
    }

    public Guid Id { get; private set; }

    public Guid SiteId { get; private set; }

    public string Name { get; private set; }

    public AreaKind Kind { get; private set; }

    /// <summary>The sport seasons during which the area counts as "in season" for mowing heights.</summary>
    public IReadOnlyList<SportSeason> Seasons => _seasons;

    /// <summary>Whether any of the area's sports is in season on <paramref name="date"/>.</summary>
    public bool IsInSeason(NodaTime.LocalDate date) => _seasons.Any(s => s.Contains(date));

    /// <summary>Replaces the area's sport seasons (the Athletic Director's decision).</summary>
    public void SetSeasons(IEnumerable<SportSeason> seasons)
    {
        _seasons.Clear();
        _seasons.AddRange(seasons);
    }
}
