using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.WorkLogs;
using FieldContracts.Scheduling.Contracts;
using FieldContracts.Scheduling.Planning;

namespace FieldContracts.Administration.Tests.WorkLogs;

/// <summary>Spec IV heights, the one-third and 4-inch rules, windows and licences, with the bid's figures.</summary>
public sealed class SpecificationChecksTests
{
    private static readonly SportSeason Baseball = new("Baseball", new AnnualDate(3, 15), new AnnualDate(6, 10));
    private static readonly AreaInput Infield = new(Guid.NewGuid(), "Baseball infield", AreaKind.BaseballInfield, [Baseball]);
    private static readonly AreaInput Slopes = new(Guid.NewGuid(), "Slopes along the spectator bleacher", AreaKind.NonPlayingArea, []);
    private static readonly AreaInput Track = new(Guid.NewGuid(), "Track", AreaKind.Track, []);

    // Monday, July 14, 2003: baseball is over at Hartford Public, so the infield is off season (2–2.5").
    private static readonly LocalDate July14 = new(2003, 7, 14);
    private static readonly OccurrenceDone Mowing = new(Guid.NewGuid(), "Mowing", new DateInterval(July14, new LocalDate(2003, 7, 20)));

    private static IReadOnlyList<DeficiencyCandidate> Mowed(LocalDate date, params AreaHeightLogged[] heights) =>
        SpecificationChecks.Check(new VisitFacts(date, [Mowing], heights, []));

    [Fact]
    public void Check_InfieldAt2InchesOffSeason_FindsNothing()
    {
        Assert.Empty(Mowed(July14, new AreaHeightLogged(Infield, 2m, 2.75m)));
    }

    [Fact]
    public void Check_InfieldAt1Point25OffSeason_HeightOutOfRangeWithTheFigures()
    {
        var found = Assert.Single(Mowed(July14, new AreaHeightLogged(Infield, 1.25m, null)));

        Assert.Equal(DeficiencyKind.HeightOutOfRange, found.Kind);
        Assert.Equal(Infield.Id, found.AreaId);
        Assert.Equal(Mowing.Id, found.OccurrenceId);
        Assert.Equal("Baseball infield cut at 1.25\" off season; spec IV requires 2–2.5\".", found.Evidence);
    }

    [Fact]
    public void Check_InfieldAt2Point25InSeason_HeightOutOfRange()
    {
        var may20 = new LocalDate(2003, 5, 20);
        var visit = new VisitFacts(may20, [], [new AreaHeightLogged(Infield, 2.25m, null)], []);

        var found = Assert.Single(SpecificationChecks.Check(visit));

        Assert.Equal("Baseball infield cut at 2.25\" in season; spec IV requires 1–1.5\".", found.Evidence);
    }

    [Fact]
    public void Check_GrassAt4Point5BeforeMowing_GrassOver4Inches()
    {
        // Cut to 2.5", within 2–2.5", the blade loses 2/4.5 = 0.444: the one-third rule is broken as well.
        var found = Mowed(July14, new AreaHeightLogged(Slopes, 2.5m, 4.5m));

        Assert.Equal([DeficiencyKind.GrassOver4Inches, DeficiencyKind.MoreThanOneThirdRemoved], found.Select(f => f.Kind));
        var over = found[0];
        Assert.Equal(DeficiencyKind.GrassOver4Inches, over.Kind);
        Assert.Equal("Slopes along the spectator bleacher was 4.5\" before mowing; spec IV: grass never over 4\".", over.Evidence);
    }

    [Fact]
    public void Check_Exactly4InchesBefore_IsNotOver()
    {
        Assert.DoesNotContain(Mowed(July14, new AreaHeightLogged(Slopes, 2.5m, 4m)), f => f.Kind == DeficiencyKind.GrassOver4Inches);
    }

    [Fact]
    public void Check_From3To1Point75_MoreThanOneThirdRemoved()
    {
        var found = Mowed(July14, new AreaHeightLogged(Infield, 1.75m, 3m));

        // 1.25 / 3 = 0.417 of the blade; 1.75" is also below the off-season 2".
        var third = Assert.Single(found, f => f.Kind == DeficiencyKind.MoreThanOneThirdRemoved);
        Assert.Equal("Baseball infield cut from 3\" to 1.75\": 0.417 of the blade removed; spec IV: no more than 1/3 in one mowing.", third.Evidence);
        Assert.Contains(found, f => f.Kind == DeficiencyKind.HeightOutOfRange);
    }

    [Fact]
    public void Check_From3To2_ExactlyOneThird_IsAllowed()
    {
        Assert.Empty(Mowed(July14, new AreaHeightLogged(Infield, 2m, 3m)));
    }

    [Fact]
    public void Check_UnmowedAreaKind_HasNoHeightToCheck()
    {
        Assert.Empty(Mowed(July14, new AreaHeightLogged(Track, 0.5m, null)));
    }

    [Fact]
    public void Check_WorkAfterItsWindow_LateWork()
    {
        var broadleaf = new OccurrenceDone(Guid.NewGuid(), "Broadleaf weed control",
            new DateInterval(new LocalDate(2003, 7, 8), new LocalDate(2003, 7, 22)));

        var found = Assert.Single(SpecificationChecks.Check(new VisitFacts(new LocalDate(2003, 7, 25), [broadleaf], [], [])));

        Assert.Equal(DeficiencyKind.LateWork, found.Kind);
        Assert.Equal(broadleaf.Id, found.OccurrenceId);
        Assert.Equal("Broadleaf weed control done on Jul 25, 2003; the plan's window is Jul 8, 2003 – Jul 22, 2003.", found.Evidence);
    }

    [Fact]
    public void Check_ApplicatorLicenceExpiredJune30_LicenceExpired()
    {
        var certifications = new[]
        {
            new Certification(CertifiedRole.Supervisor, "Pat Supervisor", "S-1001", new LocalDate(2004, 12, 31)),
            new Certification(CertifiedRole.Applicator, "Lee Applicator", "A-2002", new LocalDate(2003, 6, 30)),
        };

        var found = Assert.Single(SpecificationChecks.Check(new VisitFacts(new LocalDate(2003, 7, 15), [], [], certifications)));

        Assert.Equal(DeficiencyKind.LicenceExpired, found.Kind);
        Assert.Equal("Applicator Lee Applicator (certification A-2002) expired on Jun 30, 2003; the application was on Jul 15, 2003. " +
                     "Spec V requires proper licences.", found.Evidence);
    }

    [Fact]
    public void Check_LicenceOnItsLastDay_IsValid()
    {
        var certification = new Certification(CertifiedRole.Applicator, "Lee Applicator", "A-2002", new LocalDate(2003, 7, 15));

        Assert.Empty(SpecificationChecks.Check(new VisitFacts(new LocalDate(2003, 7, 15), [], [], [certification])));
    }

    [Fact]
    public void Check_EmergencyApplication_FlaggedWithItsReason()
    {
        var found = Assert.Single(SpecificationChecks.Check(new VisitFacts(new LocalDate(2003, 7, 15), [], [], [], "Wasps' nest by the bleachers")));

        Assert.Equal(DeficiencyKind.ApplicationWithoutNotice, found.Kind);
        Assert.Contains("Wasps' nest by the bleachers", found.Evidence);
    }
}
