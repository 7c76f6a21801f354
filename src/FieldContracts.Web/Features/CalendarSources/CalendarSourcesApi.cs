using System.Security.Claims;
using FieldContracts.Data.CalendarSources;
using FieldContracts.Data.Identity;
using FieldContracts.Scheduling.Planning;
using FieldContracts.Web.Features.Jobs;
using FieldContracts.Web.Features.Schedule;
using FieldContracts.Web.Infrastructure;
using Hangfire;

namespace FieldContracts.Web.Features.CalendarSources;

/// <summary>A calendar source to add by the API: an address, or the file's text in <see cref="Ics"/>.</summary>
public sealed record AddCalendarSourceRequest(string? Name, string? Kind, string? Url, string? FileName, string? Ics,
    IReadOnlyList<AreaMappingRequest>? Areas, string? Reason);

/// <summary>Events whose location or categories contain <see cref="Match"/> go to these areas (by name).</summary>
public sealed record AreaMappingRequest(string? Match, IReadOnlyList<string>? Areas);

public sealed record RefreshAnswer(string Outcome, string? Error, int? Events, int Displaced);

public sealed record AddedSourceAnswer(Guid Id, string Outcome, int? Events, int Displaced);

/// <summary>The daily refresh of calendar addresses.</summary>
public sealed class RefreshCalendarSourcesJob(CalendarSourceHandler handler) : IRecurringJob
{
    // Every hour: a failed fetch keeps the last good copy and is tried at the next firing, so no retries of its own.
    [JobDisplayName("Calendar sources")]
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    [DisableConcurrentExecution(timeoutInSeconds: 30 * 60)]
    public Task<string> RunAsync(CancellationToken cancellationToken) => handler.RefreshAllAsync(cancellationToken);
}

public static class CalendarSourcesApi
{
    public static IServiceCollection AddCalendarSources(this IServiceCollection services, IConfiguration configuration) => services
        .AddSingleton(CalendarFetchSettings.From(configuration))
        .AddSingleton<CalendarFetcher>()
        .AddScoped<CalendarSourceHandler>()
        .AddScoped<CalendarSourceQueries>();

    public static void MapCalendarSourcesApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/contracts/{number}/schools/{code}/calendar/sources").WithTags("Calendar sources");

        api.MapGet("", async (string number, string code, ClaimsPrincipal user, ScheduleQueries queries, CalendarSourceQueries sources,
                CancellationToken ct) =>
                await queries.ContractAsync(number, user, ct) is { } contract && contract.Site(code) is { } site
                    ? Results.Ok(await sources.ForSchoolAsync(contract, site, ct))
                    : NotFound(number, code))
            .RequireAuthorization(p => p.RequireRole(Roles.All))
            .Produces<IReadOnlyList<CalendarSourceView>>()
            .WithSummary("A school's outside calendars: each with its last refresh, its activities and the work they displaced.");

        api.MapPost("", async (string number, string code, HttpRequest request, ClaimsPrincipal user, ScheduleQueries queries,
                CalendarSourceHandler handler, CancellationToken ct) =>
            {
                if (await queries.ContractAsync(number, user, ct) is not { } contract || contract.Site(code) is not { } site)
                {
                    return NotFound(number, code);
                }

                var (body, problem) = await JsonBody.ReadAsync<AddCalendarSourceRequest>(request, ct);
                if (problem is not null)
                {
                    return problem;
                }

                var mappingErrors = new Dictionary<string, string[]>();
                var mappings = (body!.Areas ?? []).Select((m, i) =>
                {
                    var ids = new List<Guid>();
                    foreach (var name in m.Areas ?? [])
                    {
                        if (site.Areas.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase)) is { } area)
                        {
                            ids.Add(area.Id);
                        }
                        else
                        {
                            mappingErrors[$"areas[{i}].areas"] = [$"{site.Name} has no area {name}; use one of {string.Join(", ", site.Areas.Select(a => a.Name))}."];
                        }
                    }

                    return new AreaMapping(m.Match ?? "", ids);
                }).ToList();
                if (mappingErrors.Count > 0)
                {
                    return TypedResults.ValidationProblem(mappingErrors, title: "The calendar source is not valid.");
                }

