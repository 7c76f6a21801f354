using NodaTime;

namespace FieldContracts.Scheduling.Contracts;

/// <summary>
/// A term service contract after award: who does the work, where, for how long, at what prices.
/// </summary>
public sealed class Contract
{
    private readonly List<Site> _sites = [];
    private readonly List<PriceLine> _priceLines = [];

    private Contract()
    {
        Number = "";
        Title = "";
        Settings = null!;
    }

    public Contract(Guid id, string number, string title, Guid contractorId, DateInterval term, LocalDate awardedOn,
        ContractSettings settings)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(term);
        Id = id;
        Number = number;
        Title = title;
        ContractorId = contractorId;
        TermStart = term.Start;
        TermEnd = term.End;
        AwardedOn = awardedOn;
        Settings = settings;
    }

    public Guid Id { get; private set; }

    /// <summary>The bid number the contract was awarded under, e.g. "2685".</summary>
    public string Number { get; private set; }

    public string Title { get; private set; }

    public Guid ContractorId { get; private set; }

    /// <summary>First day of the term.</summary>
    public LocalDate TermStart { get; private set; }

    /// <summary>Last day of the term (inclusive).</summary>
    public LocalDate TermEnd { get; private set; }

    /// <summary>The contract term, both ends inclusive (special instruction 5).</summary>
    public DateInterval Term => new(TermStart, TermEnd);

    public LocalDate AwardedOn { get; private set; }

    /// <summary>The day the City ended the contract early, if it did.</summary>
    public LocalDate? TerminatedOn { get; private set; }

    public ContractSettings Settings { get; private set; }

    public IReadOnlyList<Site> Sites => _sites;

    public IReadOnlyList<PriceLine> PriceLines => _priceLines;

    /// <summary>Where the contract stands on <paramref name="today"/>.</summary>
    public ContractStatus StatusOn(LocalDate today) =>
        TerminatedOn is { } ended && today >= ended ? ContractStatus.Terminated
        : today < TermStart ? ContractStatus.Awarded
        : today <= TermEnd ? ContractStatus.InForce
        : ContractStatus.Completed;

    public Site AddSite(Guid id, string code, string name, PostalAddress address, GeoPoint location)
    {
        if (_sites.Any(s => string.Equals(s.Code, code, StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException($"The contract already has a site with code {code}.");
        }

        var site = new Site(id, Id, code, name, address, location);
        _sites.Add(site);
        return site;
    }

    public PriceLine AddPriceLine(Guid id, string item, string description, PriceBasis basis, string unit,
        decimal estimatedQuantity, decimal unitPrice, bool isSample, Guid? siteId = null, IEnumerable<string>? covers = null,
        decimal? deductionValue = null)
    {
        if (siteId is { } site && _sites.All(s => s.Id != site))
        {
            throw new InvalidOperationException($"The contract has no site {site}.");
        }

        var line = new PriceLine(id, Id, item, description, basis, unit, estimatedQuantity, unitPrice, isSample, siteId, covers, deductionValue);
        _priceLines.Add(line);
        return line;
    }

    public void ChangeSettings(ContractSettings settings) => Settings = settings;

    /// <summary>
    /// Ends the contract early: from <paramref name="effectiveOn"/> on it is no longer in force, so the plan ends the day
    /// before. Whether the City may do so (special instructions 6 and 7) is decided before this is called.
    /// </summary>
    public void Terminate(LocalDate effectiveOn)
    {
        if (TerminatedOn is { } already)
        {
            throw new InvalidOperationException($"Contract {Number} is already terminated from {already}.");
        }

        TerminatedOn = effectiveOn;
    }
}
