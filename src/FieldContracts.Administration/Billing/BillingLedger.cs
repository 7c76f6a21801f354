using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.WorkLogs;
using FieldContracts.Scheduling.Contracts;
using NodaTime;

namespace FieldContracts.Administration.Billing;

/// <summary>Why something billing saw is on no installment line (yet).</summary>
public enum BillingNoteKind
{
    /// <summary>A visit not yet verified by the Athletic Director: not a service "actually received" yet.</summary>
    AwaitingVerification,

    /// <summary>A visit on a lump-sum line: paid by the lump sum's installments, not per visit.</summary>
    CoveredByLumpSum,

    /// <summary>Work dated outside the days of service (before the term, or after a termination).</summary>
    OutsideService,

    /// <summary>Missed work on a unit-price line: never earned, so there is nothing to take off.</summary>
    NotEarned,

    /// <summary>A deduction or damages whose deficiency is open or disputed: not taken until decided.</summary>
    AwaitingDecision,

    /// <summary>A deficiency withdrawn by Purchasing, or cured before it was confirmed: nothing is taken.</summary>
    Withdrawn,

    /// <summary>Decided, or done, in a period that has not ended: it goes on that period's installment.</summary>
    NextInstallment,

    /// <summary>No installment is left to take it from: it is owed by the contractor.</summary>
    AfterLastInstallment,
}

/// <summary>Something billing saw that is on no installment line, and why.</summary>
/// <param name="Amount">What it would come to, when known (e.g. damages awaiting a decision).</param>
public sealed record BillingNote(Guid SourceId, BillingNoteKind Kind, string Why, Money? Amount = null);

/// <summary>The installments of a contract as of a day, with what they leave out and why.</summary>
/// <param name="Installments">One per ended period, in order; each numbered as its period.</param>
/// <param name="LumpSums">How each lump sum is spread, with what a termination leaves unearned.</param>
/// <param name="Notes">What is on no line, and why.</param>
/// <param name="OwedByContractor">
/// Deductions still carried after the last period of service has ended: nothing comes after it, so the contractor
/// owes them (to be set off against other money the City owes it, or invoiced).
/// </param>
public sealed record BillingStatement(
    BillingCalendar Calendar,
    IReadOnlyList<Installment> Installments,
    IReadOnlyList<LumpSumSpread> LumpSums,
    IReadOnlyList<BillingNote> Notes,
    Money OwedByContractor);

/// <summary>
/// Draws up the installments of a contract from its terms and what happened, as of a day, in one pass over the facts
/// and one over the periods. Services are paid in the period of their work date; lump sums by the contract's proration;
/// a deduction (missed work, damages, a negative adjustment) is taken on the installment of the period in which it was
/// decided, once; what an installment cannot absorb is carried to the next, the oldest deduction covered first.
/// </summary>
public static class BillingLedger
{
    /// <summary>The installments of every period ended before <paramref name="asOf"/>, or why they cannot be drawn up.</summary>
    public static (BillingStatement? Statement, BillingRefusal? Refusal) Decide(BillingTerms terms, BillingFacts facts, LocalDate asOf,
        BillingHistory? history = null)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(facts);
        history ??= BillingHistory.None;
        var locked = Math.Min(history.LockedPeriods, terms.Calendar.Periods.Count);
        var calendar = terms.Calendar;
        var periods = calendar.Periods;
        var ended = 0;
        while (ended < periods.Count && periods[ended].Days.End < asOf)
        {
            ended++;
        }

        var lines = new Dictionary<Guid, (PriceLine Line, int Order, Money Price)>(terms.PriceLines.Count);
        var byOrder = new (PriceLine Line, Money Price)[terms.PriceLines.Count];
        for (var i = 0; i < terms.PriceLines.Count; i++)
        {
            var line = terms.PriceLines[i];
            if (decimal.Round(line.UnitPrice, 2) != line.UnitPrice)
            {
                return (null, new BillingRefusal.NotWholeCents(line.Id, line.UnitPrice));
            }

            lines[line.Id] = (line, i, Money.Dollars(line.UnitPrice));
            byOrder[i] = (line, Money.Dollars(line.UnitPrice));
        }

        var buckets = new Bucket?[ended];
        var notes = new List<BillingNote>();
        var owedDirectly = Money.Zero;

