using FieldContracts.Scheduling.Contracts;

namespace FieldContracts.Scheduling.Specification;

/// <summary>
/// One item of the bid's "items to be performed during each season", as data: where it applies,
/// with what materials, how often, and what it waits for.
/// </summary>
/// <param name="Key">Stable key, e.g. "summer.broadleaf"; part of every occurrence identifier, so never renamed.</param>
/// <param name="ItemReference">The bid's item, e.g. "3a".</param>
/// <param name="BidText">The item quoted from the bid, spelling as in the bid.</param>
/// <param name="SeasonKey">The season the item is listed under.</param>
/// <param name="Kind">What sort of work it is.</param>
/// <param name="Scope">Which areas of each school it covers.</param>
/// <param name="Materials">Materials applied with their rates; empty for work without materials.</param>
/// <param name="Recurrence">How often it recurs, or what it follows or waits for.</param>
/// <param name="Deliverable">A written deliverable the work ends in, e.g. a grub treatment plan.</param>
/// <param name="Title">A short name for pages and calendars, e.g. "Broadleaf weed control"; the key when none is given.</param>
/// <param name="DeliverableTo">Who receives the deliverable, as the bid says (e.g. "Director of Athletics").</param>
public sealed record TaskDefinition(
    string Key,
    string ItemReference,
    string BidText,
    string SeasonKey,
    TaskKind Kind,
    AreaScope Scope,
    IReadOnlyList<Material> Materials,
    Recurrence Recurrence,
    string? Deliverable = null,
    string? Title = null,
    string? DeliverableTo = null)
{
    /// <summary>The task's short name, or its key when the specification gives none.</summary>
    public string Name => Title ?? Key;

    /// <summary>Whether any material is a pesticide, so each application needs pre-notification (spec VII).</summary>
    public bool IsChemical => Materials.Any(m => m.IsChemical);

    /// <summary>The task this one follows, e.g. the first broadleaf application for its re-treatment.</summary>
    public string? DependsOn => Recurrence is Recurrence.FollowUp followUp ? followUp.AfterTaskKey : null;

    /// <summary>The event that releases this task, e.g. the end of fall sports for slit-seeding.</summary>
    public TriggerEvent? Trigger => Recurrence is Recurrence.Triggered triggered ? triggered.Event : null;

    /// <summary>Whether the task covers an area of <paramref name="kind"/>.</summary>
    public bool Covers(AreaKind kind) => Scope.Includes(kind);
}
