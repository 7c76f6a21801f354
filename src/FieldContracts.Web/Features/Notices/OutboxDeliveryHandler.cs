using System.Net.Sockets;
using FieldContracts.Data;
using FieldContracts.Data.Notices;
using FieldContracts.Web.Infrastructure;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using NodaTime;

namespace FieldContracts.Web.Features.Notices;

/// <summary>What one pass of <see cref="OutboxDeliveryHandler"/> did.</summary>
public sealed record DeliveryResult(int Sent, int Failed, int GaveUp)
{
    public override string ToString() => $"{Sent} sent, {Failed} failed (to retry), {GaveUp} given up";
}

/// <summary>
/// Delivers the outbox over SMTP with MailKit (or to the pickup folder). Rows are claimed in batches by a conditional update
/// naming this node, so two nodes never deliver one row at the same time; a claim lapses after
/// <see cref="EmailSettings.ClaimFor"/>, so a node that dies mid-batch leaves its rows to the others. A row is
/// marked sent as soon as the server accepts it; a failure schedules the next attempt with doubling back-off,
/// and the last allowed failure gives the row up with its error.
/// </summary>
/// <remarks>
/// The one window for a duplicate: the server accepted a message and the node died before marking the row sent.
/// After the claim lapses another node sends it again. Each message carries a Message-ID made from the row's id,
/// so a receiving system can tell the copies apart (docs/decisions/0007).
/// </remarks>
public sealed class OutboxDeliveryHandler(
    FieldContractsDbContext db, EmailSettings settings, NodeIdentity node, IClock clock, ILogger<OutboxDeliveryHandler> logger,
    Deliverables.DocumentStore documents)
{
    public async Task<DeliveryResult> HandleAsync(Instant now, CancellationToken ct)
    {
        int sent = 0, failed = 0, gaveUp = 0;
        // SMTP round trips, not the database, bound delivery: a batch goes out over several connections at once,
        // while the context (not thread-safe) records the outcomes one at a time.
        using var database = new SemaphoreSlim(1);
        while (true)
        {
            List<OutboxMessage> batch;
            await database.WaitAsync(ct);
            try
            {
                batch = await ClaimAsync(now, ct);
            }
            finally
            {
                database.Release();
            }

            if (batch.Count == 0)
            {
                return new DeliveryResult(sent, failed, gaveUp);
            }

            var lanes = batch.Select((m, i) => (m, i)).GroupBy(x => x.i % settings.Connections, x => x.m);
            await Task.WhenAll(lanes.Select(async lane =>
            {
                // One connection a lane, opened at the first message and again after a failure broke it.
                using var smtp = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
                foreach (var message in lane)
                {
                    ct.ThrowIfCancellationRequested();
                    Exception? error = null;
                    try
                    {
                        using var mail = ToMail(message);
                        // A message once begun is finished (each command is bounded by the timeout), so a run that is
                        // stopped records what the server accepted instead of leaving it to be sent again.
                        await SendAsync(smtp, mail, message, CancellationToken.None);
                    }
                    catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException
                                                  or ServiceNotAuthenticatedException or AuthenticationException or SslHandshakeException
                                                  or SocketException or IOException or TimeoutException or InvalidOperationException
                                                  || (e is OperationCanceledException && !ct.IsCancellationRequested))
                    {
                        error = e;
                    }

                    // Recorded even when the run is being cancelled: the server has the message now.
                    await database.WaitAsync(CancellationToken.None);
                    try
                    {
                        if (error is null)
                        {
                            await MarkSentAsync(message, clock.GetCurrentInstant());
                            sent++;
                        }
                        else if (await FailAsync(message, error))
                        {
                            gaveUp++;
                        }
                        else
                        {
                            failed++;
                        }
                    }
                    finally
                    {
                        database.Release();
                    }
                }

                if (smtp.IsConnected)
                {
                    await smtp.DisconnectAsync(quit: true, CancellationToken.None);
                }
            }));
        }
    }

    /// <summary>Sends over the lane's connection, connecting (and authenticating) first when it is not open; or writes to the pickup folder.</summary>
    private async Task SendAsync(SmtpClient smtp, MimeMessage mail, OutboxMessage message, CancellationToken ct)
    {
        if (settings.UsesPickupDirectory)
        {
            Directory.CreateDirectory(settings.PickupDirectory);
            var path = Path.Combine(settings.PickupDirectory, $"{message.Id:N}.eml");
            var temporary = path + ".tmp";
            await mail.WriteToAsync(temporary, ct);
            File.Move(temporary, path, overwrite: true);
            return;
        }

        if (!smtp.IsConnected)
        {
            await smtp.ConnectAsync(settings.SmtpHost!, settings.SmtpPort, settings.SmtpSecurity, ct);
            if (settings.SmtpUser is { } user)
            {
                await smtp.AuthenticateAsync(user, settings.SmtpPassword ?? "", ct);
            }
        }

        await smtp.SendAsync(mail, ct);
    }

    private async Task<List<OutboxMessage>> ClaimAsync(Instant now, CancellationToken ct)
    {
        var ids = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.SentAt == null && m.GaveUpAt == null && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Select(m => m.Id).Take(settings.BatchSize).ToListAsync(ct);
        if (ids.Count == 0)
        {
            return [];
        }

        var claim = $"{node.Name}/{Guid.NewGuid():N}";
        Instant? until = now + settings.ClaimFor;
        // The condition is checked again by the update itself, so of two nodes racing for a row only one gets it.
        await db.OutboxMessages
            .Where(m => ids.Contains(m.Id) && m.SentAt == null && m.GaveUpAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, claim).SetProperty(m => m.ClaimedUntil, until), ct);
        return await db.OutboxMessages.AsNoTracking().Where(m => m.ClaimedBy == claim).OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .ToListAsync(ct);
    }

    private async Task MarkSentAsync(OutboxMessage message, Instant at)
    {
        Instant? sentAt = at;
        await db.OutboxMessages.Where(m => m.Id == message.Id && m.SentAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, sentAt).SetProperty(m => m.ClaimedBy, (string?)null)
                .SetProperty(m => m.ClaimedUntil, (Instant?)null).SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
        if (message.ChemicalNoticeId is { } noticeId)
        {
            var first = await db.ChemicalNotices.Where(n => n.Id == noticeId && n.FirstAcceptedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.FirstAcceptedAt, sentAt), CancellationToken.None);
            if (first > 0)
            {
                // The notice now counts (NoticeLedger): what pages and calendars say of the application changed.
                await db.Occurrences.Where(o => db.ChemicalNotices.Any(n => n.Id == noticeId && n.OccurrenceId == o.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(o => o.Revision, o => o.Revision + 1)
                        .SetProperty(o => o.CalendarSequence, o => o.CalendarSequence + 1).SetProperty(o => o.LastModified, at),
                        CancellationToken.None);
            }
        }
    }

    /// <summary>Records a failed attempt; true when it was the last one allowed.</summary>
    private async Task<bool> FailAsync(OutboxMessage message, Exception error)
    {
        var at = clock.GetCurrentInstant();
        var attempts = message.Attempts + 1;
        var giveUp = attempts >= settings.MaxAttempts;
        var text = Describe(error);
        var next = at + settings.RetryAfter(attempts);
        Instant? gaveUpAt = giveUp ? at : null;
        logger.LogWarning("Delivery of outbox message {Id} to {To} failed (attempt {Attempt}): {Error}", message.Id, message.ToAddress, attempts, text);
        await db.OutboxMessages.Where(m => m.Id == message.Id && m.SentAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, attempts).SetProperty(m => m.LastError, text)
                .SetProperty(m => m.NextAttemptAt, next).SetProperty(m => m.GaveUpAt, gaveUpAt)
                .SetProperty(m => m.ClaimedBy, (string?)null).SetProperty(m => m.ClaimedUntil, (Instant?)null), CancellationToken.None);
        return giveUp;
    }

    private static string Describe(Exception error)
    {
        var text = error.InnerException is { } inner ? $"{error.Message} {inner.Message}" : error.Message;
        return text.Length > 2000 ? text[..2000] : text;
    }

    /// <summary>The text, with the notice attached when the message carries one (a case notice as PDF, from the document store).</summary>
    private MimeEntity Body(OutboxMessage message)
    {
        if (message.AttachmentSha256 is not { } sha256)
        {
            return new TextPart(MimeKit.Text.TextFormat.Plain) { Text = message.Body };
        }

        using var stream = documents.Open(sha256)
            ?? throw new FileNotFoundException($"The attachment {sha256} of message {message.Id} is not in the document store.");
        var builder = new BodyBuilder { TextBody = message.Body };
        builder.Attachments.Add(message.AttachmentFileName ?? $"{sha256}.pdf", stream,
            ContentType.Parse(message.AttachmentContentType ?? "application/pdf"));
        return builder.ToMessageBody();
    }

    private MimeMessage ToMail(OutboxMessage message)
    {
        var mail = new MimeMessage
        {
            Subject = message.Subject,
            Body = Body(message),
            // Made from the row's id: a copy sent again after a node died is recognisably the same message.
            MessageId = $"{message.Id:N}@fieldcontracts",
        };
        mail.From.Add(new MailboxAddress("FieldContracts, City of Hartford", settings.From));
        mail.To.Add(new MailboxAddress(message.ToName, message.ToAddress));
        return mail;
    }
}
