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
    private List<string> _covers = [];

    private PriceLine()
    {
        Item = "";
        Description = "";
        Unit = "";
    }

    internal PriceLine(Guid id, Guid contractId, string item, string description, PriceBasis basis, string unit,
        decimal estimatedQuantity, decimal unitPrice, bool isSample, Guid? siteId = null, IEnumerable<string>? covers = null,
        decimal? deductionValue = null)
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
        SiteId = siteId;
        _covers = Normalize(covers);
        DeductionValue = deductionValue;
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

    /// <summary>The school the line is priced for ("per school"); null when it covers every school of the contract.</summary>
    public Guid? SiteId { get; private set; }

    /// <summary>
    /// The specification items the line pays for, by the bid's item reference ("IV", "2d", "3c"): a visit doing one of
    /// them at the line's school is work under this line.
    /// </summary>
    public IReadOnlyList<string> Covers => _covers;

    /// <summary>
    /// For a lump-sum line, what one unit of its work (one occurrence at one school) is worth when not performed: the
    /// schedule of deductions. Null when the contract sets none.
    /// </summary>
    public decimal? DeductionValue { get; private set; }

    /// <summary>Estimated quantity times unit price, rounded half away from zero to the cent.</summary>
    public decimal EstimatedTotal => Math.Round(EstimatedQuantity * UnitPrice, 2, MidpointRounding.AwayFromZero);

    /// <summary>Whether the line pays for the specification item <paramref name="itemReference"/>.</summary>
    public bool CoversItem(string itemReference) => _covers.Contains(itemReference, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Purchasing's change of the line's terms; the item, the basis and the school stay as awarded. Whether the values
    /// may be set is checked by the caller (<c>PriceSchedule.Check</c> in contract administration).
    /// </summary>
    public void Revise(string description, string unit, decimal estimatedQuantity, decimal unitPrice, IEnumerable<string> covers,
        decimal? deductionValue, bool isSample)
    {
        Description = description;
        Unit = unit;
        EstimatedQuantity = estimatedQuantity;
        UnitPrice = unitPrice;
        _covers = Normalize(covers);
        DeductionValue = deductionValue;
        IsSample = isSample;
    }

    private static List<string> Normalize(IEnumerable<string>? covers) =>
        (covers ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
