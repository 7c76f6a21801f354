using FieldContracts.Scheduling.Contracts;

namespace FieldContracts.Scheduling.Tests.Contracts;

public class ContractTests
{
    // Special instruction 5: "a nineteen and one half (19.5) month period commencing on or about
    // May 15, 2003 and ending on December 31, 2004."
    private static readonly DateInterval Term2685 = new(new LocalDate(2003, 5, 15), new LocalDate(2004, 12, 31));

    private static Contract NewContract() => new(
        Guid.NewGuid(), "2685", "Term contract: athletic fields; maintenance of", Guid.NewGuid(), Term2685,
        new LocalDate(2003, 4, 15),
        new ContractSettings(SubcontractingPolicy.NotPermitted, ContractSettings.DefaultChemicalNoticeLeadTime, 7));

    [Fact]
    public void Term_Of2685_Is597DaysInclusiveOfBothEnds()
    {
        var contract = NewContract();

        Assert.Equal(new LocalDate(2003, 5, 15), contract.Term.Start);
        Assert.Equal(new LocalDate(2004, 12, 31), contract.Term.End);
        // 2004 is a leap year: 231 days left of 2003 from May 15, plus 366.
        Assert.Equal(231 + 366, contract.Term.Length);
        Assert.Contains(new LocalDate(2004, 2, 29), contract.Term);
    }

    [Theory]
    [InlineData(2003, 5, 14, ContractStatus.Awarded)]
    [InlineData(2003, 5, 15, ContractStatus.InForce)]
    [InlineData(2004, 12, 31, ContractStatus.InForce)]
    [InlineData(2005, 1, 1, ContractStatus.Completed)]
    public void StatusOn_TermEdges_FollowsTheTerm(int year, int month, int day, ContractStatus expected)
    {
        Assert.Equal(expected, NewContract().StatusOn(new LocalDate(year, month, day)));
    }

    [Fact]
    public void AddSite_SameCodeTwice_IsRefused()
    {
        var contract = NewContract();
        var address = new PostalAddress("55 Forest Street", "Hartford", "CT", "06105");
        contract.AddSite(Guid.NewGuid(), "HPHS", "Hartford Public High School", address, new GeoPoint(41.7662m, -72.6975m));

        Assert.Throws<InvalidOperationException>(() =>
            contract.AddSite(Guid.NewGuid(), "hphs", "Hartford Public High School", address, new GeoPoint(41.7662m, -72.6975m)));
    }

    [Fact]
    public void EstimatedTotal_RoundsToTheCent()
    {
        var line = NewContract().AddPriceLine(Guid.NewGuid(), "1", "Mowing, per visit", PriceBasis.UnitPrice, "visit",
            estimatedQuantity: 3m, unitPrice: 33.335m, isSample: true);

        Assert.Equal(100.01m, line.EstimatedTotal);
    }
}

public class SportSeasonTests
{
    private static readonly SportSeason Baseball = new("Baseball", new AnnualDate(3, 15), new AnnualDate(6, 10));
    private static readonly SportSeason Winter = new("Indoor", new AnnualDate(11, 20), new AnnualDate(2, 28));

    [Theory]
    [InlineData(2003, 3, 14, false)]
    [InlineData(2003, 3, 15, true)]
    [InlineData(2004, 6, 10, true)]
    [InlineData(2004, 6, 11, false)]
    public void Contains_BothEndsInclusive(int year, int month, int day, bool expected)
    {
        Assert.Equal(expected, Baseball.Contains(new LocalDate(year, month, day)));
    }

    [Theory]
    [InlineData(2003, 12, 31, true)]
    [InlineData(2004, 1, 15, true)]
    [InlineData(2004, 2, 28, true)]
    [InlineData(2004, 2, 29, false)]
    [InlineData(2004, 3, 1, false)]
    [InlineData(2003, 11, 19, false)]
    public void Contains_SeasonAcrossNewYear_WrapsAround(int year, int month, int day, bool expected)
    {
        Assert.Equal(expected, Winter.Contains(new LocalDate(year, month, day)));
    }

    [Theory]
    [InlineData(2003, 2, 28, true)]
    [InlineData(2003, 3, 1, false)]
    [InlineData(2004, 2, 29, true)]
    public void Contains_SeasonEndingOnLeapDay_EndsWithFebruaryInCommonYears(int year, int month, int day, bool expected)
    {
        var season = new SportSeason("Indoor", new AnnualDate(11, 20), new AnnualDate(2, 29));

        Assert.Equal(expected, season.Contains(new LocalDate(year, month, day)));
    }
}
