using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace FieldContracts.Web.Features.Performance.Documents;

/// <summary>
/// The fonts the case documents are set in: DejaVu Sans and DejaVu Sans Bold, embedded in this assembly (licence in
/// <c>Fonts/LICENSE-DejaVu.txt</c>), so that a server or CI machine without any installed font renders the same PDF.
/// </summary>
internal sealed class CaseDocumentFonts : IFontResolver
{
    /// <summary>The family name the documents ask PDFsharp for.</summary>
    public const string Family = "DejaVu Sans";

    private const string RegularFace = "DejaVuSans";
    private const string BoldFace = "DejaVuSans-Bold";
    private const string ResourcePrefix = "FieldContracts.Web.Features.Performance.Documents.Fonts.";

    private static readonly Lock Registration = new();
    private static readonly ConcurrentDictionary<string, byte[]> Faces = new();

    private CaseDocumentFonts()
    {
    }

    /// <summary>
    /// Makes PDFsharp find the embedded fonts; safe to call from any thread, any number of times. PDFsharp keeps one
    /// resolver for the whole process: ours becomes it when none is set, and the fallback behind another one otherwise.
    /// </summary>
    public static void Register()
    {
        if (GlobalFontSettings.FontResolver is CaseDocumentFonts || GlobalFontSettings.FallbackFontResolver is CaseDocumentFonts)
        {
            return;
        }

        lock (Registration)
        {
            if (GlobalFontSettings.FontResolver is null)
            {
                GlobalFontSettings.FontResolver = new CaseDocumentFonts();
            }
            else if (GlobalFontSettings.FontResolver is not CaseDocumentFonts && GlobalFontSettings.FallbackFontResolver is null)
            {
                GlobalFontSettings.FallbackFontResolver = new CaseDocumentFonts();
            }
        }
    }

    /// <summary>Every family asks for DejaVu Sans: bold for bold, regular otherwise (the documents use no italics).</summary>
    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        string.Equals(familyName, Family, StringComparison.OrdinalIgnoreCase)
            ? new FontResolverInfo(bold ? BoldFace : RegularFace)
            : null;

    public byte[]? GetFont(string faceName) =>
        faceName is RegularFace or BoldFace ? Faces.GetOrAdd(faceName, Read) : null;

    private static byte[] Read(string faceName)
    {
        var name = ResourcePrefix + faceName + ".ttf";
        using var stream = typeof(CaseDocumentFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font {name} is not embedded in {typeof(CaseDocumentFonts).Assembly.GetName().Name}.");
        using var copy = new MemoryStream((int)stream.Length);
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
