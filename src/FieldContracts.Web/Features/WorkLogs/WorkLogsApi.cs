using System.Security.Claims;
using FieldContracts.Administration.WorkLogs;
using FieldContracts.Data.Identity;
using FieldContracts.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using NodaTime.Text;

namespace FieldContracts.Web.Features.WorkLogs;

public static class WorkLogsApi
{
    /// <summary>Six photos of at most 10 MB, and the rest of the form.</summary>
    public const long MaxRequestBytes = PhotoStore.MaxPerVisit * PhotoStore.MaxBytes + 1024 * 1024;

    public static IServiceCollection AddWorkLogs(this IServiceCollection services) => services
        .AddSingleton(provider => PhotoStore.FromConfiguration(provider.GetRequiredService<IConfiguration>(),
            provider.GetRequiredService<IHostEnvironment>()))
        .AddScoped<VisitChecks>()
        .AddScoped<SubmitVisit>()
        .AddScoped<CorrectVisit>()
        .AddScoped<ReviewVisit>()
        .AddScoped<AddVisitPhotos>()
        .AddScoped<RecordNotice>()
        .AddScoped<WorkLogQueries>();

    public static void MapWorkLogsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/worklogs").WithTags("Work logs");

        api.MapPost("", async (HttpRequest request, ClaimsPrincipal user, SubmitVisit submit, WorkLogQueries queries, CancellationToken ct) =>
            {
                var (body, problem) = await JsonBody.ReadAsync<VisitRequest>(request, ct);
                if (problem is not null)
                {
                    return problem;
                }

                var header = request.Headers["Idempotency-Key"].ToString();
                if (header.Length > 0 && body!.IdempotencyKey is { Length: > 0 } field && field != header)
                {
                    return JsonBody.Invalid("idempotencyKey", "The Idempotency-Key header and the idempotencyKey field differ.");
                }

                var visit = header.Length > 0 ? body! with { IdempotencyKey = header } : body!;
                return await Answer(await submit.HandleAsync(user, visit, [], ct), user, queries, ct);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Contractor))
            .Accepts<VisitRequest>("application/json")
            .Produces<WorkLogView>(StatusCodes.Status201Created)
            .Produces<WorkLogView>()
            .WithSummary("Log a visit: the planned work done, times, crew, heights of cut, and the chemical application record.")
            .WithDescription("Send an Idempotency-Key header (or idempotencyKey field) made once per visit: a retry with the same key " +
                             "answers 200 with the visit already logged and never creates a second one. A chemical application " +
                             "without a recorded notice sent the contract's lead time before, naming its day, is refused (409) " +
                             "unless application.emergencyReason says why it could not wait; it is then flagged to the Athletic Director.");

        api.MapGet("", async (string? from, string? to, ClaimsPrincipal user, WorkLogQueries queries, CancellationToken ct) =>
            {
                var (start, end, errors) = Range(from, to, null);
                return errors.Count > 0
                    ? (IResult)TypedResults.ValidationProblem(errors, title: "The filter is not valid.")
                    : TypedResults.Ok(await queries.LogsAsync(user, start, end, ct));
            })
            .RequireAuthorization(p => p.RequireRole(Roles.All))
            .Produces<IReadOnlyList<WorkLogSummary>>()
            .WithSummary("Visits the caller can see, newest first; from and to (yyyy-MM-dd) limit the days.");

        api.MapGet("/planned", async (string? from, string? to, ClaimsPrincipal user, WorkLogQueries queries, ZonedClock clock,
                CancellationToken ct) =>
            {
                var today = clock.GetCurrentDate();
                var (start, end, errors) = Range(from, to, today);
                return errors.Count > 0
                    ? (IResult)TypedResults.ValidationProblem(errors, title: "The filter is not valid.")
                    : TypedResults.Ok(await queries.PlannedAsync(user, start!.Value, end ?? start.Value.PlusDays(6), ct));
            })
            .RequireAuthorization(p => p.RequireRole(Roles.All))
            .Produces<IReadOnlyList<PlannedWork>>()
            .WithSummary("Planned work to log: by default today and the six days after.");

