using System.Security.Claims;
using FieldContracts.Administration.Performance;
using FieldContracts.Data;
using FieldContracts.Data.Performance;
using FieldContracts.Web.Features.Schedule;
using FieldContracts.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Web.Features.Performance;

/// <summary>The watch rule Purchasing sets for a contract: how many upheld deficiencies within how many days suggest a case.</summary>
public sealed record PerformanceWatchRequest(int? UpheldThreshold, int? WindowDays, bool? AnyApplicationWithoutNotice);

/// <summary>
/// Sets a contract's watch rule. #2685 says only "repeatedly fails", so the threshold is the City's; its limits are
/// <see cref="PerformanceWatchSettings.Check"/>'s.
/// </summary>
public sealed class SetPerformanceWatch(FieldContractsDbContext db, IClock clock)
{
    public async Task<StepOutcome> HandleAsync(ClaimsPrincipal user, string number, PerformanceWatchRequest request, CancellationToken ct)
    {
        var contractId = await db.Contracts.VisibleTo(user).Where(c => c.Number == number).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(ct);
        if (contractId is not { } id)
        {
            return new StepOutcome.NotFound($"There is no contract {number} that you can see.");
        }

        if (request.UpheldThreshold is not { } threshold)
        {
            return new StepOutcome.Invalid("upheldThreshold", "Give the number of upheld deficiencies that suggests a case.");
        }

        if (request.WindowDays is not { } window)
        {
            return new StepOutcome.Invalid("windowDays", "Give the window in days.");
        }

        if (PerformanceWatchSettings.Check(threshold, window) is { } problem)
        {
            return new StepOutcome.Invalid(problem.Field, problem.Message);
        }

        var record = await db.PerformanceWatchSettings.SingleOrDefaultAsync(w => w.ContractId == id, ct);
        if (record is null)
        {
            record = new PerformanceWatchRecord { ContractId = id };
            db.PerformanceWatchSettings.Add(record);
        }

        record.UpheldThreshold = threshold;
        record.WindowDays = window;
        record.AnyApplicationWithoutNotice = request.AnyApplicationWithoutNotice ?? true;
        record.ChangedBy = ScheduleApi.Who(user);
        record.ChangedAt = clock.GetCurrentInstant();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return new StepOutcome.Conflict("Changed meanwhile.", "Someone else set the watch rule at the same time. Reload and try again.");
        }

        return new StepOutcome.Done(id);
    }
}
