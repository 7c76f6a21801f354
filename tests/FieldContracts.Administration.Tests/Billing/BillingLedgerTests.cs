using FieldContracts.Administration.Billing;
using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.WorkLogs;
using FieldContracts.Scheduling.Contracts;

namespace FieldContracts.Administration.Tests.Billing;

/// <summary>
/// Special instruction 8: "The City will pay for only those commodities or services actually received". Special
/// instruction 10: liquidated damages. Deductions for deficient work come off the next monthly payment, once.
/// </summary>
public sealed class BillingLedgerTests
{
    private static readonly LocalDate July1 = new(2003, 7, 1);
    private static readonly LocalDate August1 = new(2003, 8, 1);
    private static readonly LocalDate September1 = new(2003, 9, 1);

    private static BillingStatement Decide(BillingTerms terms, BillingFacts facts, LocalDate asOf)
    {
        var (statement, refusal) = BillingLedger.Decide(terms, facts, asOf);
        Assert.Null(refusal);
        AssertReconciles(statement!);
        return statement!;
    }

    private static void AssertReconciles(BillingStatement statement)
    {
        foreach (var installment in statement.Installments)
        {
            Assert.Equal(installment.Lines.Sum(l => l.Amount), installment.Net);
            Assert.Equal(installment.Earned - installment.Deducted - installment.CarriedIn + installment.CarriedOut, installment.Net);
            Assert.False(installment.Net.IsNegative);
            Assert.All(installment.Lines, line => Assert.NotEmpty(line.SourceIds));
        }

        for (var i = 1; i < statement.Installments.Count; i++)
        {
            Assert.Equal(statement.Installments[i - 1].CarriedOut, statement.Installments[i].CarriedIn);
        }
    }

    private static Installment Of(BillingStatement statement, int year, int month) =>
        statement.Installments.Single(i => i.Period.Month == new YearMonth(year, month));

    private static ServiceReceived Grooming(Contract contract, LocalDate on, VisitStatus status = VisitStatus.Verified) =>
        new(Guid.NewGuid(), contract.Grooming().Id, on, 1m, status);

    /// <summary>Only the unit-price line, so that a month earns only what was verified.</summary>
    private static BillingTerms GroomingOnly(Contract contract) => Bid2685.Terms(contract, lines: [contract.Grooming()]);

    [Fact]
    public void Decide_AsOfJune20_2003_MayDrawnUpButNotPayable()
    {
        var contract = Bid2685.Contract();

        var statement = Decide(Bid2685.Terms(contract), BillingFacts.None, new LocalDate(2003, 6, 20));

        var may = Assert.Single(statement.Installments);
        Assert.Equal(new LocalDate(2003, 7, 1), may.PayableFrom);
        Assert.False(may.IsPayableOn(new LocalDate(2003, 6, 20)));
    }

    [Fact]
    public void InstallmentToPay_May2003AloneBeforeJune30_2003_Refused()
    {
        var contract = Bid2685.Contract();

        var (installment, refusal) = BillingLedger.InstallmentToPay(Bid2685.Terms(contract), BillingFacts.None, new YearMonth(2003, 5),
            new LocalDate(2003, 6, 20));

        Assert.Null(installment);
        var notYet = Assert.IsType<BillingRefusal.NotYetPayable>(refusal);
        Assert.Equal(new LocalDate(2003, 7, 1), notYet.PayableFrom);
    }

    [Fact]
    public void InstallmentToPay_MayAndJune2003OnJuly1_BothPaid()
    {
        var contract = Bid2685.Contract();
        var terms = Bid2685.Terms(contract);

        var (may, mayRefusal) = BillingLedger.InstallmentToPay(terms, BillingFacts.None, new YearMonth(2003, 5), July1);
        var (june, juneRefusal) = BillingLedger.InstallmentToPay(terms, BillingFacts.None, new YearMonth(2003, 6), July1);

        Assert.Null(mayRefusal);
        Assert.Null(juneRefusal);
        Assert.Equal(17, may!.Period.Length);
        Assert.Equal(30, june!.Period.Length);
    }

