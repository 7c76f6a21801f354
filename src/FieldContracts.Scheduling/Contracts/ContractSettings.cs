using NodaTime;

namespace FieldContracts.Scheduling.Contracts;

/// <summary>
/// Whether the contractor may sub-contract. Bid #2685 says both "Sub-contracting will not be
/// permitted" (scope note) and "All subcontracting must have prior approval" (spec VI), so each
/// contract records which applies.
/// </summary>
public enum SubcontractingPolicy
{
    NotPermitted,
    PriorApprovalRequired,
}

/// <summary>Per-contract settings that the bid leaves to the City or that differ between contracts.</summary>
public sealed class ContractSettings
{
    /// <summary>The lead time of chemical pre-notification when a contract does not set one (CGS 10-231c).</summary>
    public static readonly Duration DefaultChemicalNoticeLeadTime = Duration.FromHours(24);

    private ContractSettings()
    {
    }

    public ContractSettings(SubcontractingPolicy subcontracting, Duration chemicalNoticeLeadTime, int mowingCadenceDays)
    {
        if (chemicalNoticeLeadTime < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(chemicalNoticeLeadTime), "A notice lead time cannot be negative.");
        }

        if (mowingCadenceDays is < 1 or > 31)
        {
            throw new ArgumentOutOfRangeException(nameof(mowingCadenceDays), "Mowing cadence is 1 to 31 days.");
        }

        Subcontracting = subcontracting;
        ChemicalNoticeLeadTime = chemicalNoticeLeadTime;
        MowingCadenceDays = mowingCadenceDays;
    }

    public SubcontractingPolicy Subcontracting { get; private set; }

    /// <summary>
    /// Elapsed time a chemical pre-notification must precede the application (spec VII); elapsed,
    /// so a notice across a daylight-saving change still gives the full number of real hours.
    /// </summary>
    public Duration ChemicalNoticeLeadTime { get; private set; }

    /// <summary>Days between planned mowings while grass grows.</summary>
    public int MowingCadenceDays { get; private set; }
}
