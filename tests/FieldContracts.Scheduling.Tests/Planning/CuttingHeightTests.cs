using FieldContracts.Scheduling.Contracts;
using FieldContracts.Scheduling.Planning;
using FieldContracts.Scheduling.Specification;
using static FieldContracts.Scheduling.Tests.Planning.Hartford2685;

namespace FieldContracts.Scheduling.Tests.Planning;

public class CuttingHeightTests
{
    private static readonly SeasonalPlan Plan2685 = SeasonalPlanner.Plan(Input());

    private static CuttingHeight HeightOn(Guid siteId, int area, LocalDate day) =>
        Plan2685.Occurrences.Single(o => o.Kind == TaskKind.Mowing && o.SiteId == siteId && o.PlannedDate == day)
            .CuttingHeights.Single(h => h.AreaId == AreaId(siteId, area)).Height;

    [Theory]
    [InlineData(AreaKind.BaseballInfield, true, 1.0, 1.5)]
    [InlineData(AreaKind.BaseballInfield, false, 2.0, 2.5)]
    [InlineData(AreaKind.PlayingField, true, 1.5, 2.0)]
    [InlineData(AreaKind.PlayingField, false, 2.0, 2.5)]
    [InlineData(AreaKind.NonPlayingArea, true, 2.0, 2.5)]
    [InlineData(AreaKind.NonPlayingArea, false, 2.0, 2.5)]
    public void For_SpecIVTable_GivesTheRangeInInches(AreaKind kind, bool inSeason, double min, double max)
    {
        Assert.Equal(new CuttingHeight((decimal)min, (decimal)max), CuttingHeight.For(kind, inSeason));
    }

    [Theory]
    [InlineData(AreaKind.SkinnedInfield)]
    [InlineData(AreaKind.Track)]
    public void For_AreasThatAreNotMowed_IsNull(AreaKind kind)
    {
        Assert.Null(CuttingHeight.For(kind, true));
    }

    [Fact]
    public void Plan_BaseballInfieldInSeason_OneToOneAndAHalfInches()
    {
        // Thursday 2003-05-22 and Monday 2004-06-07; the contract's baseball season is March 15 – June 10.
        Assert.Equal(new CuttingHeight(1m, 1.5m), HeightOn(HartfordPublicId, 4, new LocalDate(2003, 5, 22)));
        Assert.Equal(new CuttingHeight(1m, 1.5m), HeightOn(WeaverId, 5, new LocalDate(2004, 6, 7)));
    }

    [Fact]
    public void Plan_BaseballInfieldOffSeason_TwoToTwoAndAHalfInches()
    {
        Assert.Equal(new CuttingHeight(2m, 2.5m), HeightOn(HartfordPublicId, 4, new LocalDate(2003, 7, 17)));
        Assert.Equal(new CuttingHeight(2m, 2.5m), HeightOn(WeaverId, 5, new LocalDate(2004, 6, 14)));
    }

    [Fact]
    public void Plan_SoccerFieldInAndOffSeason_FollowsTheSportSeason()
    {
        // Combination soccer/football field: football and soccer August 20 – November 27.
        Assert.Equal(new CuttingHeight(2m, 2.5m), HeightOn(BulkeleyId, 1, new LocalDate(2003, 8, 14)));
        Assert.Equal(new CuttingHeight(1.5m, 2m), HeightOn(BulkeleyId, 1, new LocalDate(2003, 8, 21)));
    }

    [Fact]
    public void Plan_NonPlayingAreas_TwoToTwoAndAHalfInchesAlways()
    {
        var nonPlaying = new HashSet<Guid> { AreaId(HartfordPublicId, 3), AreaId(WeaverId, 3), AreaId(WeaverId, 10), AreaId(BulkeleyId, 6) };

        var heights = Plan2685.Occurrences.Where(o => o.Kind == TaskKind.Mowing)
            .SelectMany(o => o.CuttingHeights).Where(h => nonPlaying.Contains(h.AreaId)).ToList();

        Assert.NotEmpty(heights);
        Assert.All(heights, h => Assert.Equal(new CuttingHeight(2m, 2.5m), h.Height));
    }

    [Fact]
    public void Plan_Mowing_HasAHeightForEveryMowedAreaAndNoneForTrackOrSkinnedInfield()
    {
        var weaverMowing = Plan2685.Occurrences.First(o => o.Kind == TaskKind.Mowing && o.SiteId == WeaverId);

        var areas = weaverMowing.CuttingHeights.Select(h => h.AreaId).ToList();
        Assert.Equal(8, areas.Count);
        Assert.DoesNotContain(AreaId(WeaverId, 2), areas);
        Assert.DoesNotContain(AreaId(WeaverId, 7), areas);
    }
}
