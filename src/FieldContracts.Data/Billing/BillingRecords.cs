using FieldContracts.Administration;
using FieldContracts.Administration.Billing;
using FieldContracts.Scheduling.Contracts;
using NodaTime;

namespace FieldContracts.Data.Billing;

/// <summary>One version of a bid schedule line, as Purchasing set it: the line's history, oldest first.</summary>
public sealed class PriceLineRevisionRecord
{
    public Guid Id { get; set; }

    public Guid PriceLineId { get; set; }

    public Guid ContractId { get; set; }

    /// <summary>1 for the line as awarded or added.</summary>
    public int Revision { get; set; }

    public string Description { get; set; } = "";

    public string Unit { get; set; } = "";

    public decimal EstimatedQuantity { get; set; }

    public decimal UnitPrice { get; set; }

    public decimal? DeductionValue { get; set; }

    /// <summary>The specification items covered, comma-separated as entered.</summary>
    public string Covers { get; set; } = "";

    public bool IsSample { get; set; }

    public string Reason { get; set; } = "";

    public string ChangedBy { get; set; } = "";

    public Instant ChangedAt { get; set; }

    public static PriceLineRevisionRecord Of(PriceLine line, int revision, string reason, string by, Instant at) => new()
    {
        Id = Guid.CreateVersion7(),
        PriceLineId = line.Id,
        ContractId = line.ContractId,
        Revision = revision,
        Description = line.Description,
        Unit = line.Unit,
        EstimatedQuantity = line.EstimatedQuantity,
        UnitPrice = line.UnitPrice,
        DeductionValue = line.DeductionValue,
        Covers = string.Join(", ", line.Covers),
        IsSample = line.IsSample,
        Reason = reason,
        ChangedBy = by,
        ChangedAt = at,
    };
}

/// <summary>An adjustment Purchasing made to what the contractor is paid, with its reason.</summary>
public sealed class BillingAdjustmentRecord
{
    public Guid Id { get; set; }

    public Guid ContractId { get; set; }

    /// <summary>The day it counts from: it goes on the installment of the period holding it.</summary>
    public LocalDate On { get; set; }

    /// <summary>Signed dollars: positive pays the contractor more.</summary>
    public decimal Amount { get; set; }

    public string Reason { get; set; } = "";

    public string AddedBy { get; set; } = "";

    public Instant AddedAt { get; set; }

    public Adjustment ToAdjustment() => new(Id, On, Money.Dollars(Amount), Reason);
}
