using System.Security.Claims;
using FieldContracts.Data;
using FieldContracts.Data.Identity;
using FieldContracts.Web.Features.Complaints;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Features.WorkLogs;
using FieldContracts.Web.Infrastructure;
using NodaTime.Text;

namespace FieldContracts.Web.Features.Inspections;

/// <summary>
/// Inspections of a contract's schools: the checklist of a school on a day, recording one (JSON, photos by the hashes
/// <c>POST /api/contracts/{number}/photos</c> answered), the list and one inspection with its photos.
/// </summary>
public static class InspectionsApi
{
    public static IServiceCollection AddInspections(this IServiceCollection services) => services
        .AddScoped<InspectionQueries>()
        .AddScoped<RecordInspection>();

    public static void MapInspectionsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/contracts/{number}/inspections").WithTags("Inspections").RequireAuthorization();

        api.MapGet("", async (string number, ClaimsPrincipal user, InspectionQueries queries, CancellationToken ct) =>
                await queries.ListAsync(user, number, ct) is { } list
                    ? Results.Ok(list)
                    : StepResults.NotFound($"There is no contract {number} that you can see."))
            .Produces<IReadOnlyList<InspectionSummary>>()
            .WithSummary("The contract's inspections, newest first: school, day, inspector, lines checked and failed.");

        api.MapGet("/checklist", async (string number, string? school, string? on, ClaimsPrincipal user, InspectionQueries queries,
                FieldContractsDbContext db, NodaTime.ZonedClock clock, CancellationToken ct) =>
            {
                var contract = await ContractSchools.LoadAsync(db, user, number, ct);
                if (contract is null)
                {
                    return StepResults.NotFound($"There is no contract {number} that you can see.");
                }

                var day = clock.GetCurrentDate();
                if (!string.IsNullOrEmpty(on))
                {
                    var parsed = LocalDatePattern.Iso.Parse(on);
                    if (!parsed.Success)
                    {
                        return JsonBody.Invalid("on", "Give a date as yyyy-MM-dd.");
                    }

                    day = parsed.Value;
                }

                if (contract.School(school) is null)
                {
                    return JsonBody.Invalid("school", $"Give one of the contract's schools: {string.Join(", ", contract.Schools.Select(s => s.Code))}.");
                }

                return await queries.ChecklistAsync(contract, school, day, ct) is { } checklist
                    ? Results.Ok(checklist)
                    : StepResults.NotFound($"Contract {number} has no specification: there is no checklist to inspect by.");
            })
            .Produces<ChecklistView>()
            .ProducesValidationProblem()
            .WithSummary("The checklist of a school on a day (by default today), made from the contract's specification: the lines an " +
                         "inspection takes, by key, with the words and spec IV heights each is checked against.");

        api.MapPost("", async (string number, HttpRequest request, ClaimsPrincipal user, RecordInspection record, InspectionQueries queries,
                CancellationToken ct) =>
            {
                var (body, problem) = await JsonBody.ReadAsync<InspectionRequest>(request, ct);
                if (problem is not null)
                {
                    return problem;
                }

                return await record.HandleAsync(user, number, body!, new Dictionary<int, IReadOnlyList<PhotoReference>>(), null, ct) switch
                {
                    FilingOutcome.Done done => TypedResults.Created($"/api/contracts/{Uri.EscapeDataString(number)}/inspections/{done.Id}",
                        await queries.OneAsync(user, number, done.Id, ct)),
                    var refused => Filing.Problem(refused, "The inspection is not valid."),
                };
            })
            .RequireAuthorization(p => p.RequireRole(Roles.AthleticDirector, Roles.Purchasing))
            .Accepts<InspectionRequest>("application/json")
            .Produces<InspectionView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .WithSummary("Record an inspection of a school: each line checked, by its checklist key; each failed line is a deficiency in the " +
                         "register, emailed to the contractor.")
            .WithDescription("{\"school\":\"WHS\",\"inspectedOn\":\"2003-06-10\",\"lines\":[{\"line\":\"height:…\",\"measuredInches\":4.5}," +
                             "{\"line\":\"irrigation\",\"passed\":false,\"note\":\"…\",\"photos\":[sha256…]}]}. A height line's figure " +
                             "decides against spec IV for the area's season that day; other lines take passed, and a note when failed.");

        api.MapGet("/{id:guid}", async (string number, Guid id, ClaimsPrincipal user, InspectionQueries queries, CancellationToken ct) =>
                await queries.OneAsync(user, number, id, ct) is { } one
                    ? Results.Ok(one)
                    : StepResults.NotFound($"There is no inspection {id} of contract {number} that you can see."))
            .Produces<InspectionView>()
            .WithSummary("One inspection: every line checked with its figure, verdict, note, photos and the deficiency it raised.");

        api.MapGet("/{id:guid}/photos/{sha256}", async (string number, Guid id, string sha256, ClaimsPrincipal user, InspectionQueries queries,
                PhotoStore store, CancellationToken ct) =>
                await queries.PhotoAsync(user, number, id, sha256, ct) is { } photo
                && store.Open(ContentAddressedFiles.PathOf(photo.Sha256)) is { } stream
                    ? Results.File(stream, photo.ContentType, photo.FileName)
                    : StepResults.NotFound("There is no such photo that you can see."))
            .WithSummary("A photo of one of the inspection's lines, by its sha256.");
    }
}
