using System.Security.Claims;
using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.Performance;
using FieldContracts.Data;
using FieldContracts.Data.Performance;
using FieldContracts.Scheduling.Contracts;
using FieldContracts.Scheduling.Planning;
using FieldContracts.Web.Features.Deliverables;
using FieldContracts.Web.Features.Schedule;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Web.Features.Performance;

/// <summary>
/// Opens performance cases and takes their steps for the signed-in user. The aggregate decides; this class maps the user
/// to a party, makes the step's notice, keeps its documents, queues its emails and, for a termination, ends the contract
/// and cancels the work planned from its effective day, all in one transaction: a refused step writes nothing.
/// </summary>
public sealed class CaseSteps(FieldContractsDbContext db, IClock clock, PlanService plan, CaseNotices notices, CaseDocumentMaker maker)
{
    /// <summary>At most this many files a step (minutes, photos of a cure).</summary>
    public const int MaxAttachments = 10;

    /// <summary>Opens a case on the contract naming <paramref name="deficiencyIds"/> from its register.</summary>
    public async Task<StepOutcome> OpenAsync(ClaimsPrincipal user, string number, IReadOnlyList<Guid> deficiencyIds, string? text,
        CancellationToken ct)
    {
        var contract = await db.Contracts.VisibleTo(user).SingleOrDefaultAsync(c => c.Number == number, ct);
        if (contract is null)
        {
            return new StepOutcome.NotFound($"There is no contract {number} that you can see.");
        }

        if (text is { Length: > 8000 })
        {
            return new StepOutcome.Invalid("text", "At most 8000 characters.");
        }

        var ids = deficiencyIds.Distinct().ToList();
        var named = await db.Deficiencies.Include(d => d.Steps).Where(d => ids.Contains(d.Id)).ToListAsync(ct);
        if (ids.Except(named.Select(d => d.Id)).FirstOrDefault() is var missing && missing != Guid.Empty)
        {
            return new StepOutcome.Invalid("deficiencyIds", $"There is no deficiency {missing} in the register.");
        }

        var ordered = ids.Select(id => named.Single(d => d.Id == id)).ToList();
        var (opened, refusal) = PerformanceCase.Open(contract, ordered, user.Party(), ScheduleApi.Who(user), clock.GetCurrentInstant(), text);
        if (refusal is not null)
        {
            return CaseRefusals.ToOutcome(refusal);
        }

        db.PerformanceCases.Add(opened!);
        await db.SaveChangesAsync(ct);
        return new StepOutcome.Done(opened!.Id);
    }

