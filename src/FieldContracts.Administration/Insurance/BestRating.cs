using System.Text.RegularExpressions;

namespace FieldContracts.Administration.Insurance;

/// <summary>A.M. Best's financial strength rating, best last, so that a higher value is a stronger insurer.</summary>
public enum BestGrade
{
    S,
    F,
    E,
    D,
    CMinus,
    C,
    CPlus,
    CPlusPlus,
    BMinus,
    B,
    BPlus,
    BPlusPlus,
    AMinus,
    A,
    APlus,
    APlusPlus,
}

/// <summary>Why a Best's rating could not be read; a value, not an exception.</summary>
public sealed record BestRatingRefusal(string Text, string Message);

/// <summary>
/// A Best's Key Rating as a certificate or a bid writes it: a financial strength grade ("A-") and a financial size class
/// (I to XV, roman; VIII is $100–250 million of policyholders' surplus). The two measure different things and are
/// compared separately: a rating meets "A-VIII or better" only when its grade is at least A- AND its class is at least
/// VIII, so A++ VII and B++ XV both fall short. There is no single order of ratings, hence no <c>IComparable</c>.
/// </summary>
/// <param name="SizeClass">The financial size class as a number, 1 (I) to 15 (XV).</param>
public readonly partial record struct BestRating(BestGrade Grade, int SizeClass)
{
    private static readonly string[] Romans = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"];

    private static readonly (string Text, BestGrade Grade)[] Grades =
    [
        ("A++", BestGrade.APlusPlus), ("A+", BestGrade.APlus), ("A-", BestGrade.AMinus), ("A", BestGrade.A),
        ("B++", BestGrade.BPlusPlus), ("B+", BestGrade.BPlus), ("B-", BestGrade.BMinus), ("B", BestGrade.B),
        ("C++", BestGrade.CPlusPlus), ("C+", BestGrade.CPlus), ("C-", BestGrade.CMinus), ("C", BestGrade.C),
        ("D", BestGrade.D), ("E", BestGrade.E), ("F", BestGrade.F), ("S", BestGrade.S),
    ];

    /// <summary>
    /// Reads "A-VIII", "A- VII", "A++ XV", "B+ IX", "A-:VIII", in any letter case. A hyphen straight after the letter
    /// belongs to the grade ("A-VIII" is A minus, class VIII, as insurance clauses mean it); between grade and class
    /// there may be nothing, spaces, a colon, a comma or a slash.
    /// </summary>
    public static (BestRating? Rating, BestRatingRefusal? Refusal) Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, new BestRatingRefusal(text ?? "", "No Best's rating given."));
        }

        var match = Pattern().Match(text.Trim().ToUpperInvariant());
        if (!match.Success)
        {
            return (null, new BestRatingRefusal(text, $"\"{text}\" is not a Best's rating such as \"A- VIII\": a grade (A++ to F) and a size class (I to XV)."));
        }

        var grade = Grades.First(g => g.Text == match.Groups["grade"].Value).Grade;
        var sizeClass = Array.IndexOf(Romans, match.Groups["class"].Value) + 1;
        if (sizeClass == 0)
        {
            return (null, new BestRatingRefusal(text, $"\"{match.Groups["class"].Value}\" is not a financial size class; they run from I to XV."));
        }

        return (new BestRating(grade, sizeClass), null);
    }

    /// <summary>Whether this rating is <paramref name="minimum"/> "or better": grade and size class each at least the minimum's.</summary>
    public bool Meets(BestRating minimum) => Grade >= minimum.Grade && SizeClass >= minimum.SizeClass;

    /// <summary>As Best's writes it: "A- VIII".</summary>
    public override string ToString()
    {
        var grade = Grade;
        var text = Grades.First(g => g.Grade == grade).Text;
        return SizeClass is >= 1 and <= 15 ? $"{text} {Romans[SizeClass - 1]}" : $"{text} class {SizeClass}";
    }

    [GeneratedRegex(@"^(?<grade>A\+\+|A\+|A-|A|B\+\+|B\+|B-|B|C\+\+|C\+|C-|C|D|E|F|S)\s*[:,/]?\s*(?<class>[IVX]+)$")]
    private static partial Regex Pattern();
}
