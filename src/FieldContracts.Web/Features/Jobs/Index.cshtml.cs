using FieldContracts.Data.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FieldContracts.Web.Features.Jobs;

/// <summary>The scheduled jobs: next firing, recent runs with outcome and duration, failures; run now, pause, resume.</summary>
[Authorize(Roles = Roles.Purchasing)]
public sealed class IndexModel(JobsQueries jobs) : PageModel
{
    public IReadOnlyList<JobView> Jobs { get; private set; } = [];

    public IReadOnlyList<UndeliveredView> Undelivered { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostTriggerAsync(string name, CancellationToken ct) =>
        ActAsync(jobs.TriggerAsync(name, ct), $"{Title(name)} will run in a moment.", ct);

    public Task<IActionResult> OnPostPauseAsync(string name, CancellationToken ct) =>
        ActAsync(jobs.PauseAsync(name, ct), $"{Title(name)} paused: it will not run until resumed.", ct);

    public Task<IActionResult> OnPostResumeAsync(string name, CancellationToken ct) =>
        ActAsync(jobs.ResumeAsync(name, ct), $"{Title(name)} resumed.", ct);

    private static string Title(string name) => JobCatalog.Find(name)?.Title ?? name;

    private async Task<IActionResult> ActAsync(Task<bool> action, string message, CancellationToken ct)
    {
        if (!await action)
        {
            return NotFound();
        }

        Message = message;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Jobs = await jobs.ListAsync(ct);
        Undelivered = await jobs.UndeliveredAsync(ct);
    }
}
