using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace FieldContracts.Web.Features.Performance.Documents;

/// <summary>
/// Lays text down a PDF page by page: each call wraps its text at word boundaries to the width it has (measured with
/// the font it is set in), starts a new Letter page when the next line would cross the bottom margin, and carries on
/// there. A word wider than the whole line (a long file hash) is broken between characters. <see cref="Finish"/> puts
/// the footer and "Page n of m" on every page once the number of pages is known.
/// </summary>
internal sealed class PageFlow : IDisposable
{
    private const double PageWidth = 612; // US Letter, 8.5 × 11 inches, in points
    private const double PageHeight = 792;
    private const double Left = 72;
    private const double Right = PageWidth - 72;
    private const double Top = 60;
    private const double Bottom = PageHeight - 72;
    private const double LabelWidth = 118;
    private const double QuoteIndent = 18;

    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
    private static readonly XColor Grey = XColor.FromArgb(90, 90, 90);

    private readonly PdfDocument _document;
    private readonly XFont _body = new(CaseDocumentFonts.Family, 10, XFontStyleEx.Regular, Unicode);
    private readonly XFont _bold = new(CaseDocumentFonts.Family, 10, XFontStyleEx.Bold, Unicode);
    private readonly XFont _title = new(CaseDocumentFonts.Family, 17, XFontStyleEx.Bold, Unicode);
    private readonly XFont _subtitle = new(CaseDocumentFonts.Family, 11, XFontStyleEx.Regular, Unicode);
    private readonly XFont _heading = new(CaseDocumentFonts.Family, 11.5, XFontStyleEx.Bold, Unicode);
    private readonly XFont _small = new(CaseDocumentFonts.Family, 8, XFontStyleEx.Regular, Unicode);
    private readonly XFont _smallBold = new(CaseDocumentFonts.Family, 8.5, XFontStyleEx.Bold, Unicode);
    private XGraphics _graphics;
    private bool _pageClosed;
    private double _y;

    public PageFlow(PdfDocument document)
    {
        _document = document;
        _graphics = StartPage();
    }

    /// <summary>The line above the title naming who writes, e.g. the City office.</summary>
    public void Letterhead(string text) => Lines(text, _heading, Left, Right, XBrushes.Black, spaceAfter: 10);

    /// <summary>The document's title and, under it, a line saying which clause it acts on.</summary>
    public void Title(string title, string subtitle)
    {
        Lines(title, _title, Left, Right, XBrushes.Black, spaceAfter: 2);
        Lines(subtitle, _subtitle, Left, Right, new XSolidBrush(Grey), spaceAfter: 8);
        Rule();
    }

    /// <summary>A section heading, kept on the same page as at least two lines of what follows it.</summary>
    public void Heading(string text)
    {
        Space(8);
        EnsureRoom(LineHeight(_heading) * Wrap(text, _heading, Right - Left).Count + 2 * LineHeight(_body));
        Lines(text, _heading, Left, Right, XBrushes.Black, spaceAfter: 4);
    }

