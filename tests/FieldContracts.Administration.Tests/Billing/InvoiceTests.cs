using FieldContracts.Administration.Billing;
using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.WorkLogs;
using FieldContracts.Scheduling.Contracts;

namespace FieldContracts.Administration.Tests.Billing;

/// <summary>
/// The itemized monthly invoice. Special instruction 12: "Payment will be made in monthly installments. The first
/// payment will be made AFTER the first completed month of work." Special instruction 8: "The City will pay for only
/// those commodities or services actually received during the term of the contract." The contractor submits, the
/// Athletic Director certifies, Finance approves or rejects and pays; nobody checks their own step.
/// </summary>
public sealed class InvoiceTests
{
    private static readonly LocalDate June1 = new(2003, 6, 1);
    private static readonly LocalDate July1 = new(2003, 7, 1);
    private static readonly LocalDate August1 = new(2003, 8, 1);
    private static readonly LocalDate September1 = new(2003, 9, 1);

    private static BillingStatement Statement(Contract contract, LocalDate asOf, BillingFacts? facts = null, BillingTerms? terms = null,
        BillingHistory? history = null)
    {
        var (statement, refusal) = BillingLedger.Decide(terms ?? Bid2685.Terms(contract), facts ?? BillingFacts.None, asOf, history);
        Assert.Null(refusal);
        return statement!;
    }

    private static Invoice Submit(Contract contract, Installment installment, Invoice? previous, LocalDate today)
    {
        var (invoice, refusal) = Invoice.Submit(contract.Id, contract.ContractorId, installment, previous, null, Bid2685.Contractor,
            Bid2685.At(today), today);
        Assert.Null(refusal);
        return invoice!;
    }

    /// <summary>The invoice of the May 15–31, 2003 stub, submitted June 1, 2003.</summary>
    private static (Contract Contract, Installment May, Invoice Invoice) MaySubmitted()
    {
        var contract = Bid2685.Contract();
        var may = Statement(contract, June1).Period(1);
        return (contract, may, Submit(contract, may, null, June1));
    }

    /// <summary>The May stub's invoice, certified by the Athletic Director June 2, 2003.</summary>
    private static Invoice MayCertified()
    {
        var (_, _, invoice) = MaySubmitted();
        Assert.Null(invoice.Certify(Bid2685.AthleticDirector, Bid2685.At(new LocalDate(2003, 6, 2))));
        return invoice;
    }

    /// <summary>The May stub's invoice, approved by Finance July 1, 2003, the first day it is payable.</summary>
    private static Invoice MayApproved()
    {
        var invoice = MayCertified();
        Assert.Null(invoice.Approve(Bid2685.Finance, Bid2685.At(July1), July1, BillingSettings.DefaultPaymentDays));
        return invoice;
    }

    private static ServiceReceived Grooming(Contract contract, LocalDate on, VisitStatus status = VisitStatus.Verified) =>
        new(Guid.NewGuid(), contract.Grooming().Id, on, 1m, status);

    private static int NumberOf(Invoice invoice, InstallmentLineKind kind) => invoice.Lines.Single(l => l.Kind == kind).Number;

    [Fact]
    public void Submit_BeforeThePeriodEnds_IsRefused()
    {
        var contract = Bid2685.Contract();
        var may = Statement(contract, June1).Period(1);

        var (invoice, refusal) = Invoice.Submit(contract.Id, contract.ContractorId, may, null, null, Bid2685.Contractor,
            Bid2685.At(new LocalDate(2003, 5, 31)), new LocalDate(2003, 5, 31));

        Assert.Null(invoice);
        Assert.Equal(new InvoiceRefusal.PeriodNotEnded(new LocalDate(2003, 5, 31)), refusal);
    }

    [Fact]
    public void Submit_MayStubOnJune1_2003_TakesTheInstallmentsLinesNumbered()
    {
        var (_, may, invoice) = MaySubmitted();

        Assert.Equal(InvoiceStatus.Submitted, invoice.Status);
        Assert.Equal(1, invoice.PeriodNumber);
        Assert.Equal(new DateInterval(new LocalDate(2003, 5, 15), new LocalDate(2003, 5, 31)), invoice.Period);
        Assert.Equal(July1, invoice.PayableFrom);
        Assert.Equal(Enumerable.Range(1, may.Lines.Count), invoice.Lines.Select(l => l.Number));
        Assert.Equal(may.Net.Amount, invoice.Net);
        Assert.True(invoice.IsLocked);
    }

