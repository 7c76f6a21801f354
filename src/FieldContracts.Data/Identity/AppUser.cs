using Microsoft.AspNetCore.Identity;

namespace FieldContracts.Data.Identity;

/// <summary>A person who signs in. Contractor staff belong to exactly one contractor.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>The contractor this user works for; null for City and school staff.</summary>
    public Guid? ContractorId { get; set; }
}
