using FieldContracts.Web.Features.Performance.Documents;
using NodaTime;
using PdfSharp.Pdf;

namespace FieldContracts.Web.Features.Billing.Documents;

/// <summary>
/// The payment voucher of an approved or paid invoice, on one US Letter page: the payee, the invoice and its period, the
/// amount approved (the invoice's net), who approved it and when, the day payment falls due, the payment once recorded,
/// and lines for Finance to sign. Same fonts and the same determinism as <see cref="InvoicePdf"/>.
/// </summary>
public static class PaymentVoucherPdf
{
    public const string ContentType = "application/pdf";

    /// <summary>
    /// The voucher, dated <paramref name="issuedOn"/>. Refuses (<see cref="ArgumentException"/>) an invoice that is not
    /// Approved or Paid, or that has no approval date or due date: there is nothing to pay on it yet.
    /// </summary>
    public static byte[] Render(InvoiceView invoice, LocalDate issuedOn)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        if (invoice.Status is not ("Approved" or "Paid") || invoice.ApprovedOn is not { } approvedOn || invoice.DueOn is not { } dueOn)
        {
            throw new ArgumentException(
                $"Invoice {invoice.InvoiceNumber} is {invoice.Status}: a payment voucher is drawn only for an approved or paid invoice.",
                nameof(invoice));
        }

        CaseDocumentFonts.Register();
        using var document = new PdfDocument();
        document.Info.Title = $"Payment voucher, invoice {invoice.InvoiceNumber}, contract #{invoice.ContractNumber}";
        document.Info.Subject = $"Payment of invoice {invoice.InvoiceNumber} for {InvoiceText.Period(invoice.Period)}";
        document.Info.Author = InvoiceText.City;
        document.Info.Creator = "FieldContracts";
        using (var flow = new PageFlow(document))
        {
            flow.Letterhead(InvoiceText.City);
            flow.Title("Payment voucher", $"Invoice {invoice.InvoiceNumber}, contract #{invoice.ContractNumber}, {invoice.ContractTitle}");
            if (invoice.HasSamplePrices)
            {
                flow.Boxed(InvoiceText.SampleLabel + ". The amount below comes from sample prices or rates and is not to be paid as it stands.");
            }

            flow.Field("Payee", invoice.ContractorName);
            flow.Field("Invoice number", invoice.InvoiceNumber);
            flow.Field("Contract", $"#{invoice.ContractNumber}, {invoice.ContractTitle}");
            flow.Field("Period", $"{invoice.PeriodNumber}: {InvoiceText.Date(invoice.Period.Start)} to {InvoiceText.Date(invoice.Period.End)}");
            flow.Field("Status", invoice.Status);
            flow.Field("Issued on", InvoiceText.Date(issuedOn));
            flow.Rule();

            flow.Field("Amount approved", InvoiceText.Amount(invoice.Net));
            if (invoice.CarriedOut > FieldContracts.Administration.Money.Zero)
            {
                flow.Field("Carried to next invoice", InvoiceText.Amount(invoice.CarriedOut) + " of deductions, taken off the next installment");
            }

            var certified = InvoiceText.Last(invoice, "Certify");
            if (certified is not null)
            {
                flow.Field("Certified by", $"{certified.By}, {InvoiceText.Time(certified.At)}");
            }

            flow.Field("Approved on", InvoiceText.Date(approvedOn));
            var approved = InvoiceText.Last(invoice, "Approve");
            if (approved is not null)
            {
                flow.Field("Approved by", $"{approved.By}, {InvoiceText.Time(approved.At)}");
            }

            flow.Field("Due on", InvoiceText.Date(dueOn));
            flow.Rule();

            flow.Heading("Payment");
            if (invoice.Payment is { } payment)
            {
                flow.Field("Paid on", InvoiceText.Date(payment.PaidOn));
                flow.Field("Method", payment.Method);
                flow.Field("Reference", payment.Reference);
            }
            else
            {
                flow.Paragraphs($"Not paid yet: to be paid by {InvoiceText.Date(dueOn)}.");
            }


            flow.Heading("Sign-off");
            flow.SignatureLines(["Prepared by (Finance), name and signature", "Date", "Approved for payment by, name and signature", "Date"]);

            flow.Finish($"Payment voucher, invoice {invoice.InvoiceNumber}, contract #{invoice.ContractNumber}, issued {InvoiceText.Date(issuedOn)}");
        }

        return DeterministicPdf.Save(document, issuedOn);
    }

    /// <summary>E.g. <c>payment-voucher-2685-03.pdf</c>.</summary>
    public static string FileName(InvoiceView invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return $"payment-voucher-{InvoiceText.FileNamePart(invoice)}.pdf";
    }
}
