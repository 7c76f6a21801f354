using System.Security.Claims;
using FieldContracts.Administration.Billing;
using FieldContracts.Administration.Deficiencies;
using FieldContracts.Data;
using FieldContracts.Data.Identity;
using FieldContracts.Scheduling.Contracts;
using FieldContracts.Web.Features.Schedule;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Web.Features.Billing;

/// <summary>
/// The invoice workflow for the signed-in user: the contractor submits the period's drawn-up installment, the Athletic
/// Director certifies, Finance approves or rejects and records payment. The aggregate decides; a refused step writes
/// nothing, and of two steps at once on one invoice the second is a conflict.
/// </summary>
public sealed class InvoiceSteps(FieldContractsDbContext db, IClock clock, BillingBooks books)
{
    public async Task<StepOutcome> SubmitAsync(ClaimsPrincipal user, string number, int period, string? note, CancellationToken ct)
    {
        if (note is { Length: > 2000 })
        {
            return new StepOutcome.Invalid("note", "At most 2000 characters.");
        }

        var contract = await ContractAsync(user, number, ct);
        if (contract is null)
        {
            return new StepOutcome.NotFound($"There is no contract {number} that you can see.");
        }

        var today = Today();
        var book = await books.LoadAsync(contract, today, ct);
        if (book.Refusal is { } refusal)
        {
            return new StepOutcome.Conflict("The installment cannot be drawn up.", BillingWords.Of(refusal));
        }

        var calendar = book.Terms.Calendar;
        if (period < 1 || period > calendar.Periods.Count)
        {
            return new StepOutcome.Invalid("period", $"Contract {number} has periods 1 to {calendar.Periods.Count}.");
        }

        var existing = book.InvoiceOf(period);
        var previous = book.InvoiceOf(period - 1);
        var draft = book.DraftOf(period);
        if (existing is { Status: not InvoiceStatus.Returned })
        {
            return new StepOutcome.Conflict("Already submitted.", $"The invoice of period {period} is {existing.Status.ToString().ToLowerInvariant()}.");
        }

        if (draft is null)
        {
            var days = calendar.Periods[period - 1].Days;
            return days.End >= today
                ? ToOutcome(new InvoiceRefusal.PeriodNotEnded(days.End))
                : ToOutcome(new InvoiceRefusal.EarlierNotCertified(period - 1));
        }

        var at = clock.GetCurrentInstant();
        if (existing is not null)
        {
            // The book loads invoices without their steps; the new Submit step is numbered after those already taken.
            await db.Entry(existing).Collection(i => i.Steps).LoadAsync(ct);
            if (existing.Resubmit(draft, previous, note, ScheduleApi.Who(user), at, today) is { } resubmitRefusal)
            {
                return ToOutcome(resubmitRefusal);
            }

            return await SaveAsync(existing.Id, ct);
        }

        var (invoice, submitRefusal) = Invoice.Submit(contract.Id, contract.ContractorId, draft, previous, note, ScheduleApi.Who(user), at, today);
        if (submitRefusal is not null)
        {
            return ToOutcome(submitRefusal);
        }

        db.Invoices.Add(invoice!);
        return await SaveAsync(invoice!.Id, ct);
    }

    public Task<StepOutcome> CertifyAsync(ClaimsPrincipal user, string number, Guid id, IReadOnlyDictionary<int, string> exclusions,
        CancellationToken ct) =>
        StepAsync(user, number, id, ct, (invoice, _, _) => invoice.Certify(ScheduleApi.Who(user), clock.GetCurrentInstant(), exclusions));

    public Task<StepOutcome> ApproveAsync(ClaimsPrincipal user, string number, Guid id, CancellationToken ct) =>
        StepAsync(user, number, id, ct, (invoice, settings, _) =>
            invoice.Approve(ScheduleApi.Who(user), clock.GetCurrentInstant(), Today(), settings.PaymentDays));

