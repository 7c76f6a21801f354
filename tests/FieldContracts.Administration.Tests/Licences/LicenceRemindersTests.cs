using FieldContracts.Administration.Licences;

namespace FieldContracts.Administration.Tests.Licences;

/// <summary>Spec V: "proper licenses for the application of chemicals ... and a supervisor license", kept valid all term.</summary>
public sealed class LicenceRemindersTests
{
    /// <summary>The licence's last valid day.</summary>
    private static readonly LocalDate Expires = new(2004, 6, 30);

    [Theory]
    [InlineData(2004, 4, 30, null, null)]
    [InlineData(2004, 5, 1, 60, 60)]
    [InlineData(2004, 5, 30, 60, 31)]
    [InlineData(2004, 5, 31, 30, 30)]
    [InlineData(2004, 6, 14, 30, 16)]
    [InlineData(2004, 6, 15, 15, 15)]
    [InlineData(2004, 6, 28, 15, 2)]
    [InlineData(2004, 6, 29, 1, 1)]
    [InlineData(2004, 6, 30, 1, 0)]
    [InlineData(2004, 7, 1, null, null)]
    public void Due_At60And30And15And1Days_NoneBeforeOrAfterExpiry(int year, int month, int day, int? threshold, int? daysLeft)
    {
        var due = LicenceReminders.Due(Expires, new LocalDate(year, month, day));

        Assert.Equal(threshold is null ? null : (threshold.Value, daysLeft!.Value), due);
    }

    [Fact]
    public void Due_SameThresholdsAsInsurance_CountedToTheLastValidDay()
    {
        // A licence's expiry day is its last valid day; a policy printed to expire July 1 is last covered June 30.
        for (var day = new LocalDate(2004, 4, 1); day <= new LocalDate(2004, 7, 31); day = day.PlusDays(1))
        {
            Assert.Equal(FieldContracts.Administration.Insurance.InsuranceReminders.Due(new LocalDate(2004, 7, 1), day), LicenceReminders.Due(Expires, day));
        }
    }

    [Fact]
    public void Horizon_SixtyDaysOut()
    {
        Assert.Equal(new LocalDate(2004, 4, 29), LicenceReminders.Horizon(new LocalDate(2004, 2, 29)));
    }

    [Fact]
    public void Key_NamesLicenceExpiryAndThreshold()
    {
        var id = Guid.Parse("0b5f2c1e-9d1a-4c55-8a8e-2b7e4f0d6a11");

        Assert.Equal("licence:0b5f2c1e9d1a4c558a8e2b7e4f0d6a11:2004-06-30:15", LicenceReminders.Key(id, Expires, 15));
    }
}
