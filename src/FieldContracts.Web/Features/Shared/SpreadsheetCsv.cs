using System.Globalization;
using CsvHelper;

namespace FieldContracts.Web.Features.Shared;

/// <summary>How the application writes every CSV it offers: RFC 4180, UTF-8 without a byte-order mark, invariant culture.</summary>
public static class SpreadsheetCsv
{
    public static CsvWriterOptions Options { get; } = CsvWriterOptions.Default with
    {
        WriteByteOrderMark = false,
        FormatProvider = CultureInfo.InvariantCulture,
        // Text is typed by people (a school's code, a reason, a reference): one that starts like a formula must not run as
        // one in a spreadsheet.
        Injection = CsvInjection.Escape,
    };
}
