using FieldContracts.Administration.Licences;
using FieldContracts.Data;
using FieldContracts.Data.Notices;
using FieldContracts.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Web.Features.Jobs;

public sealed record LicenceReminderResult(int Queued)
{
    public override string ToString() => $"{Queued} reminders queued";
}

/// <summary>
/// Reminders of licences (spec V) expiring within 30 and within 7 days, by email through the outbox. Each licence
/// gets at most one reminder per threshold and expiry date: the outbox's unique key says so, so re-running the
/// pass or running it late sends nothing twice, and a licence first seen 5 days out gets the 7-day reminder only.
/// </summary>
public sealed class LicenceRemindersHandler(FieldContractsDbContext db, IClock clock)
{
    public async Task<LicenceReminderResult> HandleAsync(LocalDate today, CancellationToken ct)
    {
        var horizon = LicenceReminders.Horizon(today);
        var licences = await db.Licences.AsNoTracking()
            .Where(l => l.ExpiresOn >= today && l.ExpiresOn <= horizon)
            .Join(db.Contractors, l => l.ContractorId, c => c.Id, (l, c) => new { Licence = l, Contractor = c.Name })
            .ToListAsync(ct);
        var now = clock.GetCurrentInstant();
        var queued = 0;
        foreach (var item in licences)
        {
            var l = item.Licence;
            if (LicenceReminders.Due(l.ExpiresOn, today) is not var (threshold, daysLeft))
            {
                continue;
            }

            var key = $"licence:{l.Id:N}:{l.ExpiresOn:yyyy-MM-dd}:{threshold}:{l.ReminderEmail.ToLowerInvariant()}";
            var message = new OutboxMessage
            {
                Id = Guid.NewGuid(),
                Kind = OutboxKind.LicenceReminder,
                DedupKey = key,
                ToAddress = l.ReminderEmail,
                ToName = item.Contractor,
                Subject = $"Licence {l.Number} expires {Display.Long(l.ExpiresOn)} ({threshold}-day reminder)",
                Body = $"""
                        {l.Kind} licence {l.Number}, held by {l.Holder} ({item.Contractor}), expires on {Display.Long(l.ExpiresOn)}:
                        {daysLeft} days from {Display.Long(today)}.

                        The contract requires the proper licences for the whole term (spec V). Please send the renewed
                        licence to the City's Purchasing office before it expires; chemical work cannot be done under an
                        expired licence.
                        """,
                CreatedAt = now,
                NextAttemptAt = now,
            };
            if (await Notices.Outbox.QueueOnceAsync(db, message, ct))
            {
                queued++;
            }
        }

        return new LicenceReminderResult(queued);
    }
}