    [Fact]
    public void Approve_MayStubBeforeJuly1_2003_NotYetPayable()
    {
        var invoice = MayCertified();

        var refusal = invoice.Approve(Bid2685.Finance, Bid2685.At(new LocalDate(2003, 6, 30)), new LocalDate(2003, 6, 30),
            BillingSettings.DefaultPaymentDays);

        Assert.Equal(new InvoiceRefusal.NotYetPayable(July1), refusal);
        Assert.Equal(InvoiceStatus.Certified, invoice.Status);
        Assert.Null(invoice.Approve(Bid2685.Finance, Bid2685.At(July1), July1, BillingSettings.DefaultPaymentDays));
        Assert.Equal(InvoiceStatus.Approved, invoice.Status);
    }

    [Fact]
    public void Submit_JuneWhileMayIsNotCertified_IsRefused()
    {
        var contract = Bid2685.Contract();
        var statement = Statement(contract, July1);
        var may = Submit(contract, statement.Period(1), null, July1);

        var (june, refusal) = Invoice.Submit(contract.Id, contract.ContractorId, statement.Period(2), may, null, Bid2685.Contractor,
            Bid2685.At(July1), July1);
        var (_, withoutMay) = Invoice.Submit(contract.Id, contract.ContractorId, statement.Period(2), null, null, Bid2685.Contractor,
            Bid2685.At(July1), July1);

        Assert.Null(june);
        Assert.Equal(new InvoiceRefusal.EarlierNotCertified(1), refusal);
        Assert.Equal(new InvoiceRefusal.EarlierNotCertified(1), withoutMay);
        Assert.Null(may.Certify(Bid2685.AthleticDirector, Bid2685.At(July1)));
        Assert.Equal(2, Submit(contract, statement.Period(2), may, July1).PeriodNumber);
    }

    [Fact]
    public void Certify_ByTheSubmitter_IsRefused()
    {
        var (_, _, invoice) = MaySubmitted();

        var refusal = invoice.Certify(Bid2685.Contractor.ToUpperInvariant(), Bid2685.At(June1));

        Assert.Equal(new InvoiceRefusal.SamePerson(InvoiceAction.Certify, "submitted"), refusal);
        Assert.Equal(InvoiceStatus.Submitted, invoice.Status);
        Assert.Null(invoice.CertifiedBy);
    }

    [Fact]
    public void Approve_ByTheCertifier_IsRefused()
    {
        var invoice = MayCertified();

        var refusal = invoice.Approve(Bid2685.AthleticDirector, Bid2685.At(July1), July1, BillingSettings.DefaultPaymentDays);

        Assert.Equal(new InvoiceRefusal.SamePerson(InvoiceAction.Approve, "certified"), refusal);
        Assert.Equal(InvoiceStatus.Certified, invoice.Status);
    }

    [Fact]
    public void Approve_ByTheSubmitter_IsRefused()
    {
        var invoice = MayCertified();

        var refusal = invoice.Approve(Bid2685.Contractor, Bid2685.At(July1), July1, BillingSettings.DefaultPaymentDays);

        Assert.Equal(new InvoiceRefusal.SamePerson(InvoiceAction.Approve, "submitted"), refusal);
        Assert.Equal(InvoiceStatus.Certified, invoice.Status);
    }

