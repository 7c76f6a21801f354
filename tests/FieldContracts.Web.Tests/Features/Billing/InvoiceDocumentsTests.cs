using static FieldContracts.Web.Tests.Features.Shared.DocumentText;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using FieldContracts.Administration;
using FieldContracts.Web.Features.Billing;
using FieldContracts.Web.Features.Billing.Documents;
using PdfPigDocument = UglyToad.PdfPig.PdfDocument;

namespace FieldContracts.Web.Tests.Features.Billing;

/// <summary>
/// The invoice's three renderings for #2685's July 2003 installment (period 3): the itemized PDF, the payment voucher
/// and the CSV, read back with PdfPig and CsvHelper. The CSV's lines, its net and the PDF's "Net payable" agree to the
/// cent; the sample-price label shows; the same input gives the same bytes. Pure: no database, no web host.
/// </summary>
public sealed partial class InvoiceDocumentsTests
{
    private const string Bid2685 = "002_73811e6c14971ce5.txt";

    private static readonly LocalDate IssuedOn = new(2003, 8, 11);

    [Fact]
    public void Csv_Header_IsExactlyTheColumnsInOrder()
    {
        string[] expected =
        [
            "contract", "invoice_number", "period_start", "period_end", "status", "line", "kind", "item", "school",
            "description", "quantity", "unit_price", "amount", "excluded", "exclusion_reason", "invoice_net", "approved_on",
            "due_on", "paid_on", "payment_reference",
        ];

        var bytes = InvoiceCsv.Write([July2003()]);

        Assert.Equal(expected, InvoiceCsv.Columns);
        Assert.NotEqual(0xEF, bytes[0]); // no byte-order mark
        var text = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith(string.Join(",", expected) + "\r\n", text, StringComparison.Ordinal);
        var (headers, _) = ReadCsv(bytes);
        Assert.Equal(expected, headers);
    }

    [Fact]
    public void Csv_July2003_OneRowPerLineInvariantFiguresAndIsoDates()
    {
        var invoice = July2003();

        var (_, rows) = ReadCsv(InvoiceCsv.Write([invoice]));

        Assert.Equal(invoice.Lines.Count, rows.Count);
        Assert.Equal(invoice.Lines.Select(l => l.Number.ToString(CultureInfo.InvariantCulture)), rows.Select(r => r["line"]));
        Assert.All(rows, r =>
        {
            Assert.Equal("2685", r["contract"]);
            Assert.Equal("2685-03", r["invoice_number"]);
            Assert.Equal("2003-07-01", r["period_start"]);
            Assert.Equal("2003-07-31", r["period_end"]);
            Assert.Equal("Approved", r["status"]);
            Assert.Equal("2003-08-08", r["approved_on"]);
            Assert.Equal("2003-09-08", r["due_on"]);
            Assert.Equal("", r["paid_on"]);
        });

        var mowing = rows.Single(r => r["description"] == "Mowing, per school per visit");
        Assert.Equal(("Services", "2", "HPHS", "9", "385.00", "3465.00", "false"),
            (mowing["kind"], mowing["item"], mowing["school"], mowing["quantity"], mowing["unit_price"], mowing["amount"], mowing["excluded"]));
        Assert.Equal("-385.00", rows.Single(r => r["kind"] == "MissedWork")["amount"]);
        Assert.Equal("-250.00", rows.Single(r => r["kind"] == "LiquidatedDamages")["amount"]);
        var excluded = rows.Single(r => r["excluded"] == "true");
        Assert.Equal(("300.00", "Grooming not seen at the July 22 inspection"), (excluded["amount"], excluded["exclusion_reason"]));
        Assert.All(rows.Where(r => r["excluded"] == "false"), r => Assert.Equal("", r["exclusion_reason"]));
    }

