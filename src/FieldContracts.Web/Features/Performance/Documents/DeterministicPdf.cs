using System.Security.Cryptography;
using System.Text;
using NodaTime;
using PdfSharp.Pdf;

namespace FieldContracts.Web.Features.Performance.Documents;

/// <summary>
/// Saves a PDF so that the same document gives the same bytes on any machine, on any day: the documents are stored
/// under their content hash, and a notice rendered twice must not become two documents.
/// </summary>
/// <remarks>
/// PDFsharp 6.2.4 writes four things that change from one save to the next: the creation date (now), the trailer's
/// file identifier, the six-letter tag before each embedded font subset's name (e.g. <c>KWAEMO+DejaVu Sans</c>) and
/// the XMP packet's document and instance ids, the last three from <see cref="Guid.NewGuid"/>. The date and the
/// identifier can be set before saving; the tags and the XMP ids cannot, so they are rewritten in the saved bytes.
/// Each is replaced by a value of the same length, so no byte offset in the cross-reference table moves, and every
/// value is derived from a SHA-256 of the file with those spans blanked out: the same content gives the same values,
/// and different content different ones.
/// </remarks>
internal static class DeterministicPdf
{
    private const int TagLength = 6;
    private const int UuidLength = 36;
    private const int IdBytes = 16;

    private static readonly byte[][] TagPrefixes = [Ascii("/FontName/"), Ascii("/BaseFont/")];
    private static readonly byte[] UuidPrefix = Ascii("uuid:");
    private static readonly byte[] XmpStart = Ascii("<x:xmpmeta");
    private static readonly byte[] XmpEnd = Ascii("</x:xmpmeta>");
    private static readonly byte[] TrailerIdPrefix = Ascii("/ID[<");

    /// <summary>
    /// Saves <paramref name="document"/> dated <paramref name="issuedOn"/> at noon UTC, which reads as the same day in
    /// every zone from UTC−11 to UTC+11, Hartford's included.
    /// </summary>
    public static byte[] Save(PdfDocument document, LocalDate issuedOn)
    {
        document.Info.CreationDate = new DateTime(issuedOn.Year, issuedOn.Month, issuedOn.Day, 12, 0, 0, DateTimeKind.Utc);
        var placeholderId = new string('\0', IdBytes);
        document.Internals.FirstDocumentID = placeholderId;
        document.Internals.SecondDocumentID = placeholderId;

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        var bytes = output.ToArray();
        Stabilise(bytes);
        return bytes;
    }

    /// <summary>Rewrites the font subset tags, the XMP ids and the trailer's identifier in place.</summary>
    internal static void Stabilise(byte[] pdf)
    {
        var tags = TagSpans(pdf);
        var uuids = UuidSpans(pdf);
        var ids = TrailerIdSpans(pdf);

        var blanked = (byte[])pdf.Clone();
        foreach (var start in tags)
        {
            blanked.AsSpan(start, TagLength).Fill((byte)'A');
        }

        foreach (var start in uuids)
        {
            blanked.AsSpan(start, UuidLength).Fill((byte)'0');
        }

        foreach (var start in ids)
        {
            blanked.AsSpan(start, IdBytes * 2).Fill((byte)'0');
        }

        var hash = SHA256.HashData(blanked);

        // One tag per distinct original tag, in order of first appearance: the regular and the bold subset stay apart.
        var newTags = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var start in tags)
        {
            var original = Encoding.ASCII.GetString(pdf, start, TagLength);
            if (!newTags.TryGetValue(original, out var tag))
            {
                tag = Tag(hash, newTags.Count, newTags.Values);
                newTags.Add(original, tag);
            }

            tag.CopyTo(pdf, start);
        }

        for (var i = 0; i < uuids.Count; i++)
        {
            Uuid(Derive(hash, "xmp-uuid", i)).CopyTo(pdf, uuids[i]);
        }

        var id = Ascii(Convert.ToHexString(hash, 0, IdBytes));
        foreach (var start in ids)
        {
            id.CopyTo(pdf, start);
        }
    }

    private static List<int> TagSpans(byte[] pdf)
    {
        var spans = new List<int>();
        foreach (var prefix in TagPrefixes)
        {
            for (var at = IndexOf(pdf, prefix, 0); at >= 0; at = IndexOf(pdf, prefix, at + 1))
            {
                var start = at + prefix.Length;
                if (start + TagLength < pdf.Length && pdf[start + TagLength] == (byte)'+'
                    && pdf.AsSpan(start, TagLength).IndexOfAnyExceptInRange((byte)'A', (byte)'Z') < 0)
                {
                    spans.Add(start);
                }
            }
        }

        spans.Sort();
        return spans;
    }

    private static List<int> UuidSpans(byte[] pdf)
    {
        var spans = new List<int>();
        var xmp = IndexOf(pdf, XmpStart, 0);
        var end = xmp < 0 ? -1 : IndexOf(pdf, XmpEnd, xmp);
        if (end < 0)
        {
            return spans;
        }

        for (var at = IndexOf(pdf, UuidPrefix, xmp); at >= 0 && at < end; at = IndexOf(pdf, UuidPrefix, at + 1))
        {
            var start = at + UuidPrefix.Length;
            if (start + UuidLength <= end && Guid.TryParseExact(Encoding.ASCII.GetString(pdf, start, UuidLength), "D", out _))
            {
                spans.Add(start);
            }
        }

        return spans;
    }

    /// <summary>Both hex strings of the last trailer's <c>/ID [&lt;…&gt;&lt;…&gt;]</c>.</summary>
    private static List<int> TrailerIdSpans(byte[] pdf)
    {
        var spans = new List<int>();
        var trailer = pdf.AsSpan().LastIndexOf(Ascii("trailer"));
        var at = trailer < 0 ? -1 : IndexOf(pdf, TrailerIdPrefix, trailer);
        if (at < 0)
        {
            return spans;
        }

        var first = at + TrailerIdPrefix.Length;
        var second = first + IdBytes * 2 + 2; // past "><"
        if (second + IdBytes * 2 < pdf.Length && pdf[first + IdBytes * 2] == (byte)'>' && pdf[second - 1] == (byte)'<')
        {
            spans.Add(first);
            spans.Add(second);
        }

        return spans;
    }

    private static byte[] Tag(byte[] hash, int index, IEnumerable<byte[]> taken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var bytes = Derive(hash, "font-subset-tag", index * 1000 + attempt);
            var tag = new byte[TagLength];
            for (var i = 0; i < TagLength; i++)
            {
                tag[i] = (byte)('A' + bytes[i] % 26);
            }

            if (!taken.Any(t => t.AsSpan().SequenceEqual(tag)))
            {
                return tag;
            }
        }
    }

    /// <summary>An RFC 9562 version 8 (custom) UUID from 16 bytes of a hash, in its 36-character form.</summary>
    private static byte[] Uuid(byte[] bytes)
    {
        Span<byte> b = stackalloc byte[16];
        bytes.AsSpan(0, 16).CopyTo(b);
        b[6] = (byte)((b[6] & 0x0F) | 0x80);
        b[8] = (byte)((b[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(b);
        return Ascii($"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}");
    }

    private static byte[] Derive(byte[] hash, string purpose, int index) =>
        SHA256.HashData([.. hash, .. Ascii($"{purpose}:{index}")]);

    private static int IndexOf(byte[] haystack, byte[] needle, int from)
    {
        if (from >= haystack.Length)
        {
            return -1;
        }

        var at = haystack.AsSpan(from).IndexOf(needle);
        return at < 0 ? -1 : from + at;
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
}
