using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using FieldContracts.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using NodaTime;

namespace FieldContracts.Web.Features.Shared;

/// <summary>A file attached to a form that was refused: kept on the server, named on the form by its token.</summary>
/// <param name="Token">What the form sends back to keep the file: protected, it names the user, the form, the bytes and the expiry.</param>
public sealed record PendingUpload(string Token, string FileName, string Sha256);

/// <summary>
/// Files attached to a form whose post was refused (a wrong field, a missing notice): the visit's photos, a licence's scan,
/// a certificate's PDF, a calendar's .ics file. Their bytes are kept at once under their SHA-256 in
/// <c>Storage:PendingDirectory</c> (by default <c>pending</c> inside <c>Storage:DataDirectory</c>), and the re-rendered
/// form carries a token for each instead of the file, so nothing attached is lost. A token is bound to the user who
/// attached the file and to the form it was attached to (a draft's key, a contract's register), and expires after
/// <see cref="Lifetime"/>: another user, another form or an old token finds nothing, and a hash alone names nothing.
/// A kept file is sent through the form's checks again (type, size) as if attached anew. Bytes of a file never used stay
/// as harmless orphans, as after any refused write (<see cref="ContentAddressedFiles.WriteAsync"/>).
/// </summary>
public sealed class PendingUploads(PendingUploads.Store store, IDataProtectionProvider protection, IClock clock)
{
    /// <summary>Where kept files' bytes are, by SHA-256.</summary>
    public sealed record Store(string Directory)
    {
        public static Store FromConfiguration(IConfiguration configuration, IHostEnvironment environment) =>
            new(ContentAddressedFiles.DirectoryFrom(configuration, environment, "Storage:PendingDirectory", "pending"));
    }

    /// <summary>A day: long enough to finish the form after a shift, short enough that a lost phone's page keeps nothing for long.</summary>
    public static readonly Duration Lifetime = Duration.FromHours(24);

    /// <summary>A file name kept is at most this long; a longer one is the form's checks' to refuse.</summary>
    private const int MaxNameLength = 255;

    private readonly IDataProtector _protector = protection.CreateProtector("FieldContracts.PendingUpload.v1");

    /// <summary>
    /// Keeps each upload that was read whole (not empty, not cut short for its size) and gives a token for it, for
    /// <paramref name="user"/> and <paramref name="form"/>. The caller leaves out uploads its checks refused.
    /// </summary>
    public async Task<IReadOnlyList<PendingUpload>> HoldAsync(ClaimsPrincipal user, string? form, IEnumerable<FileUpload?> uploads, CancellationToken ct)
    {
        if (UserId(user) is not { } userId || string.IsNullOrEmpty(form))
        {
            return [];
        }

        var expires = (clock.GetCurrentInstant() + Lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var held = new List<PendingUpload>();
        foreach (var upload in uploads.OfType<FileUpload>())
        {
            var name = Path.GetFileName(upload.FileName);
            if (upload.Bytes.Length == 0 || upload.Bytes.Length != upload.Length || name.Length is 0 or > MaxNameLength)
            {
                continue;
            }

            var sha256 = Convert.ToHexStringLower(SHA256.HashData(upload.Bytes));
            await ContentAddressedFiles.WriteAsync(store.Directory, sha256, upload.Bytes, ct);
            var payload = string.Join('\n', userId, form, sha256, expires, name);
            held.Add(new PendingUpload(_protector.Protect(payload), name, sha256));
        }

        return held;
    }

    /// <summary>Keeps one upload as <see cref="HoldAsync(ClaimsPrincipal, string?, IEnumerable{FileUpload?}, CancellationToken)"/> does; null when it is not kept.</summary>
    public async Task<PendingUpload?> HoldAsync(ClaimsPrincipal user, string? form, FileUpload? upload, CancellationToken ct) =>
        (await HoldAsync(user, form, [upload], ct)).FirstOrDefault();

    /// <summary>
    /// The files the tokens name that belong to <paramref name="user"/> and <paramref name="form"/>, have not expired and
    /// are still kept, each with its bytes as an upload to check and store again. Others are left out.
    /// </summary>
    public IReadOnlyList<(PendingUpload File, FileUpload Upload)> Find(ClaimsPrincipal user, string? form, IEnumerable<string?> tokens)
    {
        var found = new List<(PendingUpload, FileUpload)>();
        if (UserId(user) is not { } userId || string.IsNullOrEmpty(form))
        {
            return found;
        }

        var now = clock.GetCurrentInstant();
        foreach (var token in tokens.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            string[] parts;
            try
            {
                parts = _protector.Unprotect(token).Split('\n');
            }
            catch (CryptographicException)
            {
                continue;
            }

            // The form's name is the caller's and may hold anything but a line break; the file name is last.
            if (parts.Length != 5 || parts[0] != userId || parts[1] != form
                || !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
                || Instant.FromUnixTimeSeconds(expires) <= now
                || found.Any(f => f.Item1.Sha256 == parts[2]))
            {
                continue;
            }

            using var stream = ContentAddressedFiles.Open(store.Directory, ContentAddressedFiles.PathOf(parts[2]));
            if (stream is null)
            {
                continue;
            }

            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            found.Add((new PendingUpload(token, parts[4], parts[2]), new FileUpload(parts[4], buffer.Length, buffer.ToArray())));
        }

        return found;
    }

    /// <summary>The one file a token names, as <see cref="Find"/> finds it; null when none.</summary>
    public (PendingUpload File, FileUpload Upload)? FindOne(ClaimsPrincipal user, string? form, string? token) =>
        Find(user, form, [token]) is [var one, ..] ? one : null;

    private static string? UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);
}

public static class PendingUploadsRegistration
{
    /// <summary>The files kept for refused forms (<see cref="PendingUploads"/>), for every form that takes a file.</summary>
    public static IServiceCollection AddPendingUploads(this IServiceCollection services) => services
        .AddSingleton(provider => PendingUploads.Store.FromConfiguration(provider.GetRequiredService<IConfiguration>(),
            provider.GetRequiredService<IHostEnvironment>()))
        .AddScoped<PendingUploads>();
}

/// <summary>What the form shows of a kept file (<c>_KeptFile</c>): the field its token goes back in, the file, and what it is ("scan").</summary>
public sealed record KeptFile(string Field, PendingUpload? File, string What);
