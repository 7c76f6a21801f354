using System.Security.Claims;
using FieldContracts.Data.Identity;
using FieldContracts.Data.Planning;
using FieldContracts.Scheduling.Planning;
using FieldContracts.Scheduling.Specification;
using FieldContracts.Web.Infrastructure;
using NodaTime;
using NodaTime.Text;

namespace FieldContracts.Web.Features.Schedule;

public sealed record MoveRequest(LocalDate? To, LocalTime? At, string? EmergencyReason, string? Reason);

public sealed record SportSeasonsRequest(IReadOnlyList<SportSeasonDocument>? Seasons, string? Reason);

public sealed record YearFactsRequest(LocalDate? GrowthStart, LocalDate? Dormancy, string? Reason);

public sealed record EndOfFallSportsRequest(LocalDate? EndOfFallSports, string? Reason);

public sealed record SchoolCalendarRequest(SchoolCalendarDocument? Calendar, string? Reason);

public sealed record SeasonWindowRequest(AnnualDate? DefaultStart, AnnualDate? DefaultEnd, int? Year, LocalDate? Start, LocalDate? End, string? Reason);

public sealed record ChangeAnswer(Guid ChangeId, string Description, int OccurrencesChanged, int FreshNoticesRequired);

public static class ScheduleApi
{
    public static IServiceCollection AddSchedule(this IServiceCollection services) => services
        .AddScoped<PlanService>()
        .AddScoped<PlanChanges>()
        .AddScoped<SetSportSeasons>()
        .AddScoped<SetYearFacts>()
        .AddScoped<SetEndOfFallSports>()
        .AddScoped<SetSchoolCalendar>()
        .AddScoped<MoveOccurrence>()
        .AddScoped<SetSeasonWindow>()
        .AddScoped<ScheduleQueries>();

    public static void MapScheduleApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/contracts/{number}").WithTags("Schedule");

        api.MapGet("/plan", async (string number, string? from, string? to, string? site, string? kind, bool? chemicalOnly,
                ClaimsPrincipal user, ScheduleQueries queries, CancellationToken ct) =>
            {
                if (await queries.ContractAsync(number, user, ct) is not { } contract)
                {
                    return NotFound(number);
                }

                var (filter, errors) = ParseFilter(contract, from, to, site, kind, chemicalOnly ?? false);
                return errors.Count > 0
                    ? TypedResults.ValidationProblem(errors, title: "The filter is not valid.")
                    : TypedResults.Ok(await queries.OccurrencesAsync(contract, filter!, ct));
            })
            .RequireAuthorization(p => p.RequireRole(Roles.All))
            .Produces<IReadOnlyList<OccurrenceSummary>>()
            .WithSummary("The seasonal plan: occurrences by day, optionally by school, kind of task, chemical only.");

        api.MapGet("/plan/history", async (string number, ClaimsPrincipal user, ScheduleQueries queries, CancellationToken ct) =>
                await queries.ContractAsync(number, user, ct) is { } contract
                    ? TypedResults.Ok(await queries.HistoryAsync(contract, ct))
                    : NotFound(number))
            .RequireAuthorization(p => p.RequireRole(Roles.All))
            .Produces<IReadOnlyList<ChangeView>>()
            .WithSummary("Every recorded change to the plan: who, when, what and why.");

        api.MapGet("/plan/{id:guid}", async (string number, Guid id, ClaimsPrincipal user, ScheduleQueries queries, IClock clock,
                CancellationToken ct) =>
            {
                if (await queries.ContractAsync(number, user, ct) is not { } contract)
                {
                    return NotFound(number);
                }

                return await queries.OccurrenceAsync(contract, id, clock.GetCurrentInstant(), ct) is { } view
                    ? TypedResults.Ok(view)
                    : TypedResults.Problem(statusCode: 404, title: "Occurrence not found.", detail: $"Contract {number} has no occurrence {id}.");
            })
            .RequireAuthorization(p => p.RequireRole(Roles.All))
            .Produces<OccurrenceView>()
            .WithSummary("One occurrence: areas, heights, materials, notice, history.");

