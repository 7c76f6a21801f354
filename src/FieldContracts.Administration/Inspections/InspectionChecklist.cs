using FieldContracts.Administration.WorkLogs;
using FieldContracts.Scheduling.Planning;
using FieldContracts.Scheduling.Specification;
using NodaTime;

namespace FieldContracts.Administration.Inspections;

/// <summary>What a line of an inspection checks.</summary>
public enum InspectionCheck
{
    /// <summary>The height of a mowed area, measured in inches, against spec IV for the season.</summary>
    Height,

    /// <summary>Debris and leaves cleared from the school's fields (items 1a and 4c of #2685).</summary>
    Debris,

    /// <summary>A ball diamond's infield groomed (item 1c of #2685).</summary>
    Infield,

    /// <summary>The school's irrigation working (items 2b and 3d of #2685).</summary>
    Irrigation,
}

/// <summary>
/// One line of an inspection's checklist: what is checked, and the words of the specification it is checked against.
/// </summary>
/// <param name="Key">The line's key within the checklist, e.g. <c>height:{area}</c>, <c>debris</c>; part of the key of a deficiency it raises.</param>
/// <param name="Check">What sort of check.</param>
/// <param name="AreaId">The area checked, for heights and infields; null for the school as a whole.</param>
/// <param name="What">What is checked: the area's name for a height or an infield ("Football field"), else the check in words ("Irrigation working").</param>
/// <param name="Clause">The specification the line is checked against, quoted: e.g. "spec IV requires 2–2.5\" off season".</param>
/// <param name="Required">For a height, the spec IV range for the day, in or off season.</param>
public sealed record ChecklistLine(string Key, InspectionCheck Check, Guid? AreaId, string What, string Clause, SeasonalHeight? Required = null);

/// <summary>
/// The checklist of an inspection of one school on one day, made from the contract's specification: a height line for
/// each area its mowing covers (judged by the spec IV rule of <see cref="SpecificationChecks.HeightFor"/>, in or off the
/// area's season that day), a line for debris when it asks for clean-ups, one per ball-diamond infield it asks to groom,
/// and one for irrigation when it asks for irrigation work. Lines quote the bid's own words.
/// </summary>
public static class InspectionChecklist
{
    public static string HeightKey(Guid areaId) => $"height:{areaId:N}";

    public static string InfieldKey(Guid areaId) => $"infield:{areaId:N}";

    public const string DebrisKey = "debris";

    public const string IrrigationKey = "irrigation";

    /// <summary>The checklist for a school whose areas are <paramref name="areas"/>, inspected on <paramref name="on"/>.</summary>
    public static IReadOnlyList<ChecklistLine> For(ContractSpecification specification, IReadOnlyList<AreaInput> areas, LocalDate on)
    {
        ArgumentNullException.ThrowIfNull(specification);
        ArgumentNullException.ThrowIfNull(areas);
        var lines = new List<ChecklistLine>();
        var tasks = specification.Tasks;

        var mowing = tasks.Where(t => t.Kind == TaskKind.Mowing).ToList();
        foreach (var area in areas)
        {
            if (mowing.Any(t => t.Covers(area.Kind)) && SpecificationChecks.HeightFor(area, on) is { } required)
            {
                lines.Add(new ChecklistLine(HeightKey(area.Id), InspectionCheck.Height, area.Id, area.Name,
                    $"spec IV requires {Figures.Inches(required.Range.MinInches, required.Range.MaxInches)} {required.Season}", required));
            }
        }

        var cleanups = tasks.Where(t => t.Kind == TaskKind.Cleanup).ToList();
        if (cleanups.Count > 0)
        {
            lines.Add(new ChecklistLine(DebrisKey, InspectionCheck.Debris, null, "Debris and leaves removed", Quote(cleanups)));
        }

        // Grooming of a ball diamond's infield: the turf baseball infields and the skinned softball ones.
        var grooming = tasks.Where(t => t.Kind == TaskKind.Grooming).ToList();
        foreach (var area in areas.Where(a => a.Kind is Scheduling.Contracts.AreaKind.BaseballInfield or Scheduling.Contracts.AreaKind.SkinnedInfield))
        {
            var covering = grooming.Where(t => t.Covers(area.Kind)).ToList();
            if (covering.Count > 0)
            {
                lines.Add(new ChecklistLine(InfieldKey(area.Id), InspectionCheck.Infield, area.Id, area.Name, Quote(covering)));
            }
        }

        var irrigation = tasks.Where(t => t.Kind == TaskKind.Irrigation).Take(1).ToList();
        if (irrigation.Count > 0)
        {
            lines.Add(new ChecklistLine(IrrigationKey, InspectionCheck.Irrigation, null, "Irrigation working", Quote(irrigation)));
        }

        return lines;
    }

    /// <summary>The tasks' items and words: <c>item 1a: "Clean all fields of winter debris, leaves, etc."</c>.</summary>
    private static string Quote(IEnumerable<TaskDefinition> tasks) =>
        string.Join("; ", tasks.Select(t => $"item {t.ItemReference}: \"{t.BidText}\""));
}
