using System.Security.Claims;
using FieldContracts.Administration;
using FieldContracts.Administration.Billing;
using FieldContracts.Data;
using FieldContracts.Data.Identity;
using FieldContracts.Scheduling.Contracts;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Web.Features.Billing;

/// <summary>A billing period as the contract's billing page lists it.</summary>
/// <param name="Net">The invoice's net when submitted; the drawn-up installment's while a draft; null before the period ends.</param>
/// <param name="CanSubmit">Whether the contractor may submit it now.</param>
public sealed record PeriodView(int Number, DateInterval Days, LocalDate PayableFrom, Guid? InvoiceId, string Status, Money? Net, bool CanSubmit);

/// <summary>A contract's billing at a glance.</summary>
/// <param name="Notes">Work and deductions on no installment yet, and why.</param>
/// <param name="Uncovered">Occurrences done or missed that no line of the bid schedule pays for.</param>
public sealed record BillingOverview(string ContractNumber, string ContractTitle, IReadOnlyList<PeriodView> Periods, Money PaidToDate,
    Money EstimatedTotal, Money OwedByContractor, IReadOnlyList<BillingNoteView> Notes, int Uncovered, string? Refusal, bool HasSamplePrices,
    int PaymentDays, int DisputeDays, string Proration);

public sealed record BillingNoteView(Guid SourceId, string Kind, string Why, Money? Amount);

/// <summary>A line of the bid schedule with its totals.</summary>
public sealed record PriceLineView(Guid Id, string Item, string? School, string Basis, string Description, string Unit, decimal EstimatedQuantity,
    Money UnitPrice, Money EstimatedTotal, IReadOnlyList<string> Covers, Money? DeductionValue, bool IsSample, IReadOnlyList<PriceRevisionView> History);

public sealed record PriceRevisionView(int Revision, string Description, Money UnitPrice, decimal EstimatedQuantity, Money? DeductionValue,
    string Covers, string Reason, string ChangedBy, Instant ChangedAt);

/// <summary>The bid schedule, with the estimated total per school and for the contract.</summary>
public sealed record PriceScheduleView(string ContractNumber, IReadOnlyList<PriceLineView> Lines, IReadOnlyList<SchoolTotal> Schools, Money Total,
    bool HasSamplePrices);

public sealed record SchoolTotal(string School, Money Estimated, Money Paid);

/// <summary>An assessment of liquidated damages as listed.</summary>
public sealed record AssessmentView(Guid Id, Guid DeficiencyId, string Kind, Money ScheduleAmount, Money Amount, Money Standing, string Status,
    string Evidence, string AssessedBy, LocalDate AssessedOn, LocalDate DisputeBy, string? DisputeReason, string? DecisionReason, string? DecidedBy,
    LocalDate? DecidedOn, LocalDate? StandsOn, bool IsSampleRate, Guid? InvoiceId);

/// <summary>An upheld deficiency Purchasing may assess, with what the schedule would assess.</summary>
public sealed record AssessableDeficiency(Guid Id, string Kind, LocalDate FoundOn, string Evidence, string? School, string? Rate);

/// <summary>Finance's home: what awaits approval, what is due and overdue, and what has been paid.</summary>
public sealed record FinanceQueue(IReadOnlyList<QueuedInvoice> AwaitingApproval, IReadOnlyList<QueuedInvoice> AwaitingCertification,
    IReadOnlyList<QueuedInvoice> Due, IReadOnlyList<ContractPaid> Contracts, LocalDate Today);

/// <param name="Deductions">Each deduction on the invoice, in words with its amount.</param>
public sealed record QueuedInvoice(Guid Id, string ContractNumber, string InvoiceNumber, DateInterval Period, string Status, Money Net,
    IReadOnlyList<string> Deductions, LocalDate PayableFrom, LocalDate? DueOn, int DaysOverdue, string SubmittedBy, string? CertifiedBy);

public sealed record ContractPaid(string ContractNumber, string Title, Money PaidToDate, Money ApprovedUnpaid, Money EstimatedTotal,
    IReadOnlyList<SchoolTotal> Schools);

