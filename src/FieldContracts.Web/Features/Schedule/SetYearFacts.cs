using FieldContracts.Data.Planning;
using FieldContracts.Scheduling.Planning;
using FieldContracts.Web.Features.Shared;
using NodaTime;
using Result = System.Threading.Tasks.Task<(FieldContracts.Web.Features.Schedule.PlanEditResult? Result, FieldContracts.Web.Features.Schedule.PlanEditError? Error)>;

namespace FieldContracts.Web.Features.Schedule;

/// <summary>The Athletic Director records when grass began growing (item 2d) and went dormant (item 5a) in a year.</summary>
public sealed class SetYearFacts(PlanChanges changes)
{
    public Result HandleAsync(Guid contractId, int year, LocalDate? growthStart, LocalDate? dormancy,
        string? reason, string by, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (PlanFactRules.GrowthStart(year, growthStart) is { } growthRefused)
        {
            errors.Add("growthStart", growthRefused);
        }

        if (PlanFactRules.Dormancy(year, dormancy) is { } dormancyRefused)
        {
            errors.Add("dormancy", dormancyRefused);
        }

        var cause = dormancy is not null ? ReplanCause.DormancyDateChanged : ReplanCause.GrowthStartChanged;
        return changes.RunAsync(contractId, cause, reason, by, errors, (state, _, _) =>
        {
            if (year < state.Contract.TermStart.Year || year > state.Contract.TermEnd.Year)
            {
                return PlanService.Edit.Invalid("year", $"The term covers {state.Contract.TermStart.Year} to {state.Contract.TermEnd.Year}.");
            }

            var facts = state.YearFacts.SingleOrDefault(f => f.Year == year);
            if (facts?.GrowthStart == growthStart && facts?.Dormancy == dormancy)
            {
                return PlanService.Edit.Unchanged($"{year}: growth start is {PlanChanges.Describe(growthStart)} and dormancy {PlanChanges.Describe(dormancy)} already.");
            }

            var added = facts is null;
            facts ??= new ContractYearFacts { ContractId = state.Contract.Id, Year = year };
            var description = $"{year}: growth start {PlanChanges.Describe(facts.GrowthStart)} → {PlanChanges.Describe(growthStart)}; " +
                              $"dormancy {PlanChanges.Describe(facts.Dormancy)} → {PlanChanges.Describe(dormancy)}";
            facts.GrowthStart = growthStart;
            facts.Dormancy = dormancy;
            if (added)
            {
                state.YearFacts.Add(facts);
                return PlanService.Edit.Done(description, facts);
            }

            return PlanService.Edit.Done(description);
        }, ct);
    }
}
