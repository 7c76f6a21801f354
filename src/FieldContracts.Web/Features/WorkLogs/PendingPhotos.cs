using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using FieldContracts.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using NodaTime;

namespace FieldContracts.Web.Features.WorkLogs;

/// <summary>A photo attached to a visit form that was refused: kept in the photo store, named on the form by its token.</summary>
/// <param name="Token">What the form sends back to keep the photo: protected, it names the user, the draft, the bytes and the expiry.</param>
public sealed record PendingPhoto(string Token, string FileName, string Sha256);

/// <summary>
/// Photos attached to a visit form whose post was refused (a wrong field, a missing notice). Their bytes go to the
/// photo store at once, under their SHA-256 as every photo does (<see cref="PhotoStore"/>), and the re-rendered form
/// carries a token for each instead of the file, so nothing attached is lost. A token is bound to the user who uploaded
/// the photo and to the draft (the form's idempotency key), and expires after <see cref="Lifetime"/>: another user, another
/// draft or an old token finds nothing. Bytes of a photo never logged stay in the store as harmless orphans, as after
/// any refused write (<see cref="ContentAddressedFiles.WriteAsync"/>).
/// </summary>
public sealed class PendingPhotos(PhotoStore store, IDataProtectionProvider protection, IClock clock)
{
    /// <summary>A day: long enough to finish the form after a shift, short enough that a lost phone's page keeps nothing for long.</summary>
    public static readonly Duration Lifetime = Duration.FromHours(24);

    private readonly IDataProtector _protector = protection.CreateProtector("FieldContracts.WorkLogs.PendingPhoto.v1");

    /// <summary>
    /// Stores the uploads that pass the photo checks (the others are refused with the form's other errors) and gives a
    /// token for each, for <paramref name="user"/> and <paramref name="draft"/>.
    /// </summary>
    public async Task<IReadOnlyList<PendingPhoto>> HoldAsync(ClaimsPrincipal user, string? draft, IReadOnlyList<FileUpload> uploads, CancellationToken ct)
    {
        if (UserId(user) is not { } userId || string.IsNullOrEmpty(draft))
        {
            return [];
        }

        var (photos, _) = PhotoStore.Check(uploads, 0, "photos", "a visit", 0);
        var expires = clock.GetCurrentInstant() + Lifetime;
        var held = new List<PendingPhoto>();
        foreach (var photo in photos)
        {
            await store.SaveAsync(photo, ct);
            var payload = string.Join('\n', userId, draft, photo.Sha256,
                expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), photo.FileName);
            held.Add(new PendingPhoto(_protector.Protect(payload), photo.FileName, photo.Sha256));
        }

        return held;
    }

    /// <summary>
    /// The photos the tokens name that belong to <paramref name="user"/> and <paramref name="draft"/>, have not expired and
    /// are still in the store, each with its bytes as an upload to check and log again. Others are left out.
    /// </summary>
    public IReadOnlyList<(PendingPhoto Photo, FileUpload Upload)> Find(ClaimsPrincipal user, string? draft, IEnumerable<string?> tokens)
    {
        var found = new List<(PendingPhoto, FileUpload)>();
        if (UserId(user) is not { } userId || string.IsNullOrEmpty(draft))
        {
            return found;
        }

        var now = clock.GetCurrentInstant();
        foreach (var token in tokens.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            string[] parts;
            try
            {
                parts = _protector.Unprotect(token).Split('\n', 5);
            }
            catch (CryptographicException)
            {
                continue;
            }

            if (parts.Length != 5 || parts[0] != userId || parts[1] != draft
                || !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
                || Instant.FromUnixTimeSeconds(expires) <= now
                || found.Any(f => f.Item1.Sha256 == parts[2]))
            {
                continue;
            }

            using var stream = store.Open(ContentAddressedFiles.PathOf(parts[2]));
            if (stream is null)
            {
                continue;
            }

            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            found.Add((new PendingPhoto(token, parts[4], parts[2]), new FileUpload(parts[4], buffer.Length, buffer.ToArray())));
        }

        return found;
    }

    private static string? UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);
}
