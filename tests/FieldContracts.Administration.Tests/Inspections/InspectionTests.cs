using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.Inspections;
using FieldContracts.Scheduling.Planning;
using FieldContracts.Scheduling.Specification;
using static FieldContracts.Administration.Tests.Inspections.Schools2685;

namespace FieldContracts.Administration.Tests.Inspections;

/// <summary>
/// Inspections of #2685's schools: the checklist the specification gives (spec IV heights in or off season, items 1a
/// and 4c, 1c and 2b), heights judged by the one spec IV rule, and a deficiency for each failed line.
/// </summary>
public sealed class InspectionTests
{
    // Tuesday, June 10, 2003: the last day of baseball and softball; football is off season.
    private static readonly LocalDate June10 = new(2003, 6, 10);
    private static readonly Guid Contract = Guid.NewGuid();

    private static IReadOnlyList<ChecklistLine> WeaverChecklist(LocalDate on) =>
        InspectionChecklist.For(Specification2685.Specification, Weaver.Areas, on);

    private static (Inspection? Inspection, IReadOnlyList<InspectionRefusal> Refusals) Record(LocalDate on, params LineResult[] lines) =>
        Record(on, Party.AthleticDirector, lines);

    private static (Inspection? Inspection, IReadOnlyList<InspectionRefusal> Refusals) Record(LocalDate on, Party party, params LineResult[] lines) =>
        Inspection.Record(new InspectionFacts(Contract, Weaver, on, on, WeaverChecklist(on), lines), party, "athletics@hartford.example", At(on));

    private static LineResult Height(AreaInput area, decimal inches, bool? passed = null, string? note = null, params EvidencePhoto[] photos) =>
        new(InspectionChecklist.HeightKey(area.Id), inches, passed, note, photos);

    private static LineResult Verdict(string line, bool passed, string? note = null) => new(line, null, passed, note, []);

    [Fact]
    public void Checklist_WeaverOnJune10_2003_HeightsOfMowedAreasInOrOffSeason_DebrisInfieldsIrrigation()
    {
        var checklist = WeaverChecklist(June10);

        var heights = checklist.Where(l => l.Check == InspectionCheck.Height).ToDictionary(l => l.AreaId!.Value);
        Assert.Equal(
            new[] { WeaverFootballField.Id, WeaverBaseballInfield.Id, WeaverBaseballOutfield.Id, WeaverSoccerField.Id, WeaverTennisGrass.Id },
            heights.Keys);
        Assert.Equal("spec IV requires 2–2.5\" off season", heights[WeaverFootballField.Id].Clause);
        Assert.Equal("spec IV requires 1–1.5\" in season", heights[WeaverBaseballInfield.Id].Clause);
        Assert.Equal("spec IV requires 1.5–2\" in season", heights[WeaverBaseballOutfield.Id].Clause);
        var debris = Assert.Single(checklist, l => l.Check == InspectionCheck.Debris);
        Assert.Equal("item 1a: \"Clean all fields of winter debris, leaves, etc.\"; item 4c: \"Remove leaf buildup from all areas.\"", debris.Clause);
        Assert.Equal(new[] { WeaverBaseballInfield.Id, WeaverSoftballInfield.Id },
            checklist.Where(l => l.Check == InspectionCheck.Infield).Select(l => l.AreaId!.Value));
        var irrigation = Assert.Single(checklist, l => l.Check == InspectionCheck.Irrigation);
        Assert.StartsWith("item 2b: \"Activate, pressurize and test irrigation system.", irrigation.Clause, StringComparison.Ordinal);
    }

    [Fact]
    public void Checklist_TheDayAfterBaseball_InfieldOffSeason()
    {
        var infield = WeaverChecklist(June10.PlusDays(1)).Single(l => l.AreaId == WeaverBaseballInfield.Id && l.Check == InspectionCheck.Height);

        Assert.Equal("spec IV requires 2–2.5\" off season", infield.Clause);
    }

