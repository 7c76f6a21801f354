using FieldContracts.Data.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;

namespace FieldContracts.Web.Features.WorkLogs;

/// <summary>The crew's week: today's and the next six days' planned work on its own contracts, and the visits logged.</summary>
[Authorize(Roles = Roles.Any)]
public sealed class IndexModel(WorkLogQueries queries, ZonedClock clock) : PageModel
{
    public LocalDate Today { get; private set; }

    public IReadOnlyList<PlannedWork> Planned { get; private set; } = [];

    public IReadOnlyList<WorkLogSummary> Logs { get; private set; } = [];

    /// <summary>Work the register holds as missed and still to be answered, shown first.</summary>
    public IReadOnlyList<MissedWorkItem> Missed { get; private set; } = [];

    public bool CanLog => User.IsInRole(Roles.Contractor);

    public bool CanReview => User.IsInRole(Roles.AthleticDirector) || User.IsInRole(Roles.Purchasing);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = clock.GetCurrentDate();
        Missed = await queries.MissedAsync(User, ct);
        Planned = await queries.PlannedAsync(User, Today, Today.PlusDays(6), ct);
        Logs = (await queries.LogsAsync(User, null, null, ct)).Take(50).ToList();
    }
}