    public Task<StepOutcome> RejectAsync(ClaimsPrincipal user, string number, Guid id, string? reason, CancellationToken ct) =>
        reason is { Length: > 2000 }
            ? Task.FromResult<StepOutcome>(new StepOutcome.Invalid("reason", "At most 2000 characters."))
            : StepAsync(user, number, id, ct, (invoice, _, next) => invoice.Reject(ScheduleApi.Who(user), clock.GetCurrentInstant(), reason, next));

    public Task<StepOutcome> RecordPaymentAsync(ClaimsPrincipal user, string number, Guid id, LocalDate paidOn, string? method, string? reference,
        CancellationToken ct) =>
        method is { Length: > 40 } ? Task.FromResult<StepOutcome>(new StepOutcome.Invalid("method", "At most 40 characters."))
        : reference is { Length: > 100 } ? Task.FromResult<StepOutcome>(new StepOutcome.Invalid("reference", "At most 100 characters."))
        : paidOn > Today() ? Task.FromResult<StepOutcome>(new StepOutcome.Invalid("paidOn", "A payment is recorded once made: not a future day."))
        : StepAsync(user, number, id, ct, (invoice, _, _) =>
            invoice.RecordPayment(ScheduleApi.Who(user), clock.GetCurrentInstant(), paidOn, method, reference));

    private async Task<StepOutcome> StepAsync(ClaimsPrincipal user, string number, Guid id, CancellationToken ct,
        Func<Invoice, BillingSettings, Invoice?, InvoiceRefusal?> step)
    {
        // A step on a stored invoice needs the contract's identity only, not its schedule and schools.
        var contractId = await db.Contracts.VisibleTo(user).Where(c => c.Number == number).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(ct);
        var invoice = contractId is null
            ? null
            : await db.Invoices.Include(i => i.Steps).SingleOrDefaultAsync(i => i.Id == id && i.ContractId == contractId, ct);
        if (contractId is null || invoice is null)
        {
            return new StepOutcome.NotFound($"There is no invoice {id} on contract {number} that you can see.");
        }

        var settings = await books.SettingsAsync(contractId.Value, ct);
        var next = await db.Invoices.AsNoTracking().SingleOrDefaultAsync(i => i.ContractId == contractId && i.PeriodNumber == invoice.PeriodNumber + 1, ct);
        if (step(invoice, settings, next) is { } refusal)
        {
            return ToOutcome(refusal);
        }

        return await SaveAsync(invoice.Id, ct);
    }

    // Another step on the invoice (or another submission of the period) saved first: its concurrency token or key refuses this one.
    private Task<StepOutcome> SaveAsync(Guid id, CancellationToken ct) => BillingSaves.SaveAsync(db, id, ct);

    private Task<Contract?> ContractAsync(ClaimsPrincipal user, string number, CancellationToken ct) =>
        db.Contracts.VisibleTo(user).Include(c => c.PriceLines).Include(c => c.Sites).AsSplitQuery().SingleOrDefaultAsync(c => c.Number == number, ct);

    private LocalDate Today() => clock.GetCurrentInstant().InZone(Hartford.Zone).Date;

    private static StepOutcome ToOutcome(InvoiceRefusal refusal) => refusal switch
    {
        InvoiceRefusal.SamePerson => new StepOutcome.Forbidden(refusal.Message),
        InvoiceRefusal.ReasonRequired => new StepOutcome.Invalid("reason", refusal.Message),
        InvoiceRefusal.PaymentDetailsRequired p => new StepOutcome.Invalid(p.Field, refusal.Message),
        InvoiceRefusal.PaidBeforeApproval => new StepOutcome.Invalid("paidOn", refusal.Message),
        InvoiceRefusal.NoSuchLine or InvoiceRefusal.LineNotExcludable => new StepOutcome.Invalid("exclusions", refusal.Message),
        _ => new StepOutcome.Conflict("Not now.", refusal.Message),
    };
}

