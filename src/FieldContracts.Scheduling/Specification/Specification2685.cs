using FieldContracts.Scheduling.Contracts;
using NodaTime;

namespace FieldContracts.Scheduling.Specification;

/// <summary>
/// The specification of bid #2685, "ATHLETIC FIELDS; MAINTENANCE OF", item by item as "THE FOLLOWING
/// ITEMS ARE TO BE PERFORMED DURING EACH SEASON" lists them. Bid text is quoted with its own
/// spelling. Windows are the City's defaults for the bid's month ranges; Purchasing may edit them.
/// Where the bid names only the kind of product, the product given is a sample
/// (<see cref="Material.IsSampleProduct"/>).
/// </summary>
public static class Specification2685
{
    public const string EarlySpring = "earlyspring";
    public const string Spring = "spring";
    public const string Summer = "summer";
    public const string EarlyFall = "earlyfall";
    public const string Fall = "fall";

    public const string WinterDebris = "earlyspring.winter-debris";
    public const string SpringTurfRepair = "earlyspring.turf-repair";
    public const string BaseLinesAndInfields = "earlyspring.base-lines";
    public const string SkinnedInfieldGrooming = "earlyspring.skinned-infield-grooming";
    public const string SpringFertilizer = "spring.fertilizer";
    public const string IrrigationStartUp = "spring.irrigation";
    public const string SpringDiseaseMonitoring = "spring.disease-monitoring";
    public const string Mowing = "spring.mowing";
    public const string Broadleaf = "summer.broadleaf";
    public const string BroadleafRetreatment = "summer.broadleaf.retreat";
    public const string VegetationControl = "summer.vegetation-control";
    public const string VegetationControlRetreatment = "summer.vegetation-control.retreat";
    public const string SummerMowing = "summer.mowing";
    public const string IrrigationMonitoring = "summer.irrigation-monitoring";
    public const string PestMonitoring = "summer.pest-monitoring";
    public const string GrubInspection = "summer.grub-inspection";
    public const string EarlyFallMowing = "earlyfall.mowing";
    public const string EarlyFallMonitoring = "earlyfall.monitoring";
    public const string LeafRemoval = "earlyfall.leaf-removal";
    public const string SlitSeeding = "earlyfall.slit-seeding";
    public const string FallVegetationControl = "earlyfall.vegetation-control";
    public const string FallMowing = "fall.mowing";
    public const string Winterizing = "fall.winterize-irrigation";

    /// <summary>The last day of mowing in a year whose dormancy date nobody has recorded.</summary>
    public static readonly AnnualDate DefaultDormancy = new(11, 30);

    private static readonly AreaScope BaseLinesAndVegetationProneAreas = AreaScope.Of(
        AreaKind.BaseballInfield, AreaKind.SkinnedInfield, AreaKind.ShotPutDiscus, AreaKind.Track);

    private static readonly Material RoundupSurflan = Material.Chemical(
        "Roundup/Surflan mixture (post- and pre-emergent)", "per label", "glyphosate", "oryzalin");

    private static readonly Material BalancedFertilizer = Material.NonChemical("Balanced fertilizer", "1 lb N per 1,000 sq ft");

    /// <summary>The specification, built once; it is immutable.</summary>
    public static ContractSpecification Specification { get; } = Build();