/// <summary>Reads billing for the signed-in user; a contractor sees only its own contracts.</summary>
public sealed class BillingQueries(FieldContractsDbContext db, IClock clock, BillingBooks books)
{
    public LocalDate Today() => clock.GetCurrentInstant().InZone(Hartford.Zone).Date;

    public async Task<Guid?> ContractIdAsync(ClaimsPrincipal user, string number, CancellationToken ct) =>
        await db.Contracts.VisibleTo(user).Where(c => c.Number == number).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(ct);

    /// <summary>One stored invoice, in at most four queries: the contract, its schedule's lines, its schools, the invoice.</summary>
    public async Task<InvoiceView?> InvoiceAsync(ClaimsPrincipal user, string number, Guid id, CancellationToken ct)
    {
        var contract = await db.Contracts.VisibleTo(user).Where(c => c.Number == number)
            .Select(c => new { c.Id, c.Number, c.Title, Contractor = db.Contractors.Where(x => x.Id == c.ContractorId).Select(x => x.Name).FirstOrDefault() })
            .SingleOrDefaultAsync(ct);
        if (contract is null)
        {
            return null;
        }

        var invoice = await db.Invoices.AsNoTracking().Include(i => i.Steps).SingleOrDefaultAsync(i => i.Id == id && i.ContractId == contract.Id, ct);
        if (invoice is null)
        {
            return null;
        }

        var lines = await db.PriceLines.AsNoTracking().Where(p => p.ContractId == contract.Id)
            .Select(p => new { p.Id, p.Item, p.SiteId, p.IsSample }).ToListAsync(ct);
        var schools = await db.Sites.AsNoTracking().Where(s => s.ContractId == contract.Id).ToDictionaryAsync(s => s.Id, s => s.Code, ct);
        var priced = lines.ToDictionary(l => l.Id, l => (l.Item, School: l.SiteId is { } s ? schools.GetValueOrDefault(s) : null));
        return ToView(invoice, contract.Number, contract.Title, contract.Contractor ?? "", priced, lines.Any(l => l.IsSample));
    }

    /// <summary>The installment of a period not yet submitted, as its invoice would read; null when there is none to draw up.</summary>
    public async Task<InvoiceView?> DraftAsync(ClaimsPrincipal user, string number, int period, CancellationToken ct)
    {
        var (contract, book) = await BookAsync(user, number, ct);
        if (contract is null || book!.DraftOf(period) is not { } draft || book.InvoiceOf(period) is { IsLocked: true })
        {
            return null;
        }

        var contractor = await db.Contractors.Where(x => x.Id == contract.ContractorId).Select(x => x.Name).FirstOrDefaultAsync(ct) ?? "";
        var priced = Priced(contract);
        var lines = draft.Lines.Select((l, i) => new InvoiceLineView(i + 1, l.Kind.ToString(), l.Description,
            l.PriceLineId is { } p && priced.TryGetValue(p, out var x) ? x.Item : null,
            l.PriceLineId is { } q && priced.TryGetValue(q, out var y) ? y.School : null,
            l.Quantity, l.UnitPrice, l.Amount, false, null, l.SourceIds)).ToList();
        var returned = book.InvoiceOf(period);
        return new InvoiceView(Guid.Empty, contract.Number, contract.Title, contractor, period, draft.Period.Days, "Draft", draft.PayableFrom, lines,
            draft.Net, draft.CarriedOut, HasSample(contract.PriceLines.Any(p => p.IsSample), lines), null, [], null, null, null, returned?.ReturnReason);
    }

