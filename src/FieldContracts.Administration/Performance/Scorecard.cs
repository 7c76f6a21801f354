using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.Notices;
using FieldContracts.Scheduling.Planning;
using NodaTime;

namespace FieldContracts.Administration.Performance;

/// <summary>A piece of planned work as the scorecard takes it: one occurrence of the plan.</summary>
/// <param name="School">The school's code, e.g. "HPHS".</param>
/// <param name="Window">The days it was to be done on, both ends inclusive.</param>
/// <param name="DoneOn">The day the visit that did it was logged for (Hartford), or null when no visit did it.</param>
/// <param name="Status">Where it stands in the plan; only planned work is held to its window.</param>
/// <param name="Cancelled">Dropped from the plan; never counted.</param>
public sealed record ScorecardWork(string School, DateInterval Window, LocalDate? DoneOn, OccurrenceStatus Status, bool Cancelled);

/// <summary>A deficiency as the scorecard takes it, from the register.</summary>
/// <param name="Kind">What it is about.</param>
/// <param name="School">The school's code, or null when it concerns the contract as a whole.</param>
/// <param name="FoundOn">The day it was found (Hartford).</param>
/// <param name="Status">Where it stands in the register.</param>
/// <param name="CuredAt">When the register's Cure step was taken, or null when it was not.</param>
public sealed record ScorecardDeficiency(DeficiencyKind Kind, string? School, LocalDate FoundOn, DeficiencyStatus Status, Instant? CuredAt)
{
    /// <summary>A deficiency of the register at the school <paramref name="school"/>: cured at its Cure step, if it has one.</summary>
    public static ScorecardDeficiency Of(Deficiency deficiency, string? school)
    {
        ArgumentNullException.ThrowIfNull(deficiency);
        var cure = deficiency.Steps.LastOrDefault(s => s.Action == DeficiencyAction.Cure);
        return new ScorecardDeficiency(deficiency.Kind, school, deficiency.FoundOn, deficiency.Status, cure?.At);
    }
}

/// <summary>A chemical application of the plan, whose schools must be notified beforehand (spec VII; CGS 10-231c).</summary>
/// <param name="OccurrenceId">The planned application; its notices are found in the <see cref="NoticeLedger"/> by it.</param>
/// <param name="School">The school's code.</param>
/// <param name="StartsAt">When the application starts, as the plan has it now.</param>
/// <param name="Status">Where it stands in the plan; only a planned application is held to its notice.</param>
/// <param name="Cancelled">Dropped from the plan; never counted.</param>
public sealed record ScorecardApplication(Guid OccurrenceId, string School, Instant StartsAt, OccurrenceStatus Status, bool Cancelled);

/// <summary>What a contract's scorecard is computed from.</summary>
/// <param name="Schools">The contract's schools by code, in the order they are shown.</param>
/// <param name="Work">Every occurrence of the plan, cancelled and unplanned ones included (the scorecard leaves them out).</param>
/// <param name="Deficiencies">The contract's deficiency register.</param>
/// <param name="Applications">Every chemical application of the plan that has a start time.</param>
/// <param name="Notices">The notices given for the contract's applications, recorded by hand and emailed.</param>
/// <param name="NoticeLeadTime">The contract's notice lead time (elapsed time before an application starts).</param>
public sealed record ScorecardInput(
    IReadOnlyList<string> Schools,
    IReadOnlyList<ScorecardWork> Work,
    IReadOnlyList<ScorecardDeficiency> Deficiencies,
    IReadOnlyList<ScorecardApplication> Applications,
    NoticeLedger Notices,
    Duration NoticeLeadTime);

