using System.Text.Json;
using NodaTime;

namespace FieldContracts.Scheduling.Specification;

/// <summary>
/// The specification of bid #2685, "ATHLETIC FIELDS; MAINTENANCE OF", item by item as "THE FOLLOWING ITEMS ARE TO BE
/// PERFORMED DURING EACH SEASON" lists them, read from the one file of #2685 (<c>contracts/contract-2685.json</c>, its
/// <c>specification</c> member): the demo contract, the tests and the benchmarks all plan by that file. Bid text is
/// quoted with its own spelling; windows are the City's defaults for the bid's month ranges; where the bid names only
/// the kind of product, the product given is a sample (<see cref="Material.IsSampleProduct"/>). The keys below are the
/// file's task and season keys, which occurrence identifiers are made from: they are never renamed.
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

    /// <summary>The last day of mowing in a year whose dormancy date nobody has recorded (item 5a's default).</summary>
    public static readonly AnnualDate DefaultDormancy = new(11, 30);

    /// <summary>The specification, read once from the contract file; it is immutable.</summary>
    public static ContractSpecification Specification { get; } = Load();

    private static ContractSpecification Load()
    {
        using var stream = typeof(Specification2685).Assembly.GetManifestResourceStream("FieldContracts.Scheduling.contract-2685.json")
                           ?? throw new InvalidOperationException("The contract file of bid #2685 is not in the assembly.");
        using var document = JsonDocument.Parse(stream);
        return SpecificationJson.Read(document.RootElement.GetProperty("specification"));
    }
}
