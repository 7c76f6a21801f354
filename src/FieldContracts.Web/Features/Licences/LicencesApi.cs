using System.Security.Claims;
using FieldContracts.Data.Identity;
using FieldContracts.Web.Features.Deliverables;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace FieldContracts.Web.Features.Licences;

public static class LicencesApi
{
    /// <summary>A scan and the form around it.</summary>
    public const long MaxRequestBytes = DocumentStore.MaxBytes + 1024 * 1024;

    public static IServiceCollection AddLicences(this IServiceCollection services) => services.AddScoped<LicenceRegister>();

    public static void MapLicencesApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/contracts/{number}/licences").WithTags("Licences");
        api.MapGet("", async (string number, ClaimsPrincipal user, LicenceRegister register, CancellationToken ct) =>
                await register.ListAsync(user, number, ct) is { } list
                    ? Results.Ok(list)
                    : StepResults.NotFound($"There is no contract {number} that you can see."))
            .RequireAuthorization(p => p.RequireRole(Roles.All))
            .Produces<IReadOnlyList<LicenceView>>()
            .WithSummary("The licence register of the contract's contractor (spec V): holder, kind, category, number, issuer, validity, " +
                         "and today's standing (expired, expires in N days).");

        api.MapPost("", async (string number, HttpRequest request, ClaimsPrincipal user, LicenceRegister register, CancellationToken ct) =>
            {
                var (body, problem) = await JsonBody.ReadAsync<LicenceRequest>(request, ct);
                if (problem is not null)
                {
                    return problem;
                }

                return await ToResultAsync(await register.AddAsync(user, number, body!, null, ct), user, number, register, ct);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Contractor, Roles.Purchasing))
            .Accepts<LicenceRequest>("application/json")
            .Produces<LicenceView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .WithSummary("The contractor (or Purchasing) enters a licence into the register; refused with the field that is wrong.");

        api.MapPost("/{id:guid}/scan", async (string number, Guid id, HttpRequest request, ClaimsPrincipal user, LicenceRegister register,
                CancellationToken ct) =>
            {
                if (!request.HasFormContentType)
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
                        title: "Send the scan as multipart/form-data.", detail: "One file in a field named scan.");
                }

                var form = await request.ReadFormAsync(ct);
                var file = form.Files.GetFile("scan");
                var upload = file is null ? null : await FileUpload.ReadAsync(file, DocumentStore.MaxBytes, ct);
                return await ToResultAsync(await register.AttachScanAsync(user, number, id, upload, ct), user, number, register, ct, created: false);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Contractor, Roles.Purchasing))
            .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes))
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<LicenceView>()
            .ProducesValidationProblem()
            .WithSummary("Attaches the scan of a licence (PDF or JPEG, PNG or HEIC image, checked by its bytes, at most 20 MB).");

        api.MapGet("/{id:guid}/scan", async (string number, Guid id, ClaimsPrincipal user, LicenceRegister register, CancellationToken ct) =>
                await register.ScanAsync(user, number, id, ct) is { } scan
                    ? Results.File(scan.Stream, scan.ContentType, scan.FileName)
                    : StepResults.NotFound("No scan of that licence that you can see."))
            .RequireAuthorization(p => p.RequireRole(Roles.All))
            .WithSummary("The scan of a licence in the register.");
    }

    private static async Task<IResult> ToResultAsync(RegisterOutcome outcome, ClaimsPrincipal user, string number, LicenceRegister register,
        CancellationToken ct, bool created = true) => outcome switch
    {
        RegisterOutcome.Done done when await register.OneAsync(user, number, done.Id, ct) is { } view => created
            ? TypedResults.Created($"/api/contracts/{Uri.EscapeDataString(number)}/licences", view)
            : TypedResults.Ok(view),
        RegisterOutcome.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors, title: "The register refuses this licence."),
        RegisterOutcome.Forbidden forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not yours to do.",
            detail: forbidden.Detail),
        RegisterOutcome.NotFound notFound => StepResults.NotFound(notFound.Detail),
        _ => StepResults.NotFound($"There is no contract {number} that you can see."),
    };
}
