using NodaTime;

namespace FieldContracts.Administration.Billing;

/// <summary>Where an invoice stands.</summary>
public enum InvoiceStatus
{
    /// <summary>Submitted by the contractor; waiting for the Athletic Director to certify the services received.</summary>
    Submitted,

    /// <summary>Certified by the Athletic Director; waiting for Finance.</summary>
    Certified,

    /// <summary>Approved by Finance; payment is due by <see cref="Invoice.DueOn"/>.</summary>
    Approved,

    /// <summary>Paid; the payment is recorded. Final.</summary>
    Paid,

    /// <summary>Rejected by Finance with its reason; back with the contractor, who submits it again.</summary>
    Returned,
}

/// <summary>A step on an invoice.</summary>
public enum InvoiceAction
{
    Submit,
    Certify,
    Approve,
    Reject,
    RecordPayment,
}

/// <summary>Why a step on an invoice is refused; a value, not an exception.</summary>
public abstract record InvoiceRefusal(string Message)
{
    public sealed record NotAllowed(InvoiceStatus Status, InvoiceAction Action) : InvoiceRefusal(
        $"An invoice that is {Words.Of(Status)} cannot be {Words.Past(Action)}.");

    /// <summary>Segregation of duties: nobody certifies what they submitted, or approves what they submitted or certified.</summary>
    public sealed record SamePerson(InvoiceAction Action, string EarlierStep) : InvoiceRefusal(
        $"The person who {EarlierStep} an invoice cannot also {Words.Verb(Action)} it.");

    public sealed record ReasonRequired(string What) : InvoiceRefusal($"{What} needs a reason.");

    public sealed record NotYetPayable(LocalDate PayableFrom) : InvoiceRefusal(
        $"Not payable before {PayableFrom:MMMM d, yyyy}: the first payment is made after the first completed month of work (special instruction 12).");

    public sealed record PeriodNotEnded(LocalDate End) : InvoiceRefusal($"The period ends on {End:MMMM d, yyyy}; its invoice is drawn up after.");

    public sealed record EarlierNotCertified(int Period) : InvoiceRefusal(
        $"The invoice of period {Period} must be submitted and certified before the next one is submitted.");

    public sealed record LaterSubmitted(int Period) : InvoiceRefusal(
        $"The invoice of period {Period} is already submitted on top of this one; it would have to be returned first.");

    public sealed record LineNotExcludable(int Number) : InvoiceRefusal($"Line {Number} is not a charge for services; only earned lines may be excluded.");

    public sealed record NoSuchLine(int Number) : InvoiceRefusal($"The invoice has no line {Number}.");

    public sealed record PaymentDetailsRequired(string Field) : InvoiceRefusal($"The payment's {Field} is required.");

    public sealed record PaidBeforeApproval(LocalDate ApprovedOn) : InvoiceRefusal($"A payment cannot be dated before the approval of {ApprovedOn:MMMM d, yyyy}.");

    private static class Words
    {
        public static string Of(InvoiceStatus s) => s.ToString().ToLowerInvariant();

        public static string Past(InvoiceAction a) => a switch
        {
            InvoiceAction.Submit => "submitted",
            InvoiceAction.Certify => "certified",
            InvoiceAction.Approve => "approved",
            InvoiceAction.Reject => "rejected",
            _ => "marked paid",
        };

        public static string Verb(InvoiceAction a) => a switch
        {
            InvoiceAction.Certify => "certify",
            InvoiceAction.Approve => "approve",
            InvoiceAction.Reject => "reject",
            _ => "pay",
        };
    }
}

/// <summary>A line of an invoice as submitted: the installment's line, numbered, which the Athletic Director may exclude.</summary>
public sealed class InvoiceLine
{
    private List<Guid> _sourceIds = [];

    private InvoiceLine()
    {
        Description = "";
    }

    public InvoiceLine(int number, InstallmentLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        Id = Guid.CreateVersion7();
        Number = number;
        Kind = line.Kind;
        Description = line.Description;
        Amount = line.Amount.Amount;
        _sourceIds = [.. line.SourceIds];
        PriceLineId = line.PriceLineId;
        Quantity = line.Quantity;
        UnitPrice = line.UnitPrice?.Amount;
    }

    public Guid Id { get; private set; }

    public int Number { get; private set; }

    public InstallmentLineKind Kind { get; private set; }

    public string Description { get; private set; }

    /// <summary>Signed dollars, exact to the cent.</summary>
    public decimal Amount { get; private set; }

    public IReadOnlyList<Guid> SourceIds => _sourceIds;

    public Guid? PriceLineId { get; private set; }

    public decimal? Quantity { get; private set; }

    public decimal? UnitPrice { get; private set; }

    /// <summary>Whether the Athletic Director excluded it from the services certified as received.</summary>
    public bool Excluded { get; private set; }

