using FieldContracts.Data.Planning;
using FieldContracts.Scheduling.Planning;
using FieldContracts.Web.Features.Shared;
using NodaTime;
using Result = System.Threading.Tasks.Task<(FieldContracts.Web.Features.Schedule.PlanEditResult? Result, FieldContracts.Web.Features.Schedule.PlanEditError? Error)>;

namespace FieldContracts.Web.Features.Schedule;

/// <summary>Purchasing or the Athletic Director moves an occurrence; a chemical application during school hours only as an emergency.</summary>
public sealed class MoveOccurrence(PlanChanges changes)
{
    public Result HandleAsync(Guid contractId, Guid occurrenceId, LocalDate? to, LocalTime? at, string? emergencyReason,
        string? reason, string by, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (to is null)
        {
            errors.Add("to", "Give the day to move it to.");
        }

        if (emergencyReason is { Length: > 1000 })
        {
            errors.Add("emergencyReason", "At most 1000 characters.");
        }

        emergencyReason = string.IsNullOrWhiteSpace(emergencyReason) ? null : emergencyReason.Trim();
        return changes.RunAsync(contractId, ReplanCause.OccurrenceMoved, reason, by, errors, (state, plan, input) =>
        {
            if (PlanEdits.CheckMove(plan, input, occurrenceId, to!.Value, at, emergencyReason) is { } refusal)
            {
                return PlanService.Edit.Refused(new PlanEditError.MoveRefused(refusal));
            }

            var occurrence = plan.Find(occurrenceId)!;
            var description = $"{occurrence.TaskKey} ({occurrence.ItemReference}) moved from {PlanChanges.Describe(occurrence.PlannedDate)} to " +
                              $"{PlanChanges.Describe(to)}{(at is { } time ? $" at {SchoolCalendarDocument.FormatTime(time)}" : "")}" +
                              (emergencyReason is null ? "" : $", as an emergency: {emergencyReason}");
            var move = state.Moves.SingleOrDefault(m => m.OccurrenceId == occurrenceId);
            int? atMinute = at is { } minute ? minute.Hour * 60 + minute.Minute : null;
            if (move is not null ? move.To == to && move.AtMinute == atMinute && move.EmergencyReason == emergencyReason
                    : occurrence.PlannedDate == to && at is null && emergencyReason is null)
            {
                return PlanService.Edit.Unchanged($"{occurrence.TaskKey} ({occurrence.ItemReference}) is planned on {PlanChanges.Describe(to)} already.");
            }

            var added = move is null;
            move ??= new OccurrenceMoveRecord { OccurrenceId = occurrenceId, ContractId = contractId };
            move.To = to.Value;
            move.AtMinute = at is { } t ? t.Hour * 60 + t.Minute : null;
            move.EmergencyReason = emergencyReason;
            if (added)
            {
                state.Moves.Add(move);
                return PlanService.Edit.Done(description, move);
            }

            return PlanService.Edit.Done(description);
        }, ct);
    }
}
