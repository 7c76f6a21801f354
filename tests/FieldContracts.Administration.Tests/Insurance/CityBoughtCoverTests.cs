using FieldContracts.Administration.Insurance;

namespace FieldContracts.Administration.Tests.Insurance;

/// <summary>
/// Special instruction 14, item 11: "such default may be cured by procurement of insurance on behalf of the Provider, at
/// the Provider's expense, and at the City's option."
/// </summary>
public sealed class CityBoughtCoverTests
{
    private static readonly LocalDate July2 = new(2004, 7, 2);

    [Fact]
    public void Record_AutoBoughtJuly2_DeductsItsCostWithTheReasonInWords()
    {
        var (cover, refusal) = CityBoughtCover.Record(CoverageKind.AutomobileLiability, 1850.00m, July2, July2, new LocalDate(2005, 7, 2), "  Binder 77 ");

        Assert.Null(refusal);
        Assert.Equal(Money.Dollars(-1850.00m), cover!.Deduction);
        Assert.Equal("Automobile liability, policy July 2, 2004 to July 2, 2005, bought by the City at the contractor's expense (special instruction 14), "
                     + "bought July 2, 2004: Binder 77", cover.Reason);
    }

    [Fact]
    public void Record_NoNote_ReasonEndsWithTheDay()
    {
        var (cover, _) = CityBoughtCover.Record(CoverageKind.WorkersCompensation, 900m, July2, July2, new LocalDate(2005, 7, 2), " ");

        Assert.EndsWith("bought July 2, 2004.", cover!.Reason, StringComparison.Ordinal);
        Assert.Null(cover.Note);
    }

    [Theory]
    [InlineData(null, 1850.00, 2004, 7, 2, 2005, 7, 2, "kind")]
    [InlineData(CoverageKind.AutomobileLiability, 0, 2004, 7, 2, 2005, 7, 2, "cost")]
    [InlineData(CoverageKind.AutomobileLiability, -10, 2004, 7, 2, 2005, 7, 2, "cost")]
    [InlineData(CoverageKind.AutomobileLiability, 1850.001, 2004, 7, 2, 2005, 7, 2, "cost")]
    [InlineData(CoverageKind.AutomobileLiability, 10000000.01, 2004, 7, 2, 2005, 7, 2, "cost")]
    [InlineData(CoverageKind.AutomobileLiability, 1850.00, 2004, 7, 2, 2004, 7, 2, "expiration")]
    [InlineData(CoverageKind.AutomobileLiability, 1850.00, 2003, 7, 2, 2004, 7, 2, "expiration")]
    public void Record_Wrong_NamesTheField(CoverageKind? kind, double cost, int fromYear, int fromMonth, int fromDay, int toYear, int toMonth, int toDay,
        string field)
    {
        var (cover, refusal) = CityBoughtCover.Record(kind, (decimal)cost, July2, new LocalDate(fromYear, fromMonth, fromDay),
            new LocalDate(toYear, toMonth, toDay), null);

        Assert.Null(cover);
        Assert.Equal(field, refusal!.Field);
    }

    [Fact]
    public void Record_MissingDaysOrLongNote_NamesTheField()
    {
        Assert.Equal("boughtOn", CityBoughtCover.Record(CoverageKind.AutomobileLiability, 1m, null, July2, July2.PlusYears(1), null).Refusal!.Field);
        Assert.Equal("effective", CityBoughtCover.Record(CoverageKind.AutomobileLiability, 1m, July2, null, July2.PlusYears(1), null).Refusal!.Field);
        Assert.Equal("expiration", CityBoughtCover.Record(CoverageKind.AutomobileLiability, 1m, July2, July2, null, null).Refusal!.Field);
        Assert.Equal("note", CityBoughtCover.Record(CoverageKind.AutomobileLiability, 1m, July2, July2, July2.PlusYears(1), new string('n', 1001)).Refusal!.Field);
        Assert.Equal("kind", CityBoughtCover.Record((CoverageKind)99, 1m, July2, July2, July2.PlusYears(1), null).Refusal!.Field);
    }
}