    [Fact]
    public void InstallmentToPay_MonthAfterATermination_NoSuchPeriod()
    {
        var contract = Bid2685.Contract();
        var terms = Bid2685.Terms(contract, lastDayOfService: new LocalDate(2004, 8, 20));

        var (_, refusal) = BillingLedger.InstallmentToPay(terms, BillingFacts.None, new YearMonth(2004, 9), new LocalDate(2004, 10, 1));

        Assert.Equal(new BillingRefusal.NoSuchPeriod(new YearMonth(2004, 9)), refusal);
    }

    [Fact]
    public void Decide_WholeTerm_LumpSumInstallmentsAddUpToTheLumpSums()
    {
        var contract = Bid2685.Contract();

        var statement = Decide(Bid2685.Terms(contract), BillingFacts.None, new LocalDate(2005, 1, 1));

        Assert.Equal(20, statement.Installments.Count);
        Assert.Equal(Money.Dollars(37_000.00m), statement.Installments.Sum(i => i.Net));
        Assert.Equal(Money.Dollars(10_000.00m), statement.Installments.SelectMany(i => i.Lines).Where(l => l.PriceLineId == contract.Seasonal().Id).Sum(l => l.Amount));
    }

    [Fact]
    public void Decide_February2004_LumpSumEarns29DaysOf597()
    {
        var contract = Bid2685.Contract();

        var statement = Decide(Bid2685.Terms(contract), BillingFacts.None, new LocalDate(2004, 3, 1));

        var february = Of(statement, 2004, 2);
        Assert.Equal(29, february.Period.Length);
        var seasonal = february.Lines.Single(l => l.PriceLineId == contract.Seasonal().Id);
        Assert.Equal(InstallmentLineKind.LumpSum, seasonal.Kind);
        Assert.InRange(seasonal.Amount.Amount, 485.76m, 485.77m);
        Assert.Equal([contract.Seasonal().Id], seasonal.SourceIds);
    }

    [Fact]
    public void Decide_TerminatedOn2004_08_20_FinalPeriodProratedNothingAfter()
    {
        var contract = Bid2685.Contract();
        var terms = Bid2685.Terms(contract, lastDayOfService: new LocalDate(2004, 8, 20));
        var whole = Decide(Bid2685.Terms(contract), BillingFacts.None, new LocalDate(2005, 1, 1));

        var statement = Decide(terms, BillingFacts.None, new LocalDate(2005, 1, 1));

        Assert.Equal(16, statement.Installments.Count);
        var august = statement.Installments[^1];
        Assert.Equal(new LocalDate(2004, 8, 20), august.Period.Days.End);
        Assert.Equal(new LocalDate(2004, 8, 21), august.PayableFrom);
        Assert.True(august.Net < Of(whole, 2004, 8).Net);
        var seasonal = statement.LumpSums.Single(s => s.PriceLineId == contract.Seasonal().Id);
        Assert.Equal(Money.Dollars(10_000.00m), seasonal.Earned.Sum() + seasonal.Unearned);
        Assert.Equal(Money.Dollars(37_000.00m), statement.Installments.Sum(i => i.Net) + statement.LumpSums.Sum(s => s.Unearned));
        Assert.Equal(whole.Installments.Take(15).Select(i => i.Net), statement.Installments.Take(15).Select(i => i.Net));
    }

    [Fact]
    public void Decide_ContractTerminatedEffective2004_08_20_LastInstallmentAugust1To19()
    {
        var contract = Bid2685.Contract(terminatedEffective: new LocalDate(2004, 8, 20));

        var statement = Decide(Bid2685.Terms(contract), new BillingFacts([Grooming(contract, new LocalDate(2004, 8, 20))], [], [], []),
            new LocalDate(2005, 1, 1));

        Assert.Equal(16, statement.Installments.Count);
        Assert.Equal(new DateInterval(new LocalDate(2004, 8, 1), new LocalDate(2004, 8, 19)), statement.Installments[^1].Period.Days);
        var seasonal = statement.LumpSums.Single(s => s.PriceLineId == contract.Seasonal().Id);
        Assert.Equal(Money.Dollars(318.26m), statement.Installments[^1].Lines.Single(l => l.PriceLineId == contract.Seasonal().Id).Amount);
        Assert.Equal(Money.Dollars(10_000.00m), seasonal.Earned.Sum() + seasonal.Unearned);
        Assert.Equal(Money.Dollars(37_000.00m), statement.Installments.Sum(i => i.Net) + statement.LumpSums.Sum(s => s.Unearned));
        Assert.Contains(statement.Notes, n => n.Kind == BillingNoteKind.OutsideService); // August 20: no longer in force
    }

