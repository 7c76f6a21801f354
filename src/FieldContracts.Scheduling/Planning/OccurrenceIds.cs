using System.Security.Cryptography;
using System.Text;

namespace FieldContracts.Scheduling.Planning;

/// <summary>
/// Stable identifiers of planned occurrences: a name-based UUID (RFC 9562 version 8, SHA-256) of the
/// contract, the task's series key, the school, the year and the occurrence's number in its series.
/// The same work always gets the same identifier, across runs, machines and re-plans.
/// </summary>
public static class OccurrenceIds
{
    public static Guid For(Guid contractId, string seriesKey, Guid siteId, int year, int sequence)
    {
        ArgumentNullException.ThrowIfNull(seriesKey);
        var length = 40 + Encoding.UTF8.GetMaxByteCount(seriesKey.Length);
        Span<byte> buffer = length <= 512 ? stackalloc byte[length] : new byte[length];
        contractId.TryWriteBytes(buffer, bigEndian: true, out _);
        siteId.TryWriteBytes(buffer[16..], bigEndian: true, out _);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(buffer[32..], year);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(buffer[36..], sequence);
        var written = 40 + Encoding.UTF8.GetBytes(seriesKey, buffer[40..]);

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer[..written], hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
