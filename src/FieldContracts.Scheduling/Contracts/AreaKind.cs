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

    /// <summary>Shot put and discus landing sectors: turf, mowed as a non-playing area (the throwing circles are <see cref="ThrowingCircle"/>).</summary>
    ShotPutDiscus,

    /// <summary>Tennis courts: the grass between the court fence and the slope, mowed as a non-playing area.</summary>
    TennisSurrounds,

    /// <summary>Base lines of a baseball or softball diamond: edged (1c) and kept free of vegetation (3b, 4e); never mowed.</summary>
    BaseLines,

    /// <summary>A skinned infield's fence line: kept free of vegetation (3b, 4e); never mowed.</summary>
    FenceLine,

    /// <summary>Shot put and discus throwing circles and pads: kept free of vegetation (3b, 4e); never mowed.</summary>
    ThrowingCircle,

    /// <summary>Tennis courts, the area inside the fence: hard surface, cleaned; never mowed.</summary>
    TennisCourt,

    /// <summary>A slope with planting (e.g. from a tennis court fence to the lower fields): cleaned; never mowed.</summary>
    PlantingBed,

    /// <summary>Stairs on a slope: cleaned; never mowed.</summary>
    Stairs,
}
