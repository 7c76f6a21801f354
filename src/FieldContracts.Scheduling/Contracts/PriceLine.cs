namespace FieldContracts.Scheduling.Contracts;

/// <summary>How a bid schedule line is priced.</summary>
public enum PriceBasis
{
    /// <summary>One price for the whole item (special instruction 1: "lump sum prices").</summary>
    LumpSum,

    /// <summary>A price per unit, paid for the units actually received (special instruction 8).</summary>
    UnitPrice,
}

/// <summary>A line of the bid schedule: what the City pays for an item of work.</summary>
public sealed class PriceLine
{
    private PriceLine()
    {
        Item = "";
        Description = "";
        Unit = "";
    }

    internal PriceLine(Guid id, Guid contractId, string item, string description, PriceBasis basis, string unit,
        decimal estimatedQuantity, decimal unitPrice, bool isSample)
    {
        Id = id;
        ContractId = contractId;
        Item = item;
        Description = description;
        Basis = basis;
        Unit = unit;
        EstimatedQuantity = estimatedQuantity;
        UnitPrice = unitPrice;
        IsSample = isSample;
    }

    public Guid Id { get; private set; }

    public Guid ContractId { get; private set; }

    /// <summary>The item number as on the bid schedule.</summary>
    public string Item { get; private set; }

    public string Description { get; private set; }

    public PriceBasis Basis { get; private set; }

    /// <summary>The unit priced, e.g. "each", "visit", or "lump sum".</summary>
    public string Unit { get; private set; }

    /// <summary>The schedule's estimated quantity; estimated only (special instruction 8).</summary>
    public decimal EstimatedQuantity { get; private set; }

    /// <summary>Dollars per unit (for a lump sum, the whole price), exact to the cent.</summary>
    public decimal UnitPrice { get; private set; }

    /// <summary>True when the figures are illustrative and not the awarded bid's.</summary>
    public bool IsSample { get; private set; }

    /// <summary>Estimated quantity times unit price, rounded half away from zero to the cent.</summary>
    public decimal EstimatedTotal => Math.Round(EstimatedQuantity * UnitPrice, 2, MidpointRounding.AwayFromZero);
}