    [Fact]
    public void Decide_VerifiedVisitsInJuly2003_PaidAtTheUnitPriceWithTheirIds()
    {
        var contract = Bid2685.Contract();
        var verified = new[] { new LocalDate(2003, 7, 1), new LocalDate(2003, 7, 15), new LocalDate(2003, 7, 31) }
            .Select(d => Grooming(contract, d)).ToArray();
        var submitted = Grooming(contract, new LocalDate(2003, 7, 29), VisitStatus.Submitted);
        var august = Grooming(contract, August1);
        var facts = new BillingFacts([.. verified, submitted, august], [], [], []);

        var statement = Decide(Bid2685.Terms(contract), facts, August1);

        var services = Of(statement, 2003, 7).Lines.Single(l => l.Kind == InstallmentLineKind.Services);
        Assert.Equal(3m, services.Quantity);
        Assert.Equal(Money.Dollars(85.00m), services.UnitPrice);
        Assert.Equal(Money.Dollars(255.00m), services.Amount);
        Assert.Equal(verified.Select(v => v.VisitId), services.SourceIds);
        Assert.Contains(statement.Notes, n => n.SourceId == submitted.VisitId && n.Kind == BillingNoteKind.AwaitingVerification);
        Assert.Contains(statement.Notes, n => n.SourceId == august.VisitId && n.Kind == BillingNoteKind.NextInstallment);
    }

    [Fact]
    public void Decide_VisitAfterTheTermination_NotPaid()
    {
        var contract = Bid2685.Contract();
        var late = Grooming(contract, new LocalDate(2004, 8, 21));

        var statement = Decide(Bid2685.Terms(contract, lastDayOfService: new LocalDate(2004, 8, 20)), new BillingFacts([late], [], [], []),
            new LocalDate(2004, 9, 1));

        Assert.DoesNotContain(late.VisitId, statement.Installments.SelectMany(i => i.SourceIds));
        Assert.Contains(statement.Notes, n => n.SourceId == late.VisitId && n.Kind == BillingNoteKind.OutsideService);
    }

    [Fact]
    public void Decide_MissedMowingConfirmedJuly10_2003_DeductedAtItsUnitValue()
    {
        var contract = Bid2685.Contract();
        var occurrence = Guid.NewGuid();
        var deficiency = Guid.NewGuid();
        var missed = new MissedWork(occurrence, contract.Mowing().Id, 1m, deficiency, DeficiencyStatus.Acknowledged, new LocalDate(2003, 7, 10));

        var statement = Decide(Bid2685.Terms(contract), new BillingFacts([], [missed], [], []), August1);

        var july = Of(statement, 2003, 7);
        var line = july.Lines.Single(l => l.Kind == InstallmentLineKind.MissedWork);
        Assert.Equal(Money.Dollars(-150.00m), line.Amount);
        Assert.Equal(Bid2685.MowingUnitValue, line.UnitPrice);
        Assert.Equal([occurrence, deficiency], line.SourceIds);
        Assert.Equal(Money.Dollars(150.00m), july.Deducted);
        Assert.DoesNotContain(statement.Installments.Where(i => i != july).SelectMany(i => i.Lines), l => l.Kind == InstallmentLineKind.MissedWork);
    }

    [Fact]
    public void Decide_MissedWorkOnAUnitPriceLine_NotEarnedSoNothingDeducted()
    {
        var contract = Bid2685.Contract();
        var missed = new MissedWork(Guid.NewGuid(), contract.Grooming().Id, 1m, Guid.NewGuid(), DeficiencyStatus.Upheld, new LocalDate(2003, 7, 10));

        var statement = Decide(Bid2685.Terms(contract), new BillingFacts([], [missed], [], []), August1);

        Assert.Equal(Money.Zero, statement.Installments.Sum(i => i.Deducted));
        Assert.Contains(statement.Notes, n => n.SourceId == missed.OccurrenceId && n.Kind == BillingNoteKind.NotEarned);
    }

