using FieldContracts.Data.Identity;

namespace FieldContracts.Web.Features.Jobs;

public static class JobsApi
{
    /// <summary>The scheduled jobs for Purchasing: state, next firing, recent runs; run now, pause, resume.</summary>
    public static void MapJobsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/jobs").WithTags("Jobs").RequireAuthorization(p => p.RequireRole(Roles.Purchasing));

        api.MapGet("/", async (JobsQueries jobs, CancellationToken ct) => TypedResults.Ok(await jobs.ListAsync(ct)))
            .Produces<IReadOnlyList<JobView>>()
            .WithSummary("Each job: schedule (Hartford time), state, next firing and its last runs.");

        api.MapPost("/{name}/trigger", async (string name, JobsQueries jobs, CancellationToken ct) =>
                await jobs.TriggerAsync(name, ct) ? TypedResults.Accepted($"/api/jobs") : NotFound(name))
            .WithSummary("Run the job now (once, on whichever node picks it up).");

        api.MapPost("/{name}/pause", async (string name, JobsQueries jobs, CancellationToken ct) =>
                await jobs.PauseAsync(name, ct) ? TypedResults.NoContent() : NotFound(name))
            .WithSummary("Pause the job's schedule on every node.");

        api.MapPost("/{name}/resume", async (string name, JobsQueries jobs, CancellationToken ct) =>
                await jobs.ResumeAsync(name, ct) ? TypedResults.NoContent() : NotFound(name))
            .WithSummary("Resume the job's schedule.");
    }

    private static IResult NotFound(string name) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
        title: "Job not found.", detail: $"There is no job '{name}'.");
}
