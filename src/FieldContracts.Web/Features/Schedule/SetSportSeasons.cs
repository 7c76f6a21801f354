using FieldContracts.Data.Planning;
using FieldContracts.Scheduling.Contracts;
using FieldContracts.Scheduling.Planning;
using FieldContracts.Web.Features.Shared;
using Result = System.Threading.Tasks.Task<(FieldContracts.Web.Features.Schedule.PlanEditResult? Result, FieldContracts.Web.Features.Schedule.PlanEditError? Error)>;

namespace FieldContracts.Web.Features.Schedule;

/// <summary>The Athletic Director sets an area's sport seasons (spec IV heights "in season").</summary>
public sealed class SetSportSeasons(PlanChanges changes)
{
    public Result HandleAsync(Guid contractId, Guid areaId, IReadOnlyList<SportSeasonDocument>? seasons,
        string? reason, string by, CancellationToken ct)
    {
        var errors = new FieldErrors();
        for (var i = 0; i < (seasons?.Count ?? 0); i++)
        {
            errors.Text($"seasons[{i}].sport", seasons![i].Sport, 100);
            if (seasons[i].From is null || seasons[i].To is null)
            {
                errors.Add($"seasons[{i}]", "Give the season's first and last day (MM-dd).");
            }
        }

        return changes.RunAsync(contractId, ReplanCause.SportSeasonChanged, reason, by, errors, (state, _, _) =>
        {
            var site = state.Contract.Sites.FirstOrDefault(s => s.Areas.Any(a => a.Id == areaId));
            var area = site?.Areas.Single(a => a.Id == areaId);
            if (area is null)
            {
                return PlanService.Edit.Invalid("areaId", "The contract has no such area.");
            }

            var next = (seasons ?? []).Select(s => new SportSeason(s.Sport!.Trim(), s.From!.Value, s.To!.Value)).ToList();
            if (area.Seasons.SequenceEqual(next))
            {
                return PlanService.Edit.Unchanged($"{area.Name} ({site!.Code}) already has these sport seasons: {PlanChanges.Describe(next)}.");
            }

            var description = $"{area.Name} ({site!.Code}): sport seasons {PlanChanges.Describe(area.Seasons)} → {PlanChanges.Describe(next)}";
            area.SetSeasons(next);
            return PlanService.Edit.Done(description);
        }, ct);
    }
}
