using BenchmarkDotNet.Attributes;
using FieldContracts.Administration;
using FieldContracts.Administration.Billing;
using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.WorkLogs;
using FieldContracts.Scheduling.Contracts;
using NodaTime;

namespace FieldContracts.Benchmarks;

/// <summary>
/// Every installment of 100 contracts the size of #2685 over the whole term, from their visits, missed work, damages
/// and adjustments (target: under one second on one core): the bid schedule counts the work
/// (<see cref="PriceSchedule.Count"/>), then the ledger draws the installments of all 20 periods
/// (<see cref="BillingLedger.Decide"/>, as of January 1, 2005). Beside it, in the same run, a plain re-implementation
/// that filters every fact by each period's dates, as the ratio's baseline.
/// </summary>
[MemoryDiagnoser]
public class BillingBenchmarks
{
    private const int Contracts = 100;
    private const LumpSumProration Proration = LumpSumProration.ByDaysOfTerm;

    /// <summary>The day the statement is drawn up: every period of the term has ended.</summary>
    private static readonly LocalDate AsOf = new(2005, 1, 1);

    private static readonly string[] LumpSumItems = ["1a", "1b", "1c", "2a", "2b", "3a", "3d", "3e", "4c", "4d", "5b"];
    private static readonly string[] MowingItems = ["IV", "2d", "3c", "4a", "5a"];

