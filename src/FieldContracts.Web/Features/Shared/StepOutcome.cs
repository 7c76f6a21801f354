namespace FieldContracts.Web.Features.Shared;

/// <summary>What became of a step someone took (on a deficiency, a deliverable): the edge maps it to a page or problem details.</summary>
public abstract record StepOutcome
{
    private StepOutcome()
    {
    }

    public sealed record Done(Guid Id) : StepOutcome;

    public sealed record NotFound(string Detail) : StepOutcome;

    public sealed record Invalid(string Path, string Message) : StepOutcome;

    public sealed record Conflict(string Title, string Detail) : StepOutcome;

    public sealed record Forbidden(string Detail) : StepOutcome;

    /// <summary>Why the step was not taken, in words for the page; null when it was.</summary>
    public string? Refusal => this switch
    {
        Done => null,
        Invalid invalid => invalid.Message,
        Conflict conflict => conflict.Detail,
        Forbidden forbidden => forbidden.Detail,
        NotFound notFound => notFound.Detail,
        _ => "The step was refused.",
    };
}

/// <summary>Step outcomes as the API answers them: the view when done, else problem details with the status that fits.</summary>
public static class StepResults
{
    public static async Task<IResult> ToResultAsync<TView>(this StepOutcome outcome, Func<Guid, Task<TView>> view) => outcome switch
    {
        StepOutcome.Done done => TypedResults.Ok(await view(done.Id)),
        StepOutcome.Invalid invalid => Infrastructure.JsonBody.Invalid(invalid.Path, invalid.Message),
        StepOutcome.Conflict conflict => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: conflict.Title, detail: conflict.Detail),
        StepOutcome.Forbidden forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not yours to do.",
            detail: forbidden.Detail),
        StepOutcome.NotFound notFound => NotFound(notFound.Detail),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError),
    };

    public static IResult NotFound(string detail) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: detail);
}
