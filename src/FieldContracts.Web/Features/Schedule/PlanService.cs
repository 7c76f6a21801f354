using FieldContracts.Data;
using FieldContracts.Data.Planning;
using FieldContracts.Scheduling.Planning;
using FieldContracts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Web.Features.Schedule;

/// <summary>Why a change to a plan was refused; nothing is saved.</summary>
public abstract record PlanEditError
{
    public sealed record ContractNotFound : PlanEditError;

    /// <summary>Input that does not make sense, by field.</summary>
    public sealed record Invalid(Dictionary<string, string[]> Errors) : PlanEditError;

    /// <summary>The plan refuses the move (logged, outside the term, during school hours, …).</summary>
    public sealed record MoveRefused(MoveRefusal Refusal) : PlanEditError;

    /// <summary>The change would change nothing: what it asks for already stands. Nothing is recorded.</summary>
    public sealed record NothingToChange(string Detail) : PlanEditError;

    /// <summary>Someone else changed the same occurrences while this change was being made.</summary>
    public sealed record ChangedMeanwhile : PlanEditError
    {
        public const string Message = "Someone else changed the same work at the same time. Reload and try again.";
    }
}

/// <summary>A change applied: the recorded change and what it did to the plan.</summary>
public sealed record PlanEditResult(PlanFactChange Change, IReadOnlyList<PlanChange> OccurrenceChanges);

/// <summary>
/// Every change to what a plan is made from goes through here: load the state, plan it, apply the
/// edit, re-plan (logged work is kept as it was), bring the stored occurrences up to date and record
/// who changed what, when and why, all in one transaction.
/// </summary>
public sealed class PlanService(FieldContractsDbContext db, IClock clock)
{
    /// <summary>Makes and stores the plan of a contract that has none yet. Idempotent.</summary>
    public async Task EnsurePlanAsync(Guid contractId, string changedBy, CancellationToken ct)
    {
        if (await db.Occurrences.AnyAsync(o => o.ContractId == contractId, ct))
        {
            return;
        }

        var state = await PlanState.LoadAsync(db, contractId, ct)
            ?? throw new InvalidOperationException($"Contract {contractId} does not exist.");
        var plan = SeasonalPlanner.Plan(state.ToInput(Hartford.Zone));
        var now = clock.GetCurrentInstant();
        db.Occurrences.AddRange(state.Sync(plan, now));
        db.PlanFactChanges.Add(new PlanFactChange
        {
            Id = Guid.CreateVersion7(),
            ContractId = contractId,
            Cause = ReplanCause.Other,
            Description = state.StoredSpecification is null
                ? "No specification: nothing is planned."
                : $"Plan made from the specification: {plan.Occurrences.Count} occurrences.",
            Reason = "Contract set up",
            ChangedBy = changedBy,
            ChangedAt = now,
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Applies <paramref name="edit"/> to the contract's plan state. The edit returns a description of
    /// what it changed, or an error; on an error nothing is saved.
    /// </summary>
    public async Task<(PlanEditResult? Result, PlanEditError? Error)> ChangeAsync(
        Guid contractId, ReplanCause cause, string reason, string changedBy,
        Func<PlanState, SeasonalPlan, PlanInput, Edit> edit, CancellationToken ct)
    {
        var state = await PlanState.LoadAsync(db, contractId, ct);
        if (state is null)
        {
            return (null, new PlanEditError.ContractNotFound());
        }

        var inputBefore = state.ToInput(Hartford.Zone);
        var before = SeasonalPlanner.Plan(inputBefore);
        var outcome = edit(state, before, inputBefore);
        if (outcome.Error is not null)
        {
            db.ChangeTracker.Clear();
            return (null, outcome.Error);
        }

        foreach (var added in outcome.Added)
        {
            db.Add(added);
        }

        var now = clock.GetCurrentInstant();
        var revision = Replanner.Replan(before, state.ToInput(Hartford.Zone), new ChangeStamp(changedBy, now, cause, reason));
        db.Occurrences.AddRange(state.Sync(revision.Plan, now));
        var change = new PlanFactChange
        {
            Id = Guid.CreateVersion7(),
            ContractId = contractId,
            Cause = cause,
            Description = outcome.Description!,
            Reason = reason,
            ChangedBy = changedBy,
            ChangedAt = now,
        };
        db.PlanFactChanges.Add(change);
        db.OccurrenceChanges.AddRange(revision.Changes.Select(c => new OccurrenceChangeRecord
        {
            Id = Guid.CreateVersion7(),
            FactChangeId = change.Id,
            ContractId = contractId,
            OccurrenceId = c.OccurrenceId,
            What = c.What,
            PlannedBefore = c.Before?.PlannedDate,
            PlannedAfter = c.After?.PlannedDate,
            StatusBefore = c.Before?.Status,
            StatusAfter = c.After?.Status,
            FreshNoticeRequired = c.Notice?.FreshNoticeRequired ?? false,
        }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return (null, new PlanEditError.ChangedMeanwhile());
        }

        return (new PlanEditResult(change, revision.Changes), null);
    }

    /// <summary>What an edit did: a description and any new rows to add, or an error.</summary>
    public sealed record Edit(string? Description, PlanEditError? Error, IReadOnlyList<object> Added)
    {
        public static Edit Done(string description, params object[] added) => new(description, null, added);

        public static Edit Refused(PlanEditError error) => new(null, error, []);

        /// <summary>What the change asks for already stands: refused, so no change is recorded that changes nothing.</summary>
        public static Edit Unchanged(string detail) => Refused(new PlanEditError.NothingToChange(detail));

        public static Edit Invalid(string path, string message) =>
            Refused(new PlanEditError.Invalid(new Dictionary<string, string[]> { [path] = [message] }));
    }
}
