using System.Security.Claims;
using FieldContracts.Administration.Performance;
using FieldContracts.Data;
using FieldContracts.Web.Features.Schedule;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Web.Features.Performance;

/// <summary>
/// Special instruction 6: Purchasing cancels the contract with thirty days' prior written notice, because funds were not
/// appropriated (A) or the need has ended (B). The notice is made as a PDF and emailed to the contractor; the contract
/// ends and its later work is cancelled, all in one transaction.
/// </summary>
public sealed class TerminateWithoutCause(FieldContractsDbContext db, IClock clock, CaseSteps steps, CaseNotices notices,
    CaseDocumentMaker maker)
{
    public async Task<StepOutcome> HandleAsync(ClaimsPrincipal user, string number, TerminationWithoutCauseReason reason, LocalDate noticeOn,
        LocalDate effectiveOn, string? text, CancellationToken ct)
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

        var now = clock.GetCurrentInstant();
        var today = now.InZone(Hartford.Zone).Date;
        var by = ScheduleApi.Who(user);
        var (decided, refusal) = TerminationWithoutCause.Decide(contract, reason, noticeOn, effectiveOn, user.Party(), by, now, today, text);
        if (refusal is not null)
        {
            return CaseRefusals.ToOutcome(refusal);
        }

        var notice = await maker.TerminationAsync(contract, decided!, [], CaseDocumentMaker.Signer(user), today, ct);
        var termination = decided! with { Documents = [notice.Reference] };
        db.ContractTerminations.Add(termination);
        await notices.KeepAsync(notice, contract.Id, null, null, by, now, ct);
        await notices.SendAsync(contract, CaseQueries.TerminationMailPrefix(contract.Id), maker.Subject(contract, notice.Kind),
            maker.TerminationBody(contract, termination, $"/contracts/{number}/termination"), notice, now, ct);
        return await steps.EndContractAsync(contract, contract.Id, effectiveOn, by,
            $"Cancelled under special instruction 6 {(reason == TerminationWithoutCauseReason.FundsNotAppropriated ? "A" : "B")}.", ct);
    }
}
