using System.Security.Claims;
using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.Deliverables;
using FieldContracts.Data;
using FieldContracts.Data.Deliverables;
using FieldContracts.Web.Features.Schedule;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Web.Features.Deliverables;

/// <summary>
/// The contractor hands in a deliverable's document (first time, or again after a return). The file is checked by its
/// bytes and kept by its hash; a hand-in after the due day is one deficiency of the register, as the nightly pass would
/// raise for one not handed in. The aggregate decides who may; this class loads, stores and saves.
/// </summary>
public sealed class HandInDeliverable(FieldContractsDbContext db, DocumentStore documents, IClock clock)
{
    public async Task<StepOutcome> HandleAsync(ClaimsPrincipal user, Guid occurrenceId, FileUpload? upload, CancellationToken ct)
    {
        var contractId = await db.Occurrences.AsNoTracking().Where(o => o.Id == occurrenceId && db.Contracts.VisibleTo(user).Any(c => c.Id == o.ContractId))
            .Select(o => (Guid?)o.ContractId).SingleOrDefaultAsync(ct);
        var expected = contractId is { } id ? (await ExpectedDeliverables.OfAsync(db, [id], ct, occurrenceId)).SingleOrDefault() : null;
        if (expected is null)
        {
            return new StepOutcome.NotFound($"There is no deliverable of planned work {occurrenceId} that you can see.");
        }

        var party = user.Party();
        if (party != Party.Contractor)
        {
            return new StepOutcome.Forbidden("The contractor hands in deliverables; the Athletic Director accepts or returns them.");
        }

        var (document, error) = DocumentStore.Check(upload);
        if (document is null)
        {
            return new StepOutcome.Invalid("document", error!);
        }

        var now = clock.GetCurrentInstant();
        var today = now.InZone(Hartford.Zone).Date;
        var by = ScheduleApi.Who(user);
        var deliverable = await db.Deliverables.SingleOrDefaultAsync(d => d.OccurrenceId == occurrenceId, ct);
        if (deliverable is null)
        {
            (deliverable, _) = Deliverable.HandIn(expected, document.Document, party, by, now, today);
            db.Deliverables.Add(deliverable!);
        }
        else if (deliverable.HandInAgain(document.Document, party, by, now).Refusal is DeliverableRefusal.NotNow notNow)
        {
            return new StepOutcome.Conflict("Not now.", notNow.Status == DeliverableStatus.Accepted
                ? "It was accepted; there is nothing to hand in again."
                : "It was handed in and waits for the Athletic Director; it is handed in again only after a return.");
        }

        var school = await db.Sites.AsNoTracking().Where(s => s.Id == expected.SiteId).Select(s => s.Name).SingleAsync(ct);
        if (DeliverableStanding.Finding(expected, deliverable, today, school) is { } finding
            && !await db.Deficiencies.AnyAsync(d => d.DedupKey == finding.DedupKey, ct))
        {
            db.Deficiencies.Add(Deficiency.Raise(finding, Party.System, "Deliverables", now, today));
        }

        await documents.SaveAsync(document, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return new StepOutcome.Conflict("Changed meanwhile.", "The deliverable was handed in or reviewed at the same time. Reload and try again.");
        }

        return new StepOutcome.Done(occurrenceId);
    }
}

/// <summary>The Athletic Director (or Purchasing) accepts a deliverable handed in, or returns it with the reason.</summary>
public sealed class ReviewDeliverable(FieldContractsDbContext db, IClock clock)
{
    public async Task<StepOutcome> HandleAsync(ClaimsPrincipal user, Guid occurrenceId, DeliverableAction action, string? note, CancellationToken ct)
    {
        var deliverable = await db.Deliverables
            .Where(d => d.OccurrenceId == occurrenceId && db.Contracts.VisibleTo(user).Any(c => c.Id == d.ContractId))
            .SingleOrDefaultAsync(ct);
        if (deliverable is null)
        {
            return new StepOutcome.NotFound($"Nothing was handed in for planned work {occurrenceId} that you can see.");
        }

        if (note is { Length: > 2000 })
        {
            return new StepOutcome.Invalid("note", "At most 2000 characters.");
        }

        var (_, refusal) = deliverable.Review(action, user.Party(), ScheduleApi.Who(user), clock.GetCurrentInstant(), note);
        switch (refusal)
        {
            case DeliverableRefusal.NotYourStep:
                return new StepOutcome.Forbidden("The Athletic Director or Purchasing accepts or returns a deliverable.");
            case DeliverableRefusal.OwnHandIn:
                return new StepOutcome.Forbidden("Nobody accepts or returns what they handed in themselves.");
            case DeliverableRefusal.ReasonRequired:
                return new StepOutcome.Invalid("note", "Say why it is returned: what it lacks or gets wrong.");
            case DeliverableRefusal.NotNow notNow:
                return new StepOutcome.Conflict("Not now.", $"It is {Words(notNow.Status)}: there is nothing handed in to review.");
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new StepOutcome.Conflict("Changed meanwhile.", "Someone else reviewed it at the same time. Reload and try again.");
        }

        return new StepOutcome.Done(occurrenceId);
    }

    private static string Words(DeliverableStatus status) => status switch
    {
        DeliverableStatus.Accepted => "accepted already",
        DeliverableStatus.Returned => "returned, waiting to be handed in again",
        _ => "handed in",
    };
}
