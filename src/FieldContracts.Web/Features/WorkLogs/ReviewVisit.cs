using System.Security.Claims;
using FieldContracts.Administration.Notices;
using FieldContracts.Administration.WorkLogs;
using FieldContracts.Data;
using FieldContracts.Data.Identity;
using FieldContracts.Data.Planning;
using FieldContracts.Scheduling.Contracts;
using FieldContracts.Scheduling.Planning;
using FieldContracts.Scheduling.Specification;
using FieldContracts.Web.Features.Schedule;
using FieldContracts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Web.Features.WorkLogs;

/// <summary>Verify or dispute a visit (the Athletic Director), or answer a dispute (the contractor).</summary>
public sealed class ReviewVisit(FieldContractsDbContext db, VisitChecks checks, IClock clock)
{
    public async Task<WorkLogOutcome> HandleAsync(ClaimsPrincipal user, Guid id, ReviewAction action, string? text, CancellationToken ct)
    {
        var log = await checks.VisibleLogs(user).SingleOrDefaultAsync(l => l.Id == id, ct);
        if (log is null)
        {
            return WorkLogOutcomes.NotFoundLog(id);
        }

        var role = action == ReviewAction.Answer ? Roles.Contractor : Roles.AthleticDirector;
        if (!user.IsInRole(role))
        {
            return new WorkLogOutcome.Forbidden(action == ReviewAction.Answer
                ? "Only the contractor answers a dispute."
                : "Only the Athletic Director verifies or disputes a visit.");
        }

        if (text is { Length: > 2000 })
        {
            return WorkLogOutcomes.Invalid("text", "At most 2000 characters.");
        }

        var (recorded, refusal) = log.Review(action, ScheduleApi.Who(user), clock.GetCurrentInstant(), text);
        if (refusal is not null)
        {
            return WorkLogOutcomes.Refused(refusal);
        }

        db.WorkLogEvents.Add(recorded!);
        await db.SaveChangesAsync(ct);
        return new WorkLogOutcome.Done(log.Id, Created: false);
    }

}
