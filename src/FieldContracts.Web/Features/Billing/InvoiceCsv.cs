using System.Globalization;
using CsvHelper;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Administration;
using NodaTime;

namespace FieldContracts.Web.Features.Billing;

/// <summary>
/// Invoices as one CSV for Finance's systems (RFC 4180, with a header row): a row per invoice line, each carrying its
/// invoice's number, period, status, net, approval, due date and payment, so that the rows load into a spreadsheet or an
/// ERP without a second file. The columns and their meanings are in <c>docs/billing-csv.md</c>.
/// </summary>
/// <remarks>
/// UTF-8 without a byte-order mark (ERP importers and scripts read the BOM as part of the first column's name; a
/// spreadsheet opens the file as UTF-8 through its import dialog), lines ending CRLF, fields quoted where RFC 4180 needs
/// it. Dates are ISO (yyyy-MM-dd); amounts plain decimals with two places, '.' between dollars and cents, no currency
/// sign and no thousands separator, negative with a leading '-'; quantities without trailing zeros. A text field that
/// starts like a spreadsheet formula (=, +, -, @) gets a leading apostrophe so it is not run as one; numbers never do.
/// An invoice without lines still gets one row, with the line columns empty, so that no invoice is missing.
/// </remarks>
public static class InvoiceCsv
{
    public const string ContentType = "text/csv";

    /// <summary>The columns, in order, as the header row names them.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "contract",
        "invoice_number",
        "period_start",
        "period_end",
        "status",
        "line",
        "kind",
        "item",
        "school",
        "description",
        "quantity",
        "unit_price",
        "amount",
        "excluded",
        "exclusion_reason",
        "invoice_net",
        "approved_on",
        "due_on",
        "paid_on",
        "payment_reference",
    ];

    private const string DateFormat = "uuuu-MM-dd";
    private const string AmountFormat = "0.00";
    private const string QuantityFormat = "0.############################";

    /// <summary>The CSV of <paramref name="invoices"/>, in the order given, each invoice's lines in order of their numbers.</summary>
    public static byte[] Write(IEnumerable<InvoiceView> invoices)
    {
        ArgumentNullException.ThrowIfNull(invoices);
        var options = SpreadsheetCsv.Options;
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, options, leaveOpen: true))
        {
            csv.WriteHeader([.. Columns]);
            foreach (var invoice in invoices)
            {
                ArgumentNullException.ThrowIfNull(invoice, nameof(invoices));
                if (invoice.Lines.Count == 0)
                {
                    Row(csv, invoice, null);
                }

                foreach (var line in invoice.Lines.OrderBy(l => l.Number))
                {
                    Row(csv, invoice, line);
                }
            }
        }

        return stream.ToArray();
    }

    /// <summary>The download's file name, e.g. <c>invoices-2685.csv</c>, or <c>invoices-2685-03.csv</c> for one invoice.</summary>
    public static string FileName(string name) =>
        $"invoices-{new string(name.Trim().Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray())}.csv";

    private static void Row(CsvWriter csv, InvoiceView invoice, InvoiceLineView? line)
    {
        Text(csv, invoice.ContractNumber);
        Text(csv, invoice.InvoiceNumber);
        Text(csv, Date(invoice.Period.Start));
        Text(csv, Date(invoice.Period.End));
        Text(csv, invoice.Status);
        if (line is null)
        {
            for (var i = 0; i < 10; i++)
            {
                csv.WriteField("");
            }
        }
        else
        {
            csv.WriteField(line.Number, "", CultureInfo.InvariantCulture);
            Text(csv, line.Kind);
            Text(csv, line.Item);
            Text(csv, line.School);
            Text(csv, line.Description);
            if (line.Quantity is { } quantity)
            {
                csv.WriteField(quantity, QuantityFormat, CultureInfo.InvariantCulture);
            }
            else
            {
                csv.WriteField("");
            }

            Amount(csv, line.UnitPrice);
            Amount(csv, line.Amount);
            csv.WriteField(line.Excluded ? "true" : "false");
            Text(csv, line.Excluded ? line.ExclusionReason : null);
        }

        Amount(csv, invoice.Net);
        Text(csv, Date(invoice.ApprovedOn));
        Text(csv, Date(invoice.DueOn));
        Text(csv, Date(invoice.Payment?.PaidOn));
        Text(csv, invoice.Payment?.Reference);
        csv.EndRecord();
    }

    private static void Amount(CsvWriter csv, Money? amount)
    {
        if (amount is { } money)
        {
            csv.WriteField(money.Amount, AmountFormat, CultureInfo.InvariantCulture);
        }
        else
        {
            csv.WriteField("");
        }
    }

    private static void Text(CsvWriter csv, string? text) => csv.WriteField(text ?? "");

    private static string? Date(LocalDate? date) => date?.ToString(DateFormat, CultureInfo.InvariantCulture);
}
