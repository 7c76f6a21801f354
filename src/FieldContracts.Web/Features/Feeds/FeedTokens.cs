using System.Buffers.Text;
using System.Security.Cryptography;

namespace FieldContracts.Web.Features.Feeds;

/// <summary>
/// The secret in a feed's address: 32 random bytes (256 bits) as base64url, 43 characters. Only its SHA-256
/// hash is stored; a token that was never issued, or was replaced, hashes to nothing on record.
/// </summary>
public static class FeedTokens
{
    public const int Bytes = 32;

    /// <summary>Length of a token as text: 32 bytes in base64url without padding.</summary>
    public const int Length = 43;

    /// <summary>A new token and the hash to store.</summary>
    public static (string Token, byte[] Hash) Issue()
    {
        Span<byte> secret = stackalloc byte[Bytes];
        RandomNumberGenerator.Fill(secret);
        var token = Base64Url.EncodeToString(secret);
        var hash = SHA256.HashData(secret);
        CryptographicOperations.ZeroMemory(secret);
        return (token, hash);
    }

    /// <summary>The stored hash of <paramref name="token"/>; null when it cannot be a token at all.</summary>
    public static byte[]? HashOf(string? token)
    {
        if (token is not { Length: Length })
        {
            return null;
        }

        Span<byte> secret = stackalloc byte[Bytes + 2];
        if (Base64Url.DecodeFromChars(token, secret, out var consumed, out var written) != System.Buffers.OperationStatus.Done
            || consumed != Length || written != Bytes)
        {
            return null;
        }

        var hash = SHA256.HashData(secret[..Bytes]);
        CryptographicOperations.ZeroMemory(secret);
        return hash;
    }

    /// <summary>Compares two hashes in time that does not depend on where they differ.</summary>
    public static bool SameHash(byte[] stored, byte[] presented) =>
        CryptographicOperations.FixedTimeEquals(stored, presented);
}
