using FieldContracts.Administration;
using FieldContracts.Web.Features.Performance.Documents;
using NodaTime;
using PdfSharp.Pdf;

namespace FieldContracts.Web.Features.Billing.Documents;

/// <summary>
/// The itemized invoice as a PDF (special instruction 12 of bid #2685): the contract, the contractor, the invoice number,
/// the period and the status; every line with its bid schedule item, school, quantity and unit price, the lines the
/// Athletic Director excluded marked with the reason and left out of the totals; the totals (earned, deducted,
/// excluded, net payable, carried to the next invoice); and who submitted, certified and approved it, when, in
/// Hartford's time. US Letter, in the case documents' embedded DejaVu fonts (decision 0017), as many pages as the lines
/// take. The same invoice and date give the same bytes.
/// </summary>
public static class InvoicePdf
{
    public const string ContentType = "application/pdf";

    /// <summary>Special instruction 12 of bid #2685, the two sentences an invoice answers to, word for word.</summary>
    public static readonly BidClause Instruction12 = new(
        "12",
        "Payment",
        "Invoices must reflect unit prices and/or percentage discounts as outlined on the bid schedule.\n"
        + "Payment will be made in monthly installments.");

    private static readonly TableColumn[] LineColumns =
    [
        new("No.", 26, AlignRight: true),
        new("Item", 30),
        new("School", 42),
        new("Description", 0),
        new("Qty", 32, AlignRight: true),
        new("Unit price", 58, AlignRight: true),
        new("Amount", 66, AlignRight: true),
    ];

    private static readonly TableColumn[] StepColumns =
    [
        new("Step", 72),
        new("By", 0),
        new("When (Hartford time)", 170),
    ];

    private static readonly TableColumn[] TotalColumns = [new("Totals", 0), new("", 66, AlignRight: true)];

    /// <summary>The invoice, dated <paramref name="issuedOn"/> (printed, and the PDF's creation date).</summary>
    public static byte[] Render(InvoiceView invoice, LocalDate issuedOn)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        CaseDocumentFonts.Register();
        using var document = new PdfDocument();
        document.Info.Title = $"Invoice {invoice.InvoiceNumber}, contract #{invoice.ContractNumber}";
        document.Info.Subject = $"Itemized invoice for {InvoiceText.Period(invoice.Period)}";
        document.Info.Author = invoice.ContractorName;
        document.Info.Creator = "FieldContracts";
        using (var flow = new PageFlow(document))
        {
            flow.Letterhead(InvoiceText.City);
            flow.Title(
                $"Invoice {invoice.InvoiceNumber}",
                $"Itemized invoice, special instruction 12: monthly installment {invoice.PeriodNumber}, {InvoiceText.Period(invoice.Period)}");
            if (invoice.HasSamplePrices)
            {
                flow.Boxed(InvoiceText.SampleLabel + ". " + InvoiceText.SampleExplanation);
            }

            Header(flow, invoice, issuedOn);

            if (invoice.Lines.Count == 0)
            {
                flow.Paragraphs("No lines.");
            }

            flow.Table(LineColumns, invoice.Lines.Select(Row));

            flow.Table(TotalColumns, Totals(invoice), keepTogether: true);

            if (invoice.Steps.Count > 0)
            {
                flow.Space(10);
                flow.Table(StepColumns, invoice.Steps.Select(StepRow), keepTogether: true);
            }

            flow.Space(6);
            flow.Quote($"Special instruction {Instruction12.Reference}, {Instruction12.Heading}", Instruction12.Text);

            flow.Finish($"Invoice {invoice.InvoiceNumber}, contract #{invoice.ContractNumber}, issued {InvoiceText.Date(issuedOn)}"
                + (invoice.HasSamplePrices ? "; sample prices" : ""));
        }

        return DeterministicPdf.Save(document, issuedOn);
    }

    /// <summary>E.g. <c>invoice-2685-03.pdf</c>.</summary>
    public static string FileName(InvoiceView invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return $"invoice-{InvoiceText.FileNamePart(invoice)}.pdf";
    }

    private static void Header(PageFlow flow, InvoiceView invoice, LocalDate issuedOn)
    {
        flow.Field("Contract", $"#{invoice.ContractNumber}, {invoice.ContractTitle}");
        flow.Field("Contractor", invoice.ContractorName);
        flow.Field("Invoice number", invoice.InvoiceNumber);
        flow.Field("Period", $"{invoice.PeriodNumber}: {InvoiceText.Date(invoice.Period.Start)} to {InvoiceText.Date(invoice.Period.End)}");
        flow.Field("Status", invoice.Status);
        if (!string.IsNullOrWhiteSpace(invoice.ReturnReason))
        {
            flow.Field("Returned because", invoice.ReturnReason);
        }

        flow.Field("Payable from", InvoiceText.Date(invoice.PayableFrom));
        if (invoice.ApprovedOn is { } approved)
        {
            flow.Field("Approved on", InvoiceText.Date(approved) + (invoice.DueOn is { } due ? $"; payment due {InvoiceText.Date(due)}" : ""));
        }

        if (invoice.Payment is { } payment)
        {
            flow.Field("Paid", $"{InvoiceText.Date(payment.PaidOn)}, {payment.Method}, reference {payment.Reference}");
        }

        if (!string.IsNullOrWhiteSpace(invoice.ContractorNote))
        {
            flow.Field("Contractor's note", invoice.ContractorNote);
        }

        flow.Field("Issued on", InvoiceText.Date(issuedOn));
        flow.Rule();
    }

    private static TableRow Row(InvoiceLineView line)
    {
        var description = line.Description;
        var amount = InvoiceText.Amount(line.Amount);
        if (line.Excluded)
        {
            description += "\nExcluded: " + (string.IsNullOrWhiteSpace(line.ExclusionReason) ? "no reason given" : line.ExclusionReason.Trim());
            amount += "\nnot counted";
        }

        return new TableRow(
            [
                line.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                line.Item ?? "",
                line.School ?? "",
                description,
                line.Quantity is { } q ? InvoiceText.Quantity(q) : "",
                line.UnitPrice is { } price ? InvoiceText.Amount(price) : "",
                amount,
            ],
            Muted: line.Excluded);
    }

    private static TableRow StepRow(InvoiceStepView step)
    {
        var by = step.By;
        if (!string.IsNullOrWhiteSpace(step.Reason))
        {
            by += $"\n{(step.Action == "Submit" ? "Note" : "Reason")}: {step.Reason.Trim()}";
        }

        return new TableRow([InvoiceText.Step(step.Action), by, InvoiceText.Time(step.At)]);
    }

    private static IEnumerable<TableRow> Totals(InvoiceView invoice)
    {
        yield return new TableRow(["Earned: lump sums, services and credits", InvoiceText.Amount(invoice.Earned)]);
        yield return new TableRow(["Deducted: missed work, damages, adjustments and deductions carried in", InvoiceText.Amount(-invoice.Deducted)]);
        yield return new TableRow(["Excluded by the Athletic Director, not counted", InvoiceText.Amount(invoice.Excluded)], Muted: true);
        yield return new TableRow(["Net payable", InvoiceText.Amount(invoice.Net)], Bold: true, RuleAbove: true);
        yield return new TableRow(["Carried to next invoice", InvoiceText.Amount(invoice.CarriedOut)]);
    }
}
