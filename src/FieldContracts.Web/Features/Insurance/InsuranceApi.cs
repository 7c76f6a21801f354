using System.Security.Claims;
using System.Text.Json;
using FieldContracts.Data.Identity;
using FieldContracts.Web.Features.Deliverables;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using NodaTime.Text;

namespace FieldContracts.Web.Features.Insurance;

/// <summary>
/// A contract's insurance (special instruction 14 of #2685): the requirements as contract data, the certificates
/// (ACORD 25 with the PDF of it and its endorsements) and Purchasing's review of them, and the standing on a day.
/// </summary>
public static class InsuranceApi
{
    /// <summary>The certificate's PDF and the fields around it.</summary>
    public const long MaxRequestBytes = CertificateReading.MaxBytes + 1024 * 1024;

    public static IServiceCollection AddInsurance(this IServiceCollection services) => services
        .AddScoped<InsuranceQueries>()
        .AddScoped<InsuranceSteps>();

    public static void MapInsuranceApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/contracts/{number}/insurance").WithTags("Insurance").RequireAuthorization(p => p.RequireRole(Roles.All));

        api.MapGet("/requirements", async (string number, ClaimsPrincipal user, InsuranceQueries queries, CancellationToken ct) =>
                await queries.RequirementsAsync(user, number, ct) is { } view ? Results.Ok(view) : NoContract(number))
            .Produces<RequirementsView>()
            .WithSummary("The insurance the contract requires: each line with its limits, the least Best's rating, the days of notice of cancellation, " +
                         "when certificates are due, whether a lapse opens a performance case. isSet is false when none are set.");

        api.MapPut("/requirements", async (string number, HttpRequest request, ClaimsPrincipal user, InsuranceSteps steps, InsuranceQueries queries,
                CancellationToken ct) =>
            {
                var (body, problem) = await JsonBody.ReadAsync<RequirementsRequest>(request, ct);
                return problem ?? await (await steps.SetRequirementsAsync(user, number, body!, ct))
                    .ToResultAsync(_ => queries.RequirementsAsync(user, number, ct));
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Purchasing))
            .Accepts<RequirementsRequest>("application/json")
            .Produces<RequirementsView>()
            .ProducesValidationProblem()
            .WithSummary("Purchasing sets the contract's insurance requirements; the least Best's rating as text (\"A- VIII\").");

