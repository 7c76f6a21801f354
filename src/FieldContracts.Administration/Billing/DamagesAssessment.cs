using FieldContracts.Administration.Deficiencies;
using NodaTime;

namespace FieldContracts.Administration.Billing;

/// <summary>Where an assessment of liquidated damages stands.</summary>
public enum AssessmentStatus
{
    /// <summary>Assessed by Purchasing; the contractor may dispute it until the end of the dispute period.</summary>
    Assessed,

    /// <summary>The contractor disputes it, with its reasons; nothing is deducted until Purchasing decides.</summary>
    Disputed,

    /// <summary>Purchasing upheld it after a dispute, at the amount assessed.</summary>
    Upheld,

    /// <summary>Purchasing reduced it after a dispute, with its reason.</summary>
    Reduced,

    /// <summary>Purchasing waived it, with its reason: nothing is deducted. Final.</summary>
    Waived,
}

/// <summary>What can be done to an assessment.</summary>
public enum AssessmentAction
{
    Dispute,
    Uphold,
    Reduce,
    Waive,
}

/// <summary>Why a step on an assessment is refused; a value, not an exception.</summary>
public abstract record AssessmentRefusal(string Message)
{
    public sealed record DeficiencyNotUpheld(DeficiencyStatus Status) : AssessmentRefusal(
        $"Damages are assessed only on a deficiency Purchasing upheld; this one is {Status.ToString().ToLowerInvariant()}.");

    public sealed record NoRate(DeficiencyKind Kind) : AssessmentRefusal($"The contract sets no liquidated damages for {Kind}.");

    public sealed record AlreadyAssessed() : AssessmentRefusal("Damages are already assessed on this deficiency.");

    public sealed record AmountOutOfRange(Money Most) : AssessmentRefusal($"The amount is $0.01 to {Most}, in whole cents.");

    public sealed record ReasonRequired(string What) : AssessmentRefusal($"{What} needs a reason.");

    public sealed record EvidenceRequired() : AssessmentRefusal("Say what the damages rest on: the evidence.");

    public sealed record NotAllowed(AssessmentStatus Status, AssessmentAction Action) : AssessmentRefusal(
        $"An assessment that is {Status.ToString().ToLowerInvariant()} cannot be {Past(Action)}.");

    public sealed record DisputePeriodOver(LocalDate LastDay) : AssessmentRefusal($"The dispute period ended on {LastDay:MMMM d, yyyy}.");

    public sealed record NotTheContractor() : AssessmentRefusal("Only the contractor disputes an assessment.");

    public sealed record ReductionNotLower(Money Assessed) : AssessmentRefusal($"A reduction is below the amount assessed, {Assessed}.");

    private static string Past(AssessmentAction action) => action switch
    {
        AssessmentAction.Dispute => "disputed",
        AssessmentAction.Uphold => "upheld",
        AssessmentAction.Reduce => "reduced",
        _ => "waived",
    };
}

/// <summary>
/// Liquidated damages assessed on one upheld deficiency (special instruction 10: "The City of Hartford reserves the right
/// to assess liquidated damages"). Purchasing assesses, with the evidence; the contractor may dispute within the
/// contract's dispute period; Purchasing then upholds, reduces or waives, with a reason. What stands is deducted once,
/// on the installment of the period holding the day it came to stand (<see cref="StandsOn"/>).
/// </summary>
public sealed class DamagesAssessment
{
    private DamagesAssessment()
    {
        Evidence = "";
        AssessedBy = "";
    }

    public Guid Id { get; private set; }

    public Guid ContractId { get; private set; }

    public Guid DeficiencyId { get; private set; }

    public DeficiencyKind Kind { get; private set; }

    /// <summary>What the contract's rate comes to for the failure, before Purchasing's judgement.</summary>
    public decimal ScheduleAmount { get; private set; }

    /// <summary>The amount assessed.</summary>
    public decimal Amount { get; private set; }

    /// <summary>True when the rate it was assessed at is a sample, not the contract's.</summary>
    public bool IsSampleRate { get; private set; }

    public string Evidence { get; private set; }

    public string AssessedBy { get; private set; }

    public Instant AssessedAt { get; private set; }

    public LocalDate AssessedOn { get; private set; }

    /// <summary>The last day the contractor may dispute.</summary>
    public LocalDate DisputeBy { get; private set; }

