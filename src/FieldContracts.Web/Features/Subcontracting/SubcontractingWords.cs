using FieldContracts.Administration.Subcontracting;
using FieldContracts.Scheduling.Contracts;

namespace FieldContracts.Web.Features.Subcontracting;

/// <summary>One passage of the bid on sub-contracting, where it stands, and whether the contract's setting follows it.</summary>
public sealed record BidQuote(string Where, string Text, bool Followed);

/// <summary>Sub-contracting in words: the bid's two passages, the setting, the statuses and the refusals.</summary>
public static class SubcontractingWords
{
    /// <summary>The scope of services, notes before the general requirements.</summary>
    public const string ScopeNote = SubcontractRefusal.NotPermitted.BidText;

    public const string ScopeNoteWhere = "Scope of services, note";

    /// <summary>The general requirements, item VI.</summary>
    public const string SpecVI = SubcontractRefusal.NotYourStep.BidText
        + " Bidders are to submit a list of all subcontractors and what work they would perform under this contract.";

    public const string SpecVIWhere = "General requirements, VI";

    /// <summary>The bid's two passages, the one the contract's setting follows marked.</summary>
    public static IReadOnlyList<BidQuote> Quotes(SubcontractingPolicy policy) =>
    [
        new(ScopeNoteWhere, ScopeNote, policy == SubcontractingPolicy.NotPermitted),
        new(SpecVIWhere, SpecVI, policy == SubcontractingPolicy.PriorApprovalRequired),
    ];

    /// <summary>Which passage the setting follows, in a sentence.</summary>
    public static string Follows(SubcontractingPolicy policy) => policy == SubcontractingPolicy.NotPermitted
        ? $"The bid contradicts itself; this contract is set to follow the scope note (\"{ScopeNote}\"): no sub-contractor is approved and none may log work."
        : $"The bid contradicts itself; this contract is set to follow general requirement VI: the contractor names each sub-contractor and its work, and Purchasing approves or refuses before the sub-contractor works.";

    public static string Of(SubcontractRequestStatus status) => status switch
    {
        SubcontractRequestStatus.Pending => "Awaiting Purchasing's decision",
        SubcontractRequestStatus.Approved => "Approved",
        SubcontractRequestStatus.Refused => "Refused",
        _ => "Withdrawn",
    };

    public static string NotPermitted(string number) =>
        $"Contract {number} does not permit sub-contracting. The bid: \"{ScopeNote}\"";

    public const string OnlyTheContractor = "Only the contractor asks for approval of a sub-contractor, and withdraws its own requests.";

    public const string OnlyPurchasing = $"Only Purchasing decides: \"{SubcontractRefusal.NotYourStep.BidText}\"";

    public const string SamePerson = "Nobody decides on a request they made themselves.";

    public const string NameRequired = "Name the sub-contractor.";

    public const string AddressRequired = "Give the sub-contractor's business address.";

    public const string WorkRequired = "Name at least one item of work it would do (spec VI: \"what work they would perform\").";

    public const string ReasonRequired = "Refusing a sub-contractor needs the reason.";

    public static string NotPending(SubcontractRequestStatus status) =>
        $"This request is {Of(status).ToLowerInvariant()} already; a decision or withdrawal is final.";

    public static string BeforeRequest(SubcontractRefusal.BeforeRequest before) =>
        $"The request was made on {before.RequestedOn:MMMM d, yyyy}; nothing on it can be dated {before.On:MMMM d, yyyy}.";
}
