using FieldContracts.Administration.Deficiencies;
using FieldContracts.Web.Features.WorkLogs;
using FieldContracts.Web.Infrastructure;

namespace FieldContracts.Web.Features.Shared;

/// <summary>A photo a request refers to by the SHA-256 of bytes stored already, with the name it had, when known.</summary>
public sealed record PhotoReference(string Sha256, string? FileName = null);

/// <summary>The photos of one finding (a complaint, an inspection line): what was found, and what is wrong with the rest.</summary>
/// <param name="Photos">Photos referred to and found, then photos uploaded and stored, in that order.</param>
/// <param name="Errors">Errors keyed <c>{path}</c> for the count and <c>{path}[i]</c> for each photo, counting references first.</param>
public sealed record FindingPhotos(IReadOnlyList<EvidencePhoto> Photos, Dictionary<string, string[]> Errors);

/// <summary>
/// Photos given as evidence with a complaint or an inspection line, kept with the visits' photos in the one photo store
/// (<see cref="PhotoStore"/>, by SHA-256). Uploads are checked by their bytes and stored at once, before the database
/// is written, so a form that is refused for another reason keeps them: it sends their hashes back instead of the
/// files. A hash is accepted only for an image the store holds.
/// </summary>
public sealed class EvidencePhotos(PhotoStore store)
{
    /// <summary>
    /// Finds the photos <paramref name="references"/> name and stores <paramref name="uploads"/>, at most
    /// <see cref="EvidencePhoto.MaxPerFinding"/> in all, <paramref name="per"/> saying of what ("a complaint").
    /// </summary>
    public async Task<FindingPhotos> GatherAsync(IReadOnlyList<PhotoReference>? references, IReadOnlyList<FileUpload>? uploads, string path,
        string per, CancellationToken ct)
    {
        references ??= [];
        uploads ??= [];
        var photos = new List<EvidencePhoto>();
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < references.Count; i++)
        {
            var sha = references[i].Sha256?.Trim().ToLowerInvariant() ?? "";
            if (store.Find(sha) is not ({ } type, var length))
            {
                errors[$"{path}[{i}]"] = ["There is no photo stored under this SHA-256: upload it first."];
                continue;
            }

            var name = Path.GetFileName(references[i].FileName ?? "") is { Length: > 0 and <= 255 } given ? given : DefaultName(sha, type);
            photos.Add(new EvidencePhoto(sha, name, type, length));
        }

        var (checkedPhotos, uploadErrors) = PhotoStore.Check(uploads, references.Count, path, per, references.Count);
        foreach (var (key, messages) in uploadErrors)
        {
            errors[key] = messages;
        }

        // Each good upload is stored even when others are refused, so that the form can keep it.
        foreach (var photo in checkedPhotos)
        {
            await store.SaveAsync(photo, ct);
            photos.Add(new EvidencePhoto(photo.Sha256, photo.FileName, photo.ContentType, photo.Bytes.LongLength));
        }

        return new FindingPhotos(photos, errors);
    }

    private static string DefaultName(string sha256, string type) => $"photo-{sha256[..12]}" + type switch
    {
        "image/png" => ".png",
        "image/heic" => ".heic",
        _ => ".jpg",
    };
}
