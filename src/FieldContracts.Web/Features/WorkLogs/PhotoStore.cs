using System.Security.Cryptography;
using FieldContracts.Web.Infrastructure;

namespace FieldContracts.Web.Features.WorkLogs;

/// <summary>A photo that passed the checks: its type as its bytes say, and its SHA-256.</summary>
public sealed record CheckedPhoto(string FileName, string ContentType, byte[] Bytes, string Sha256)
{
    /// <summary>Where the bytes go, relative to the photo directory: <c>{first two hex digits}/{sha256}</c>.</summary>
    public string StoragePath => ContentAddressedFiles.PathOf(Sha256);
}

/// <summary>
/// Photos of visits, kept outside the database under their SHA-256 in <c>Storage:PhotoDirectory</c>
/// (by default <c>photos</c> inside <c>Storage:DataDirectory</c>). The type is read from the file's
/// first bytes, never from its name. The same bytes are stored once.
/// </summary>
public sealed class PhotoStore(string directory)
{
    /// <summary>At most 10 MB a photo: a phone's full-resolution JPEG or HEIC fits.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>At most six photos a visit.</summary>
    public const int MaxPerVisit = 6;

    public string Directory { get; } = directory;

    public static PhotoStore FromConfiguration(IConfiguration configuration, IHostEnvironment environment) =>
        new(ContentAddressedFiles.DirectoryFrom(configuration, environment, "Storage:PhotoDirectory", "photos"));

    /// <summary>
    /// Checks each upload (size, type from its bytes) and the count against those already stored;
    /// errors are keyed <c>photos[i]</c> and name the file. The photos returned are those that pass on their own: a
    /// caller that takes all or nothing stops at any error.
    /// </summary>
    public static (IReadOnlyList<CheckedPhoto> Photos, Dictionary<string, string[]> Errors) Check(IReadOnlyList<FileUpload> uploads, int alreadyStored) =>
        Check(uploads, alreadyStored, "photos", "a visit", 0);

    /// <summary>
    /// Checks each upload as <see cref="Check(IReadOnlyList{FileUpload}, int)"/> does, with errors keyed under
    /// <paramref name="path"/> (the count as <c>{path}</c>, each file as <c>{path}[first + i]</c>) and the limit said per
    /// <paramref name="per"/> ("a visit", "a complaint").
    /// </summary>
    public static (IReadOnlyList<CheckedPhoto> Photos, Dictionary<string, string[]> Errors) Check(IReadOnlyList<FileUpload> uploads, int alreadyStored,
        string path, string per, int first)
    {
        var errors = new Dictionary<string, string[]>();
        var photos = new List<CheckedPhoto>();
        if (alreadyStored + uploads.Count > MaxPerVisit)
        {
            errors[path] = [$"At most {MaxPerVisit} photos {per}; this would make {alreadyStored + uploads.Count}."];
        }

        for (var i = 0; i < uploads.Count; i++)
        {
            var upload = uploads[i];
            var name = Path.GetFileName(upload.FileName);
            if (upload.Length > MaxBytes)
            {
                errors[$"{path}[{first + i}]"] = [string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{name} is {upload.Length / (1024.0 * 1024.0):0.0} MB; a photo may be at most 10 MB.")];
            }
            else if (upload.Bytes.Length == 0)
            {
                errors[$"{path}[{first + i}]"] = [$"{name} is empty."];
            }
            else if (Detect(upload.Bytes) is not { } type)
            {
                errors[$"{path}[{first + i}]"] = [$"{name} is not a JPEG, PNG or HEIC image."];
            }
            else if (name.Length > 255)
            {
                errors[$"{path}[{first + i}]"] = ["The file name is longer than 255 characters."];
            }
            else
            {
                photos.Add(new CheckedPhoto(name, type, upload.Bytes, Convert.ToHexStringLower(SHA256.HashData(upload.Bytes))));
            }
        }

        return (photos, errors);
    }

    /// <summary>The image type the bytes begin with: JPEG, PNG or HEIC (an ISO-BMFF <c>ftyp</c> box with a HEIF brand); null otherwise.</summary>
    public static string? Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF)
        {
            return "image/jpeg";
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }

        if (bytes.Length >= 12 && bytes.Slice(4, 4).SequenceEqual("ftyp"u8))
        {
            var brand = bytes.Slice(8, 4);
            if (brand.SequenceEqual("heic"u8) || brand.SequenceEqual("heix"u8) || brand.SequenceEqual("hevc"u8)
                || brand.SequenceEqual("heim"u8) || brand.SequenceEqual("heis"u8) || brand.SequenceEqual("mif1"u8)
                || brand.SequenceEqual("msf1"u8))
            {
                return "image/heic";
            }
        }

        return null;
    }

    /// <summary>Stores the photo under its hash (<see cref="ContentAddressedFiles"/>).</summary>
    public Task SaveAsync(CheckedPhoto photo, CancellationToken ct) => ContentAddressedFiles.WriteAsync(Directory, photo.Sha256, photo.Bytes, ct);

    public Stream? Open(string storagePath) => ContentAddressedFiles.Open(Directory, storagePath);

    /// <summary>
    /// The type (by its first bytes) and length of the photo stored under <paramref name="sha256"/> (64 lower-case hex
    /// digits); null when nothing is stored so or what is stored is not a JPEG, PNG or HEIC image.
    /// </summary>
    public (string ContentType, long Length)? Find(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        using var stream = Open(ContentAddressedFiles.PathOf(sha256));
        if (stream is null)
        {
            return null;
        }

        Span<byte> head = stackalloc byte[16];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return Detect(head[..read]) is { } type ? (type, stream.Length) : null;
    }
}
