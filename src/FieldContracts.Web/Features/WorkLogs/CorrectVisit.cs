using System.Security.Claims;
using FieldContracts.Administration.Notices;
using FieldContracts.Administration.WorkLogs;
using FieldContracts.Data;
using FieldContracts.Data.Identity;
using FieldContracts.Data.Planning;
using FieldContracts.Scheduling.Contracts;
using FieldContracts.Scheduling.Planning;
using FieldContracts.Web.Features.Schedule;
using FieldContracts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Web.Features.WorkLogs;

/// <summary>Corrects a visit: a new version with why, checked again; the visit goes back for verification.</summary>
public sealed class CorrectVisit(FieldContractsDbContext db, VisitChecks checks, PlanService plans, IClock clock)
{
    public async Task<WorkLogOutcome> HandleAsync(ClaimsPrincipal user, Guid id, VisitRequest request, CancellationToken ct)
    {
        var log = await checks.VisibleLogs(user).SingleOrDefaultAsync(l => l.Id == id, ct);
        if (log is null)
        {
            return WorkLogOutcomes.NotFoundLog(id);
        }

        if (!user.IsInRole(Roles.Contractor))
        {
            return new WorkLogOutcome.Forbidden("Only the contractor corrects its visits.");
        }

        if (string.IsNullOrWhiteSpace(request.Why) || request.Why.Length > 1000)
        {
            return WorkLogOutcomes.Invalid("why", "Say why the visit is corrected (at most 1000 characters): the correction is kept with its reason.");
        }

        if (VisitReview.Decide(log.Status, ReviewAction.Correct, ScheduleApi.Who(user), log.SubmittedBy, request.Why).Refusal is { } closed)
        {
            return WorkLogOutcomes.Refused(closed);
        }

        var current = await db.WorkLogVersions.AsNoTracking().SingleAsync(v => v.WorkLogId == id && v.Version == log.CurrentVersion, ct);
        var checkedVisit = await checks.CheckAsync(user, request, log, [], 0, ct);
        if (checkedVisit.Outcome is { } refused)
        {
            return refused;
        }

        var visit = checkedVisit.Visit!;
        var now = clock.GetCurrentInstant();
        var by = ScheduleApi.Who(user);
        var (version, refusal) = log.Correct(visit.Content, by, now, request.Why);
        if (refusal is not null)
        {
            return WorkLogOutcomes.Refused(refusal);
        }

        var deficiencies = await VisitRecording.DeficienciesAsync(db, visit, log.Id, version!.Version, now, ct);
        var (_, error) = await plans.ChangeAsync(log.ContractId, ReplanCause.WorkLogged, $"Visit corrected by {by}: {request.Why.Trim()}", by,
            (state, _, _) => VisitRecording.MarkDone(state, visit, current.OccurrenceIds, log.Id, [version, .. deficiencies]),
            ct);
        return error is null ? new WorkLogOutcome.Done(log.Id, Created: false) : WorkLogOutcomes.FromPlanError(error);
    }

}
