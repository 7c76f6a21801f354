using System.Globalization;
using NodaTime;

namespace FieldContracts.Administration;

/// <summary>How figures read in evidence sentences: days as "Jun 10, 2003", inches as 4.5".</summary>
internal static class Figures
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Day(LocalDate date) => date.ToString("MMM d, uuuu", Invariant);

    public static string Inches(decimal value) => value.ToString("0.##", Invariant) + "\"";

    public static string Inches(decimal min, decimal max) =>
        min.ToString("0.##", Invariant) + "–" + max.ToString("0.##", Invariant) + "\"";
}
