using System.Globalization;
using NodaTime;

namespace FieldContracts.Scheduling.Planning;

/// <summary>How the plan writes a day in the reasons it gives, e.g. "Sunday, April 25, 2004".</summary>
internal static class Words
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public static string Day(LocalDate day) => day.ToString("dddd, MMMM d, yyyy", English);
}
