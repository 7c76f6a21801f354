using static FieldContracts.Web.Tests.Features.Shared.DocumentText;
using System.Text.RegularExpressions;
using FieldContracts.Administration.Performance;
using FieldContracts.Web.Features.Performance.Documents;
using PdfPigDocument = UglyToad.PdfPig.PdfDocument;

namespace FieldContracts.Web.Tests.Features.Performance;

/// <summary>
/// The performance-case documents of #2685, read back with PdfPig: the clause quoted word for word from the bid, the
/// contract and the parties, the dates written out, every deficiency's evidence, long text carried onto further pages,
/// and the same bytes for the same input. Pure: no database.
/// </summary>
public sealed partial class CaseDocumentsTests
{
    private const string Bid2685 = "002_73811e6c14971ce5.txt";

    // The demo contract's contractor (contracts/contract-2685.json): a sample, as the bid's award is not in the seeds.
    private static readonly CaseDocumentHeader Header = new(
        "2685",
        "Athletic Fields; Maintenance Of",
        new LocalDate(2003, 5, 15),
        new LocalDate(2004, 12, 31),
        "Capitol Turf & Grounds LLC (sample)",
        "100 Sample Avenue\nHartford, CT 06106",
        "City of Hartford, Procurement Services",
        new LocalDate(2004, 5, 10),
        "Pat Buyer, Purchasing Agent");

    private static readonly CaseDocumentDeficiency MissedMowing = new(
        "Missed work: mowing",
        "Weaver High School",
        ["Football field and track", "Lower fields (softball, soccer)"],
        new LocalDate(2004, 5, 4),
        "Grass measured 5½ inches on the football field and 6 inches on the lower fields; the bid allows no more than 4 inches.",
        "Both areas mowed to 2–2½ inches with sharp blades and the clippings removed.",
        ["photo-3f9a2c1e.jpg", "photo-7b44d0aa.jpg"]);

    private static readonly CaseDocumentDeficiency InfieldNotGroomed = new(
        "Complaint",
        "Hartford Public High School",
        ["Baseball field"],
        new LocalDate(2004, 5, 6),
        "The skinned infield was not groomed for two weeks running; base lines not edged before the home opener.",
        "Infield groomed every other week through the season, base lines edged, clay added where low.",
        ["photo-a1b2c3d4.jpg"]);

    private static readonly CaseDocumentDeficiency TennisSlope = new(
        "Inspection failure",
        "Bulkeley High School",
        ["Tennis courts surrounds"],
        new LocalDate(2004, 5, 7),
        "Leaf build-up and litter left on the slope between the court fence and the stairs.",
        null,
        []);

    [Fact]
    public void BidClauses_EachQuote_AppearsWordForWordInTheBid()
    {
        var bid = File.ReadAllText(SeedPath(Bid2685));

        foreach (var clause in BidClauses.All)
        {
            Assert.True(bid.Contains(clause.Text, StringComparison.Ordinal), $"Special instruction {clause.Reference} is not quoted word for word.");
        }

        Assert.Contains("thirty (30) days prior written notice", BidClauses.ContractTermination.Text, StringComparison.Ordinal);
        Assert.Equal(7, BidClauses.All.Count);
    }

    [Fact]
    public void RenderMeetingInvitation_2685_QuotesInstruction7AndGivesTheMeetingAndTheComplaints()
    {
        var pdf = CaseDocuments.Render(Invitation());

        var text = Text(pdf);
        AssertContainsAll(text,
            "Invitation to a meeting on contractor performance",
            "#2685", "Athletic Fields; Maintenance Of", "Capitol Turf & Grounds LLC (sample)", "100 Sample Avenue", "Hartford, CT 06106",
            "City of Hartford, Procurement Services", "Pat Buyer, Purchasing Agent",
            "Thursday, May 15, 2003", "Friday, December 31, 2004", "Monday, May 10, 2004",
            "Thursday, May 20, 2004", "Room 200, City Hall, 550 Main Street, Hartford", "Lee Owner, Capitol Turf & Grounds",
            "Athletic Director, Hartford Public Schools",
            BidClauses.ContractorPerformance.Text, BidClauses.Meet.Text, BidClauses.RemedialPeriod.Text, BidClauses.Terminate.Text,
            "Weaver High School", "Hartford Public High School", "Bulkeley High School", "Tennis courts surrounds",
            "Tuesday, May 4, 2004", MissedMowing.Evidence, InfieldNotGroomed.Evidence, TennisSlope.Evidence, "photo-3f9a2c1e.jpg");
    }

