using System.Security.Claims;
using FieldContracts.Administration.Performance;
using FieldContracts.Data.Identity;
using FieldContracts.Web.Features.Deliverables;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Infrastructure;
using NodaTime;
using Command = FieldContracts.Administration.Performance.PerformanceCaseCommand;

namespace FieldContracts.Web.Features.Performance;

/// <summary>Opens a case on deficiencies from the register, with Purchasing's reason.</summary>
public sealed record OpenCaseRequest(IReadOnlyList<Guid>? DeficiencyIds, string? Text);

/// <summary>7 A: the meeting's day, place and attendees, and the letter's text.</summary>
public sealed record ScheduleMeetingRequest(LocalDate? On, string? Place, IReadOnlyList<string>? Attendees, string? Text);

/// <summary>7 A: the meeting held, its minutes and the contractor's response.</summary>
public sealed record HoldMeetingRequest(LocalDate? HeldOn, string? Minutes, string? ContractorResponse, string? Text);

/// <summary>What "cured" means for one deficiency to cure.</summary>
public sealed record CureRequirementRequest(Guid? DeficiencyId, string? CuredMeans);

/// <summary>7 B: the remedial period, both days inclusive, and what cured means for each deficiency to cure.</summary>
public sealed record RemedialPeriodRequest(LocalDate? StartsOn, LocalDate? EndsOn, IReadOnlyList<CureRequirementRequest>? Requirements,
    string? Text);

/// <summary>7 B: the City's verdict on one deficiency, from an inspection.</summary>
public sealed record VerifyCureRequest(Guid? DeficiencyId, bool? Cured, LocalDate? InspectedOn, string? Text);

/// <summary>7 C: the first day the contract is no longer in force.</summary>
public sealed record TerminateForCauseRequest(LocalDate? EffectiveOn, string? Text);

/// <summary>The contractor shows a deficiency made good, with the visit that did it when one.</summary>
public sealed record SubmitCureRequest(Guid? DeficiencyId, Guid? WorkLogId, string? Text);

/// <summary>A step with only its text: the cure notice, a withdrawal, the contractor's response.</summary>
public sealed record CaseTextRequest(string? Text);

/// <summary>Special instruction 6: the condition, the day the written notice is given and the day it takes effect.</summary>
public sealed record TerminateWithoutCauseRequest(TerminationWithoutCauseReason? Reason, LocalDate? NoticeOn, LocalDate? EffectiveOn,
    string? Text);

public static class CasesApi
{
    public static IServiceCollection AddPerformanceCases(this IServiceCollection services) => services
        .AddScoped<CaseQueries>()
        .AddScoped<CaseNotices>()
        .AddScoped<CaseDocumentMaker>()
        .AddScoped<CaseSteps>()
        .AddScoped<TerminateWithoutCause>()
        .AddScoped<SetPerformanceWatch>();

