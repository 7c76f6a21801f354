using FieldContracts.Administration.Performance;
using FieldContracts.Data;
using FieldContracts.Data.Identity;
using FieldContracts.Data.Notices;
using FieldContracts.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Web.Features.Performance;

public sealed record CaseReminderResult(int Cases, int Queued)
{
    public override string ToString() => $"{Cases} remedial periods ending soon, {Queued} reminders queued";
}

/// <summary>
/// Reminds the contractor and the Athletic Directors that a remedial period ends soon with deficiencies still to verify
/// (special instruction 7 B), once per case and end day: the outbox's unique key says so, so a pass run twice, or late,
/// sends nothing twice.
/// </summary>
public sealed class CaseRemindersHandler(FieldContractsDbContext db, IClock clock)
{
    /// <summary>How many days before the period's last day the reminder goes: 2 means on the last day but one.</summary>
    public const int DaysBefore = 2;

    public async Task<CaseReminderResult> HandleAsync(LocalDate today, CancellationToken ct)
    {
        var running = await db.PerformanceCases.AsNoTracking()
            .Where(c => c.Status == PerformanceCaseStatus.RemedialPeriodRunning && c.RemedialPeriodEndsOn >= today)
            .ToListAsync(ct);
        var due = running.Where(c => c.RemindsOn(today, DaysBefore)).ToList();
        if (due.Count == 0)
        {
            return new CaseReminderResult(0, 0);
        }

        var directors = await (from user in db.Users
                               join userRole in db.UserRoles on user.Id equals userRole.UserId
                               join role in db.Roles on userRole.RoleId equals role.Id
                               where role.Name == Roles.AthleticDirector && user.Email != null
                               select new { Name = user.DisplayName, Email = user.Email! }).ToListAsync(ct);
        var contractIds = due.Select(c => c.ContractId).Distinct().ToList();
        var numbers = await db.Contracts.Where(c => contractIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Number, ct);
        var now = clock.GetCurrentInstant();
        var queued = 0;
        foreach (var performanceCase in due)
        {
            var number = numbers[performanceCase.ContractId];
            var endsOn = performanceCase.RemedialPeriodEndsOn!.Value;
            var recipients = (await ContractorRecipients.OfContractAsync(db, performanceCase.ContractId, ct))
                .Select(r => (r.Name, r.Email)).Concat(directors.Select(d => (d.Name, d.Email)))
                .DistinctBy(r => r.Email, StringComparer.OrdinalIgnoreCase);
            foreach (var recipient in recipients)
            {
                var key = $"case-reminder:{performanceCase.Id}:{endsOn:yyyy-MM-dd}:{recipient.Email.ToLowerInvariant()}";
                var message = new OutboxMessage
                {
                    Id = Guid.CreateVersion7(),
                    Kind = OutboxKind.CaseNotice,
                    DedupKey = key,
                    ToAddress = recipient.Email,
                    ToName = recipient.Name,
                    Subject = $"Contract #{number}: the remedial period ends {Display.Long(endsOn)}",
                    Body = $"""
                            The remedial period of a performance case on contract #{number} ends on {Display.Long(endsOn)}
                            (that day included), and {performanceCase.Uncured.Count()} deficiencies have not been verified cured.

                            Special instruction 7 C: "If Contractor fails to correct said deficiencies and/or defaults within the
                            remedial period, the City shall terminate contract." Cures are submitted, and verified, on the case:
                            /contracts/{number}/cases/{performanceCase.Id}
                            """,
                    CreatedAt = now,
                    NextAttemptAt = now,
                };
                if (await Notices.Outbox.QueueOnceAsync(db, message, ct))
                {
                    queued++;
                }
            }
        }

        return new CaseReminderResult(due.Count, queued);
    }
}
