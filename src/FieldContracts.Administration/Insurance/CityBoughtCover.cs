using System.Globalization;
using FieldContracts.Administration.Billing;
using NodaTime;

namespace FieldContracts.Administration.Insurance;

/// <summary>Why a purchase of cover by the City cannot be recorded as entered; names the field at fault.</summary>
public sealed record CityCoverRefusal(string Field, string Message);

/// <summary>
/// Insurance the City bought on the contractor's behalf. Special instruction 14, item 11: a lapse "may be considered a
/// default … The Provider agrees that such default may be cured by procurement of insurance on behalf of the Provider, at
/// the Provider's expense, and at the City's option." Its cost comes off what the City pays the contractor: an adjustment
/// of <see cref="Deduction"/> with <see cref="Reason"/>, on the installment of the period holding <see cref="BoughtOn"/>.
/// </summary>
/// <param name="Policy">The policy the City bought, its expiration as printed (the first day not covered).</param>
public sealed record CityBoughtCover(CoverageKind Kind, Money Cost, LocalDate BoughtOn, PolicyPeriod Policy, string? Note)
{
    /// <summary>The words every such adjustment's reason carries.</summary>
    public const string Wording = "bought by the City at the contractor's expense (special instruction 14)";

    /// <summary>At most this many characters of note, so the reason fits an adjustment's 2000.</summary>
    public const int MaximumNote = 1000;

    /// <summary>What comes off the contractor's installment: the cost, negative.</summary>
    public Money Deduction => -Cost;

    /// <summary>The adjustment's reason in words, e.g. "Automobile liability, policy July 1, 2004 to July 1, 2005, bought by the City …".</summary>
    public string Reason =>
        $"{CoverageNames.Of(Kind)}, policy {Day(Policy.Effective)} to {Day(Policy.Expiration)}, {Wording}, bought {Day(BoughtOn)}"
        + (Note is { Length: > 0 } note ? $": {note}" : ".");

    /// <summary>
    /// The purchase as entered, or the first thing wrong with it: a line of insurance, a cost in dollars and cents above
    /// zero (and within the bid schedule's largest price), the day bought, a policy period that ends after it starts and
    /// after the day bought, and a note of at most <see cref="MaximumNote"/> characters.
    /// </summary>
    public static (CityBoughtCover? Cover, CityCoverRefusal? Refusal) Record(CoverageKind? kind, decimal? cost, LocalDate? boughtOn,
        LocalDate? effective, LocalDate? expiration, string? note)
    {
        if (kind is not { } k || !Enum.IsDefined(k))
        {
            return (null, new CityCoverRefusal("kind", "Name the line of insurance the City bought."));
        }

        if (cost is not { } dollars || dollars <= 0 || decimal.Round(dollars, 2) != dollars || dollars > PriceSchedule.MaximumPrice)
        {
            return (null, new CityCoverRefusal("cost", "The cost in dollars and cents, more than zero."));
        }

        if (boughtOn is not { } bought)
        {
            return (null, new CityCoverRefusal("boughtOn", "Give the day the City bought the cover."));
        }

        if (effective is not { } from)
        {
            return (null, new CityCoverRefusal("effective", "Give the first day the policy covers."));
        }

        if (expiration is not { } to || to <= from)
        {
            return (null, new CityCoverRefusal("expiration", "Give the policy's expiration date, after its first day."));
        }

        if (to <= bought)
        {
            return (null, new CityCoverRefusal("expiration", "The policy had expired before the day it was bought."));
        }

        var trimmed = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (trimmed is { Length: > MaximumNote })
        {
            return (null, new CityCoverRefusal("note", $"At most {MaximumNote} characters."));
        }

        return (new CityBoughtCover(k, Money.Dollars(dollars), bought, new PolicyPeriod(from, to), trimmed), null);
    }

    private static string Day(LocalDate date) => date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);
}
