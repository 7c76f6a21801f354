using FieldContracts.Administration.Billing;
using FieldContracts.Administration.Deficiencies;

namespace FieldContracts.Administration.Tests.Billing;

/// <summary>
/// Special instruction 10: "The City of Hartford reserves the right to assess liquidated damages" (Form 127 ¶28, whose
/// rates are not in the bid, so every rate here is a sample). Purchasing assesses on an upheld deficiency, with the
/// evidence; the contractor may dispute within the dispute period; Purchasing upholds, reduces or waives.
/// </summary>
public sealed class DamagesAssessmentTests
{
    private static readonly LocalDate July10 = new(2003, 7, 10);

    private const string Evidence = "Inspection of July 9, 2003: Weaver's softball infield not dragged, photos 1–4";

    private static (DamagesAssessment? Assessment, AssessmentRefusal? Refusal) Assess(DeficiencyStatus status, bool wasUpheld,
        DeficiencyKind kind = DeficiencyKind.LateWork, int days = 3, decimal? amount = null, string? evidence = Evidence) =>
        DamagesAssessment.Assess(Guid.NewGuid(), Guid.NewGuid(), kind, status, wasUpheld, DamagesSchedule.Sample.RateFor(kind), days, 1, amount,
            evidence, Bid2685.Purchasing, Bid2685.At(July10), July10, BillingSettings.DefaultDisputeDays);

    /// <summary>$300 of damages for work three days late, assessed July 10, 2003; the contractor may dispute until July 20.</summary>
    private static DamagesAssessment LateWork()
    {
        var (assessment, refusal) = Assess(DeficiencyStatus.Upheld, wasUpheld: true);
        Assert.Null(refusal);
        return assessment!;
    }

    private static DamagesAssessment Disputed(LocalDate on)
    {
        var assessment = LateWork();
        Assert.Null(assessment.Take(AssessmentAction.Dispute, byContractor: true, Bid2685.Contractor, on, "The field was closed by the City on July 7."));
        return assessment;
    }

    public static TheoryData<DeficiencyStatus, bool> NotUpheld => new()
    {
        { DeficiencyStatus.Open, false },
        { DeficiencyStatus.Disputed, false },
        { DeficiencyStatus.Acknowledged, false },
        { DeficiencyStatus.Withdrawn, false },
        { DeficiencyStatus.Withdrawn, true },
        { DeficiencyStatus.Cured, false },
    };

    [Theory]
    [MemberData(nameof(NotUpheld))]
    public void Assess_DeficiencyNeverUpheldOrWithdrawn_IsRefused(DeficiencyStatus status, bool wasUpheld)
    {
        var (assessment, refusal) = Assess(status, wasUpheld);

        Assert.Null(assessment);
        Assert.Equal(new AssessmentRefusal.DeficiencyNotUpheld(status), refusal);
    }

