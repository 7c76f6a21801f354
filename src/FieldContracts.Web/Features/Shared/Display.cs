using System.Globalization;
using FieldContracts.Scheduling.Contracts;
using NodaTime;
using NodaTime.Text;

namespace FieldContracts.Web.Features.Shared;

/// <summary>How dates, money and names read on the pages (US English, as the City writes them).</summary>
public static class Display
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private static readonly LocalDatePattern LongDate = LocalDatePattern.Create("dddd, MMMM d, uuuu", English);
    private static readonly LocalDatePattern ShortDate = LocalDatePattern.Create("MMM d, uuuu", English);

    public static string Long(LocalDate date) => LongDate.Format(date);

    public static string Short(LocalDate date) => ShortDate.Format(date);

    public static string Annual(AnnualDate date) =>
        new LocalDate(2004, date.Month, date.Day).ToString("MMM d", English);

    public static string Money(decimal amount) => amount.ToString("C2", English);

    public static string Status(ContractStatus status) => status switch
    {
        ContractStatus.Awarded => "Awarded, not yet started",
        ContractStatus.InForce => "In force",
        ContractStatus.Completed => "Term completed",
        ContractStatus.Terminated => "Terminated",
        _ => status.ToString(),
    };

    public static string Status(FieldContracts.Scheduling.Planning.OccurrenceStatus status) => status switch
    {
        FieldContracts.Scheduling.Planning.OccurrenceStatus.Planned => "Planned",
        FieldContracts.Scheduling.Planning.OccurrenceStatus.OutsideTerm => "Outside the contract term: shown, not planned",
        FieldContracts.Scheduling.Planning.OccurrenceStatus.AwaitingTrigger => "Waits for the Athletic Director to record the end of fall sports",
        FieldContracts.Scheduling.Planning.OccurrenceStatus.ScheduleConflict => "No time free of school hours and activities: to coordinate",
        _ => status.ToString(),
    };

    public static string Inches(decimal value) => $"{value.ToString("0.##", English)}\u2033";

    public static string Inches(decimal min, decimal max) =>
        $"{min.ToString("0.##", English)}–{max.ToString("0.##", English)}\u2033";

    public static string Time(LocalDateTime value) => value.ToString("dddd, MMMM d, yyyy 'at' h:mm tt", English);

    public static string Time(ZonedDateTime value) => value.ToString("dddd, MMMM d, yyyy 'at' h:mm tt", English) + " " + value.Zone.GetZoneInterval(value.ToInstant()).Name;

    public static string Kind(AreaKind kind) => kind switch
    {
        AreaKind.BaseballInfield => "Baseball infield",
        AreaKind.PlayingField => "Outfield / soccer field",
        AreaKind.NonPlayingArea => "Non-playing area",
        AreaKind.SkinnedInfield => "Skinned softball infield",
        AreaKind.Track => "Track",
        AreaKind.ShotPutDiscus => "Shot put / discus",
        AreaKind.TennisSurrounds => "Tennis court surrounds",
        AreaKind.BaseLines => "Base lines",
        AreaKind.FenceLine => "Fence line",
        AreaKind.ThrowingCircle => "Throwing circle",
        AreaKind.TennisCourt => "Tennis court",
        AreaKind.PlantingBed => "Planting bed",
        AreaKind.Stairs => "Stairs",
        _ => kind.ToString(),
    };

    /// <summary>A kind of work of the specification, as a heading names it: "Weed control", "Turf repair".</summary>
    public static string Kind(FieldContracts.Scheduling.Specification.TaskKind kind)
    {
        var words = System.Text.RegularExpressions.Regex.Replace(kind.ToString(), "(?<=[a-z])(?=[A-Z])", " ");
        return words[..1] + words[1..].ToLowerInvariant();
    }

    public static string Subcontracting(SubcontractingPolicy policy) => policy switch
    {
        SubcontractingPolicy.NotPermitted => "Not permitted",
        SubcontractingPolicy.PriorApprovalRequired => "Only with the Purchasing Agent's prior approval",
        _ => policy.ToString(),
    };

    public static string Recipient(string recipient) => recipient switch
    {
        "SchoolRegistry" => "the school's registry (parents, guardians and staff who asked)",
        "AthleticDirectorOrDesignee" => "the Athletic Director or designee",
        "SchoolMaintenance" => "school maintenance",
        _ => recipient,
    };

    public static string Role(string role) => role switch
    {
        "AthleticDirector" => "Athletic Director",
        _ => role,
    };

    /// <summary>A step on an invoice, as its history lists it.</summary>
    public static string Step(string action) => action switch
    {
        "Submit" => "Submitted",
        "Certify" => "Services certified",
        "Approve" => "Approved",
        "Reject" => "Returned",
        "RecordPayment" => "Payment recorded",
        _ => action,
    };
}