        foreach (var visit in facts.Services)
        {
            if (!lines.TryGetValue(visit.PriceLineId, out var priced))
            {
                return (null, new BillingRefusal.UnknownPriceLine(visit.PriceLineId, visit.VisitId));
            }

            if (history.Invoiced.Contains(visit.VisitId))
            {
                continue;
            }

            var i = calendar.IndexOf(visit.WorkDate);
            if (i >= 0 && i < locked)
            {
                // Verified after its period's invoice was submitted: paid on the first invoice still to come.
                i = locked;
            }

            if (priced.Line.Basis == PriceBasis.LumpSum)
            {
                notes.Add(new BillingNote(visit.VisitId, BillingNoteKind.CoveredByLumpSum, $"Paid by the lump sum of item {priced.Line.Item}."));
            }
            else if (i < 0)
            {
                notes.Add(new BillingNote(visit.VisitId, BillingNoteKind.OutsideService, $"Done on {visit.WorkDate:MMM d, yyyy}, outside the days of service."));
            }
            else if (visit.Status != VisitStatus.Verified)
            {
                notes.Add(new BillingNote(visit.VisitId, BillingNoteKind.AwaitingVerification, $"Not verified yet ({visit.Status})."));
            }
            else if (i >= ended)
            {
                notes.Add(new BillingNote(visit.VisitId, BillingNoteKind.NextInstallment,
                    i < periods.Count ? $"Paid on the installment of {periods[i]}." : "Paid on the next installment."));
            }
            else
            {
                (buckets[i] ??= new Bucket()).AddService(priced.Order, visit);
            }
        }

        foreach (var missed in facts.Missed)
        {
            if (!lines.TryGetValue(missed.PriceLineId, out var priced))
            {
                return (null, new BillingRefusal.UnknownPriceLine(missed.PriceLineId, missed.OccurrenceId));
            }

            if (history.Invoiced.Contains(missed.OccurrenceId))
            {
                continue;
            }

            if (priced.Line.Basis == PriceBasis.UnitPrice)
            {
                notes.Add(new BillingNote(missed.OccurrenceId, BillingNoteKind.NotEarned,
                    $"Item {priced.Line.Item} is paid per unit received; work not performed was never earned."));
                continue;
            }

            if (!terms.DeductionValues.TryGetValue(missed.PriceLineId, out var unitValue))
            {
                return (null, new BillingRefusal.NoDeductionValue(missed.PriceLineId, missed.OccurrenceId));
            }

            var amount = Money.Extend(unitValue, missed.Quantity);
            if (missed.Status == DeficiencyStatus.Withdrawn || (missed.ConfirmedOn is null && missed.Status == DeficiencyStatus.Cured))
            {
                notes.Add(new BillingNote(missed.OccurrenceId, BillingNoteKind.Withdrawn, $"Deficiency {missed.Status.ToString().ToLowerInvariant()}; nothing taken.", amount));
                continue;
            }

            if (missed.ConfirmedOn is not { } confirmedOn)
            {
                notes.Add(new BillingNote(missed.OccurrenceId, BillingNoteKind.AwaitingDecision, $"Deficiency {missed.Status.ToString().ToLowerInvariant()}; taken once acknowledged or upheld.", amount));
                continue;
            }

            var line = new InstallmentLine(InstallmentLineKind.MissedWork,
                $"Item {priced.Line.Item} not performed: {missed.Quantity:0.##} × {unitValue}", -amount,
                [missed.OccurrenceId, missed.DeficiencyId], missed.PriceLineId, missed.Quantity, unitValue);
            Place(new Charge(line, missed.DeficiencyId, confirmedOn, 0), missed.OccurrenceId);
        }

        foreach (var damages in facts.Damages)
        {
            if (history.Invoiced.Contains(damages.AssessmentId))
            {
                continue;
            }

            if (damages.Status == AssessmentStatus.Waived)
            {
                notes.Add(new BillingNote(damages.AssessmentId, BillingNoteKind.Withdrawn, "Damages waived by Purchasing; nothing taken.", damages.Amount));
                continue;
            }

            if (damages.StandsOn is not { } standsOn)
            {
                notes.Add(new BillingNote(damages.AssessmentId, BillingNoteKind.AwaitingDecision, damages.Status == AssessmentStatus.Disputed
                    ? "Damages disputed by the contractor; not taken until Purchasing decides."
                    : "Damages within the contractor's dispute period; taken once it is over.", damages.Amount));
                continue;
            }

            var line = new InstallmentLine(InstallmentLineKind.LiquidatedDamages,
                $"Liquidated damages, {damages.Kind}{(damages.Status == AssessmentStatus.Reduced ? ", reduced on dispute" : "")}{(damages.IsSampleRate ? " (sample rate)" : "")}",
                -damages.Amount, [damages.AssessmentId, damages.DeficiencyId], UnitPrice: damages.Amount);
            Place(new Charge(line, damages.AssessmentId, standsOn, 1), damages.AssessmentId);
        }

