using System.Security.Claims;
using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.Performance;
using FieldContracts.Data;
using FieldContracts.Data.Notices;
using FieldContracts.Data.Performance;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Web.Features.Performance;

/// <summary>Reads performance cases, terminations and their documents for the signed-in user; a contractor sees only its own.</summary>
public sealed class CaseQueries(FieldContractsDbContext db, IClock clock)
{
    /// <summary>The dedup key prefix of the emails sent for a case step.</summary>
    public static string StepMailPrefix(Guid stepId) => $"case:{stepId}:";

    /// <summary>The dedup key prefix of the emails sent for a contract's termination.</summary>
    public static string TerminationMailPrefix(Guid contractId) => $"termination:{contractId}:";

    /// <summary>The contract's id when the user can see it.</summary>
    public Task<Guid?> ContractIdAsync(ClaimsPrincipal user, string number, CancellationToken ct) =>
        db.Contracts.AsNoTracking().VisibleTo(user).Where(c => c.Number == number).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(ct);

    /// <summary>A contract's cases, the newest first; null when there is no such contract the user can see.</summary>
    public async Task<IReadOnlyList<CaseSummary>?> ListAsync(ClaimsPrincipal user, string number, CancellationToken ct)
    {
        if (await ContractIdAsync(user, number, ct) is not { } contractId)
        {
            return null;
        }

        var cases = await db.PerformanceCases.AsNoTracking().Include(c => c.Steps).Where(c => c.ContractId == contractId).ToListAsync(ct);
        return cases
            .Select(c => (Case: c, Opening: c.Steps.Single(s => s.Action == PerformanceCaseAction.Open)))
            .OrderByDescending(x => x.Opening.At)
            .Select(x => new CaseSummary(x.Case.Id, number, x.Case.Status, x.Opening.At.InZone(Hartford.Zone), x.Opening.By,
                x.Case.Deficiencies.Count, x.Case.MeetingOn, x.Case.RemedialPeriodEndsOn, x.Case.Uncured.Count()))
            .ToList();
    }

    /// <summary>One case of the contract; null when there is none the user can see.</summary>
    public async Task<CaseDetail?> OneAsync(ClaimsPrincipal user, string number, Guid id, CancellationToken ct)
    {
        if (await ContractIdAsync(user, number, ct) is not { } contractId)
        {
            return null;
        }

        var found = await db.PerformanceCases.AsNoTracking().Include(c => c.Steps).Include(c => c.Termination)
            .SingleOrDefaultAsync(c => c.Id == id && c.ContractId == contractId, ct);
        if (found is null)
        {
            return null;
        }

        var deficiencyIds = found.Deficiencies.Select(d => d.DeficiencyId).ToList();
        var register = await db.Deficiencies.AsNoTracking().Where(d => deficiencyIds.Contains(d.Id))
            .Select(d => new { d.Id, d.SiteId, d.Status }).ToDictionaryAsync(d => d.Id, ct);
        var schools = await db.Sites.AsNoTracking().Where(s => s.ContractId == contractId).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var documents = await DocumentsAsync(number, db.CaseDocuments.Where(d => d.CaseId == id), ct);
        var deliveries = await DeliveriesAsync(found.Steps.Select(s => StepMailPrefix(s.Id)).ToList(), ct);
        var party = user.Party();
        return new CaseDetail(found.Id, number, found.Status, found.TermEnd, found.MeetingOn, found.MeetingPlace, found.MeetingAttendees,
            found.MeetingHeldOn, found.MeetingMinutes, found.ContractorResponse, found.RemedialPeriodStartsOn, found.RemedialPeriodEndsOn,
            found.RemedialPeriodShorterThan(), found.CureNoticeSentAt?.InZone(Hartford.Zone), found.Termination?.EffectiveOn,
            found.Deficiencies.Select(d =>
            {
                var now = register.GetValueOrDefault(d.DeficiencyId);
                return new CaseDeficiencyView(d.DeficiencyId, d.Kind, now?.SiteId is { } site ? schools.GetValueOrDefault(site) : null,
                    d.Evidence, d.FoundOn, d.StatusWhenNamed, now?.Status ?? d.StatusWhenNamed, d.CuredMeans, d.Cured, d.InspectedOn);
            }).ToList(),
            found.Steps.OrderBy(s => s.At).ThenBy(s => s.Id)
                .Select(s => new CaseStepView(s.Id, s.Action, s.StatusAfter, s.Party, s.By, s.At.InZone(Hartford.Zone), s.Text,
                    CaseWords.Details(s.Command, found),
                    documents.Where(d => d.StepId == s.Id).Select(d => d.View).ToList(),
                    deliveries.GetValueOrDefault(StepMailPrefix(s.Id)) ?? []))
                .ToList(),
            Enum.GetValues<PerformanceCaseAction>()
                .Where(a => a != PerformanceCaseAction.Open && PerformanceCase.MayTake(party, a) && PerformanceCase.Next(found.Status, a) is not null)
                .ToList());
    }

    /// <summary>The contract's termination, if it has one; null when there is no such contract the user can see.</summary>
    public async Task<(bool Found, TerminationView? Termination)> TerminationAsync(ClaimsPrincipal user, string number, CancellationToken ct)
    {
        if (await ContractIdAsync(user, number, ct) is not { } contractId)
        {
            return (false, null);
        }

        var found = await db.ContractTerminations.AsNoTracking().Where(t => t.ContractId == contractId)
            .Select(t => new { Termination = t, CaseId = EF.Property<Guid?>(t, "CaseId") }).SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return (true, null);
        }

