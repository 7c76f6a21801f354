using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.Deliverables;

namespace FieldContracts.Administration.Tests.Deliverables;

/// <summary>
/// Item 3e: "In mid to late August, inspect all areas for White Beetle Grub population densities and present a treatment
/// plan." Weaver's plan of 2003 is due August 31, 2003, the last day of the inspection's window.
/// </summary>
public sealed class DeliverableTests
{
    private static readonly LocalDate August31 = new(2003, 8, 31);
    private static readonly Instant August29 = new LocalDateTime(2003, 8, 29, 14, 0).InUtc().ToInstant();
    private static readonly Guid Grubs = Guid.NewGuid();

    private static readonly ExpectedDeliverable GrubPlan = new(Guid.NewGuid(), Guid.NewGuid(), Grubs, "White grub treatment plan",
        "Director of Athletics", DeliverableStanding.DueOn(new DateInterval(new LocalDate(2003, 8, 15), August31)));

    private static readonly DeliverableDocument Pdf = new("grub-plan-weaver-2003.pdf", "application/pdf", new string('a', 64), 48_213);

    private static Deliverable HandedIn(LocalDate on) =>
        Deliverable.HandIn(GrubPlan, Pdf, Party.Contractor, "crew@contractor.example", August29, on).Deliverable!;

    [Fact]
    public void DueOn_TheLastDayOfTheWorksWindow()
    {
        Assert.Equal(August31, GrubPlan.DueOn);
    }

    [Fact]
    public void HandIn_ByTheContractor_HandedInWithItsDocument()
    {
        var deliverable = HandedIn(new LocalDate(2003, 8, 29));

        Assert.Equal(DeliverableStatus.HandedIn, deliverable.Status);
        Assert.Equal(Pdf, deliverable.Document);
        Assert.False(deliverable.WasLate);
        var step = Assert.Single(deliverable.Steps);
        Assert.Equal((DeliverableAction.HandIn, Party.Contractor, "crew@contractor.example"), (step.Action, step.Party, step.By));
    }

    [Theory]
    [InlineData(Party.AthleticDirector)]
    [InlineData(Party.Purchasing)]
    [InlineData(Party.Finance)]
    public void HandIn_ByTheCitysSide_Refused(Party party)
    {
        var (deliverable, refusal) = Deliverable.HandIn(GrubPlan, Pdf, party, "someone@hartford.example", August29, new LocalDate(2003, 8, 29));

        Assert.Null(deliverable);
        Assert.Equal(new DeliverableRefusal.NotYourStep(party, DeliverableAction.HandIn), refusal);
    }

    [Fact]
    public void Accept_ByTheDirector_Accepted_ThenNothingMoreToReview()
    {
        var deliverable = HandedIn(new LocalDate(2003, 8, 29));

        var (step, refusal) = deliverable.Review(DeliverableAction.Accept, Party.AthleticDirector, "ad@hartford.example", August29, null);
        var again = deliverable.Review(DeliverableAction.Return, Party.AthleticDirector, "ad@hartford.example", August29, "Too late to say.");

        Assert.Null(refusal);
        Assert.Equal(DeliverableAction.Accept, step!.Action);
        Assert.Equal(DeliverableStatus.Accepted, deliverable.Status);
        Assert.Equal(new DeliverableRefusal.NotNow(DeliverableStatus.Accepted, DeliverableAction.Return), again.Refusal);
        Assert.Equal(2, deliverable.Steps.Count);
    }

    [Fact]
    public void Review_ByTheContractor_Refused()
    {
        var deliverable = HandedIn(new LocalDate(2003, 8, 29));

        var (_, refusal) = deliverable.Review(DeliverableAction.Accept, Party.Contractor, "office@contractor.example", August29, null);

        Assert.Equal(new DeliverableRefusal.NotYourStep(Party.Contractor, DeliverableAction.Accept), refusal);
        Assert.Equal(DeliverableStatus.HandedIn, deliverable.Status);
    }

