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

    /// <summary>Crews applying chemicals on one day when a contract does not say: one, so one application a day.</summary>
    public const int DefaultCrewsPerDay = 1;

    public const int MaximumCrewsPerDay = 10;

    /// <summary>
    /// How long after an application the treated grounds stay free of activities when a contract does not say:
    /// 24 hours, as long as the posted signs stay up. A product's label may ask for longer (<c>Material.ReEntryHours</c>).
    /// </summary>
    public static readonly Duration DefaultReEntryBuffer = Duration.FromHours(24);

    public static readonly Duration MaximumReEntryBuffer = Duration.FromHours(72);

    /// <summary>
    /// Calendar days the contractor has to respond to a deficiency (acknowledge or dispute it) when a contract does not
    /// say: five. The bid sets no period; special instruction 7 A has the City hear the contractor's response.
    /// </summary>
    public const int DefaultResponseDays = 5;

    public const int MinimumResponseDays = 1;

    public const int MaximumResponseDays = 30;

    private ContractSettings()
    {
    }

    public ContractSettings(SubcontractingPolicy subcontracting, Duration chemicalNoticeLeadTime, int mowingCadenceDays,
        int crewsPerDay = DefaultCrewsPerDay, Duration? reEntryBuffer = null, WorkCalendar? workCalendar = null,
        int responseDays = DefaultResponseDays)
    {
        var buffer = reEntryBuffer ?? DefaultReEntryBuffer;
        if ((Check(chemicalNoticeLeadTime, mowingCadenceDays, crewsPerDay, buffer) ?? CheckResponseDays(responseDays)) is { } refusal)
        {
            throw new ArgumentOutOfRangeException(refusal switch
            {
                SettingsRefusal.LeadTimeOutOfRange => nameof(chemicalNoticeLeadTime),
                SettingsRefusal.CadenceOutOfRange => nameof(mowingCadenceDays),
                SettingsRefusal.CrewsOutOfRange => nameof(crewsPerDay),
                SettingsRefusal.ResponseDaysOutOfRange => nameof(responseDays),
                _ => nameof(reEntryBuffer),
            }, refusal.Message);
        }

        Subcontracting = subcontracting;
        ChemicalNoticeLeadTime = chemicalNoticeLeadTime;
        MowingCadenceDays = mowingCadenceDays;
        CrewsPerDay = crewsPerDay;
        ReEntryBuffer = buffer;
        WorkCalendar = workCalendar ?? WorkCalendar.MondayToSaturday;
        ResponseDays = responseDays;
    }

    public SubcontractingPolicy Subcontracting { get; private set; }

    /// <summary>
    /// Elapsed time a chemical pre-notification must precede the application (spec VII); elapsed,
    /// so a notice across a daylight-saving change still gives the full number of real hours.
    /// </summary>
    public Duration ChemicalNoticeLeadTime { get; private set; }

    /// <summary>Days between planned mowings while grass grows.</summary>
    public int MowingCadenceDays { get; private set; }

    /// <summary>
    /// How many chemical applications may take place on one day across the contract, one per crew; never two at one
    /// school on one day.
    /// </summary>
    public int CrewsPerDay { get; private set; } = DefaultCrewsPerDay;

    /// <summary>
    /// Elapsed time after an application ends before any activity on the school's grounds (re-entry). Shorter than
    /// 24 hours only where the setting says so and no product's label asks for longer.
    /// </summary>
    public Duration ReEntryBuffer { get; private set; } = DefaultReEntryBuffer;

    /// <summary>The working days of the week and the City's holidays.</summary>
    public WorkCalendar WorkCalendar { get; private set; } = WorkCalendar.MondayToSaturday;

    /// <summary>
    /// Calendar days from the day a deficiency is found to the last day of the contractor's response
    /// (<c>ResponseTime.DueOn</c> in contract administration).
    /// </summary>
    public int ResponseDays { get; private set; } = DefaultResponseDays;

    /// <summary>Whether <paramref name="other"/> sets every value as these do (a change to them would change nothing).</summary>
    public bool HasSameValuesAs(ContractSettings other) =>
        other.Subcontracting == Subcontracting && other.ChemicalNoticeLeadTime == ChemicalNoticeLeadTime
        && other.MowingCadenceDays == MowingCadenceDays && other.CrewsPerDay == CrewsPerDay && other.ReEntryBuffer == ReEntryBuffer
        && other.WorkCalendar.Equals(WorkCalendar) && other.ResponseDays == ResponseDays;

    /// <summary>Why settings would be refused, or null when they may be set: the one statement of their limits.</summary>
    public static SettingsRefusal? Check(Duration chemicalNoticeLeadTime, int mowingCadenceDays) =>
        Check(chemicalNoticeLeadTime, mowingCadenceDays, DefaultCrewsPerDay, DefaultReEntryBuffer);

    /// <summary>Why settings would be refused, or null when they may be set: the one statement of their limits.</summary>
    public static SettingsRefusal? Check(Duration chemicalNoticeLeadTime, int mowingCadenceDays, int crewsPerDay, Duration reEntryBuffer) =>
        chemicalNoticeLeadTime < MinimumChemicalNoticeLeadTime || chemicalNoticeLeadTime > MaximumChemicalNoticeLeadTime
            ? new SettingsRefusal.LeadTimeOutOfRange(chemicalNoticeLeadTime)
            : mowingCadenceDays is < MinimumMowingCadenceDays or > MaximumMowingCadenceDays
                ? new SettingsRefusal.CadenceOutOfRange(mowingCadenceDays)
                : crewsPerDay is < 1 or > MaximumCrewsPerDay
                    ? new SettingsRefusal.CrewsOutOfRange(crewsPerDay)
                    : reEntryBuffer < Duration.Zero || reEntryBuffer > MaximumReEntryBuffer
                        ? new SettingsRefusal.ReEntryOutOfRange(reEntryBuffer)
                        : null;

    /// <summary>Why a response time would be refused (outside 1 to 30 days), or null when it may be set.</summary>
    public static SettingsRefusal? CheckResponseDays(int responseDays) =>
        responseDays is < MinimumResponseDays or > MaximumResponseDays ? new SettingsRefusal.ResponseDaysOutOfRange(responseDays) : null;
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

    /// <summary>Crews per day outside 1 to 10.</summary>
    public sealed record CrewsOutOfRange(int Crews) : SettingsRefusal
    {
        public override string Message => $"Crews applying chemicals on one day are 1 to {ContractSettings.MaximumCrewsPerDay}.";
    }

    /// <summary>A response time outside 1 to 30 days.</summary>
    public sealed record ResponseDaysOutOfRange(int Days) : SettingsRefusal
    {
        public override string Message =>
            $"The contractor's response time is {ContractSettings.MinimumResponseDays} to {ContractSettings.MaximumResponseDays} days.";
    }

    /// <summary>A re-entry buffer below zero or above 72 hours.</summary>
    public sealed record ReEntryOutOfRange(Duration Buffer) : SettingsRefusal
    {
        public override string Message =>
            $"The re-entry time after an application is 0 to {ContractSettings.MaximumReEntryBuffer.TotalHours:0} hours.";
    }
}
