using FieldContracts.Administration.Deficiencies;
using FieldContracts.Scheduling.Contracts;
using NodaTime;

namespace FieldContracts.Administration.Subcontracting;

/// <summary>Where a request to sub-contract stands.</summary>
public enum SubcontractRequestStatus
{
    /// <summary>The contractor asked; Purchasing has not decided.</summary>
    Pending,

    /// <summary>Purchasing gave its prior approval (spec VI) from <see cref="SubcontractRequest.DecidedOn"/>. Final.</summary>
    Approved,

    /// <summary>Purchasing refused, with its reason. Final.</summary>
    Refused,

    /// <summary>The contractor withdrew it before a decision. Final.</summary>
    Withdrawn,
}

/// <summary>The firm the contractor would sub-contract to, as spec VI asks bidders to list it.</summary>
/// <param name="Name">The sub-contractor's name; the work log names it the same way.</param>
/// <param name="Address">Its business address.</param>
/// <param name="Contact">A person, telephone or e-mail to reach it; optional.</param>
public sealed record Subcontractor(string Name, string Address, string? Contact = null);

/// <summary>Why a request, or a step on it, is refused; a value, not an exception. A refused step changes nothing.</summary>
public abstract record SubcontractRefusal
{
    private SubcontractRefusal()
    {
    }

    /// <summary>The contract does not permit sub-contracting at all.</summary>
    public sealed record NotPermitted : SubcontractRefusal
    {
        /// <summary>The bid's words (scope of work, bid #2685).</summary>
        public const string BidText = "Sub-contracting will not be permitted.";

        public string Quote => BidText;
    }

    /// <summary>
    /// The step is not this party's: the contractor asks and withdraws, Purchasing decides (spec VI: "All
    /// subcontracting must have prior approval of the Purchasing Agents").
    /// </summary>
    public sealed record NotYourStep(Party Party) : SubcontractRefusal
    {
        public const string BidText = "All subcontracting must have prior approval of the Purchasing Agents.";
    }

    /// <summary>
    /// Purchasing's decision on a request the same person made (one account may hold two roles): nobody approves what
    /// they submitted.
    /// </summary>
    public sealed record SamePerson : SubcontractRefusal;

    /// <summary>The request has already been decided or withdrawn.</summary>
    public sealed record NotPending(SubcontractRequestStatus Status) : SubcontractRefusal;

    /// <summary>A refusal without its reason.</summary>
    public sealed record ReasonRequired : SubcontractRefusal;

    public sealed record NameRequired : SubcontractRefusal;

    public sealed record AddressRequired : SubcontractRefusal;

    /// <summary>The request names no work (spec VI: "what work they would perform").</summary>
    public sealed record WorkRequired : SubcontractRefusal;

    /// <summary>The decision or withdrawal is dated before the request.</summary>
    public sealed record BeforeRequest(LocalDate RequestedOn, LocalDate On) : SubcontractRefusal;
}

/// <summary>
/// The contractor's request for Purchasing's prior approval of one sub-contractor for named work (spec VI of bid #2685:
/// "All subcontracting must have prior approval of the Purchasing Agents. Bidders are to submit a list of all
/// subcontractors and what work they would perform under this contract."). Under a contract that does not permit
/// sub-contracting (the scope's "Sub-contracting will not be permitted") no request is made and none is approved.
/// Pending until Purchasing approves or refuses it with a reason, or the contractor withdraws it.
/// </summary>
public sealed class SubcontractRequest
{
    private List<string> _itemReferences = [];

    private SubcontractRequest(Subcontractor subcontractor)
    {
        Subcontractor = subcontractor;
    }

    // For the data layer, which sets every property from the stored row.
    private SubcontractRequest()
    {
        Subcontractor = null!;
    }

    public Guid Id { get; private set; }

    public Guid ContractId { get; private set; }

    public Subcontractor Subcontractor { get; private set; }

    /// <summary>
    /// The specification items the sub-contractor would do ("III.3", "Fertilizing"), trimmed, each once, in the order
    /// asked. An approval covers these and nothing else.
    /// </summary>
    public IReadOnlyList<string> ItemReferences => _itemReferences;

    public LocalDate RequestedOn { get; private set; }

    /// <summary>Who asked for the contractor; empty when not said.</summary>
    public string RequestedBy { get; private set; } = "";

    public SubcontractRequestStatus Status { get; private set; }

    /// <summary>The day Purchasing decided, or the contractor withdrew. Approved work may be done from this day on.</summary>
    public LocalDate? DecidedOn { get; private set; }

    /// <summary>Who at Purchasing decided, or who withdrew it for the contractor.</summary>
    public string? DecidedBy { get; private set; }

    /// <summary>Purchasing's reason for a refusal (always given), its note on an approval, or the contractor's on a withdrawal.</summary>
    public string? Reason { get; private set; }

    /// <summary>Who may take a step: the contractor requests and withdraws; only Purchasing approves or refuses.</summary>
    public static bool MayRequestOrWithdraw(Party party) => party == Party.Contractor;

    /// <inheritdoc cref="MayRequestOrWithdraw"/>
    public static bool MayDecide(Party party) => party == Party.Purchasing;

