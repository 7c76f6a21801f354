using System.Security.Cryptography;
using FieldContracts.Administration.Deliverables;
using FieldContracts.Web.Features.WorkLogs;
using FieldContracts.Web.Infrastructure;

namespace FieldContracts.Web.Features.Deliverables;

/// <summary>A document that passed the checks, with its bytes.</summary>
public sealed record CheckedDocument(DeliverableDocument Document, byte[] Bytes);

/// <summary>
/// Documents handed in (reports, treatment plans), kept outside the database under their SHA-256 in
/// <c>Storage:DocumentDirectory</c> (by default <c>documents</c> inside <c>Storage:DataDirectory</c>). The type is read
/// from the file's first bytes: PDF, a Word document, or a photo of a paper one.
/// </summary>
public sealed class DocumentStore(string directory)
{
    /// <summary>At most 20 MB a document: a scanned plan of several pages fits.</summary>
    public const long MaxBytes = 20 * 1024 * 1024;

    public string Directory { get; } = directory;

    public static DocumentStore FromConfiguration(IConfiguration configuration, IHostEnvironment environment) =>
        new(ContentAddressedFiles.DirectoryFrom(configuration, environment, "Storage:DocumentDirectory", "documents"));

    /// <summary>Checks an upload: present, not too long, a PDF, Word document or image by its bytes; the error says why not.</summary>
    public static (CheckedDocument? Document, string? Error) Check(FileUpload? upload)
    {
        if (upload is null || upload.Length == 0)
        {
            return (null, "Attach the document: a PDF, a Word document, or a photo of the paper.");
        }

        var name = Path.GetFileName(upload.FileName);
        if (upload.Length > MaxBytes)
        {
            return (null, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{name} is {upload.Length / (1024.0 * 1024.0):0.0} MB; a document may be at most 20 MB."));
        }

        if (name.Length is 0 or > 255)
        {
            return (null, "The file needs a name of at most 255 characters.");
        }

        if (Detect(upload.Bytes, name) is not { } type)
        {
            return (null, $"{name} is not a PDF, a Word document (.docx) or a JPEG, PNG or HEIC image.");
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(upload.Bytes));
        return (new CheckedDocument(new DeliverableDocument(name, type, sha, upload.Bytes.Length), upload.Bytes), null);
    }

    /// <summary>The type the bytes begin with: PDF, a Word document (a ZIP package named .docx), or an image; null otherwise.</summary>
    public static string? Detect(ReadOnlySpan<byte> bytes, string fileName)
    {
        if (bytes.StartsWith("%PDF-"u8))
        {
            return "application/pdf";
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]) && fileName.EndsWith(".docx", StringComparison.OrdinalIgnoreCase))
        {
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        }

        return PhotoStore.Detect(bytes);
    }

    public Task SaveAsync(CheckedDocument document, CancellationToken ct) =>
        ContentAddressedFiles.WriteAsync(Directory, document.Document.Sha256, document.Bytes, ct);

    public Stream? Open(DeliverableDocument document) => Open(document.Sha256);

    /// <summary>The stored bytes of <paramref name="sha256"/>, or null when there are none.</summary>
    public Stream? Open(string sha256) => ContentAddressedFiles.Open(Directory, ContentAddressedFiles.PathOf(sha256));
}
