using FieldContracts.Data.Identity;

namespace FieldContracts.Web.Features.Jobs;

public static class JobsApi
{
    /// <summary>
    /// The recurring jobs for Purchasing, and "run now" for scripts and tests. Everything else (history, retries,
    /// failures) is on the dashboard at <c>/jobs</c>.
    /// </summary>
    public static void MapJobsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/jobs").WithTags("Jobs").RequireAuthorization(p => p.RequireRole(Roles.Purchasing));

        api.MapGet("/", (JobsQueries jobs) => TypedResults.Ok(jobs.List()))
            .Produces<IReadOnlyList<JobView>>()
            .WithSummary("Each recurring job: schedule, next run (Hartford time), and its last run.");

        api.MapPost("/{id}/trigger", (string id, JobsQueries jobs) =>
                jobs.Trigger(id) is { } run
                    ? TypedResults.Accepted($"/api/jobs/runs/{run}", new TriggeredRun(id, run))
                    : Problem(StatusCodes.Status404NotFound, "Job not found.", $"There is no job '{id}'."))
            .Produces<TriggeredRun>(StatusCodes.Status202Accepted)
            .WithSummary("Run the job now, once, on whichever instance takes it first. The answer names the run.");

        api.MapGet("/runs/{run}", (string run, JobsQueries jobs) =>
                jobs.Run(run) is { } view
                    ? TypedResults.Ok(view)
                    : Problem(StatusCodes.Status404NotFound, "Run not found.", $"There is no run '{run}' (finished runs are kept for a day)."))
            .Produces<JobRunView>()
            .WithSummary("One run: its state (Enqueued, Processing, Succeeded, Failed, ...), what it did or why it failed.");
    }

    private static IResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}

public sealed record TriggeredRun(string Job, string Run);
