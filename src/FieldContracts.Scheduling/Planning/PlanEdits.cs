using NodaTime;

namespace FieldContracts.Scheduling.Planning;

/// <summary>Why an occurrence cannot be moved where asked; a value, not an exception.</summary>
public abstract record MoveRefusal
{
    private MoveRefusal()
    {
    }

    public sealed record OccurrenceNotFound(Guid OccurrenceId) : MoveRefusal;

    /// <summary>Work is logged against it; what was done stays as it was.</summary>
    public sealed record AlreadyLogged(Guid OccurrenceId, LocalDate LoggedOn) : MoveRefusal;

    /// <summary>It has no planned day to move: outside the term, or awaiting its trigger.</summary>
    public sealed record NotPlanned(Guid OccurrenceId, OccurrenceStatus Status) : MoveRefusal;

    /// <summary>The new day is outside the term.</summary>
    public sealed record OutsideTerm(LocalDate To, DateInterval Term) : MoveRefusal;

    /// <summary>The new day is not a working day (a day of the week not worked, a City holiday, the school closed) and the move is no emergency.</summary>
    public sealed record NotAWorkingDay(LocalDate To, string Why) : MoveRefusal;

    /// <summary>Only a chemical application has a time of day.</summary>
    public sealed record TimeOnlyForChemicalApplications(Guid OccurrenceId) : MoveRefusal;

    /// <summary>
    /// The chemical application would fall in school hours or an activity and is not an emergency
    /// (CGS 10-231c).
    /// </summary>
    public sealed record DuringSchoolHoursOrActivity(IReadOnlyList<BusyPeriod> Conflicts) : MoveRefusal;
}

/// <summary>Checks on hand edits of a plan, before they are recorded as facts and the plan re-planned.</summary>
public static class PlanEdits
{
    /// <summary>
    /// Whether occurrence <paramref name="occurrenceId"/> may move to <paramref name="to"/> (at
    /// <paramref name="at"/> for a chemical application); null when it may. Record the move in
    /// <see cref="PlanFacts.Moves"/> and re-plan with <see cref="Replanner.Replan"/>.
    /// </summary>
    public static MoveRefusal? CheckMove(SeasonalPlan plan, PlanInput input, Guid occurrenceId, LocalDate to,
        LocalTime? at = null, string? emergencyReason = null)
    {
        if (plan.Find(occurrenceId) is not { } occurrence)
        {
            return new MoveRefusal.OccurrenceNotFound(occurrenceId);
        }

        var loggedOn = occurrence.LoggedOn
            ?? (input.Facts.Logged.TryGetValue(occurrenceId, out var day) ? day : (LocalDate?)null);
        if (loggedOn is { } logged)
        {
            return new MoveRefusal.AlreadyLogged(occurrenceId, logged);
        }

        if (occurrence.PlannedDate is null)
        {
            return new MoveRefusal.NotPlanned(occurrenceId, occurrence.Status);
        }

        if (!input.Term.Contains(to))
        {
            return new MoveRefusal.OutsideTerm(to, input.Term);
        }

        var site = input.Sites.First(s => s.Id == occurrence.SiteId);
        var emergency = !string.IsNullOrWhiteSpace(emergencyReason);
        if (!emergency && input.Settings.NonWorking(site, to) is { } nonWorking)
        {
            return new MoveRefusal.NotAWorkingDay(to, nonWorking.Why);
        }

        if (!occurrence.IsChemical)
        {
            return at is null ? null : new MoveRefusal.TimeOnlyForChemicalApplications(occurrenceId);
        }

        var hours = input.Settings.ApplicationHours;
        if (at is { } time)
        {
            var check = ChemicalApplications.Check(site.Calendar, to + time, hours.Length, emergencyReason);
            return check.IsAllowed ? null : new MoveRefusal.DuringSchoolHoursOrActivity(check.Conflicts);
        }

        if (ChemicalApplications.EarliestSlot(site.Calendar, to, hours, input.Settings.ReEntryBuffer) is not null || emergency)
        {
            return null;
        }

        return new MoveRefusal.DuringSchoolHoursOrActivity(site.Calendar.BusyDuring(to + hours.EarliestStart, to + hours.LatestEnd));
    }
}
