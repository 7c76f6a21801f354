using NodaTime;
using NodaTime.Text;

namespace FieldContracts.Scheduling.Contracts;

/// <summary>A day the City does not work, with its name (e.g. "Thanksgiving Day").</summary>
public sealed record Holiday(LocalDate Date, string Name)
{
    public override string ToString() => $"{Name} ({LocalDatePattern.Iso.Format(Date)})";
}

/// <summary>
/// The contract's working days: the days of the week work is done on, less the City's holidays. All work except an
/// emergency is planned on working days; a day that is not one is moved to the next that is, and the plan says why.
/// A school's own closures are added by the planner for that school.
/// </summary>
public sealed class WorkCalendar : IEquatable<WorkCalendar>
{
    private static readonly IsoDayOfWeek[] MondayToSaturdayDays =
    [
        IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday,
        IsoDayOfWeek.Saturday,
    ];

    private readonly Dictionary<LocalDate, Holiday> _holidays;

    /// <summary>Bit <c>n</c> set when ISO day of the week <c>n</c> is worked.</summary>
    private readonly int _workingDays;

    public WorkCalendar(IEnumerable<IsoDayOfWeek> workingDays, IEnumerable<Holiday> holidays)
    {
        ArgumentNullException.ThrowIfNull(workingDays);
        ArgumentNullException.ThrowIfNull(holidays);
        WorkingDays = workingDays.Distinct().Order().ToArray();
        if (WorkingDays.Count == 0 || WorkingDays.Contains(IsoDayOfWeek.None))
        {
            throw new ArgumentException("A work calendar has at least one working day of the week.", nameof(workingDays));
        }

        foreach (var day in WorkingDays)
        {
            _workingDays |= 1 << (int)day;
        }

        Holidays = holidays.OrderBy(h => h.Date).ToArray();
        _holidays = [];
        foreach (var holiday in Holidays)
        {
            if (!_holidays.TryAdd(holiday.Date, holiday))
            {
                throw new ArgumentException($"Two holidays fall on {LocalDatePattern.Iso.Format(holiday.Date)}.", nameof(holidays));
            }
        }
    }

    /// <summary>Monday to Saturday, no holidays: the calendar of a contract that sets none.</summary>
    public static WorkCalendar MondayToSaturday { get; } = new(MondayToSaturdayDays, []);

    /// <summary>The days of the week work is done on, Monday first.</summary>
    public IReadOnlyList<IsoDayOfWeek> WorkingDays { get; }

    /// <summary>The City's holidays, in date order.</summary>
    public IReadOnlyList<Holiday> Holidays { get; }

    /// <summary>Why <paramref name="date"/> is not a working day ("Sunday", "Thanksgiving Day"); null when it is one.</summary>
    public string? WhyNotWorking(LocalDate date) =>
        _holidays.TryGetValue(date, out var holiday) ? holiday.Name
        : (_workingDays & (1 << (int)date.DayOfWeek)) == 0 ? date.DayOfWeek.ToString()
        : null;

    public bool IsWorkingDay(LocalDate date) => WhyNotWorking(date) is null;

    /// <summary>The same working days of the week and the same holidays.</summary>
    public bool Equals(WorkCalendar? other) =>
        other is not null && other._workingDays == _workingDays && other.Holidays.SequenceEqual(Holidays);

    public override bool Equals(object? obj) => Equals(obj as WorkCalendar);

    public override int GetHashCode() => HashCode.Combine(_workingDays, Holidays.Count);

    /// <summary>A copy with other working days of the week and the same holidays.</summary>
    public WorkCalendar WithWorkingDays(IEnumerable<IsoDayOfWeek> workingDays) => new(workingDays, Holidays);
}
