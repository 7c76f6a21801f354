using FieldContracts.Data;
using FieldContracts.Web.Features.Performance.Documents;
using FieldContracts.Web.Tests.Features.Notices;
using MimeKit;
using static FieldContracts.Web.Tests.Features.Performance.CaseFlow;

namespace FieldContracts.Web.Tests.Features.Performance;

/// <summary>
/// A notice of termination goes out as a real email, through a real SMTP server on loopback, with its PDF attached: each
/// of #2685's two contractor contacts receives the notice quoting special instruction 6 B.
/// </summary>
public abstract class MailedNoticeTests(DatabaseProvider provider)
{
    [Fact]
    public async Task TerminationWithoutCause_ReachesBothContactsWithThePdfAttached()
    {
        await using var app = await NoticesApp.StartAsync(provider);
        app.Clock.Reset(new LocalDate(2004, 3, 5).At(new LocalTime(9, 0)).InZoneStrictly(Hartford).ToInstant());
        using var purchasing = await app.SignedInAsync(Roles.Purchasing);

        // March 5 to April 4, 2004: 30 calendar days though the clocks go forward on April 4.
        var response = await PostAsync(purchasing, "/api/contracts/2685/termination", new
        {
            reason = "NeedEnded", noticeOn = new LocalDate(2004, 3, 5), effectiveOn = new LocalDate(2004, 4, 4),
            text = "The fields at Weaver are closed for reconstruction.",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var delivered = await app.DeliverAsync();

        Assert.Equal(2, delivered.Sent);
        var files = Directory.GetFiles(app.Smtp.Folder, "*.eml");
        Assert.Equal(2, files.Length);
        foreach (var file in files)
        {
            var mail = await MimeMessage.LoadAsync(file);
            Assert.Equal("Contract #2685: notice of termination", mail.Subject);
            var pdf = Assert.Single(mail.Attachments.OfType<MimePart>());
            Assert.Equal("application/pdf", pdf.ContentType.MimeType);
            using var bytes = new MemoryStream();
            await pdf.Content!.DecodeToAsync(bytes);
            var text = PdfText(bytes.ToArray());
            Assert.Contains(Normalized(BidClauses.NeedEnded.Text), text, StringComparison.Ordinal);
            Assert.Contains("Sunday, April 4, 2004", text, StringComparison.Ordinal);
        }

        Assert.Equal(["crew@contractor.example", "office@contractor.example"],
            files.Select(f => MimeMessage.Load(f).To.Mailboxes.Single().Address).Order(StringComparer.Ordinal));
    }
}

public sealed class MailedNoticeTests_Sqlite() : MailedNoticeTests(DatabaseProvider.Sqlite);

public sealed class MailedNoticeTests_Postgres() : MailedNoticeTests(DatabaseProvider.PostgreSql);
