using FieldContracts.Data.Planning;
using FieldContracts.Scheduling.Planning;
using FieldContracts.Web.Features.Shared;
using NodaTime;
using Result = System.Threading.Tasks.Task<(FieldContracts.Web.Features.Schedule.PlanEditResult? Result, FieldContracts.Web.Features.Schedule.PlanEditError? Error)>;

namespace FieldContracts.Web.Features.Schedule;

/// <summary>Purchasing sets a season's window, every year or one year.</summary>
public sealed class SetSeasonWindow(PlanChanges changes)
{
    public Result HandleAsync(Guid contractId, string seasonKey, AnnualDate? defaultStart, AnnualDate? defaultEnd,
        int? year, LocalDate? start, LocalDate? end, string? reason, string by, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (PlanFactRules.DefaultSeasonWindow(defaultStart, defaultEnd) is { } windowRefused)
        {
            errors.Add("defaultWindow", windowRefused);
        }

        if (year is { } inYear && PlanFactRules.SeasonWindowInYear(inYear, start, end) is { } yearRefused)
        {
            errors.Add("yearWindow", yearRefused);
        }

        return changes.RunAsync(contractId, ReplanCause.SeasonWindowChanged, reason, by, errors, (state, _, _) =>
        {
            var season = state.Specification().Seasons.SingleOrDefault(s => s.Key == seasonKey);
            if (season is null)
            {
                return PlanService.Edit.Invalid("season", "The specification has no such season.");
            }

            var record = state.Windows.SingleOrDefault(w => w.SeasonKey == seasonKey);
            var added = record is null;
            record ??= new SeasonWindowRecord { ContractId = state.Contract.Id, SeasonKey = seasonKey };
            var overrides = SeasonWindowOverrides.Parse(record.Overrides);
            var unchanged = season.DefaultStart == defaultStart!.Value && season.DefaultEnd == defaultEnd!.Value
                            && (year is not { } same || season.WindowIn(same) == new DateInterval(start!.Value, end!.Value));
            if (unchanged)
            {
                return PlanService.Edit.Unchanged($"{season.Name}: the window is already as given.");
            }

            if (year is { } y)
            {
                overrides[y] = new DateInterval(start!.Value, end!.Value);
            }

            var description = $"{season.Name}: window {Display.Annual(season.DefaultStart)} – {Display.Annual(season.DefaultEnd)} → " +
                              $"{Display.Annual(defaultStart!.Value)} – {Display.Annual(defaultEnd!.Value)}" +
                              (year is null ? "" : $"; in {year}: {Display.Short(start!.Value)} – {Display.Short(end!.Value)}");
            record.DefaultStart = defaultStart.Value;
            record.DefaultEnd = defaultEnd.Value;
            record.Overrides = SeasonWindowOverrides.Format(overrides);
            if (added)
            {
                state.Windows.Add(record);
                return PlanService.Edit.Done(description, record);
            }

            return PlanService.Edit.Done(description);
        }, ct);
    }
}