        api.MapPost("/requirements/bid-2685", async (string number, bool? lapseOpensCase, ClaimsPrincipal user, InsuranceSteps steps,
                InsuranceQueries queries, CancellationToken ct) =>
                await (await steps.ApplyBid2685Async(user, number, lapseOpensCase ?? false, ct)).ToResultAsync(_ => queries.RequirementsAsync(user, number, ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.Purchasing))
            .Produces<RequirementsView>()
            .WithSummary("Purchasing applies bid #2685's special instruction 14 over the contract's term, in one step (?lapseOpensCase=true to " +
                         "treat a lapse as a default).");

        api.MapGet("/certificates", async (string number, ClaimsPrincipal user, InsuranceQueries queries, CancellationToken ct) =>
                await queries.CertificatesAsync(user, number, ct) is { } list ? Results.Ok(list) : NoContract(number))
            .Produces<IReadOnlyList<CertificateSummaryView>>()
            .WithSummary("The certificates of insurance on file, the latest submitted first, with where each stands.");

        api.MapPost("/certificates", async (string number, HttpRequest request, ClaimsPrincipal user, InsuranceSteps steps, InsuranceQueries queries,
                CancellationToken ct) =>
            {
                if (!request.HasFormContentType)
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
                        title: "Send the certificate as multipart/form-data.",
                        detail: "A part named certificate with the fields as JSON, and the PDF in a part named document.");
                }

                var form = await request.ReadFormAsync(ct);
                var (body, problem) = await ReadCertificateAsync(form, ct);
                if (problem is not null)
                {
                    return problem;
                }

                var file = form.Files.GetFile("document");
                var upload = file is null ? null : await FileUpload.ReadAsync(file, CertificateReading.MaxBytes, ct);
                var outcome = await steps.SubmitAsync(user, number, body, upload, ct);
                if (outcome.Errors is { } errors)
                {
                    return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The certificate is not valid.");
                }

                if (outcome.Refused is { } refused)
                {
                    return await refused.ToResultAsync(_ => Task.FromResult<object?>(null));
                }

                return TypedResults.Created($"/api/contracts/{Uri.EscapeDataString(number)}/insurance/certificates/{outcome.Id}",
                    await queries.CertificateAsync(user, number, outcome.Id!.Value, ct));
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Contractor, Roles.Purchasing))
            .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes))
            .Accepts<CertificateRequest>("multipart/form-data")
            .Produces<CertificateView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .WithSummary("The contractor (or Purchasing, entering one received on paper) submits a certificate of insurance: the ACORD 25 fields as " +
                         "JSON in the part certificate, the PDF of the certificate and endorsements in the part document (a PDF by its bytes, at most " +
                         "10 MB). subcontractRequestId names an approved sub-contractor whose certificate it is.")
            .WithDescription("certificate: {\"issuedOn\":\"2003-05-08\",\"producer\":{\"name\":…,\"address\":…},\"insured\":{…},\"holder\":{…}," +
                             "\"insurers\":[{\"letter\":\"A\",\"name\":…,\"naicNumber\":\"12345\",\"rating\":\"A VIII\"}],\"coverages\":[{\"insurerLetter\":\"A\"," +
                             "\"kind\":\"CommercialGeneralLiability\",\"policyNumber\":…,\"effective\":\"2003-05-01\",\"expiration\":\"2004-05-01\"," +
                             "\"limits\":{\"Combined single limit\":1000000},\"statutory\":false,\"additionalInsured\":true,\"waiverOfSubrogation\":true," +
                             "\"basis\":\"Occurrence\"}],\"descriptionOfOperations\":…,\"cancellationNoticeDays\":30}. The expiration date is as printed: " +
                             "the first day not covered.");

        api.MapGet("/certificates/{id:guid}", async (string number, Guid id, ClaimsPrincipal user, InsuranceQueries queries, CancellationToken ct) =>
                await queries.CertificateAsync(user, number, id, ct) is { } view ? Results.Ok(view) : NoCertificate(number, id))
            .Produces<CertificateView>()
            .WithSummary("One certificate with all its fields, where it stands, and each line checked against the requirements as if accepted.");

        api.MapGet("/certificates/{id:guid}/document", async (string number, Guid id, ClaimsPrincipal user, InsuranceQueries queries, DocumentStore store,
                CancellationToken ct) =>
                await queries.DocumentAsync(user, number, id, ct) is { } document && store.Open(document.Sha256) is { } stream
                    ? Results.File(stream, CertificatePdf.ContentType, document.FileName)
                    : NoCertificate(number, id))
            .Produces(StatusCodes.Status200OK, contentType: CertificatePdf.ContentType)
            .WithSummary("The PDF of the certificate and its endorsements, as submitted.");

        MapReview(api, "accept", true, "Purchasing accepts a submitted certificate: from then on its lines count toward compliance.");
        MapReview(api, "reject", false, "Purchasing rejects a submitted certificate, with the reason; it never counts, and the contractor submits a new one.");

        api.MapGet("/compliance", async (string number, string? on, ClaimsPrincipal user, InsuranceQueries queries, CancellationToken ct) =>
            {
                var day = queries.Today();
                if (!string.IsNullOrEmpty(on))
                {
                    var parsed = LocalDatePattern.Iso.Parse(on);
                    if (!parsed.Success)
                    {
                        return JsonBody.Invalid("on", "Give a date as yyyy-MM-dd.");
                    }

                    day = parsed.Value;
                }

                return await queries.ComplianceAsync(user, number, day, ct) is { } view ? Results.Ok(view) : NoContract(number);
            })
            .Produces<ComplianceView>()
            .ProducesValidationProblem()
            .WithSummary("The standing on a day (?on=yyyy-MM-dd, today by default): each required line met, or why not in words (missing, below a " +
                         "limit, expired, rating too low, additional insured missing, …), and over the term the days covered and the gaps; the same " +
                         "for each approved sub-contractor, against its own certificates.");
    }

    private static void MapReview(RouteGroupBuilder api, string step, bool accept, string summary) =>
        api.MapPost($"/certificates/{{id:guid}}/{step}", async (string number, Guid id, HttpRequest request, ClaimsPrincipal user, InsuranceSteps steps,
                InsuranceQueries queries, CancellationToken ct) =>
            {
                CertificateReviewRequest body = new(null, null);
                if (request.ContentLength is > 0 || request.HasJsonContentType())
                {
                    var (read, problem) = await JsonBody.ReadAsync<CertificateReviewRequest>(request, ct);
                    if (problem is not null)
                    {
                        return problem;
                    }

                    body = read!;
                }

                return await (await steps.ReviewAsync(user, number, id, accept, body.Reason, body.Version, ct))
                    .ToResultAsync(_ => queries.CertificateAsync(user, number, id, ct));
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Purchasing))
            .Accepts<CertificateReviewRequest>("application/json")
            .Produces<CertificateView>()
            .ProducesValidationProblem()
            .WithSummary(summary + " Give the version read to refuse a review of a certificate changed since; of two reviews at once the second is a 409.");

    /// <summary>The certificate's fields: a form field or a file part named certificate, holding JSON.</summary>
    private static async Task<(CertificateRequest? Body, IResult? Problem)> ReadCertificateAsync(IFormCollection form, CancellationToken ct)
    {
        string? json = form["certificate"];
        if (json is null && form.Files.GetFile("certificate") is { } part)
        {
            using var reader = new StreamReader(part.OpenReadStream());
            json = await reader.ReadToEndAsync(ct);
        }

        if (string.IsNullOrWhiteSpace(json))
        {
            return (null, null);
        }

        try
        {
            return (JsonSerializer.Deserialize<CertificateRequest>(json, JsonConfiguration.Options), null);
        }
        catch (JsonException ex)
        {
            var at = ex.Path is { Length: > 1 } path ? "certificate" + path[1..] : "certificate";
            var message = ex.InnerException is not JsonException && ex.Message.Contains("could not be mapped", StringComparison.Ordinal)
                ? "The certificate has no such field: check its spelling against the API's description."
                : ex.Path is null ? "The certificate part is not well-formed JSON." : "This value is not of the expected type or form (dates as yyyy-MM-dd).";
            return (null, JsonBody.Invalid(at, message));
        }
    }

    private static IResult NoContract(string number) => StepResults.NotFound($"There is no contract {number} that you can see.");

    private static IResult NoCertificate(string number, Guid id) => StepResults.NotFound($"There is no certificate {id} on contract {number} that you can see.");
}
