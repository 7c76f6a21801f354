using System.Globalization;
using FieldContracts.Administration;
using FieldContracts.Web.Features.Performance.Documents;
using NodaTime;
using NodaTime.Text;

namespace FieldContracts.Web.Features.Billing.Documents;

/// <summary>How the invoice documents write dates, times, quantities and the steps: one wording for the PDF and the voucher.</summary>
internal static class InvoiceText
{
    /// <summary>The City's zone: every <see cref="Instant"/> on an invoice is shown in Hartford's local time.</summary>
    public static readonly DateTimeZone Hartford = DateTimeZoneProviders.Tzdb["America/New_York"];

    /// <summary>The label every document carries while a price or rate is a sample, not the awarded bid's.</summary>
    public const string SampleLabel = "Sample prices — not the awarded bid's";

    public const string SampleExplanation =
        "Prices and rates here are samples until the awarded bid schedule and Form 127 rates are entered.";

    /// <summary>Who writes the documents.</summary>
    public const string City = "City of Hartford";

    private static readonly ZonedDateTimePattern TimePattern =
        ZonedDateTimePattern.CreateWithInvariantCulture("MMMM d, yyyy, h:mm tt x", DateTimeZoneProviders.Tzdb);

    private static readonly LocalDatePattern MonthDay = LocalDatePattern.Create("MMMM d", CultureInfo.InvariantCulture);

    /// <summary>"Tuesday, July 1, 2003", as the case documents write a date.</summary>
    public static string Date(LocalDate date) => CaseDocuments.LongDate(date);

    /// <summary>"August 8, 2003, 10:30 AM EDT": the instant in Hartford, with the zone's abbreviation.</summary>
    public static string Time(Instant at) => TimePattern.Format(at.InZone(Hartford));

    /// <summary>"July 1–31, 2003", "December 15, 2003 – January 14, 2004".</summary>
    public static string Period(DateInterval period)
    {
        var (start, end) = (period.Start, period.End);
        if (start.Year != end.Year)
        {
            return $"{MonthDay.Format(start)}, {start.Year} – {MonthDay.Format(end)}, {end.Year}";
        }

        return start.Month == end.Month
            ? $"{MonthDay.Format(start)}–{end.Day}, {end.Year}"
            : $"{MonthDay.Format(start)} – {MonthDay.Format(end)}, {end.Year}";
    }

    /// <summary>A quantity without trailing zeros: "9", "0.5", "16.25".</summary>
    public static string Quantity(decimal quantity) => quantity.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>"$1,234.50", "-$12.00".</summary>
    public static string Amount(Money amount) => amount.ToString();

    /// <summary>A step as a past participle: "Submitted", "Certified", "Approved", "Returned", "Paid".</summary>
    public static string Step(string action) => action switch
    {
        "Submit" => "Submitted",
        "Certify" => "Certified",
        "Approve" => "Approved",
        "Reject" => "Returned",
        "RecordPayment" => "Payment recorded",
        _ => action,
    };

    /// <summary>The last step of <paramref name="action"/>, e.g. the approval that stands after a return and a resubmission.</summary>
    public static InvoiceStepView? Last(InvoiceView invoice, string action) =>
        invoice.Steps.LastOrDefault(s => string.Equals(s.Action, action, StringComparison.Ordinal));

    /// <summary>The invoice number as a file name part: letters, digits and '-' only, e.g. "2685-03".</summary>
    public static string FileNamePart(InvoiceView invoice) =>
        new(invoice.InvoiceNumber.Trim().Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray());
}
