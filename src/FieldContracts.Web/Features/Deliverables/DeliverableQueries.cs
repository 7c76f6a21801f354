using System.Security.Claims;
using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.Deliverables;
using FieldContracts.Data;
using FieldContracts.Data.Deliverables;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Web.Features.Deliverables;

/// <summary>A deliverable the plan expects, where it stands, and what was handed in.</summary>
public sealed record DeliverableView(
    Guid OccurrenceId,
    string ContractNumber,
    string SiteCode,
    string School,
    string Name,
    string Recipient,
    LocalDate DueOn,
    Standing Standing,
    LocalDate? HandedInOn,
    bool HandedInLate,
    DocumentView? Document,
    IReadOnlyList<DeliverableStepView> Steps);

/// <summary>The document last handed in, and where to read it.</summary>
public sealed record DocumentView(string FileName, string ContentType, long Length, string Sha256, string Url);

public sealed record DeliverableStepView(DeliverableAction Action, Party Party, string By, ZonedDateTime At, string? Note, string? FileName);

public sealed class DeliverableQueries(FieldContractsDbContext db, IClock clock)
{
    /// <summary>A contract's deliverables, the earliest due first; null when the user can see no such contract.</summary>
    public async Task<IReadOnlyList<DeliverableView>?> ListAsync(ClaimsPrincipal user, string number, CancellationToken ct)
    {
        var contract = await db.Contracts.AsNoTracking().VisibleTo(user).Where(c => c.Number == number).Select(c => new { c.Id, c.Number })
            .SingleOrDefaultAsync(ct);
        return contract is null ? null : await ViewsAsync(contract.Id, contract.Number, null, ct);
    }

    /// <summary>One deliverable, by the occurrence it ends; null when the user can see no such deliverable.</summary>
    public async Task<DeliverableView?> OneAsync(ClaimsPrincipal user, Guid occurrenceId, CancellationToken ct)
    {
        var contract = await db.Occurrences.AsNoTracking().Where(o => o.Id == occurrenceId)
            .Join(db.Contracts.AsNoTracking().VisibleTo(user), o => o.ContractId, c => c.Id, (o, c) => new { c.Id, c.Number })
            .SingleOrDefaultAsync(ct);
        return contract is null ? null : (await ViewsAsync(contract.Id, contract.Number, occurrenceId, ct)).SingleOrDefault();
    }

    /// <summary>The document handed in for a deliverable the user can see; null when there is none.</summary>
    public async Task<DeliverableDocument?> DocumentAsync(ClaimsPrincipal user, Guid occurrenceId, CancellationToken ct) =>
        await db.Deliverables.AsNoTracking()
            .Where(d => d.OccurrenceId == occurrenceId && db.Contracts.VisibleTo(user).Any(c => c.Id == d.ContractId))
            .Select(d => d.Document).SingleOrDefaultAsync(ct);

    private async Task<IReadOnlyList<DeliverableView>> ViewsAsync(Guid contractId, string number, Guid? occurrenceId, CancellationToken ct)
    {
        var expected = await ExpectedDeliverables.OfAsync(db, [contractId], ct, occurrenceId);
        var handedIn = await db.Deliverables.AsNoTracking().Where(d => d.ContractId == contractId && (occurrenceId == null || d.OccurrenceId == occurrenceId))
            .ToDictionaryAsync(d => d.OccurrenceId, ct);
        var sites = await db.Contracts.AsNoTracking().Where(c => c.Id == contractId).SelectMany(c => c.Sites)
            .ToDictionaryAsync(s => s.Id, s => new { s.Code, s.Name }, ct);
        var today = clock.GetCurrentInstant().InZone(Hartford.Zone).Date;
        return expected.Select(e =>
        {
            var d = handedIn.GetValueOrDefault(e.OccurrenceId);
            var site = sites[e.SiteId];
            return new DeliverableView(e.OccurrenceId, number, site.Code, site.Name, e.Name, e.Recipient, e.DueOn,
                DeliverableStanding.Of(e, d, today), d?.HandedInOn, d?.WasLate ?? false,
                d is null ? null : new DocumentView(d.Document.FileName, d.Document.ContentType, d.Document.Length, d.Document.Sha256,
                    $"/api/deliverables/{e.OccurrenceId}/document"),
                d?.Steps.Select(s => new DeliverableStepView(s.Action, s.Party, s.By, s.At.InZone(Hartford.Zone), s.Note, s.Document?.FileName)).ToList()
                ?? []);
        }).ToList();
    }
}