    [Fact]
    public void CsvAndPdf_July2003_LinesNetAndNetPayableAgreeToTheCent()
    {
        var invoice = July2003();

        var (_, rows) = ReadCsv(InvoiceCsv.Write([invoice]));
        var pdfText = Text(InvoicePdf.Render(invoice, IssuedOn));

        var sum = rows.Where(r => r["excluded"] == "false").Sum(r => decimal.Parse(r["amount"], NumberStyles.Number | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
        var net = Math.Max(0m, sum);
        var csvNet = decimal.Parse(rows.Select(r => r["invoice_net"]).Distinct().Single(), CultureInfo.InvariantCulture);
        var pdfNet = decimal.Parse(NetPayable().Match(pdfText) is { Success: true } m ? m.Groups[1].Value : "NaN", NumberStyles.Number, CultureInfo.InvariantCulture);

        Assert.Equal(7030.00m, net);
        Assert.Equal(net, csvNet);
        Assert.Equal(net, pdfNet);
        Assert.Equal(invoice.Net.Amount, net);
    }

    [Fact]
    public void Csv_DeductionsBeyondTheEarnings_LinesFloorAtZeroLikeTheNet()
    {
        // The damages exceed what was earned: the net is zero and the rest is carried to the next invoice.
        var lines = July2003().Lines.Select(l => l.Kind == "LiquidatedDamages" ? l with { Amount = Money.Dollars(-9000m) } : l).ToList();
        var carried = Money.Dollars(9000m + 385m - 4200m - 3465m);
        lines.Add(new InvoiceLineView(6, "CarriedOut", "Deductions carried to the next installment", null, null, null, null, carried, false, null, []));
        var invoice = July2003() with { Lines = lines, Net = Money.Zero, CarriedOut = carried };

        var (_, rows) = ReadCsv(InvoiceCsv.Write([invoice]));
        var pdfText = Text(InvoicePdf.Render(invoice, IssuedOn));

        var sum = rows.Where(r => r["excluded"] == "false").Sum(r => decimal.Parse(r["amount"], NumberStyles.Number, CultureInfo.InvariantCulture));
        Assert.Equal(0m, Math.Max(0m, sum));
        Assert.All(rows, r => Assert.Equal("0.00", r["invoice_net"]));
        Assert.Contains("Net payable $0.00", pdfText, StringComparison.Ordinal);
        Assert.Contains("Carried to next invoice $1,720.00", pdfText, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_SeveralInvoices_RowsInTheOrderGivenAndTextThatLooksLikeAFormulaEscaped()
    {
        var july = July2003();
        var june = July2003() with
        {
            PeriodNumber = 2,
            Period = new DateInterval(new LocalDate(2003, 6, 1), new LocalDate(2003, 6, 30)),
            Status = "Paid",
            Payment = new PaymentView(new LocalDate(2003, 8, 1), "Check", "=HYPERLINK(\"x\")"),
            Lines = [July2003().Lines[0] with { Description = "Lump sum, June, \"quoted\", with a comma" }],
        };

        var bytes = InvoiceCsv.Write([june, july]);
        var (_, rows) = ReadCsv(bytes);

        Assert.Equal(1 + july.Lines.Count, rows.Count);
        Assert.Equal("2685-02", rows[0]["invoice_number"]);
        Assert.Equal("Lump sum, June, \"quoted\", with a comma", rows[0]["description"]);
        Assert.Equal("2003-08-01", rows[0]["paid_on"]);
        Assert.Equal("'=HYPERLINK(\"x\")", rows[0]["payment_reference"]);
        Assert.All(rows.Skip(1), r => Assert.Equal("2685-03", r["invoice_number"]));
        Assert.Equal(bytes, InvoiceCsv.Write([june, july]));
    }

    [Fact]
    public void Csv_InvoiceWithoutLines_StillGetsARow()
    {
        var (_, rows) = ReadCsv(InvoiceCsv.Write([July2003() with { Lines = [], Net = Money.Zero }]));

        var row = Assert.Single(rows);
        Assert.Equal(("2685-03", "", "", "0.00"), (row["invoice_number"], row["line"], row["amount"], row["invoice_net"]));
    }

    [Fact]
    public void CsvDocs_ListEveryColumnInOrder()
    {
        var doc = File.ReadAllText(Path.Combine(Repository.Root(), "docs", "billing-csv.md"));

        var documented = DocColumn().Matches(doc).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(InvoiceCsv.Columns, documented);
    }

    [Fact]
    public void InvoicePdf_July2003_HeaderLinesTotalsAndSteps()
    {
        var text = Text(InvoicePdf.Render(July2003(), IssuedOn));

        AssertContainsAll(text,
            "City of Hartford", "Invoice 2685-03", "#2685, ATHLETIC FIELDS; MAINTENANCE OF", "Capitol Turf & Grounds LLC (sample)",
            "Tuesday, July 1, 2003 to Thursday, July 31, 2003", "Approved", "Payable from Friday, August 1, 2003",
            "Approved on Friday, August 8, 2003; payment due Monday, September 8, 2003",
            "Issued on Monday, August 11, 2003",
            "No. Item School Description Qty Unit price Amount",
            "Mowing, per school per visit 9 $385.00 $3,465.00",
            "-$385.00", "-$250.00",
            "Infield grooming, per field 2 $150.00 $300.00", "Excluded: Grooming not seen", "not counted",
            "Earned: lump sums, services and credits $7,665.00",
            "Deducted: missed work, damages, adjustments and deductions carried in -$635.00",
            "Excluded by the Athletic Director, not counted $300.00",
            "Net payable $7,030.00", "Carried to next invoice $0.00",
            "Step By When (Hartford time)",
            "Submitted Lee Owner, Capitol Turf August 1, 2003, 9:15 AM EDT",
            "Certified Athletic Director", "August 4, 2003, 2:40 PM EDT",
            "Approved Finance Clerk, City of Hartford August 8, 2003, 11:05 AM EDT",
            "Invoices must reflect unit prices and/or percentage discounts as outlined on the bid schedule.",
            "Payment will be made in monthly installments.",
            "Page 1 of 1");
    }

    [Fact]
    public void InvoicePdf_SamplePrices_Labelled_AndNotOtherwise()
    {
        Assert.Contains("Sample prices — not the awarded bid's", Text(InvoicePdf.Render(July2003(), IssuedOn)), StringComparison.Ordinal);
        Assert.Contains("Sample prices — not the awarded bid's", Text(PaymentVoucherPdf.Render(July2003(), IssuedOn)), StringComparison.Ordinal);

        var awarded = July2003() with { HasSamplePrices = false };
        Assert.DoesNotContain("Sample prices", Text(InvoicePdf.Render(awarded, IssuedOn)), StringComparison.Ordinal);
        Assert.DoesNotContain("Sample prices", Text(PaymentVoucherPdf.Render(awarded, IssuedOn)), StringComparison.Ordinal);
    }

    [Fact]
    public void InvoicePdf_Instruction12_QuotedWordForWordFromTheBid()
    {
        var bid = File.ReadAllText(SeedPath(Bid2685));

        foreach (var sentence in InvoicePdf.Instruction12.Text.Split('\n'))
        {
            Assert.True(bid.Contains(sentence, StringComparison.Ordinal), $"Not in the bid word for word: {sentence}");
        }
    }

    [Fact]
    public void Render_SameInputTwice_SameBytes()
    {
        Assert.Equal(InvoicePdf.Render(July2003(), IssuedOn), InvoicePdf.Render(July2003(), IssuedOn));
        Assert.Equal(PaymentVoucherPdf.Render(July2003(), IssuedOn), PaymentVoucherPdf.Render(July2003(), IssuedOn));
        Assert.Equal(InvoicePdf.Render(Long(60), IssuedOn), InvoicePdf.Render(Long(60), IssuedOn));
        Assert.Equal(InvoiceCsv.Write([July2003()]), InvoiceCsv.Write([July2003()]));

        Assert.NotEqual(InvoicePdf.Render(July2003(), IssuedOn), InvoicePdf.Render(July2003(), IssuedOn.PlusDays(1)));
        Assert.NotEqual(InvoicePdf.Render(July2003(), IssuedOn), InvoicePdf.Render(July2003() with { ContractorNote = "Thank you." }, IssuedOn));
    }

    [Fact]
    public void InvoicePdf_DatedTheDayIssuedInTheEmbeddedFont()
    {
        using var document = PdfPigDocument.Open(InvoicePdf.Render(July2003(), IssuedOn));

        Assert.StartsWith("D:20030811", document.Information.CreationDate, StringComparison.Ordinal);
        var fonts = document.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName).Distinct().ToList();
        Assert.All(fonts, f => Assert.Matches("^[A-Z]{6}\\+DejaVu Sans(,Bold)?$", f));
    }

    [Fact]
    public void InvoicePdf_60Lines_RunsOverPagesWithEveryLineAndTheTotalsAtTheEnd()
    {
        var invoice = Long(60);

        var pages = PageTexts(InvoicePdf.Render(invoice, IssuedOn));

        Assert.True(pages.Count >= 2, $"{pages.Count} page(s)");
        var all = string.Join(" ", pages);
        for (var i = 1; i <= 60; i++)
        {
            Assert.Contains($"Mowing visit {i} of 60", all, StringComparison.Ordinal);
        }

        Assert.All(pages.Skip(1).Where(p => p.Contains("Mowing visit", StringComparison.Ordinal)),
            p => Assert.Contains("No. Item School Description Qty Unit price Amount", p, StringComparison.Ordinal));
        Assert.Contains("the rest of the description runs on and wraps onto further lines", all, StringComparison.Ordinal);
        Assert.Contains($"Net payable {invoice.Net}", pages.Last(p => p.Contains("Net payable", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains($"Page {pages.Count} of {pages.Count}", pages[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Voucher_Approved_OnePageWithPayeeAmountApprovalAndDueDate()
    {
        var pages = PageTexts(PaymentVoucherPdf.Render(July2003(), IssuedOn));

        var page = Assert.Single(pages);
        AssertContainsAll(page,
            "City of Hartford", "Payment voucher", "Payee Capitol Turf & Grounds LLC (sample)", "Invoice number 2685-03",
            "Period 3: Tuesday, July 1, 2003 to Thursday, July 31, 2003",
            "Amount approved $7,030.00", "Approved on Friday, August 8, 2003",
            "Approved by Finance Clerk, City of Hartford, August 8, 2003, 11:05 AM EDT",
            "Due on Monday, September 8, 2003", "Not paid yet", "Prepared by (Finance)", "Approved for payment by");
    }

    [Fact]
    public void Voucher_Paid_ShowsThePayment()
    {
        var paid = July2003() with { Status = "Paid", Payment = new PaymentView(new LocalDate(2003, 9, 2), "Check", "CHK-104522") };

        var page = Assert.Single(PageTexts(PaymentVoucherPdf.Render(paid, IssuedOn)));

        AssertContainsAll(page, "Paid on Tuesday, September 2, 2003", "Method Check", "Reference CHK-104522", "Amount approved $7,030.00");
        Assert.DoesNotContain("Not paid yet", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Submitted")]
    [InlineData("Certified")]
    [InlineData("Returned")]
    public void Voucher_NotApproved_Refused(string status)
    {
        var invoice = July2003() with { Status = status, ApprovedOn = null, DueOn = null };

        Assert.Throws<ArgumentException>(() => PaymentVoucherPdf.Render(invoice, IssuedOn));
    }

    [Fact]
    public void FileNames_InvoiceNumber()
    {
        Assert.Equal("invoice-2685-03.pdf", InvoicePdf.FileName(July2003()));
        Assert.Equal("payment-voucher-2685-03.pdf", PaymentVoucherPdf.FileName(July2003()));
        Assert.Equal("invoices-2685.csv", InvoiceCsv.FileName("2685"));
    }

    /// <summary>
    /// #2685's July 2003 installment, approved: a lump sum's share, mowing at one school 9 × $385.00, a missed mowing
    /// taken off, liquidated damages, and grooming the Athletic Director excluded. Sample prices: the award is not in the
    /// seeds.
    /// </summary>
    private static InvoiceView July2003() => new(
        Guid.Parse("2a6f0c1e-7d3b-4a51-9f0e-3c2b1a000703"),
        "2685",
        "ATHLETIC FIELDS; MAINTENANCE OF",
        "Capitol Turf & Grounds LLC (sample)",
        3,
        new DateInterval(new LocalDate(2003, 7, 1), new LocalDate(2003, 7, 31)),
        "Approved",
        new LocalDate(2003, 8, 1),
        [
            new(1, "LumpSum", "Item 1 Fertilization and weed control, all schools: share of the lump sum of $50,400.00 for July 2003",
                "1", null, null, null, Money.Dollars(4200m), false, null, [Guid.Parse("00000000-0000-0000-0000-000000000001")]),
            new(2, "Services", "Mowing, per school per visit", "2", "HPHS", 9m, Money.Dollars(385m), Money.Dollars(3465m), false, null,
                [Guid.Parse("00000000-0000-0000-0000-000000000002")]),
            new(3, "MissedWork", "Item 1 not performed: 1 × $385.00 (mowing, Bulkeley, July 14)", "1", "BHS", 1m, Money.Dollars(385m),
                Money.Dollars(-385m), false, null, [Guid.Parse("00000000-0000-0000-0000-000000000003")]),
            new(4, "LiquidatedDamages", "Liquidated damages, MissedWork (sample rate)", null, "BHS", null, null, Money.Dollars(-250m), false,
                null, [Guid.Parse("00000000-0000-0000-0000-000000000004")]),
            new(5, "Services", "Infield grooming, per field", "3", "WHS", 2m, Money.Dollars(150m), Money.Dollars(300m), true,
                "Grooming not seen at the July 22 inspection", [Guid.Parse("00000000-0000-0000-0000-000000000005")]),
        ],
        Money.Dollars(7030m),
        Money.Zero,
        true,
        null,
        [
            new("Submit", "Lee Owner, Capitol Turf", Instant.FromUtc(2003, 8, 1, 13, 15), null),
            new("Certify", "Athletic Director, Hartford Public Schools", Instant.FromUtc(2003, 8, 4, 18, 40), null),
            new("Approve", "Finance Clerk, City of Hartford", Instant.FromUtc(2003, 8, 8, 15, 5), null),
        ],
        new LocalDate(2003, 8, 8),
        new LocalDate(2003, 9, 8),
        null,
        null);

    /// <summary>July's invoice with <paramref name="count"/> services lines, one of them with a long description.</summary>
    private static InvoiceView Long(int count)
    {
        var lines = Enumerable.Range(1, count)
            .Select(i => new InvoiceLineView(i, "Services", $"Mowing visit {i} of {count}" + (i == count / 2
                    ? ": " + string.Concat(Enumerable.Repeat("football field, track infield and lower softball fields; ", 8))
                      + "the rest of the description runs on and wraps onto further lines"
                    : ""),
                "2", "HPHS", 1m, Money.Dollars(385m), Money.Dollars(385m), false, null, []))
            .ToList();
        return July2003() with { Lines = lines, Net = Money.Dollars(385m * count) };
    }

    [GeneratedRegex(@"Net payable \$([0-9,]+\.[0-9]{2})")]
    private static partial Regex NetPayable();

    [GeneratedRegex(@"^\|\s*`([a-z_]+)`\s*\|", RegexOptions.Multiline)]
    private static partial Regex DocColumn();
}