    /// <summary>
    /// Whether two item references name the same work: the same text ignoring case and the spaces around
    /// it ("III.3" = " iii.3 ").
    /// </summary>
    public static bool SameItem(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The contractor's request on <paramref name="on"/>; or every reason it is refused. Under
    /// <see cref="SubcontractingPolicy.NotPermitted"/> every request is refused with the bid's words and nothing else
    /// is checked; otherwise only the contractor asks, naming the sub-contractor, its address and at least one item.
    /// </summary>
    public static (SubcontractRequest? Request, IReadOnlyList<SubcontractRefusal> Refusals) Request(Guid contractId,
        SubcontractingPolicy policy, Subcontractor subcontractor, IReadOnlyList<string> itemReferences, Party party, LocalDate on, string? by = null)
    {
        ArgumentNullException.ThrowIfNull(subcontractor);
        ArgumentNullException.ThrowIfNull(itemReferences);
        if (policy == SubcontractingPolicy.NotPermitted)
        {
            return (null, [new SubcontractRefusal.NotPermitted()]);
        }

        if (!MayRequestOrWithdraw(party))
        {
            return (null, [new SubcontractRefusal.NotYourStep(party)]);
        }

        var refusals = new List<SubcontractRefusal>();
        if (string.IsNullOrWhiteSpace(subcontractor.Name))
        {
            refusals.Add(new SubcontractRefusal.NameRequired());
        }

        if (string.IsNullOrWhiteSpace(subcontractor.Address))
        {
            refusals.Add(new SubcontractRefusal.AddressRequired());
        }

        var items = new List<string>();
        foreach (var item in itemReferences.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()))
        {
            if (!items.Any(i => SameItem(i, item)))
            {
                items.Add(item);
            }
        }

        if (items.Count == 0)
        {
            refusals.Add(new SubcontractRefusal.WorkRequired());
        }

        if (refusals.Count > 0)
        {
            return (null, refusals);
        }

        var contact = string.IsNullOrWhiteSpace(subcontractor.Contact) ? null : subcontractor.Contact.Trim();
        var request = new SubcontractRequest(new Subcontractor(subcontractor.Name.Trim(), subcontractor.Address.Trim(), contact))
        {
            Id = Guid.CreateVersion7(),
            ContractId = contractId,
            RequestedOn = on,
            RequestedBy = by?.Trim() ?? "",
            Status = SubcontractRequestStatus.Pending,
        };
        request._itemReferences.AddRange(items);
        return (request, []);
    }

    /// <summary>
    /// Purchasing approves on <paramref name="on"/>, with an optional note. Refused if the contract (now) does not
    /// permit sub-contracting, if it is not Purchasing, if the request is not pending, if dated before the request, or
    /// if the one deciding is the one who asked.
    /// </summary>
    public SubcontractRefusal? Approve(SubcontractingPolicy policy, Party party, string by, LocalDate on, string? note = null) =>
        Decide(policy, party, by, on, SubcontractRequestStatus.Approved, note);

    /// <summary>Purchasing refuses on <paramref name="on"/>, always with its reason; refused otherwise as <see cref="Approve"/>.</summary>
    public SubcontractRefusal? Refuse(SubcontractingPolicy policy, Party party, string by, LocalDate on, string? reason) =>
        Decide(policy, party, by, on, SubcontractRequestStatus.Refused, reason);

    /// <summary>The contractor withdraws a pending request on <paramref name="on"/>; a decided one stays as decided.</summary>
    public SubcontractRefusal? Withdraw(Party party, string by, LocalDate on, string? reason = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var refusal = !MayRequestOrWithdraw(party) ? new SubcontractRefusal.NotYourStep(party) : Open(on);
        if (refusal is null)
        {
            Settle(SubcontractRequestStatus.Withdrawn, by, on, reason);
        }

        return refusal;
    }

    private SubcontractRefusal? Decide(SubcontractingPolicy policy, Party party, string by, LocalDate on,
        SubcontractRequestStatus outcome, string? reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        if (policy == SubcontractingPolicy.NotPermitted && outcome == SubcontractRequestStatus.Approved)
        {
            return new SubcontractRefusal.NotPermitted();
        }

        if (!MayDecide(party))
        {
            return new SubcontractRefusal.NotYourStep(party);
        }

        if (Open(on) is { } refusal)
        {
            return refusal;
        }

        if (RequestedBy.Length > 0 && string.Equals(by.Trim(), RequestedBy, StringComparison.OrdinalIgnoreCase))
        {
            return new SubcontractRefusal.SamePerson();
        }

        if (outcome == SubcontractRequestStatus.Refused && string.IsNullOrWhiteSpace(reason))
        {
            return new SubcontractRefusal.ReasonRequired();
        }

        Settle(outcome, by, on, reason);
        return null;
    }

    private SubcontractRefusal? Open(LocalDate on) =>
        Status != SubcontractRequestStatus.Pending ? new SubcontractRefusal.NotPending(Status)
        : on < RequestedOn ? new SubcontractRefusal.BeforeRequest(RequestedOn, on)
        : null;

    private void Settle(SubcontractRequestStatus status, string by, LocalDate on, string? reason)
    {
        Status = status;
        DecidedOn = on;
        DecidedBy = by.Trim();
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
    }
}
