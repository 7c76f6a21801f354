using System.Security.Claims;
using FieldContracts.Administration.Deficiencies;
using FieldContracts.Data.Identity;

namespace FieldContracts.Web.Features.Shared;

/// <summary>The side of the contract a signed-in user acts for; the aggregates decide what each side may do.</summary>
public static class Parties
{
    public static Party Party(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.Purchasing) ? Administration.Deficiencies.Party.Purchasing
        : user.IsInRole(Roles.AthleticDirector) ? Administration.Deficiencies.Party.AthleticDirector
        : user.IsInRole(Roles.Finance) ? Administration.Deficiencies.Party.Finance
        : Administration.Deficiencies.Party.Contractor;
}
