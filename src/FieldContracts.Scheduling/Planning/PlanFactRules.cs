using NodaTime;

namespace FieldContracts.Scheduling.Planning;

/// <summary>
/// The bounds of the facts recorded against a plan: when grass may begin growing (item 2d) and go dormant (item 5a),
/// when fall sports may end (item 4d), and the shape of a season's window. Each answers why a value is refused, in
/// words, or null when it may be recorded.
/// </summary>
public static class PlanFactRules
{
    /// <summary>Growth begins in spring: between March 1 and June 30 of its year.</summary>
    public static string? GrowthStart(int year, LocalDate? day) =>
        day is { } g && (g.Year != year || g.Month is < 3 or > 6) ? $"Growth starts between March 1 and June 30, {year}." : null;

    /// <summary>Grass goes dormant in the fall: between October 1 and December 31 of its year.</summary>
    public static string? Dormancy(int year, LocalDate? day) =>
        day is { } d && (d.Year != year || d.Month < 10) ? $"Grass goes dormant between October 1 and December 31, {year}." : null;

    /// <summary>Fall sports end between August 1 and December 31 of their year.</summary>
    public static string? EndOfFallSports(int year, LocalDate? day) =>
        day is { } e && (e.Year != year || e.Month < 8) ? $"Fall sports end between August 1 and December 31, {year}." : null;

    /// <summary>A season's usual window lies within one year (both ends inclusive).</summary>
    public static string? DefaultSeasonWindow(AnnualDate? start, AnnualDate? end) =>
        start is null || end is null ? "Give the season's usual first and last day (MM-dd)."
        : end.Value.CompareTo(start.Value) < 0 ? "A season window cannot run across the new year."
        : null;

    /// <summary>A season's window in one year lies within that year, its last day not before its first.</summary>
    public static string? SeasonWindowInYear(int year, LocalDate? start, LocalDate? end) =>
        start is null || end is null || start.Value.Year != year || end.Value.Year != year || end < start
            ? $"Give the {year} window's first and last day in {year}, the last not before the first."
            : null;
}
