using FieldContracts.Administration.Complaints;
using FieldContracts.Administration.Deficiencies;
using static FieldContracts.Administration.Tests.Inspections.Schools2685;

namespace FieldContracts.Administration.Tests.Complaints;

/// <summary>Complaints by the Athletic Director or Purchasing: one deficiency each, naming the school and areas.</summary>
public sealed class ComplaintTests
{
    // Sunday, February 29, 2004: a leap day, in the 2004 part of the term.
    private static readonly LocalDate LeapDay = new(2004, 2, 29);
    private static readonly Guid Contract = Guid.NewGuid();
    private static readonly EvidencePhoto Puddles = new(new string('c', 64), "puddles.jpg", "image/jpeg", 3_100_000);

    private static ComplaintFacts AboutBulkeleysSoftballField(string? text, params Guid[] areas) =>
        new(Contract, Bulkeley, areas, text, [Puddles]);

    [Fact]
    public void File_BulkeleysSoftballFieldOnFebruary29_2004_OneComplaintNamingSchoolAndAreasInTheSchoolsOrder()
    {
        var (finding, refusals) = Complaint.File(
            AboutBulkeleysSoftballField("  Standing water on the infield and trash along the outfield fence.  ",
                BulkeleySoftballOutfield.Id, BulkeleySoftballInfield.Id, BulkeleySoftballOutfield.Id),
            Party.AthleticDirector);

        Assert.Empty(refusals);
        Assert.Equal(DeficiencyKind.Complaint, finding!.Kind);
        Assert.Equal(Bulkeley.Id, finding.SiteId);
        Assert.Equal([BulkeleySoftballInfield.Id, BulkeleySoftballOutfield.Id], finding.AreaIds);
        Assert.Null(finding.DedupKey);
        Assert.Equal("Complaint about Bulkeley High School (Softball infield, Softball outfield): " +
                     "Standing water on the infield and trash along the outfield fence.", finding.Evidence);

        var deficiency = Deficiency.Raise(finding, Party.AthleticDirector, "athletics@hartford.example", At(LeapDay), LeapDay);

        Assert.Equal(LeapDay, deficiency.FoundOn);
        Assert.Equal("puddles.jpg", Assert.Single(deficiency.Photos).FileName);
        Assert.Equal(new LocalDate(2004, 3, 5), ResponseTime.DueOn(deficiency, 5));
    }

    [Fact]
    public void File_NoArea_AboutTheSchoolAsAWhole()
    {
        var (finding, _) = Complaint.File(AboutBulkeleysSoftballField("Gates left open overnight."), Party.Purchasing);

        Assert.Equal("Complaint about Bulkeley High School: Gates left open overnight.", finding!.Evidence);
        Assert.Empty(finding.AreaIds);
    }

    [Fact]
    public void File_NoTextAnotherSchoolsAreaTooManyPhotos_EveryReason()
    {
        var facts = new ComplaintFacts(Contract, Bulkeley, [BulkeleySoftballInfield.Id, WeaverSoftballInfield.Id], "   ",
            Enumerable.Range(0, 7).Select(i => Puddles with { Sha256 = new string((char)('0' + i), 64) }).ToList());

        var (finding, refusals) = Complaint.File(facts, Party.AthleticDirector);

        Assert.Null(finding);
        Assert.Equal(new ComplaintRefusal[]
        {
            new ComplaintRefusal.TextRequired(),
            new ComplaintRefusal.AreaNotAtSchool(1, WeaverSoftballInfield.Id),
            new ComplaintRefusal.TooManyPhotos(7),
        }, refusals);
    }

    [Fact]
    public void File_TextLongerThan1000Characters_Refused()
    {
        var (_, refusals) = Complaint.File(AboutBulkeleysSoftballField(new string('x', 1001)), Party.AthleticDirector);

        Assert.Equal([new ComplaintRefusal.TextTooLong(1001)], refusals);
    }

    [Theory]
    [InlineData(Party.Contractor)]
    [InlineData(Party.Finance)]
    public void File_ByTheContractorOrFinance_NotTheirs(Party party)
    {
        var (finding, refusals) = Complaint.File(AboutBulkeleysSoftballField("Grass too long."), party);

        Assert.Null(finding);
        Assert.Equal([new ComplaintRefusal.NotYourStep(party)], refusals);
    }
}
