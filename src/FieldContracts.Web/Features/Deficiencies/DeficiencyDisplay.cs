using FieldContracts.Administration.Deficiencies;

namespace FieldContracts.Web.Features.Deficiencies;

public static class DeficiencyDisplay
{
    public static string Status(DeficiencyStatus status) => status switch
    {
        DeficiencyStatus.Open => "Open",
        DeficiencyStatus.Acknowledged => "Acknowledged by the contractor",
        DeficiencyStatus.Disputed => "Disputed by the contractor",
        DeficiencyStatus.Upheld => "Upheld by Purchasing",
        DeficiencyStatus.Cured => "Cured",
        DeficiencyStatus.Withdrawn => "Withdrawn",
        _ => status.ToString(),
    };
}