        api.MapGet("/review", async (ClaimsPrincipal user, WorkLogQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ReviewQueueAsync(user, ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.AthleticDirector, Roles.Purchasing))
            .Produces<ReviewQueue>()
            .WithSummary("Visits awaiting verification, applications made as emergencies, and open deficiency candidates.");

        api.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, WorkLogQueries queries, CancellationToken ct) =>
                await queries.ViewAsync(user, id, ct) is { } view ? (IResult)TypedResults.Ok(view) : NotFound($"There is no visit {id} that you can see."))
            .RequireAuthorization(p => p.RequireRole(Roles.All))
            .Produces<WorkLogView>()
            .WithSummary("One visit: every version, review step, photo and check raised.");

        api.MapPost("/{id:guid}/corrections", async (Guid id, HttpRequest request, ClaimsPrincipal user, CorrectVisit correct,
                WorkLogQueries queries, CancellationToken ct) =>
            {
                var (body, problem) = await JsonBody.ReadAsync<VisitRequest>(request, ct);
                return problem ?? await Answer(await correct.HandleAsync(user, id, body!, ct), user, queries, ct);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Contractor))
            .Accepts<VisitRequest>("application/json")
            .Produces<WorkLogView>()
            .WithSummary("Correct a visit: a new version with why; the earlier versions are kept and the visit awaits verification again.");

        api.MapPost("/{id:guid}/photos", async (Guid id, HttpRequest request, ClaimsPrincipal user, AddVisitPhotos addPhotos,
                WorkLogQueries queries, CancellationToken ct) =>
            {
                if (!request.HasFormContentType)
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
                        title: "Send the photos as multipart/form-data.", detail: "One or more files in fields named photos.");
                }

                var form = await request.ReadFormAsync(ct);
                var uploads = await FileUpload.ReadAllAsync(form.Files, PhotoStore.MaxBytes, ct);
                return await Answer(await addPhotos.HandleAsync(user, id, uploads, ct), user, queries, ct);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Contractor))
            .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes))
            .Accepts<IFormFileCollection>("multipart/form-data")
            .Produces<WorkLogView>()
            .WithSummary("Add photos to a visit: JPEG, PNG or HEIC, at most 10 MB each and 6 a visit; the type is read from the bytes.");

        api.MapGet("/{id:guid}/photos/{photoId:guid}", async (Guid id, Guid photoId, ClaimsPrincipal user, WorkLogQueries queries,
                PhotoStore store, CancellationToken ct) =>
                await queries.PhotoAsync(user, id, photoId, ct) is { } photo && store.Open(photo.StoragePath) is { } stream
                    ? Results.File(stream, photo.ContentType, photo.FileName)
                    : NotFound("There is no such photo that you can see."))
            .RequireAuthorization(p => p.RequireRole(Roles.All))
            .WithSummary("A photo of a visit.");

        MapReview(api, "verify", ReviewAction.Verify, Roles.AthleticDirector,
            "The Athletic Director verifies a visit: the work was done as logged. Nobody verifies what they submitted.");
        MapReview(api, "dispute", ReviewAction.Dispute, Roles.AthleticDirector,
            "The Athletic Director disputes a visit, saying what is wrong; the contractor may answer or correct it.");
        MapReview(api, "answer", ReviewAction.Answer, Roles.Contractor, "The contractor answers a dispute.");

        api.MapPost("/notices", async (HttpRequest request, ClaimsPrincipal user, RecordNotice recordNotice, WorkLogQueries queries,
                CancellationToken ct) =>
            {
                var (body, problem) = await JsonBody.ReadAsync<NoticeRequest>(request, ct);
                if (problem is not null)
                {
                    return problem;
                }

                return await recordNotice.HandleAsync(user, body!, ct) switch
                {
                    WorkLogOutcome.Done => TypedResults.Ok(await queries.NoticesAsync(body!.OccurrenceId!.Value, ct)),
                    var other => Problem(other),
                };
            })
            .RequireAuthorization(p => p.RequireRole(Roles.AthleticDirector, Roles.Contractor))
            .Accepts<NoticeRequest>("application/json")
            .Produces<IReadOnlyList<NoticeView>>()
            .WithSummary("Record a chemical pre-notification as given (spec VII): for which application, when it went out, the day it named, how.");
    }

    private static void MapReview(RouteGroupBuilder api, string path, ReviewAction action, string role, string summary) =>
        api.MapPost($"/{{id:guid}}/{path}", async (Guid id, HttpRequest request, ClaimsPrincipal user, ReviewVisit review,
                WorkLogQueries queries, CancellationToken ct) =>
            {
                var text = (string?)null;
                if (request.ContentLength is > 0 || request.Headers.ContentType.Count > 0)
                {
                    var (body, problem) = await JsonBody.ReadAsync<ReviewRequest>(request, ct);
                    if (problem is not null)
                    {
                        return problem;
                    }

                    text = body!.Text;
                }

                return await Answer(await review.HandleAsync(user, id, action, text, ct), user, queries, ct);
            })
            .RequireAuthorization(p => p.RequireRole(role))
            .Accepts<ReviewRequest>("application/json")
            .Produces<WorkLogView>()
            .WithSummary(summary);

    private static async Task<IResult> Answer(WorkLogOutcome outcome, ClaimsPrincipal user, WorkLogQueries queries, CancellationToken ct)
    {
        if (outcome is not WorkLogOutcome.Done done)
        {
            return Problem(outcome);
        }

        var view = await queries.ViewAsync(user, done.Id, ct);
        return done.Created ? TypedResults.Created($"/api/worklogs/{done.Id}", view) : TypedResults.Ok(view);
    }

    private static IResult Problem(WorkLogOutcome outcome) => outcome switch
    {
        WorkLogOutcome.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors, title: "The visit is not valid."),
        WorkLogOutcome.Conflict conflict => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: conflict.Title, detail: conflict.Detail),
        WorkLogOutcome.Forbidden forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not yours to do.", detail: forbidden.Detail),
        WorkLogOutcome.NotFound notFound => NotFound(notFound.Detail),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError),
    };

    private static IResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: detail);

    private static (LocalDate? From, LocalDate? To, Dictionary<string, string[]> Errors) Range(string? from, string? to, LocalDate? defaultFrom)
    {
        var errors = new Dictionary<string, string[]>();
        LocalDate? Parse(string name, string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            var parsed = LocalDatePattern.Iso.Parse(text);
            if (!parsed.Success)
            {
                errors[name] = ["Give a date as yyyy-MM-dd."];
                return null;
            }

            return parsed.Value;
        }

        var start = Parse("from", from) ?? defaultFrom;
        var end = Parse("to", to);
        if (start is { } s && end is { } e && e < s)
        {
            errors["to"] = ["The last day cannot come before the first."];
        }

        return (start, end, errors);
    }
}
