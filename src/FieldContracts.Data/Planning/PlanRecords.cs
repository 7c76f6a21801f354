using FieldContracts.Scheduling.Planning;
using FieldContracts.Scheduling.Specification;
using NodaTime;

namespace FieldContracts.Data.Planning;

/// <summary>
/// One occurrence of a contract's seasonal plan as stored: what the plan says now, plus a revision
/// that rises on every change, the instant of that change (the calendar feed's LAST-MODIFIED) and
/// the calendar sequence, which rises only when its time or status change. Occurrences that drop out
/// of the plan are cancelled, never deleted.
/// </summary>
public sealed class OccurrenceRecord
{
    public Guid Id { get; set; }

    public Guid ContractId { get; set; }

    public Guid SiteId { get; set; }

    public string TaskKey { get; set; } = "";

    public string ItemReference { get; set; } = "";

    public string SeasonKey { get; set; } = "";

    public TaskKind Kind { get; set; }

    public int Year { get; set; }

    /// <summary>The occurrence's number within its series that year.</summary>
    public int SeriesNumber { get; set; }

    public LocalDate WindowStart { get; set; }

    /// <summary>Last day of the window (inclusive).</summary>
    public LocalDate WindowEnd { get; set; }

    public LocalDate? PlannedDate { get; set; }

    public OccurrenceStatus Status { get; set; }

    public bool IsChemical { get; set; }

    /// <summary>When a chemical application starts.</summary>
    public Instant? ApplicationStartsAt { get; set; }

    public int? ApplicationMinutes { get; set; }

    /// <summary>The latest instant the pre-notification may go out.</summary>
    public Instant? NoticeDueBy { get; set; }

    public string? EmergencyReason { get; set; }

    public string? Deliverable { get; set; }

    public LocalDate? LoggedOn { get; set; }

    /// <summary>Areas, cutting heights, materials and notice content, as JSON (<see cref="OccurrenceDetail"/>).</summary>
    public string Detail { get; set; } = "";

    public bool Cancelled { get; set; }

    /// <summary>0 when first planned; raised by one on every change.</summary>
    public int Revision { get; set; }

    /// <summary>
    /// The calendar feed's SEQUENCE: 0 when first planned; raised by one only when what decides the event's
    /// time or status changes (planned day, application time or length, status, cancellation, and the
    /// window of an occurrence without a day), as RFC 5545 section 3.8.7.4 asks.
    /// </summary>
    public int CalendarSequence { get; set; }

    public Instant CreatedAt { get; set; }

    public Instant LastModified { get; set; }
}

/// <summary>Growth start and dormancy of a contract's turf in one year (items 2d and 5a).</summary>
public sealed class ContractYearFacts
{
    public Guid ContractId { get; set; }

    public int Year { get; set; }

    public LocalDate? GrowthStart { get; set; }

    public LocalDate? Dormancy { get; set; }
}

/// <summary>The last day of fall sports at a school in one year, as the Athletic Director records it (item 4d).</summary>
public sealed class SiteYearFacts
{
    public Guid SiteId { get; set; }

    public int Year { get; set; }

    public LocalDate? EndOfFallSports { get; set; }
}

/// <summary>An occurrence moved by hand to another day (and for a chemical application, time).</summary>
public sealed class OccurrenceMoveRecord
{
    public Guid OccurrenceId { get; set; }

    public Guid ContractId { get; set; }

    public LocalDate To { get; set; }

    /// <summary>Minutes after midnight, local time, of a chemical application's new start; null for the earliest free time.</summary>
    public int? AtMinute { get; set; }

    public string? EmergencyReason { get; set; }
}

/// <summary>A school's hours, sessions, closures and activities as JSON (<see cref="SchoolCalendarDocument"/>).</summary>
public sealed class SchoolCalendarRecord
{
    public Guid SiteId { get; set; }

    public string Calendar { get; set; } = "";
}

/// <summary>A season's window as Purchasing set it for a contract: a yearly default and single-year overrides.</summary>
public sealed class SeasonWindowRecord
{
    public Guid ContractId { get; set; }

    public string SeasonKey { get; set; } = "";

    public AnnualDate DefaultStart { get; set; }

    public AnnualDate DefaultEnd { get; set; }

    /// <summary>Single-year windows as JSON: <c>{"2004": ["2004-03-25", "2004-04-30"]}</c>.</summary>
    public string Overrides { get; set; } = "{}";
}

/// <summary>
/// A change to the facts a plan is made from: who made it, when, what it was and why. The
/// occurrence changes it caused point back to it.
/// </summary>
public sealed class PlanFactChange
{
    public Guid Id { get; set; }

    public Guid ContractId { get; set; }

    public ReplanCause Cause { get; set; }

    /// <summary>What was changed, in words, e.g. "Baseball infield (HPHS): Baseball Mar 15 – Jun 10 → Mar 20 – Jun 5".</summary>
    public string Description { get; set; } = "";

    public string Reason { get; set; } = "";

    public string ChangedBy { get; set; } = "";

    public Instant ChangedAt { get; set; }
}

/// <summary>One occurrence's change caused by a <see cref="PlanFactChange"/>.</summary>
public sealed class OccurrenceChangeRecord
{
    public Guid Id { get; set; }

    public Guid FactChangeId { get; set; }

    public Guid ContractId { get; set; }

    public Guid OccurrenceId { get; set; }

    public OccurrenceChanges What { get; set; }

    public LocalDate? PlannedBefore { get; set; }

    public LocalDate? PlannedAfter { get; set; }

    public OccurrenceStatus? StatusBefore { get; set; }

    public OccurrenceStatus? StatusAfter { get; set; }

    public bool FreshNoticeRequired { get; set; }
}

/// <summary>
/// A version of a contract's specification as stored: the document (<see cref="SpecificationJson"/>, format 1), who
/// set it, when and why. The latest version is the one the plan follows; earlier ones are kept.
/// </summary>
public sealed class ContractSpecificationRecord
{
    public Guid Id { get; set; }

    public Guid ContractId { get; set; }

    /// <summary>1 for the specification the contract was set up with; each change adds one.</summary>
    public int Version { get; set; }

    /// <summary>The specification as JSON (<see cref="SpecificationJson"/>).</summary>
    public string Document { get; set; } = "";

    public string ChangedBy { get; set; } = "";

    public Instant ChangedAt { get; set; }

    public string Reason { get; set; } = "";
}
