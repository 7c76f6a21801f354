using FieldContracts.Scheduling.Contracts;

namespace FieldContracts.Scheduling.Tests.Contracts;

/// <summary>Spec VII's pre-notification and CGS 10-231c's 24 hours: the limits of a contract's settings, stated once.</summary>
public sealed class ContractSettingsTests
{
    [Theory]
    [InlineData(23, false)]
    [InlineData(24, true)]
    [InlineData(336, true)]
    [InlineData(337, false)]
    [InlineData(0, false)]
    public void Check_NoticeLeadTime_AtLeastTheLegal24HoursAndAtMostTwoWeeks(int hours, bool allowed)
    {
        var refusal = ContractSettings.Check(Duration.FromHours(hours), 7);

        Assert.Equal(allowed, refusal is null);
        if (!allowed)
        {
            Assert.Equal("The chemical notice lead time is 24 to 336 hours.", refusal!.Message);
            Assert.Throws<ArgumentOutOfRangeException>(() =>
                new ContractSettings(SubcontractingPolicy.NotPermitted, Duration.FromHours(hours), 7));
        }
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(31, true)]
    [InlineData(32, false)]
    public void Check_MowingCadence_OneTo31Days(int days, bool allowed)
    {
        Assert.Equal(allowed, ContractSettings.Check(Duration.FromHours(24), days) is null);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(5, true)]
    [InlineData(30, true)]
    [InlineData(31, false)]
    public void CheckResponseDays_OneTo30Days(int days, bool allowed)
    {
        var refusal = ContractSettings.CheckResponseDays(days);

        Assert.Equal(allowed, refusal is null);
        if (!allowed)
        {
            Assert.Equal("The contractor's response time is 1 to 30 days.", refusal!.Message);
            Assert.Throws<ArgumentOutOfRangeException>(() =>
                new ContractSettings(SubcontractingPolicy.NotPermitted, Duration.FromHours(24), 7, responseDays: days));
        }
    }

    [Fact]
    public void ResponseDays_NotSet_FiveDays()
    {
        var settings = new ContractSettings(SubcontractingPolicy.NotPermitted, Duration.FromHours(24), 7);

        Assert.Equal(5, settings.ResponseDays);
        Assert.False(settings.HasSameValuesAs(new ContractSettings(SubcontractingPolicy.NotPermitted, Duration.FromHours(24), 7, responseDays: 10)));
    }
}
