using FieldContracts.Administration.Insurance;

namespace FieldContracts.Administration.Tests.Insurance;

/// <summary>Special instruction 14: insurers "having a Best's Key Rating of A-VIII or better".</summary>
public sealed class BestRatingTests
{
    private static readonly BestRating AMinusVIII = new(BestGrade.AMinus, 8);

    [Theory]
    [InlineData("A-VIII", BestGrade.AMinus, 8)]
    [InlineData("A- VII", BestGrade.AMinus, 7)]
    [InlineData("A++ XV", BestGrade.APlusPlus, 15)]
    [InlineData("B+ IX", BestGrade.BPlus, 9)]
    [InlineData("a-:viii", BestGrade.AMinus, 8)]
    [InlineData(" A VIII ", BestGrade.A, 8)]
    public void Parse_AsWritten_GradeAndSizeClass(string text, BestGrade grade, int sizeClass)
    {
        var (rating, refusal) = BestRating.Parse(text);

        Assert.Null(refusal);
        Assert.Equal(new BestRating(grade, sizeClass), rating);
    }

    [Theory]
    [InlineData("")]
    [InlineData("A-")]
    [InlineData("Excellent")]
    [InlineData("A XVI")]
    [InlineData("G VIII")]
    [InlineData("VIII A-")]
    public void Parse_Unreadable_RefusedAsValue(string text)
    {
        var (rating, refusal) = BestRating.Parse(text);

        Assert.Null(rating);
        Assert.NotNull(refusal);
        Assert.False(string.IsNullOrWhiteSpace(refusal.Message));
    }

    [Fact]
    public void Parse_TheBidsMinimum_IsAMinusClassVIII()
    {
        Assert.Equal(AMinusVIII, Certificates.Requirements.MinimumRating);
        Assert.Equal(AMinusVIII, BestRating.Parse("A-VIII").Rating);
        Assert.Equal("A- VIII", AMinusVIII.ToString());
    }

    [Fact]
    public void Grades_InBestsOrder()
    {
        BestGrade[] descending = [BestGrade.APlusPlus, BestGrade.APlus, BestGrade.A, BestGrade.AMinus, BestGrade.BPlusPlus, BestGrade.BPlus, BestGrade.B, BestGrade.BMinus];

        Assert.All(descending.Zip(descending.Skip(1)), pair => Assert.True(pair.First > pair.Second, $"{pair.First} > {pair.Second}"));
    }

    [Theory]
    [InlineData("A- VII", false)]
    [InlineData("A VIII", true)]
    [InlineData("A-VIII", true)]
    [InlineData("A++ XV", true)]
    [InlineData("B++ IX", false)]
    [InlineData("A++ VII", false)]
    public void Meets_AMinusVIIIOrBetter_GradeAndClassEachAtLeast(string text, bool meets)
    {
        Assert.Equal(meets, Certificates.Rating(text).Meets(AMinusVIII));
    }
}
