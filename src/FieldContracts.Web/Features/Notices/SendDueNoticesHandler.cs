using FieldContracts.Data;
using FieldContracts.Data.Notices;
using FieldContracts.Data.Planning;
using FieldContracts.Scheduling.Planning;
using FieldContracts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Web.Features.Notices;

/// <summary>What one pass of <see cref="SendDueNoticesHandler"/> did.</summary>
public sealed record NoticeDecisions(int Decided, int MessagesQueued, int WithoutRecipients, int AlreadyDecided)
{
    public override string ToString() =>
        $"{Decided} notices decided, {MessagesQueued} messages queued, {WithoutRecipients} without recipients, {AlreadyDecided} decided elsewhere";
}

/// <summary>
/// Decides the chemical pre-notifications that are due: a planned chemical application still to come whose
/// current version (its calendar sequence) has no notice yet, once its send window has opened (the due instant
/// minus <see cref="EmailSettings.SendWindow"/>). Each decision writes the notice and one outbox message per
/// recipient in one transaction; the unique keys make a second run, or a run on another node, add nothing.
/// </summary>
public sealed class SendDueNoticesHandler(FieldContractsDbContext db, EmailSettings settings, ILogger<SendDueNoticesHandler> logger)
{
    public async Task<NoticeDecisions> HandleAsync(Instant now, CancellationToken ct)
    {
        var opensBy = now + settings.SendWindow;
        var due = await db.Occurrences.AsNoTracking()
            .Where(o => o.IsChemical && !o.Cancelled && o.Status == OccurrenceStatus.Planned
                        && o.ApplicationStartsAt != null && o.ApplicationStartsAt > now
                        && o.NoticeDueBy != null && o.NoticeDueBy <= opensBy
                        && !db.ChemicalNotices.Any(n => n.OccurrenceId == o.Id && n.Version == o.CalendarSequence))
            .Join(db.Contracts, o => o.ContractId, c => c.Id, (o, c) => new { Occurrence = o, c.Number, c.Title })
            .ToListAsync(ct);
        if (due.Count == 0)
        {
            return new NoticeDecisions(0, 0, 0, 0);
        }

        var siteIds = due.Select(d => d.Occurrence.SiteId).Distinct().ToList();
        var recipients = (await db.NoticeRecipients.AsNoTracking().Where(r => siteIds.Contains(r.SiteId)).ToListAsync(ct))
            .ToLookup(r => r.SiteId);

        int decided = 0, queued = 0, without = 0, elsewhere = 0;
        foreach (var item in due.OrderBy(d => d.Occurrence.NoticeDueBy))
        {
            var occurrence = item.Occurrence;
            var notice = OccurrenceDetail.Parse(occurrence.Detail).Notice;
            if (notice is null)
            {
                continue;
            }

            var to = recipients[occurrence.SiteId]
                .Where(r => notice.Recipients.Contains(r.Category.ToString()))
                .OrderBy(r => r.Category).ThenBy(r => r.Email, StringComparer.OrdinalIgnoreCase)
                .ToList();
            if (to.Count == 0)
            {
                // Nothing is recorded, so the notice is decided on a later pass once the school has recipients.
                logger.LogWarning("No notice recipients at the school of chemical application {Occurrence}; its notice waits.", occurrence.Id);
                without++;
                continue;
            }

            var record = new ChemicalNoticeRecord
            {
                Id = Guid.NewGuid(),
                ContractId = occurrence.ContractId,
                OccurrenceId = occurrence.Id,
                Version = occurrence.CalendarSequence,
                ApplicationStartsAt = occurrence.ApplicationStartsAt!.Value,
                ApplicationDateNamed = occurrence.ApplicationStartsAt.Value.InZone(Hartford.Zone).Date,
                DueBy = occurrence.NoticeDueBy!.Value,
                DecidedAt = now,
                RecipientCount = to.Count,
            };
            var subject = NoticeEmail.Subject(notice with { ApplicationDate = record.ApplicationDateNamed });
            var body = NoticeEmail.Body(notice, record.ApplicationStartsAt, occurrence.ApplicationMinutes, item.Number, item.Title, record.Version);
            db.ChemicalNotices.Add(record);
            foreach (var recipient in to.DistinctBy(r => r.Email.ToLowerInvariant()))
            {
                db.OutboxMessages.Add(new OutboxMessage
                {
                    Id = Guid.NewGuid(),
                    Kind = OutboxKind.ChemicalNotice,
                    DedupKey = $"notice:{occurrence.Id:N}:{record.Version}:{recipient.Email.ToLowerInvariant()}",
                    ChemicalNoticeId = record.Id,
                    ToAddress = recipient.Email,
                    ToName = recipient.Name,
                    Subject = subject,
                    Body = body,
                    CreatedAt = now,
                    NextAttemptAt = now,
                });
            }

            try
            {
                await db.SaveChangesAsync(ct);
                decided++;
                queued += to.Count;
            }
            catch (DbUpdateException)
            {
                // Another node decided this version first: its unique key (occurrence, version) holds.
                db.ChangeTracker.Clear();
                elsewhere++;
            }
        }

        return new NoticeDecisions(decided, queued, without, elsewhere);
    }
}
