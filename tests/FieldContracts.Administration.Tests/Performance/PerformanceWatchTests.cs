using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.Performance;
using FieldContracts.Scheduling.Contracts;
using static FieldContracts.Administration.Tests.Performance.Bid2685;

namespace FieldContracts.Administration.Tests.Performance;

/// <summary>
/// When the register suggests a case: by default three upheld deficiencies found within 30 days (today and the 29
/// days before), or any chemical applied without a notice that counts.
/// </summary>
public sealed class PerformanceWatchTests
{
    private static readonly LocalDate Jun30 = new(2003, 6, 30);
    private static readonly LocalDate Jul1 = new(2003, 7, 1);
    private static readonly LocalDate Jul15 = new(2003, 7, 15);
    private static readonly LocalDate Jul30 = new(2003, 7, 30);

    private readonly Contract _contract = Contract();

    [Fact]
    public void Assess_ThreeUpheldTheOldestOnTheWindowsFirstDay_Suggested()
    {
        var register = Upheld(Jul1, Jul15, Jul30);

        var suggestion = PerformanceWatch.Assess(_contract.Id, register, PerformanceWatchSettings.Default, Jul30);

        Assert.True(suggestion.OpenCase);
        Assert.Equal(register.Select(d => d.Id), suggestion.DeficiencyIds);
        Assert.Equal("3 deficiencies found from Jul 1, 2003 to Jul 30, 2003 were upheld, at or over the threshold of 3 within 30 "
            + "days (special instruction 7 A: repeated failure).", Assert.Single(suggestion.Reasons));
    }

    [Fact]
    public void Assess_ThreeUpheldTheOldestThirtyDaysBefore_NotSuggested()
    {
        var suggestion = PerformanceWatch.Assess(_contract.Id, Upheld(Jun30, Jul15, Jul30), PerformanceWatchSettings.Default, Jul30);

        Assert.False(suggestion.OpenCase);
        Assert.Empty(suggestion.DeficiencyIds);
        Assert.StartsWith("2 deficiencies found from Jul 1, 2003", Assert.Single(suggestion.Reasons));
    }

    [Fact]
    public void Window_ThirtyDaysEndingJul30_IsJul1ToJul30()
    {
        Assert.Equal(new DateInterval(Jul1, Jul30), PerformanceWatch.Window(Jul30, 30));
        Assert.Equal(30, PerformanceWatch.Window(Jul30, 30).Length);
    }

    [Fact]
    public void Assess_AcknowledgedDisputedWithdrawnOrAnotherContracts_NotCounted()
    {
        DeficiencyStatus[] notUpheld = [DeficiencyStatus.Open, DeficiencyStatus.Acknowledged, DeficiencyStatus.Disputed, DeficiencyStatus.Withdrawn];
        var register = notUpheld.Select(status => Reach(Raise(_contract, Jul15), status))
            .Concat(Upheld(Jul1, Jul15))
            .Append(Reach(Raise(Contract(), Jul15), DeficiencyStatus.Upheld))
            .ToList();

        var suggestion = PerformanceWatch.Assess(_contract.Id, register, PerformanceWatchSettings.Default, Jul30);

        Assert.False(suggestion.OpenCase);
        Assert.StartsWith("2 deficiencies", suggestion.Reasons[0]);
    }

    [Fact]
    public void Assess_UpheldThenCured_CountsButIsNotNamed()
    {
        var cured = Reach(Raise(_contract, Jul1), DeficiencyStatus.Cured);
        var register = Upheld(Jul15, Jul30).Prepend(cured).ToList();

        var suggestion = PerformanceWatch.Assess(_contract.Id, register, PerformanceWatchSettings.Default, Jul30);

        Assert.True(suggestion.OpenCase);
        Assert.Equal(register.Skip(1).Select(d => d.Id), suggestion.DeficiencyIds);
    }

    [Fact]
    public void Assess_AllUpheldSinceCured_NotSuggested()
    {
        var register = new[] { Jul1, Jul15, Jul30 }.Select(d => Reach(Raise(_contract, d), DeficiencyStatus.Cured)).ToList();

        var suggestion = PerformanceWatch.Assess(_contract.Id, register, PerformanceWatchSettings.Default, Jul30);

        Assert.False(suggestion.OpenCase);
        Assert.Equal("All of them have since been cured; a case would have nothing left to name.", suggestion.Reasons[^1]);
    }

    [Fact]
    public void Assess_OneApplicationWithoutNotice_Suggested()
    {
        var application = Raise(_contract, Jul15, DeficiencyKind.ApplicationWithoutNotice,
            "Pre-emergent applied at Bulkeley on Jul 15, 2003 with no notice on record (spec VII).");

        var suggestion = PerformanceWatch.Assess(_contract.Id, [application], PerformanceWatchSettings.Default, Jul30);

        Assert.True(suggestion.OpenCase);
        Assert.Equal([application.Id], suggestion.DeficiencyIds);
        Assert.Contains("1 chemical application(s) without a notice that counts", suggestion.Reasons[^1]);
    }

    [Fact]
    public void Assess_ApplicationWithoutNoticeWithdrawnOrRuleOff_NotSuggested()
    {
        var withdrawn = Reach(Raise(_contract, Jul15, DeficiencyKind.ApplicationWithoutNotice, "Applied without notice."),
            DeficiencyStatus.Withdrawn);
        var open = Raise(_contract, Jul15, DeficiencyKind.ApplicationWithoutNotice, "Applied without notice.");

        Assert.False(PerformanceWatch.Assess(_contract.Id, [withdrawn], PerformanceWatchSettings.Default, Jul30).OpenCase);
        Assert.False(PerformanceWatch.Assess(_contract.Id, [open], new PerformanceWatchSettings(3, 30, false), Jul30).OpenCase);
    }

    [Fact]
    public void Assess_ThresholdAndWindowSetByTheCity_Applied()
    {
        var settings = new PerformanceWatchSettings(2, 14, true);

        Assert.True(PerformanceWatch.Assess(_contract.Id, Upheld(new LocalDate(2003, 7, 17), Jul30), settings, Jul30).OpenCase);
        Assert.False(PerformanceWatch.Assess(_contract.Id, Upheld(new LocalDate(2003, 7, 16), Jul30), settings, Jul30).OpenCase);
        Assert.Throws<ArgumentOutOfRangeException>(() => new PerformanceWatchSettings(0, 30, true));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PerformanceWatchSettings(3, 0, true));
    }

    private List<Deficiency> Upheld(params LocalDate[] foundOn) =>
        foundOn.Select(d => Reach(Raise(_contract, d), DeficiencyStatus.Upheld)).ToList();
}