    /// <summary>
    /// Takes <paramref name="command"/> on the case. A cure notice is dated now, whatever the request said; attachments
    /// are checked (PDF, Word or an image, at most 20 MB each) before anything is written.
    /// </summary>
    public async Task<StepOutcome> TakeAsync(ClaimsPrincipal user, string number, Guid caseId, PerformanceCaseCommand command, string? text,
        IReadOnlyList<FileUpload> attachments, CancellationToken ct)
    {
        var contract = await db.Contracts.VisibleTo(user).SingleOrDefaultAsync(c => c.Number == number, ct);
        var performanceCase = contract is null
            ? null
            : await db.PerformanceCases.Include(c => c.Steps).SingleOrDefaultAsync(c => c.Id == caseId && c.ContractId == contract.Id, ct);
        if (contract is null || performanceCase is null)
        {
            return new StepOutcome.NotFound($"There is no case {caseId} on contract {number} that you can see.");
        }

        if (text is { Length: > 8000 })
        {
            return new StepOutcome.Invalid("text", "At most 8000 characters.");
        }

        if (attachments.Count > MaxAttachments)
        {
            return new StepOutcome.Invalid("files", $"At most {MaxAttachments} files a step.");
        }

        var checkedFiles = new List<CheckedDocument>();
        foreach (var upload in attachments)
        {
            var (file, error) = DocumentStore.Check(upload);
            if (error is not null)
            {
                return new StepOutcome.Invalid("files", error);
            }

            checkedFiles.Add(file!);
        }

        var now = clock.GetCurrentInstant();
        var today = now.InZone(Hartford.Zone).Date;
        var by = ScheduleApi.Who(user);
        var party = user.Party();
        if (command is PerformanceCaseCommand.SendCureNotice)
        {
            command = new PerformanceCaseCommand.SendCureNotice(now);
        }

        // Who may take the step, and whether it follows now, is asked before any notice is made; the aggregate asks again.
        if (!PerformanceCase.MayTake(party, command.Action))
        {
            return CaseRefusals.ToOutcome(new PerformanceCaseRefusal.NotYourStep(party, command.Action));
        }

        var notice = PerformanceCase.Next(performanceCase.Status, command.Action) is null || string.IsNullOrWhiteSpace(text)
            ? null
            : await maker.ForAsync(contract, performanceCase, command, CaseDocumentMaker.Signer(user), today, text, ct);
        var documents = new List<DocumentReference>();
        if (notice is not null)
        {
            documents.Add(notice.Reference);
        }

        documents.AddRange(checkedFiles.Select(f => new DocumentReference(f.Document.Sha256)));
        var (step, refusal) = performanceCase.Take(command, party, by, now, today, text, documents);
        if (refusal is not null)
        {
            db.ChangeTracker.Clear();
            return CaseRefusals.ToOutcome(refusal);
        }

        if (notice is not null)
        {
            await notices.KeepAsync(notice, contract.Id, performanceCase.Id, step!.Id, by, now, ct);
            await notices.SendAsync(contract, CaseQueries.StepMailPrefix(step.Id), maker.Subject(contract, notice.Kind),
                maker.Body(contract, performanceCase, command, $"/contracts/{number}/cases/{performanceCase.Id}"), notice, now, ct);
        }

        foreach (var file in checkedFiles)
        {
            await notices.KeepAsync(file, contract.Id, performanceCase.Id, step!.Id, by, now, ct);
        }

        if (command is PerformanceCaseCommand.VerifyCure { Cured: true } verified)
        {
            await CureInRegisterAsync(verified.DeficiencyId, party, by, now, text!, ct);
        }

        if (command is PerformanceCaseCommand.TerminateForCause terminate)
        {
            return await EndContractAsync(contract, performanceCase.Id, terminate.EffectiveOn, by,
                $"Terminated for cause under special instruction 7 C (case {performanceCase.Id}).", ct);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new StepOutcome.Conflict("Changed meanwhile.", "Someone else acted on this case at the same time. Reload and try again.");
        }

        return new StepOutcome.Done(performanceCase.Id);
    }

    /// <summary>
    /// Ends the contract from <paramref name="effectiveOn"/> and re-plans it, in the transaction of whatever else is
    /// tracked: work planned on or after the day is cancelled (and shows so in the calendar feeds); logged work is kept.
    /// </summary>
    internal async Task<StepOutcome> EndContractAsync(Contract contract, Guid resultId, LocalDate effectiveOn, string by, string reason,
        CancellationToken ct)
    {
        PlanEditError? error;
        try
        {
            (_, error) = await plan.ChangeAsync(contract.Id, ReplanCause.ContractTerminated, reason, by, (state, _, _) =>
            {
                state.Contract.Terminate(effectiveOn);
                return PlanService.Edit.Done($"Contract no longer in force from {Display.Long(effectiveOn)}; work planned from that day is cancelled.");
            }, ct);
        }
        catch (DbUpdateException)
        {
            // The contract's one termination row: another termination was saved first.
            db.ChangeTracker.Clear();
            return new StepOutcome.Conflict("Already terminated.", "The contract was terminated by someone else at the same time. Reload to see it.");
        }

        return error switch
        {
            null => new StepOutcome.Done(resultId),
            PlanEditError.ChangedMeanwhile => new StepOutcome.Conflict("Changed meanwhile.",
                "Someone else changed this contract at the same time. Reload and try again."),
            _ => new StepOutcome.Conflict("Refused.", "The contract's plan could not be brought to the termination."),
        };
    }

    /// <summary>A cure the City verified in a case is a cure in the register too, unless the register already holds it closed.</summary>
    private async Task CureInRegisterAsync(Guid deficiencyId, Party party, string by, Instant at, string text, CancellationToken ct)
    {
        var deficiency = await db.Deficiencies.Include(d => d.Steps).SingleAsync(d => d.Id == deficiencyId, ct);
        if (!deficiency.IsClosed)
        {
            deficiency.Take(DeficiencyAction.Cure, party, by, at, text);
        }
    }
}
