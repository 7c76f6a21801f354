namespace FieldContracts.Scheduling.Contracts;

/// <summary>A firm that holds contracts with the City.</summary>
public sealed class Contractor
{
    private readonly List<ContractorContact> _contacts = [];

    private Contractor()
    {
        Name = "";
        Address = null!;
    }

    public Contractor(Guid id, string name, PostalAddress address)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Id = id;
        Name = name;
        Address = address;
    }

    public Guid Id { get; private set; }

    /// <summary>The firm's legal name, as on the bid.</summary>
    public string Name { get; private set; }

    public PostalAddress Address { get; private set; }

    public IReadOnlyList<ContractorContact> Contacts => _contacts;

    public void AddContact(ContractorContact contact) => _contacts.Add(contact);
}

/// <summary>A person at a contractor: who to call about the work, with their role there.</summary>
public sealed record ContractorContact(string Name, string Role, string? Email, string? Phone);
