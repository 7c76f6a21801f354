using FieldContracts.Administration.Billing;
using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.WorkLogs;
using FieldContracts.Scheduling.Contracts;

namespace FieldContracts.Administration.Tests.Billing;

/// <summary>
/// The bid schedule as billing reads it. Special instruction 1: "Prospective Bidders shall submit lump sum prices as
/// outlined on the bid schedule"; 12: invoices "must reflect unit prices and/or percentage discounts as outlined on the
/// bid schedule"; 8: "The City will pay for only those commodities or services actually received during the term of
/// the contract."
/// </summary>
public sealed class PriceScheduleTests
{
    private static readonly string[] MowingItems = ["IV", "2d", "3c", "4a", "5a"];

    private static readonly LocalDate July8 = new(2003, 7, 8);

    private static readonly LocalDate August1 = new(2003, 8, 1);

    /// <summary>Mowing, per school per visit, contract-wide (the sample schedule's item 3).</summary>
    private static PriceLine MowingPerVisit(Contract contract) =>
        contract.AddPriceLine(Guid.NewGuid(), "3", "Mowing, per school per visit (spec IV, 2d, 3c, 4a, 5a)", PriceBasis.UnitPrice, "visit",
            183m, 385.00m, isSample: true, covers: MowingItems);

    /// <summary>Weed control, per school per application (spec 3a).</summary>
    private static PriceLine WeedControl(Contract contract) =>
        contract.AddPriceLine(Guid.NewGuid(), "4", "Broadleaf weed control, per school per application (spec 3a)", PriceBasis.UnitPrice,
            "application", 6m, 1_260.25m, isSample: true, covers: ["3a"]);

    private static PlannedItem Planned(Site school, string item) => new(Guid.NewGuid(), school.Id, item);

    private static VisitLogged Visit(Site school, LocalDate on, params PlannedItem[] did) =>
        new(Guid.NewGuid(), school.Id, on, VisitStatus.Verified, did.Select(p => p.OccurrenceId).ToArray());

    [Fact]
    public void LineFor_PerSchoolLineAndContractWideLine_PerSchoolLineWins()
    {
        var contract = Bid2685.Contract();
        var everywhere = MowingPerVisit(contract);
        var weaver = contract.AddPriceLine(Guid.NewGuid(), "3W", "Mowing at Weaver, per visit (spec IV, 2d)", PriceBasis.UnitPrice, "visit",
            61m, 410.00m, isSample: true, siteId: contract.Whs().Id, covers: ["IV", "2d"]);
        var schedule = new PriceSchedule([everywhere, weaver]);

        Assert.Same(weaver, schedule.LineFor(contract.Whs().Id, "IV"));
        Assert.Same(weaver, schedule.LineFor(contract.Whs().Id, "2D"));
        Assert.Same(everywhere, schedule.LineFor(contract.Whs().Id, "3c")); // Weaver's line does not cover it
        Assert.Same(everywhere, schedule.LineFor(contract.Hphs().Id, "IV"));
        Assert.Same(everywhere, schedule.LineFor(contract.Bhs().Id, "iv"));
        Assert.Null(schedule.LineFor(contract.Hphs().Id, "1a"));
    }

    [Fact]
    public void Count_VisitDoingTwoMowingOccurrences_OneUnitOnAPerVisitLine()
    {
        var contract = Bid2685.Contract();
        var mowing = MowingPerVisit(contract);
        var schedule = new PriceSchedule([mowing]);
        var gameField = Planned(contract.Hphs(), "IV");
        var practiceField = Planned(contract.Hphs(), "2d");
        var visit = Visit(contract.Hphs(), July8, gameField, practiceField);

        var (services, missed, uncovered) = schedule.Count([gameField, practiceField], [visit], []);

        var service = Assert.Single(services);
        Assert.Equal(new ServiceReceived(visit.VisitId, mowing.Id, July8, 1m, VisitStatus.Verified), service);
        Assert.Empty(missed);
        Assert.Empty(uncovered);
        var statement = BillingLedger.Decide(new BillingTerms(BillingCalendar.For(contract), schedule.Lines, LumpSumProration.ByDaysOfTerm,
            schedule.DeductionValues()), new BillingFacts(services, missed, [], []), August1).Statement!;
        var line = Assert.Single(statement.Period(3).Lines);
        Assert.Equal(Money.Dollars(385.00m), line.Amount); // one school, one visit: $385.00, not $770.00
        Assert.Equal([visit.VisitId], line.SourceIds);
    }

