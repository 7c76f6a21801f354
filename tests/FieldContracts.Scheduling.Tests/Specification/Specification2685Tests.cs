using FieldContracts.Scheduling.Contracts;
using FieldContracts.Scheduling.Specification;

namespace FieldContracts.Scheduling.Tests.Specification;

public class Specification2685Tests
{
    private static readonly ContractSpecification Spec = Specification2685.Specification;

    [Fact]
    public void Tasks_CoverEveryItemOfTheBid()
    {
        string[] items = ["1a", "1b", "1c", "2a", "2b", "2c", "2d", "3a", "3b", "3c", "3d", "3e", "4a", "4b", "4c", "4d", "4e", "5a", "5b"];

        Assert.Equal(items, Spec.Tasks.Select(t => t.ItemReference).Distinct());
        Assert.All(Spec.Tasks, t => Assert.False(string.IsNullOrWhiteSpace(t.BidText)));
    }

    [Theory]
    [InlineData(Specification2685.EarlySpring, 3, 20, 4, 30)]
    [InlineData(Specification2685.Spring, 4, 25, 6, 30)]
    [InlineData(Specification2685.Summer, 7, 1, 8, 31)]
    [InlineData(Specification2685.EarlyFall, 9, 1, 10, 31)]
    [InlineData(Specification2685.Fall, 11, 1, 12, 31)]
    public void Seasons_DefaultWindows(string key, int startMonth, int startDay, int endMonth, int endDay)
    {
        var window = Spec.Season(key).WindowIn(2004);

        Assert.Equal(new LocalDate(2004, startMonth, startDay), window.Start);
        Assert.Equal(new LocalDate(2004, endMonth, endDay), window.End);
    }

    [Fact]
    public void WithSeasonWindow_OneYear_LeavesOtherYearsOnTheDefault()
    {
        var edited = Spec.WithSeasonWindow(Specification2685.Summer,
            new DateInterval(new LocalDate(2004, 7, 6), new LocalDate(2004, 8, 27)));

        Assert.Equal(new LocalDate(2004, 7, 6), edited.Season(Specification2685.Summer).WindowIn(2004).Start);
        Assert.Equal(new LocalDate(2003, 7, 1), edited.Season(Specification2685.Summer).WindowIn(2003).Start);
        Assert.Equal(new LocalDate(2004, 7, 1), Spec.Season(Specification2685.Summer).WindowIn(2004).Start);
    }

    [Fact]
    public void WithSeasonWindow_AcrossTheNewYear_Refused()
    {
        Assert.Throws<ArgumentException>(() => Spec.WithSeasonWindow(Specification2685.Fall,
            new DateInterval(new LocalDate(2004, 11, 1), new LocalDate(2005, 1, 15))));
    }

    [Fact]
    public void Tasks_ChemicalOnesAreTheFertilizerAndHerbicideApplications()
    {
        string[] chemical =
        [
            Specification2685.SpringFertilizer, Specification2685.Broadleaf, Specification2685.BroadleafRetreatment,
            Specification2685.VegetationControl, Specification2685.VegetationControlRetreatment,
            Specification2685.FallVegetationControl,
        ];

        Assert.Equal(chemical, Spec.Tasks.Where(t => t.IsChemical).Select(t => t.Key));
    }

    [Fact]
    public void VegetationControl_RoundupSurflanNamesGlyphosateAndOryzalin()
    {
        var material = Assert.Single(Spec.Task(Specification2685.VegetationControl).Materials);

        Assert.Equal(["glyphosate", "oryzalin"], material.ActiveIngredients);
        Assert.False(material.IsSampleProduct);
    }

    [Fact]
    public void SpringFertilizer_OnePoundOfNitrogenPerThousandSquareFeetWithSiduronOnNewSeeding()
    {
        var materials = Spec.Task(Specification2685.SpringFertilizer).Materials;

        Assert.Contains(materials, m => m is { IsChemical: false, Rate: "1 lb N per 1,000 sq ft" });
        Assert.Contains(materials, m => m.IsChemical && m.ActiveIngredients.SequenceEqual(["siduron"]));
    }

    [Fact]
    public void Broadleaf_ProductIsLabelledASample()
    {
        var material = Assert.Single(Spec.Task(Specification2685.Broadleaf).Materials);

        Assert.True(material.IsSampleProduct);
        Assert.Contains("2,4-D", material.ActiveIngredients);
    }

    [Fact]
    public void Retreatments_DependOnTheFirstApplication()
    {
        var retreat = Spec.Task(Specification2685.BroadleafRetreatment);

        Assert.Equal(Specification2685.Broadleaf, retreat.DependsOn);
        Assert.Equal(new Recurrence.FollowUp(Specification2685.Broadleaf, 14, 21), retreat.Recurrence);
    }

    [Fact]
    public void SlitSeeding_TriggeredByTheEndOfFallSports()
    {
        Assert.Equal(TriggerEvent.EndOfFallSports, Spec.Task(Specification2685.SlitSeeding).Trigger);
    }

    [Fact]
    public void Scope_TrackAndSkinnedInfieldsAreNotTurf()
    {
        Assert.False(AreaScope.AllTurf.Includes(AreaKind.Track));
        Assert.False(AreaScope.AllTurf.Includes(AreaKind.SkinnedInfield));
        Assert.True(AreaScope.AllAreas.Includes(AreaKind.Track));
    }

    [Fact]
    public void Constructor_FollowUpOfAnUnknownTask_Refused()
    {
        var bad = Spec.Tasks.Append(new TaskDefinition("x", "9z", "text", Specification2685.Summer, TaskKind.WeedControl,
            AreaScope.AllTurf, [], new Recurrence.FollowUp("nope", 14, 21)));

        Assert.Throws<ArgumentException>(() => new ContractSpecification("2685", Spec.Seasons, bad));
    }
}
