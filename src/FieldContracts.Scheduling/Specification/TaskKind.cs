namespace FieldContracts.Scheduling.Specification;

/// <summary>What sort of work a task of the specification is.</summary>
public enum TaskKind
{
    /// <summary>Mowing at the spec IV cutting heights (items 2d, 3c, 4a, 5a).</summary>
    Mowing,

    /// <summary>Fertilizer, with or without a pre-emergent (items 2a, 4e).</summary>
    Fertilization,

    /// <summary>Herbicide application: broadleaf, post- and pre-emergent (items 3a, 3b, 4e).</summary>
    WeedControl,

    /// <summary>An inspection that ends in a written deliverable (item 3e, white grubs).</summary>
    Inspection,

    /// <summary>Irrigation system work: start-up, tests, winterizing (items 2b, 5b).</summary>
    Irrigation,

    /// <summary>Clearing debris and leaves (items 1a, 4c).</summary>
    Cleanup,

    /// <summary>Turf repair: verti-cutting and slit-seeding (items 1b, 4d).</summary>
    TurfRepair,

    /// <summary>Base lines, infield grading and grooming of skinned infields (item 1c).</summary>
    Grooming,

    /// <summary>Watching for water needs, disease and insects, treating as found (items 2c, 3d, 3e, 4b).</summary>
    Monitoring,
}
