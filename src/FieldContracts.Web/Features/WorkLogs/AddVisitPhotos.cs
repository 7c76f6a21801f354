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

/// <summary>Adds photos to a visit's current version (the contractor's, through the API).</summary>
public sealed class AddVisitPhotos(FieldContractsDbContext db, VisitChecks checks, PhotoStore photos, IClock clock)
{
    public async Task<WorkLogOutcome> HandleAsync(ClaimsPrincipal user, Guid id, IReadOnlyList<FileUpload> uploads, CancellationToken ct)
    {
        var log = await checks.VisibleLogs(user).AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, ct);
        if (log is null)
        {
            return WorkLogOutcomes.NotFoundLog(id);
        }

        if (!user.IsInRole(Roles.Contractor))
        {
            return new WorkLogOutcome.Forbidden("Only the contractor adds photos to its visits.");
        }

        if (uploads.Count == 0)
        {
            return WorkLogOutcomes.Invalid("photos", "Attach at least one photo.");
        }

        var stored = await db.WorkLogPhotos.CountAsync(p => p.WorkLogId == id, ct);
        var (checkedPhotos, errors) = PhotoStore.Check(uploads, stored);
        if (errors.Count > 0)
        {
            return new WorkLogOutcome.Invalid(errors);
        }

        foreach (var photo in checkedPhotos)
        {
            await photos.SaveAsync(photo, ct);
        }

        db.WorkLogPhotos.AddRange(VisitRecording.PhotoRows(checkedPhotos, id, log.CurrentVersion, ScheduleApi.Who(user), clock.GetCurrentInstant()));
        await db.SaveChangesAsync(ct);
        return new WorkLogOutcome.Done(id, Created: false);
    }

}
