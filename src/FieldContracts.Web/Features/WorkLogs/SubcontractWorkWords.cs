using FieldContracts.Administration.Subcontracting;
using FieldContracts.Web.Features.Shared;

namespace FieldContracts.Web.Features.WorkLogs;

/// <summary>Why work logged as a sub-contractor's is refused, in words that quote the bid (spec VI of bid #2685).</summary>
public static class SubcontractWorkWords
{
    public static string Refusal(SubcontractWorkRefusal refusal, string work) => refusal switch
    {
        SubcontractWorkRefusal.NotPermitted notPermitted =>
            $"This contract does not permit sub-contracting. The bid: \"{notPermitted.Quote}\"",
        SubcontractWorkRefusal.NotApproved n =>
            $"{n.SubcontractorName} has no approval from Purchasing on this contract. The bid: \"{SubcontractRefusal.NotYourStep.BidText}\"",
        SubcontractWorkRefusal.ItemNotApproved i =>
            $"{i.SubcontractorName} is approved for {string.Join(", ", i.ApprovedItems)} only, not for {work}. " +
            $"The bid: \"{SubcontractRefusal.NotYourStep.BidText}\"",
        SubcontractWorkRefusal.BeforeApproval b =>
            $"{b.SubcontractorName} was approved for {work} on {Display.Short(b.ApprovedOn)}; work on {Display.Short(b.Day)} comes before " +
            $"that approval. The bid: \"{SubcontractRefusal.NotYourStep.BidText}\"",
        _ => "The sub-contracted work is not approved.",
    };
}