    public AssessmentStatus Status { get; private set; }

    public string? DisputeReason { get; private set; }

    public string? DisputedBy { get; private set; }

    public LocalDate? DisputedOn { get; private set; }

    public string? DecidedBy { get; private set; }

    public LocalDate? DecidedOn { get; private set; }

    public string? DecisionReason { get; private set; }

    /// <summary>The amount after a reduction; the assessed amount otherwise.</summary>
    public decimal? ReducedTo { get; private set; }

    /// <summary>What stands, once it stands: the assessed or reduced amount, nothing when waived.</summary>
    public Money Standing => Status == AssessmentStatus.Waived ? Money.Zero : Money.Dollars(ReducedTo ?? Amount);

    /// <summary>
    /// The day the damages came to stand, as of <paramref name="today"/>: the day after the dispute period for an
    /// undisputed assessment, the day of decision for a disputed one; null while disputable or disputed, and when waived.
    /// </summary>
    public LocalDate? StandsOn(LocalDate today) => Status switch
    {
        AssessmentStatus.Assessed when today > DisputeBy => DisputeBy.PlusDays(1),
        AssessmentStatus.Upheld or AssessmentStatus.Reduced => DecidedOn,
        _ => null,
    };

    /// <summary>
    /// Purchasing's assessment on a deficiency that was upheld (never an open, disputed or withdrawn one), at the
    /// contract's rate or at a lower amount Purchasing sets.
    /// </summary>
    public static (DamagesAssessment? Assessment, AssessmentRefusal? Refusal) Assess(Guid contractId, Guid deficiencyId, DeficiencyKind kind,
        DeficiencyStatus status, bool wasUpheld, DamagesRate? rate, int days, int schools, decimal? amount, string? evidence, string by,
        Instant at, LocalDate today, int disputeDays)
    {
        if (status is DeficiencyStatus.Withdrawn || !wasUpheld)
        {
            return (null, new AssessmentRefusal.DeficiencyNotUpheld(status));
        }

        if (rate is null)
        {
            return (null, new AssessmentRefusal.NoRate(kind));
        }

        if (string.IsNullOrWhiteSpace(evidence))
        {
            return (null, new AssessmentRefusal.EvidenceRequired());
        }

        var scheduled = rate.Assess(Math.Max(1, days), Math.Max(1, schools));
        var assessed = amount ?? scheduled.Amount;
        if (assessed <= 0 || assessed > scheduled.Amount || decimal.Round(assessed, 2) != assessed)
        {
            return (null, new AssessmentRefusal.AmountOutOfRange(scheduled));
        }

        return (new DamagesAssessment
        {
            Id = Guid.CreateVersion7(),
            ContractId = contractId,
            DeficiencyId = deficiencyId,
            Kind = kind,
            ScheduleAmount = scheduled.Amount,
            Amount = assessed,
            IsSampleRate = rate.IsSample,
            Evidence = evidence.Trim(),
            AssessedBy = by,
            AssessedAt = at,
            AssessedOn = today,
            DisputeBy = today.PlusDays(disputeDays),
            Status = AssessmentStatus.Assessed,
        }, null);
    }