    [Fact]
    public void Decide_MissedLumpSumWorkWithoutAUnitValue_Refused()
    {
        var contract = Bid2685.Contract();
        var missed = new MissedWork(Guid.NewGuid(), contract.Seasonal().Id, 1m, Guid.NewGuid(), DeficiencyStatus.Upheld, new LocalDate(2003, 7, 10));

        var (statement, refusal) = BillingLedger.Decide(Bid2685.Terms(contract), new BillingFacts([], [missed], [], []), August1);

        Assert.Null(statement);
        Assert.Equal(new BillingRefusal.NoDeductionValue(contract.Seasonal().Id, missed.OccurrenceId), refusal);
    }

    [Fact]
    public void Decide_DamagesStandingJuly20_2003_DeductedOnJulysInstallmentOnly()
    {
        var contract = Bid2685.Contract();
        var assessment = Bid2685.StandingOn(contract, DeficiencyKind.MissedWork, new LocalDate(2003, 7, 20));

        foreach (var asOf in new[] { August1, new LocalDate(2003, 12, 1) })
        {
            var statement = Decide(Bid2685.Terms(contract), new BillingFacts([], [], [assessment.ToCharge(asOf)], []), asOf);

            var damages = statement.Installments.SelectMany(i => i.Lines).Where(l => l.Kind == InstallmentLineKind.LiquidatedDamages).ToList();
            var line = Assert.Single(damages);
            Assert.Equal(Money.Dollars(-100.00m), line.Amount);
            Assert.Equal([assessment.Id, assessment.DeficiencyId], line.SourceIds);
            Assert.Contains(line, Of(statement, 2003, 7).Lines);
            Assert.Contains("sample rate", line.Description);
        }
    }

    [Fact]
    public void Decide_DamagesStandingAugust5_2003ForJulyWork_DeductedOnAugustsInstallment()
    {
        var contract = Bid2685.Contract();
        var assessment = Bid2685.StandingOn(contract, DeficiencyKind.LateWork, new LocalDate(2003, 8, 5), days: 3);

        var statement = Decide(Bid2685.Terms(contract), new BillingFacts([], [], [assessment.ToCharge(September1)], []), September1);

        Assert.Equal(Money.Zero, Of(statement, 2003, 7).Deducted);
        Assert.Equal(Money.Dollars(300.00m), Of(statement, 2003, 8).Deducted);
    }

    [Fact]
    public void Decide_DisputedDamages_NotDeductedUntilUpheld()
    {
        var contract = Bid2685.Contract();
        var assessment = Bid2685.Assess(contract, DeficiencyKind.InspectionFailure, new LocalDate(2003, 7, 30), days: 2, schools: 1);
        Assert.Null(assessment.Take(AssessmentAction.Dispute, byContractor: true, Bid2685.Contractor, new LocalDate(2003, 8, 1),
            "The infield was dragged on July 28; the inspection was after a storm."));

        var before = Decide(Bid2685.Terms(contract), new BillingFacts([], [], [assessment.ToCharge(September1)], []), September1);
        Assert.Null(assessment.Take(AssessmentAction.Uphold, byContractor: false, Bid2685.Purchasing, new LocalDate(2003, 8, 12),
            "The storm was on July 20; the photos of July 29 show the infield not dragged."));
        var after = Decide(Bid2685.Terms(contract), new BillingFacts([], [], [assessment.ToCharge(September1)], []), September1);

        Assert.Equal(Money.Zero, before.Installments.Sum(i => i.Deducted));
        var note = Assert.Single(before.Notes);
        Assert.Equal(BillingNoteKind.AwaitingDecision, note.Kind);
        Assert.Equal(assessment.Id, note.SourceId);
        Assert.Equal(Money.Dollars(400.00m), note.Amount);
        Assert.Equal(Money.Dollars(400.00m), Of(after, 2003, 8).Deducted);
        Assert.Equal(Money.Dollars(400.00m), after.Installments.Sum(i => i.Deducted));
    }

