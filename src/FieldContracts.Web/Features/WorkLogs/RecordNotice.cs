using System.Security.Claims;
using FieldContracts.Administration.Notices;
using FieldContracts.Data;
using FieldContracts.Data.Identity;
using FieldContracts.Data.Planning;
using FieldContracts.Scheduling.Contracts;
using FieldContracts.Scheduling.Planning;
using FieldContracts.Web.Features.Schedule;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Web.Features.WorkLogs;

/// <summary>Records that a chemical pre-notification was given outside the application (the Athletic Director or the contractor).</summary>
public sealed class RecordNotice(FieldContractsDbContext db, PlanService plans, IClock clock)
{
    public async Task<WorkLogOutcome> HandleAsync(ClaimsPrincipal user, NoticeRequest request, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.AthleticDirector) && !user.IsInRole(Roles.Contractor))
        {
            return new WorkLogOutcome.Forbidden("The Athletic Director or the contractor records a notice.");
        }

        var occurrence = request.OccurrenceId is { } occurrenceId
            ? await db.Occurrences.AsNoTracking()
                .Where(o => o.Id == occurrenceId && db.Contracts.VisibleTo(user).Any(c => c.Id == o.ContractId))
                .SingleOrDefaultAsync(ct)
            : null;
        if (occurrence is null)
        {
            return request.OccurrenceId is null
                ? WorkLogOutcomes.Invalid("occurrenceId", "Name the chemical application the notice announced.")
                : new WorkLogOutcome.NotFound($"There is no occurrence {request.OccurrenceId} that you can see.");
        }

        var errors = new Dictionary<string, string[]>();
        var now = clock.GetCurrentInstant();
        var term = await db.Contracts.Where(c => c.Id == occurrence.ContractId).Select(c => new { c.TermStart, c.TermEnd }).SingleAsync(ct);
        if (!occurrence.IsChemical || occurrence.Cancelled)
        {
            errors["occurrenceId"] = ["Notices are recorded for planned chemical applications only."];
        }

        Instant? sentAt = request.SentAt?.InZoneLeniently(Hartford.Zone).ToInstant();
        if (sentAt is null)
        {
            errors["sentAt"] = ["Give when the notice went out (yyyy-MM-ddTHH:mm, Hartford time)."];
        }
        else if (sentAt > now)
        {
            errors["sentAt"] = ["A notice is recorded once it has gone out, not before."];
        }

        var named = request.ApplicationDate ?? occurrence.PlannedDate;
        if (named is null || named < term.TermStart || named > term.TermEnd)
        {
            errors["applicationDate"] = [$"Give the application day the notice named, within the term ({Display.Short(term.TermStart)} – {Display.Short(term.TermEnd)})."];
        }

        if (request.Channel is not { } channel || !Enum.IsDefined(channel))
        {
            errors["channel"] = [$"Say how it was given: {string.Join(", ", Enum.GetNames<NoticeChannel>())}."];
        }

        if (errors.Count > 0)
        {
            return new WorkLogOutcome.Invalid(errors);
        }

        var by = ScheduleApi.Who(user);
        var record = new NoticeRecord
        {
            Id = Guid.CreateVersion7(),
            ContractId = occurrence.ContractId,
            OccurrenceId = occurrence.Id,
            SentAt = sentAt!.Value,
            ApplicationDateNamed = named!.Value,
            Channel = request.Channel!.Value,
            RecordedBy = by,
            RecordedAt = now,
        };
        var description = $"Notice of {TaskTitles.Of(occurrence.TaskKey)} on {Display.Short(record.ApplicationDateNamed)} recorded as sent " +
                          $"{Display.Time(sentAt.Value.InZone(Hartford.Zone))} ({record.Channel})";
        var (_, error) = await plans.ChangeAsync(occurrence.ContractId, ReplanCause.Other, "Chemical pre-notification given (spec VII)", by,
            (state, _, _) =>
            {
                state.RecordNotice(record);
                return PlanService.Edit.Done(description, record);
            }, ct);
        return error is null ? new WorkLogOutcome.Done(record.Id, Created: true) : WorkLogOutcomes.FromPlanError(error);
    }

}
