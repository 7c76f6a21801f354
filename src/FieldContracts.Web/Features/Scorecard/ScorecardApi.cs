using System.Security.Claims;
using FieldContracts.Web.Features.Shared;

namespace FieldContracts.Web.Features.Scorecard;

/// <summary>The scorecard's API: its figures as JSON and as one CSV, for every role that may see the contract.</summary>
public static class ScorecardApi
{
    public const string CsvMediaType = "text/csv";

    public static IServiceCollection AddScorecard(this IServiceCollection services) => services.AddScoped<ScorecardQueries>();

    public static void MapScorecardApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/contracts/{number}").WithTags("Scorecard").RequireAuthorization();
        api.MapGet("/scorecard", async (string number, ClaimsPrincipal user, ScorecardQueries queries, CancellationToken ct) =>
                await queries.ForAsync(user, number, ct) is { } view ? Results.Ok(view) : NotFound(number))
            .Produces<ScorecardView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The contract's performance scorecard as of today: planned work done on time per month and school, " +
                         "deficiencies by kind and school, mean days to cure, chemical notices given on time.")
            .WithDescription("Percentages and means are rounded to one decimal place, half away from zero; the counts beside them are exact. " +
                             "Work counts once its window has ended; a notice once it was due. A contractor sees only its own contracts.");

        api.MapGet("/scorecard.csv", async (string number, ClaimsPrincipal user, ScorecardQueries queries, CancellationToken ct) =>
                await queries.ForAsync(user, number, ct) is { } view
                    ? Results.File(ScorecardCsv.Write(view), $"{CsvMediaType}; charset=utf-8", ScorecardCsv.FileName(view.ContractNumber))
                    : NotFound(number))
            .Produces<string>(StatusCodes.Status200OK, CsvMediaType)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The scorecard's figures as one CSV download: measure, month, school, kind, value, numerator, denominator.")
            .WithDescription("A row per figure of the scorecard page's tables: on_time_percent (by month and school), deficiencies (by kind " +
                             "and school), mean_days_to_cure and notices_on_time_percent (by school). \"all\" is every month or school; " +
                             "\"contract\" a deficiency of the contract as a whole.");
    }

    private static IResult NotFound(string number) => StepResults.NotFound($"There is no contract {number} that you can see.");
}
