using FieldContracts.Scheduling.Specification;
using NodaTime;

namespace FieldContracts.Scheduling.Planning;

/// <summary>Where a planned occurrence stands.</summary>
public enum OccurrenceStatus
{
    /// <summary>Planned on a day inside the term.</summary>
    Planned,

    /// <summary>
    /// Its window lies wholly outside the term (e.g. early spring 2003, before May 15, 2003): shown,
    /// never planned. It has no planned day.
    /// </summary>
    OutsideTerm,

    /// <summary>Waiting for its trigger to be recorded (e.g. the end of fall sports); no planned day yet.</summary>
    AwaitingTrigger,

    /// <summary>
    /// A chemical application for which no time outside school hours and activities was found in its
    /// window (or at the time it was moved to): to be coordinated with the Athletic Director, or
    /// recorded as an emergency. It keeps its planned day but has no application time.
    /// </summary>
    ScheduleConflict,
}

/// <summary>
/// A planned chemical application: when it starts and the pre-notification it requires.
/// </summary>
/// <param name="Start">Planned start, local time at the school.</param>
/// <param name="StartsAt">The same start in the school's zone.</param>
/// <param name="Length">Planned length.</param>
/// <param name="Notice">The pre-notification it requires (spec VII).</param>
/// <param name="EmergencyReason">Why it takes place during school hours or an activity; null for a normal application.</param>
public sealed record PlannedApplication(
    LocalDateTime Start,
    ZonedDateTime StartsAt,
    Duration Length,
    NoticeRequirement Notice,
    string? EmergencyReason = null)
{
    public bool IsEmergency => EmergencyReason is not null;
}

/// <summary>
/// One dated piece of work of the seasonal plan: a task at one school in one year.
/// </summary>
public sealed record Occurrence
{
    /// <summary>Stable identifier; see <see cref="OccurrenceIds"/>.</summary>
    public required Guid Id { get; init; }

    /// <summary>The task, e.g. "summer.broadleaf".</summary>
    public required string TaskKey { get; init; }

    /// <summary>The bid's item, e.g. "3a".</summary>
    public required string ItemReference { get; init; }

    /// <summary>The season the task is listed under.</summary>
    public required string SeasonKey { get; init; }

    public required TaskKind Kind { get; init; }

    /// <summary>The year of the season.</summary>
    public required int Year { get; init; }

    /// <summary>The occurrence's number within its series that year, from 0.</summary>
    public required int Sequence { get; init; }

    public required Guid SiteId { get; init; }

    /// <summary>The areas the work covers, in the contract's order.</summary>
    public required IReadOnlyList<Guid> AreaIds { get; init; }

    /// <summary>
    /// The days the work may be done on, both ends inclusive. Clipped to the term when it straddles
    /// it; as the specification has it when it lies wholly outside the term.
    /// </summary>
    public required DateInterval Window { get; init; }

    /// <summary>The day the work is planned for; null when outside the term or awaiting its trigger.</summary>
    public required LocalDate? PlannedDate { get; init; }

    public required OccurrenceStatus Status { get; init; }

    /// <summary>For mowing, the spec IV height of each mowed area on the planned day; empty otherwise.</summary>
    public required IReadOnlyList<AreaCuttingHeight> CuttingHeights { get; init; }

    /// <summary>Materials applied, with rates.</summary>
    public required IReadOnlyList<Material> Materials { get; init; }

    /// <summary>For a chemical application with a time found, when it starts and its notice; null otherwise.</summary>
    public required PlannedApplication? Application { get; init; }

    /// <summary>A written deliverable the work ends in, e.g. the grub treatment plan.</summary>
    public required string? Deliverable { get; init; }

    /// <summary>The day the work was logged as done; null while it is not.</summary>
    public required LocalDate? LoggedOn { get; init; }

    /// <summary>
    /// Why the plan put the work on another day than its window's first or preferred day: a day that is not a working
    /// day, a school closed, the crews' applications that day. In the plan's words, earliest reason first.
    /// </summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Chemicals that do not go on some of the occurrence's areas, and what goes on instead.</summary>
    public IReadOnlyList<WithheldMaterial> Withheld { get; init; } = [];

    /// <summary>Whether the work applies a pesticide and needs pre-notification (spec VII).</summary>
    public bool IsChemical
    {
        get
        {
            foreach (var material in Materials)
            {
                if (material.IsChemical)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The day the plan sorts the occurrence by: its planned day, else its window's first day.</summary>
    public LocalDate SortDate => PlannedDate ?? Window.Start;
}

/// <summary>
/// A chemical kept off some areas of an application: a pre-emergent on areas seeded or to be seeded within its label's
/// interval (item 2a: "Use siduron on newly seeded areas").
/// </summary>
/// <param name="Material">The material withheld, as the specification names it.</param>
/// <param name="AreaIds">The areas it does not go on.</param>
/// <param name="SeededOn">The day those areas are seeded, as planned or logged.</param>
/// <param name="Instead">The material that goes on them instead; null when none does.</param>
public sealed record WithheldMaterial(string Material, IReadOnlyList<Guid> AreaIds, LocalDate SeededOn, string? Instead);