    public async Task<BillingOverview?> OverviewAsync(ClaimsPrincipal user, string number, CancellationToken ct)
    {
        var (contract, book) = await BookAsync(user, number, ct);
        if (contract is null)
        {
            return null;
        }

        var today = Today();
        var calendar = book!.Terms.Calendar;
        var periods = new List<PeriodView>(calendar.Periods.Count);
        foreach (var period in calendar.Periods)
        {
            var invoice = book.InvoiceOf(period.Number);
            var draft = book.DraftOf(period.Number);
            var previous = book.InvoiceOf(period.Number - 1);
            var canSubmit = draft is not null && (invoice is null || invoice.Status == InvoiceStatus.Returned)
                && (period.Number == 1 || previous is { Status: InvoiceStatus.Certified or InvoiceStatus.Approved or InvoiceStatus.Paid });
            periods.Add(invoice is { IsLocked: true }
                ? new PeriodView(period.Number, period.Days, calendar.PayableFrom(period), invoice.Id, BillingWords.Of(invoice.Status),
                    Money.Dollars(invoice.Net), false)
                : new PeriodView(period.Number, period.Days, calendar.PayableFrom(period), invoice?.Id,
                    invoice is not null ? BillingWords.Of(invoice.Status)
                    : draft is not null ? "Ready to submit"
                    : period.Days.End < today ? "Waiting for the invoice before it"
                    : "Not ended",
                    draft?.Net, canSubmit));
        }

        var notes = book.Statement?.Notes
            .Where(n => n.Kind is not (BillingNoteKind.CoveredByLumpSum or BillingNoteKind.NotEarned))
            .Select(n => new BillingNoteView(n.SourceId, n.Kind.ToString(), n.Why, n.Amount)).ToList() ?? [];
        var paid = book.Invoices.Where(i => i.Status == InvoiceStatus.Paid).Sum(i => Money.Dollars(i.Net));
        return new BillingOverview(contract.Number, contract.Title, periods, paid, EstimatedTotal(contract),
            book.Statement?.OwedByContractor ?? Money.Zero, notes, book.Uncovered.Count, book.Refusal is { } r ? BillingWords.Of(r) : null,
            contract.PriceLines.Any(p => p.IsSample), book.Settings.PaymentDays, book.Settings.DisputeDays, book.Settings.Proration.ToString());
    }

    /// <summary>The contract's invoices, newest period first.</summary>
    public async Task<IReadOnlyList<InvoiceView>?> InvoicesAsync(ClaimsPrincipal user, string number, CancellationToken ct)
    {
        var contract = await db.Contracts.VisibleTo(user).AsNoTracking().Include(c => c.PriceLines).Include(c => c.Sites).AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Number == number, ct);
        if (contract is null)
        {
            return null;
        }