    [Fact]
    public void Review_OfWhatOneHandedIn_Refused()
    {
        var deliverable = HandedIn(new LocalDate(2003, 8, 29));

        var (_, refusal) = deliverable.Review(DeliverableAction.Accept, Party.Purchasing, "Crew@Contractor.example", August29, null);

        Assert.IsType<DeliverableRefusal.OwnHandIn>(refusal);
        Assert.Single(deliverable.Steps);
    }

    [Fact]
    public void Return_WithoutItsReason_RefusedWritingNothing()
    {
        var deliverable = HandedIn(new LocalDate(2003, 8, 29));

        var (_, refusal) = deliverable.Review(DeliverableAction.Return, Party.AthleticDirector, "ad@hartford.example", August29, "  ");

        Assert.IsType<DeliverableRefusal.ReasonRequired>(refusal);
        Assert.Equal(DeliverableStatus.HandedIn, deliverable.Status);
        Assert.Single(deliverable.Steps);
    }

    [Fact]
    public void Return_ThenHandInAgain_HandedInWithTheNewDocument()
    {
        var deliverable = HandedIn(new LocalDate(2003, 8, 29));
        var revised = Pdf with { FileName = "grub-plan-weaver-2003-rev1.pdf", Sha256 = new string('b', 64) };

        var early = deliverable.HandInAgain(revised, Party.Contractor, "crew@contractor.example", August29);
        deliverable.Review(DeliverableAction.Return, Party.AthleticDirector, "ad@hartford.example", August29, "No densities per square foot.");
        var (step, refusal) = deliverable.HandInAgain(revised, Party.Contractor, "crew@contractor.example", August29);

        Assert.Equal(new DeliverableRefusal.NotNow(DeliverableStatus.HandedIn, DeliverableAction.HandIn), early.Refusal);
        Assert.Null(refusal);
        Assert.Equal(revised, step!.Document);
        Assert.Equal(DeliverableStatus.HandedIn, deliverable.Status);
        Assert.Equal(revised, deliverable.Document);
        Assert.Equal(new LocalDate(2003, 8, 29), deliverable.HandedInOn);
        Assert.Equal("No densities per square foot.", deliverable.Steps[1].Note);
    }

    [Theory]
    [InlineData(2003, 8, 31, Standing.Due)]
    [InlineData(2003, 9, 1, Standing.Overdue)]
    public void Standing_NothingHandedIn_DueUntilTheLastDayThenOverdue(int year, int month, int day, Standing expected)
    {
        Assert.Equal(expected, DeliverableStanding.Of(GrubPlan, null, new LocalDate(year, month, day)));
    }

    [Fact]
    public void Finding_NothingHandedInBySeptember1_OneDeficiencyForTheDeliverable()
    {
        var finding = DeliverableStanding.Finding(GrubPlan, null, new LocalDate(2003, 9, 1), "Weaver High School")!;

        Assert.Equal(DeficiencyKind.DeliverableLate, finding.Kind);
        Assert.Equal(DeficiencyKeys.Deliverable(Grubs), finding.DedupKey);
        Assert.Equal(Grubs, finding.OccurrenceId);
        Assert.Equal("White grub treatment plan for Weaver High School, to the Director of Athletics, was due Aug 31, 2003 and has not been handed in.",
            finding.Evidence);
        Assert.Null(DeliverableStanding.Finding(GrubPlan, null, August31, "Weaver High School"));
    }

    [Fact]
    public void Finding_HandedInTwoDaysLate_SaysHowLate_OnTimeNone()
    {
        var late = HandedIn(new LocalDate(2003, 9, 2));

        var finding = DeliverableStanding.Finding(GrubPlan, late, new LocalDate(2003, 9, 2), "Weaver High School")!;

        Assert.True(late.WasLate);
        Assert.Equal("White grub treatment plan for Weaver High School was handed in on Sep 2, 2003, 2 days after it was due (Aug 31, 2003).",
            finding.Evidence);
        Assert.Null(DeliverableStanding.Finding(GrubPlan, HandedIn(August31), new LocalDate(2003, 9, 2), "Weaver High School"));
    }
}
