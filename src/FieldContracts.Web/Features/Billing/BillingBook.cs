using FieldContracts.Administration;
using FieldContracts.Administration.Billing;
using FieldContracts.Administration.Deficiencies;
using FieldContracts.Data;
using FieldContracts.Scheduling.Contracts;
using FieldContracts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Web.Features.Billing;

/// <summary>
/// Everything billing needs of one contract, as of a day: its terms, what happened, its invoices, and the statement the
/// ledger draws from them. Loads; the rules are in <c>FieldContracts.Administration.Billing</c>.
/// </summary>
/// <param name="Uncovered">Work done or missed that no line of the bid schedule pays for.</param>
public sealed record BillingBook(
    Contract Contract,
    BillingSettings Settings,
    BillingTerms Terms,
    BillingFacts Facts,
    IReadOnlyList<Invoice> Invoices,
    BillingStatement? Statement,
    BillingRefusal? Refusal,
    IReadOnlyList<Guid> Uncovered)
{
    public BillingHistory History => Invoice.HistoryOf(Invoices);

    /// <summary>The invoice of period <paramref name="number"/>, if submitted.</summary>
    public Invoice? InvoiceOf(int number) => Invoices.FirstOrDefault(i => i.PeriodNumber == number);

    /// <summary>The drawn-up installment of period <paramref name="number"/> not yet on an invoice, if its period has ended.</summary>
    public Installment? DraftOf(int number) => Statement?.Installments.FirstOrDefault(i => i.Period.Number == number);
}

/// <summary>Loads a contract's <see cref="BillingBook"/>.</summary>
public sealed class BillingBooks(FieldContractsDbContext db)
{
    /// <summary>The settings of a contract that has none of its own: the defaults, with sample damages rates.</summary>
    public async Task<BillingSettings> SettingsAsync(Guid contractId, CancellationToken ct) =>
        await db.BillingSettings.SingleOrDefaultAsync(s => s.ContractId == contractId, ct) ?? new BillingSettings(contractId);

    public async Task<BillingBook> LoadAsync(Contract contract, LocalDate asOf, CancellationToken ct)
    {
        var settings = await SettingsAsync(contract.Id, ct);
        var schedule = new PriceSchedule(contract.PriceLines);
        var terms = new BillingTerms(BillingCalendar.For(contract), contract.PriceLines, settings.Proration, schedule.DeductionValues());

        var planned = await db.Occurrences.AsNoTracking().Where(o => o.ContractId == contract.Id)
            .Select(o => new PlannedItem(o.Id, o.SiteId, o.ItemReference)).ToListAsync(ct);
        var visits = await (
                from log in db.WorkLogs.AsNoTracking()
                join version in db.WorkLogVersions.AsNoTracking() on new { Id = log.Id, V = log.CurrentVersion } equals new { Id = version.WorkLogId, V = version.Version }
                where log.ContractId == contract.Id
                select new { log.Id, log.SiteId, log.Status, version.WorkDate, version.OccurrenceIds })
            .ToListAsync(ct);
        var missed = await db.Deficiencies.AsNoTracking()
            .Where(d => d.ContractId == contract.Id && d.Kind == DeficiencyKind.MissedWork && d.OccurrenceId != null)
            .Select(d => new
            {
                d.Id,
                OccurrenceId = d.OccurrenceId!.Value,
                d.Status,
                Confirmed = db.DeficiencySteps.Where(s => s.DeficiencyId == d.Id
                        && (s.Action == DeficiencyAction.Acknowledge || s.Action == DeficiencyAction.Uphold))
                    .OrderBy(s => s.At).Select(s => (Instant?)s.At).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var assessments = await db.DamagesAssessments.AsNoTracking().Where(a => a.ContractId == contract.Id).ToListAsync(ct);
        var adjustments = await db.BillingAdjustments.AsNoTracking().Where(a => a.ContractId == contract.Id).ToListAsync(ct);
        var invoices = await db.Invoices.Where(i => i.ContractId == contract.Id).OrderBy(i => i.PeriodNumber).ToListAsync(ct);

        var (services, missedWork, uncovered) = schedule.Count(planned,
            visits.ConvertAll(v => new VisitLogged(v.Id, v.SiteId, v.WorkDate, v.Status, v.OccurrenceIds)),
            missed.ConvertAll(m => new MissedOccurrence(m.Id, m.OccurrenceId, m.Status,
                m.Confirmed is { } at ? at.InZone(Hartford.Zone).Date : null)));
        var facts = new BillingFacts(services, missedWork, assessments.ConvertAll(a => a.ToCharge(asOf)),
            adjustments.ConvertAll(a => a.ToAdjustment()));
        var (statement, refusal) = BillingLedger.Decide(terms, facts, asOf, Invoice.HistoryOf(invoices));
        return new BillingBook(contract, settings, terms, facts, invoices, statement, refusal, uncovered);
    }
}
