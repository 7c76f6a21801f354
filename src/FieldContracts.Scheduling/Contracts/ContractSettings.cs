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

    /// <summary>The legal minimum: CGS 10-231c asks for notice at least 24 hours before an application at a school.</summary>
    public static readonly Duration MinimumChemicalNoticeLeadTime = Duration.FromHours(24);

    /// <summary>The longest lead time a contract may ask for, two weeks: a notice given earlier is forgotten by its readers.</summary>
    public static readonly Duration MaximumChemicalNoticeLeadTime = Duration.FromDays(14);

    public const int MinimumMowingCadenceDays = 1;

    public const int MaximumMowingCadenceDays = 31;

    private ContractSettings()
    {
    }

    public ContractSettings(SubcontractingPolicy subcontracting, Duration chemicalNoticeLeadTime, int mowingCadenceDays)
    {
        if (Check(chemicalNoticeLeadTime, mowingCadenceDays) is { } refusal)
        {
            throw new ArgumentOutOfRangeException(refusal is SettingsRefusal.LeadTimeOutOfRange ? nameof(chemicalNoticeLeadTime) : nameof(mowingCadenceDays),
                refusal.Message);
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

    /// <summary>Why settings would be refused, or null when they may be set: the one statement of their limits.</summary>
    public static SettingsRefusal? Check(Duration chemicalNoticeLeadTime, int mowingCadenceDays) =>
        chemicalNoticeLeadTime < MinimumChemicalNoticeLeadTime || chemicalNoticeLeadTime > MaximumChemicalNoticeLeadTime
            ? new SettingsRefusal.LeadTimeOutOfRange(chemicalNoticeLeadTime)
            : mowingCadenceDays is < MinimumMowingCadenceDays or > MaximumMowingCadenceDays
                ? new SettingsRefusal.CadenceOutOfRange(mowingCadenceDays)
                : null;
}

/// <summary>Why contract settings are refused; a value, not an exception.</summary>
public abstract record SettingsRefusal
{
    private SettingsRefusal()
    {
    }

    /// <summary>In words, with the limits.</summary>
    public abstract string Message { get; }

    /// <summary>The notice lead time is below the legal minimum or above two weeks.</summary>
    public sealed record LeadTimeOutOfRange(Duration LeadTime) : SettingsRefusal
    {
        public override string Message =>
            $"The chemical notice lead time is {ContractSettings.MinimumChemicalNoticeLeadTime.TotalHours:0} to " +
            $"{ContractSettings.MaximumChemicalNoticeLeadTime.TotalHours:0} hours.";
    }

    /// <summary>The mowing cadence is outside 1 to 31 days.</summary>
    public sealed record CadenceOutOfRange(int Days) : SettingsRefusal
    {
        public override string Message =>
            $"Mowing cadence is {ContractSettings.MinimumMowingCadenceDays} to {ContractSettings.MaximumMowingCadenceDays} days.";
    }
}