    /// <summary>The contractor's dispute, Purchasing's decision on it, or why the step is refused.</summary>
    public AssessmentRefusal? Take(AssessmentAction action, bool byContractor, string by, LocalDate today, string? reason, decimal? reducedTo = null)
    {
        var allowed = (Status, action) switch
        {
            (AssessmentStatus.Assessed, AssessmentAction.Dispute) => true,
            (AssessmentStatus.Disputed, AssessmentAction.Uphold or AssessmentAction.Reduce or AssessmentAction.Waive) => true,
            (AssessmentStatus.Assessed, AssessmentAction.Reduce or AssessmentAction.Waive) => true,
            _ => false,
        };
        if (!allowed)
        {
            return new AssessmentRefusal.NotAllowed(Status, action);
        }

        if (Status == AssessmentStatus.Assessed && action != AssessmentAction.Dispute && today > DisputeBy)
        {
            // It stood from the day after the dispute period and may already be deducted: a change now is an adjustment.
            return new AssessmentRefusal.NotAllowed(Status, action);
        }

        if (action == AssessmentAction.Dispute)
        {
            if (!byContractor)
            {
                return new AssessmentRefusal.NotTheContractor();
            }

            if (today > DisputeBy)
            {
                return new AssessmentRefusal.DisputePeriodOver(DisputeBy);
            }
        }
        else if (byContractor)
        {
            return new AssessmentRefusal.NotAllowed(Status, action);
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return new AssessmentRefusal.ReasonRequired(action switch
            {
                AssessmentAction.Dispute => "A dispute",
                AssessmentAction.Uphold => "Upholding",
                AssessmentAction.Reduce => "A reduction",
                _ => "A waiver",
            });
        }

        if (action == AssessmentAction.Reduce)
        {
            if (reducedTo is not { } lower || lower <= 0 || decimal.Round(lower, 2) != lower)
            {
                return new AssessmentRefusal.AmountOutOfRange(Money.Dollars(Amount));
            }

            if (lower >= Amount)
            {
                return new AssessmentRefusal.ReductionNotLower(Money.Dollars(Amount));
            }
        }

        if (action == AssessmentAction.Dispute)
        {
            Status = AssessmentStatus.Disputed;
            DisputedBy = by;
            DisputedOn = today;
            DisputeReason = reason.Trim();
            return null;
        }

        Status = action switch
        {
            AssessmentAction.Uphold => AssessmentStatus.Upheld,
            AssessmentAction.Reduce => AssessmentStatus.Reduced,
            _ => AssessmentStatus.Waived,
        };
        ReducedTo = action == AssessmentAction.Reduce ? reducedTo : null;
        DecidedBy = by;
        DecidedOn = today;
        DecisionReason = reason.Trim();
        return null;
    }

    /// <summary>The assessment as the ledger takes it, as of <paramref name="today"/>.</summary>
    public DamagesCharge ToCharge(LocalDate today) =>
        new(Id, DeficiencyId, Kind, Status == AssessmentStatus.Waived ? Money.Dollars(Amount) : Standing, Status, StandsOn(today), IsSampleRate);
}

/// <summary>The contract's billing settings: how lump sums are prorated, the dispute period, the payment terms.</summary>
public sealed class BillingSettings
{
    public const int DefaultPaymentDays = 45;

    public const int DefaultDisputeDays = 10;

    private List<DamagesRate> _damagesRates = [];

    private BillingSettings()
    {
    }

    /// <summary>A contract's settings; without rates given, the sample schedule of damages, labelled as samples.</summary>
    public BillingSettings(Guid contractId, LumpSumProration proration = LumpSumProration.ByDaysOfTerm, int paymentDays = DefaultPaymentDays,
        int disputeDays = DefaultDisputeDays, IEnumerable<DamagesRate>? damagesRates = null)
    {
        ContractId = contractId;
        Proration = proration;
        PaymentDays = paymentDays;
        DisputeDays = disputeDays;
        _damagesRates = [.. damagesRates ?? DamagesSchedule.Sample.Rates];
    }

    /// <summary>The schedule of liquidated damages, one rate per kind of failure (Form 127 ¶28; the contract's own figures).</summary>
    public IReadOnlyList<DamagesRate> DamagesRates => _damagesRates;

    public DamagesSchedule Damages => new(_damagesRates);

    public Guid ContractId { get; private set; }

    public LumpSumProration Proration { get; private set; } = LumpSumProration.ByDaysOfTerm;

    /// <summary>Calendar days from Finance's approval to the day payment is due.</summary>
    public int PaymentDays { get; private set; } = DefaultPaymentDays;

    /// <summary>Calendar days after an assessment of damages during which the contractor may dispute it.</summary>
    public int DisputeDays { get; private set; } = DefaultDisputeDays;

    /// <summary>Why settings would be refused, or null.</summary>
    public static string? Check(int paymentDays, int disputeDays) =>
        paymentDays is < 1 or > 120 ? "Payment is due 1 to 120 days after approval."
        : disputeDays is < 1 or > 60 ? "The dispute period is 1 to 60 days."
        : null;

    public void Change(LumpSumProration proration, int paymentDays, int disputeDays, IEnumerable<DamagesRate> damagesRates)
    {
        Proration = proration;
        PaymentDays = paymentDays;
        DisputeDays = disputeDays;
        _damagesRates = [.. damagesRates];
    }
}
