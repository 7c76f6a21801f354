using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.WorkLogs;

namespace FieldContracts.Web.Features.WorkLogs;

/// <summary>How the checks and review steps read on the pages.</summary>
public static class WorkLogDisplay
{
    public static string Kind(DeficiencyKind kind) => kind switch
    {
        DeficiencyKind.HeightOutOfRange => "Height of cut out of range",
        DeficiencyKind.MoreThanOneThirdRemoved => "More than 1/3 of the blade removed",
        DeficiencyKind.GrassOver4Inches => "Grass over 4 inches",
        DeficiencyKind.LateWork => "Done after its window",
        DeficiencyKind.EarlyWork => "Done before its window",
        DeficiencyKind.MissedWork => "Missed: nothing logged in its window",
        DeficiencyKind.Complaint => "Complaint",
        DeficiencyKind.InspectionFailure => "Failed at an inspection",
        DeficiencyKind.LicenceExpired => "Licence expired",
        DeficiencyKind.ApplicationWithoutNotice => "Emergency application without prior notice",
        DeficiencyKind.DeliverableLate => "Deliverable not handed in on time",
        DeficiencyKind.InsuranceLapsed => "Insurance lapsed",
        _ => kind.ToString(),
    };

    public static string Action(ReviewAction action) => action switch
    {
        ReviewAction.Verify => "Verified",
        ReviewAction.Dispute => "Disputed",
        ReviewAction.Answer => "Answered",
        _ => action.ToString(),
    };
}