        foreach (var adjustment in facts.Adjustments)
        {
            if (string.IsNullOrWhiteSpace(adjustment.Reason))
            {
                return (null, new BillingRefusal.ReasonRequired(adjustment.Id));
            }

            if (history.Invoiced.Contains(adjustment.Id))
            {
                continue;
            }

            var line = new InstallmentLine(InstallmentLineKind.Adjustment, $"Adjustment: {adjustment.Reason.Trim()}", adjustment.Amount, [adjustment.Id]);
            if (adjustment.Amount.IsNegative)
            {
                Place(new Charge(line, adjustment.Id, adjustment.On, 2), adjustment.Id);
            }
            else if (Math.Max(ChargeIndex(calendar, adjustment.On), locked) is var i and >= 0 && i < ended)
            {
                (buckets[i] ??= new Bucket()).AddCredit(line);
            }
            else
            {
                notes.Add(new BillingNote(adjustment.Id, BillingNoteKind.NextInstallment, "Paid on a later installment.", adjustment.Amount));
            }
        }

        var spreads = new List<(LumpSumSpread Spread, int Order)>();
        for (var order = 0; order < byOrder.Length; order++)
        {
            var (line, price) = byOrder[order];
            if (line.Basis == PriceBasis.LumpSum)
            {
                spreads.Add((LumpSums.Spread(line.Id, price, calendar, terms.Proration), order));
            }
        }

        var installments = new List<Installment>(Math.Max(0, ended - locked));
        var carried = new List<(Guid Source, Money Amount)>();
        if (history.CarriedOut > Money.Zero && history.LastInvoiceId is { } lastInvoice)
        {
            carried.Add((lastInvoice, history.CarriedOut));
        }

        for (var i = locked; i < ended; i++)
        {
            installments.Add(Draw(calendar, periods[i], i, spreads, byOrder, buckets[i], ref carried));
        }

        var owed = owedDirectly;
        if (ended == periods.Count)
        {
            foreach (var (_, amount) in carried)
            {
                owed += amount;
            }
        }

        return (new BillingStatement(calendar, installments, spreads.ConvertAll(s => s.Spread), notes, owed), null);

