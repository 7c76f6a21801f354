using FieldContracts.Scheduling.Specification;

namespace FieldContracts.Web.Features.Schedule;

/// <summary>What each task of the specification is called on pages and in calendars.</summary>
public static class TaskTitles
{
    private static readonly Dictionary<string, string> Titles = new(StringComparer.Ordinal)
    {
        [Specification2685.WinterDebris] = "Clean winter debris",
        [Specification2685.SpringTurfRepair] = "Verti-cut and slit-seed worn turf",
        [Specification2685.BaseLinesAndInfields] = "Edge base lines, grade infields, add clay",
        [Specification2685.SkinnedInfieldGrooming] = "Groom skinned softball infields",
        [Specification2685.SpringFertilizer] = "Fertilizer with pre-emergent crabgrass control",
        [Specification2685.IrrigationStartUp] = "Activate, pressurize and test irrigation",
        [Specification2685.SpringDiseaseMonitoring] = "Monitor and treat early turf diseases",
        [Specification2685.Mowing] = "Mowing",
        [Specification2685.Broadleaf] = "Broadleaf weed control",
        [Specification2685.BroadleafRetreatment] = "Broadleaf weed re-treatment",
        [Specification2685.VegetationControl] = "Base lines, fence lines, shot put and discus: post/pre-emergent",
        [Specification2685.VegetationControlRetreatment] = "Base lines, fence lines, shot put and discus: re-treatment",
        [Specification2685.SummerMowing] = "Mowing",
        [Specification2685.IrrigationMonitoring] = "Monitor irrigation, adjust timers",
        [Specification2685.PestMonitoring] = "Monitor and treat diseases and insects",
        [Specification2685.GrubInspection] = "White grub inspection and treatment plan",
        [Specification2685.EarlyFallMowing] = "Mowing",
        [Specification2685.EarlyFallMonitoring] = "Monitor water, disease and insects",
        [Specification2685.LeafRemoval] = "Remove leaf build-up",
        [Specification2685.SlitSeeding] = "Repair and slit-seed after fall sports",
        [Specification2685.FallVegetationControl] = "Re-treat base lines with pre-emergent, fertilize",
        [Specification2685.FallMowing] = "Mowing until dormant",
        [Specification2685.Winterizing] = "Winterize the sprinkler system",
    };

    public static string Of(string taskKey) => Titles.TryGetValue(taskKey, out var title) ? title : taskKey;
}