    [Fact]
    public void Record_WeaverGameFieldAt4Point5InchesOnJune10_2003_FailedLineAndOneInspectionFailureWithTheFigures()
    {
        var photo = new EvidencePhoto(new string('a', 64), "IMG_0611.jpg", "image/jpeg", 2_400_000);

        var (inspection, refusals) = Record(June10,
            Height(WeaverFootballField, 4.5m, passed: null, note: null, photo),
            Height(WeaverBaseballInfield, 1.25m),
            Verdict(InspectionChecklist.IrrigationKey, passed: true));

        Assert.Empty(refusals);
        Assert.False(inspection!.Passed);
        Assert.Equal([false, true, true], inspection.Lines.Select(l => l.Passed));
        var finding = Assert.Single(inspection.Findings("Weaver High School"));
        Assert.Equal(DeficiencyKind.InspectionFailure, finding.Kind);
        Assert.Equal(Weaver.Id, finding.SiteId);
        Assert.Equal([WeaverFootballField.Id], finding.AreaIds);
        Assert.Equal(inspection.Id, finding.InspectionId);
        Assert.Equal($"inspection:{inspection.Id:N}:height:{WeaverFootballField.Id:N}", finding.DedupKey);
        Assert.Equal("Weaver High School, Football field: measured at 4.5\" at the inspection of Jun 10, 2003; spec IV requires 2–2.5\" off season. " +
                     "Spec IV: grass never over 4\".", finding.Evidence);
        Assert.Equal([photo], finding.Photos!);
    }

    [Fact]
    public void Record_EveryLineWithinTheSpecification_PassedAndNoFinding()
    {
        var (inspection, refusals) = Record(June10,
            Height(WeaverFootballField, 2.25m),
            Height(WeaverBaseballOutfield, 2m),
            Verdict(InspectionChecklist.DebrisKey, passed: true),
            Verdict(InspectionChecklist.InfieldKey(WeaverSoftballInfield.Id), passed: true),
            Verdict(InspectionChecklist.IrrigationKey, passed: true));

        Assert.Empty(refusals);
        Assert.True(inspection!.Passed);
        Assert.Empty(inspection.Findings("Weaver High School"));
    }

    [Fact]
    public void Record_HeightOutsideItsRangeMarkedPassed_FailsByTheFigure()
    {
        var (inspection, _) = Record(June10, Height(WeaverBaseballInfield, 2m, passed: true));

        var line = Assert.Single(inspection!.Lines);
        Assert.False(line.Passed);
        Assert.True(line.FailedByFigure);
    }

    [Fact]
    public void Record_HeightWithinRangeFailedByTheInspector_NeedsANote_ThenFailsWithIt()
    {
        var withoutNote = Record(June10, Height(WeaverFootballField, 2.25m, passed: false));
        var (inspection, _) = Record(June10, Height(WeaverFootballField, 2.25m, passed: false, note: "Scalped along the sideline"));

        Assert.Equal([new InspectionRefusal.NoteRequired(0)], withoutNote.Refusals);
        var finding = Assert.Single(inspection!.Findings("Weaver High School"));
        Assert.Equal("Weaver High School, Football field: failed at the inspection of Jun 10, 2003, though measured at 2.25\" " +
                     "(spec IV requires 2–2.5\" off season). Scalped along the sideline.", finding.Evidence);
    }

    [Fact]
    public void Record_DebrisAndSoftballInfieldFailed_EachAFindingQuotingTheBid()
    {
        var (inspection, _) = Record(June10,
            Verdict(InspectionChecklist.DebrisKey, passed: false, note: "Bottles and paper under the bleachers"),
            Verdict(InspectionChecklist.InfieldKey(WeaverSoftballInfield.Id), passed: false, note: "Not dragged; lips at the base paths."));

        var findings = inspection!.Findings("Weaver High School");

        Assert.Equal(2, findings.Count);
        Assert.Equal("Weaver High School: debris and leaves not removed at the inspection of Jun 10, 2003 (the bid's item 1a: " +
                     "\"Clean all fields of winter debris, leaves, etc.\"; item 4c: \"Remove leaf buildup from all areas.\"). " +
                     "Bottles and paper under the bleachers.", findings[0].Evidence);
        Assert.Empty(findings[0].AreaIds);
        Assert.Equal($"inspection:{inspection.Id:N}:debris", findings[0].DedupKey);
        Assert.StartsWith("Weaver High School, Lower fields: softball infield: infield not groomed at the inspection of Jun 10, 2003 (the bid's item 1c: ",
            findings[1].Evidence, StringComparison.Ordinal);
        Assert.Equal([WeaverSoftballInfield.Id], findings[1].AreaIds);
    }