        var (termination, caseId) = (found.Termination, found.CaseId);
        var hashes = termination.Documents.Select(d => d.Value).ToList();
        var documents = await DocumentsAsync(number,
            db.CaseDocuments.Where(d => d.ContractId == contractId && d.Kind == CaseDocumentKind.TerminationNotice), ct);
        var prefix = TerminationMailPrefix(contractId);
        var deliveries = await DeliveriesAsync([prefix], ct);
        return (true, new TerminationView(number, termination.Kind, termination.Reason, termination.NoticeOn, termination.EffectiveOn,
            termination.LastDayOfService, termination.By, termination.At.InZone(Hartford.Zone), termination.Text, caseId,
            documents.Where(d => hashes.Contains(d.View.Sha256)).Select(d => d.View).ToList(), deliveries.GetValueOrDefault(prefix) ?? []));
    }

    /// <summary>The watch rule's suggestion for the contract today; null when there is no such contract the user can see.</summary>
    public async Task<WatchView?> WatchAsync(ClaimsPrincipal user, string number, CancellationToken ct)
    {
        if (await ContractIdAsync(user, number, ct) is not { } contractId)
        {
            return null;
        }

        var today = clock.GetCurrentInstant().InZone(Hartford.Zone).Date;
        var settings = await WatchSettingsAsync(contractId, ct);
        var window = PerformanceWatch.Window(today, settings.WindowDays);
        var register = await db.Deficiencies.AsNoTracking().Include(d => d.Steps)
            .Where(d => d.ContractId == contractId && d.FoundOn >= window.Start && d.FoundOn <= window.End).ToListAsync(ct);
        var suggestion = PerformanceWatch.Assess(contractId, register, settings, today);
        return new WatchView(suggestion.OpenCase, suggestion.Reasons, suggestion.DeficiencyIds, settings.UpheldThreshold, settings.WindowDays,
            settings.AnyApplicationWithoutNotice);
    }

    /// <summary>The contract's own watch rule, or the default one.</summary>
    public async Task<PerformanceWatchSettings> WatchSettingsAsync(Guid contractId, CancellationToken ct) =>
        (await db.PerformanceWatchSettings.AsNoTracking().SingleOrDefaultAsync(w => w.ContractId == contractId, ct))?.ToSettings()
        ?? PerformanceWatchSettings.Default;

    /// <summary>A stored document of a contract the user can see, with where its bytes are; null otherwise.</summary>
    public Task<CaseDocumentRecord?> DocumentAsync(ClaimsPrincipal user, string number, Guid id, CancellationToken ct) =>
        db.CaseDocuments.AsNoTracking()
            .Where(d => d.Id == id && db.Contracts.VisibleTo(user).Any(c => c.Id == d.ContractId && c.Number == number))
            .SingleOrDefaultAsync(ct);

    private async Task<List<(Guid? StepId, CaseDocumentView View)>> DocumentsAsync(string number, IQueryable<CaseDocumentRecord> query,
        CancellationToken ct) =>
        (await query.AsNoTracking().ToListAsync(ct))
        .OrderBy(d => d.AddedAt).ThenBy(d => d.Id)
        .Select(d => (d.StepId, new CaseDocumentView(d.Id, d.Kind, d.FileName, d.ContentType, d.Sha256, d.Length,
            $"/contracts/{Uri.EscapeDataString(number)}/case-documents/{d.Id}")))
        .ToList();

    private async Task<Dictionary<string, List<CaseDeliveryView>>> DeliveriesAsync(IReadOnlyList<string> prefixes, CancellationToken ct)
    {
        var result = new Dictionary<string, List<CaseDeliveryView>>(StringComparer.Ordinal);
        if (prefixes.Count == 0)
        {
            return result;
        }

        // The database matches the keys' heads (every prefix asked for at once has one length: a step's or a contract's id);
        // the exact prefix is checked here.
        var length = prefixes.Max(p => p.Length);
        var heads = prefixes.Where(p => p.Length == length).ToList();
        var messages = (await db.OutboxMessages.AsNoTracking()
                .Where(m => m.Kind == OutboxKind.CaseNotice && m.DedupKey.Length >= length && heads.Contains(m.DedupKey.Substring(0, length)))
                .Select(m => new { m.DedupKey, m.ToAddress, m.CreatedAt, m.SentAt, m.GaveUpAt, m.Attempts })
                .ToListAsync(ct))
            .Where(m => prefixes.Any(p => m.DedupKey.StartsWith(p, StringComparison.Ordinal)));
        foreach (var m in messages.OrderBy(m => m.CreatedAt).ThenBy(m => m.ToAddress, StringComparer.Ordinal))
        {
            var prefix = prefixes.First(p => m.DedupKey.StartsWith(p, StringComparison.Ordinal));
            if (!result.TryGetValue(prefix, out var list))
            {
                result[prefix] = list = [];
            }

            list.Add(new CaseDeliveryView(m.ToAddress, m.CreatedAt.InZone(Hartford.Zone), m.SentAt?.InZone(Hartford.Zone),
                m.GaveUpAt?.InZone(Hartford.Zone), m.Attempts));
        }

        return result;
    }
}
