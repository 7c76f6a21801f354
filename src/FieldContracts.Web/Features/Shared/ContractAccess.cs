using System.Security.Claims;
using FieldContracts.Data.Identity;
using FieldContracts.Scheduling.Contracts;
using FieldContracts.Web.Infrastructure;

namespace FieldContracts.Web.Features.Shared;

/// <summary>Who may see which contract: City and school staff see all; a contractor only its own.</summary>
public static class ContractAccess
{
    public static IQueryable<Contract> VisibleTo(this IQueryable<Contract> contracts, ClaimsPrincipal user)
    {
        // The contractor rule comes first so that no combination of roles widens a contractor's view.
        if (user.IsInRole(Roles.Contractor))
        {
            var contractorId = user.ContractorId();
            return contractorId is { } id ? contracts.Where(c => c.ContractorId == id) : contracts.Where(_ => false);
        }

        return user.IsInRole(Roles.Purchasing) || user.IsInRole(Roles.AthleticDirector) || user.IsInRole(Roles.Finance)
            ? contracts
            : contracts.Where(_ => false);
    }
}
