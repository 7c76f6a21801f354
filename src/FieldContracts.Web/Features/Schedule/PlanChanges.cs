using FieldContracts.Data.Planning;
using FieldContracts.Scheduling.Contracts;
using FieldContracts.Scheduling.Planning;
using FieldContracts.Web.Features.Shared;
using NodaTime;
using Result = System.Threading.Tasks.Task<(FieldContracts.Web.Features.Schedule.PlanEditResult? Result, FieldContracts.Web.Features.Schedule.PlanEditError? Error)>;

namespace FieldContracts.Web.Features.Schedule;

/// <summary>
/// What every change to a plan's facts shares: the reason it must give, the shape errors found before anything is
/// loaded, and the hand-over to <see cref="PlanService"/>, which re-plans and records it.
/// </summary>
public sealed class PlanChanges(PlanService plans)
{
    public Result RunAsync(Guid contractId, ReplanCause cause, string? reason, string by, FieldErrors errors,
        Func<PlanState, SeasonalPlan, PlanInput, PlanService.Edit> edit, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add("reason", "Say why: the change is recorded with its reason.");
        }
        else if (reason.Length > 1000)
        {
            errors.Add("reason", "At most 1000 characters.");
        }

        return errors.Any
            ? Task.FromResult<(PlanEditResult?, PlanEditError?)>((null, new PlanEditError.Invalid(errors.ToDictionary())))
            : plans.ChangeAsync(contractId, cause, reason!.Trim(), by, edit, ct);
    }

    public static string Describe(LocalDate? date) => date is { } d ? Display.Short(d) : "not set";

    public static string Describe(IEnumerable<SportSeason> seasons)
    {
        var text = string.Join(", ", seasons.Select(s => $"{s.Sport} {Display.Annual(s.From)} – {Display.Annual(s.To)}"));
        return text.Length == 0 ? "none" : text;
    }
}
