using System.Security.Claims;
using FieldContracts.Data.Identity;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Infrastructure;

namespace FieldContracts.Web.Features.Subcontracting;

/// <summary>Purchasing's decision: an optional note on an approval.</summary>
public sealed record ApproveSubcontractRequest(string? Note);

/// <summary>Purchasing's refusal, with its reason (required); or the contractor's withdrawal, with an optional reason.</summary>
public sealed record SubcontractReasonRequest(string? Reason);

public static class SubcontractingApi
{
    public static IServiceCollection AddSubcontracting(this IServiceCollection services) => services
        .AddScoped<SubcontractingQueries>()
        .AddScoped<SubcontractSteps>();

    public static void MapSubcontractingApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/contracts/{number}/subcontracting").WithTags("Subcontracting")
            .RequireAuthorization(p => p.RequireRole(Roles.All));

        api.MapGet("", async (string number, ClaimsPrincipal user, SubcontractingQueries queries, CancellationToken ct) =>
                await queries.ViewAsync(user, number, ct) is { } view ? Results.Ok(view) : NoContract(number))
            .Produces<SubcontractingView>()
            .WithSummary("The contract's sub-contracting setting with the bid's two contradicting passages (which one it follows), every request with where it stands, and the approved sub-contractors.");

        api.MapPost("/requests", async (string number, HttpRequest request, ClaimsPrincipal user, SubcontractSteps steps,
                SubcontractingQueries queries, CancellationToken ct) =>
                await WithBodyAsync<SubcontractRequestInput>(request, ct, async body =>
                    await ToResultAsync(await steps.RequestAsync(user, number, body, ct), id => OneAsync(queries, user, number, id, ct))))
            .RequireAuthorization(p => p.RequireRole(Roles.Contractor))
            .Accepts<SubcontractRequestInput>("application/json")
            .Produces<SubcontractRequestView>()
            .WithSummary("The contractor asks Purchasing's prior approval (spec VI) of a sub-contractor: its name, address, a contact, and the items of the specification (\"3a\") or other work it would do. Refused with the bid's words where the contract does not permit sub-contracting.");

        api.MapPost("/requests/{id:guid}/approve", async (string number, Guid id, HttpRequest request, ClaimsPrincipal user,
                SubcontractSteps steps, SubcontractingQueries queries, CancellationToken ct) =>
                await WithOptionalBodyAsync<ApproveSubcontractRequest>(request, ct, async body =>
                    await ToResultAsync(await steps.ApproveAsync(user, number, id, body?.Note, ct), _ => OneAsync(queries, user, number, id, ct))))
            .RequireAuthorization(p => p.RequireRole(Roles.Purchasing))
            .Accepts<ApproveSubcontractRequest>("application/json")
            .Produces<SubcontractRequestView>()
            .WithSummary("Purchasing approves a pending request, with an optional note; the sub-contractor may work on the items named from today. Never by whoever asked; of two decisions at once the second is a 409.");

        api.MapPost("/requests/{id:guid}/refuse", async (string number, Guid id, HttpRequest request, ClaimsPrincipal user,
                SubcontractSteps steps, SubcontractingQueries queries, CancellationToken ct) =>
                await WithBodyAsync<SubcontractReasonRequest>(request, ct, async body =>
                    await ToResultAsync(await steps.RefuseAsync(user, number, id, body.Reason, ct), _ => OneAsync(queries, user, number, id, ct))))
            .RequireAuthorization(p => p.RequireRole(Roles.Purchasing))
            .Accepts<SubcontractReasonRequest>("application/json")
            .Produces<SubcontractRequestView>()
            .WithSummary("Purchasing refuses a pending request with its reason (required). Of two decisions at once the second is a 409.");

        api.MapPost("/requests/{id:guid}/withdraw", async (string number, Guid id, HttpRequest request, ClaimsPrincipal user,
                SubcontractSteps steps, SubcontractingQueries queries, CancellationToken ct) =>
                await WithOptionalBodyAsync<SubcontractReasonRequest>(request, ct, async body =>
                    await ToResultAsync(await steps.WithdrawAsync(user, number, id, body?.Reason, ct), _ => OneAsync(queries, user, number, id, ct))))
            .RequireAuthorization(p => p.RequireRole(Roles.Contractor))
            .Accepts<SubcontractReasonRequest>("application/json")
            .Produces<SubcontractRequestView>()
            .WithSummary("The contractor withdraws a pending request, with an optional reason; a decided one stays as decided.");
    }

    private static async Task<SubcontractRequestView?> OneAsync(SubcontractingQueries queries, ClaimsPrincipal user, string number, Guid id,
        CancellationToken ct) =>
        (await queries.ViewAsync(user, number, ct))?.Requests.FirstOrDefault(r => r.Id == id);

    private static async Task<IResult> ToResultAsync(SubcontractOutcome outcome, Func<Guid, Task<SubcontractRequestView?>> view) => outcome switch
    {
        SubcontractOutcome.Done done => TypedResults.Ok(await view(done.Id)),
        SubcontractOutcome.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors, title: "The request is not valid."),
        SubcontractOutcome.Refused refused => TypedResults.Problem(statusCode: refused.Status, title: refused.Title, detail: refused.Detail),
        SubcontractOutcome.NotFound notFound => StepResults.NotFound(notFound.Detail),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError),
    };

    private static async Task<IResult> WithBodyAsync<T>(HttpRequest request, CancellationToken ct, Func<T, Task<IResult>> handle)
        where T : class
    {
        var (body, problem) = await JsonBody.ReadAsync<T>(request, ct);
        return problem ?? await handle(body!);
    }

    // A step whose body is all optional may be posted without one.
    private static Task<IResult> WithOptionalBodyAsync<T>(HttpRequest request, CancellationToken ct, Func<T?, Task<IResult>> handle)
        where T : class =>
        request.ContentLength is null or 0 && !request.HasJsonContentType()
            ? handle(null)
            : WithBodyAsync<T>(request, ct, body => handle(body));

    private static IResult NoContract(string number) => StepResults.NotFound($"There is no contract {number} that you can see.");
}
