using NodaTime;

namespace FieldContracts.Scheduling.Planning;

/// <summary>What prompted a re-plan.</summary>
public enum ReplanCause
{
    SportSeasonChanged,
    DormancyDateChanged,
    GrowthStartChanged,
    EndOfFallSportsRecorded,
    OccurrenceMoved,
    SeasonWindowChanged,
    WorkLogged,
    Other,

    /// <summary>The City ended the contract early (special instruction 6 or 7 C): work on and after the day is cancelled.</summary>
    ContractTerminated,
}

/// <summary>Who changed the plan, when, and why; supplied by the caller, never read from a clock.</summary>
/// <param name="ChangedBy">The user who made the change.</param>
/// <param name="ChangedAt">When the change was made.</param>
/// <param name="Cause">What kind of change prompted the re-plan.</param>
/// <param name="Reason">The reason given, in the user's words.</param>
public sealed record ChangeStamp(string ChangedBy, Instant ChangedAt, ReplanCause Cause, string Reason);

/// <summary>What changed about one occurrence.</summary>
[Flags]
public enum OccurrenceChanges
{
    None = 0,
    Added = 1,
    Removed = 2,

    /// <summary>Its planned day or application time changed.</summary>
    Rescheduled = 4,
    WindowChanged = 8,
    CuttingHeightsChanged = 16,
    StatusChanged = 32,
    AreasChanged = 64,

    /// <summary>It now carries another task's key or item, e.g. a mowing that fell into another season.</summary>
    Relabelled = 128,
}

/// <summary>
/// One recorded change to a plan: which occurrence, what changed (before and after), and who, when
/// and why.
/// </summary>
/// <param name="OccurrenceId">The occurrence.</param>
/// <param name="What">What changed.</param>
/// <param name="Before">The occurrence before; null when added.</param>
/// <param name="After">The occurrence after; null when removed.</param>
/// <param name="Notice">For a chemical application that moved, its moved notice and whether a fresh one is needed.</param>
/// <param name="Stamp">Who, when and why.</param>
public sealed record PlanChange(
    Guid OccurrenceId,
    OccurrenceChanges What,
    Occurrence? Before,
    Occurrence? After,
    NoticeMove? Notice,
    ChangeStamp Stamp);

/// <summary>A re-planned plan with the changes from the previous one.</summary>
public sealed record PlanRevision(SeasonalPlan Plan, IReadOnlyList<PlanChange> Changes);

/// <summary>
/// Re-planning after a change of facts (a sport season, the dormancy date, the end of fall sports, a
/// moved occurrence). Occurrences with work logged against them are kept exactly as they were:
/// never removed, moved or re-timed.
/// </summary>
public static class Replanner
{
    public static PlanRevision Replan(SeasonalPlan previous, PlanInput input, ChangeStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(stamp);
        if (previous.ContractId != input.ContractId)
        {
            throw new ArgumentException("The previous plan belongs to another contract.", nameof(previous));
        }

        var fresh = SeasonalPlanner.Plan(input);
        var logged = input.Facts.Logged;
        var result = new List<Occurrence>(fresh.Occurrences.Count + 8);
        var kept = new HashSet<Guid>();
        foreach (var occurrence in fresh.Occurrences)
        {
            var before = previous.Find(occurrence.Id);
            result.Add(before is not null && IsLogged(before, logged) ? Keep(before, logged) : occurrence);
            kept.Add(occurrence.Id);
        }

        foreach (var before in previous.Occurrences)
        {
            if (!kept.Contains(before.Id) && IsLogged(before, logged))
            {
                result.Add(Keep(before, logged));
            }
        }

        var occurrences = result.ToArray();
        SeasonalPlanner.Sort(occurrences, input);
        var plan = new SeasonalPlan(input.ContractId, input.Term, occurrences);

        var changes = new List<PlanChange>();
        foreach (var after in occurrences)
        {
            var before = previous.Find(after.Id);
            var what = before is null ? OccurrenceChanges.Added : Compare(before, after);
            if (what != OccurrenceChanges.None)
            {
                changes.Add(new PlanChange(after.Id, what, before, after, NoticeOf(before, after, what, input), stamp));
            }
        }

        foreach (var before in previous.Occurrences)
        {
            if (plan.Find(before.Id) is null)
            {
                changes.Add(new PlanChange(before.Id, OccurrenceChanges.Removed, before, null, null, stamp));
            }
        }

        return new PlanRevision(plan, changes);
    }

    /// <summary>What differs between two versions of one occurrence.</summary>
    public static OccurrenceChanges Compare(Occurrence before, Occurrence after)
    {
        var what = OccurrenceChanges.None;
        if (before.PlannedDate != after.PlannedDate
            || before.Application?.Start != after.Application?.Start
            || before.Application?.EmergencyReason != after.Application?.EmergencyReason)
        {
            what |= OccurrenceChanges.Rescheduled;
        }

        if (!before.Window.Equals(after.Window))
        {
            what |= OccurrenceChanges.WindowChanged;
        }

        if (!before.CuttingHeights.SequenceEqual(after.CuttingHeights))
        {
            what |= OccurrenceChanges.CuttingHeightsChanged;
        }

        if (before.Status != after.Status)
        {
            what |= OccurrenceChanges.StatusChanged;
        }

        if (!before.AreaIds.SequenceEqual(after.AreaIds))
        {
            what |= OccurrenceChanges.AreasChanged;
        }

        if (before.TaskKey != after.TaskKey || before.ItemReference != after.ItemReference)
        {
            what |= OccurrenceChanges.Relabelled;
        }

        return what;
    }

    private static bool IsLogged(Occurrence occurrence, IReadOnlyDictionary<Guid, LocalDate> logged) =>
        occurrence.LoggedOn is not null || logged.ContainsKey(occurrence.Id);

    private static Occurrence Keep(Occurrence before, IReadOnlyDictionary<Guid, LocalDate> logged) =>
        logged.TryGetValue(before.Id, out var on) && before.LoggedOn != on ? before with { LoggedOn = on } : before;

    private static NoticeMove? NoticeOf(Occurrence? before, Occurrence after, OccurrenceChanges what, PlanInput input)
    {
        if ((what & OccurrenceChanges.Rescheduled) == 0
            || before?.Application is not { } was
            || after.Application is not { } now)
        {
            return null;
        }

        return ChemicalNotices.Move(was.Notice, now.StartsAt, input.Facts.SentNotices.GetValueOrDefault(after.Id));
    }
}