    [Fact]
    public void Assess_UpheldDeficiency_AtTheScheduleRateDisputableForTenDays()
    {
        var assessment = LateWork();

        Assert.Equal(AssessmentStatus.Assessed, assessment.Status);
        Assert.Equal(300.00m, assessment.ScheduleAmount); // $100 a day, 3 days (sample rate)
        Assert.Equal(300.00m, assessment.Amount);
        Assert.True(assessment.IsSampleRate);
        Assert.Equal(Evidence, assessment.Evidence);
        Assert.Equal(new LocalDate(2003, 7, 20), assessment.DisputeBy);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Assess_WithoutEvidence_IsRefused(string? evidence)
    {
        var (assessment, refusal) = Assess(DeficiencyStatus.Upheld, wasUpheld: true, evidence: evidence);

        Assert.Null(assessment);
        Assert.IsType<AssessmentRefusal.EvidenceRequired>(refusal);
    }

    [Fact]
    public void Assess_KindWithoutARate_IsRefused()
    {
        var (_, refusal) = Assess(DeficiencyStatus.Upheld, wasUpheld: true, kind: DeficiencyKind.EarlyWork);

        Assert.Equal(new AssessmentRefusal.NoRate(DeficiencyKind.EarlyWork), refusal);
    }

    [Theory]
    [InlineData("300.01")]
    [InlineData("0")]
    [InlineData("-50")]
    [InlineData("250.005")]
    public void Assess_AmountAboveTheScheduleOrNotAPositiveWholeCent_IsRefused(string amount)
    {
        var (assessment, refusal) = Assess(DeficiencyStatus.Upheld, wasUpheld: true, amount: decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Null(assessment);
        Assert.Equal(new AssessmentRefusal.AmountOutOfRange(Money.Dollars(300.00m)), refusal);
    }

    [Fact]
    public void Assess_LowerAmountThanTheSchedule_Accepted()
    {
        var (assessment, refusal) = Assess(DeficiencyStatus.Upheld, wasUpheld: true, amount: 250.00m);

        Assert.Null(refusal);
        Assert.Equal(300.00m, assessment!.ScheduleAmount);
        Assert.Equal(Money.Dollars(250.00m), assessment.Standing);
    }

    [Fact]
    public void Take_DisputeOnTheLastDayOfThePeriod_Disputed()
    {
        var assessment = LateWork();

        var refusal = assessment.Take(AssessmentAction.Dispute, byContractor: true, Bid2685.Contractor, new LocalDate(2003, 7, 20), "  Rain closed the field.  ");

        Assert.Null(refusal);
        Assert.Equal(AssessmentStatus.Disputed, assessment.Status);
        Assert.Equal("Rain closed the field.", assessment.DisputeReason);
        Assert.Equal(new LocalDate(2003, 7, 20), assessment.DisputedOn);
        Assert.Null(assessment.StandsOn(new LocalDate(2003, 12, 1)));
    }

    [Fact]
    public void Take_DisputeAfterThePeriod_IsRefused()
    {
        var assessment = LateWork();

        var refusal = assessment.Take(AssessmentAction.Dispute, byContractor: true, Bid2685.Contractor, new LocalDate(2003, 7, 21), "Rain closed the field.");

        Assert.Equal(new AssessmentRefusal.DisputePeriodOver(new LocalDate(2003, 7, 20)), refusal);
        Assert.Equal(AssessmentStatus.Assessed, assessment.Status);
    }

    [Fact]
    public void Take_DisputeByAnyoneButTheContractor_IsRefused()
    {
        var assessment = LateWork();

        var refusal = assessment.Take(AssessmentAction.Dispute, byContractor: false, Bid2685.AthleticDirector, new LocalDate(2003, 7, 12), "Looks harsh.");

        Assert.IsType<AssessmentRefusal.NotTheContractor>(refusal);
        Assert.Equal(AssessmentStatus.Assessed, assessment.Status);
    }

    [Fact]
    public void Take_DisputeWithoutReason_IsRefused()
    {
        var assessment = LateWork();

        var refusal = assessment.Take(AssessmentAction.Dispute, byContractor: true, Bid2685.Contractor, new LocalDate(2003, 7, 12), " ");

        Assert.IsType<AssessmentRefusal.ReasonRequired>(refusal);
    }

    [Fact]
    public void Take_PurchasingReducesADispute_TheLowerAmountStandsFromTheDecision()
    {
        var assessment = Disputed(new LocalDate(2003, 7, 15));

        var refusal = assessment.Take(AssessmentAction.Reduce, byContractor: false, Bid2685.Purchasing, new LocalDate(2003, 8, 5),
            "The field was closed on one of the three days.", reducedTo: 200.00m);

        Assert.Null(refusal);
        Assert.Equal(AssessmentStatus.Reduced, assessment.Status);
        Assert.Equal(200.00m, assessment.ReducedTo);
        Assert.Equal(Money.Dollars(200.00m), assessment.Standing);
        Assert.Equal(new LocalDate(2003, 8, 5), assessment.StandsOn(new LocalDate(2003, 9, 1)));
        Assert.Equal("The field was closed on one of the three days.", assessment.DecisionReason);
        var charge = assessment.ToCharge(new LocalDate(2003, 9, 1));
        Assert.Equal(Money.Dollars(200.00m), charge.Amount);
        Assert.Equal(new LocalDate(2003, 8, 5), charge.StandsOn);
    }

    public static TheoryData<decimal?, string?, Type> BadReductions => new()
    {
        { 300.00m, "Closed one day.", typeof(AssessmentRefusal.ReductionNotLower) },
        { 350.00m, "Closed one day.", typeof(AssessmentRefusal.ReductionNotLower) },
        { 0m, "Closed one day.", typeof(AssessmentRefusal.AmountOutOfRange) },
        { 199.999m, "Closed one day.", typeof(AssessmentRefusal.AmountOutOfRange) },
        { null, "Closed one day.", typeof(AssessmentRefusal.AmountOutOfRange) },
        { 200.00m, " ", typeof(AssessmentRefusal.ReasonRequired) },
    };

    [Theory]
    [MemberData(nameof(BadReductions))]
    public void Take_ReductionNotLowerOrWithoutReason_IsRefused(decimal? reducedTo, string? reason, Type expected)
    {
        var assessment = Disputed(new LocalDate(2003, 7, 15));

        var refusal = assessment.Take(AssessmentAction.Reduce, byContractor: false, Bid2685.Purchasing, new LocalDate(2003, 8, 5), reason, reducedTo);

        Assert.IsType(expected, refusal);
        Assert.Equal(AssessmentStatus.Disputed, assessment.Status);
    }

    [Fact]
    public void Take_ContractorDecidingItsOwnDispute_IsRefused()
    {
        var assessment = Disputed(new LocalDate(2003, 7, 15));

        var refusal = assessment.Take(AssessmentAction.Waive, byContractor: true, Bid2685.Contractor, new LocalDate(2003, 7, 16), "We disagree.");

        Assert.Equal(new AssessmentRefusal.NotAllowed(AssessmentStatus.Disputed, AssessmentAction.Waive), refusal);
    }

    [Fact]
    public void Take_PurchasingUpholdsADispute_TheAmountStandsFromTheDecision()
    {
        var assessment = Disputed(new LocalDate(2003, 7, 15));

        var refusal = assessment.Take(AssessmentAction.Uphold, byContractor: false, Bid2685.Purchasing, new LocalDate(2003, 8, 5),
            "The closure was on July 2, before the window.");

        Assert.Null(refusal);
        Assert.Equal(AssessmentStatus.Upheld, assessment.Status);
        Assert.Equal(Money.Dollars(300.00m), assessment.Standing);
        Assert.Equal(new LocalDate(2003, 8, 5), assessment.StandsOn(new LocalDate(2003, 8, 5)));
        Assert.Equal(Bid2685.Purchasing, assessment.DecidedBy);
    }

    [Fact]
    public void Take_UpholdWithoutADispute_IsRefused()
    {
        var assessment = LateWork();

        var refusal = assessment.Take(AssessmentAction.Uphold, byContractor: false, Bid2685.Purchasing, new LocalDate(2003, 7, 12), "Stands.");

        Assert.Equal(new AssessmentRefusal.NotAllowed(AssessmentStatus.Assessed, AssessmentAction.Uphold), refusal);
    }

    [Fact]
    public void Take_PurchasingWaives_NothingStandsAndNothingMoreCanBeDone()
    {
        var assessment = Disputed(new LocalDate(2003, 7, 15));

        var refusal = assessment.Take(AssessmentAction.Waive, byContractor: false, Bid2685.Purchasing, new LocalDate(2003, 8, 5),
            "The City closed the field for the state tournament.");

        Assert.Null(refusal);
        Assert.Equal(AssessmentStatus.Waived, assessment.Status);
        Assert.Equal(Money.Zero, assessment.Standing);
        Assert.Null(assessment.StandsOn(new LocalDate(2003, 9, 1)));
        var charge = assessment.ToCharge(new LocalDate(2003, 9, 1));
        Assert.Equal((AssessmentStatus.Waived, Money.Dollars(300.00m), (LocalDate?)null), (charge.Status, charge.Amount, charge.StandsOn));
        Assert.Equal(new AssessmentRefusal.NotAllowed(AssessmentStatus.Waived, AssessmentAction.Uphold),
            assessment.Take(AssessmentAction.Uphold, byContractor: false, Bid2685.Purchasing, new LocalDate(2003, 8, 6), "Changed our mind."));
        Assert.Equal(new AssessmentRefusal.NotAllowed(AssessmentStatus.Waived, AssessmentAction.Dispute),
            assessment.Take(AssessmentAction.Dispute, byContractor: true, Bid2685.Contractor, new LocalDate(2003, 8, 6), "Again."));
    }

    [Fact]
    public void Take_ReduceOrWaiveAfterAnUndisputedAssessmentStood_IsRefused()
    {
        // Assessed July 10, 2003, disputable through July 20: from July 21 it stands and may be on July's invoice.
        var assessment = LateWork();

        Assert.Equal(new AssessmentRefusal.NotAllowed(AssessmentStatus.Assessed, AssessmentAction.Waive),
            assessment.Take(AssessmentAction.Waive, byContractor: false, Bid2685.Purchasing, new LocalDate(2003, 7, 21), "Too late to waive."));
        Assert.Equal(new AssessmentRefusal.NotAllowed(AssessmentStatus.Assessed, AssessmentAction.Reduce),
            assessment.Take(AssessmentAction.Reduce, byContractor: false, Bid2685.Purchasing, new LocalDate(2003, 7, 21), "Too late.", 50m));
        Assert.Null(assessment.Take(AssessmentAction.Waive, byContractor: false, Bid2685.Purchasing, new LocalDate(2003, 7, 20), "Waived in time."));
    }

    [Fact]
    public void Take_WaiverWithoutReason_IsRefused()
    {
        var assessment = LateWork();

        var refusal = assessment.Take(AssessmentAction.Waive, byContractor: false, Bid2685.Purchasing, new LocalDate(2003, 7, 12), null);

        Assert.IsType<AssessmentRefusal.ReasonRequired>(refusal);
        Assert.Equal(AssessmentStatus.Assessed, assessment.Status);
    }

    [Fact]
    public void StandsOn_Undisputed_TheDayAfterTheDisputePeriod()
    {
        var assessment = LateWork();

        Assert.Null(assessment.StandsOn(July10));
        Assert.Null(assessment.StandsOn(new LocalDate(2003, 7, 20)));
        Assert.Equal(new LocalDate(2003, 7, 21), assessment.StandsOn(new LocalDate(2003, 7, 21)));
        Assert.Equal(new LocalDate(2003, 7, 21), assessment.StandsOn(new LocalDate(2004, 1, 1)));
        Assert.Null(assessment.ToCharge(new LocalDate(2003, 7, 20)).StandsOn);
    }

    [Fact]
    public void Decide_AssessedJuly10_2003StandingJuly21_OnJulysInstallment()
    {
        var contract = Bid2685.Contract();
        var assessment = Bid2685.Assess(contract, DeficiencyKind.MissedWork, July10);
        var august1 = new LocalDate(2003, 8, 1);

        var (statement, refusal) = BillingLedger.Decide(Bid2685.Terms(contract), new BillingFacts([], [], [assessment.ToCharge(august1)], []), august1);

        Assert.Null(refusal);
        Assert.Equal(new LocalDate(2003, 7, 21), assessment.StandsOn(august1));
        var july = statement!.Period(3);
        Assert.Equal(new YearMonth(2003, 7), july.Period.Month);
        var line = july.Lines.Single(l => l.Kind == InstallmentLineKind.LiquidatedDamages);
        Assert.Equal(Money.Dollars(-100.00m), line.Amount);
        Assert.Equal([assessment.Id, assessment.DeficiencyId], line.SourceIds);
        Assert.Equal(Money.Dollars(100.00m), statement!.Installments.Sum(i => i.Deducted));
    }

    [Fact]
    public void Decide_AssessedJuly10_2003AfterJulysInvoiceIsSubmitted_NeverDeductedTwice()
    {
        var contract = Bid2685.Contract();
        var assessment = Bid2685.Assess(contract, DeficiencyKind.MissedWork, July10);
        var august1 = new LocalDate(2003, 8, 1);
        var september1 = new LocalDate(2003, 9, 1);
        var asOfAugust = BillingLedger.Decide(Bid2685.Terms(contract), new BillingFacts([], [], [assessment.ToCharge(august1)], []), august1).Statement!;
        var invoices = Bid2685.SubmittedAndCertified(contract, asOfAugust.Installments, august1);
        Assert.Contains(invoices[2].Lines, l => l.Kind == InstallmentLineKind.LiquidatedDamages && l.SourceIds.Contains(assessment.Id));

        var (statement, refusal) = BillingLedger.Decide(Bid2685.Terms(contract), new BillingFacts([], [], [assessment.ToCharge(september1)], []),
            september1, Invoice.HistoryOf(invoices));

        Assert.Null(refusal);
        var august = Assert.Single(statement!.Installments);
        Assert.Equal(new YearMonth(2003, 8), august.Period.Month);
        Assert.DoesNotContain(august.Lines, l => l.Kind == InstallmentLineKind.LiquidatedDamages);
        Assert.DoesNotContain(assessment.Id, august.SourceIds);
        Assert.Equal(Money.Zero, august.Deducted);
        Assert.Equal(Money.Zero, august.CarriedIn);
    }
}
