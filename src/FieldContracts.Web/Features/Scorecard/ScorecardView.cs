using System.Globalization;
using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.Performance;
using NodaTime;
using NodaTime.Text;

namespace FieldContracts.Web.Features.Scorecard;

/// <summary>
/// A contract's performance scorecard as the page, the API and the CSV give it: one set of figures, so the three always
/// agree. Percentages and means are rounded to one decimal place, half away from zero; the counts beside them are exact.
/// </summary>
/// <param name="ContractNumber">The contract's number, e.g. "2685".</param>
/// <param name="ContractTitle">The contract's title.</param>
/// <param name="AsOf">The day the figures were computed for (Hartford).</param>
/// <param name="Schools">The contract's schools, in the order the figures list them.</param>
/// <param name="OnTime">Planned work done within its window, per month and school.</param>
/// <param name="Deficiencies">Deficiencies that stand (not withdrawn), by kind and school.</param>
/// <param name="DaysToCure">Calendar days from found to verified cured, of cured deficiencies.</param>
/// <param name="Notices">Chemical notices given on time.</param>
public sealed record ScorecardView(
    string ContractNumber,
    string ContractTitle,
    LocalDate AsOf,
    IReadOnlyList<ScorecardSchool> Schools,
    OnTimeView OnTime,
    DeficienciesView Deficiencies,
    DaysToCureView DaysToCure,
    NoticesView Notices)
{
    private static readonly YearMonthPattern MonthPattern = YearMonthPattern.CreateWithInvariantCulture("uuuu'-'MM");

    /// <summary>The school a code stands for; null (a deficiency of the contract as a whole) and unknown codes as they are.</summary>
    public string SchoolName(string? code) =>
        code is null ? "Whole contract" : Schools.FirstOrDefault(s => s.Code == code)?.Name ?? code;

    /// <summary>The view of <paramref name="figures"/>.</summary>
    public static ScorecardView From(string number, string title, IReadOnlyList<ScorecardSchool> schools, ScorecardFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return new ScorecardView(number, title, figures.Today, schools,
            new OnTimeView(
                figures.OnTimeByMonth.Select(m => new OnTimeMonthView(MonthPattern.Format(m.Month), m.Schools.Select(SchoolShareView.Of).ToList(),
                    ShareView.Of(m.AllSchools))).ToList(),
                figures.OnTimeBySchool.Select(SchoolShareView.Of).ToList(),
                ShareView.Of(figures.OnTime)),
            new DeficienciesView(
                figures.DeficiencySchools,
                figures.DeficienciesByKind.Select(k => new DeficiencyKindView(k.Kind,
                    k.Schools.Select(s => new SchoolCountView(s.School, s.Count)).ToList(), k.AllSchools)).ToList(),
                figures.DeficienciesBySchool.Select(s => new SchoolCountView(s.School, s.Count)).ToList(),
                figures.DeficienciesTotal),
            new DaysToCureView(
                figures.DaysToCureBySchool.Select(s => new SchoolDaysToCureView(s.School, s.Days.Cured, s.Days.TotalDays, s.Days.MeanRounded)).ToList(),
                figures.DaysToCure.Cured, figures.DaysToCure.TotalDays, figures.DaysToCure.MeanRounded),
            new NoticesView(figures.NoticesBySchool.Select(SchoolShareView.Of).ToList(), ShareView.Of(figures.Notices)));
    }

    /// <summary>A percentage or a mean as the page and the CSV write it: one decimal place ("66.7"), empty when there is none.</summary>
    public static string Figure(decimal? value) => value?.ToString("0.0", CultureInfo.InvariantCulture) ?? "";
}

/// <summary>One of the contract's schools.</summary>
public sealed record ScorecardSchool(string Code, string Name);

/// <summary>How many of those counted were on time.</summary>
/// <param name="OnTime">How many were on time.</param>
/// <param name="Counted">How many were counted.</param>
/// <param name="Percent">On time as a percentage of those counted, to one decimal place; null when none was counted.</param>
public sealed record ShareView(int OnTime, int Counted, decimal? Percent)
{
    public static ShareView Of(Share share) => new(share.OnTime, share.Counted, share.PercentRounded);
}

/// <summary>A school's share, by its code.</summary>
public sealed record SchoolShareView(string School, int OnTime, int Counted, decimal? Percent)
{
    public static SchoolShareView Of(SchoolShare share) =>
        new(share.School, share.Share.OnTime, share.Share.Counted, share.Share.PercentRounded);
}

/// <summary>Work whose window ended in one month (yyyy-MM), per school and for all of them.</summary>
public sealed record OnTimeMonthView(string Month, IReadOnlyList<SchoolShareView> Schools, ShareView AllSchools);

/// <summary>
/// Planned work done on time. Counted: planned work, not cancelled, whose window's last day is before the day of the
/// figures. On time: logged as done on a day within its window, both ends inclusive.
/// </summary>
/// <param name="Months">Each month in which counted work's window ended, the earliest first.</param>
/// <param name="BySchool">Each school, all months.</param>
/// <param name="AllSchools">All schools, all months.</param>
public sealed record OnTimeView(IReadOnlyList<OnTimeMonthView> Months, IReadOnlyList<SchoolShareView> BySchool, ShareView AllSchools);

/// <summary>How many deficiencies a school has; a null school is the contract as a whole.</summary>
public sealed record SchoolCountView(string? School, int Count);

/// <summary>Deficiencies of one kind, per school and in all.</summary>
public sealed record DeficiencyKindView(DeficiencyKind Kind, IReadOnlyList<SchoolCountView> Schools, int AllSchools);

/// <summary>Deficiencies in the register that stand: every one except those Purchasing withdrew.</summary>
/// <param name="Schools">The columns: each school's code, then null (the contract as a whole) when any deficiency has no school.</param>
/// <param name="ByKind">Each kind that has any.</param>
/// <param name="BySchool">Each column, all kinds.</param>
/// <param name="AllSchools">All of them.</param>
public sealed record DeficienciesView(IReadOnlyList<string?> Schools, IReadOnlyList<DeficiencyKindView> ByKind, IReadOnlyList<SchoolCountView> BySchool,
    int AllSchools);

/// <summary>A school's cured deficiencies and their days to cure; a null school is the contract as a whole.</summary>
/// <param name="Cured">How many were cured.</param>
/// <param name="TotalDays">Their calendar days from found to cured, added up.</param>
/// <param name="MeanDays">The mean, to one decimal place; null when none was cured.</param>
public sealed record SchoolDaysToCureView(string? School, int Cured, int TotalDays, decimal? MeanDays);

/// <summary>Calendar days from the day a deficiency was found to the day (Hartford) the register's Cure step verified it cured.</summary>
public sealed record DaysToCureView(IReadOnlyList<SchoolDaysToCureView> BySchool, int Cured, int TotalDays, decimal? MeanDays);

/// <summary>
/// Chemical notices given on time. Counted: planned chemical applications whose notice was due (their start less the
/// contract's lead time) before the figures were computed. On time: a notice naming the application's day went out at
/// or before then, recorded by hand or emailed (from when a mail server accepted it).
/// </summary>
public sealed record NoticesView(IReadOnlyList<SchoolShareView> BySchool, ShareView AllSchools);
