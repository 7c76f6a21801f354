using FieldContracts.Scheduling.Calendar;

namespace FieldContracts.Scheduling.Tests.Calendar;

public class CalendarEventRevisionTests
{
    private static readonly CalendarEvent Published = Ics.Event(
        "mow-2003-07-15-HPHS@fieldcontracts", EventTiming.At(new LocalDateTime(2003, 7, 15, 7, 0), Duration.FromHours(3))) with
    {
        Sequence = 3,
    };

    [Fact]
    public void NextSequence_FirstPublication_IsZero()
    {
        Assert.Equal(0, CalendarEventRevision.NextSequence(null, Published, Ics.NewYork));
    }

    [Fact]
    public void NextSequence_MovedToAnotherDay_IsRaised()
    {
        var moved = Published with { Timing = EventTiming.At(new LocalDateTime(2003, 7, 16, 7, 0), Duration.FromHours(3)) };

        Assert.Equal(4, CalendarEventRevision.NextSequence(Published, moved, Ics.NewYork));
    }

    [Fact]
    public void NextSequence_Lengthened_IsRaised()
    {
        var longer = Published with { Timing = EventTiming.At(new LocalDateTime(2003, 7, 15, 7, 0), Duration.FromHours(4)) };

        Assert.Equal(4, CalendarEventRevision.NextSequence(Published, longer, Ics.NewYork));
    }

    [Fact]
    public void NextSequence_Cancelled_IsRaised()
    {
        Assert.Equal(4, CalendarEventRevision.NextSequence(Published, Published with { Status = EventStatus.Cancelled }, Ics.NewYork));
    }

    [Fact]
    public void NextSequence_OnlyTheDescriptionChanged_IsUnchanged()
    {
        var noted = Published with { Description = "Notice: sent 2003-07-14" };

        Assert.Equal(3, CalendarEventRevision.NextSequence(Published, noted, Ics.NewYork));
    }

    [Fact]
    public void NextSequence_SameTimeGivenAsAZonedTime_IsUnchanged()
    {
        var zoned = Published with
        {
            Timing = EventTiming.At(Instant.FromUtc(2003, 7, 15, 11, 0).InUtc(), Duration.FromHours(3)),
        };

        Assert.Equal(3, CalendarEventRevision.NextSequence(Published, zoned, Ics.NewYork));
    }

    [Fact]
    public void NextSequence_AllDayInsteadOfTimed_IsRaised()
    {
        var allDay = Published with { Timing = EventTiming.OnDay(new LocalDate(2003, 7, 15)) };

        Assert.Equal(4, CalendarEventRevision.NextSequence(Published, allDay, Ics.NewYork));
    }
}