    public string? ExclusionReason { get; private set; }

    /// <summary>Whether the line pays for something (a lump sum's share, services, a credit) and so may be excluded.</summary>
    public bool IsEarned => Amount > 0 && Kind is InstallmentLineKind.LumpSum or InstallmentLineKind.Services or InstallmentLineKind.Adjustment;

    internal void Exclude(string reason)
    {
        Excluded = true;
        ExclusionReason = reason;
    }
}

/// <summary>A step taken on an invoice: who, when, and why.</summary>
public sealed class InvoiceStep
{
    private InvoiceStep()
    {
        By = "";
    }

    internal InvoiceStep(Guid invoiceId, int sequence, InvoiceAction action, string by, Instant at, string? reason)
    {
        InvoiceId = invoiceId;
        Sequence = sequence;
        Action = action;
        By = by;
        At = at;
        Reason = reason;
    }

    public Guid InvoiceId { get; private set; }

    public int Sequence { get; private set; }

    public InvoiceAction Action { get; private set; }

    public string By { get; private set; }

    public Instant At { get; private set; }

    public string? Reason { get; private set; }
}

/// <summary>
/// The itemized invoice of one billing period (special instruction 12): drawn up by the system from what was received,
/// submitted by the contractor (who may add a note but not change a computed line), certified by the Athletic Director
/// line by line, approved or rejected by Finance, and paid. Nobody certifies what they submitted, nor approves what they
/// submitted or certified.
/// </summary>
public sealed class Invoice
{
    private readonly List<InvoiceLine> _lines = [];
    private readonly List<InvoiceStep> _steps = [];

    private Invoice()
    {
        SubmittedBy = "";
    }

    public Guid Id { get; private set; }

    public Guid ContractId { get; private set; }

    public Guid ContractorId { get; private set; }

    public int PeriodNumber { get; private set; }

    public LocalDate PeriodStart { get; private set; }

    public LocalDate PeriodEnd { get; private set; }

    public LocalDate PayableFrom { get; private set; }

    public InvoiceStatus Status { get; private set; }

    /// <summary>Bumped by every step: two steps at once on one invoice cannot both be saved.</summary>
    public int Version { get; private set; }

    public string? ContractorNote { get; private set; }

    public string SubmittedBy { get; private set; }

    public Instant SubmittedAt { get; private set; }

    public string? CertifiedBy { get; private set; }

    public string? ApprovedBy { get; private set; }

    public LocalDate? ApprovedOn { get; private set; }

    /// <summary>The day payment is due: the approval plus the contract's payment days.</summary>
    public LocalDate? DueOn { get; private set; }

    public string? ReturnReason { get; private set; }

    public LocalDate? PaidOn { get; private set; }

    public string? PaymentMethod { get; private set; }

    public string? PaymentReference { get; private set; }

    /// <summary>What the City pays: the lines not excluded, never below zero.</summary>
    public decimal Net { get; private set; }

    /// <summary>Deductions the invoice could not absorb, taken on the next.</summary>
    public decimal CarriedOut { get; private set; }

    public IReadOnlyList<InvoiceLine> Lines => _lines;

    public IReadOnlyList<InvoiceStep> Steps => _steps;

    public DateInterval Period => new(PeriodStart, PeriodEnd);

    /// <summary>Whether it counts as drawn up, so later facts go on the next invoice: submitted and not returned.</summary>
    public bool IsLocked => Status != InvoiceStatus.Returned;

    /// <summary>The visits, occurrences, assessments and adjustments its lines drew on.</summary>
    public IEnumerable<Guid> Sources => _lines.Where(l => l.Kind is not (InstallmentLineKind.LumpSum or InstallmentLineKind.CarriedIn
        or InstallmentLineKind.CarriedOut)).SelectMany(l => l.SourceIds);

    /// <summary>
    /// The contractor submits the installment of a period that has ended, once the invoice before it is certified.
    /// </summary>
    public static (Invoice? Invoice, InvoiceRefusal? Refusal) Submit(Guid contractId, Guid contractorId, Installment installment,
        Invoice? previous, string? note, string by, Instant at, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(installment);
        if (SubmitRefusal(installment, previous, today) is { } refusal)
        {
            return (null, refusal);
        }

        var invoice = new Invoice
        {
            Id = Guid.CreateVersion7(),
            ContractId = contractId,
            ContractorId = contractorId,
            PeriodNumber = installment.Period.Number,
            PeriodStart = installment.Period.Days.Start,
            PeriodEnd = installment.Period.Days.End,
        };
        invoice.TakeLines(installment, note, by, at);
        return (invoice, null);
    }

