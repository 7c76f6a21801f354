namespace FieldContracts.Scheduling.Specification;

/// <summary>
/// A material a task applies, with its rate. A chemical material is a pesticide (herbicide,
/// insecticide, fungicide): its application needs pre-notification of the school (spec VII) and a
/// licensed applicator (spec V). Fertilizer alone is not chemical in that sense.
/// </summary>
/// <param name="Name">The material as the bid names it, e.g. "Roundup/Surflan mixture".</param>
/// <param name="Rate">The rate or where it goes, e.g. "1 lb N per 1,000 sq ft"; empty when the bid sets none.</param>
/// <param name="IsChemical">Whether the material is a pesticide needing pre-notification.</param>
/// <param name="ActiveIngredients">Active ingredients a pre-notification must name; empty for non-chemicals.</param>
/// <param name="IsSampleProduct">
/// True when the bid names only the kind of material and the product and ingredients here are an
/// illustrative sample, to be replaced by what the contractor actually uses.
/// </param>
/// <param name="ReEntryHours">The label's re-entry interval in hours, when it asks for more than the contract's buffer.</param>
/// <param name="SeedingIntervalDays">
/// For a pre-emergent, the label's interval in days between seeding and the application, either way round: the
/// product does not go on an area seeded or to be seeded that close to it. Null for a material without one.
/// </param>
/// <param name="SafeOnNewSeeding">
/// A pre-emergent that may go on newly seeded areas, such as siduron ("Use siduron on newly seeded areas", item 2a).
/// </param>
public sealed record Material(
    string Name,
    string Rate,
    bool IsChemical,
    IReadOnlyList<string> ActiveIngredients,
    bool IsSampleProduct = false,
    int? ReEntryHours = null,
    int? SeedingIntervalDays = null,
    bool SafeOnNewSeeding = false)
{
    /// <summary>A material that is not a pesticide, such as fertilizer, seed or clay.</summary>
    public static Material NonChemical(string name, string rate = "") => new(name, rate, false, []);

    /// <summary>A pesticide with the active ingredients a pre-notification names.</summary>
    public static Material Chemical(string name, string rate, params string[] activeIngredients) =>
        new(name, rate, true, activeIngredients);

    /// <summary>A pesticide whose product the bid leaves open; the product named is a sample.</summary>
    public static Material SampleChemical(string name, string rate, params string[] activeIngredients) =>
        new(name, rate, true, activeIngredients, IsSampleProduct: true);

    public override string ToString() => Rate.Length == 0 ? Name : $"{Name}, {Rate}";
}
