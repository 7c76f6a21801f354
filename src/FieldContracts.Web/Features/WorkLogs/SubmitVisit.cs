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

/// <summary>Logs a visit from the crew leader: checked, stored with its findings and photos, and its work marked done in the plan, in one transaction; a retry with the same idempotency key answers with the same visit.</summary>
public sealed class SubmitVisit(FieldContractsDbContext db, VisitChecks checks, PlanService plans, PhotoStore photos, IClock clock)
{
    public const int MaxKeyLength = 100;

    public async Task<WorkLogOutcome> HandleAsync(ClaimsPrincipal user, VisitRequest request, IReadOnlyList<FileUpload> uploads,
        CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Contractor) || user.ContractorId() is not { } contractorId)
        {
            return new WorkLogOutcome.Forbidden("Only the contractor's crew logs visits.");
        }

        var key = request.IdempotencyKey?.Trim();
        if (string.IsNullOrEmpty(key) || key.Length > MaxKeyLength)
        {
            return WorkLogOutcomes.Invalid("idempotencyKey", $"Send an idempotency key (at most {MaxKeyLength} characters), made once per visit.");
        }

        if (await ExistingAsync(contractorId, key, ct) is { } existing)
        {
            return new WorkLogOutcome.Done(existing, Created: false);
        }

        var checkedVisit = await checks.CheckAsync(user, request, null, uploads, 0, ct);
        if (checkedVisit.Outcome is { } refused)
        {
            // A retry running alongside the first submission finds the work already logged: by that submission.
            return await ExistingAsync(contractorId, key, ct) is { } logged ? new WorkLogOutcome.Done(logged, Created: false) : refused;
        }

        var visit = checkedVisit.Visit!;
        var now = clock.GetCurrentInstant();
        var by = ScheduleApi.Who(user);
        var (log, version) = WorkLog.Submit(visit.Contract.Id, contractorId, visit.Site.Id, key, visit.Content, by, now);
        var deficiencies = await VisitRecording.DeficienciesAsync(db, visit, log.Id, 1, now, ct);
        foreach (var photo in visit.Photos)
        {
            await photos.SaveAsync(photo, ct);
        }

        try
        {
            var (_, error) = await plans.ChangeAsync(visit.Contract.Id, ReplanCause.WorkLogged, $"Visit logged by {by}", by,
                (state, _, _) => VisitRecording.MarkDone(state, visit, [], log.Id,
                    [log, version, .. deficiencies, .. VisitRecording.PhotoRows(visit.Photos, log.Id, 1, by, now)]),
                ct);
            if (error is null)
            {
                return new WorkLogOutcome.Done(log.Id, Created: true);
            }

            return await ExistingAsync(contractorId, key, ct) is { } logged ? new WorkLogOutcome.Done(logged, Created: false) : WorkLogOutcomes.FromPlanError(error);
        }
        catch (DbUpdateException)
        {
            // A retry of the same visit may have won the race: answer with the visit it created.
            db.ChangeTracker.Clear();
            if (await ExistingAsync(contractorId, key, ct) is { } raced)
            {
                return new WorkLogOutcome.Done(raced, Created: false);
            }

            throw;
        }
    }

    private async Task<Guid?> ExistingAsync(Guid contractorId, string key, CancellationToken ct) =>
        await db.WorkLogs.AsNoTracking().Where(l => l.ContractorId == contractorId && l.IdempotencyKey == key)
            .Select(l => (Guid?)l.Id).SingleOrDefaultAsync(ct);
}
