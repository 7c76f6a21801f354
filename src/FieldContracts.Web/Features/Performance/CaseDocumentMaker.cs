using FieldContracts.Administration.Performance;
using FieldContracts.Data;
using FieldContracts.Data.Performance;
using FieldContracts.Scheduling.Contracts;
using FieldContracts.Web.Features.Performance.Documents;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Features.WorkLogs;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Web.Features.Performance;

/// <summary>
/// Makes a case step's written notice from the case, the contract and the register: the meeting invitation (7 A), the
/// cure notice (7 B) and the termination notice (7 C or 6), and the emails that carry them.
/// </summary>
public sealed class CaseDocumentMaker(FieldContractsDbContext db, CaseNotices notices)
{
    /// <summary>The City office every notice is written from.</summary>
    public const string CityOffice = "City of Hartford, Procurement Services";

    /// <summary>Who signs a notice: the user's name and role for the City, e.g. "Pat Purchasing, Purchasing".</summary>
    public static string Signer(System.Security.Claims.ClaimsPrincipal user) =>
        user.FindFirst("fc:display_name")?.Value is { Length: > 0 } name
            ? $"{name}, {(user.Party() == FieldContracts.Administration.Deficiencies.Party.Purchasing ? "Purchasing" : "Athletic Director")}"
            : user.Identity?.Name ?? "City of Hartford";

    /// <summary>The notice a step sends, or null for a step that sends none.</summary>
    public async Task<NoticeDocument?> ForAsync(Contract contract, PerformanceCase performanceCase, PerformanceCaseCommand command,
        string by, LocalDate today, string? text, CancellationToken ct)
    {
        switch (command)
        {
            case PerformanceCaseCommand.ScheduleMeeting meeting:
            {
                var invitation = new MeetingInvitation(await HeaderAsync(contract, by, today, ct), meeting.On, meeting.Place.Trim(),
                    meeting.Attendees.Select(a => a.Trim()).ToList(),
                    await DeficienciesAsync(contract, performanceCase, performanceCase.Deficiencies.Select(d => d.DeficiencyId), ct), text ?? "");
                return new NoticeDocument(CaseDocumentKind.MeetingInvitation, CaseDocuments.FileName(invitation), CaseDocuments.Render(invitation));
            }

            case PerformanceCaseCommand.SendCureNotice when performanceCase is { MeetingHeldOn: { } heldOn, RemedialPeriod: { } period }:
            {
                var notice = new CureNotice(await HeaderAsync(contract, by, today, ct), heldOn, period.Start, period.End,
                    await DeficienciesAsync(contract, performanceCase, performanceCase.Deficiencies.Where(d => d.ToCure).Select(d => d.DeficiencyId), ct),
                    text ?? "");
                return new NoticeDocument(CaseDocumentKind.CureNotice, CaseDocuments.FileName(notice), CaseDocuments.Render(notice));
            }

            case PerformanceCaseCommand.TerminateForCause terminate:
            {
                var uncured = await DeficienciesAsync(contract, performanceCase, performanceCase.Uncured.Select(d => d.DeficiencyId), ct);
                var notice = new TerminationNotice(await HeaderAsync(contract, by, today, ct), TerminationKind.ForCause, null, today,
                    terminate.EffectiveOn, uncured, text ?? "");
                return new NoticeDocument(CaseDocumentKind.TerminationNotice, CaseDocuments.FileName(notice), CaseDocuments.Render(notice));
            }

            default:
                return null;
        }
    }

    /// <summary>The notice of a termination without cause (special instruction 6).</summary>
    public async Task<NoticeDocument> TerminationAsync(Contract contract, ContractTermination termination,
        IReadOnlyList<CaseDocumentDeficiency> uncured, string by, LocalDate today, CancellationToken ct)
    {
        var notice = new TerminationNotice(await HeaderAsync(contract, by, today, ct), termination.Kind, termination.Reason,
            termination.NoticeOn ?? today, termination.EffectiveOn, uncured, termination.Text);
        return new NoticeDocument(CaseDocumentKind.TerminationNotice, CaseDocuments.FileName(notice), CaseDocuments.Render(notice));
    }

    public string Subject(Contract contract, CaseDocumentKind kind) => kind switch
    {
        CaseDocumentKind.MeetingInvitation => $"Contract #{contract.Number}: invitation to a meeting on your performance (special instruction 7 A)",
        CaseDocumentKind.CureNotice => $"Contract #{contract.Number}: cure notice, remedial period (special instruction 7 B)",
        _ => $"Contract #{contract.Number}: notice of termination",
    };

