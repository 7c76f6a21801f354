using FieldContracts.Data.Planning;
using FieldContracts.Scheduling.Planning;
using FieldContracts.Web.Features.Shared;
using Result = System.Threading.Tasks.Task<(FieldContracts.Web.Features.Schedule.PlanEditResult? Result, FieldContracts.Web.Features.Schedule.PlanEditError? Error)>;

namespace FieldContracts.Web.Features.Schedule;

/// <summary>The Athletic Director sets a school's hours, sessions, closures and activities, which chemical applications avoid.</summary>
public sealed class SetSchoolCalendar(PlanChanges changes)
{
    public Result HandleAsync(Guid contractId, Guid siteId, SchoolCalendarDocument? calendar,
        string? reason, string by, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (calendar is null)
        {
            errors.Add("calendar", "Give the school calendar.");
        }
        else
        {
            foreach (var (path, messages) in calendar.ToCalendar().Errors)
            {
                foreach (var message in messages)
                {
                    errors.Add(path, message);
                }
            }
        }

        return changes.RunAsync(contractId, ReplanCause.Other, reason, by, errors, (state, _, _) =>
        {
            var site = state.Contract.Sites.SingleOrDefault(s => s.Id == siteId);
            if (site is null)
            {
                return PlanService.Edit.Invalid("site", "The contract has no such school.");
            }

            var json = calendar!.ToJson();
            var description = $"{site.Name}: school calendar changed ({calendar.Sessions.Count} sessions, " +
                              $"{calendar.Closures.Count} closures, {calendar.Activities.Count} activities)";
            var record = state.Calendars.SingleOrDefault(c => c.SiteId == siteId);
            if (record?.Calendar == json)
            {
                return PlanService.Edit.Unchanged($"{site.Name}: the school calendar is already as given.");
            }

            if (record is null)
            {
                record = new SchoolCalendarRecord { SiteId = siteId, Calendar = json };
                state.Calendars.Add(record);
                return PlanService.Edit.Done(description, record);
            }

            record.Calendar = json;
            return PlanService.Edit.Done(description);
        }, ct);
    }
}
