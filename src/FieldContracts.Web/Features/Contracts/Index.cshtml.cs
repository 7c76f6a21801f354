using FieldContracts.Data.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FieldContracts.Web.Features.Contracts;

[Authorize(Roles = Roles.Any)]
public sealed class IndexModel(ContractQueries queries) : PageModel
{
    public IReadOnlyList<ContractSummary> Contracts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Contracts = await queries.ListAsync(User, ct);
}