/// <summary>Purchasing's side of billing: the bid schedule, the damages, the adjustments, the settings.</summary>
public sealed class BillingAdministration(FieldContractsDbContext db, IClock clock, BillingBooks books)
{
    public async Task<StepOutcome> AssessAsync(ClaimsPrincipal user, string number, Guid deficiencyId, int days, int schools, decimal? amount,
        string? evidence, CancellationToken ct)
    {
        if (evidence is { Length: > 4000 })
        {
            return new StepOutcome.Invalid("evidence", "At most 4000 characters.");
        }

        if (days is < 1 or > 366 || schools is < 1 or > 50)
        {
            return new StepOutcome.Invalid(days is < 1 or > 366 ? "days" : "schools", "Days are 1 to 366; schools 1 to 50.");
        }

        var contract = await db.Contracts.VisibleTo(user).SingleOrDefaultAsync(c => c.Number == number, ct);
        var deficiency = contract is null ? null
            : await db.Deficiencies.AsNoTracking().SingleOrDefaultAsync(d => d.Id == deficiencyId && d.ContractId == contract.Id, ct);
        if (contract is null || deficiency is null)
        {
            return new StepOutcome.Invalid("deficiencyId", $"There is no deficiency {deficiencyId} on contract {number}.");
        }

        if (await db.DamagesAssessments.AnyAsync(a => a.DeficiencyId == deficiencyId, ct))
        {
            return new StepOutcome.Conflict("Already assessed.", new AssessmentRefusal.AlreadyAssessed().Message);
        }

        var wasUpheld = await db.DeficiencySteps.AnyAsync(s => s.DeficiencyId == deficiencyId && s.Action == DeficiencyAction.Uphold, ct);
        var settings = await books.SettingsAsync(contract.Id, ct);
        var (assessment, refusal) = DamagesAssessment.Assess(contract.Id, deficiency.Id, deficiency.Kind, deficiency.Status, wasUpheld,
            settings.Damages.RateFor(deficiency.Kind), days, schools, amount, evidence, ScheduleApi.Who(user), clock.GetCurrentInstant(), Today(),
            settings.DisputeDays);
        if (refusal is not null)
        {
            return ToOutcome(refusal);
        }

        db.DamagesAssessments.Add(assessment!);
        return await SaveAsync(assessment!.Id, ct);
    }

    public async Task<StepOutcome> DecideAsync(ClaimsPrincipal user, string number, Guid id, AssessmentAction action, string? reason,
        decimal? reducedTo, CancellationToken ct)
    {
        if (reason is { Length: > 4000 })
        {
            return new StepOutcome.Invalid("reason", "At most 4000 characters.");
        }

        var contract = await db.Contracts.VisibleTo(user).SingleOrDefaultAsync(c => c.Number == number, ct);
        var assessment = contract is null ? null
            : await db.DamagesAssessments.SingleOrDefaultAsync(a => a.Id == id && a.ContractId == contract.Id, ct);
        if (contract is null || assessment is null)
        {
            return new StepOutcome.NotFound($"There is no assessment {id} on contract {number} that you can see.");
        }

        var byContractor = user.IsInRole(Roles.Contractor);
        if (assessment.Take(action, byContractor, ScheduleApi.Who(user), Today(), reason, reducedTo) is { } refusal)
        {
            return ToOutcome(refusal);
        }

        return await SaveAsync(assessment.Id, ct);
    }

    /// <summary>Adds a line to the bid schedule, or changes one (<paramref name="id"/>), keeping every version with its reason.</summary>
    public async Task<StepOutcome> SavePriceLineAsync(ClaimsPrincipal user, string number, Guid? id, PriceLineRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return new StepOutcome.Invalid("reason", "Say why the schedule changes (e.g. \"Awarded prices entered from the bid schedule\").");
        }

        if (request.Reason.Length > 2000)
        {
            return new StepOutcome.Invalid("reason", "At most 2000 characters.");
        }