    /// <summary>The contractor submits a returned invoice again, drawn up anew from what was received.</summary>
    public InvoiceRefusal? Resubmit(Installment installment, Invoice? previous, string? note, string by, Instant at, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(installment);
        if (Status != InvoiceStatus.Returned)
        {
            return new InvoiceRefusal.NotAllowed(Status, InvoiceAction.Submit);
        }

        if (installment.Period.Number != PeriodNumber)
        {
            throw new ArgumentException($"The installment of period {installment.Period.Number} is not this invoice's ({PeriodNumber}).", nameof(installment));
        }

        if (SubmitRefusal(installment, previous, today) is { } refusal)
        {
            return refusal;
        }

        TakeLines(installment, note, by, at);
        return null;
    }

    /// <summary>
    /// The Athletic Director certifies the services received, excluding lines (by number) with a reason each.
    /// </summary>
    public InvoiceRefusal? Certify(string by, Instant at, IReadOnlyDictionary<int, string>? exclusions = null)
    {
        if (Status != InvoiceStatus.Submitted)
        {
            return new InvoiceRefusal.NotAllowed(Status, InvoiceAction.Certify);
        }

        if (SamePerson(by, SubmittedBy))
        {
            return new InvoiceRefusal.SamePerson(InvoiceAction.Certify, "submitted");
        }

        foreach (var (number, reason) in exclusions ?? new Dictionary<int, string>())
        {
            var line = _lines.Find(l => l.Number == number);
            if (line is null)
            {
                return new InvoiceRefusal.NoSuchLine(number);
            }

            if (!line.IsEarned)
            {
                return new InvoiceRefusal.LineNotExcludable(number);
            }

            if (string.IsNullOrWhiteSpace(reason))
            {
                return new InvoiceRefusal.ReasonRequired($"Excluding line {number}");
            }
        }

        foreach (var (number, reason) in exclusions ?? new Dictionary<int, string>())
        {
            _lines.Find(l => l.Number == number)!.Exclude(reason.Trim());
        }

        Total();
        Status = InvoiceStatus.Certified;
        CertifiedBy = by;
        Step(InvoiceAction.Certify, by, at, null);
        return null;
    }

    /// <summary>Finance approves a certified invoice once it is payable; payment falls due <paramref name="paymentDays"/> later.</summary>
    public InvoiceRefusal? Approve(string by, Instant at, LocalDate today, int paymentDays)
    {
        if (Status != InvoiceStatus.Certified)
        {
            return new InvoiceRefusal.NotAllowed(Status, InvoiceAction.Approve);
        }

        if (SamePerson(by, SubmittedBy))
        {
            return new InvoiceRefusal.SamePerson(InvoiceAction.Approve, "submitted");
        }

        if (SamePerson(by, CertifiedBy))
        {
            return new InvoiceRefusal.SamePerson(InvoiceAction.Approve, "certified");
        }

        if (today < PayableFrom)
        {
            return new InvoiceRefusal.NotYetPayable(PayableFrom);
        }

        Status = InvoiceStatus.Approved;
        ApprovedBy = by;
        ApprovedOn = today;
        DueOn = today.PlusDays(paymentDays);
        Step(InvoiceAction.Approve, by, at, null);
        return null;
    }

    /// <summary>Finance rejects a submitted or certified invoice with its reason: it goes back to the contractor.</summary>
    public InvoiceRefusal? Reject(string by, Instant at, string? reason, Invoice? next)
    {
        if (Status is not (InvoiceStatus.Submitted or InvoiceStatus.Certified))
        {
            return new InvoiceRefusal.NotAllowed(Status, InvoiceAction.Reject);
        }

        if (SamePerson(by, SubmittedBy))
        {
            return new InvoiceRefusal.SamePerson(InvoiceAction.Reject, "submitted");
        }

        if (SamePerson(by, CertifiedBy))
        {
            return new InvoiceRefusal.SamePerson(InvoiceAction.Reject, "certified");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return new InvoiceRefusal.ReasonRequired("Rejecting an invoice");
        }

        if (next is { IsLocked: true })
        {
            return new InvoiceRefusal.LaterSubmitted(next.PeriodNumber);
        }

        Status = InvoiceStatus.Returned;
        ReturnReason = reason.Trim();
        CertifiedBy = null;
        Step(InvoiceAction.Reject, by, at, ReturnReason);
        return null;
    }

    /// <summary>Finance records the payment of an approved invoice: date, method and reference.</summary>
    public InvoiceRefusal? RecordPayment(string by, Instant at, LocalDate paidOn, string? method, string? reference)
    {
        if (Status != InvoiceStatus.Approved)
        {
            return new InvoiceRefusal.NotAllowed(Status, InvoiceAction.RecordPayment);
        }

        if (string.IsNullOrWhiteSpace(method))
        {
            return new InvoiceRefusal.PaymentDetailsRequired("method");
        }

        if (string.IsNullOrWhiteSpace(reference))
        {
            return new InvoiceRefusal.PaymentDetailsRequired("reference");
        }

        if (paidOn < ApprovedOn!.Value)
        {
            return new InvoiceRefusal.PaidBeforeApproval(ApprovedOn.Value);
        }

        Status = InvoiceStatus.Paid;
        PaidOn = paidOn;
        PaymentMethod = method.Trim();
        PaymentReference = reference.Trim();
        Step(InvoiceAction.RecordPayment, by, at, $"{PaymentMethod} {PaymentReference}");
        return null;
    }

