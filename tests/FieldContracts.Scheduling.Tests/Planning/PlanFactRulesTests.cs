using FieldContracts.Scheduling.Planning;

namespace FieldContracts.Scheduling.Tests.Planning;

/// <summary>Items 2d ("Begin mowing as soon as grass begins growing"), 5a ("until it goes dormant") and 4d ("upon the conclusion of fall sports").</summary>
public sealed class PlanFactRulesTests
{
    [Theory]
    [InlineData(2004, 3, 1, true)]
    [InlineData(2004, 6, 30, true)]
    [InlineData(2004, 2, 29, false)]
    [InlineData(2004, 7, 1, false)]
    [InlineData(2003, 4, 15, false)]
    public void GrowthStart_BetweenMarch1AndJune30OfItsYear(int year, int month, int day, bool allowed)
    {
        Assert.Equal(allowed, PlanFactRules.GrowthStart(2004, new LocalDate(year, month, day)) is null);
        Assert.Null(PlanFactRules.GrowthStart(2004, null));
    }

    [Fact]
    public void DormancyAndEndOfFallSports_InTheFallOfTheirYear()
    {
        Assert.Null(PlanFactRules.Dormancy(2003, new LocalDate(2003, 11, 30)));
        Assert.Equal("Grass goes dormant between October 1 and December 31, 2003.", PlanFactRules.Dormancy(2003, new LocalDate(2003, 9, 30)));
        Assert.Null(PlanFactRules.EndOfFallSports(2003, new LocalDate(2003, 11, 27)));
        Assert.Equal("Fall sports end between August 1 and December 31, 2004.", PlanFactRules.EndOfFallSports(2004, new LocalDate(2003, 11, 27)));
    }

    [Fact]
    public void SeasonWindows_WithinOneYear()
    {
        Assert.Null(PlanFactRules.DefaultSeasonWindow(new AnnualDate(4, 25), new AnnualDate(6, 30)));
        Assert.Equal("A season window cannot run across the new year.", PlanFactRules.DefaultSeasonWindow(new AnnualDate(11, 1), new AnnualDate(2, 28)));
        Assert.NotNull(PlanFactRules.DefaultSeasonWindow(null, new AnnualDate(2, 28)));
        Assert.Null(PlanFactRules.SeasonWindowInYear(2004, new LocalDate(2004, 2, 29), new LocalDate(2004, 4, 30)));
        Assert.NotNull(PlanFactRules.SeasonWindowInYear(2004, new LocalDate(2004, 4, 30), new LocalDate(2004, 2, 29)));
        Assert.NotNull(PlanFactRules.SeasonWindowInYear(2004, new LocalDate(2003, 12, 1), new LocalDate(2004, 1, 31)));
    }
}
