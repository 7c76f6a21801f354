using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.Notices;
using FieldContracts.Administration.WorkLogs;
using FieldContracts.Data.Identity;
using FieldContracts.Data.Notices;
using FieldContracts.Data.Planning;
using FieldContracts.Scheduling.Contracts;
using FieldContracts.Scheduling.Planning;
using FieldContracts.Scheduling.Specification;
using FieldContracts.Web.Features.Schedule;
using FieldContracts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Web.Features.WorkLogs;

/// <summary>What became of a work-log command; turned into HTTP answers or form errors by the callers.</summary>
public abstract record WorkLogOutcome
{
    private WorkLogOutcome()
    {
    }

    /// <summary>Done: the visit, and whether this call created it (false for a retry or a later step).</summary>
    public sealed record Done(Guid Id, bool Created) : WorkLogOutcome;

    /// <summary>No such visit or occurrence that the user can see; another contractor's looks the same.</summary>
    public sealed record NotFound(string Detail) : WorkLogOutcome;

    /// <summary>Input that does not make sense, by JSON path.</summary>
    public sealed record Invalid(Dictionary<string, string[]> Errors) : WorkLogOutcome;

    /// <summary>Sensible input the contract refuses (no prior notice, already logged, already verified, …).</summary>
    /// <param name="Field">The field the refusal concerns, by JSON path, when it is one (a form shows it there).</param>
    public sealed record Conflict(string Title, string Detail, string? Field = null) : WorkLogOutcome;

    /// <summary>The user's role may not do this to this visit.</summary>
    public sealed record Forbidden(string Detail) : WorkLogOutcome;
}
/// <summary>How refusals of the domain and the plan read as outcomes.</summary>
internal static class WorkLogOutcomes
{
    internal static WorkLogOutcome Refused(ReviewRefusal refusal) => refusal switch
    {
        ReviewRefusal.OwnSubmission => new WorkLogOutcome.Forbidden("Nobody verifies or disputes a visit they submitted."),
        ReviewRefusal.ReasonRequired r => Invalid(r.Action == ReviewAction.Correct ? "why" : "text",
            r.Action == ReviewAction.Dispute ? "Say what is disputed." : "Give the text."),
        ReviewRefusal.NotNow n => new WorkLogOutcome.Conflict("Not now.", n.Status switch
        {
            VisitStatus.Verified => "The visit is verified; it is closed.",
            VisitStatus.Disputed => $"The visit is disputed: the contractor answers or corrects it first ({n.Action} is not open).",
            _ => $"The visit is {n.Status.ToString().ToLowerInvariant()}; {n.Action.ToString().ToLowerInvariant()} is not open.",
        }),
        _ => new WorkLogOutcome.Conflict("Refused.", refusal.ToString()),
    };

    internal static WorkLogOutcome FromPlanError(PlanEditError error) => error switch
    {
        PlanEditError.Invalid invalid => new WorkLogOutcome.Conflict("The plan changed meanwhile.", string.Join(" ", invalid.Errors.Values.SelectMany(v => v))),
        _ => new WorkLogOutcome.NotFound("The contract no longer exists."),
    };

    internal static WorkLogOutcome.NotFound NotFoundLog(Guid id) => new($"There is no visit {id} that you can see.");

    internal static WorkLogOutcome.Invalid Invalid(string path, string message) => new(new Dictionary<string, string[]> { [path] = [message] });
}