/// <summary>
/// How many of those counted were on time. The counts are exact; the percentage is computed from them and rounded
/// only for display.
/// </summary>
/// <param name="OnTime">How many were on time.</param>
/// <param name="Counted">How many were counted.</param>
public readonly record struct Share(int OnTime, int Counted)
{
    /// <summary>On time as a percentage of those counted, unrounded; null when nothing was counted.</summary>
    public decimal? Percent => Counted == 0 ? null : OnTime * 100m / Counted;

    /// <summary>The percentage to one decimal place, half away from zero (66.65 → 66.7): for display only.</summary>
    public decimal? PercentRounded => Percent is { } percent ? Math.Round(percent, 1, MidpointRounding.AwayFromZero) : null;

    public static Share operator +(Share left, Share right) => new(left.OnTime + right.OnTime, left.Counted + right.Counted);

    /// <summary>One more counted, on time or not.</summary>
    public Share Add(bool onTime) => new(OnTime + (onTime ? 1 : 0), Counted + 1);
}

/// <summary>Calendar days from the day deficiencies were found to the day they were verified cured, added up.</summary>
/// <param name="Cured">How many cured deficiencies are counted.</param>
/// <param name="TotalDays">Their days to cure, added up.</param>
public readonly record struct DaysToCure(int Cured, int TotalDays)
{
    /// <summary>The mean in calendar days, unrounded; null when none was cured.</summary>
    public decimal? Mean => Cured == 0 ? null : (decimal)TotalDays / Cured;

    /// <summary>The mean to one decimal place, half away from zero: for display only.</summary>
    public decimal? MeanRounded => Mean is { } mean ? Math.Round(mean, 1, MidpointRounding.AwayFromZero) : null;

    public static DaysToCure operator +(DaysToCure left, DaysToCure right) => new(left.Cured + right.Cured, left.TotalDays + right.TotalDays);
}

/// <summary>A school's share (on-time work or notices), by code.</summary>
public sealed record SchoolShare(string School, Share Share);

/// <summary>The on-time share of the planned work whose window ended in one month, per school and for all of them.</summary>
public sealed record MonthOnTime(YearMonth Month, IReadOnlyList<SchoolShare> Schools, Share AllSchools);

/// <summary>How many deficiencies a school has; a null school is the contract as a whole.</summary>
public sealed record SchoolCount(string? School, int Count);

/// <summary>How many deficiencies of one kind there are, per school and in all.</summary>
public sealed record KindCounts(DeficiencyKind Kind, IReadOnlyList<SchoolCount> Schools, int AllSchools);

/// <summary>A school's days to cure; a null school is the contract as a whole.</summary>
public sealed record SchoolDaysToCure(string? School, DaysToCure Days);

/// <summary>A contract's scorecard on one day. See <see cref="Scorecard.Compute"/> for what each figure counts.</summary>
/// <param name="Today">The day it was computed for (Hartford).</param>
/// <param name="Schools">The schools on the work and notice figures, in order.</param>
/// <param name="DeficiencySchools">The columns of the deficiency and cure figures: the schools, then null (the contract as a whole) when any deficiency has no school.</param>
/// <param name="OnTimeByMonth">Per month in which counted work's window ended, the earliest first.</param>
/// <param name="OnTimeBySchool">Per school, all months.</param>
/// <param name="OnTime">All schools, all months.</param>
/// <param name="DeficienciesByKind">Per kind that has any, in the register's order of kinds.</param>
/// <param name="DeficienciesBySchool">Per school (and the contract as a whole), all kinds.</param>
/// <param name="DeficienciesTotal">All counted deficiencies.</param>
/// <param name="DaysToCureBySchool">Per school (and the contract as a whole).</param>
/// <param name="DaysToCure">All cured deficiencies.</param>
/// <param name="NoticesBySchool">Per school.</param>
/// <param name="Notices">All schools.</param>
public sealed record ScorecardFigures(
    LocalDate Today,
    IReadOnlyList<string> Schools,
    IReadOnlyList<string?> DeficiencySchools,
    IReadOnlyList<MonthOnTime> OnTimeByMonth,
    IReadOnlyList<SchoolShare> OnTimeBySchool,
    Share OnTime,
    IReadOnlyList<KindCounts> DeficienciesByKind,
    IReadOnlyList<SchoolCount> DeficienciesBySchool,
    int DeficienciesTotal,
    IReadOnlyList<SchoolDaysToCure> DaysToCureBySchool,
    DaysToCure DaysToCure,
    IReadOnlyList<SchoolShare> NoticesBySchool,
    Share Notices);

