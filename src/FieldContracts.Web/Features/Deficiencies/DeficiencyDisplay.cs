using FieldContracts.Administration.Deficiencies;

namespace FieldContracts.Web.Features.Deficiencies;

public static class DeficiencyDisplay
{
    /// <summary>While a deficiency waits for the contractor, when its response is due: "Response due by Sunday, June 15, 2003."</summary>
    public static string ResponseLine(DeficiencyDetail d) => d.OverdueForResponse
        ? $"The contractor's response was due by {Shared.Display.Long(d.RespondBy)}: none yet."
        : $"Response due by {Shared.Display.Long(d.RespondBy)}.";

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
