namespace FieldContracts.Data.Identity;

/// <summary>The four roles of DESIGN.md; every page and endpoint names the ones it admits.</summary>
public static class Roles
{
    public const string Purchasing = "Purchasing";
    public const string AthleticDirector = "AthleticDirector";
    public const string Contractor = "Contractor";
    public const string Finance = "Finance";

    public static readonly IReadOnlyList<string> All = [Purchasing, AthleticDirector, Contractor, Finance];

    /// <summary>City and school staff, who see every contract.</summary>
    public const string CityStaff = Purchasing + "," + AthleticDirector + "," + Finance;

    public const string Any = CityStaff + "," + Contractor;
}