    /// <summary>Days past due on <paramref name="today"/>; 0 when not yet due, not approved, or paid.</summary>
    public int DaysOverdue(LocalDate today) => Status == InvoiceStatus.Approved ? DaysPast(DueOn, today) : 0;

    /// <summary>Days from <paramref name="dueOn"/> to <paramref name="today"/> once past it; 0 when not yet due or never due.</summary>
    public static int DaysPast(LocalDate? dueOn, LocalDate today) =>
        dueOn is { } due && today > due ? NodaTime.Period.Between(due, today, PeriodUnits.Days).Days : 0;

    /// <summary>The billing history of a contract from its invoices: the leading run of invoices drawn up, what they drew on, what they carried.</summary>
    public static BillingHistory HistoryOf(IEnumerable<Invoice> invoices)
    {
        ArgumentNullException.ThrowIfNull(invoices);
        var ordered = invoices.OrderBy(i => i.PeriodNumber).ToList();
        var sources = new HashSet<Guid>();
        Invoice? last = null;
        var locked = 0;
        foreach (var invoice in ordered)
        {
            if (invoice.PeriodNumber != locked + 1 || !invoice.IsLocked)
            {
                break;
            }

            locked++;
            last = invoice;
            sources.UnionWith(invoice.Sources);
        }

        return new BillingHistory(locked, sources, last is null ? Money.Zero : Money.Dollars(last.CarriedOut), last?.Id);
    }

    private static InvoiceRefusal? SubmitRefusal(Installment installment, Invoice? previous, LocalDate today)
    {
        if (today <= installment.Period.Days.End)
        {
            return new InvoiceRefusal.PeriodNotEnded(installment.Period.Days.End);
        }

        if (previous is not null && previous.PeriodNumber != installment.Period.Number - 1)
        {
            throw new ArgumentException($"Invoice {previous.PeriodNumber} is not the one before period {installment.Period.Number}.", nameof(previous));
        }

        if (installment.Period.Number > 1 && previous is not { Status: InvoiceStatus.Certified or InvoiceStatus.Approved or InvoiceStatus.Paid })
        {
            return new InvoiceRefusal.EarlierNotCertified(installment.Period.Number - 1);
        }

        return null;
    }

    private static bool SamePerson(string by, string? earlier) => earlier is not null && string.Equals(by, earlier, StringComparison.OrdinalIgnoreCase);

    private void TakeLines(Installment installment, string? note, string by, Instant at)
    {
        _lines.Clear();
        var number = 1;
        foreach (var line in installment.Lines)
        {
            _lines.Add(new InvoiceLine(number++, line));
        }

        PayableFrom = installment.PayableFrom;
        ContractorNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        SubmittedBy = by;
        SubmittedAt = at;
        ReturnReason = null;
        Status = InvoiceStatus.Submitted;
        Total();
        Step(InvoiceAction.Submit, by, at, ContractorNote);
    }

    /// <summary>The net and what is carried, from the lines not excluded: the one statement of an invoice's total.</summary>
    /// <remarks>
    /// The carried-out line adds back what the lines above it could not absorb, so the net is always the sum of the
    /// lines not excluded; after an exclusion it is drawn again.
    /// </remarks>
    private void Total()
    {
        var owed = _lines.Where(l => !l.Excluded && l.Kind != InstallmentLineKind.CarriedOut).Sum(l => l.Amount);
        Net = Math.Max(0m, owed);
        CarriedOut = Math.Max(0m, -owed);
        var carried = _lines.Find(l => l.Kind == InstallmentLineKind.CarriedOut);
        if (carried is not null && carried.Amount != CarriedOut)
        {
            _lines.Remove(carried);
            carried = null;
        }

        if (carried is null && CarriedOut > 0)
        {
            var sources = _lines.Where(l => !l.Excluded && l.Amount < 0).SelectMany(l => l.SourceIds).Distinct().ToArray();
            _lines.Add(new InvoiceLine(_lines.Max(l => l.Number) + 1, new InstallmentLine(InstallmentLineKind.CarriedOut,
                "Deductions beyond this installment, carried to the next", Money.Dollars(CarriedOut), sources)));
        }
    }

    private void Step(InvoiceAction action, string by, Instant at, string? reason)
    {
        Version++;
        _steps.Add(new InvoiceStep(Id, _steps.Count + 1, action, by, at, reason));
    }
}
