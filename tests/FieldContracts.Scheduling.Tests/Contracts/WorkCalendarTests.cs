using FieldContracts.Scheduling.Contracts;
using FieldContracts.Scheduling.Testing;

namespace FieldContracts.Scheduling.Tests.Contracts;

public class WorkCalendarTests
{
    private static readonly WorkCalendar Hartford = Contract2685.WorkCalendar;

    [Fact]
    public void WhyNotWorking_Thanksgiving2003_TheHolidaysName()
    {
        Assert.Equal("Thanksgiving Day", Hartford.WhyNotWorking(new LocalDate(2003, 11, 27)));
        Assert.Equal("Labor Day", Hartford.WhyNotWorking(new LocalDate(2003, 9, 1)));
    }

    [Fact]
    public void WhyNotWorking_ASunday_TheDayOfTheWeek()
    {
        Assert.Equal("Sunday", Hartford.WhyNotWorking(new LocalDate(2004, 4, 25)));
        Assert.True(Hartford.IsWorkingDay(new LocalDate(2004, 4, 26)));
        Assert.True(Hartford.IsWorkingDay(new LocalDate(2004, 4, 24)));
    }

    [Fact]
    public void WhyNotWorking_LeapDay2004_AWorkingDay()
    {
        // Sunday, February 29, 2004 is not worked; the leap day itself is an ordinary day.
        Assert.Equal("Sunday", Hartford.WhyNotWorking(new LocalDate(2004, 2, 29)));
        Assert.Null(WorkCalendar.MondayToSaturday.WithWorkingDays([IsoDayOfWeek.Sunday]).WhyNotWorking(new LocalDate(2004, 2, 29)));
    }

    [Fact]
    public void Constructor_TwoHolidaysOnOneDay_Refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => new WorkCalendar([IsoDayOfWeek.Monday],
            [new Holiday(new LocalDate(2003, 12, 25), "Christmas Day"), new Holiday(new LocalDate(2003, 12, 25), "Christmas")]));
        Assert.Contains("2003-12-25", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NoWorkingDay_Refused()
    {
        Assert.Throws<ArgumentException>(() => new WorkCalendar([], []));
    }

    [Fact]
    public void Contract2685_HolidaysOfTheTerm_TwentyTwo()
    {
        Assert.Equal(22, Hartford.Holidays.Count);
        Assert.All(Hartford.Holidays, h => Assert.InRange(h.Date, Contract2685.Term.Start, Contract2685.Term.End));
    }
}