                var file = body.Ics is null ? null : System.Text.Encoding.UTF8.GetBytes(body.Ics);
                var (id, result, error) = await handler.AddAsync(contract, site.Id, new NewCalendarSource(body.Name, body.Kind, body.Url,
                    file is null ? null : new FileUpload(body.FileName ?? "calendar.ics", file.Length, file), mappings, body.Reason),
                    ScheduleApi.Who(user), ct);
                return error is null
                    ? TypedResults.Created($"/api/contracts/{number}/schools/{code}/calendar/sources/{id}",
                        new AddedSourceAnswer(id!.Value, result!.Outcome.ToString(), result.Events, result.Displaced))
                    : Problem(error, number, code);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Purchasing, Roles.AthleticDirector))
            .Accepts<AddCalendarSourceRequest>("application/json")
            .Produces<AddedSourceAnswer>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .WithSummary("Adds an outside calendar (an http(s) iCal address, or an .ics file's text) to a school; the plan moves chemical applications away from its activities.");

        api.MapPost("/{id:guid}/refresh", async (string number, string code, Guid id, ClaimsPrincipal user, ScheduleQueries queries,
                CalendarSourceHandler handler, CancellationToken ct) =>
            {
                if (await queries.ContractAsync(number, user, ct) is not { } contract || contract.Site(code) is null)
                {
                    return NotFound(number, code);
                }

                return await handler.RefreshAsync(contract.Id, id, ScheduleApi.Who(user), ct) is { } result
                    ? TypedResults.Ok(new RefreshAnswer(result.Outcome.ToString(), result.Error, result.Events, result.Displaced))
                    : SourceNotFound(id);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Purchasing, Roles.AthleticDirector))
            .Produces<RefreshAnswer>()
            .WithSummary("Reads a calendar source again now; a failure keeps the last good copy and is recorded.");

        api.MapDelete("/{id:guid}", async (string number, string code, Guid id, string? reason, ClaimsPrincipal user, ScheduleQueries queries,
                CalendarSourceHandler handler, CancellationToken ct) =>
            {
                if (await queries.ContractAsync(number, user, ct) is not { } contract || contract.Site(code) is null)
                {
                    return NotFound(number, code);
                }

                var error = await handler.RemoveAsync(contract.Id, id, reason, ScheduleApi.Who(user), ct);
                return error switch
                {
                    null => TypedResults.NoContent(),
                    PlanEditError.ContractNotFound => SourceNotFound(id),
                    _ => Problem(error, number, code),
                };
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Purchasing, Roles.AthleticDirector))
            .WithSummary("Removes a calendar source; the plan is re-planned without its activities.");
    }

    public static IResult Problem(PlanEditError error, string number, string code) => error switch
    {
        PlanEditError.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors, title: "The calendar source is not valid."),
        PlanEditError.ChangedMeanwhile => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
            title: "The plan changed meanwhile.", detail: PlanEditError.ChangedMeanwhile.Message),
        PlanEditError.NothingToChange nothing => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
            title: "Nothing to change.", detail: nothing.Detail),
        _ => NotFound(number, code),
    };

    private static IResult NotFound(string number, string code) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
        title: "School not found.", detail: $"There is no school {code} of a contract {number} that you can see.");

    private static IResult SourceNotFound(Guid id) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
        title: "Calendar source not found.", detail: $"The school has no calendar source {id}.");

    /// <summary>The kind in words.</summary>
    public static string Describe(CalendarSourceKind kind) => kind switch
    {
        CalendarSourceKind.SchoolCalendar => "School calendar (closures and sessions)",
        CalendarSourceKind.AthleticSchedule => "Athletic schedule (games and practices)",
        _ => "Calendar",
    };

    public static string Describe(RefreshOutcome outcome) => outcome switch
    {
        RefreshOutcome.Imported => "Imported",
        RefreshOutcome.Unchanged => "Unchanged",
        RefreshOutcome.Failed => "Failed",
        _ => "",
    };

}
