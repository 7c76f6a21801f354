using System.Security.Claims;
using FieldContracts.Administration.Deficiencies;
using FieldContracts.Data.Identity;
using FieldContracts.Web.Features.Deficiencies;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Features.WorkLogs;
using FieldContracts.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace FieldContracts.Web.Features.Complaints;

/// <summary>
/// Complaints, and the photos given as evidence with complaints and inspections: <c>POST
/// /api/contracts/{number}/complaints</c> as JSON (photos by the hashes <c>POST /api/contracts/{number}/photos</c>
/// answered) or as multipart/form-data with the photos in it; a deficiency's photos at <c>GET
/// /api/deficiencies/{id}/photos/{photoId}</c>.
/// </summary>
public static class ComplaintsApi
{
    /// <summary>Six photos of at most 10 MB, and the rest of the form.</summary>
    public const long MaxRequestBytes = EvidencePhoto.MaxPerFinding * PhotoStore.MaxBytes + 1024 * 1024;

    public static IServiceCollection AddComplaints(this IServiceCollection services) => services
        .AddScoped<EvidencePhotos>()
        .AddScoped<FileComplaint>();

    public static void MapComplaintsApi(this IEndpointRouteBuilder endpoints)
    {
        var contract = endpoints.MapGroup("/api/contracts/{number}").RequireAuthorization();

        contract.MapPost("/complaints", async (string number, HttpRequest request, ClaimsPrincipal user, FileComplaint file,
                DeficiencyQueries queries, CancellationToken ct) =>
            {
                ComplaintRequest body;
                IReadOnlyList<FileUpload> uploads = [];
                if (request.HasFormContentType)
                {
                    var form = await request.ReadFormAsync(ct);
                    var (areas, areaErrors) = Ids(form["areaIds"]);
                    if (areaErrors.Count > 0)
                    {
                        return TypedResults.ValidationProblem(areaErrors, title: "The complaint is not valid.");
                    }

                    body = new ComplaintRequest(form["school"], areas, form["text"], form["photoHashes"].Where(h => !string.IsNullOrEmpty(h)).ToList()!);
                    uploads = await FileUpload.ReadAllAsync(form.Files.GetFiles("photos"), PhotoStore.MaxBytes, ct);
                }
                else
                {
                    var (json, problem) = await JsonBody.ReadAsync<ComplaintRequest>(request, ct);
                    if (problem is not null)
                    {
                        return problem;
                    }

                    body = json!;
                }

                return await file.HandleAsync(user, number, body, [], uploads, ct) switch
                {
                    FilingOutcome.Done done => TypedResults.Created($"/api/deficiencies/{done.Id}", await queries.OneAsync(user, done.Id, ct)),
                    var refused => Filing.Problem(refused, "The complaint is not valid."),
                };
            })
            .RequireAuthorization(p => p.RequireRole(Roles.AthleticDirector, Roles.Purchasing))
            .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes))
            .WithTags("Complaints")
            .Accepts<ComplaintRequest>("application/json", "multipart/form-data")
            .Produces<DeficiencyDetail>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .WithSummary("File a complaint about a school (and some of its areas): one deficiency in the register, an email to the contractor.")
            .WithDescription("JSON: {\"school\":\"BHS\",\"areaIds\":[…],\"text\":\"…\",\"photos\":[sha256…]}, the photos stored first with " +
                             "POST /api/contracts/{number}/photos. Or multipart/form-data: fields school, areaIds (repeated), text, " +
                             "photoHashes (repeated) and files photos (JPEG, PNG or HEIC, at most 10 MB each, 6 a complaint). A 400 names " +
                             "each bad field and, under keptPhotos, the photos it stored, to send again by hash.");

        contract.MapPost("/photos", async (string number, HttpRequest request, ClaimsPrincipal user, EvidencePhotos photos,
                FieldContracts.Data.FieldContractsDbContext db, CancellationToken ct) =>
            {
                if (!await db.Contracts.VisibleTo(user).AnyAsync(c => c.Number == number, ct))
                {
                    return StepResults.NotFound($"There is no contract {number} that you can see.");
                }

                if (!request.HasFormContentType)
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
                        title: "Send the photos as multipart/form-data.", detail: "One or more files in fields named photos.");
                }

                var form = await request.ReadFormAsync(ct);
                var uploads = await FileUpload.ReadAllAsync(form.Files.GetFiles("photos"), PhotoStore.MaxBytes, ct);
                if (uploads.Count == 0)
                {
                    return JsonBody.Invalid("photos", "Attach at least one photo.");
                }

                var gathered = await photos.GatherAsync([], uploads, "photos", "at a time", ct);
                return gathered.Errors.Count > 0
                    ? TypedResults.ValidationProblem(gathered.Errors, title: "The photos are not valid.")
                    : TypedResults.Ok(gathered.Photos.Select(p => new Inspections.EvidencePhotoView(p.Sha256, p.FileName, p.ContentType, p.SizeBytes)).ToList());
            })
            .RequireAuthorization(p => p.RequireRole(Roles.AthleticDirector, Roles.Purchasing))
            .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes))
            .WithTags("Complaints", "Inspections")
            .Accepts<IFormFileCollection>("multipart/form-data")
            .Produces<IReadOnlyList<Inspections.EvidencePhotoView>>()
            .ProducesValidationProblem()
            .WithSummary("Store photos for a complaint or an inspection line: JPEG, PNG or HEIC by their bytes, 10 MB each, 6 at a time; " +
                         "answers each one's sha256 to name it by.");

        contract.MapGet("/photos/{sha256}", async (string number, string sha256, ClaimsPrincipal user, PhotoStore store,
                FieldContracts.Data.FieldContractsDbContext db, CancellationToken ct) =>
                await db.Contracts.VisibleTo(user).AnyAsync(c => c.Number == number, ct) && store.Find(sha256) is ({ } type, _)
                && store.Open(ContentAddressedFiles.PathOf(sha256)) is { } stream
                    ? Results.File(stream, type)
                    : StepResults.NotFound("There is no such photo."))
            .RequireAuthorization(p => p.RequireRole(Roles.AthleticDirector, Roles.Purchasing))
            .WithTags("Complaints", "Inspections")
            .WithSummary("A photo stored for a complaint or an inspection, by its sha256 (for a form to show what it keeps).");

        endpoints.MapGet("/api/deficiencies/{id:guid}/photos/{photoId:guid}", async (Guid id, Guid photoId, ClaimsPrincipal user,
                DeficiencyQueries queries, PhotoStore store, CancellationToken ct) =>
                await queries.PhotoAsync(user, id, photoId, ct) is { } photo && store.Open(ContentAddressedFiles.PathOf(photo.Sha256)) is { } stream
                    ? Results.File(stream, photo.ContentType, photo.FileName)
                    : StepResults.NotFound("There is no such photo that you can see."))
            .RequireAuthorization()
            .WithTags("Deficiencies")
            .WithSummary("A photo of a deficiency (a complaint's, an inspection line's).");
    }

    /// <summary>Form values as ids, with an error at <c>areaIds[i]</c> for each that is not one.</summary>
    private static (List<Guid> Ids, Dictionary<string, string[]> Errors) Ids(Microsoft.Extensions.Primitives.StringValues values)
    {
        var ids = new List<Guid>();
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < values.Count; i++)
        {
            if (Guid.TryParse(values[i], out var id))
            {
                ids.Add(id);
            }
            else
            {
                errors[$"areaIds[{i}]"] = ["Not an area id."];
            }
        }

        return (ids, errors);
    }
}

/// <summary>Filing outcomes as the API answers them when refused.</summary>
public static class Filing
{
    public static IResult Problem(FilingOutcome outcome, string title) => outcome switch
    {
        FilingOutcome.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors, title: title,
            extensions: invalid.Kept.Values.Any(k => k.Count > 0)
                ? new Dictionary<string, object?>
                {
                    ["keptPhotos"] = invalid.Kept.Where(k => k.Value.Count > 0).ToDictionary(k => k.Key, k => k.Value.Select(p => p.Sha256).ToList()),
                }
                : null),
        FilingOutcome.Forbidden forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not yours to do.",
            detail: forbidden.Detail),
        FilingOutcome.NotFound notFound => StepResults.NotFound(notFound.Detail),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError),
    };
}