        var contract = await db.Contracts.VisibleTo(user).Include(c => c.PriceLines).Include(c => c.Sites).AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Number == number, ct);
        if (contract is null)
        {
            return new StepOutcome.NotFound($"There is no contract {number} that you can see.");
        }

        Site? site = null;
        if (!string.IsNullOrWhiteSpace(request.School))
        {
            site = contract.Sites.FirstOrDefault(s => string.Equals(s.Code, request.School.Trim(), StringComparison.OrdinalIgnoreCase));
            if (site is null)
            {
                return new StepOutcome.Invalid("school", $"Contract {number} has no school {request.School}.");
            }
        }

        var line = id is { } lineId ? contract.PriceLines.FirstOrDefault(l => l.Id == lineId) : null;
        if (id is not null && line is null)
        {
            return new StepOutcome.NotFound($"There is no price line {id} on contract {number}.");
        }

        if (line is null && request.Basis is null)
        {
            return new StepOutcome.Invalid("basis", "Say whether the line is a LumpSum or a UnitPrice.");
        }

        var covers = (request.Covers ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var others = contract.PriceLines.Where(l => l != line).ToList();
        if (PriceSchedule.Check(others, line?.Item ?? request.Item, line is null ? site?.Id : line.SiteId, request.Description, request.Unit,
                request.EstimatedQuantity ?? -1, request.UnitPrice ?? -1, covers, request.DeductionValue) is { } refusal)
        {
            return new StepOutcome.Invalid(char.ToLowerInvariant(refusal.Field[0]) + refusal.Field[1..], refusal.Message);
        }

        var revision = 1;
        if (line is null)
        {
            line = contract.AddPriceLine(Guid.CreateVersion7(), request.Item!.Trim(), request.Description!.Trim(), request.Basis!.Value,
                request.Unit!.Trim(), request.EstimatedQuantity!.Value, request.UnitPrice!.Value, request.Sample ?? false, site?.Id, covers,
                request.DeductionValue);
        }
        else
        {
            revision = await db.PriceLineRevisions.Where(r => r.PriceLineId == line.Id).Select(r => (int?)r.Revision).MaxAsync(ct) is { } last
                ? last + 1
                : 2;
            line.Revise(request.Description!.Trim(), request.Unit!.Trim(), request.EstimatedQuantity!.Value, request.UnitPrice!.Value, covers,
                request.DeductionValue, request.Sample ?? line.IsSample);
        }

        db.PriceLineRevisions.Add(Data.Billing.PriceLineRevisionRecord.Of(line, revision, request.Reason.Trim(), ScheduleApi.Who(user),
            clock.GetCurrentInstant()));
        return await SaveAsync(line.Id, ct);
    }

    public async Task<StepOutcome> AddAdjustmentAsync(ClaimsPrincipal user, string number, LocalDate? on, decimal? amount, string? reason,
        CancellationToken ct)
    {
        if (amount is not { } dollars || dollars == 0 || decimal.Round(dollars, 2) != dollars || Math.Abs(dollars) > PriceSchedule.MaximumPrice)
        {
            return new StepOutcome.Invalid("amount", "A non-zero amount in dollars and cents: positive pays the contractor more, negative takes off.");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 2000)
        {
            return new StepOutcome.Invalid("reason", "An adjustment needs its reason (at most 2000 characters).");
        }

        var contract = await db.Contracts.VisibleTo(user).SingleOrDefaultAsync(c => c.Number == number, ct);
        if (contract is null)
        {
            return new StepOutcome.NotFound($"There is no contract {number} that you can see.");
        }

        var record = new Data.Billing.BillingAdjustmentRecord
        {
            Id = Guid.CreateVersion7(), ContractId = contract.Id, On = on ?? Today(), Amount = dollars, Reason = reason.Trim(),
            AddedBy = ScheduleApi.Who(user), AddedAt = clock.GetCurrentInstant(),
        };
        db.BillingAdjustments.Add(record);
        return await SaveAsync(record.Id, ct);
    }

    public async Task<StepOutcome> ChangeSettingsAsync(ClaimsPrincipal user, string number, BillingSettingsRequest request, CancellationToken ct)
    {
        if (BillingSettings.Check(request.PaymentDays ?? 0, request.DisputeDays ?? 0) is { } message)
        {
            return new StepOutcome.Invalid(request.PaymentDays is < 1 or > 120 or null ? "paymentDays" : "disputeDays", message);
        }

        var rates = new List<DamagesRate>();
        foreach (var (rate, i) in (request.DamagesRates ?? []).Select((r, i) => (r, i)))
        {
            if (rate.Kind is null || rate.Basis is null || rate.Amount is not > 0 || decimal.Round(rate.Amount.Value, 2) != rate.Amount
                || rate.Cap is <= 0 || (rate.Cap is { } c && decimal.Round(c, 2) != c))
            {
                return new StepOutcome.Invalid($"damagesRates[{i}]", "Each rate has a kind, a basis and a positive amount in dollars and cents; a cap, if any, likewise.");
            }

            if (rates.Any(r => r.Kind == rate.Kind))
            {
                return new StepOutcome.Invalid($"damagesRates[{i}].kind", $"Two rates for {rate.Kind}.");
            }

            rates.Add(new DamagesRate(rate.Kind.Value, rate.Basis.Value, Administration.Money.Dollars(rate.Amount.Value),
                rate.Cap is { } cap ? Administration.Money.Dollars(cap) : null, rate.Sample ?? false));
        }

        var contract = await db.Contracts.VisibleTo(user).SingleOrDefaultAsync(c => c.Number == number, ct);
        if (contract is null)
        {
            return new StepOutcome.NotFound($"There is no contract {number} that you can see.");
        }

        var settings = await db.BillingSettings.SingleOrDefaultAsync(s => s.ContractId == contract.Id, ct);
        if (settings is null)
        {
            settings = new BillingSettings(contract.Id);
            db.BillingSettings.Add(settings);
        }

        settings.Change(request.Proration ?? settings.Proration, request.PaymentDays!.Value, request.DisputeDays!.Value, rates);
        return await SaveAsync(contract.Id, ct);
    }

    private Task<StepOutcome> SaveAsync(Guid id, CancellationToken ct) => BillingSaves.SaveAsync(db, id, ct);

    private LocalDate Today() => clock.GetCurrentInstant().InZone(Hartford.Zone).Date;

    private static StepOutcome ToOutcome(AssessmentRefusal refusal) => refusal switch
    {
        AssessmentRefusal.EvidenceRequired => new StepOutcome.Invalid("evidence", refusal.Message),
        AssessmentRefusal.ReasonRequired => new StepOutcome.Invalid("reason", refusal.Message),
        AssessmentRefusal.AmountOutOfRange or AssessmentRefusal.ReductionNotLower => new StepOutcome.Invalid("amount", refusal.Message),
        AssessmentRefusal.NotTheContractor => new StepOutcome.Forbidden(refusal.Message),
        AssessmentRefusal.DeficiencyNotUpheld or AssessmentRefusal.NoRate => new StepOutcome.Invalid("deficiencyId", refusal.Message),
        _ => new StepOutcome.Conflict("Not now.", refusal.Message),
    };
}