        var contractor = await db.Contractors.Where(x => x.Id == contract.ContractorId).Select(x => x.Name).FirstOrDefaultAsync(ct) ?? "";
        var invoices = await db.Invoices.AsNoTracking().Include(i => i.Steps).Where(i => i.ContractId == contract.Id)
            .OrderByDescending(i => i.PeriodNumber).ToListAsync(ct);
        var priced = Priced(contract);
        return invoices.ConvertAll(i => ToView(i, contract.Number, contract.Title, contractor, priced, contract.PriceLines.Any(p => p.IsSample)));
    }

    public async Task<PriceScheduleView?> PriceScheduleAsync(ClaimsPrincipal user, string number, CancellationToken ct)
    {
        var contract = await db.Contracts.VisibleTo(user).AsNoTracking().Include(c => c.PriceLines).Include(c => c.Sites).AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Number == number, ct);
        if (contract is null)
        {
            return null;
        }

        var history = (await db.PriceLineRevisions.AsNoTracking().Where(r => r.ContractId == contract.Id).ToListAsync(ct))
            .OrderBy(r => r.Revision).ToLookup(r => r.PriceLineId);
        var paid = PaidByLine(await db.Invoices.AsNoTracking().Where(i => i.ContractId == contract.Id && i.Status == InvoiceStatus.Paid)
            .ToListAsync(ct));
        var codes = contract.Sites.ToDictionary(s => s.Id, s => s.Code);
        var lines = contract.PriceLines.OrderBy(p => p.SiteId is { } s ? codes.GetValueOrDefault(s) : "").ThenBy(p => p.Item, StringComparer.Ordinal)
            .Select(p => new PriceLineView(p.Id, p.Item, p.SiteId is { } s ? codes.GetValueOrDefault(s) : null, p.Basis.ToString(), p.Description, p.Unit,
                p.EstimatedQuantity, Money.Dollars(p.UnitPrice), Money.Dollars(p.EstimatedTotal), p.Covers,
                p.DeductionValue is { } d ? Money.Dollars(d) : null, p.IsSample,
                history[p.Id].Select(r => new PriceRevisionView(r.Revision, r.Description, Money.Dollars(r.UnitPrice), r.EstimatedQuantity,
                    r.DeductionValue is { } v ? Money.Dollars(v) : null, r.Covers, r.Reason, r.ChangedBy, r.ChangedAt)).ToList()))
            .ToList();
        return new PriceScheduleView(contract.Number, lines, Schools(contract, paid), EstimatedTotal(contract), contract.PriceLines.Any(p => p.IsSample));
    }

    public async Task<(IReadOnlyList<AssessmentView> Assessments, IReadOnlyList<AssessableDeficiency> Assessable)?> DamagesAsync(ClaimsPrincipal user,
        string number, CancellationToken ct)
    {
        var contract = await db.Contracts.VisibleTo(user).AsNoTracking().Include(c => c.Sites).SingleOrDefaultAsync(c => c.Number == number, ct);
        if (contract is null)
        {
            return null;
        }

        var today = Today();
        var assessments = await db.DamagesAssessments.AsNoTracking().Where(a => a.ContractId == contract.Id).OrderByDescending(a => a.AssessedAt)
            .ToListAsync(ct);
        var onInvoices = (await db.Invoices.AsNoTracking().Where(i => i.ContractId == contract.Id && i.Status != InvoiceStatus.Returned).ToListAsync(ct))
            .SelectMany(i => i.Lines.Where(l => l.Kind == InstallmentLineKind.LiquidatedDamages).Select(l => (Source: l.SourceIds[0], i.Id)))
            .ToDictionary(x => x.Source, x => x.Id);
        var views = assessments.ConvertAll(a => new AssessmentView(a.Id, a.DeficiencyId, a.Kind.ToString(), Money.Dollars(a.ScheduleAmount),
            Money.Dollars(a.Amount), a.Standing, a.Status.ToString(), a.Evidence, a.AssessedBy, a.AssessedOn, a.DisputeBy, a.DisputeReason,
            a.DecisionReason, a.DecidedBy, a.DecidedOn, a.StandsOn(today), a.IsSampleRate, onInvoices.TryGetValue(a.Id, out var invoiceId) ? invoiceId : null));

        var assessable = new List<AssessableDeficiency>();
        if (user.IsInRole(Roles.Purchasing))
        {
            var settings = await books.SettingsAsync(contract.Id, ct);
            var assessed = assessments.Select(a => a.DeficiencyId).ToHashSet();
            var upheld = await db.Deficiencies.AsNoTracking()
                .Where(d => d.ContractId == contract.Id && d.Status != Administration.Deficiencies.DeficiencyStatus.Withdrawn
                    && db.DeficiencySteps.Any(s => s.DeficiencyId == d.Id && s.Action == Administration.Deficiencies.DeficiencyAction.Uphold))
                .OrderBy(d => d.FoundOn).ToListAsync(ct);
            var codes = contract.Sites.ToDictionary(s => s.Id, s => s.Code);
            foreach (var d in upheld.Where(d => !assessed.Contains(d.Id)))
            {
                var rate = settings.Damages.RateFor(d.Kind);
                assessable.Add(new AssessableDeficiency(d.Id, d.Kind.ToString(), d.FoundOn, d.Evidence, d.SiteId is { } s ? codes.GetValueOrDefault(s) : null,
                    rate is null ? null : $"{rate.Amount} {RateBasis(rate.Basis)}{(rate.Cap is { } cap ? $", at most {cap}" : "")}{(rate.IsSample ? " (sample rate)" : "")}"));
            }
        }

        return (views, assessable);
    }

    /// <summary>Finance's queue across the contracts the user sees.</summary>
    public async Task<FinanceQueue> FinanceAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var today = Today();
        var contracts = await db.Contracts.VisibleTo(user).AsNoTracking().Include(c => c.PriceLines).Include(c => c.Sites).AsSplitQuery()
            .OrderBy(c => c.Number).ToListAsync(ct);
        var ids = contracts.ConvertAll(c => c.Id);
        var invoices = await db.Invoices.AsNoTracking().Where(i => ids.Contains(i.ContractId)).ToListAsync(ct);
        var numbers = contracts.ToDictionary(c => c.Id, c => c.Number);
        QueuedInvoice Queue(Invoice i) => new(i.Id, numbers[i.ContractId], $"{numbers[i.ContractId]}-{i.PeriodNumber:00}", i.Period,
            BillingWords.Of(i.Status), Money.Dollars(i.Net),
            i.Lines.Where(l => l.Amount < 0 && !l.Excluded).Select(l => $"{l.Description}: {Money.Dollars(-l.Amount)}")
                .Concat(i.Lines.Where(l => l.Excluded).Select(l => $"Excluded by the Athletic Director — {l.ExclusionReason}: {Money.Dollars(l.Amount)}"))
                .ToList(),
            i.PayableFrom, i.DueOn, i.DaysOverdue(today), i.SubmittedBy, i.CertifiedBy);

        var paid = PaidByLine(invoices);
        return new FinanceQueue(
            invoices.Where(i => i.Status == InvoiceStatus.Certified).OrderBy(i => i.PayableFrom).ThenBy(i => numbers[i.ContractId]).Select(Queue).ToList(),
            invoices.Where(i => i.Status == InvoiceStatus.Submitted).OrderBy(i => i.SubmittedAt).Select(Queue).ToList(),
            invoices.Where(i => i.Status == InvoiceStatus.Approved).OrderBy(i => i.DueOn).Select(Queue).ToList(),
            contracts.ConvertAll(c => new ContractPaid(c.Number, c.Title,
                invoices.Where(i => i.ContractId == c.Id && i.Status == InvoiceStatus.Paid).Sum(i => Money.Dollars(i.Net)),
                invoices.Where(i => i.ContractId == c.Id && i.Status == InvoiceStatus.Approved).Sum(i => Money.Dollars(i.Net)),
                EstimatedTotal(c), Schools(c, paid))),
            today);
    }

    /// <summary>Invoices for the CSV export: every invoice of the contracts the user sees (or of one), in contract and period order.</summary>
    public async Task<IReadOnlyList<InvoiceView>> ExportAsync(ClaimsPrincipal user, string? number, CancellationToken ct)
    {
        var contracts = await db.Contracts.VisibleTo(user).AsNoTracking().Where(c => number == null || c.Number == number)
            .Include(c => c.PriceLines).Include(c => c.Sites).AsSplitQuery().OrderBy(c => c.Number).ToListAsync(ct);
        var ids = contracts.ConvertAll(c => c.Id);
        var contractorIds = contracts.ConvertAll(c => c.ContractorId);
        var names = await db.Contractors.AsNoTracking().Where(c => contractorIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var invoices = await db.Invoices.AsNoTracking().Include(i => i.Steps).Where(i => ids.Contains(i.ContractId)).ToListAsync(ct);
        return contracts.SelectMany(c => invoices.Where(i => i.ContractId == c.Id).OrderBy(i => i.PeriodNumber)
                .Select(i => ToView(i, c.Number, c.Title, names.GetValueOrDefault(c.ContractorId, ""), Priced(c), c.PriceLines.Any(p => p.IsSample))))
            .ToList();
    }

    private async Task<(Contract? Contract, BillingBook? Book)> BookAsync(ClaimsPrincipal user, string number, CancellationToken ct)
    {
        var contract = await db.Contracts.VisibleTo(user).AsNoTracking().Include(c => c.PriceLines).Include(c => c.Sites).AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Number == number, ct);
        return contract is null ? (null, null) : (contract, await books.LoadAsync(contract, Today(), ct));
    }

    /// <summary>What the paid ones of <paramref name="invoices"/> paid under each price line (lump sums and services not excluded).</summary>
    private static Dictionary<Guid, Money> PaidByLine(IEnumerable<Invoice> invoices) =>
        invoices.Where(i => i.Status == InvoiceStatus.Paid).SelectMany(i => i.Lines)
            .Where(l => !l.Excluded && l.PriceLineId is not null && l.Amount > 0)
            .GroupBy(l => l.PriceLineId!.Value).ToDictionary(g => g.Key, g => g.Sum(l => Money.Dollars(l.Amount)));

    private static IReadOnlyList<SchoolTotal> Schools(Contract contract, IReadOnlyDictionary<Guid, Money> paid)
    {
        var codes = contract.Sites.ToDictionary(s => s.Id, s => s.Code);
        return contract.PriceLines.GroupBy(p => p.SiteId is { } s ? codes.GetValueOrDefault(s) ?? "" : "All schools")
            .OrderBy(g => g.Key == "All schools" ? 1 : 0).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SchoolTotal(g.Key, g.Sum(p => Money.Dollars(p.EstimatedTotal)), g.Sum(p => paid.GetValueOrDefault(p.Id))))
            .ToList();
    }

    private static Money EstimatedTotal(Contract contract) => contract.PriceLines.Sum(p => Money.Dollars(p.EstimatedTotal));

    private static Dictionary<Guid, (string Item, string? School)> Priced(Contract contract)
    {
        var codes = contract.Sites.ToDictionary(s => s.Id, s => s.Code);
        return contract.PriceLines.ToDictionary(p => p.Id, p => (p.Item, p.SiteId is { } s ? codes.GetValueOrDefault(s) : null));
    }

    /// <summary>Whether an invoice shows sample figures: a sample price on the schedule, or damages at a sample rate.</summary>
    private static bool HasSample(bool samplePrices, IEnumerable<InvoiceLineView> lines) =>
        samplePrices || lines.Any(l => l.Description.EndsWith("(sample rate)", StringComparison.Ordinal));

    private static string RateBasis(DamagesBasis basis) => basis switch
    {
        DamagesBasis.PerDay => "per day",
        DamagesBasis.PerSchool => "per school",
        DamagesBasis.PerSchoolPerDay => "per school per day",
        _ => "per occurrence",
    };

    public static InvoiceView ToView(Invoice invoice, string number, string title, string contractor,
        IReadOnlyDictionary<Guid, (string Item, string? School)> priced, bool samplePrices)
    {
        var lines = invoice.Lines.OrderBy(l => l.Number).Select(l => new InvoiceLineView(l.Number, l.Kind.ToString(), l.Description,
            l.PriceLineId is { } p && priced.TryGetValue(p, out var x) ? x.Item : null,
            l.PriceLineId is { } q && priced.TryGetValue(q, out var y) ? y.School : null,
            l.Quantity, l.UnitPrice is { } u ? Money.Dollars(u) : null, Money.Dollars(l.Amount), l.Excluded, l.ExclusionReason, l.SourceIds)
        {
            Excludable = l.IsEarned,
        }).ToList();
        var payment = invoice.PaidOn is { } paidOn ? new PaymentView(paidOn, invoice.PaymentMethod!, invoice.PaymentReference!) : null;
        return new InvoiceView(invoice.Id, number, title, contractor, invoice.PeriodNumber, invoice.Period, invoice.Status.ToString(), invoice.PayableFrom,
            lines, Money.Dollars(invoice.Net), Money.Dollars(invoice.CarriedOut),
            HasSample(samplePrices, lines), invoice.ContractorNote,
            invoice.Steps.OrderBy(s => s.Sequence).Select(s => new InvoiceStepView(s.Action.ToString(), s.By, s.At, s.Reason)).ToList(),
            invoice.ApprovedOn, invoice.DueOn, payment, invoice.ReturnReason);
    }
}
