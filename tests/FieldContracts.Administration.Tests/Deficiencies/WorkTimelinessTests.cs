using FieldContracts.Administration.Deficiencies;
using FieldContracts.Scheduling.Planning;

using NodaTime.Text;

namespace FieldContracts.Administration.Tests.Deficiencies;

/// <summary>Special instruction 7 B: "fails to fulfill services required in accordance with agreed schedule".</summary>
public sealed class WorkTimelinessTests
{
    // The grub inspection of item 3e: "In mid to late August", August 15–31, 2003.
    private static readonly DateInterval GrubInspection = new(new LocalDate(2003, 8, 15), new LocalDate(2003, 8, 31));

    [Theory]
    [InlineData(null, "2003-08-31", Timeliness.Open)]
    [InlineData(null, "2003-09-01", Timeliness.Missed)]
    [InlineData("2003-08-15", "2003-09-10", Timeliness.OnTime)]
    [InlineData("2003-08-31", "2003-09-10", Timeliness.OnTime)]
    [InlineData("2003-09-01", "2003-09-10", Timeliness.Late)]
    [InlineData("2003-08-14", "2003-09-10", Timeliness.Early)]
    public void Judge_TheWindowIsInclusiveAtBothEnds(string? doneOn, string today, Timeliness expected)
    {
        LocalDate? done = doneOn is null ? null : LocalDatePattern.Iso.Parse(doneOn).Value;

        Assert.Equal(expected, WorkTimeliness.Judge(GrubInspection, done, LocalDatePattern.Iso.Parse(today).Value));
    }

    [Fact]
    public void Judge_WindowEndingOnLeapDay_MissedFromMarch1()
    {
        var window = new DateInterval(new LocalDate(2004, 2, 16), new LocalDate(2004, 2, 29));

        Assert.Equal(Timeliness.Open, WorkTimeliness.Judge(window, null, new LocalDate(2004, 2, 29)));
        Assert.Equal(Timeliness.Missed, WorkTimeliness.Judge(window, null, new LocalDate(2004, 3, 1)));
    }

    [Theory]
    [InlineData(OccurrenceStatus.Planned, false, true)]
    [InlineData(OccurrenceStatus.Planned, true, false)]
    [InlineData(OccurrenceStatus.OutsideTerm, false, false)]
    [InlineData(OccurrenceStatus.AwaitingTrigger, false, false)]
    [InlineData(OccurrenceStatus.ScheduleConflict, false, false)]
    public void IsHeldToWindow_OnlyPlannedWorkNotCancelled(OccurrenceStatus status, bool cancelled, bool held)
    {
        Assert.Equal(held, WorkTimeliness.IsHeldToWindow(status, cancelled));
    }
}
