namespace FieldContracts.Web.Infrastructure;

/// <summary>A file as uploaded (a photo, a document): the name it had, its length, and its bytes (left unread when too long).</summary>
public sealed record FileUpload(string FileName, long Length, byte[] Bytes)
{
    /// <summary>Reads an uploaded file, unless it is longer than <paramref name="maxBytes"/>; the checks then say so by its length.</summary>
    public static async Task<FileUpload> ReadAsync(IFormFile file, long maxBytes, CancellationToken ct)
    {
        if (file.Length > maxBytes)
        {
            return new FileUpload(file.FileName, file.Length, []);
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        return new FileUpload(file.FileName, buffer.Length, buffer.ToArray());
    }

    /// <summary>Reads each file that was attached (one with a name or bytes).</summary>
    public static async Task<IReadOnlyList<FileUpload>> ReadAllAsync(IEnumerable<IFormFile> files, long maxBytes, CancellationToken ct)
    {
        var uploads = new List<FileUpload>();
        foreach (var file in files.Where(f => f.Length > 0 || f.FileName.Length > 0))
        {
            uploads.Add(await ReadAsync(file, maxBytes, ct));
        }

        return uploads;
    }
}
