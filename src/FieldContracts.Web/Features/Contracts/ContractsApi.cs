using System.Security.Claims;
using FieldContracts.Data.Identity;
using FieldContracts.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FieldContracts.Web.Features.Contracts;

public static class ContractsApi
{
    public static IServiceCollection AddContracts(this IServiceCollection services) => services
        .AddScoped<ContractQueries>()
        .AddScoped<ImportContractHandler>()
        .AddScoped<UpdateContractSettingsHandler>()
        .AddScoped<Home.HomeQueries>();

    public static void MapContractsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/contracts").WithTags("Contracts");

        api.MapGet("/", async (ClaimsPrincipal user, ContractQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ListAsync(user, ct)))
            .RequireAuthorization(policy => policy.RequireRole(Roles.All))
            .WithSummary("The contracts the signed-in user may see.");

        api.MapGet("/{number}", async Task<Results<Ok<ContractOverview>, ProblemHttpResult>> (
                string number, ClaimsPrincipal user, ContractQueries queries, CancellationToken ct) =>
                await queries.OverviewAsync(number, user, ct) is { } overview
                    ? TypedResults.Ok(overview)
                    : ContractNotFound(number))
            .RequireAuthorization(policy => policy.RequireRole(Roles.All))
            .WithSummary("A contract: term, contractor, sites and areas, settings, price lines.");

        api.MapPost("/", async (HttpRequest request, ClaimsPrincipal user, ImportContractHandler handler, CancellationToken ct) =>
            {
                var (document, problem) = await JsonBody.ReadAsync<ContractDocument>(request, ct);
                if (problem is not null)
                {
                    return problem;
                }

                return await handler.HandleAsync(document!, user.Identity?.Name ?? "unknown", ct) switch
                {
                    ImportResult.Created created => TypedResults.Created($"/api/contracts/{created.Number}", new { created.Number }),
                    ImportResult.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors, title: "The contract is not valid."),
                    ImportResult.NumberTaken taken => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                        title: "A contract with this number exists.", detail: $"Contract {taken.Number} is already set up."),
                    _ => throw new InvalidOperationException(),
                };
            })
            .RequireAuthorization(policy => policy.RequireRole(Roles.Purchasing))
            .Accepts<ContractDocument>("application/json")
            .Produces(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Purchasing sets up a contract after award.");

        api.MapPut("/{number}/settings", async (string number, HttpRequest request, ClaimsPrincipal user,
                UpdateContractSettingsHandler handler, CancellationToken ct) =>
            {
                var (document, problem) = await JsonBody.ReadAsync<SettingsDocument>(request, ct);
                if (problem is not null)
                {
                    return problem;
                }

                return await handler.HandleAsync(number, document!, user.Identity?.Name ?? "unknown", ct) switch
                {
                    UpdateSettingsResult.Updated updated => TypedResults.Ok(updated.Settings),
                    UpdateSettingsResult.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors, title: "The settings are not valid."),
                    UpdateSettingsResult.ChangedMeanwhile => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                        title: "The plan changed meanwhile.", detail: Schedule.PlanEditError.ChangedMeanwhile.Message),
                    UpdateSettingsResult.NothingToChange nothing => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                        title: "Nothing to change.", detail: nothing.Detail),
                    _ => ContractNotFound(number),
                };
            })
            .RequireAuthorization(policy => policy.RequireRole(Roles.Purchasing))
            .Accepts<SettingsDocument>("application/json")
            .Produces<SettingsView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Purchasing changes a contract's settings.");
    }

    // The same answer whether the contract does not exist or the caller may not see it.
    private static ProblemHttpResult ContractNotFound(string number) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Contract not found.",
        detail: $"There is no contract {number} that you can see.");
}