    [Fact]
    public void Approve_WithoutCertification_IsRefused()
    {
        var (_, _, invoice) = MaySubmitted();

        var refusal = invoice.Approve(Bid2685.Finance, Bid2685.At(July1), July1, BillingSettings.DefaultPaymentDays);

        Assert.Equal(new InvoiceRefusal.NotAllowed(InvoiceStatus.Submitted, InvoiceAction.Approve), refusal);
        Assert.Equal(InvoiceStatus.Submitted, invoice.Status);
        Assert.Null(invoice.DueOn);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Reject_WithoutAReason_IsRefused(string? reason)
    {
        var invoice = MayCertified();

        var refusal = invoice.Reject(Bid2685.Finance, Bid2685.At(June1), reason, null);

        Assert.IsType<InvoiceRefusal.ReasonRequired>(refusal);
        Assert.Equal(InvoiceStatus.Certified, invoice.Status);
    }

    [Fact]
    public void Reject_WithAReason_ReturnedToTheContractorWhoSubmitsItAgain()
    {
        var (_, may, invoice) = MaySubmitted();
        Assert.Null(invoice.Certify(Bid2685.AthleticDirector, Bid2685.At(new LocalDate(2003, 6, 2))));

        var refusal = invoice.Reject(Bid2685.Finance, Bid2685.At(new LocalDate(2003, 6, 3)), "  Purchase order number missing.  ", null);

        Assert.Null(refusal);
        Assert.Equal(InvoiceStatus.Returned, invoice.Status);
        Assert.Equal("Purchase order number missing.", invoice.ReturnReason);
        Assert.Null(invoice.CertifiedBy);
        Assert.False(invoice.IsLocked);
        Assert.Equal(0, Invoice.HistoryOf([invoice]).LockedPeriods);
        Assert.Null(invoice.Resubmit(may, null, "PO 03-2685-001", Bid2685.Contractor, Bid2685.At(new LocalDate(2003, 6, 4)), new LocalDate(2003, 6, 4)));
        Assert.Equal(InvoiceStatus.Submitted, invoice.Status);
        Assert.Null(invoice.ReturnReason);
        Assert.Equal("PO 03-2685-001", invoice.ContractorNote);
        Assert.Equal(1, Invoice.HistoryOf([invoice]).LockedPeriods);
    }

    [Fact]
    public void Reject_WhenTheNextInvoiceIsSubmitted_IsRefused()
    {
        var contract = Bid2685.Contract();
        var statement = Statement(contract, July1);
        var may = Bid2685.SubmittedAndCertified(contract, [statement.Period(1)], July1).Single();
        var june = Submit(contract, statement.Period(2), may, July1);

        var refusal = may.Reject(Bid2685.Finance, Bid2685.At(July1), "Wrong remittance address.", june);

        Assert.Equal(new InvoiceRefusal.LaterSubmitted(2), refusal);
        Assert.Equal(InvoiceStatus.Certified, may.Status);
    }

    [Fact]
    public void Certify_ExcludingALineWithoutAReason_IsRefused()
    {
        var (_, _, invoice) = MaySubmitted();

        var refusal = invoice.Certify(Bid2685.AthleticDirector, Bid2685.At(June1), new Dictionary<int, string> { [1] = " " });

        Assert.IsType<InvoiceRefusal.ReasonRequired>(refusal);
        Assert.Equal(InvoiceStatus.Submitted, invoice.Status);
        Assert.DoesNotContain(invoice.Lines, l => l.Excluded);
    }

    [Fact]
    public void Certify_ExcludingADeductionOrALineNotOnTheInvoice_IsRefused()
    {
        var contract = Bid2685.Contract();
        var damages = Bid2685.StandingOn(contract, DeficiencyKind.MissedWork, new LocalDate(2003, 7, 21));
        var statement = Statement(contract, August1, new BillingFacts([], [], [damages.ToCharge(August1)], []));
        var invoices = Bid2685.SubmittedAndCertified(contract, statement.Installments.Take(2), August1);
        var july = Submit(contract, statement.Period(3), invoices[^1], August1);
        var deduction = NumberOf(july, InstallmentLineKind.LiquidatedDamages);

        var notEarned = july.Certify(Bid2685.AthleticDirector, Bid2685.At(August1), new Dictionary<int, string> { [deduction] = "Disagree." });
        var noSuchLine = july.Certify(Bid2685.AthleticDirector, Bid2685.At(August1), new Dictionary<int, string> { [99] = "Not received." });

        Assert.Equal(new InvoiceRefusal.LineNotExcludable(deduction), notEarned);
        Assert.Equal(new InvoiceRefusal.NoSuchLine(99), noSuchLine);
        Assert.Equal(InvoiceStatus.Submitted, july.Status);
    }

    [Fact]
    public void Certify_ExcludingServicesNotReceived_LowersTheNet()
    {
        var contract = Bid2685.Contract();
        var visits = new[] { Grooming(contract, new LocalDate(2003, 7, 9)), Grooming(contract, new LocalDate(2003, 7, 23)) };
        var statement = Statement(contract, August1, new BillingFacts(visits, [], [], []));
        var invoices = Bid2685.SubmittedAndCertified(contract, statement.Installments.Take(2), August1);
        var july = Submit(contract, statement.Period(3), invoices[^1], August1);
        var before = july.Net;
        var services = NumberOf(july, InstallmentLineKind.Services);

        var refusal = july.Certify(Bid2685.AthleticDirector, Bid2685.At(August1),
            new Dictionary<int, string> { [services] = "Infields at Weaver not groomed on July 9 or July 23." });

        Assert.Null(refusal);
        Assert.Equal(before - 170.00m, july.Net);
        Assert.Equal(0m, july.CarriedOut);
        var line = july.Lines.Single(l => l.Number == services);
        Assert.True(line.Excluded);
        Assert.Equal("Infields at Weaver not groomed on July 9 or July 23.", line.ExclusionReason);
    }

    [Fact]
    public void Certify_ExclusionLeavingLessThanTheDeductions_CarriesTheRestToAugust()
    {
        var contract = Bid2685.Contract();
        var terms = Bid2685.Terms(contract, lines: [contract.Grooming()]);
        var damages = Bid2685.StandingOn(contract, DeficiencyKind.MissedWork, new LocalDate(2003, 7, 21));
        var visits = new[] { new LocalDate(2003, 7, 2), new LocalDate(2003, 7, 16), new LocalDate(2003, 7, 30) }.Select(d => Grooming(contract, d)).ToList();
        var august = Grooming(contract, new LocalDate(2003, 8, 13));
        var statement = Statement(contract, August1, new BillingFacts(visits, [], [damages.ToCharge(August1)], []), terms);
        var invoices = Bid2685.SubmittedAndCertified(contract, statement.Installments.Take(2), August1);
        var july = Submit(contract, statement.Period(3), invoices[^1], August1);
        Assert.Equal(155.00m, july.Net); // 3 × $85.00 − $100.00

        Assert.Null(july.Certify(Bid2685.AthleticDirector, Bid2685.At(August1),
            new Dictionary<int, string> { [NumberOf(july, InstallmentLineKind.Services)] = "No grooming seen at Bulkeley in July." }));
        invoices.Add(july);
        var history = Invoice.HistoryOf(invoices);
        var next = Statement(contract, September1, new BillingFacts([.. visits, august], [], [damages.ToCharge(September1)], []), terms, history);

        Assert.Equal(0m, july.Net);
        Assert.Equal(100.00m, july.CarriedOut);
        // The carried-out line is drawn again, so the lines still add up to the net.
        Assert.Equal(july.Net, july.Lines.Where(l => !l.Excluded).Sum(l => l.Amount));
        Assert.Equal(100.00m, july.Lines.Single(l => l.Kind == InstallmentLineKind.CarriedOut).Amount);
        Assert.Equal(Money.Dollars(100.00m), history.CarriedOut);
        Assert.Equal(july.Id, history.LastInvoiceId);
        var installment = Assert.Single(next.Installments);
        Assert.Equal(Money.Dollars(100.00m), installment.CarriedIn);
        Assert.Equal([july.Id], installment.Lines.Single(l => l.Kind == InstallmentLineKind.CarriedIn).SourceIds);
        Assert.Equal(Money.Zero, installment.Deducted);
        Assert.Equal(Money.Zero, installment.Net); // $85.00 earned in August, $100.00 carried in
        Assert.Equal(Money.Dollars(15.00m), installment.CarriedOut);
        Assert.DoesNotContain(installment.SourceIds, id => visits.Any(v => v.VisitId == id));
    }

    [Fact]
    public void Approve_OnJuly1_2003_PaymentDue45DaysLater()
    {
        var invoice = MayApproved();

        Assert.Equal(InvoiceStatus.Approved, invoice.Status);
        Assert.Equal(Bid2685.Finance, invoice.ApprovedBy);
        Assert.Equal(July1, invoice.ApprovedOn);
        Assert.Equal(new LocalDate(2003, 8, 15), invoice.DueOn);
    }

    [Fact]
    public void DaysOverdue_CountedFromTheDueDateUntilPaid()
    {
        var certified = MayCertified();
        var invoice = MayApproved();

        Assert.Equal(0, certified.DaysOverdue(new LocalDate(2003, 12, 1)));
        Assert.Equal(0, invoice.DaysOverdue(new LocalDate(2003, 8, 15)));
        Assert.Equal(1, invoice.DaysOverdue(new LocalDate(2003, 8, 16)));
        Assert.Equal(17, invoice.DaysOverdue(September1));
        Assert.Null(invoice.RecordPayment(Bid2685.Finance, Bid2685.At(September1), September1, "Check", "104522"));
        Assert.Equal(0, invoice.DaysOverdue(new LocalDate(2003, 10, 1)));
    }

    [Theory]
    [InlineData(null, "104522", "method")]
    [InlineData(" ", "104522", "method")]
    [InlineData("Check", null, "reference")]
    [InlineData("Check", "  ", "reference")]
    public void RecordPayment_WithoutMethodOrReference_IsRefused(string? method, string? reference, string field)
    {
        var invoice = MayApproved();

        var refusal = invoice.RecordPayment(Bid2685.Finance, Bid2685.At(August1), August1, method, reference);

        Assert.Equal(new InvoiceRefusal.PaymentDetailsRequired(field), refusal);
        Assert.Equal(InvoiceStatus.Approved, invoice.Status);
    }

    [Fact]
    public void RecordPayment_BeforeApproval_IsRefused()
    {
        var certified = MayCertified();
        var approved = MayApproved();

        var notApproved = certified.RecordPayment(Bid2685.Finance, Bid2685.At(August1), August1, "Check", "104522");
        var datedBefore = approved.RecordPayment(Bid2685.Finance, Bid2685.At(August1), new LocalDate(2003, 6, 30), "Check", "104522");

        Assert.Equal(new InvoiceRefusal.NotAllowed(InvoiceStatus.Certified, InvoiceAction.RecordPayment), notApproved);
        Assert.Equal(new InvoiceRefusal.PaidBeforeApproval(July1), datedBefore);
        Assert.Equal(InvoiceStatus.Approved, approved.Status);
    }

    [Fact]
    public void RecordPayment_Approved_PaidWithItsDetails()
    {
        var invoice = MayApproved();

        var refusal = invoice.RecordPayment(Bid2685.Finance, Bid2685.At(new LocalDate(2003, 8, 8)), new LocalDate(2003, 8, 8), " EFT ", " 2003-08-08-0117 ");

        Assert.Null(refusal);
        Assert.Equal(InvoiceStatus.Paid, invoice.Status);
        Assert.Equal(new LocalDate(2003, 8, 8), invoice.PaidOn);
        Assert.Equal(("EFT", "2003-08-08-0117"), (invoice.PaymentMethod, invoice.PaymentReference));
        Assert.Equal(new InvoiceRefusal.NotAllowed(InvoiceStatus.Paid, InvoiceAction.RecordPayment),
            invoice.RecordPayment(Bid2685.Finance, Bid2685.At(September1), September1, "Check", "104523"));
    }

    [Fact]
    public void Version_EveryStepBumpsItARefusedStepDoesNot()
    {
        var (_, _, invoice) = MaySubmitted();
        Assert.Equal(1, invoice.Version);

        Assert.NotNull(invoice.Certify(Bid2685.Contractor, Bid2685.At(June1)));
        Assert.Equal(1, invoice.Version);
        Assert.Null(invoice.Certify(Bid2685.AthleticDirector, Bid2685.At(new LocalDate(2003, 6, 2))));
        Assert.Equal(2, invoice.Version);
        Assert.NotNull(invoice.Approve(Bid2685.Finance, Bid2685.At(June1), new LocalDate(2003, 6, 30), BillingSettings.DefaultPaymentDays));
        Assert.Equal(2, invoice.Version);
        Assert.Null(invoice.Approve(Bid2685.Finance, Bid2685.At(July1), July1, BillingSettings.DefaultPaymentDays));
        Assert.Equal(3, invoice.Version);
        Assert.Null(invoice.RecordPayment(Bid2685.Finance, Bid2685.At(August1), August1, "Check", "104522"));
        Assert.Equal(4, invoice.Version);

        Assert.Equal([InvoiceAction.Submit, InvoiceAction.Certify, InvoiceAction.Approve, InvoiceAction.RecordPayment], invoice.Steps.Select(s => s.Action));
        Assert.Equal([1, 2, 3, 4], invoice.Steps.Select(s => s.Sequence));
        Assert.Equal([Bid2685.Contractor, Bid2685.AthleticDirector, Bid2685.Finance, Bid2685.Finance], invoice.Steps.Select(s => s.By));
    }

    [Fact]
    public void HistoryOf_TheLeadingRunOfInvoicesOnly_WithAllTheirSources()
    {
        var contract = Bid2685.Contract();
        var visits = new[] { new LocalDate(2003, 5, 20), new LocalDate(2003, 6, 17), new LocalDate(2003, 7, 15) }.Select(d => Grooming(contract, d)).ToList();
        var statement = Statement(contract, August1, new BillingFacts(visits, [], [], []));
        var invoices = Bid2685.SubmittedAndCertified(contract, statement.Installments, August1);
        var (may, june, july) = (invoices[0], invoices[1], invoices[2]);

        var all = Invoice.HistoryOf([july, may, june]);
        var gap = Invoice.HistoryOf([may, july]);
        var none = Invoice.HistoryOf([]);

        Assert.Equal(3, all.LockedPeriods);
        Assert.True(all.Invoiced.SetEquals(visits.Select(v => v.VisitId)));
        Assert.Equal(july.Id, all.LastInvoiceId);
        Assert.Equal(Money.Zero, all.CarriedOut);
        Assert.Equal(1, gap.LockedPeriods);
        Assert.Equal([visits[0].VisitId], gap.Invoiced);
        Assert.Equal(may.Id, gap.LastInvoiceId);
        Assert.Equal(0, none.LockedPeriods);
        Assert.Null(none.LastInvoiceId);
    }

    [Fact]
    public void HistoryOf_AReturnedInvoice_EndsTheRun()
    {
        var contract = Bid2685.Contract();
        var statement = Statement(contract, August1);
        var may = Bid2685.SubmittedAndCertified(contract, [statement.Period(1)], July1).Single();
        var june = Submit(contract, statement.Period(2), may, July1);
        Assert.Null(june.Reject(Bid2685.Finance, Bid2685.At(July1), "Lump-sum share does not match the schedule.", null));

        var history = Invoice.HistoryOf([may, june]);

        Assert.Equal(1, history.LockedPeriods);
        Assert.Equal(may.Id, history.LastInvoiceId);
    }

    [Fact]
    public void Decide_JulyVisitVerifiedAfterJulysInvoiceIsSubmitted_OnAugustsInstallment()
    {
        var contract = Bid2685.Contract();
        var visit = Grooming(contract, new LocalDate(2003, 7, 28), VisitStatus.Submitted);
        var asOfAugust = Statement(contract, August1, new BillingFacts([visit], [], [], []));
        Assert.Contains(asOfAugust.Notes, n => n.SourceId == visit.VisitId && n.Kind == BillingNoteKind.AwaitingVerification);
        var history = Invoice.HistoryOf(Bid2685.SubmittedAndCertified(contract, asOfAugust.Installments, August1));
        var verified = visit with { Status = VisitStatus.Verified };

        var statement = Statement(contract, September1, new BillingFacts([verified], [], [], []), history: history);

        var august = Assert.Single(statement.Installments);
        Assert.Equal(4, august.Period.Number);
        var services = august.Lines.Single(l => l.Kind == InstallmentLineKind.Services);
        Assert.Equal([visit.VisitId], services.SourceIds);
        Assert.Equal(Money.Dollars(85.00m), services.Amount);
    }
}
