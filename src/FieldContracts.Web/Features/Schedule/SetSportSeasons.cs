using FieldContracts.Data.Planning;
using FieldContracts.Scheduling.Contracts;
using FieldContracts.Scheduling.Planning;
using FieldContracts.Web.Features.Shared;
using Result = System.Threading.Tasks.Task<(FieldContracts.Web.Features.Schedule.PlanEditResult? Result, FieldContracts.Web.Features.Schedule.PlanEditError? Error)>;

namespace FieldContracts.Web.Features.Schedule;

/// <summary>The Athletic Director sets an area's sport seasons (spec IV heights "in season"), or several areas' at once.</summary>
public sealed class SetSportSeasons(PlanChanges changes)
{
    public Result HandleAsync(Guid contractId, Guid areaId, IReadOnlyList<SportSeasonDocument>? seasons,
        string? reason, string by, CancellationToken ct)
    {
        var errors = new FieldErrors();
        Check(errors, "", seasons);
        return changes.RunAsync(contractId, ReplanCause.SportSeasonChanged, reason, by, errors, (state, _, _) =>
        {
            var (description, refused) = Apply(state, areaId, seasons);
            return refused ?? (description is null
                ? PlanService.Edit.Unchanged(Unchanged(state, areaId))
                : PlanService.Edit.Done(description));
        }, ct);
    }

    /// <summary>
    /// Sets the seasons of each area given, in one change of the plan (one re-plan, one record): all or nothing. Errors are
    /// keyed <c>{areaId}.seasons[i]…</c>. Areas whose seasons stand as given are left out of the record.
    /// </summary>
    public Result HandleAsync(Guid contractId, IReadOnlyList<(Guid AreaId, IReadOnlyList<SportSeasonDocument> Seasons)> areas,
        string? reason, string by, CancellationToken ct)
    {
        var errors = new FieldErrors();
        foreach (var (areaId, seasons) in areas)
        {
            Check(errors, $"{areaId}.", seasons);
        }

        return changes.RunAsync(contractId, ReplanCause.SportSeasonChanged, reason, by, errors, (state, _, _) =>
        {
            var descriptions = new List<string>();
            foreach (var (areaId, seasons) in areas)
            {
                var (description, refused) = Apply(state, areaId, seasons);
                if (refused is not null)
                {
                    return refused;
                }

                if (description is not null)
                {
                    descriptions.Add(description);
                }
            }

            return descriptions.Count == 0
                ? PlanService.Edit.Unchanged("The sport seasons already stand as given.")
                : PlanService.Edit.Done(string.Join("; ", descriptions));
        }, ct);
    }

    private static void Check(FieldErrors errors, string prefix, IReadOnlyList<SportSeasonDocument>? seasons)
    {
        for (var i = 0; i < (seasons?.Count ?? 0); i++)
        {
            errors.Text($"{prefix}seasons[{i}].sport", seasons![i].Sport, 100);
            if (seasons[i].From is null || seasons[i].To is null)
            {
                errors.Add($"{prefix}seasons[{i}]", "Give the season's first and last day (MM-dd).");
            }
        }
    }

    /// <summary>Sets the area's seasons: what changed in words, or null when they stand as given already; or why not.</summary>
    private static (string? Description, PlanService.Edit? Refused) Apply(PlanState state, Guid areaId, IReadOnlyList<SportSeasonDocument>? seasons)
    {
        var site = state.Contract.Sites.FirstOrDefault(s => s.Areas.Any(a => a.Id == areaId));
        var area = site?.Areas.Single(a => a.Id == areaId);
        if (area is null)
        {
            return (null, PlanService.Edit.Invalid("areaId", "The contract has no such area."));
        }

        var next = (seasons ?? []).Select(s => new SportSeason(s.Sport!.Trim(), s.From!.Value, s.To!.Value)).ToList();
        if (area.Seasons.SequenceEqual(next))
        {
            return (null, null);
        }

        var description = $"{area.Name} ({site!.Code}): sport seasons {PlanChanges.Describe(area.Seasons)} → {PlanChanges.Describe(next)}";
        area.SetSeasons(next);
        return (description, null);
    }

    private static string Unchanged(PlanState state, Guid areaId)
    {
        var site = state.Contract.Sites.First(s => s.Areas.Any(a => a.Id == areaId));
        var area = site.Areas.Single(a => a.Id == areaId);
        return $"{area.Name} ({site.Code}) already has these sport seasons: {PlanChanges.Describe(area.Seasons)}.";
    }
}
