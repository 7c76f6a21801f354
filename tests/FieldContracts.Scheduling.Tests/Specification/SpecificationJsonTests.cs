using FieldContracts.Scheduling.Specification;

namespace FieldContracts.Scheduling.Tests.Specification;

/// <summary>A contract's specification as data: the format the contract file and the database hold it in.</summary>
public sealed class SpecificationJsonTests
{
    [Fact]
    public void Write_ThenRead_Bid2685_GivesTheSameSpecification()
    {
        var written = SpecificationJson.Write(Specification2685.Specification);

        var read = SpecificationJson.Read(written);

        Assert.Equal(written, SpecificationJson.Write(read));
        // Items 1a–5b, item 4e as its two parts: the base lines' re-treatment and "and fertilize" on the turf.
        Assert.Equal(24, read.Tasks.Count);
        var broadleaf = read.Task(Specification2685.Broadleaf);
        Assert.Equal("July 15th (approx.) apply second materials application: Broadleaf weed control. Treat entire areas or spot treat.",
            broadleaf.BidText);
        Assert.Equal("Broadleaf weed control", broadleaf.Name);
        Assert.Equal(new Recurrence.OncePerSeason(new AnnualWindow(new AnnualDate(7, 10), new AnnualDate(7, 20)), new AnnualDate(7, 15)),
            broadleaf.Recurrence);
        Assert.True(broadleaf.IsChemical);
        Assert.Equal(new Recurrence.FollowUp(Specification2685.Broadleaf, 14, 21), read.Task(Specification2685.BroadleafRetreatment).Recurrence);
    }

    [Fact]
    public void Read_AnotherFormat_RefusedSayingWhichItReads()
    {
        var ex = Assert.Throws<SpecificationFormatException>(() => SpecificationJson.Read("""{"format": 2, "bidNumber": "9001"}"""));

        Assert.Equal("format", ex.Path);
        Assert.Equal("Only specification format 1 can be read.", ex.Reason);
    }

    [Fact]
    public void Read_UnknownRecurrence_NamesWhereItIs()
    {
        const string json = """
            {"format": 1, "bidNumber": "9001",
             "seasons": [{"key": "season", "name": "Growing season", "defaultStart": "04-15", "defaultEnd": "10-31"}],
             "tasks": [{"key": "park.mowing", "title": "Mowing", "season": "season", "kind": "Mowing", "scope": {"allAreas": true},
                        "recurrence": {"type": "fortnightly"}}]}
            """;

        var ex = Assert.Throws<SpecificationFormatException>(() => SpecificationJson.Read(json));

        Assert.Equal("tasks[0].recurrence.type", ex.Path);
    }

    [Fact]
    public void Read_UnknownMemberOrBadDay_Refused()
    {
        Assert.Throws<SpecificationFormatException>(() => SpecificationJson.Read("""{"format": 1, "bidNumber": "9001", "seasonz": []}"""));
        var ex = Assert.Throws<SpecificationFormatException>(() => SpecificationJson.Read(
            """{"format": 1, "bidNumber": "9001", "seasons": [{"key": "s", "name": "S", "defaultStart": "02-30", "defaultEnd": "10-31"}], "tasks": []}"""));
        Assert.Equal("seasons[0].defaultStart", ex.Path);
    }

    [Fact]
    public void Specification2685_IsTheContractFilesSpecification()
    {
        // The one file of #2685: the demo loads it, and Specification2685 (tests, benchmarks, the migration) reads it.
        using var file = System.Text.Json.JsonDocument.Parse(File.ReadAllText(
            Path.Combine(FieldContracts.Testing.Repository.Root(), "contracts", "contract-2685.json")));

        var fromFile = SpecificationJson.Read(file.RootElement.GetProperty("specification"));

        Assert.Equal(SpecificationJson.Write(Specification2685.Specification), SpecificationJson.Write(fromFile));
    }
}
