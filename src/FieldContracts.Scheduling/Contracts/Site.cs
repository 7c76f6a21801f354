namespace FieldContracts.Scheduling.Contracts;

/// <summary>A school whose athletic fields the contract covers.</summary>
public sealed class Site
{
    private readonly List<Area> _areas = [];

    private Site()
    {
        Code = "";
        Name = "";
        Address = null!;
        Location = null!;
    }

    internal Site(Guid id, Guid contractId, string code, string name, PostalAddress address, GeoPoint location)
    {
        Id = id;
        ContractId = contractId;
        Code = code;
        Name = name;
        Address = address;
        Location = location;
    }

    public Guid Id { get; private set; }

    public Guid ContractId { get; private set; }

    /// <summary>Short code used in lists and calendar entries, e.g. "HPHS".</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    public PostalAddress Address { get; private set; }

    public GeoPoint Location { get; private set; }

    public IReadOnlyList<Area> Areas => _areas;

    public Area AddArea(Guid id, string name, AreaKind kind, IEnumerable<SportSeason> seasons)
    {
        var area = new Area(id, Id, name, kind, seasons);
        _areas.Add(area);
        return area;
    }
}