    /// <summary>The email that carries a step's notice.</summary>
    public string Body(Contract contract, PerformanceCase performanceCase, PerformanceCaseCommand command, string path) => command switch
    {
        PerformanceCaseCommand.ScheduleMeeting m => CaseNotices.Body(contract,
            "The City of Hartford invites you to a meeting to respond to complaints about your performance (special instruction 7 A).",
            [$"Date: {Display.Long(m.On)}", $"Place: {m.Place}", $"Attendees: {string.Join("; ", m.Attendees)}",
                $"Complaints to answer: {performanceCase.Deficiencies.Count}"], path),
        PerformanceCaseCommand.SendCureNotice => CaseNotices.Body(contract,
            "The City of Hartford sets a remedial period for you to correct service deficiencies (special instruction 7 B).",
            [$"Remedial period: {Display.Long(performanceCase.RemedialPeriodStartsOn!.Value)} to {Display.Long(performanceCase.RemedialPeriodEndsOn!.Value)}, both days included.",
                $"Deficiencies to cure: {performanceCase.Deficiencies.Count(d => d.ToCure)}",
                "If they are not corrected within the remedial period, the City shall terminate the contract (special instruction 7 C)."], path),
        PerformanceCaseCommand.TerminateForCause t => CaseNotices.Body(contract,
            "The City of Hartford terminates the contract for cause (special instruction 7 C).",
            [$"No longer in force from: {Display.Long(t.EffectiveOn)}", $"Last day of service: {Display.Long(t.EffectiveOn.PlusDays(-1))}",
                $"Deficiencies not corrected within the remedial period: {performanceCase.Uncured.Count()}"], path),
        _ => CaseNotices.Body(contract, "A step was taken on a performance case.", [], path),
    };

    /// <summary>The email that carries a termination without cause.</summary>
    public string TerminationBody(Contract contract, ContractTermination termination, string path) => CaseNotices.Body(contract,
        $"The City of Hartford cancels the contract with thirty (30) days' prior written notice (special instruction 6 "
        + $"{(termination.Reason == TerminationWithoutCauseReason.FundsNotAppropriated ? "A: funds not appropriated" : "B: the City no longer has a need")}).",
        [$"Notice given: {Display.Long(termination.NoticeOn!.Value)}", $"No longer in force from: {Display.Long(termination.EffectiveOn)}",
            $"Last day of service: {Display.Long(termination.LastDayOfService)}"], path);

    private async Task<CaseDocumentHeader> HeaderAsync(Contract contract, string by, LocalDate today, CancellationToken ct)
    {
        var (name, address) = await notices.ContractorAsync(contract, ct);
        return new CaseDocumentHeader(contract.Number, contract.Title, contract.TermStart, contract.TermEnd, name, address, CityOffice, today, by);
    }

    private async Task<IReadOnlyList<CaseDocumentDeficiency>> DeficienciesAsync(Contract contract, PerformanceCase performanceCase,
        IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.ToList();
        var register = await db.Deficiencies.AsNoTracking().Where(d => wanted.Contains(d.Id))
            .Select(d => new { d.Id, d.SiteId, d.AreaIds }).ToDictionaryAsync(d => d.Id, ct);
        var sites = await db.Sites.AsNoTracking().Include(s => s.Areas).Where(s => s.ContractId == contract.Id).ToListAsync(ct);
        var areas = sites.SelectMany(s => s.Areas).ToDictionary(a => a.Id, a => a.Name);
        var files = await db.CaseDocuments.AsNoTracking().Where(d => d.CaseId == performanceCase.Id && d.Kind == CaseDocumentKind.Attachment)
            .Select(d => new { d.StepId, d.FileName }).ToListAsync(ct);
        return performanceCase.Deficiencies.Where(d => wanted.Contains(d.DeficiencyId)).Select(d =>
        {
            var row = register.GetValueOrDefault(d.DeficiencyId);
            var submitted = performanceCase.Steps
                .Where(s => s.Command is PerformanceCaseCommand.SubmitCure c && c.DeficiencyId == d.DeficiencyId).Select(s => s.Id).ToHashSet();
            return new CaseDocumentDeficiency(WorkLogDisplay.Kind(d.Kind),
                row?.SiteId is { } site ? sites.FirstOrDefault(s => s.Id == site)?.Name : null,
                row?.AreaIds.Select(a => areas.GetValueOrDefault(a)).OfType<string>().ToList() ?? [],
                d.FoundOn, d.Evidence, d.CuredMeans,
                files.Where(f => f.StepId is { } step && submitted.Contains(step)).Select(f => f.FileName).ToList());
        }).ToList();
    }
}