    [Fact]
    public void RenderCureNotice_2685_GivesThePeriodBothDaysIncludedAndWhatCuredMeans()
    {
        var pdf = CaseDocuments.Render(Cure());

        var text = Text(pdf);
        AssertContainsAll(text,
            "Notice to cure", "#2685", "Capitol Turf & Grounds LLC (sample)", "Friday, May 21, 2004",
            "Thursday, May 20, 2004", "Monday, May 24, 2004", "Monday, June 7, 2004", "15 calendar days",
            BidClauses.ContractorPerformance.Text, BidClauses.Meet.Text, BidClauses.RemedialPeriod.Text, BidClauses.Terminate.Text,
            MissedMowing.Evidence, MissedMowing.CuredMeans!, InfieldNotGroomed.Evidence, InfieldNotGroomed.CuredMeans!);
    }

    [Fact]
    public void RenderTerminationForCause_2685_Quotes7CAndGivesTheLastDayOfService()
    {
        var pdf = CaseDocuments.Render(ForCause());

        var text = Text(pdf);
        AssertContainsAll(text,
            "Notice of termination for cause", "#2685", "Capitol Turf & Grounds LLC (sample)",
            "Tuesday, June 8, 2004", "Tuesday, June 15, 2004", "Monday, June 14, 2004",
            BidClauses.ContractorPerformance.Text, BidClauses.Terminate.Text, MissedMowing.Evidence);
        Assert.DoesNotContain(Normalise(BidClauses.ContractTermination.Text), text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TerminationWithoutCauseReason.FundsNotAppropriated)]
    [InlineData(TerminationWithoutCauseReason.NeedEnded)]
    public void RenderTerminationWithoutCause_2685_Quotes6WithItsConditionOnly(TerminationWithoutCauseReason reason)
    {
        var pdf = CaseDocuments.Render(WithoutCause(reason));

        var text = Text(pdf);
        var other = reason == TerminationWithoutCauseReason.FundsNotAppropriated ? BidClauses.NeedEnded : BidClauses.FundsNotAppropriated;
        AssertContainsAll(text,
            "Notice of termination without cause", "#2685", "Capitol Turf & Grounds LLC (sample)",
            "thirty (30) days prior written notice", BidClauses.ContractTermination.Text, BidClauses.For(reason).Text,
            "Friday, January 30, 2004", "Monday, March 1, 2004", "Sunday, February 29, 2004", "31 calendar days");
        Assert.DoesNotContain(Normalise(other.Text), text, StringComparison.Ordinal);
        Assert.DoesNotContain(Normalise(BidClauses.Terminate.Text), text, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderCureNotice_EvidenceLongerThanAPage_FlowsOntoFurtherPagesWhole()
    {
        var sentences = Enumerable.Range(1, 160)
            .Select(i => $"Visit {i} to the lower fields found the outfield grass over four inches and clippings left in rows.");
        var longEvidence = string.Join(" ", sentences) + " On the final visit the sprinkler heads along the third-base line were still buried under clay.";
        var notice = Cure() with { ToCure = [MissedMowing with { Evidence = longEvidence }, InfieldNotGroomed] };

        var pages = PageTexts(CaseDocuments.Render(notice));

        Assert.True(pages.Count >= 2, $"{pages.Count} page(s)");
        var all = Normalise(string.Join(" ", pages));
        Assert.Contains("Visit 1 to the lower fields", all, StringComparison.Ordinal);
        Assert.Contains("Visit 160 to the lower fields", all, StringComparison.Ordinal);
        Assert.Contains("the sprinkler heads along the third-base line were still buried under clay.", all, StringComparison.Ordinal);
        Assert.Contains(InfieldNotGroomed.CuredMeans!, pages[^1], StringComparison.Ordinal);
        Assert.Contains($"Page {pages.Count} of {pages.Count}", pages[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void RenderMeetingInvitation_WordWiderThanTheLine_IsBrokenNotCut()
    {
        var hash = "sha256-9c56cc51b374c3ba189210d5b6d4bf57790d351c96c47c02190ecf1e430635ab7d2f1a0f4e6b8c9d";
        var invitation = Invitation() with { Complaints = [MissedMowing with { EvidenceFiles = [hash] }] };

        var text = Regex.Replace(Text(CaseDocuments.Render(invitation)), @"\s+", "");

        Assert.Contains(hash, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SameInputTwice_SameBytes()
    {
        Assert.Equal(CaseDocuments.Render(Invitation()), CaseDocuments.Render(Invitation()));
        Assert.Equal(CaseDocuments.Render(Cure()), CaseDocuments.Render(Cure()));
        Assert.Equal(CaseDocuments.Render(ForCause()), CaseDocuments.Render(ForCause()));
        Assert.NotEqual(CaseDocuments.Render(Cure()), CaseDocuments.Render(Cure() with { EndsOn = new LocalDate(2004, 6, 8) }));
    }

    [Fact]
    public void Render_CureNotice_DatedTheDayIssuedInTheEmbeddedFont()
    {
        using var document = PdfPigDocument.Open(CaseDocuments.Render(Cure()));

        Assert.StartsWith("D:20040521", document.Information.CreationDate, StringComparison.Ordinal);
        var fonts = document.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName).Distinct().ToList();
        Assert.NotEmpty(fonts);
        Assert.All(fonts, f => Assert.Matches("^[A-Z]{6}\\+DejaVu Sans(,Bold)?$", f));
    }

    [Fact]
    public void FileName_EachDocument_ContractDocumentAndDateIssued()
    {
        Assert.Equal("2685-meeting-invitation-2004-05-10.pdf", CaseDocuments.FileName(Invitation()));
        Assert.Equal("2685-cure-notice-2004-05-21.pdf", CaseDocuments.FileName(Cure()));
        Assert.Equal("2685-termination-for-cause-2004-06-08.pdf", CaseDocuments.FileName(ForCause()));
        Assert.Equal("2685-termination-without-cause-2004-01-30.pdf",
            CaseDocuments.FileName(WithoutCause(TerminationWithoutCauseReason.NeedEnded)));
    }

    [Fact]
    public void Render_TerminationWithoutCauseWithoutACondition_Refused()
    {
        var notice = WithoutCause(TerminationWithoutCauseReason.NeedEnded) with { Reason = null };

        Assert.Throws<ArgumentException>(() => CaseDocuments.Render(notice));
        Assert.Throws<ArgumentException>(() => CaseDocuments.Render(ForCause() with { Reason = TerminationWithoutCauseReason.NeedEnded }));
    }

    [Fact]
    public void Render_CureNoticeWithoutWhatCuredMeans_Refused()
    {
        var notice = Cure() with { ToCure = [MissedMowing with { CuredMeans = null }] };

        Assert.Throws<ArgumentException>(() => CaseDocuments.Render(notice));
    }

    [Fact]
    public void LongDate_June1_2004_WrittenOutWithTheWeekday()
    {
        Assert.Equal("Tuesday, June 1, 2004", CaseDocuments.LongDate(new LocalDate(2004, 6, 1)));
    }

    private static MeetingInvitation Invitation() => new(
        Header,
        new LocalDate(2004, 5, 20),
        "Room 200, City Hall, 550 Main Street, Hartford",
        ["Pat Buyer, Purchasing Agent", "Athletic Director, Hartford Public Schools", "Lee Owner, Capitol Turf & Grounds"],
        [MissedMowing, InfieldNotGroomed, TennisSlope],
        "The City has received repeated complaints about the maintenance of the athletic fields under this contract.\n\n"
        + "Under special instruction 7 A you are invited to meet the City and respond to each complaint listed below.");

    private static CureNotice Cure() => new(
        Header with { IssuedOn = new LocalDate(2004, 5, 21) },
        new LocalDate(2004, 5, 20),
        new LocalDate(2004, 5, 24),
        new LocalDate(2004, 6, 7),
        [MissedMowing, InfieldNotGroomed],
        "At the meeting of May 20, 2004 the City heard your response. The deficiencies below remain, and the City sets "
        + "the remedial period below for you to correct them to its satisfaction.");

    private static TerminationNotice ForCause() => new(
        Header with { IssuedOn = new LocalDate(2004, 6, 8) },
        TerminationKind.ForCause,
        null,
        new LocalDate(2004, 6, 8),
        new LocalDate(2004, 6, 15),
        [MissedMowing],
        "The remedial period ended on Monday, June 7, 2004 with the deficiency below not corrected.");

    private static TerminationNotice WithoutCause(TerminationWithoutCauseReason reason) => new(
        Header with { IssuedOn = new LocalDate(2004, 1, 30) },
        TerminationKind.WithoutCause,
        reason,
        new LocalDate(2004, 1, 30),
        new LocalDate(2004, 3, 1),
        [],
        "The City cancels this contract under special instruction 6.");
}
