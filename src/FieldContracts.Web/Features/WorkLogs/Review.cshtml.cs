using FieldContracts.Data.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FieldContracts.Web.Features.WorkLogs;

/// <summary>The Athletic Director's and Purchasing's queue: visits to verify, emergency applications, deficiency candidates.</summary>
[Authorize(Roles = Roles.AthleticDirector + "," + Roles.Purchasing)]
public sealed class ReviewModel(WorkLogQueries queries) : PageModel
{
    public ReviewQueue Queue { get; private set; } = new([], [], []);

    public async Task OnGetAsync(CancellationToken ct) => Queue = await queries.ReviewQueueAsync(User, ct);
}