    [Fact]
    public void Decide_WaivedOrStillDisputableDamages_NothingTaken()
    {
        var contract = Bid2685.Contract();
        var waived = Bid2685.Assess(contract, DeficiencyKind.MissedWork, new LocalDate(2003, 7, 10));
        Assert.Null(waived.Take(AssessmentAction.Waive, byContractor: false, Bid2685.Purchasing, new LocalDate(2003, 7, 14),
            "The mowing was rescheduled by the City for graduation."));
        var disputed = Bid2685.Assess(contract, DeficiencyKind.MissedWork, new LocalDate(2003, 7, 15));
        Assert.Null(disputed.Take(AssessmentAction.Dispute, byContractor: true, Bid2685.Contractor, new LocalDate(2003, 7, 16),
            "Mowed on July 14; the log was entered late."));
        var disputable = Bid2685.Assess(contract, DeficiencyKind.MissedWork, new LocalDate(2003, 8, 25)); // may be disputed until September 4
        var facts = new BillingFacts([], [], [waived.ToCharge(September1), disputed.ToCharge(September1), disputable.ToCharge(September1)], []);

        var statement = Decide(Bid2685.Terms(contract), facts, September1);

        Assert.Equal(Money.Zero, statement.Installments.Sum(i => i.Deducted));
        Assert.Equal(3, statement.Notes.Count);
        Assert.Contains(statement.Notes, n => n.SourceId == waived.Id && n.Kind == BillingNoteKind.Withdrawn);
        Assert.Contains(statement.Notes, n => n.SourceId == disputed.Id && n.Kind == BillingNoteKind.AwaitingDecision);
        Assert.Contains(statement.Notes, n => n.SourceId == disputable.Id && n.Kind == BillingNoteKind.AwaitingDecision);
    }

    [Fact]
    public void Decide_DamagesBeyondJulysAmount_CarriedToAugustNeverTakenTwice()
    {
        var contract = Bid2685.Contract();
        var damages = new DamagesSchedule([new DamagesRate(DeficiencyKind.LateWork, DamagesBasis.PerDay, Money.Dollars(100m), Money.Dollars(500m), IsSample: true)]);
        var assessment = Bid2685.StandingOn(contract, DeficiencyKind.LateWork, new LocalDate(2003, 7, 20), days: 9, schedule: damages);
        var visits = new[] { new LocalDate(2003, 7, 8), new LocalDate(2003, 8, 5), new LocalDate(2003, 8, 12), new LocalDate(2003, 8, 19),
            new LocalDate(2003, 8, 26), new LocalDate(2003, 9, 2), }.Select(d => Grooming(contract, d)).ToList();
        var asOf = new LocalDate(2003, 10, 1);

        var statement = Decide(GroomingOnly(contract), new BillingFacts(visits, [], [assessment.ToCharge(asOf)], []), asOf);

        var july = Of(statement, 2003, 7);
        Assert.Equal(Money.Dollars(85.00m), july.Earned);
        Assert.Equal(Money.Dollars(500.00m), july.Deducted); // 9 days at $100, capped at $500
        Assert.Equal(Money.Dollars(415.00m), july.CarriedOut);
        Assert.Equal(Money.Zero, july.Net);
        var august = Of(statement, 2003, 8);
        Assert.Equal(Money.Dollars(340.00m), august.Earned);
        Assert.Equal(Money.Zero, august.Deducted);
        Assert.Equal(Money.Dollars(415.00m), august.CarriedIn);
        Assert.Equal(Money.Dollars(75.00m), august.CarriedOut);
        Assert.Equal(Money.Zero, august.Net);
        var september = Of(statement, 2003, 9);
        Assert.Equal(Money.Dollars(75.00m), september.CarriedIn);
        Assert.Equal(Money.Dollars(10.00m), september.Net);
        Assert.Equal([assessment.Id], september.Lines.Single(l => l.Kind == InstallmentLineKind.CarriedIn).SourceIds);
        Assert.Equal(Money.Dollars(500.00m), statement.Installments.Sum(i => i.Deducted));
        Assert.Single(statement.Installments.SelectMany(i => i.Lines), l => l.Kind == InstallmentLineKind.LiquidatedDamages);
    }

