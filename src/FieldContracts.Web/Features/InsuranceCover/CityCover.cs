using System.Security.Claims;
using FieldContracts.Administration.Insurance;
using FieldContracts.Data;
using FieldContracts.Data.Identity;
using FieldContracts.Web.Features.Billing;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Web.Features.InsuranceCover;

/// <summary>
/// Insurance the City bought at the contractor's expense: the line, the cost, the day bought, the policy's effective and
/// expiration dates (as printed), and a note.
/// </summary>
public sealed record CityCoverRequest(CoverageKind? Kind, decimal? Cost, LocalDate? BoughtOn, LocalDate? Effective, LocalDate? Expiration, string? Note);

/// <summary>One purchase as it stands in billing: the adjustment taking its cost off the installment of the period holding the day bought.</summary>
/// <param name="Amount">The adjustment, negative: the cost taken off.</param>
public sealed record CityCoverPurchaseView(Guid Id, LocalDate BoughtOn, decimal Amount, string Reason, string RecordedBy, Instant RecordedAt);

public sealed record CityCoverView(string ContractNumber, IReadOnlyList<CityCoverPurchaseView> Purchases);

/// <summary>
/// Purchasing records cover the City bought (special instruction 14, item 11). The rule is <see cref="CityBoughtCover"/>'s;
/// the cost goes through billing's own adjustment step, so it is validated, stored and drawn onto an installment as every
/// other adjustment is.
/// </summary>
public sealed class CityCoverSteps(FieldContractsDbContext db, BillingAdministration billing)
{
    public async Task<StepOutcome> RecordAsync(ClaimsPrincipal user, string number, CityCoverRequest request, CancellationToken ct)
    {
        var (cover, refusal) = CityBoughtCover.Record(request.Kind, request.Cost, request.BoughtOn, request.Effective, request.Expiration, request.Note);
        if (refusal is not null)
        {
            return new StepOutcome.Invalid(refusal.Field, refusal.Message);
        }

        return await billing.AddAdjustmentAsync(user, number, cover!.BoughtOn, cover.Deduction.Amount, cover.Reason, ct);
    }

    /// <summary>The contract's purchases, the earliest first; null when the user cannot see the contract.</summary>
    public async Task<CityCoverView?> ListAsync(ClaimsPrincipal user, string number, CancellationToken ct)
    {
        var contractId = await db.Contracts.AsNoTracking().VisibleTo(user).Where(c => c.Number == number).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(ct);
        if (contractId is not { } id)
        {
            return null;
        }

        var purchases = await db.BillingAdjustments.AsNoTracking()
            .Where(a => a.ContractId == id && a.Reason.Contains(CityBoughtCover.Wording))
            .OrderBy(a => a.On).ThenBy(a => a.AddedAt)
            .Select(a => new CityCoverPurchaseView(a.Id, a.On, a.Amount, a.Reason, a.AddedBy, a.AddedAt))
            .ToListAsync(ct);
        return new CityCoverView(number, purchases);
    }
}

public static class CityCoverApi
{
    public static IServiceCollection AddCityCover(this IServiceCollection services) => services.AddScoped<CityCoverSteps>();

    public static void MapCityCoverApi(this IEndpointRouteBuilder endpoints)
    {
        const string route = "/api/contracts/{number}/insurance/city-cover";
        endpoints.MapGet(route, async (string number, ClaimsPrincipal user, CityCoverSteps steps, CancellationToken ct) =>
                await steps.ListAsync(user, number, ct) is { } view ? Results.Ok(view) : NoContract(number))
            .RequireAuthorization(p => p.RequireRole(Roles.All))
            .WithTags("Insurance")
            .Produces<CityCoverView>()
            .WithSummary("Insurance the City bought at the contractor's expense (special instruction 14, item 11), each with the adjustment taking its cost off an installment.");

        endpoints.MapPost(route, async (string number, HttpRequest request, ClaimsPrincipal user, CityCoverSteps steps, CancellationToken ct) =>
            {
                var (body, problem) = await JsonBody.ReadAsync<CityCoverRequest>(request, ct);
                return problem ?? await (await steps.RecordAsync(user, number, body!, ct)).ToResultAsync(async _ => (await steps.ListAsync(user, number, ct))!);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Purchasing))
            .WithTags("Insurance")
            .Accepts<CityCoverRequest>("application/json")
            .Produces<CityCoverView>()
            .WithSummary("Purchasing records cover the City bought at the contractor's expense: its cost comes off the installment of the period holding the day bought (or the next not yet submitted).");
    }

    private static IResult NoContract(string number) => StepResults.NotFound($"There is no contract {number} that you can see.");
}