    /// <summary>Running text: a blank line starts a new paragraph, a single line break a new line.</summary>
    public void Paragraphs(string text, double indent = 0)
    {
        var paragraphs = Normalise(text).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var paragraph in paragraphs)
        {
            Lines(paragraph, _body, Left + indent, Right, XBrushes.Black, spaceAfter: 6);
        }
    }

    /// <summary>A label in bold on the left and its value wrapped beside it, e.g. "Last day" and the date.</summary>
    public void Field(string label, string value, double indent = 0)
    {
        var labelLines = Wrap(label, _bold, LabelWidth - 8);
        var valueLines = Wrap(Normalise(value), _body, Right - (Left + indent + LabelWidth));
        var height = LineHeight(_body);
        EnsureRoom(height * Math.Min(Math.Max(labelLines.Count, valueLines.Count), 2));
        for (var i = 0; i < Math.Max(labelLines.Count, valueLines.Count); i++)
        {
            EnsureRoom(height);
            if (i < labelLines.Count)
            {
                _graphics.DrawString(labelLines[i], _bold, XBrushes.Black, Left + indent, _y, XStringFormats.TopLeft);
            }

            if (i < valueLines.Count && valueLines[i].Length > 0)
            {
                _graphics.DrawString(valueLines[i], _body, XBrushes.Black, Left + indent + LabelWidth, _y, XStringFormats.TopLeft);
            }

            _y += height;
        }

        _y += 3;
    }

    /// <summary>
    /// A clause quoted word for word: its reference in small bold type, then its text indented behind a rule down the
    /// left, so that the quotation stands apart from the City's own words.
    /// </summary>
    public void Quote(string reference, string text)
    {
        var lines = Wrap(Normalise(text), _body, Right - (Left + QuoteIndent));
        var height = LineHeight(_body);
        EnsureRoom(LineHeight(_smallBold) + height * Math.Min(lines.Count, 2));
        Lines(reference, _smallBold, Left + QuoteIndent, Right, new XSolidBrush(Grey), spaceAfter: 1);
        var pen = new XPen(XColor.FromArgb(160, 160, 160), 1.5);
        foreach (var line in lines)
        {
            EnsureRoom(height);
            _graphics.DrawLine(pen, Left + 5, _y, Left + 5, _y + height);
            if (line.Length > 0)
            {
                _graphics.DrawString(line, _body, XBrushes.Black, Left + QuoteIndent, _y, XStringFormats.TopLeft);
            }

            _y += height;
        }

        _y += 6;
    }

    /// <summary>A bold line, e.g. the name under a signature.</summary>
    public void Strong(string text) => Lines(text, _bold, Left, Right, XBrushes.Black, spaceAfter: 3);

    /// <summary>The bold first line of a numbered item, kept on the same page as at least two lines of the item.</summary>
    public void Item(string text)
    {
        EnsureRoom(LineHeight(_bold) * Wrap(Normalise(text), _bold, Right - Left).Count + 3 + 2 * LineHeight(_body));
        Lines(text, _bold, Left, Right, XBrushes.Black, spaceAfter: 3);
    }

    /// <summary>A thin horizontal rule across the text column.</summary>
    public void Rule()
    {
        EnsureRoom(10);
        _y += 3;
        _graphics.DrawLine(new XPen(XColor.FromArgb(120, 120, 120), 0.6), Left, _y, Right, _y);
        _y += 8;
    }

    public void Space(double points)
    {
        if (_y > Top)
        {
            _y = Math.Min(_y + points, Bottom);
        }
    }

    /// <summary>Writes <paramref name="footer"/> and "Page n of m" at the foot of every page.</summary>
    public void Finish(string footer)
    {
        Dispose();
        var count = _document.PageCount;
        var brush = new XSolidBrush(Grey);
        var pen = new XPen(XColor.FromArgb(170, 170, 170), 0.5);
        for (var i = 0; i < count; i++)
        {
            using var graphics = XGraphics.FromPdfPage(_document.Pages[i], XGraphicsPdfPageOptions.Append);
            var y = PageHeight - 48;
            graphics.DrawLine(pen, Left, y, Right, y);
            var page = $"Page {i + 1} of {count}";
            var pageWidth = graphics.MeasureString(page, _small).Width;
            var footerLines = Wrap(footer, _small, Right - Left - pageWidth - 18, graphics);
            graphics.DrawString(page, _small, brush, Right - pageWidth, y + 5, XStringFormats.TopLeft);
            foreach (var line in footerLines)
            {
                graphics.DrawString(line, _small, brush, Left, y + 5, XStringFormats.TopLeft);
                y += LineHeight(_small);
            }
        }
    }

    public void Dispose()
    {
        if (!_pageClosed)
        {
            _graphics.Dispose();
            _pageClosed = true;
        }
    }

    private static double LineHeight(XFont font) => font.GetHeight() * 1.08;

    /// <summary>One kind of line break, no tabs, no control characters: what the layout counts on.</summary>
    private static string Normalise(string text)
    {
        var unified = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace('\t', ' ');
        return new string(unified.Where(c => c == '\n' || !char.IsControl(c)).ToArray()).Trim();
    }

    private void Lines(string text, XFont font, double left, double right, XBrush brush, double spaceAfter)
    {
        var height = LineHeight(font);
        foreach (var line in Wrap(Normalise(text), font, right - left))
        {
            EnsureRoom(height);
            if (line.Length > 0)
            {
                _graphics.DrawString(line, font, brush, left, _y, XStringFormats.TopLeft);
            }

            _y += height;
        }

        _y += spaceAfter;
    }

    private void EnsureRoom(double height)
    {
        if (_y + height > Bottom && _y > Top)
        {
            _graphics.Dispose();
            _graphics = StartPage();
        }
    }

    private XGraphics StartPage()
    {
        var page = _document.AddPage();
        page.Width = XUnit.FromPoint(PageWidth);
        page.Height = XUnit.FromPoint(PageHeight);
        _y = Top;
        return XGraphics.FromPdfPage(page);
    }

    private List<string> Wrap(string text, XFont font, double width) => Wrap(text, font, width, _graphics);

    /// <summary>
    /// Breaks <paramref name="text"/> into lines no wider than <paramref name="width"/>: at spaces where it can, inside a
    /// word only when the word alone is wider than the line. Every line break in the text is kept.
    /// </summary>
    private static List<string> Wrap(string text, XFont font, double width, XGraphics graphics)
    {
        var lines = new List<string>();
        foreach (var sourceLine in text.Split('\n'))
        {
            var current = "";
            foreach (var word in sourceLine.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (Fits(candidate))
                {
                    current = candidate;
                    continue;
                }

                if (current.Length > 0)
                {
                    lines.Add(current);
                }

                var rest = word;
                while (!Fits(rest))
                {
                    var take = 1;
                    while (take < rest.Length && Fits(rest[..(take + 1)]))
                    {
                        take++;
                    }

                    lines.Add(rest[..take]);
                    rest = rest[take..];
                }

                current = rest;
            }

            lines.Add(current);
        }

        return lines;

        bool Fits(string candidate) => graphics.MeasureString(candidate, font).Width <= width;
    }
}
