using System.Security.Claims;
using FieldContracts.Administration.Deliverables;
using FieldContracts.Data.Identity;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace FieldContracts.Web.Features.Deliverables;

/// <summary>A review of a deliverable: the reason, when it is returned.</summary>
public sealed record DeliverableReviewRequest(string? Note);

public static class DeliverablesApi
{
    /// <summary>A document and the form around it.</summary>
    public const long MaxRequestBytes = DocumentStore.MaxBytes + 1024 * 1024;

    public static IServiceCollection AddDeliverables(this IServiceCollection services) => services
        .AddSingleton(provider => DocumentStore.FromConfiguration(provider.GetRequiredService<IConfiguration>(),
            provider.GetRequiredService<IHostEnvironment>()))
        .AddScoped<DeliverableQueries>()
        .AddScoped<HandInDeliverable>()
        .AddScoped<ReviewDeliverable>();

    public static void MapDeliverablesApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/contracts/{number}/deliverables", async (string number, ClaimsPrincipal user, DeliverableQueries queries,
                CancellationToken ct) =>
                await queries.ListAsync(user, number, ct) is { } list
                    ? Results.Ok(list)
                    : StepResults.NotFound($"There is no contract {number} that you can see."))
            .RequireAuthorization()
            .WithTags("Deliverables")
            .Produces<IReadOnlyList<DeliverableView>>()
            .WithSummary("The deliverables the plan expects (item 2b's report, item 3e's treatment plan): due day, recipient, where each stands.");

        var api = endpoints.MapGroup("/api/deliverables").WithTags("Deliverables").RequireAuthorization();
        api.MapGet("/{occurrenceId:guid}", async (Guid occurrenceId, ClaimsPrincipal user, DeliverableQueries queries, CancellationToken ct) =>
                await queries.OneAsync(user, occurrenceId, ct) is { } one
                    ? Results.Ok(one)
                    : StepResults.NotFound($"There is no deliverable of planned work {occurrenceId} that you can see."))
            .Produces<DeliverableView>()
            .WithSummary("One deliverable, by the planned work it ends, with every hand-in and review.");

        api.MapPost("/{occurrenceId:guid}/document", async (Guid occurrenceId, HttpRequest request, ClaimsPrincipal user, HandInDeliverable handIn,
                DeliverableQueries queries, CancellationToken ct) =>
            {
                if (!request.HasFormContentType)
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
                        title: "Send the document as multipart/form-data.", detail: "One file in a field named document.");
                }

                var form = await request.ReadFormAsync(ct);
                var file = form.Files.GetFile("document");
                var upload = file is null ? null : await FileUpload.ReadAsync(file, DocumentStore.MaxBytes, ct);
                return await (await handIn.HandleAsync(user, occurrenceId, upload, ct)).ToResultAsync(id => queries.OneAsync(user, id, ct));
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Contractor))
            .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes))
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<DeliverableView>()
            .WithSummary("The contractor hands in the document (PDF, .docx or an image, at most 20 MB): first, or again after a return.");

        api.MapGet("/{occurrenceId:guid}/document", async (Guid occurrenceId, ClaimsPrincipal user, DeliverableQueries queries, DocumentStore store,
                CancellationToken ct) =>
                await queries.DocumentAsync(user, occurrenceId, ct) is { } document && store.Open(document) is { } stream
                    ? Results.File(stream, document.ContentType, document.FileName)
                    : StepResults.NotFound("Nothing handed in that you can see."))
            .RequireAuthorization(p => p.RequireRole(Roles.All))
            .WithSummary("The document last handed in.");

        MapReview(api, "accept", DeliverableAction.Accept, "The Athletic Director (or Purchasing) accepts the document handed in.");
        MapReview(api, "return", DeliverableAction.Return,
            "The Athletic Director (or Purchasing) returns the document with the reason (`note`); the contractor hands it in again.");
    }

    private static void MapReview(RouteGroupBuilder api, string path, DeliverableAction action, string summary) =>
        api.MapPost($"/{{occurrenceId:guid}}/{path}", async (Guid occurrenceId, HttpRequest request, ClaimsPrincipal user, ReviewDeliverable review,
                DeliverableQueries queries, CancellationToken ct) =>
            {
                var (body, problem) = await JsonBody.ReadAsync<DeliverableReviewRequest>(request, ct);
                if (problem is not null)
                {
                    return problem;
                }

                return await (await review.HandleAsync(user, occurrenceId, action, body!.Note, ct)).ToResultAsync(id => queries.OneAsync(user, id, ct));
            })
            .RequireAuthorization(p => p.RequireRole(Roles.AthleticDirector, Roles.Purchasing))
            .Accepts<DeliverableReviewRequest>("application/json")
            .Produces<DeliverableView>()
            .WithSummary(summary);
}