        void Place(Charge charge, Guid noteSource)
        {
            var i = ChargeIndex(calendar, charge.On);
            if (i >= 0 && i < locked)
            {
                i = locked < periods.Count ? locked : -1;
            }

            if (i < 0)
            {
                owedDirectly += -charge.Line.Amount;
                notes.Add(new BillingNote(noteSource, BillingNoteKind.AfterLastInstallment, "No installment to take it from; owed by the contractor.", -charge.Line.Amount));
            }
            else if (i >= ended)
            {
                notes.Add(new BillingNote(noteSource, BillingNoteKind.NextInstallment, $"Taken on the installment of {periods[i]}.", -charge.Line.Amount));
            }
            else
            {
                (buckets[i] ??= new Bucket()).AddCharge(charge);
            }
        }
    }

    /// <summary>
    /// The installment of the period in <paramref name="month"/>, to be paid on <paramref name="today"/>; refused before
    /// it is payable (special instruction 12).
    /// </summary>
    public static (Installment? Installment, BillingRefusal? Refusal) InstallmentToPay(BillingTerms terms, BillingFacts facts, YearMonth month,
        LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var periods = terms.Calendar.Periods;
        var index = periods.Count == 0 ? -1 : (month.Year * 12) + month.Month - ((periods[0].Month.Year * 12) + periods[0].Month.Month);
        if (index < 0 || index >= periods.Count)
        {
            return (null, new BillingRefusal.NoSuchPeriod(month));
        }

        if (terms.Calendar.RefusePayment(periods[index], today) is { } notYet)
        {
            return (null, notYet);
        }

        var (statement, refusal) = Decide(terms, facts, today);
        return refusal is not null ? (null, refusal) : (statement!.Installments.Single(i => i.Period.Number == index + 1), null);
    }

    /// <summary>
    /// The period whose installment takes a deduction decided on <paramref name="on"/>: the one holding that day; the
    /// first for a day before service; the last for a day after it (the final settlement); -1 when there is none.
    /// </summary>
    private static int ChargeIndex(BillingCalendar calendar, LocalDate on)
    {
        var periods = calendar.Periods;
        if (periods.Count == 0)
        {
            return -1;
        }

        return on < periods[0].Days.Start ? 0
            : on > periods[^1].Days.End ? periods.Count - 1
            : calendar.IndexOf(on);
    }

    private static Installment Draw(BillingCalendar calendar, BillingPeriod period, int index, List<(LumpSumSpread Spread, int Order)> spreads,
        (PriceLine Line, Money Price)[] byOrder, Bucket? bucket, ref List<(Guid Source, Money Amount)> carried)
    {
        var result = new List<InstallmentLine>();
        var available = Money.Zero;

        foreach (var (spread, order) in spreads)
        {
            var share = spread.Earned[index];
            if (share != Money.Zero)
            {
                var line = byOrder[order].Line;
                result.Add(new InstallmentLine(InstallmentLineKind.LumpSum,
                    $"Item {line.Item} {line.Description}: share of the lump sum of {spread.Price} for {period}", share,
                    [line.Id], line.Id));
                available += share;
            }
        }

        if (bucket is not null)
        {
            foreach (var (order, quantity, visitIds) in bucket.ServicesInOrder())
            {
                var (line, unitPrice) = byOrder[order];
                var amount = Money.Extend(unitPrice, quantity);
                result.Add(new InstallmentLine(InstallmentLineKind.Services,
                    $"Item {line.Item} {line.Description}: {quantity:0.##} × {unitPrice} per {line.Unit}", amount, visitIds, line.Id, quantity, unitPrice));
                available += amount;
            }

            foreach (var credit in bucket.Credits)
            {
                result.Add(credit);
                available += credit.Amount;
            }

            foreach (var charge in bucket.ChargesInOrder())
            {
                result.Add(charge.Line);
            }
        }

        var next = new List<(Guid Source, Money Amount)>();
        var carriedIn = Money.Zero;
        foreach (var (source, amount) in carried)
        {
            carriedIn += amount;
            Cover(source, amount);
        }

        if (bucket is not null)
        {
            foreach (var charge in bucket.ChargesInOrder())
            {
                Cover(charge.Source, -charge.Line.Amount);
            }
        }

        if (carried.Count > 0)
        {
            result.Add(new InstallmentLine(InstallmentLineKind.CarriedIn, "Deductions carried from the previous installment", -carriedIn,
                carried.Select(c => c.Source).ToArray()));
        }

        if (next.Count > 0)
        {
            var carriedOut = Money.Zero;
            foreach (var (_, amount) in next)
            {
                carriedOut += amount;
            }

            result.Add(new InstallmentLine(InstallmentLineKind.CarriedOut, "Deductions beyond this installment, carried to the next", carriedOut,
                next.Select(c => c.Source).ToArray()));
        }

        carried = next;
        return new Installment(period, calendar.PayableFrom(period), result);

        void Cover(Guid source, Money amount)
        {
            var taken = Money.Min(available, amount);
            available -= taken;
            if (amount > taken)
            {
                next.Add((source, amount - taken));
            }
        }
    }

    /// <param name="Rank">Missed work first, then damages, then adjustments, each in the order decided.</param>
    private sealed record Charge(InstallmentLine Line, Guid Source, LocalDate On, int Rank);

    /// <summary>What one period's installment draws on.</summary>
    private sealed class Bucket
    {
        private readonly SortedDictionary<int, (decimal Quantity, List<Guid> VisitIds)> _services = [];
        private readonly List<Charge> _charges = [];
        private bool _sorted = true;

        public List<InstallmentLine> Credits { get; } = [];

        public void AddService(int order, ServiceReceived visit)
        {
            if (!_services.TryGetValue(order, out var entry))
            {
                entry = (0m, []);
            }

            entry.VisitIds.Add(visit.VisitId);
            _services[order] = (entry.Quantity + visit.Quantity, entry.VisitIds);
        }

        public void AddCredit(InstallmentLine line) => Credits.Add(line);

        public void AddCharge(Charge charge)
        {
            _charges.Add(charge);
            _sorted = false;
        }

        public IEnumerable<(int Order, decimal Quantity, IReadOnlyList<Guid> VisitIds)> ServicesInOrder()
        {
            foreach (var (order, (quantity, ids)) in _services)
            {
                yield return (order, quantity, ids);
            }
        }

        public List<Charge> ChargesInOrder()
        {
            if (!_sorted)
            {
                _charges.Sort((a, b) => a.Rank != b.Rank ? a.Rank.CompareTo(b.Rank)
                    : a.On != b.On ? a.On.CompareTo(b.On)
                    : a.Source.CompareTo(b.Source));
                _sorted = true;
            }

            return _charges;
        }
    }
}
