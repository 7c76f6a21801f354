using System.Globalization;
using FieldContracts.Scheduling.Contracts;

namespace FieldContracts.Scheduling.Planning;

/// <summary>A cutting height range in inches, both ends inclusive, as in the table of spec IV.</summary>
public readonly record struct CuttingHeight(decimal MinInches, decimal MaxInches)
{
    /// <summary>Baseball infields in season: "1 -1.5 inches".</summary>
    public static readonly CuttingHeight BaseballInfieldInSeason = new(1m, 1.5m);

    /// <summary>Baseball and softball outfields and soccer fields in season: "1.5 - 2 inches".</summary>
    public static readonly CuttingHeight PlayingFieldInSeason = new(1.5m, 2m);

    /// <summary>Every mowed area off season, and non-playing areas always: "2-2.5 inches".</summary>
    public static readonly CuttingHeight OffSeason = new(2m, 2.5m);

    /// <summary>
    /// The spec IV height for an area of <paramref name="kind"/>, in or off its sport season; null for
    /// areas that are not mowed (skinned infields, the track, base and fence lines, throwing circles, courts, planting
    /// and stairs). Shot put and discus sectors and tennis
    /// surrounds are mowed as non-playing areas.
    /// </summary>
    public static CuttingHeight? For(AreaKind kind, bool inSeason) => kind switch
    {
        AreaKind.BaseballInfield => inSeason ? BaseballInfieldInSeason : OffSeason,
        AreaKind.PlayingField => inSeason ? PlayingFieldInSeason : OffSeason,
        AreaKind.NonPlayingArea or AreaKind.ShotPutDiscus or AreaKind.TennisSurrounds => OffSeason,
        _ => null,
    };

    /// <summary>Whether a height in inches lies in the range, both ends inclusive.</summary>
    public bool Contains(decimal inches) => inches >= MinInches && inches <= MaxInches;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{MinInches}–{MaxInches} in");
}

/// <summary>The height one area is to be cut at on a mowing occurrence's planned day.</summary>
/// <param name="AreaId">The area.</param>
/// <param name="Height">The spec IV range for the area's kind, in or off season.</param>
/// <param name="InSeason">Whether one of the area's sports was in season on the planned day.</param>
public readonly record struct AreaCuttingHeight(Guid AreaId, CuttingHeight Height, bool InSeason);
