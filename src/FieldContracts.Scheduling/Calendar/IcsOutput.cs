using System.Buffers;
using System.Runtime.CompilerServices;

namespace FieldContracts.Scheduling.Calendar;

/// <summary>
/// Writes content lines as UTF-8 straight into an <see cref="IBufferWriter{T}"/>, ending lines with CRLF and
/// folding them (RFC 5545 section 3.1) so no line passes 75 octets, CRLF excluded. A fold never falls inside
/// a UTF-8 sequence or between the two characters of a TEXT escape. Nothing reaches the underlying writer
/// until <see cref="Commit"/>.
/// </summary>
internal ref struct IcsOutput
{
    internal const int MaxLineOctets = 75;

    private const int MinimumChunk = 16 * 1024;

    /// <summary>Printable ASCII that a TEXT value writes as it is.</summary>
    private static readonly SearchValues<char> PlainText = SearchValues.Create(
        " !\"#$%&'()*+-./0123456789:<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    /// <summary>Printable ASCII.</summary>
    private static readonly SearchValues<char> PlainVerbatim = SearchValues.Create(
        " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    private readonly IBufferWriter<byte> _writer;
    private Span<byte> _span;
    private int _pos;
    private int _line;

    public IcsOutput(IBufferWriter<byte> writer)
    {
        _writer = writer;
        _span = default;
        _pos = 0;
        _line = 0;
    }

    /// <summary>Hands the bytes written so far to the underlying writer.</summary>
    public void Commit()
    {
        if (_pos > 0)
        {
            _writer.Advance(_pos);
        }

        _pos = 0;
        _span = default;
    }

    /// <summary>Octets that must stay together on one line; ASCII only.</summary>
    public void Ascii(scoped ReadOnlySpan<byte> octets)
    {
        if (_line + octets.Length <= MaxLineOctets)
        {
            Reserve(octets.Length);
            octets.CopyTo(_span[_pos..]);
            _pos += octets.Length;
            _line += octets.Length;
            return;
        }

        foreach (var b in octets)
        {
            One(b);
        }
    }

    /// <summary>Ends the content line.</summary>
    public void EndLine()
    {
        Reserve(2);
        _span[_pos] = (byte)'\r';
        _span[_pos + 1] = (byte)'\n';
        _pos += 2;
        _line = 0;
    }

    /// <summary>A TEXT value (section 3.3.11): backslash, semicolon, comma and line breaks escaped.</summary>
    public void Text(scoped ReadOnlySpan<char> text) => Utf8(text, escape: true);

    /// <summary>A value of a type that has no escapes, such as a URI; still UTF-8 encoded and folded.</summary>
    public void Verbatim(scoped ReadOnlySpan<char> text) => Utf8(text, escape: false);

    private void Utf8(scoped ReadOnlySpan<char> text, bool escape)
    {
        var plain = escape ? PlainText : PlainVerbatim;
        for (var i = 0; i < text.Length; i++)
        {
            // Most text is printable ASCII needing no escape: copy such runs a line's worth at a time.
            var run = text[i..].IndexOfAnyExcept(plain);
            if (run != 0)
            {
                run = run < 0 ? text.Length - i : run;
                AsciiRun(text.Slice(i, run));
                i += run;
                if (i == text.Length)
                {
                    return;
                }
            }

            int c = text[i];
            if (c < 0x80)
            {
                if (c >= 0x20 && c != 0x7F && (!escape || (c != '\\' && c != ';' && c != ',')))
                {
                    One((byte)c);
                    continue;
                }

                switch (c)
                {
                    case '\\' or ';' or ',':
                        Two((byte)'\\', (byte)c);
                        break;
                    case '\r':
                        // CRLF, LF and a lone CR are all one line break.
                        if (i + 1 < text.Length && text[i + 1] == '\n')
                        {
                            i++;
                        }

                        Two((byte)'\\', (byte)'n');
                        break;
                    case '\n':
                        Two((byte)'\\', (byte)'n');
                        break;
                    case '\t':
                        One((byte)'\t');
                        break;
                    default:
                        // Other control characters are not allowed in any value (section 3.1, SAFE-CHAR):
                        // they are left out.
                        break;
                }
            }
            else if (c < 0x800)
            {
                Two((byte)(0xC0 | (c >> 6)), (byte)(0x80 | (c & 0x3F)));
            }
            else if (char.IsHighSurrogate((char)c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var scalar = char.ConvertToUtf32((char)c, text[++i]);
                Four(
                    (byte)(0xF0 | (scalar >> 18)),
                    (byte)(0x80 | ((scalar >> 12) & 0x3F)),
                    (byte)(0x80 | ((scalar >> 6) & 0x3F)),
                    (byte)(0x80 | (scalar & 0x3F)));
            }
            else
            {
                if (char.IsSurrogate((char)c))
                {
                    c = 0xFFFD;
                }

                Three((byte)(0xE0 | (c >> 12)), (byte)(0x80 | ((c >> 6) & 0x3F)), (byte)(0x80 | (c & 0x3F)));
            }
        }
    }

    /// <summary>Printable ASCII characters, one octet each, folded wherever the line is full.</summary>
    private void AsciiRun(scoped ReadOnlySpan<char> chars)
    {
        while (!chars.IsEmpty)
        {
            if (_line >= MaxLineOctets)
            {
                Reserve(3);
                Fold();
            }

            var take = Math.Min(MaxLineOctets - _line, chars.Length);
            Reserve(take);
            System.Text.Ascii.FromUtf16(chars[..take], _span[_pos..], out _);
            _pos += take;
            _line += take;
            chars = chars[take..];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void One(byte b)
    {
        Reserve(4);
        if (_line >= MaxLineOctets)
        {
            Fold();
        }

        _span[_pos++] = b;
        _line++;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Two(byte b0, byte b1)
    {
        Reserve(5);
        if (_line + 2 > MaxLineOctets)
        {
            Fold();
        }

        _span[_pos] = b0;
        _span[_pos + 1] = b1;
        _pos += 2;
        _line += 2;
    }

    private void Three(byte b0, byte b1, byte b2)
    {
        Reserve(6);
        if (_line + 3 > MaxLineOctets)
        {
            Fold();
        }

        _span[_pos] = b0;
        _span[_pos + 1] = b1;
        _span[_pos + 2] = b2;
        _pos += 3;
        _line += 3;
    }

    private void Four(byte b0, byte b1, byte b2, byte b3)
    {
        Reserve(7);
        if (_line + 4 > MaxLineOctets)
        {
            Fold();
        }

        _span[_pos] = b0;
        _span[_pos + 1] = b1;
        _span[_pos + 2] = b2;
        _span[_pos + 3] = b3;
        _pos += 4;
        _line += 4;
    }

    /// <summary>Breaks the line; the continuation's leading space counts towards its 75 octets.</summary>
    private void Fold()
    {
        _span[_pos] = (byte)'\r';
        _span[_pos + 1] = (byte)'\n';
        _span[_pos + 2] = (byte)' ';
        _pos += 3;
        _line = 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Reserve(int octets)
    {
        if (_span.Length - _pos < octets)
        {
            Grow(octets);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(int octets)
    {
        if (_pos > 0)
        {
            _writer.Advance(_pos);
        }

        _pos = 0;
        _span = _writer.GetSpan(Math.Max(octets, MinimumChunk));
    }
}
