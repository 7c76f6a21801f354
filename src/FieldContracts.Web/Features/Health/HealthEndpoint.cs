using FieldContracts.Data;
using Microsoft.EntityFrameworkCore;

namespace FieldContracts.Web.Features.Health;

public static class HealthEndpoint
{
    /// <summary>
    /// <c>GET /healthz</c>: 200 when the database answers a query against the schema, 503 when it
    /// does not. Open to anyone (load balancers cannot sign in) and says nothing beyond that.
    /// </summary>
    public static void MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", async (FieldContractsDbContext db, DatabaseSettings settings, CancellationToken ct) =>
            {
                try
                {
                    await db.Contracts.AsNoTracking().Select(c => c.Id).FirstOrDefaultAsync(ct);
                    return Results.Ok(new HealthReport("Healthy", settings.Provider.ToString()));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    return Results.Json(new HealthReport("Unhealthy", settings.Provider.ToString()),
                        statusCode: StatusCodes.Status503ServiceUnavailable);
                }
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
    }

    public sealed record HealthReport(string Status, string Database);
}
