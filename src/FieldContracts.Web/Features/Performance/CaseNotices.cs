using System.Security.Cryptography;
using System.Text;
using FieldContracts.Administration.Deliverables;
using FieldContracts.Administration.Performance;
using FieldContracts.Data;
using FieldContracts.Data.Notices;
using FieldContracts.Data.Performance;
using FieldContracts.Scheduling.Contracts;
using FieldContracts.Web.Features.Deliverables;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Web.Features.Performance;

/// <summary>A notice made as a PDF: its bytes, hash and file name, ready to be stored and sent.</summary>
public sealed record NoticeDocument(CaseDocumentKind Kind, string FileName, byte[] Bytes)
{
    public string Sha256 { get; } = Convert.ToHexStringLower(SHA256.HashData(Bytes));

    public DocumentReference Reference => new(Sha256);
}

/// <summary>
/// The written notices of a performance case and of a termination: each is made as a PDF, kept in the document store by
/// its hash, linked to its step, and sent to each of the contractor's contacts through the outbox in the same
/// transaction as the step, so the mail server's acceptance of each message is the notice's proof of delivery.
/// </summary>
public sealed class CaseNotices(FieldContractsDbContext db, DocumentStore store)
{
    /// <summary>Writes the document's bytes (before the transaction; an unused file is harmless) and adds its record.</summary>
    public async Task KeepAsync(NoticeDocument document, Guid contractId, Guid? caseId, Guid? stepId, string by, Instant at,
        CancellationToken ct)
    {
        await ContentAddressedFiles.WriteAsync(store.Directory, document.Sha256, document.Bytes, ct);
        Add(new DeliverableDocument(document.FileName, "application/pdf", document.Sha256, document.Bytes.Length), document.Kind,
            contractId, caseId, stepId, by, at);
    }

    /// <summary>Keeps a file someone attached to a step (minutes, photos of a cure).</summary>
    public async Task KeepAsync(CheckedDocument attachment, Guid contractId, Guid caseId, Guid stepId, string by, Instant at,
        CancellationToken ct)
    {
        await store.SaveAsync(attachment, ct);
        Add(attachment.Document, CaseDocumentKind.Attachment, contractId, caseId, stepId, by, at);
    }

    private void Add(DeliverableDocument file, CaseDocumentKind kind, Guid contractId, Guid? caseId, Guid? stepId, string by, Instant at) =>
        db.CaseDocuments.Add(new CaseDocumentRecord
        {
            Id = Guid.CreateVersion7(),
            ContractId = contractId,
            CaseId = caseId,
            StepId = stepId,
            Kind = kind,
            FileName = file.FileName,
            ContentType = file.ContentType,
            Sha256 = file.Sha256,
            Length = file.Length,
            AddedBy = by,
            AddedAt = at,
        });

    /// <summary>
    /// Queues one email to each of the contractor's contacts, the notice attached; <paramref name="dedupPrefix"/> with the
    /// address is the message's unique key, so the same notice never goes twice to one address.
    /// </summary>
    public async Task<int> SendAsync(Contract contract, string dedupPrefix, string subject, string body, NoticeDocument? attachment,
        Instant at, CancellationToken ct)
    {
        var recipients = await ContractorRecipients.OfContractAsync(db, contract.Id, ct);
        foreach (var recipient in recipients)
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                Id = Guid.CreateVersion7(),
                Kind = OutboxKind.CaseNotice,
                DedupKey = dedupPrefix + recipient.Email.ToLowerInvariant(),
                ToAddress = recipient.Email,
                ToName = recipient.Name,
                Subject = subject,
                Body = body,
                CreatedAt = at,
                NextAttemptAt = at,
                AttachmentSha256 = attachment?.Sha256,
                AttachmentFileName = attachment?.FileName,
                AttachmentContentType = attachment is null ? null : "application/pdf",
            });
        }

        return recipients.Count;
    }

    /// <summary>The plain-text body of a notice's email: what it is, the dates, where to read and answer it.</summary>
    public static string Body(Contract contract, string what, IEnumerable<string> lines, string path)
    {
        var body = new StringBuilder();
        body.AppendLine(what);
        body.AppendLine();
        foreach (var line in lines)
        {
            body.AppendLine(line);
        }

        body.AppendLine();
        body.AppendLine("The notice is attached as a PDF. Read the case, answer it and submit your cures at:");
        body.AppendLine(path);
        body.AppendLine();
        body.AppendLine($"Contract #{contract.Number}, {contract.Title}, City of Hartford, Procurement Services.");
        return body.ToString();
    }

    /// <summary>The contractor's legal name and postal address, as a notice is addressed.</summary>
    public async Task<(string ContractorName, string ContractorAddress)> ContractorAsync(Contract contract, CancellationToken ct)
    {
        var contractor = await db.Contractors.AsNoTracking().SingleAsync(c => c.Id == contract.ContractorId, ct);
        var a = contractor.Address;
        return (contractor.Name, $"{a.Street}\n{a.City}, {a.State} {a.PostalCode}");
    }
}
