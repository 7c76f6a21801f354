using FieldContracts.Administration.Licences;

namespace FieldContracts.Administration.Tests.Licences;

/// <summary>Spec V: "proper licenses for the application of chemicals ... and a supervisor license", kept valid all term.</summary>
public sealed class LicenceRemindersTests
{
    private static readonly LocalDate Expires = new(2004, 6, 30);

    [Theory]
    [InlineData(2004, 5, 30, null, null)]
    [InlineData(2004, 5, 31, 30, 30)]
    [InlineData(2004, 6, 22, 30, 8)]
    [InlineData(2004, 6, 23, 7, 7)]
    [InlineData(2004, 6, 30, 7, 0)]
    [InlineData(2004, 7, 1, null, null)]
    public void Due_At30AndAt7Days_NoneBeforeOrAfterExpiry(int year, int month, int day, int? threshold, int? daysLeft)
    {
        var due = LicenceReminders.Due(Expires, new LocalDate(year, month, day));

        Assert.Equal(threshold is null ? null : (threshold.Value, daysLeft!.Value), due);
    }

    [Fact]
    public void Horizon_ThirtyDaysOut()
    {
        Assert.Equal(new LocalDate(2004, 3, 30), LicenceReminders.Horizon(new LocalDate(2004, 2, 29)));
    }
}
