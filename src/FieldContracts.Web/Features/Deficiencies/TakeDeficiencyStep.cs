using System.Security.Claims;
using FieldContracts.Administration.Deficiencies;
using FieldContracts.Data;
using FieldContracts.Web.Features.Schedule;
using FieldContracts.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Web.Features.Deficiencies;

/// <summary>A step on a deficiency: what is asked, the text that goes with it, and for a cure the visit that made it good.</summary>
public sealed record DeficiencyStepRequest(string? Text, Guid? CureWorkLogId);

/// <summary>
/// Takes a step on a deficiency for the signed-in user: the contractor acknowledges or disputes, Purchasing upholds or
/// withdraws, the Athletic Director (or Purchasing) verifies a cure. The aggregate decides; this class maps the
/// user to a party, loads and saves. Two steps at once on one deficiency: the second is refused, nothing half-written.
/// </summary>
public sealed class TakeDeficiencyStep(FieldContractsDbContext db, IClock clock)
{
    public async Task<StepOutcome> HandleAsync(ClaimsPrincipal user, Guid id, DeficiencyAction action, DeficiencyStepRequest request,
        CancellationToken ct)
    {
        var deficiency = await db.Deficiencies.Include(d => d.Steps)
            .Where(d => d.Id == id && db.Contracts.VisibleTo(user).Any(c => c.Id == d.ContractId))
            .SingleOrDefaultAsync(ct);
        if (deficiency is null)
        {
            return new StepOutcome.NotFound($"There is no deficiency {id} that you can see.");
        }

        if (request.Text is { Length: > 2000 })
        {
            return new StepOutcome.Invalid("text", "At most 2000 characters.");
        }

        if (request.CureWorkLogId is { } visit)
        {
            if (action != DeficiencyAction.Cure)
            {
                return new StepOutcome.Invalid("cureWorkLogId", "Only a cure names the visit that made the deficiency good.");
            }

            if (!await db.WorkLogs.AnyAsync(l => l.Id == visit && l.ContractId == deficiency.ContractId, ct))
            {
                return new StepOutcome.Invalid("cureWorkLogId", "There is no such visit on this contract.");
            }
        }

        var (_, refusal) = deficiency.Take(action, user.Party(), ScheduleApi.Who(user), clock.GetCurrentInstant(), request.Text,
            request.CureWorkLogId);
        switch (refusal)
        {
            case DeficiencyRefusal.NotYourStep:
                return new StepOutcome.Forbidden(action switch
                {
                    DeficiencyAction.Acknowledge or DeficiencyAction.Dispute => "Only the contractor acknowledges or disputes a deficiency.",
                    DeficiencyAction.Cure => "The Athletic Director or Purchasing verifies a cure; the contractor shows it with a visit or photos.",
                    _ => "Only Purchasing upholds or withdraws a deficiency.",
                });
            case DeficiencyRefusal.OwnDeficiency:
                return new StepOutcome.Forbidden("Nobody upholds or withdraws a deficiency they raised themselves.");
            case DeficiencyRefusal.TextRequired:
                return new StepOutcome.Invalid("text", action switch
                {
                    DeficiencyAction.Acknowledge => "Say how the deficiency will be made good.",
                    DeficiencyAction.Cure => "Say what cured it: the visit, or what was seen.",
                    _ => "Give the reason.",
                });
            case DeficiencyRefusal.NotNow notNow:
                return new StepOutcome.Conflict("Not now.",
                    $"The deficiency is {notNow.Status.ToString().ToLowerInvariant()}: it cannot be {Past(action)} now.");
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new StepOutcome.Conflict("Changed meanwhile.", "Someone else acted on this deficiency at the same time. Reload and try again.");
        }

        return new StepOutcome.Done(deficiency.Id);
    }

    private static string Past(DeficiencyAction action) => action switch
    {
        DeficiencyAction.Acknowledge => "acknowledged",
        DeficiencyAction.Dispute => "disputed",
        DeficiencyAction.Uphold => "upheld",
        DeficiencyAction.Withdraw => "withdrawn",
        _ => "cured",
    };
}
