using System.Globalization;
using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.Licences;
using FieldContracts.Scheduling.Planning;
using NodaTime;

namespace FieldContracts.Administration.WorkLogs;

/// <summary>
/// A deficiency found in a logged visit, with the evidence that raised it: the measured figures and the clause
/// of the bid. It goes into the deficiency register (<see cref="Deficiency"/>), where the contractor answers it.
/// </summary>
/// <param name="Kind">What was found.</param>
/// <param name="OccurrenceId">The planned work it concerns, if one.</param>
/// <param name="AreaId">The area it concerns, if one.</param>
/// <param name="Evidence">A sentence with the figures and the clause, e.g. "Baseball infield cut at 1.25″ off season; spec IV requires 2–2.5″".</param>
public sealed record DeficiencyCandidate(DeficiencyKind Kind, Guid? OccurrenceId, Guid? AreaId, string Evidence);

/// <summary>The height an area was cut at, in inches, and optionally the height found before mowing.</summary>
/// <param name="Area">The area as the planner sees it: kind and sport seasons.</param>
/// <param name="After">Height of cut.</param>
/// <param name="Before">Height of the grass before mowing, when measured.</param>
public sealed record AreaHeightLogged(AreaInput Area, decimal After, decimal? Before);

/// <summary>A planned occurrence the visit says it did, with the window it was planned in (both ends inclusive).</summary>
public sealed record OccurrenceDone(Guid Id, string Title, DateInterval Window);

/// <summary>Who holds a certification for a chemical application (spec V; CGS 22a-66g).</summary>
public enum CertifiedRole
{
    Supervisor,
    Applicator,
}

/// <summary>A person's pesticide certification: number and last day of validity (inclusive).</summary>
public sealed record Certification(CertifiedRole Role, string Name, string Number, LocalDate Expires)
{
    /// <summary>Whether the certification is valid on <paramref name="date"/>: the register's rule, its last day counts.</summary>
    public bool IsValidOn(LocalDate date) => Licence.IsValidOn(null, Expires, date);
}

/// <summary>
/// What a visit reports, as the checks need it.
/// </summary>
/// <param name="Date">The day of the visit, Hartford time.</param>
/// <param name="Occurrences">The planned work done.</param>
/// <param name="Heights">For each mowed area, the height of cut and the height before mowing.</param>
/// <param name="Certifications">For a chemical application, the supervisor's and applicator's certifications.</param>
/// <param name="EmergencyApplication">For a chemical application accepted as an emergency without a sufficient notice, its reason.</param>
public sealed record VisitFacts(
    LocalDate Date,
    IReadOnlyList<OccurrenceDone> Occurrences,
    IReadOnlyList<AreaHeightLogged> Heights,
    IReadOnlyList<Certification> Certifications,
    string? EmergencyApplication = null);

/// <summary>The spec IV height an area is to be kept at on a day: its kind's range, in or off its sport season.</summary>
/// <param name="Range">The range in inches, both ends inclusive.</param>
/// <param name="InSeason">Whether one of the area's sports was in season that day.</param>
public readonly record struct SeasonalHeight(CuttingHeight Range, bool InSeason)
{
    /// <summary>"in season" or "off season".</summary>
    public string Season => InSeason ? "in season" : "off season";

    /// <summary>Whether a height in inches is within the range, both ends inclusive.</summary>
    public bool Allows(decimal inches) => Range.Contains(inches);
}

/// <summary>
/// Checks a logged visit against the specification when it is entered: heights of cut for the
/// season, the one-third rule and the 4-inch rule (spec IV), the planned window, the certifications
/// (spec V) and the pre-notification (spec VII). Each finding is a candidate, not yet a deficiency.
/// </summary>
public static class SpecificationChecks
{
    /// <summary>Grass is never to be over 4 inches (spec IV; DESIGN.md).</summary>
    public const decimal MaximumGrassHeight = 4m;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// The spec IV height <paramref name="area"/> is to be kept at on <paramref name="date"/> (the range of its kind, in
    /// or off its sport season); null for an area that is not mowed. The one statement of the rule: a visit's heights of
    /// cut and an inspection's measured heights are both judged by it.
    /// </summary>
    public static SeasonalHeight? HeightFor(AreaInput area, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(area);
        var inSeason = area.IsInSeason(date);
        return CuttingHeight.For(area.Kind, inSeason) is { } range ? new SeasonalHeight(range, inSeason) : null;
    }

    public static IReadOnlyList<DeficiencyCandidate> Check(VisitFacts visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        var found = new List<DeficiencyCandidate>();
        var occurrenceId = visit.Occurrences.Count == 1 ? visit.Occurrences[0].Id : (Guid?)null;

        foreach (var done in visit.Occurrences)
        {
            var timeliness = WorkTimeliness.Judge(done.Window, visit.Date, visit.Date);
            if (timeliness is Timeliness.Early or Timeliness.Late)
            {
                found.Add(new DeficiencyCandidate(timeliness == Timeliness.Late ? DeficiencyKind.LateWork : DeficiencyKind.EarlyWork, done.Id, null,
                    $"{done.Title} done on {Day(visit.Date)}; the plan's window is {Day(done.Window.Start)} – {Day(done.Window.End)}."));
            }
        }

        foreach (var height in visit.Heights)
        {
            var area = height.Area;
            if (HeightFor(area, visit.Date) is { } required && !required.Allows(height.After))
            {
                found.Add(new DeficiencyCandidate(DeficiencyKind.HeightOutOfRange, occurrenceId, area.Id,
                    $"{area.Name} cut at {Inches(height.After)} {required.Season}; " +
                    $"spec IV requires {Inches(required.Range.MinInches, required.Range.MaxInches)}."));
            }

            if (height.Before is not { } before)
            {
                continue;
            }

            if (before > MaximumGrassHeight)
            {
                found.Add(new DeficiencyCandidate(DeficiencyKind.GrassOver4Inches, occurrenceId, area.Id,
                    $"{area.Name} was {Inches(before)} before mowing; spec IV: grass never over 4\"."));
            }

            // (before − after) / before > 1/3, without dividing.
            if (before > 0 && (before - height.After) * 3 > before)
            {
                var removed = Math.Round((before - height.After) / before, 3, MidpointRounding.AwayFromZero);
                found.Add(new DeficiencyCandidate(DeficiencyKind.MoreThanOneThirdRemoved, occurrenceId, area.Id,
                    $"{area.Name} cut from {Inches(before)} to {Inches(height.After)}: {removed.ToString("0.###", Invariant)} of the blade removed; " +
                    "spec IV: no more than 1/3 in one mowing."));
            }
        }

        foreach (var certification in visit.Certifications)
        {
            if (!certification.IsValidOn(visit.Date))
            {
                found.Add(new DeficiencyCandidate(DeficiencyKind.LicenceExpired, occurrenceId, null,
                    $"{certification.Role} {certification.Name} (certification {certification.Number}) expired on " +
                    $"{Day(certification.Expires)}; the application was on {Day(visit.Date)}. Spec V requires proper licences."));
            }
        }

        if (visit.EmergencyApplication is { } reason)
        {
            found.Add(new DeficiencyCandidate(DeficiencyKind.ApplicationWithoutNotice, occurrenceId, null,
                $"Applied on {Day(visit.Date)} without a sufficient prior notice, as an emergency: {reason}. " +
                "Spec VII and CGS 10-231c require pre-notification of the school."));
        }

        return found;
    }

    private static string Day(LocalDate date) => Figures.Day(date);

    private static string Inches(decimal value) => Figures.Inches(value);

    private static string Inches(decimal min, decimal max) => Figures.Inches(min, max);
}