    private ContractFacts[] _contracts = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2685);
        _contracts = Enumerable.Range(1, Contracts).Select(n => Build(n, random)).ToArray();

        // The comparison is honest only if both compute the same installments: every net of every period of every
        // contract must agree, carried deductions included.
        var carriedOut = 0;
        for (var c = 0; c < _contracts.Length; c++)
        {
            var statement = Statement(_contracts[c]);
            var reference = FilterByPeriod(_contracts[c]);
            if (statement.Installments.Count != reference.Length)
            {
                throw new InvalidOperationException($"Contract {c + 1}: {statement.Installments.Count} installments, the baseline has {reference.Length}.");
            }

            for (var i = 0; i < reference.Length; i++)
            {
                if (statement.Installments[i].Net != reference[i])
                {
                    throw new InvalidOperationException(
                        $"Contract {c + 1}, {statement.Installments[i].Period}: the ledger's net is {statement.Installments[i].Net}, the baseline's {reference[i]}.");
                }

                carriedOut += statement.Installments[i].CarriedOut > Money.Zero ? 1 : 0;
            }
        }

        if (carriedOut == 0)
        {
            throw new InvalidOperationException("No installment carries a deduction forward; the data does not exercise carrying.");
        }

        var total = Ledger();
        if (total != FilterByPeriodBaseline())
        {
            throw new InvalidOperationException("The two benchmarks' totals differ.");
        }

        Console.WriteLine($"// {Contracts} contracts: {_contracts.Sum(c => c.Planned.Count):N0} planned occurrences, "
                          + $"{_contracts.Sum(c => c.Visits.Count):N0} visits, {_contracts.Sum(c => c.Missed.Count):N0} missed, "
                          + $"{_contracts.Sum(c => c.Damages.Count):N0} damages, {_contracts.Sum(c => c.Adjustments.Count):N0} adjustments; "
                          + $"{carriedOut} installments carry deductions forward; total of nets {total:N2}.");
    }

    /// <summary>
    /// Reference for the cost of the measured path, not a second implementation to keep: for each period it filters
    /// all visits, missed work, damages and adjustments by the period's dates with LINQ (periods × facts), then sums
    /// what the ledger sums. It shares the billing calendar and the lump-sum spread with the ledger, and computes the
    /// nets only: no installment lines, descriptions or notes, which the measured path draws up in full.
    /// </summary>
    [Benchmark(Baseline = true)]
    public decimal FilterByPeriodBaseline()
    {
        var total = 0m;
        foreach (var contract in _contracts)
        {
            foreach (var net in FilterByPeriod(contract))
            {
                total += net.Amount;
            }
        }

        return total;
    }

    /// <summary>The measured path: the bid schedule counts each contract's work, the ledger draws every installment.</summary>
    [Benchmark]
    public decimal Ledger()
    {
        var total = 0m;
        foreach (var contract in _contracts)
        {
            foreach (var installment in Statement(contract).Installments)
            {
                total += installment.Net.Amount;
            }
        }

        return total;
    }

    private static BillingStatement Statement(ContractFacts contract)
    {
        var schedule = new PriceSchedule(contract.Lines);
        var (services, missed, uncovered) = schedule.Count(contract.Planned, contract.Visits, contract.Missed);
        if (uncovered.Count > 0)
        {
            throw new InvalidOperationException($"{uncovered.Count} occurrences are on no price line.");
        }

        var terms = new BillingTerms(BillingCalendar.For(contract.Term), contract.Lines, Proration, schedule.DeductionValues());
        var (statement, refusal) = BillingLedger.Decide(terms, new BillingFacts(services, missed, contract.Damages, contract.Adjustments), AsOf);
        return statement ?? throw new InvalidOperationException($"The ledger refused: {refusal}");
    }

    /// <summary>The net of each period, the obvious way: every fact is looked at again for every period.</summary>
    private static Money[] FilterByPeriod(ContractFacts contract)
    {
        var calendar = BillingCalendar.For(contract.Term);
        var periods = calendar.Periods;
        var lineOf = contract.Planned.ToDictionary(p => p.OccurrenceId,
            p => contract.Lines.First(l => l.SiteId == p.SiteId && l.CoversItem(p.ItemReference)));
        var lumpSums = contract.Lines.Where(l => l.Basis == PriceBasis.LumpSum)
            .Select(l => LumpSums.Spread(l.Id, Money.Dollars(l.UnitPrice), calendar, Proration).Earned).ToList();
        var unitLines = contract.Lines.Where(l => l.Basis == PriceBasis.UnitPrice).ToList();

        var nets = new Money[periods.Count];
        var carried = Money.Zero;
        for (var i = 0; i < periods.Count; i++)
        {
            var days = periods[i].Days;
            var first = i == 0;
            var last = i == periods.Count - 1;

            // A deduction or adjustment decided before the term goes on the first installment, after it on the last.
            bool Takes(LocalDate on) => days.Contains(on) || (first && on < days.Start) || (last && on > days.End);

            var verified = contract.Visits.Where(v => v.Status == VisitStatus.Verified && days.Contains(v.WorkDate)).ToList();
            var earned = lumpSums.Sum(earnedByPeriod => earnedByPeriod[i])
                         + unitLines.Sum(line => Money.Extend(Money.Dollars(line.UnitPrice),
                             verified.Count(v => v.OccurrenceIds.Any(o => lineOf[o] == line))))
                         + contract.Adjustments.Where(a => !a.Amount.IsNegative && Takes(a.On)).Sum(a => a.Amount);
            var deducted = contract.Missed
                               .Where(m => m.Status != DeficiencyStatus.Withdrawn && m.ConfirmedOn is { } on && Takes(on)
                                           && lineOf[m.OccurrenceId].Basis == PriceBasis.LumpSum)
                               .Sum(m => Money.Dollars(lineOf[m.OccurrenceId].DeductionValue!.Value))
                           + contract.Damages.Where(d => d.Status != AssessmentStatus.Waived && d.StandsOn is { } on && Takes(on))
                               .Sum(d => d.Amount)
                           + contract.Adjustments.Where(a => a.Amount.IsNegative && Takes(a.On)).Sum(a => -a.Amount);

            var owed = carried + deducted;
            nets[i] = Money.Max(Money.Zero, earned - owed);
            carried = Money.Max(Money.Zero, owed - earned);
        }

        return nets;
    }

    /// <summary>
    /// A contract like #2685: three schools, each with a lump sum for seasonal maintenance and a unit price per
    /// mowing; about 60 mowings and 15 other items per school per year; visits for nearly every occurrence (95%
    /// verified), about 3% missed (half of those confirmed), a few damages and adjustments.
    /// </summary>
    private static ContractFacts Build(int number, Random random)
    {
        var contract = Contracts2685.Contract(number, Guid.Empty);
        var term = contract.Term;
        var item = 1;
        foreach (var site in contract.Sites)
        {
            contract.AddPriceLine(NewId(random), $"{item++}", $"Seasonal maintenance, {site.Name}", PriceBasis.LumpSum, "lump sum", 1m,
                random.Next(12_000, 15_001), isSample: true, site.Id, LumpSumItems, deductionValue: 150.00m);
            contract.AddPriceLine(NewId(random), $"{item++}", "Mowing, per school per visit", PriceBasis.UnitPrice, "visit", 120m, 385.00m,
                isSample: true, site.Id, MowingItems);
        }

        var planned = new List<PlannedItem>();
        var visits = new List<VisitLogged>();
        var missed = new List<MissedOccurrence>();
        foreach (var site in contract.Sites)
        {
            var work = new List<(LocalDate Day, Guid OccurrenceId)>();
            foreach (var (from, to) in new[] { (term.Start, new LocalDate(2003, 11, 15)), (new LocalDate(2004, 4, 1), new LocalDate(2004, 11, 15)) })
            {
                var weekdays = Days(from, to).Where(d => d.DayOfWeek <= IsoDayOfWeek.Friday).ToArray();
                random.Shuffle(weekdays);
                var mowings = weekdays[..60];
                foreach (var day in mowings)
                {
                    work.Add((day, Plan(planned, random, site.Id, MowingItems[0])));
                }

                for (var n = 0; n < 15; n++)
                {
                    // Half the other items are done on a mowing day, in the same visit.
                    var day = random.Next(2) == 0 ? mowings[random.Next(mowings.Length)] : weekdays[random.Next(weekdays.Length)];
                    var reference = random.Next(5) == 0 ? MowingItems[1 + random.Next(MowingItems.Length - 1)] : LumpSumItems[random.Next(LumpSumItems.Length)];
                    work.Add((day, Plan(planned, random, site.Id, reference)));
                }
            }

            var done = new List<(LocalDate Day, Guid OccurrenceId)>();
            foreach (var (day, occurrenceId) in work)
            {
                if (random.NextDouble() >= 0.03)
                {
                    done.Add((day, occurrenceId));
                    continue;
                }

                var confirmed = random.Next(2) == 0;
                missed.Add(confirmed
                    ? new MissedOccurrence(NewId(random), occurrenceId, random.Next(2) == 0 ? DeficiencyStatus.Acknowledged : DeficiencyStatus.Upheld,
                        day.PlusDays(random.Next(2, 30)))
                    : new MissedOccurrence(NewId(random), occurrenceId,
                        random.Next(4) switch { 0 => DeficiencyStatus.Withdrawn, 1 => DeficiencyStatus.Disputed, _ => DeficiencyStatus.Open }, null));
            }

            foreach (var visit in done.GroupBy(w => w.Day).OrderBy(g => g.Key))
            {
                visits.Add(new VisitLogged(NewId(random), site.Id, visit.Key,
                    random.NextDouble() < 0.95 ? VisitStatus.Verified : VisitStatus.Submitted, visit.Select(w => w.OccurrenceId).ToList()));
            }
        }

        var damages = new List<DamagesCharge>();
        for (var n = 0; n < 3; n++)
        {
            var assessedOn = RandomDay(random, term);
            var deficiencyId = missed.Count > 0 ? missed[random.Next(missed.Count)].DeficiencyId : NewId(random);
            var kind = n switch { 0 => DeficiencyKind.MissedWork, 1 => DeficiencyKind.LateWork, _ => DeficiencyKind.InspectionFailure };
            var amount = Money.Dollars(random.Next(1, 6) * 100m);
            damages.Add(random.Next(5) switch
            {
                0 => new DamagesCharge(NewId(random), deficiencyId, kind, amount, AssessmentStatus.Assessed, assessedOn.PlusDays(11), true),
                1 => new DamagesCharge(NewId(random), deficiencyId, kind, amount, AssessmentStatus.Upheld, assessedOn.PlusDays(20), true),
                2 => new DamagesCharge(NewId(random), deficiencyId, kind, Money.Dollars(amount.Amount / 2), AssessmentStatus.Reduced,
                    assessedOn.PlusDays(20), true),
                3 => new DamagesCharge(NewId(random), deficiencyId, kind, amount, AssessmentStatus.Disputed, null, true),
                _ => new DamagesCharge(NewId(random), deficiencyId, kind, amount, AssessmentStatus.Waived, null, true),
            });
        }

        var adjustments = new List<Adjustment>
        {
            new(NewId(random), RandomDay(random, term), Money.Dollars(385.00m), "Mowing verified after its period was invoiced"),
            new(NewId(random), RandomDay(random, term), Money.Dollars(-250.00m), "Line marking not redone after the dispute"),
        };
        if (number % 10 == 0)
        {
            // Larger than a winter month earns: carried forward over the following installments.
            adjustments.Add(new(NewId(random), new LocalDate(2004, 1, 15), Money.Dollars(-6_000.00m), "Turf damaged by equipment, repaired by the City"));
        }

        return new ContractFacts(term, contract.PriceLines, planned, visits, missed, damages, adjustments);
    }

    private static Guid Plan(List<PlannedItem> planned, Random random, Guid siteId, string itemReference)
    {
        var id = NewId(random);
        planned.Add(new PlannedItem(id, siteId, itemReference));
        return id;
    }

    private static IEnumerable<LocalDate> Days(LocalDate from, LocalDate to)
    {
        for (var day = from; day <= to; day = day.PlusDays(1))
        {
            yield return day;
        }
    }

    private static LocalDate RandomDay(Random random, DateInterval term) => term.Start.PlusDays(random.Next(term.Length));

    private static Guid NewId(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private sealed record ContractFacts(
        DateInterval Term,
        IReadOnlyList<PriceLine> Lines,
        IReadOnlyList<PlannedItem> Planned,
        IReadOnlyList<VisitLogged> Visits,
        IReadOnlyList<MissedOccurrence> Missed,
        IReadOnlyList<DamagesCharge> Damages,
        IReadOnlyList<Adjustment> Adjustments);
}
