using FieldContracts.Scheduling.Planning;
using FieldContracts.Scheduling.Specification;
using NodaTime;

namespace FieldContracts.Web.Features.Schedule;

/// <summary>A contract as the schedule pages need it.</summary>
public sealed record ScheduleContract(
    Guid Id, string Number, string Title, DateInterval Term, IReadOnlyList<ScheduleSite> Sites)
{
    public ScheduleSite? Site(Guid id) => Sites.SingleOrDefault(s => s.Id == id);

    public ScheduleSite? Site(string? code) => Sites.SingleOrDefault(s => string.Equals(s.Code, code, StringComparison.OrdinalIgnoreCase));

    public string AreaName(Guid areaId) =>
        Sites.SelectMany(s => s.Areas).SingleOrDefault(a => a.Id == areaId)?.Name ?? "(area no longer on the contract)";
}

public sealed record ScheduleSite(Guid Id, string Code, string Name, string Address, decimal Latitude, decimal Longitude,
    IReadOnlyList<ScheduleArea> Areas);

public sealed record ScheduleArea(Guid Id, string Name);

/// <summary>One occurrence in a list or calendar grid.</summary>
public sealed record OccurrenceSummary(
    Guid Id,
    string Site,
    string SiteName,
    string TaskKey,
    string Title,
    string ItemReference,
    TaskKind Kind,
    int Year,
    LocalDate WindowStart,
    LocalDate WindowEnd,
    LocalDate? PlannedDate,
    OccurrenceStatus Status,
    bool IsChemical,
    LocalDateTime? ApplicationStart,
    ZonedDateTime? NoticeDueBy,
    bool Cancelled,
    LocalDate? LoggedOn,
    int Revision,
    bool Missed = false,
    string? NoticeStatus = null);

/// <summary>One occurrence in full.</summary>
public sealed record OccurrenceView(
    OccurrenceSummary Summary,
    string BidText,
    string? Deliverable,
    string? EmergencyReason,
    int? ApplicationMinutes,
    IReadOnlyList<ScheduleArea> Areas,
    IReadOnlyList<HeightView> Heights,
    IReadOnlyList<MaterialView> Materials,
    NoticeView? Notice,
    IReadOnlyList<ChangeView> History,
    IReadOnlyList<string> Notes,
    IReadOnlyList<WithheldView> Withheld);

/// <summary>A chemical kept off areas seeded near the application, and what goes on them instead.</summary>
public sealed record WithheldView(string Material, IReadOnlyList<string> Areas, LocalDate SeededOn, string? Instead);

public sealed record HeightView(string Area, decimal MinInches, decimal MaxInches, bool InSeason, Guid AreaId);

public sealed record MaterialView(string Name, string Rate, bool IsChemical, IReadOnlyList<string> ActiveIngredients, bool IsSampleProduct);

/// <summary>
/// A chemical application's pre-notification: to whom, what it says, when it is due, and where it stands by the
/// notice ledger (sent, due or overdue), in words.
/// </summary>
public sealed record NoticeView(
    IReadOnlyList<string> Recipients, string School, IReadOnlyList<string> Areas, IReadOnlyList<string> Products,
    IReadOnlyList<string> ActiveIngredients, LocalDate ApplicationDate, ZonedDateTime DueBy, string Status);

/// <summary>A recorded change and, for an occurrence's history, what it did to that occurrence.</summary>
public sealed record ChangeView(
    Guid Id, ReplanCause Cause, string Description, string Reason, string ChangedBy, ZonedDateTime ChangedAt,
    int OccurrencesChanged, string? Effect);