    [Fact]
    public void Count_VisitWithOccurrencesUnderTwoLines_CountsOnceUnderEach()
    {
        var contract = Bid2685.Contract();
        var mowing = MowingPerVisit(contract);
        var weeds = WeedControl(contract);
        var schedule = new PriceSchedule([mowing, weeds]);
        var planned = new[] { Planned(contract.Bhs(), "IV"), Planned(contract.Bhs(), "3c"), Planned(contract.Bhs(), "3a") };
        var visit = Visit(contract.Bhs(), July8, planned);

        var (services, _, uncovered) = schedule.Count(planned, [visit], []);

        Assert.Equal(2, services.Count);
        Assert.Equal([mowing.Id, weeds.Id], services.Select(s => s.PriceLineId));
        Assert.All(services, s => Assert.Equal((visit.VisitId, 1m), (s.VisitId, s.Quantity)));
        Assert.Empty(uncovered);
    }

    [Fact]
    public void Count_WorkNoLineCovers_ReturnedUncovered()
    {
        var contract = Bid2685.Contract();
        var schedule = new PriceSchedule([MowingPerVisit(contract)]);
        var mowed = Planned(contract.Whs(), "IV");
        var earlySpring = Planned(contract.Whs(), "1a"); // spring clean-up: not on this schedule
        var unknown = Guid.NewGuid(); // an occurrence the plan does not hold
        var visit = new VisitLogged(Guid.NewGuid(), contract.Whs().Id, July8, VisitStatus.Verified, [mowed.OccurrenceId, earlySpring.OccurrenceId, unknown]);
        var missedSpring = new MissedOccurrence(Guid.NewGuid(), Planned(contract.Hphs(), "1b").OccurrenceId, DeficiencyStatus.Upheld, July8);

        var (services, missed, uncovered) = schedule.Count([mowed, earlySpring], [visit], [missedSpring]);

        Assert.Single(services);
        Assert.Empty(missed);
        Assert.Equal([earlySpring.OccurrenceId, unknown, missedSpring.OccurrenceId], uncovered);
    }

    [Fact]
    public void Count_MissedOccurrenceUnderTheMowingLumpSum_DeductedAtItsDeductionValue()
    {
        var contract = Bid2685.Contract();
        var lumpSum = contract.AddPriceLine(Guid.NewGuid(), "2", "Mowing, three schools (spec IV, 2d, 3c, 4a, 5a)", PriceBasis.LumpSum,
            "lump sum", 1m, 27_000.00m, isSample: true, covers: MowingItems, deductionValue: 150.00m);
        var schedule = new PriceSchedule([lumpSum]);
        var occurrence = Planned(contract.Bhs(), "3c");
        var deficiency = new MissedOccurrence(Guid.NewGuid(), occurrence.OccurrenceId, DeficiencyStatus.Acknowledged, new LocalDate(2003, 7, 10));

        var (_, missed, uncovered) = schedule.Count([occurrence], [], [deficiency]);

        Assert.Empty(uncovered);
        Assert.Equal(new MissedWork(occurrence.OccurrenceId, lumpSum.Id, 1m, deficiency.DeficiencyId, DeficiencyStatus.Acknowledged,
            new LocalDate(2003, 7, 10)), Assert.Single(missed));
        Assert.Equal(Money.Dollars(150.00m), schedule.DeductionValues()[lumpSum.Id]);
        var terms = new BillingTerms(BillingCalendar.For(contract), schedule.Lines, LumpSumProration.ByDaysOfTerm, schedule.DeductionValues());
        var (statement, refusal) = BillingLedger.Decide(terms, new BillingFacts([], missed, [], []), August1);
        Assert.Null(refusal);
        var july = statement!.Period(3);
        var line = july.Lines.Single(l => l.Kind == InstallmentLineKind.MissedWork);
        Assert.Equal(Money.Dollars(-150.00m), line.Amount);
        Assert.Equal(Money.Dollars(150.00m), line.UnitPrice);
        Assert.Equal([occurrence.OccurrenceId, deficiency.DeficiencyId], line.SourceIds);
        Assert.Equal(Money.Dollars(150.00m), statement!.Installments.Sum(i => i.Deducted));
    }

