using FieldContracts.Data.Identity;
using FieldContracts.Web.Features.Billing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FieldContracts.Web.Features.Finance;

/// <summary>
/// Finance's home: installments awaiting approval with their deductions explained, approved payments due and overdue,
/// and paid to date against each contract's estimated total, per school.
/// </summary>
[Authorize(Roles = Roles.Finance)]
public sealed class IndexModel(BillingQueries queries) : PageModel
{
    public FinanceQueue Queue { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Queue = await queries.FinanceAsync(User, ct);
}