        api.MapPost("/plan/{id:guid}/move", (string number, Guid id, HttpRequest request, ClaimsPrincipal user,
                ScheduleQueries queries, MoveOccurrence moveOccurrence, CancellationToken ct) =>
                Change<MoveRequest>(number, request, user, queries, ct, (contract, body) =>
                    moveOccurrence.HandleAsync(contract.Id, id, body.To, body.At, body.EmergencyReason, body.Reason, Who(user), ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.Purchasing, Roles.AthleticDirector))
            .Accepts<MoveRequest>("application/json")
            .WithSummary("Move an occurrence to another day (and a chemical application to a time).");

        api.MapPut("/areas/{areaId:guid}/seasons", (string number, Guid areaId, HttpRequest request, ClaimsPrincipal user,
                ScheduleQueries queries, SetSportSeasons setSportSeasons, CancellationToken ct) =>
                Change<SportSeasonsRequest>(number, request, user, queries, ct, (contract, body) =>
                    setSportSeasons.HandleAsync(contract.Id, areaId, body.Seasons, body.Reason, Who(user), ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.AthleticDirector))
            .Accepts<SportSeasonsRequest>("application/json")
            .WithSummary("The Athletic Director sets an area's sport seasons.");

        api.MapPut("/years/{year:int}", (string number, int year, HttpRequest request, ClaimsPrincipal user,
                ScheduleQueries queries, SetYearFacts setYearFacts, CancellationToken ct) =>
                Change<YearFactsRequest>(number, request, user, queries, ct, (contract, body) =>
                    setYearFacts.HandleAsync(contract.Id, year, body.GrowthStart, body.Dormancy, body.Reason, Who(user), ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.AthleticDirector))
            .Accepts<YearFactsRequest>("application/json")
            .WithSummary("The Athletic Director records when grass began to grow and went dormant in a year.");

        api.MapPut("/schools/{code}/fall-sports/{year:int}", (string number, string code, int year, HttpRequest request,
                ClaimsPrincipal user, ScheduleQueries queries, SetEndOfFallSports setEndOfFallSports, CancellationToken ct) =>
                Change<EndOfFallSportsRequest>(number, request, user, queries, ct, (contract, body) =>
                    setEndOfFallSports.HandleAsync(contract.Id, contract.Site(code)?.Id ?? Guid.Empty, year, body.EndOfFallSports,
                        body.Reason, Who(user), ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.AthleticDirector))
            .Accepts<EndOfFallSportsRequest>("application/json")
            .WithSummary("The Athletic Director records the end of fall sports at a school (triggers slit-seeding, item 4d).");

        api.MapPut("/schools/{code}/calendar", (string number, string code, HttpRequest request, ClaimsPrincipal user,
                ScheduleQueries queries, SetSchoolCalendar setSchoolCalendar, CancellationToken ct) =>
                Change<SchoolCalendarRequest>(number, request, user, queries, ct, (contract, body) =>
                    setSchoolCalendar.HandleAsync(contract.Id, contract.Site(code)?.Id ?? Guid.Empty, body.Calendar, body.Reason,
                        Who(user), ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.AthleticDirector))
            .Accepts<SchoolCalendarRequest>("application/json")
            .WithSummary("The Athletic Director sets a school's hours, sessions, closures and activities.");

        api.MapPut("/specification/seasons/{key}", (string number, string key, HttpRequest request, ClaimsPrincipal user,
                ScheduleQueries queries, SetSeasonWindow setSeasonWindow, CancellationToken ct) =>
                Change<SeasonWindowRequest>(number, request, user, queries, ct, (contract, body) =>
                    setSeasonWindow.HandleAsync(contract.Id, key, body.DefaultStart, body.DefaultEnd, body.Year, body.Start, body.End,
                        body.Reason, Who(user), ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.Purchasing))
            .Accepts<SeasonWindowRequest>("application/json")
            .WithSummary("Purchasing sets a season's window: every year's, and optionally one year's.");
    }

    public static string Who(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";

    public static (ScheduleFilter? Filter, Dictionary<string, string[]> Errors) ParseFilter(ScheduleContract contract,
        string? from, string? to, string? site, string? kind, bool chemicalOnly)
    {
        var errors = new Dictionary<string, string[]>();
        LocalDate? start = null, end = null;
        if (!string.IsNullOrEmpty(from))
        {
            var parsed = LocalDatePattern.Iso.Parse(from);
            if (parsed.Success) { start = parsed.Value; } else { errors["from"] = ["Give a date as yyyy-MM-dd."]; }
        }

        if (!string.IsNullOrEmpty(to))
        {
            var parsed = LocalDatePattern.Iso.Parse(to);
            if (parsed.Success) { end = parsed.Value; } else { errors["to"] = ["Give a date as yyyy-MM-dd."]; }
        }

        if (start is { } s && end is { } e && e < s)
        {
            errors["to"] = ["The last day cannot come before the first."];
        }

        Guid? siteId = null;
        if (!string.IsNullOrEmpty(site))
        {
            siteId = contract.Site(site)?.Id;
            if (siteId is null)
            {
                errors["site"] = [$"The contract has no school {site}; use one of {string.Join(", ", contract.Sites.Select(x => x.Code))}."];
            }
        }

        TaskKind? taskKind = null;
        if (!string.IsNullOrEmpty(kind))
        {
            if (Enum.TryParse<TaskKind>(kind, ignoreCase: true, out var k) && Enum.IsDefined(k)) { taskKind = k; }
            else { errors["kind"] = [$"Use one of {string.Join(", ", Enum.GetNames<TaskKind>())}."]; }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var range = start is null && end is null ? null
            : new DateInterval(start ?? contract.Term.Start.PlusYears(-1), end ?? contract.Term.End.PlusYears(1));
        return (new ScheduleFilter(range, siteId, taskKind, chemicalOnly), errors);
    }

    public static string Describe(MoveRefusal refusal) => refusal switch
    {
        MoveRefusal.OccurrenceNotFound => "The plan has no such occurrence.",
        MoveRefusal.AlreadyLogged logged => $"Work was logged against it on {logged.LoggedOn}; logged work is not moved.",
        MoveRefusal.NotPlanned notPlanned => $"It is not planned on a day ({notPlanned.Status}).",
        MoveRefusal.OutsideTerm outside => $"{outside.To} is outside the term ({outside.Term.Start} to {outside.Term.End}).",
        MoveRefusal.NotAWorkingDay notWorking => $"{notWorking.To} is not a working day ({notWorking.Why}); only an emergency, with its reason, is done on it.",
        MoveRefusal.TimeOnlyForChemicalApplications => "Only chemical applications are planned at a time of day.",
        MoveRefusal.DuringSchoolHoursOrActivity busy =>
            "That time falls during " + string.Join(", ", busy.Conflicts.Select(c =>
                $"{c.What} ({SchoolCalendarDocument.FormatDateTime(c.Start)}–{SchoolCalendarDocument.FormatTime(c.End.TimeOfDay)})")) +
            ". Choose another time, or give an emergency reason.",
        _ => refusal.ToString(),
    };

    private static async Task<IResult> Change<TBody>(string number, HttpRequest request, ClaimsPrincipal user, ScheduleQueries queries,
        CancellationToken ct, Func<ScheduleContract, TBody, Task<(PlanEditResult? Result, PlanEditError? Error)>> change)
        where TBody : class
    {
        if (await queries.ContractAsync(number, user, ct) is not { } contract)
        {
            return NotFound(number);
        }

        var (body, problem) = await JsonBody.ReadAsync<TBody>(request, ct);
        if (problem is not null)
        {
            return problem;
        }

        var (result, error) = await change(contract, body!);
        return error switch
        {
            null => TypedResults.Ok(new ChangeAnswer(result!.Change.Id, result.Change.Description, result.OccurrenceChanges.Count,
                result.OccurrenceChanges.Count(c => c.Notice?.FreshNoticeRequired == true))),
            PlanEditError.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors, title: "The change is not valid."),
            PlanEditError.MoveRefused refused => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: "The plan refuses this move.", detail: Describe(refused.Refusal)),
            PlanEditError.NothingToChange nothing => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: "Nothing to change.", detail: nothing.Detail),
            PlanEditError.ChangedMeanwhile => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: "The plan changed meanwhile.", detail: PlanEditError.ChangedMeanwhile.Message),
            _ => NotFound(number),
        };
    }

    private static IResult NotFound(string number) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
        title: "Contract not found.", detail: $"There is no contract {number} that you can see.");
}