    [Fact]
    public void DeductionValues_OnlyLumpSumLinesThatSetOne()
    {
        var contract = Bid2685.Contract();
        var lumpSum = contract.AddPriceLine(Guid.NewGuid(), "2", "Mowing, three schools", PriceBasis.LumpSum, "lump sum", 1m, 27_000.00m,
            isSample: true, covers: MowingItems, deductionValue: 150.00m);
        var perVisit = contract.AddPriceLine(Guid.NewGuid(), "4", "Weed control, per application", PriceBasis.UnitPrice, "application", 6m,
            1_260.25m, isSample: true, covers: ["3a"], deductionValue: 1_260.25m);

        var values = new PriceSchedule([lumpSum, perVisit, contract.Seasonal()]).DeductionValues();

        Assert.Equal(lumpSum.Id, Assert.Single(values).Key);
    }

    [Fact]
    public void Check_SameItemTwiceForOneSchool_Refused()
    {
        var contract = Bid2685.Contract();
        var weaver = contract.AddPriceLine(Guid.NewGuid(), "3W", "Mowing at Weaver", PriceBasis.UnitPrice, "visit", 61m, 410.00m,
            isSample: true, siteId: contract.Whs().Id, covers: ["IV"]);

        var refusal = PriceSchedule.Check([weaver], " 3w ", contract.Whs().Id, "Mowing at Weaver, again", "visit", 61m, 400.00m, ["5a"], null);

        Assert.Equal(new PriceLineRefusal.DuplicateItem("3w"), refusal);
    }

    [Fact]
    public void Check_ContractWideItemTwice_Refused()
    {
        var contract = Bid2685.Contract();

        var refusal = PriceSchedule.Check(contract.PriceLines, "3", null, "Infield grooming again", "visit", 10m, 85.00m, [], null);

        Assert.IsType<PriceLineRefusal.DuplicateItem>(refusal);
    }

    [Fact]
    public void Check_SpecificationItemAlreadyPaidForThatSchool_RefusedAsCoveredTwice()
    {
        var contract = Bid2685.Contract();
        var mowing = MowingPerVisit(contract);

        var refusal = PriceSchedule.Check([mowing], "5", null, "Athletic field mowing", "visit", 20m, 300.00m, ["4A"], null);

        Assert.Equal(new PriceLineRefusal.CoveredTwice("4A"), refusal);
    }

    public static TheoryData<decimal, decimal?, string> FractionsOfACent => new()
    {
        { 385.005m, null, "UnitPrice" },
        { 385.00m, 150.001m, "DeductionValue" },
    };

    [Theory]
    [MemberData(nameof(FractionsOfACent))]
    public void Check_FractionOfACent_Refused(decimal unitPrice, decimal? deductionValue, string field)
    {
        var refusal = PriceSchedule.Check([], "3", null, "Mowing, per school per visit", "visit", 183m, unitPrice, MowingItems, deductionValue);

        Assert.Equal(new PriceLineRefusal.NotWholeCents(field), refusal);
    }

    [Fact]
    public void Check_NegativePrice_Refused()
    {
        var refusal = PriceSchedule.Check([], "3", null, "Mowing, per school per visit", "visit", 183m, -385.00m, MowingItems, null);

        Assert.Equal("UnitPrice", Assert.IsType<PriceLineRefusal.OutOfRange>(refusal).Field);
    }

    [Fact]
    public void Check_PerSchoolLineBesideAContractWideLineCoveringTheSameItems_Accepted()
    {
        var contract = Bid2685.Contract();
        var everywhere = MowingPerVisit(contract);

        var refusal = PriceSchedule.Check([everywhere, contract.Seasonal()], "3W", contract.Whs().Id, "Mowing at Weaver, per visit", "visit", 61m,
            410.00m, ["IV", "2d"], null);

        Assert.Null(refusal);
    }

    [Fact]
    public void Check_GoodLumpSumLineWithItsDeductionValue_Accepted()
    {
        var refusal = PriceSchedule.Check([], "2", null, "Mowing, three schools", "lump sum", 1m, 27_000.00m, MowingItems, 150.00m);

        Assert.Null(refusal);
    }
}