/// <summary>A line of the bid schedule as Purchasing enters it; item, basis and school are set when the line is added.</summary>
/// <param name="School">The school's code for a per-school line; empty for a line covering every school.</param>
/// <param name="Covers">Specification items the line pays for, comma-separated (e.g. "IV, 2d, 3c, 4a, 5a").</param>
public sealed record PriceLineRequest(string? Item, string? School, PriceBasis? Basis, string? Description, string? Unit,
    decimal? EstimatedQuantity, decimal? UnitPrice, string? Covers, decimal? DeductionValue, bool? Sample, string? Reason);

public sealed record DamagesRateRequest(DeficiencyKind? Kind, DamagesBasis? Basis, decimal? Amount, decimal? Cap, bool? Sample);

public sealed record BillingSettingsRequest(LumpSumProration? Proration, int? PaymentDays, int? DisputeDays, IReadOnlyList<DamagesRateRequest>? DamagesRates);

/// <summary>Saves a billing step once: of two at once, the second finds the row changed (or the key taken) and is a conflict.</summary>
internal static class BillingSaves
{
    public static async Task<StepOutcome> SaveAsync(FieldContractsDbContext db, Guid id, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return new StepOutcome.Done(id);
        }
        catch (DbUpdateException)
        {
            return new StepOutcome.Conflict("Changed meanwhile.", "Someone else acted on this at the same moment; reload to see where it stands.");
        }
    }
}
