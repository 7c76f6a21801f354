using FieldContracts.Administration.Deficiencies;

namespace FieldContracts.Administration.Tests.Deficiencies;

/// <summary>The contractor's response to a deficiency: within the contract's response days (5 by default), in calendar days.</summary>
public sealed class ResponseTimeTests
{
    [Fact]
    public void DueOn_FoundThursdayApril1_2004_FiveCalendarDaysAcrossTheChangeToDaylightTime()
    {
        // Clocks go forward in Hartford on Sunday, April 4, 2004: the day of 23 hours counts as a day.
        Assert.Equal(new LocalDate(2004, 4, 6), ResponseTime.DueOn(new LocalDate(2004, 4, 1), 5));
    }

    [Fact]
    public void DueOn_FoundOnTheLeapDay_March5()
    {
        Assert.Equal(new LocalDate(2004, 3, 5), ResponseTime.DueOn(new LocalDate(2004, 2, 29), 5));
    }

    [Theory]
    [InlineData(DeficiencyStatus.Open, 6, false)]
    [InlineData(DeficiencyStatus.Open, 7, true)]
    [InlineData(DeficiencyStatus.Acknowledged, 7, false)]
    [InlineData(DeficiencyStatus.Disputed, 30, false)]
    [InlineData(DeficiencyStatus.Upheld, 30, false)]
    public void IsOverdue_OnlyWhileOpenAfterItsLastDay(DeficiencyStatus status, int aprilDay, bool overdue)
    {
        var due = ResponseTime.DueOn(new LocalDate(2004, 4, 1), 5);

        Assert.Equal(overdue, ResponseTime.IsOverdue(status, due, new LocalDate(2004, 4, aprilDay)));
    }
}
