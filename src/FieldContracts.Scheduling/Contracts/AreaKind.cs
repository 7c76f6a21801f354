namespace FieldContracts.Scheduling.Contracts;

/// <summary>
/// What an area of an athletic field is, as far as the specification treats it differently.
/// Mowing heights follow spec IV: infields, outfields and soccer fields, and non-playing areas.
/// </summary>
public enum AreaKind
{
    /// <summary>Turf baseball infield: 1–1.5" in season, 2–2.5" off season (spec IV).</summary>
    BaseballInfield,

    /// <summary>
    /// Baseball and softball outfields and soccer fields, including the combination
    /// soccer/football and practice fields: 1.5–2" in season, 2–2.5" off season (spec IV).
    /// </summary>
    PlayingField,

    /// <summary>Turf outside the playing surfaces, slopes and surrounds: 2–2.5" always (spec IV).</summary>
    NonPlayingArea,

    /// <summary>Skinned (clay) softball infield: groomed every other week, never mowed (spec 1c).</summary>
    SkinnedInfield,

    /// <summary>Running track and its infield edges.</summary>
    Track,

    /// <summary>Shot put and discus areas: treated for unwanted vegetation (spec 3b, 4e).</summary>
    ShotPutDiscus,

    /// <summary>Tennis court surrounds: slope with planting, grass between fence and slope, slope stairs.</summary>
    TennisSurrounds,
}