    [Fact]
    public void Record_BadLines_EveryRefusalByIndex_NothingRecorded()
    {
        var (inspection, refusals) = Record(June10,
            new LineResult(InspectionChecklist.HeightKey(WeaverTrack.Id), 3m, null, null, []),
            new LineResult(InspectionChecklist.HeightKey(WeaverFootballField.Id), null, true, null, []),
            new LineResult(InspectionChecklist.DebrisKey, null, null, null, []),
            new LineResult(InspectionChecklist.IrrigationKey, null, false, null, []),
            new LineResult(InspectionChecklist.HeightKey(WeaverBaseballOutfield.Id), 40m, null, null, []),
            new LineResult(InspectionChecklist.IrrigationKey, null, true, null, []));

        Assert.Null(inspection);
        Assert.Equal(new InspectionRefusal[]
        {
            new InspectionRefusal.UnknownLine(0, InspectionChecklist.HeightKey(WeaverTrack.Id)),
            new InspectionRefusal.HeightRequired(1),
            new InspectionRefusal.ResultRequired(2),
            new InspectionRefusal.NoteRequired(3),
            new InspectionRefusal.HeightOutOfBounds(4, 40m),
            new InspectionRefusal.LineTwice(5, InspectionChecklist.IrrigationKey),
        }, refusals);
    }

    [Fact]
    public void Record_NoLinesAndADayToCome_Refused()
    {
        var (inspection, refusals) = Inspection.Record(
            new InspectionFacts(Contract, Weaver, June10.PlusDays(1), June10, WeaverChecklist(June10), []), Party.Purchasing,
            "purchasing@hartford.example", At(June10));

        Assert.Null(inspection);
        Assert.Equal(new InspectionRefusal[] { new InspectionRefusal.InTheFuture(June10.PlusDays(1)), new InspectionRefusal.NoLines() }, refusals);
    }

    [Theory]
    [InlineData(Party.Contractor)]
    [InlineData(Party.Finance)]
    [InlineData(Party.System)]
    public void Record_ByOthersThanTheDirectorOrPurchasing_NotTheirs(Party party)
    {
        var (inspection, refusals) = Record(June10, party, Height(WeaverFootballField, 2.25m));

        Assert.Null(inspection);
        Assert.Equal([new InspectionRefusal.NotYourStep(party)], refusals);
    }

    [Fact]
    public void Record_LinesInAnyOrder_KeptInTheChecklistsOrder()
    {
        var (inspection, _) = Record(June10,
            Verdict(InspectionChecklist.IrrigationKey, passed: true),
            Height(WeaverBaseballOutfield, 2m),
            Height(WeaverFootballField, 2m));

        Assert.Equal(
            [InspectionChecklist.HeightKey(WeaverFootballField.Id), InspectionChecklist.HeightKey(WeaverBaseballOutfield.Id), InspectionChecklist.IrrigationKey],
            inspection!.Lines.Select(l => l.Line));
    }

    [Fact]
    public void Raise_FailedLine_DeficiencyKeepsTheLinesPhotosOnce()
    {
        var photo = new EvidencePhoto(new string('b', 64), "field.png", "image/png", 1_000);
        var (inspection, _) = Record(June10, Height(WeaverFootballField, 4.5m, null, null, photo, photo));

        var deficiency = Deficiency.Raise(inspection!.Findings("Weaver High School")[0], Party.AthleticDirector, "athletics@hartford.example",
            At(June10), June10);

        var kept = Assert.Single(deficiency.Photos);
        Assert.Equal((photo.Sha256, "field.png", deficiency.Id), (kept.Sha256, kept.FileName, kept.DeficiencyId));
        Assert.Equal(inspection.Id, deficiency.InspectionId);
        Assert.Equal(new LocalDate(2003, 6, 15), ResponseTime.DueOn(deficiency, 5));
    }
}