    private static ContractSpecification Build()
    {
        SeasonDefinition[] seasons =
        [
            new(EarlySpring, "Early spring", "1", "EARLY SPRING 2003 and 2004: (LATE MARCH - APRIL)",
                new AnnualDate(3, 20), new AnnualDate(4, 30)),
            new(Spring, "Spring", "2", "SPRING 2003 and 2004: (END OF APRIL - JUNE)",
                new AnnualDate(4, 25), new AnnualDate(6, 30)),
            new(Summer, "Summer", "3", "SUMMER 2003 and 2004: (JULY - AUGUST)",
                new AnnualDate(7, 1), new AnnualDate(8, 31)),
            new(EarlyFall, "Early fall", "4", "EARLY FALL 2003 and 2004: (SEPTEMBER - OCTOBER)",
                new AnnualDate(9, 1), new AnnualDate(10, 31)),
            new(Fall, "Fall", "5", "FALL 2003 and 2004: (NOVEMBER - DECEMBER)",
                new AnnualDate(11, 1), new AnnualDate(12, 31)),
        ];

        TaskDefinition[] tasks =
        [
            new(WinterDebris, "1a", "Clean all fields of winter debris, leaves, etc.",
                EarlySpring, TaskKind.Cleanup, AreaScope.AllAreas, [], new Recurrence.OncePerSeason()),
            new(SpringTurfRepair, "1b",
                "Repair damaged barren or worn areas of turf by verti-cutting and seeding with a Jacobson slit-seeder or similar machine.",
                EarlySpring, TaskKind.TurfRepair, AreaScope.AllTurf, [Material.NonChemical("Grass seed", "as needed")],
                new Recurrence.OncePerSeason()),
            new(BaseLinesAndInfields, "1c",
                "Cut edges of baseball and softball field base lines and grade infields. Add clay to bring elevation up to level of adjacent field.",
                EarlySpring, TaskKind.Grooming, AreaScope.Of(AreaKind.BaseballInfield, AreaKind.SkinnedInfield),
                [Material.NonChemical("Infield clay", "to the level of the adjacent field")], new Recurrence.OncePerSeason()),
            new(SkinnedInfieldGrooming, "1c",
                "Groom and maintain throughout the season, including the skinned infield on all softball diamonds every other week.",
                EarlySpring, TaskKind.Grooming, AreaScope.Of(AreaKind.SkinnedInfield), [],
                new Recurrence.EveryDays(14, EarlyFall)),
            new(SpringFertilizer, "2a",
                "Apply the following materials to all turf areas: Balanced fertilizer at 1-lb N/per 1,000 sq. ft.) Pre-emergent Crabgrass Control: (Use siduron on newly seeded areas).",
                Spring, TaskKind.Fertilization, AreaScope.AllTurf,
                [
                    BalancedFertilizer,
                    Material.SampleChemical("Pre-emergent crabgrass control (sample: Barricade)", "established turf, per label", "prodiamine"),
                    Material.Chemical("Siduron (e.g. Tupersan)", "newly seeded areas, per label", "siduron"),
                ],
                new Recurrence.OncePerSeason()),
            new(IrrigationStartUp, "2b",
                "Activate, pressurize and test irrigation system. Report any problems to the head of school maintenance or Director of Athletics.",
                Spring, TaskKind.Irrigation, AreaScope.AllAreas, [], new Recurrence.OncePerSeason()),
            new(SpringDiseaseMonitoring, "2c",
                "Monitor fields for Early spring turf diseases and treat accordingly. Grass should not be allowed to exceed 4 inches in height.",
                Spring, TaskKind.Monitoring, AreaScope.AllTurf, [], new Recurrence.EveryDays(14)),
            new(Mowing, "2d",
                "Begin mowing as soon as grass begins growing, maintain height in accordance with specifications.",
                Spring, TaskKind.Mowing, AreaScope.AllTurf, [], new Recurrence.MowingCadence(DefaultDormancy)),
            new(Broadleaf, "3a",
                "July 15th (approx.) apply second materials application: Broadleaf weed control. Treat entire areas or spot treat.",
                Summer, TaskKind.WeedControl, AreaScope.AllTurf,
                [Material.SampleChemical("Broadleaf herbicide (sample: Trimec Classic)", "entire areas or spot treatment, per label",
                    "2,4-D", "mecoprop-p (MCPP)", "dicamba")],
                new Recurrence.OncePerSeason(new AnnualWindow(new AnnualDate(7, 10), new AnnualDate(7, 20)), new AnnualDate(7, 15))),
            new(BroadleafRetreatment, "3a", "Re-treat persistent weeds 2-3 weeks after initial treatment.",
                Summer, TaskKind.WeedControl, AreaScope.AllTurf,
                [Material.SampleChemical("Broadleaf herbicide (sample: Trimec Classic)", "spot treatment of persistent weeds, per label",
                    "2,4-D", "mecoprop-p (MCPP)", "dicamba")],
                new Recurrence.FollowUp(Broadleaf, 14, 21)),
            new(VegetationControl, "3b",
                "Treat base lines, skinned infield fence lines, shot put and discuss areas, and any other areas prone to unwanted vegetation with post and pre-emergent control such as a Roundup/suflan mixture, re-treat.",
                Summer, TaskKind.WeedControl, BaseLinesAndVegetationProneAreas, [RoundupSurflan],
                new Recurrence.OncePerSeason()),
            // The bid says only "re-treat"; two to four weeks is the City's default interval.
            new(VegetationControlRetreatment, "3b", "re-treat.",
                Summer, TaskKind.WeedControl, BaseLinesAndVegetationProneAreas, [RoundupSurflan],
                new Recurrence.FollowUp(VegetationControl, 14, 28)),
            new(SummerMowing, "3c", "Continue mowing practices and adjust height of cut due to weather conditions or fields usage.",
                Summer, TaskKind.Mowing, AreaScope.AllTurf, [], new Recurrence.ContinuesSeries(Mowing)),
            new(IrrigationMonitoring, "3d",
                "Monitor fields on a regular basis for water requirements. Irrigate as needed, monitor and adjust irrigation timer.",
                Summer, TaskKind.Monitoring, AreaScope.AllTurf, [], new Recurrence.EveryDays(14)),
            new(PestMonitoring, "3e",
                "Monitor fields for diseases and insect activity, make positive identification and treat with proper Insecticide/Fungicide.",
                Summer, TaskKind.Monitoring, AreaScope.AllTurf, [], new Recurrence.EveryDays(14)),
            new(GrubInspection, "3e",
                "In mid to late August, inspect all areas for White Beetle Grub population densities and present a treatment plan.",
                Summer, TaskKind.Inspection, AreaScope.AllTurf, [],
                new Recurrence.OncePerSeason(new AnnualWindow(new AnnualDate(8, 15), new AnnualDate(8, 31))),
                Deliverable: "White grub treatment plan"),
            new(EarlyFallMowing, "4a", "Continue mowing practices and adjust heights for weather conditions and usage.",
                EarlyFall, TaskKind.Mowing, AreaScope.AllTurf, [], new Recurrence.ContinuesSeries(Mowing)),
            new(EarlyFallMonitoring, "4b", "Monitor fields for water requirements, turf disease and insect activity and treat accordingly.",
                EarlyFall, TaskKind.Monitoring, AreaScope.AllTurf, [], new Recurrence.EveryDays(14)),
            new(LeafRemoval, "4c", "Remove leaf buildup from all areas.",
                EarlyFall, TaskKind.Cleanup, AreaScope.AllAreas, [], new Recurrence.OncePerSeason(Preferred: new AnnualDate(10, 15))),
            new(SlitSeeding, "4d",
                "Repair damaged, barren or worn areas and seeding with a Jacobson slit-seeder or similar machine. This should be done immediately upon the conclusion of fall sports programs.",
                EarlyFall, TaskKind.TurfRepair, AreaScope.AllTurf, [Material.NonChemical("Grass seed", "as needed")],
                new Recurrence.Triggered(TriggerEvent.EndOfFallSports, 7)),
            new(FallVegetationControl, "4e",
                "Reat base lines, skinned infield fence lines, shot put and pre-emergent control such as a Roundup/surflan mixture. (Retreatment from summer) and fertilize.",
                EarlyFall, TaskKind.WeedControl, AreaScope.AllAreas, [RoundupSurflan, BalancedFertilizer],
                new Recurrence.OncePerSeason()),
            new(FallMowing, "5a", "Continue mowing grass until it goes dormant.",
                Fall, TaskKind.Mowing, AreaScope.AllTurf, [], new Recurrence.ContinuesSeries(Mowing)),
            new(Winterizing, "5b", "Winterize Sprinkler system.",
                Fall, TaskKind.Irrigation, AreaScope.AllAreas, [], new Recurrence.OncePerSeason()),
        ];

        return new ContractSpecification("2685", seasons, tasks);
    }
}
