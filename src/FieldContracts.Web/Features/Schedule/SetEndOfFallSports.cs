using FieldContracts.Data.Planning;
using FieldContracts.Scheduling.Planning;
using FieldContracts.Web.Features.Shared;
using NodaTime;
using Result = System.Threading.Tasks.Task<(FieldContracts.Web.Features.Schedule.PlanEditResult? Result, FieldContracts.Web.Features.Schedule.PlanEditError? Error)>;

namespace FieldContracts.Web.Features.Schedule;

/// <summary>The Athletic Director records the end of a school's fall sports, which starts slit-seeding (item 4d).</summary>
public sealed class SetEndOfFallSports(PlanChanges changes)
{
    public Result HandleAsync(Guid contractId, Guid siteId, int year, LocalDate? endOfFallSports,
        string? reason, string by, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (PlanFactRules.EndOfFallSports(year, endOfFallSports) is { } endRefused)
        {
            errors.Add("endOfFallSports", endRefused);
        }

        return changes.RunAsync(contractId, ReplanCause.EndOfFallSportsRecorded, reason, by, errors, (state, _, _) =>
        {
            var site = state.Contract.Sites.SingleOrDefault(s => s.Id == siteId);
            if (site is null)
            {
                return PlanService.Edit.Invalid("site", "The contract has no such school.");
            }

            var facts = state.SiteYearFacts.SingleOrDefault(f => f.SiteId == siteId && f.Year == year);
            if (facts?.EndOfFallSports == endOfFallSports)
            {
                return PlanService.Edit.Unchanged($"{site.Name}, {year}: the end of fall sports is {PlanChanges.Describe(endOfFallSports)} already.");
            }

            var added = facts is null;
            facts ??= new SiteYearFacts { SiteId = siteId, Year = year };
            var description = $"{site.Name}, {year}: end of fall sports {PlanChanges.Describe(facts.EndOfFallSports)} → {PlanChanges.Describe(endOfFallSports)}";
            facts.EndOfFallSports = endOfFallSports;
            if (added)
            {
                state.SiteYearFacts.Add(facts);
                return PlanService.Edit.Done(description, facts);
            }

            return PlanService.Edit.Done(description);
        }, ct);
    }
}
