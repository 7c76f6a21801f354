namespace FieldContracts.Administration.Deficiencies;

/// <summary>
/// What makes a finding unique in the register (<see cref="Deficiency.DedupKey"/>): late work is one deficiency
/// whether the visit's check or the nightly pass found it first, and a check that runs again on a corrected visit
/// raises nothing it raised before.
/// </summary>
public static class DeficiencyKeys
{
    public static string Missed(Guid occurrenceId) => $"missed:{occurrenceId:N}";

    public static string Late(Guid occurrenceId) => $"late:{occurrenceId:N}";

    public static string Early(Guid occurrenceId) => $"early:{occurrenceId:N}";

    /// <summary>A deliverable overdue or handed in late: one per deliverable, that is per occurrence it ends.</summary>
    public static string Deliverable(Guid occurrenceId) => $"deliverable:{occurrenceId:N}";

    /// <summary>A line failed at an inspection: one per inspection and line of its checklist (e.g. <c>height:{area}</c>).</summary>
    public static string Inspection(Guid inspectionId, string line) => $"inspection:{inspectionId:N}:{line}";

    /// <summary>A finding of a visit's check: one per visit, kind and area (or the work, when no area).</summary>
    public static string OfVisit(Guid workLogId, DeficiencyKind kind, Guid? areaId, Guid? occurrenceId) => kind switch
    {
        DeficiencyKind.LateWork when occurrenceId is { } id => Late(id),
        DeficiencyKind.EarlyWork when occurrenceId is { } id => Early(id),
        _ => $"visit:{workLogId:N}:{kind}:{(areaId ?? occurrenceId)?.ToString("N") ?? "-"}",
    };

    /// <summary>A required coverage lapsed without replacement: one per contract, line and day it lapsed.</summary>
    public static string InsuranceLapsed(Guid contractId, Insurance.InsuranceLapse lapse) => $"{lapse.Key}:{contractId:N}";
}