/// <summary>
/// A contract's performance scorecard: planned work done on time per month and school, deficiencies by kind and school,
/// the mean days to cure, and chemical notices given on time. It judges nothing itself: lateness is
/// <see cref="WorkTimeliness"/>'s rule and a notice's standing is the <see cref="NoticeLedger"/>'s, so the scorecard
/// always agrees with the register, the nightly pass and the schedule.
/// </summary>
public static class Scorecard
{
    /// <summary>
    /// The scorecard as of <paramref name="asOf"/>, with contract days reckoned in <paramref name="zone"/>
    /// (today is <paramref name="asOf"/>'s date there).
    /// <list type="bullet">
    /// <item><b>Planned work on time.</b> Counted: work held to its window (<see cref="WorkTimeliness.IsHeldToWindow"/>:
    /// planned, not cancelled) whose window has ended (<see cref="WorkTimeliness.HasEnded"/>: its last day is before today),
    /// so work whose window is still open, done or not, is not counted yet and the future is never counted as missed.
    /// On time: <see cref="WorkTimeliness.Judge"/> finds it <see cref="Timeliness.OnTime"/>, that is logged as done on a
    /// day within its window, both ends inclusive. Done early, done late and missed all count against it. It belongs to
    /// the month, and the school, in which its window ended.</item>
    /// <item><b>Deficiencies by kind and school.</b> Every deficiency in the register except those Purchasing withdrew
    /// (they do not stand), whatever step it has reached; one with no school belongs to the contract as a whole.</item>
    /// <item><b>Days to cure.</b> Only cured deficiencies: the calendar days from the day it was found to the day, in
    /// <paramref name="zone"/>, of its Cure step (found June 2, cured June 9: 7 days). The mean is their sum over their
    /// count.</item>
    /// <item><b>Notices on time.</b> Counted: each planned, uncancelled chemical application whose notice was due by an
    /// instant already past (its start less the contract's lead time, before <paramref name="asOf"/>). On time: the
    /// ledger's notice on record names the application's day and went out at or before that instant
    /// (<see cref="NoticeStanding.Given"/>), whether recorded by hand or emailed (from the moment a mail server accepted
    /// it).</item>
    /// </list>
    /// </summary>
    public static ScorecardFigures Compute(ScorecardInput input, Instant asOf, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(zone);
        var today = asOf.InZone(zone).Date;
        var schools = WithAny(input.Schools, input.Work.Select(w => w.School).Concat(input.Applications.Select(a => a.School)));

        var (byMonth, onTimeBySchool) = OnTimeFigures(input.Work, schools, today);
        var (byKind, deficienciesBySchool, deficiencySchools) = DeficiencyFigures(input.Deficiencies, schools);
        var curesBySchool = deficiencySchools
            .Select(school => new SchoolDaysToCure(school, input.Deficiencies
                .Where(d => d.School == school && d.Status == DeficiencyStatus.Cured && d.CuredAt is not null)
                .Aggregate(new DaysToCure(), (days, d) => days + new DaysToCure(1, DaysBetween(d.FoundOn, d.CuredAt!.Value.InZone(zone).Date)))))
            .ToList();
        var noticesBySchool = NoticeFigures(input, schools, asOf, zone);

        return new ScorecardFigures(today, schools, deficiencySchools,
            byMonth, onTimeBySchool, Sum(onTimeBySchool.Select(s => s.Share)),
            byKind, deficienciesBySchool, deficienciesBySchool.Sum(s => s.Count),
            curesBySchool, curesBySchool.Aggregate(new DaysToCure(), (all, s) => all + s.Days),
            noticesBySchool, Sum(noticesBySchool.Select(s => s.Share)));
    }

    /// <summary>Calendar days from <paramref name="foundOn"/> to <paramref name="curedOn"/>: 0 when cured the day it was found.</summary>
    public static int DaysBetween(LocalDate foundOn, LocalDate curedOn) => Period.DaysBetween(foundOn, curedOn);

