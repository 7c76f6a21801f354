using FieldContracts.Scheduling.Contracts;
using NodaTime;

namespace FieldContracts.Administration.Subcontracting;

/// <summary>Why a sub-contractor may not log a piece of work; a value, not an exception.</summary>
public abstract record SubcontractWorkRefusal
{
    private SubcontractWorkRefusal()
    {
    }

    /// <summary>The contract does not permit sub-contracting ("Sub-contracting will not be permitted.").</summary>
    public sealed record NotPermitted : SubcontractWorkRefusal
    {
        public string Quote => SubcontractRefusal.NotPermitted.BidText;
    }

    /// <summary>No approved request names the sub-contractor: never asked, still pending, refused or withdrawn.</summary>
    public sealed record NotApproved(string SubcontractorName) : SubcontractWorkRefusal;

    /// <summary>The sub-contractor is approved, but not for this item.</summary>
    public sealed record ItemNotApproved(string SubcontractorName, string ItemReference, IReadOnlyList<string> ApprovedItems)
        : SubcontractWorkRefusal;

    /// <summary>The work is dated before the approval that covers it ("prior approval").</summary>
    public sealed record BeforeApproval(string SubcontractorName, string ItemReference, LocalDate ApprovedOn, LocalDate Day)
        : SubcontractWorkRefusal;
}

/// <summary>Whether work logged as a sub-contractor's is covered by Purchasing's prior approval (spec VI of bid #2685).</summary>
public static class SubcontractorCheck
{
    /// <summary>
    /// Null when <paramref name="subcontractorName"/> may log <paramref name="itemReference"/> on
    /// <paramref name="day"/>: the contract permits sub-contracting, and a request of the contract's naming this
    /// sub-contractor (name ignoring case and surrounding spaces) and this item was approved on or before the day.
    /// Otherwise the reason, the most specific one: not approved at all, approved for other items only, or approved
    /// for this item only after the day. The policy is the contract's now, so a contract set to
    /// <see cref="SubcontractingPolicy.NotPermitted"/> refuses even work an earlier approval covered.
    /// </summary>
    public static SubcontractWorkRefusal? MayLogWork(SubcontractingPolicy policy, IEnumerable<SubcontractRequest> requests,
        string subcontractorName, string itemReference, LocalDate day)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentException.ThrowIfNullOrWhiteSpace(subcontractorName);
        ArgumentException.ThrowIfNullOrWhiteSpace(itemReference);
        if (policy == SubcontractingPolicy.NotPermitted)
        {
            return new SubcontractWorkRefusal.NotPermitted();
        }

        var name = subcontractorName.Trim();
        var item = itemReference.Trim();
        var approved = requests
            .Where(r => r.Status == SubcontractRequestStatus.Approved
                && string.Equals(r.Subcontractor.Name, name, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (approved.Count == 0)
        {
            return new SubcontractWorkRefusal.NotApproved(name);
        }

        var forItem = approved.Where(r => r.ItemReferences.Any(i => SubcontractRequest.SameItem(i, item))).ToList();
        if (forItem.Count == 0)
        {
            return new SubcontractWorkRefusal.ItemNotApproved(name, item,
                approved.SelectMany(r => r.ItemReferences).Distinct(StringComparer.OrdinalIgnoreCase).ToList());
        }

        var earliest = forItem.Min(r => r.DecidedOn!.Value);
        return day < earliest ? new SubcontractWorkRefusal.BeforeApproval(name, item, earliest, day) : null;
    }
}
