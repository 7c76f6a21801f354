using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace FieldContracts.Web.Features.Performance.Documents;

/// <summary>
/// Lays text down a PDF page by page: each call wraps its text at word boundaries to the width it has (measured with
/// the font it is set in), starts a new Letter page when the next line would cross the bottom margin, and carries on
/// there. A word wider than the whole line (a long file hash) is broken between characters. Tables (<see cref="Table"/>)
/// wrap each cell to its column and repeat their heading row on every page they run onto; the invoice documents use
/// them. <see cref="Finish"/> puts the footer and "Page n of m" on every page once the number of pages is known.
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
    private const double CellPadding = 6; // the space at the right of every table cell

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
    private readonly XFont _cell = new(CaseDocumentFonts.Family, 8.5, XFontStyleEx.Regular, Unicode);
    private readonly XFont _cellBold = new(CaseDocumentFonts.Family, 8.5, XFontStyleEx.Bold, Unicode);
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

    /// <summary>
    /// Text set apart in a box with a coloured border, in bold: a warning the reader must not miss, such as prices that
    /// are samples. Kept whole on one page.
    /// </summary>
    public void Boxed(string text)
    {
        const double padding = 6;
        var lines = Wrap(Normalise(text), _bold, Right - Left - 2 * padding);
        var height = LineHeight(_bold);
        var box = lines.Count * height + 2 * padding;
        Space(2);
        EnsureRoom(box + 4);
        var red = XColor.FromArgb(150, 20, 20);
        _graphics.DrawRectangle(new XPen(red, 1.2), new XSolidBrush(XColor.FromArgb(253, 240, 238)), Left, _y, Right - Left, box);
        var y = _y + padding;
        foreach (var line in lines.Where(l => l.Length > 0))
        {
            _graphics.DrawString(line, _bold, new XSolidBrush(red), Left + padding, y, XStringFormats.TopLeft);
            y += height;
        }

        _y += box + 8;
    }

    /// <summary>
    /// A table across the text column: a bold heading row with a rule under it, then one row per entry, each cell
    /// wrapped to its column (figures aligned right where the column says so). A row is kept on one page when it fits
    /// on one; the heading row is repeated at the top of every page the table continues on.
    /// </summary>
    /// <param name="columns">At most one column may have no width (0): it takes what the others leave.</param>
    /// <param name="rows">The rows, each with one cell per column.</param>
    /// <param name="keepTogether">Start the table on a new page unless it all fits on this one (when it fits on a page at all).</param>
    public void Table(IReadOnlyList<TableColumn> columns, IEnumerable<TableRow> rows, bool keepTogether = false)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var widths = ColumnWidths(columns);
        var height = LineHeight(_cell);
        var grey = new XSolidBrush(Grey);
        var headings = columns.Select((c, i) => Wrap(c.Heading, _cellBold, widths[i] - CellPadding)).ToList();
        var headingHeight = headings.Max(h => h.Count) * height + 5;
        var laidOut = rows.Select(row =>
        {
            if (row.Cells.Count != columns.Count)
            {
                throw new ArgumentException($"A row has {row.Cells.Count} cells for {columns.Count} columns.", nameof(rows));
            }

            var font = row.Bold ? _cellBold : _cell;
            var cells = row.Cells.Select((c, i) => Wrap(Normalise(c ?? ""), font, widths[i] - CellPadding)).ToList();
            return (Row: row, Font: font, Cells: cells, Lines: cells.Max(c => c.Count));
        }).ToList();
        if (keepTogether)
        {
            var total = headingHeight + laidOut.Sum(r => r.Lines * height + (r.Row.RuleAbove ? 4 : 0) + 2.5);
            EnsureRoom(Math.Min(total, Bottom - Top));
        }

        var pending = true; // the heading row is still to be drawn on this page
        foreach (var (row, font, cells, lineCount) in laidOut)
        {
            var brush = row.Muted ? grey : XBrushes.Black;
            var rowHeight = lineCount * height + (row.RuleAbove ? 4 : 0);

            // Whole on this page, or else on the next; a row taller than a page runs on line by line.
            if (EnsureRoom(Math.Min(rowHeight + (pending ? headingHeight : 0), Bottom - Top)))
            {
                pending = true;
            }

            if (pending)
            {
                HeadingRow();
            }

            if (row.RuleAbove)
            {
                _y += 1;
                _graphics.DrawLine(new XPen(XColor.FromArgb(120, 120, 120), 0.6), Left, _y, Right, _y);
                _y += 3;
            }

            for (var line = 0; line < lineCount; line++)
            {
                if (EnsureRoom(height))
                {
                    HeadingRow();
                }

                var x = Left;
                for (var i = 0; i < columns.Count; i++)
                {
                    if (line < cells[i].Count && cells[i][line].Length > 0)
                    {
                        var text = cells[i][line];
                        var left = columns[i].AlignRight ? x + widths[i] - CellPadding - _graphics.MeasureString(text, font).Width : x;
                        _graphics.DrawString(text, font, brush, left, _y, XStringFormats.TopLeft);
                    }

                    x += widths[i];
                }

                _y += height;
            }

            _y += 2.5;
        }

        _y += 4;

        void HeadingRow()
        {
            var x = Left;
            for (var i = 0; i < columns.Count; i++)
            {
                var y = _y;
                foreach (var text in headings[i].Where(t => t.Length > 0))
                {
                    var left = columns[i].AlignRight ? x + widths[i] - CellPadding - _graphics.MeasureString(text, _cellBold).Width : x;
                    _graphics.DrawString(text, _cellBold, XBrushes.Black, left, y, XStringFormats.TopLeft);
                    y += height;
                }

                x += widths[i];
            }

            _y += headingHeight - 3;
            _graphics.DrawLine(new XPen(XColor.FromArgb(120, 120, 120), 0.6), Left, _y, Right, _y);
            _y += 3;
            pending = false;
        }
    }

    /// <summary>Lines to sign on, side by side in pairs, each with what it is for in small type under it.</summary>
    public void SignatureLines(IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        const double gap = 24;
        var width = (Right - Left - gap) / 2;
        var pen = new XPen(XColors.Black, 0.6);
        var brush = new XSolidBrush(Grey);
        for (var i = 0; i < labels.Count; i += 2)
        {
            EnsureRoom(34 + LineHeight(_small) * 2);
            _y += 28;
            for (var j = i; j < Math.Min(i + 2, labels.Count); j++)
            {
                var x = Left + (j - i) * (width + gap);
                _graphics.DrawLine(pen, x, _y, x + width, _y);
                var y = _y + 2;
                foreach (var line in Wrap(Normalise(labels[j]), _small, width).Where(l => l.Length > 0))
                {
                    _graphics.DrawString(line, _small, brush, x, y, XStringFormats.TopLeft);
                    y += LineHeight(_small);
                }
            }

            _y += 2 + 2 * LineHeight(_small);
        }

        _y += 4;
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

    /// <summary>Starts a new page unless <paramref name="height"/> fits above the bottom margin; true when it did.</summary>
    private bool EnsureRoom(double height)
    {
        if (_y + height > Bottom && _y > Top)
        {
            _graphics.Dispose();
            _graphics = StartPage();
            return true;
        }

        return false;
    }

    private double[] ColumnWidths(IReadOnlyList<TableColumn> columns)
    {
        if (columns.Count == 0)
        {
            throw new ArgumentException("A table needs a column.", nameof(columns));
        }

        var fixedWidth = columns.Sum(c => Math.Max(0, c.Width));
        var flexible = columns.Count(c => c.Width <= 0);
        if (flexible > 1 || fixedWidth > Right - Left || (flexible == 1 && Right - Left - fixedWidth < 4 * CellPadding))
        {
            throw new ArgumentException("The columns are wider than the page, or more than one takes the rest.", nameof(columns));
        }

        return columns.Select(c => c.Width > 0 ? c.Width : Right - Left - fixedWidth).ToArray();
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

/// <summary>A column of a <see cref="PageFlow.Table"/>.</summary>
/// <param name="Heading">Printed in bold at the top of the column, on every page the table is on.</param>
/// <param name="Width">In points, the space at its right included; 0 for the one column that takes what is left.</param>
/// <param name="AlignRight">For figures: each line of a cell ends at the column's right edge.</param>
internal sealed record TableColumn(string Heading, double Width, bool AlignRight = false);

/// <summary>A row of a <see cref="PageFlow.Table"/>: one text per column, in order; a line break starts a new line in the cell.</summary>
/// <param name="Bold">For a total.</param>
/// <param name="Muted">In grey, for a row that does not count (an excluded line).</param>
/// <param name="RuleAbove">A thin rule across the table above the row, e.g. over a total.</param>
internal sealed record TableRow(IReadOnlyList<string> Cells, bool Bold = false, bool Muted = false, bool RuleAbove = false);
