using FieldContracts.Scheduling.Contracts;

namespace FieldContracts.Scheduling.Specification;

/// <summary>Which areas of a school a task covers, by the kind of area.</summary>
public sealed record AreaScope
{
    private readonly int _mask;

    private AreaScope(int mask, IReadOnlyList<AreaKind> kinds)
    {
        _mask = mask;
        Kinds = kinds;
    }

    /// <summary>Every area of the school, whatever its kind (e.g. "Clean all fields of winter debris").</summary>
    public static AreaScope AllAreas { get; } = new(-1, []);

    /// <summary>All turf: the areas that are mowed (e.g. "Apply the following materials to all turf areas").</summary>
    public static AreaScope AllTurf { get; } = Of(
        AreaKind.BaseballInfield, AreaKind.PlayingField, AreaKind.NonPlayingArea, AreaKind.ShotPutDiscus,
        AreaKind.TennisSurrounds);

    /// <summary>Only areas of the kinds given.</summary>
    public static AreaScope Of(params AreaKind[] kinds)
    {
        var mask = 0;
        foreach (var kind in kinds)
        {
            mask |= 1 << (int)kind;
        }

        return new AreaScope(mask, kinds.Distinct().Order().ToArray());
    }

    /// <summary>The kinds covered; empty when the scope is every area.</summary>
    public IReadOnlyList<AreaKind> Kinds { get; }

    public bool IsAllAreas => _mask == -1;

    public bool Includes(AreaKind kind) => (_mask & (1 << (int)kind)) != 0;

    public bool Equals(AreaScope? other) => other is not null && other._mask == _mask;

    public override int GetHashCode() => _mask;
}