    public static void MapCasesApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/contracts/{number}/case-documents/{id:guid}", async (string number, Guid id, ClaimsPrincipal user, CaseQueries queries,
                DocumentStore store, CancellationToken ct) =>
                await queries.DocumentAsync(user, number, id, ct) is { } document
                && store.Open(document.Sha256) is { } stream
                    ? Results.File(stream, document.ContentType, document.FileName)
                    : Results.NotFound())
            .RequireAuthorization(p => p.RequireRole(Roles.All))
            .ExcludeFromDescription();

        var api = endpoints.MapGroup("/api/contracts/{number}").WithTags("Performance").RequireAuthorization(p => p.RequireRole(Roles.All));

        api.MapGet("/cases", async (string number, ClaimsPrincipal user, CaseQueries queries, CancellationToken ct) =>
                await queries.ListAsync(user, number, ct) is { } list ? Results.Ok(list) : NoContract(number))
            .Produces<IReadOnlyList<CaseSummary>>()
            .WithSummary("The contract's performance cases (special instruction 7), the newest first.");

        api.MapGet("/performance-watch", async (string number, ClaimsPrincipal user, CaseQueries queries, CancellationToken ct) =>
                await queries.WatchAsync(user, number, ct) is { } watch ? Results.Ok(watch) : NoContract(number))
            .Produces<WatchView>()
            .WithSummary("Whether the register suggests opening a case today, and which deficiencies it would name. A suggestion only.");

        api.MapPut("/performance-watch", async (string number, HttpRequest request, ClaimsPrincipal user, SetPerformanceWatch set,
                CaseQueries queries, CancellationToken ct) =>
            {
                var (body, problem) = await JsonBody.ReadAsync<PerformanceWatchRequest>(request, ct);
                if (problem is not null)
                {
                    return problem;
                }

                return await (await set.HandleAsync(user, number, body!, ct)).ToResultAsync(_ => queries.WatchAsync(user, number, ct));
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Purchasing))
            .Accepts<PerformanceWatchRequest>("application/json")
            .Produces<WatchView>()
            .WithSummary("Purchasing sets the contract's watch rule: `upheldThreshold` deficiencies upheld within `windowDays`, and whether any chemical applied without a notice suffices.");

        api.MapPost("/cases", async (string number, HttpRequest request, ClaimsPrincipal user, CaseSteps steps, CaseQueries queries,
                CancellationToken ct) =>
            {
                var (body, problem) = await JsonBody.ReadAsync<OpenCaseRequest>(request, ct);
                if (problem is not null)
                {
                    return problem;
                }

                return await (await steps.OpenAsync(user, number, body!.DeficiencyIds ?? [], body.Text, ct))
                    .ToResultAsync(id => queries.OneAsync(user, number, id, ct));
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Purchasing))
            .Accepts<OpenCaseRequest>("application/json")
            .Produces<CaseDetail>()
            .WithSummary("Purchasing opens a case naming deficiencies from the register (`deficiencyIds`), with its reason (`text`).");

        api.MapGet("/cases/{id:guid}", async (string number, Guid id, ClaimsPrincipal user, CaseQueries queries, CancellationToken ct) =>
                await queries.OneAsync(user, number, id, ct) is { } one ? Results.Ok(one) : StepResults.NotFound($"There is no case {id} that you can see."))
            .Produces<CaseDetail>()
            .WithSummary("One case: where it stands, its deficiencies, every step with its documents and emails, and the steps open to you.");

        MapStep<ScheduleMeetingRequest>(api, "meeting", [Roles.Purchasing],
            "7 A: Purchasing schedules the meeting (`on`, `place`, `attendees`); the invitation goes to the contractor as PDF and email.",
            r => r.On is not { } on ? Missing("on", "The meeting's day is required.")
                : (new Command.ScheduleMeeting(on, r.Place ?? "", r.Attendees ?? []), r.Text, null));
        MapStep<HoldMeetingRequest>(api, "meeting/held", [Roles.Purchasing],
            "7 A: the meeting held (`heldOn`), its `minutes` and the contractor's response (`contractorResponse`).",
            r => r.HeldOn is not { } heldOn ? Missing("heldOn", "The day the meeting was held is required.")
                : (new Command.HoldMeeting(heldOn, r.Minutes ?? "", r.ContractorResponse ?? ""), r.Text, null));
        MapStep<RemedialPeriodRequest>(api, "remedial-period", [Roles.Purchasing],
            "7 B: the remedial period (`startsOn`, `endsOn`, both inclusive) and what cured means for each deficiency to cure.",
            r => r.StartsOn is not { } starts ? Missing("startsOn", "The period's first day is required.")
                : r.EndsOn is not { } ends ? Missing("endsOn", "The period's last day is required.")
                : (r.Requirements ?? []).Any(q => q.DeficiencyId is null) ? Missing("requirements", "Each requirement names its deficiency.")
                : (new Command.SetRemedialPeriod(starts, ends,
                    (r.Requirements ?? []).Select(q => new CureRequirement(q.DeficiencyId!.Value, q.CuredMeans ?? "")).ToList()), r.Text, null));
        MapStep<CaseTextRequest>(api, "cure-notice", [Roles.Purchasing],
            "7 B: the cure notice goes to the contractor now, as PDF and email; the mail server's acceptance is its proof of delivery.",
            r => (new Command.SendCureNotice(Instant.MinValue), r.Text, null));
        MapStep<VerifyCureRequest>(api, "cures", [Roles.AthleticDirector, Roles.Purchasing],
            "7 B: the Athletic Director (or Purchasing) records an inspection's verdict on one deficiency (`deficiencyId`, `cured`, `inspectedOn`).",
            r => r.DeficiencyId is not { } deficiency ? Missing("deficiencyId", "Name the deficiency inspected.")
                : r.Cured is not { } cured ? Missing("cured", "Say whether it is cured.")
                : r.InspectedOn is not { } inspectedOn ? Missing("inspectedOn", "The day of the inspection is required.")
                : (new Command.VerifyCure(deficiency, cured, inspectedOn), r.Text, null));
        MapStep<TerminateForCauseRequest>(api, "termination", [Roles.Purchasing],
            "7 C: Purchasing terminates for cause once the period expired with deficiencies uncured (`effectiveOn`); later work is cancelled.",
            r => r.EffectiveOn is not { } effective ? Missing("effectiveOn", "The day the termination takes effect is required.")
                : (new Command.TerminateForCause(effective), r.Text, null));
        MapStep<CaseTextRequest>(api, "withdrawal", [Roles.Purchasing], "Purchasing withdraws the case, with its reason (`text`).",
            r => (new Command.Withdraw(), r.Text, null));
        MapStep<CaseTextRequest>(api, "responses", [Roles.Contractor], "The contractor acknowledges the case or answers it in writing (`text`).",
            r => (new Command.Respond(), r.Text, null));
        MapStep<SubmitCureRequest>(api, "submitted-cures", [Roles.Contractor],
            "The contractor shows a deficiency made good (`deficiencyId`, the visit `workLogId` if one, `text`); the City verifies it.",
            r => r.DeficiencyId is not { } deficiency ? Missing("deficiencyId", "Name the deficiency made good.")
                : (new Command.SubmitCure(deficiency, r.WorkLogId), r.Text, null));

        api.MapGet("/termination", async (string number, ClaimsPrincipal user, CaseQueries queries, CancellationToken ct) =>
                await queries.TerminationAsync(user, number, ct) switch
                {
                    (false, _) => NoContract(number),
                    (true, null) => StepResults.NotFound($"Contract {number} has not been terminated."),
                    (true, { } termination) => Results.Ok(termination),
                })
            .Produces<TerminationView>()
            .WithSummary("The contract's early end, for cause (7 C) or without (6), with its notice and the emails that carried it.");

        api.MapPost("/termination", async (string number, HttpRequest request, ClaimsPrincipal user, TerminateWithoutCause terminate,
                CaseQueries queries, CancellationToken ct) =>
            {
                var (body, problem) = await JsonBody.ReadAsync<TerminateWithoutCauseRequest>(request, ct);
                if (problem is not null)
                {
                    return problem;
                }

                if (body!.Reason is not { } reason)
                {
                    return JsonBody.Invalid("reason", "Choose FundsNotAppropriated (6 A) or NeedEnded (6 B).");
                }

                if (body.NoticeOn is not { } noticeOn || body.EffectiveOn is not { } effectiveOn)
                {
                    return JsonBody.Invalid(body.NoticeOn is null ? "noticeOn" : "effectiveOn", "The notice day and the effective day are required.");
                }

                var outcome = await terminate.HandleAsync(user, number, reason, noticeOn, effectiveOn, body.Text, ct);
                return outcome is StepOutcome.Done
                    ? Results.Ok((await queries.TerminationAsync(user, number, ct)).Termination)
                    : await outcome.ToResultAsync(_ => Task.FromResult<object?>(null));
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Purchasing))
            .Accepts<TerminateWithoutCauseRequest>("application/json")
            .Produces<TerminationView>()
            .WithSummary("Special instruction 6: Purchasing cancels the contract (`reason`), effective at least 30 days after the notice (`noticeOn`, `effectiveOn`).");
    }

    /// <summary>The 400 for a required member left out.</summary>
    private static (Command?, string?, IResult?) Missing(string path, string message) => (null, null, JsonBody.Invalid(path, message));

    private static void MapStep<TRequest>(RouteGroupBuilder api, string path, string[] roles, string summary,
        Func<TRequest, (Command? Command, string? Text, IResult? Problem)> toCommand)
        where TRequest : class =>
        api.MapPost($"/cases/{{id:guid}}/{path}", async (string number, Guid id, HttpRequest request, ClaimsPrincipal user, CaseSteps steps,
                CaseQueries queries, CancellationToken ct) =>
            {
                var (body, problem) = await JsonBody.ReadAsync<TRequest>(request, ct);
                if (problem is not null)
                {
                    return problem;
                }

                var (command, text, invalid) = toCommand(body!);
                if (invalid is not null)
                {
                    return invalid;
                }

                return await (await steps.TakeAsync(user, number, id, command!, text, [], ct))
                    .ToResultAsync(done => queries.OneAsync(user, number, done, ct));
            })
            .RequireAuthorization(p => p.RequireRole(roles))
            .Accepts<TRequest>("application/json")
            .Produces<CaseDetail>()
            .WithSummary(summary);

    private static IResult NoContract(string number) => StepResults.NotFound($"There is no contract {number} that you can see.");
}