    [Fact]
    public void Decide_DeductionsStillCarriedAfterTheLastPeriod_OwedByTheContractor()
    {
        var contract = Bid2685.Contract();
        var assessment = Bid2685.StandingOn(contract, DeficiencyKind.ApplicationWithoutNotice, new LocalDate(2004, 8, 15));
        var asOf = new LocalDate(2004, 9, 1);

        var statement = Decide(GroomingOnly(contract) with { Calendar = BillingCalendar.For(Bid2685.Term, new LocalDate(2004, 8, 20)) },
            new BillingFacts([Grooming(contract, new LocalDate(2004, 8, 2))], [], [assessment.ToCharge(asOf)], []), asOf);

        Assert.Equal(Money.Zero, statement.Installments[^1].Net);
        Assert.Equal(Money.Dollars(215.00m), statement.OwedByContractor);
    }

    [Fact]
    public void Decide_AdjustmentWithoutReason_Refused()
    {
        var contract = Bid2685.Contract();
        var adjustment = new Adjustment(Guid.NewGuid(), new LocalDate(2003, 7, 3), Money.Dollars(-20m), " ");

        var (_, refusal) = BillingLedger.Decide(Bid2685.Terms(contract), new BillingFacts([], [], [], [adjustment]), August1);

        Assert.Equal(new BillingRefusal.ReasonRequired(adjustment.Id), refusal);
    }

    [Fact]
    public void Decide_AdjustmentsWithReasons_OnTheInstallmentOfTheirDay()
    {
        var contract = Bid2685.Contract();
        var credit = new Adjustment(Guid.NewGuid(), new LocalDate(2003, 7, 3), Money.Dollars(85m), "Grooming of June 27 verified after June was paid");
        var debit = new Adjustment(Guid.NewGuid(), new LocalDate(2003, 7, 9), Money.Dollars(-40m), "Irrigation head broken by a mower at Weaver");

        var statement = Decide(GroomingOnly(contract), new BillingFacts([], [], [], [credit, debit]), August1);

        var july = Of(statement, 2003, 7);
        Assert.Equal(Money.Dollars(45.00m), july.Net);
        Assert.Contains(july.Lines, l => l.Kind == InstallmentLineKind.Adjustment && l.SourceIds.Contains(debit.Id) && l.Description.Contains("Irrigation"));
    }

    [Fact]
    public void Decide_HundredContractsOverTheWholeTerm_EachReconciles()
    {
        var damages = DamagesSchedule.Sample;
        var asOf = new LocalDate(2005, 1, 1);
        for (var n = 0; n < 100; n++)
        {
            var contract = Bid2685.Contract();
            var visits = new List<ServiceReceived>();
            var assessments = new List<DamagesAssessment>();
            for (var day = Bid2685.Term.Start; day <= Bid2685.Term.End; day = day.PlusDays(2))
            {
                visits.Add(Grooming(contract, day));
                if (day.Day == 10)
                {
                    assessments.Add(Bid2685.StandingOn(contract, DeficiencyKind.LateWork, day, days: 1 + (n % 7)));
                }
            }

            var charges = assessments.ConvertAll(a => a.ToCharge(asOf));
            var statement = Decide(Bid2685.Terms(contract), new BillingFacts(visits, [], charges, []), asOf);

            Assert.Equal(20, statement.Installments.Count);
            Assert.Equal(visits.Count, statement.Installments.SelectMany(i => i.Lines).Where(l => l.Kind == InstallmentLineKind.Services).Sum(l => l.SourceIds.Count));
            Assert.Equal(
                Money.Dollars(37_000m) + Money.Extend(Money.Dollars(85m), visits.Count) - assessments.Sum(_ => damages.RateFor(DeficiencyKind.LateWork)!.Assess(1 + (n % 7), 1)),
                statement.Installments.Sum(i => i.Net) - statement.OwedByContractor);
        }
    }
}
