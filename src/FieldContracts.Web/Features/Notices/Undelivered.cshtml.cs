using FieldContracts.Data;
using FieldContracts.Data.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Web.Features.Notices;

public sealed record UndeliveredView(Guid Id, string To, string Subject, int Attempts, Instant NextAttemptAt, Instant? GaveUpAt, string? LastError);

/// <summary>Email that failed at least once and is not delivered: waiting for its next try, or given up.</summary>
[Authorize(Roles = Roles.AthleticDirector + "," + Roles.Purchasing)]
public sealed class UndeliveredModel(FieldContractsDbContext db) : PageModel
{
    public IReadOnlyList<UndeliveredView> Messages { get; private set; } = [];

    /// <summary>Email that failed at least once and is not delivered (the home page counts what this page lists).</summary>
    public static IQueryable<Data.Notices.OutboxMessage> Undelivered(FieldContractsDbContext db) =>
        db.OutboxMessages.AsNoTracking().Where(m => m.SentAt == null && m.Attempts > 0);

    // Given-up email stays in the outbox for good: the database orders and limits, so the page reads 200 rows at most.
    public async Task OnGetAsync(CancellationToken ct) =>
        Messages = await Undelivered(db)
            .OrderByDescending(m => m.GaveUpAt != null).ThenBy(m => m.NextAttemptAt).Take(200)
            .Select(m => new UndeliveredView(m.Id, m.ToAddress, m.Subject, m.Attempts, m.NextAttemptAt, m.GaveUpAt, m.LastError))
            .ToListAsync(ct);
}