    private static (List<MonthOnTime> ByMonth, List<SchoolShare> BySchool) OnTimeFigures(IEnumerable<ScorecardWork> work,
        IReadOnlyList<string> schools, LocalDate today)
    {
        var counted = work
            .Where(w => WorkTimeliness.IsHeldToWindow(w.Status, w.Cancelled) && WorkTimeliness.HasEnded(w.Window, today))
            .Select(w => (w.School, Month: w.Window.End.ToYearMonth(), OnTime: WorkTimeliness.Judge(w.Window, w.DoneOn, today) == Timeliness.OnTime))
            .ToList();
        var cells = counted
            .GroupBy(c => (c.Month, c.School))
            .ToDictionary(g => g.Key, g => g.Aggregate(new Share(), (share, c) => share.Add(c.OnTime)));
        var byMonth = counted.Select(c => c.Month).Distinct().Order()
            .Select(month =>
            {
                var row = schools.Select(school => new SchoolShare(school, cells.GetValueOrDefault((month, school)))).ToList();
                return new MonthOnTime(month, row, Sum(row.Select(s => s.Share)));
            })
            .ToList();
        var bySchool = schools
            .Select(school => new SchoolShare(school, Sum(byMonth.Select(m => m.Schools.Single(s => s.School == school).Share))))
            .ToList();
        return (byMonth, bySchool);
    }

    private static (List<KindCounts> ByKind, List<SchoolCount> BySchool, List<string?> Columns) DeficiencyFigures(
        IReadOnlyList<ScorecardDeficiency> deficiencies, IReadOnlyList<string> schools)
    {
        var standing = deficiencies.Where(d => d.Status != DeficiencyStatus.Withdrawn).ToList();
        var columns = WithAny(schools, deficiencies.Where(d => d.School is not null).Select(d => d.School!)).Cast<string?>().ToList();
        if (deficiencies.Any(d => d.School is null))
        {
            columns.Add(null);
        }

        var byKind = standing.Select(d => d.Kind).Distinct().Order()
            .Select(kind =>
            {
                var row = columns.Select(school => new SchoolCount(school, standing.Count(d => d.Kind == kind && d.School == school))).ToList();
                return new KindCounts(kind, row, row.Sum(s => s.Count));
            })
            .ToList();
        var bySchool = columns.Select(school => new SchoolCount(school, standing.Count(d => d.School == school))).ToList();
        return (byKind, bySchool, columns);
    }

    private static List<SchoolShare> NoticeFigures(ScorecardInput input, IReadOnlyList<string> schools, Instant asOf, DateTimeZone zone)
    {
        var shares = schools.ToDictionary(s => s, _ => new Share(), StringComparer.Ordinal);
        foreach (var application in input.Applications.Where(a => WorkTimeliness.IsHeldToWindow(a.Status, a.Cancelled)))
        {
            var startsAt = application.StartsAt.InZone(zone);
            if (NoticeLedger.Requirement(startsAt, input.NoticeLeadTime).DueBy >= asOf)
            {
                // Its notice may still go out in time: not counted yet.
                continue;
            }

            var given = input.Notices.Standing(application.OccurrenceId, startsAt, input.NoticeLeadTime, asOf) is NoticeStanding.Given;
            shares[application.School] = shares[application.School].Add(given);
        }

        return schools.Select(s => new SchoolShare(s, shares[s])).ToList();
    }

    /// <summary>The schools given, in their order, then any other school the figures name, in code order.</summary>
    private static List<string> WithAny(IEnumerable<string> schools, IEnumerable<string> named)
    {
        var list = schools.Distinct(StringComparer.Ordinal).ToList();
        list.AddRange(named.Distinct(StringComparer.Ordinal).Except(list, StringComparer.Ordinal).Order(StringComparer.Ordinal));
        return list;
    }

    private static Share Sum(IEnumerable<Share> shares) => shares.Aggregate(new Share(), (all, s) => all + s);
}
