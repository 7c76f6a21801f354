using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FieldContracts.Web.Features.Jobs;

/// <summary>The recurring jobs in words: what each does, when it runs (Hartford time), its next run and how its last one went.</summary>
[Authorize(Policy = JobsRegistration.DashboardPolicy)]
public sealed class ScheduleModel(JobsQueries jobs) : PageModel
{
    public IReadOnlyList<JobView> Jobs { get; private set; } = [];

    public void OnGet() => Jobs = jobs.List();
}
