using FieldContracts.Data.Planning;
using FieldContracts.Scheduling.Planning;
using FieldContracts.Web.Features.Shared;
using NodaTime;
using Result = System.Threading.Tasks.Task<(FieldContracts.Web.Features.Schedule.PlanEditResult? Result, FieldContracts.Web.Features.Schedule.PlanEditError? Error)>;

namespace FieldContracts.Web.Features.Schedule;

/// <summary>When grass began growing and went dormant in a year of the term.</summary>
public sealed record YearFactsDocument(int Year, LocalDate? GrowthStart, LocalDate? Dormancy);

/// <summary>The Athletic Director records when grass began growing (item 2d) and went dormant (item 5a) in a year, or in several at once.</summary>
public sealed class SetYearFacts(PlanChanges changes)
{
    public Result HandleAsync(Guid contractId, int year, LocalDate? growthStart, LocalDate? dormancy,
        string? reason, string by, CancellationToken ct)
    {
        var errors = new FieldErrors();
        Check(errors, "", new YearFactsDocument(year, growthStart, dormancy));
        var cause = dormancy is not null ? ReplanCause.DormancyDateChanged : ReplanCause.GrowthStartChanged;
        return changes.RunAsync(contractId, cause, reason, by, errors, (state, _, _) =>
        {
            var (description, added, refused) = Apply(state, new YearFactsDocument(year, growthStart, dormancy));
            if (refused is not null)
            {
                return refused;
            }

            return description is null
                ? PlanService.Edit.Unchanged($"{year}: growth start is {PlanChanges.Describe(growthStart)} and dormancy {PlanChanges.Describe(dormancy)} already.")
                : PlanService.Edit.Done(description, [.. added]);
        }, ct);
    }

    /// <summary>
    /// Records the facts of each year given in one change of the plan (one re-plan, one record): all or nothing. Errors are
    /// keyed <c>{year}.growthStart</c> and <c>{year}.dormancy</c>. Years whose facts stand as given are left out of the record.
    /// </summary>
    public Result HandleAsync(Guid contractId, IReadOnlyList<YearFactsDocument> years, string? reason, string by, CancellationToken ct)
    {
        var errors = new FieldErrors();
        foreach (var year in years)
        {
            Check(errors, $"{year.Year}.", year);
        }

        var cause = years.Any(y => y.Dormancy is not null) ? ReplanCause.DormancyDateChanged : ReplanCause.GrowthStartChanged;
        return changes.RunAsync(contractId, cause, reason, by, errors, (state, _, _) =>
        {
            var descriptions = new List<string>();
            var rows = new List<object>();
            foreach (var year in years)
            {
                var (description, added, refused) = Apply(state, year);
                if (refused is not null)
                {
                    return refused;
                }

                if (description is not null)
                {
                    descriptions.Add(description);
                    rows.AddRange(added);
                }
            }

            return descriptions.Count == 0
                ? PlanService.Edit.Unchanged("Growth and dormancy already stand as given.")
                : PlanService.Edit.Done(string.Join("; ", descriptions), [.. rows]);
        }, ct);
    }

    private static void Check(FieldErrors errors, string prefix, YearFactsDocument year)
    {
        if (PlanFactRules.GrowthStart(year.Year, year.GrowthStart) is { } growthRefused)
        {
            errors.Add($"{prefix}growthStart", growthRefused);
        }

        if (PlanFactRules.Dormancy(year.Year, year.Dormancy) is { } dormancyRefused)
        {
            errors.Add($"{prefix}dormancy", dormancyRefused);
        }
    }

    /// <summary>Records the year's facts: what changed in words and any new row, or null when they stand as given; or why not.</summary>
    private static (string? Description, IReadOnlyList<object> Added, PlanService.Edit? Refused) Apply(PlanState state, YearFactsDocument year)
    {
        if (year.Year < state.Contract.TermStart.Year || year.Year > state.Contract.TermEnd.Year)
        {
            return (null, [], PlanService.Edit.Invalid("year", $"The term covers {state.Contract.TermStart.Year} to {state.Contract.TermEnd.Year}."));
        }

        var facts = state.YearFacts.SingleOrDefault(f => f.Year == year.Year);
        if (facts?.GrowthStart == year.GrowthStart && facts?.Dormancy == year.Dormancy)
        {
            return (null, [], null);
        }

        var added = facts is null;
        facts ??= new ContractYearFacts { ContractId = state.Contract.Id, Year = year.Year };
        var description = $"{year.Year}: growth start {PlanChanges.Describe(facts.GrowthStart)} → {PlanChanges.Describe(year.GrowthStart)}; " +
                          $"dormancy {PlanChanges.Describe(facts.Dormancy)} → {PlanChanges.Describe(year.Dormancy)}";
        facts.GrowthStart = year.GrowthStart;
        facts.Dormancy = year.Dormancy;
        if (added)
        {
            state.YearFacts.Add(facts);
            return (description, [facts], null);
        }

        return (description, [], null);
    }
}
