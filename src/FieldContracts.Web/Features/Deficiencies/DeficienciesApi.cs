using System.Security.Claims;
using FieldContracts.Administration.Deficiencies;
using FieldContracts.Data.Identity;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Infrastructure;

namespace FieldContracts.Web.Features.Deficiencies;

public static class DeficienciesApi
{
    public static IServiceCollection AddDeficiencies(this IServiceCollection services) => services
        .AddScoped<DeficiencyQueries>()
        .AddScoped<TakeDeficiencyStep>();

    public static void MapDeficienciesApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/contracts/{number}/deficiencies", async (string number, DeficiencyStatus? status, DeficiencyKind? kind,
                ClaimsPrincipal user, DeficiencyQueries queries, CancellationToken ct) =>
                await queries.ListAsync(user, number, status, kind, ct) is { } list
                    ? Results.Ok(list)
                    : StepResults.NotFound($"There is no contract {number} that you can see."))
            .RequireAuthorization()
            .WithTags("Deficiencies")
            .Produces<IReadOnlyList<DeficiencyDetail>>()
            .WithSummary("The contract's deficiency register: missed and late work, the checks of logged visits, complaints; with every step.");

        var api = endpoints.MapGroup("/api/deficiencies").WithTags("Deficiencies").RequireAuthorization();
        api.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, DeficiencyQueries queries, CancellationToken ct) =>
                await queries.OneAsync(user, id, ct) is { } one ? Results.Ok(one) : StepResults.NotFound($"There is no deficiency {id} that you can see."))
            .Produces<DeficiencyDetail>()
            .WithSummary("One deficiency with every step taken on it.");

        MapStep(api, "acknowledge", DeficiencyAction.Acknowledge, [Roles.Contractor],
            "The contractor acknowledges a deficiency, saying how it will be made good (`text`).");
        MapStep(api, "dispute", DeficiencyAction.Dispute, [Roles.Contractor], "The contractor disputes a deficiency, with its reasons (`text`).");
        MapStep(api, "uphold", DeficiencyAction.Uphold, [Roles.Purchasing], "Purchasing holds that a deficiency stands, with its reason (`text`).");
        MapStep(api, "withdraw", DeficiencyAction.Withdraw, [Roles.Purchasing], "Purchasing withdraws a deficiency, with its reason (`text`).");
        MapStep(api, "cure", DeficiencyAction.Cure, [Roles.AthleticDirector, Roles.Purchasing],
            "The Athletic Director (or Purchasing) verifies a deficiency cured: what cured it (`text`) and the visit (`cureWorkLogId`), if one.");
    }

    private static void MapStep(RouteGroupBuilder api, string path, DeficiencyAction action, string[] roles, string summary) =>
        api.MapPost($"/{{id:guid}}/{path}", async (Guid id, HttpRequest request, ClaimsPrincipal user, TakeDeficiencyStep step,
                DeficiencyQueries queries, CancellationToken ct) =>
            {
                var (body, problem) = await JsonBody.ReadAsync<DeficiencyStepRequest>(request, ct);
                if (problem is not null)
                {
                    return problem;
                }

                return await (await step.HandleAsync(user, id, action, body!, ct)).ToResultAsync(done => queries.OneAsync(user, done, ct));
            })
            .RequireAuthorization(p => p.RequireRole(roles))
            .Accepts<DeficiencyStepRequest>("application/json")
            .Produces<DeficiencyDetail>()
            .WithSummary(summary);
}
