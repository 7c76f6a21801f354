using NodaTime;

namespace FieldContracts.Administration.Licences;

/// <summary>
/// What a licence licenses. Spec V of bid #2685: "proper licenses for the application of chemicals, irrigation work and
/// a supervisor license"; the scope's evaluation note adds "copies DEP license for the application of material".
/// </summary>
public enum LicenceKind
{
    /// <summary>
    /// Connecticut DEEP commercial supervisory pesticide certification, in one category (e.g. "3A turf"): its holder
    /// may apply in that category and supervise others who do.
    /// </summary>
    PesticideSupervisory,

    /// <summary>Connecticut DEEP commercial operator pesticide certification, in one category: applies under a supervisor.</summary>
    PesticideOperator,

    /// <summary>Licence for irrigation work (spec V), e.g. the sprinkler systems winterized in November–December.</summary>
    Irrigation,

    /// <summary>The supervisor licence spec V names apart from chemicals and irrigation, held by the crew's supervisor.</summary>
    Supervisor,

    /// <summary>The firm's own licence or registration to do business (e.g. its pesticide business registration).</summary>
    Business,
}

/// <summary>Who holds a licence: a named person (an applicator, a supervisor) or the contracting firm itself.</summary>
/// <remarks>
/// Two holders are the same when they are both persons or both firms and their names match ignoring case and the
/// spaces around them: the register and the work log write the same name by hand.
/// </remarks>
public sealed record LicenceHolder
{
    private LicenceHolder(string name, bool isFirm)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
        IsFirm = isFirm;
    }

    public string Name { get; }

    /// <summary>True for the contracting firm, false for a person.</summary>
    public bool IsFirm { get; }

    public static LicenceHolder Person(string name) => new(name, isFirm: false);

    public static LicenceHolder Firm(string name) => new(name, isFirm: true);

    public bool Equals(LicenceHolder? other) =>
        other is not null && IsFirm == other.IsFirm && string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase);

    public override int GetHashCode() => HashCode.Combine(IsFirm, StringComparer.OrdinalIgnoreCase.GetHashCode(Name));

    public override string ToString() => Name;
}

/// <summary>Why a licence cannot go into the register as entered; a value, not an exception.</summary>
public abstract record LicenceEntryRefusal
{
    private LicenceEntryRefusal()
    {
    }

    public sealed record NumberRequired : LicenceEntryRefusal;

    public sealed record IssuerRequired : LicenceEntryRefusal;

    /// <summary>A pesticide certification is always in a category ("3A turf").</summary>
    public sealed record CategoryRequired(LicenceKind Kind) : LicenceEntryRefusal;

    /// <summary>The expiry is before the issue date.</summary>
    public sealed record ExpiresBeforeIssued(LocalDate IssuedOn, LocalDate ExpiresOn) : LicenceEntryRefusal;
}

/// <summary>Where a licence stands on a day.</summary>
public enum LicenceState
{
    /// <summary>Valid, and not within <see cref="Licence.ExpiringSoonDays"/> of its expiry.</summary>
    Valid,

    /// <summary>Valid, with its expiry day within <see cref="Licence.ExpiringSoonDays"/> days.</summary>
    ExpiresSoon,

    /// <summary>Its expiry day has passed.</summary>
    Expired,

    /// <summary>Its issue day is still to come.</summary>
    NotYetValid,
}

/// <summary>A licence's state on a day and, while valid, the days from that day to its expiry day (0 on the expiry day itself).</summary>
public readonly record struct LicenceStanding(LicenceState State, int DaysLeft);

/// <summary>
/// The pesticide categories the contracts need. Bid #2685's chemical work (fertilizer with pre-emergent, broadleaf weed
/// control, grub treatment) is all on athletic turf: CT DEEP category 3A.
/// </summary>
public static class PesticideCategory
{
    /// <summary>CT DEEP category 3A, turf: the category every application under bid #2685 needs.</summary>
    public const string Turf = "3A";
}

/// <summary>One licence in the contractor's register (spec V), as on the copy the contractor supplied.</summary>
public sealed record Licence
{
    private Licence(LicenceHolder holder, LicenceKind kind, string? category, string number, string issuer, LocalDate issuedOn,
        LocalDate expiresOn)
    {
        Holder = holder;
        Kind = kind;
        Category = category;
        Number = number;
        Issuer = issuer;
        IssuedOn = issuedOn;
        ExpiresOn = expiresOn;
    }

    public LicenceHolder Holder { get; }

    public LicenceKind Kind { get; }

    /// <summary>The pesticide category as written on the certificate ("3A turf"); null for kinds without categories.</summary>
    public string? Category { get; }

    /// <summary>The licence or certification number.</summary>
    public string Number { get; }

    /// <summary>Who issued it, e.g. "CT DEEP".</summary>
    public string Issuer { get; }

    /// <summary>First day it is valid.</summary>
    public LocalDate IssuedOn { get; }

    /// <summary>Last day it is valid (inclusive): work on this day is licensed, work on the day after is not.</summary>
    public LocalDate ExpiresOn { get; }

    /// <summary>The days it is valid, both ends inclusive.</summary>
    public DateInterval Validity => new(IssuedOn, ExpiresOn);

    /// <summary>
    /// Whether it licenses work on <paramref name="day"/>: from its issue day through its expiry day, both inclusive.
    /// The one place this rule is written; everything else asks here.
    /// </summary>
    public bool IsValidOn(LocalDate day) => IsValidOn(IssuedOn, ExpiresOn, day);

    /// <summary>
    /// The rule for any licence or certification: valid on <paramref name="day"/> from <paramref name="issuedOn"/>
    /// (when known) through <paramref name="expiresOn"/>, both inclusive. A certification typed into a work log without
    /// its issue day is judged by its expiry alone.
    /// </summary>
    public static bool IsValidOn(LocalDate? issuedOn, LocalDate expiresOn, LocalDate day) =>
        (issuedOn is not { } from || from <= day) && day <= expiresOn;

    /// <summary>How many days before expiry the register starts to flag a licence: the first of the usual reminders.</summary>
    public const int ExpiringSoonDays = 60;

    /// <summary>Where the licence stands on <paramref name="today"/>, for the register's flags.</summary>
    public LicenceStanding StandingOn(LocalDate today)
    {
        if (today > ExpiresOn)
        {
            return new LicenceStanding(LicenceState.Expired, 0);
        }

        if (today < IssuedOn)
        {
            return new LicenceStanding(LicenceState.NotYetValid, 0);
        }

        var daysLeft = Period.Between(today, ExpiresOn, PeriodUnits.Days).Days;
        return new LicenceStanding(daysLeft <= ExpiringSoonDays ? LicenceState.ExpiresSoon : LicenceState.Valid, daysLeft);
    }

    /// <summary>Whether it is a pesticide certification of <paramref name="category"/> (see <see cref="SameCategory"/>).</summary>
    public bool IsInCategory(string category) => Category is not null && SameCategory(Category, category);

    /// <summary>
    /// Whether two categories are the same: their codes, the first word, match ignoring case, so "3A turf", "3A Turf"
    /// and "3a" are one category and "3B ornamentals" is another.
    /// </summary>
    public static bool SameCategory(string a, string b) => string.Equals(CategoryCode(a), CategoryCode(b), StringComparison.OrdinalIgnoreCase);

    private static string CategoryCode(string category)
    {
        var trimmed = category.Trim();
        var space = trimmed.IndexOfAny([' ', '\t']);
        return space < 0 ? trimmed : trimmed[..space];
    }

    /// <summary>Whether a kind is a pesticide certification, and so has a category.</summary>
    public static bool HasCategory(LicenceKind kind) => kind is LicenceKind.PesticideSupervisory or LicenceKind.PesticideOperator;

    /// <summary>
    /// A licence for the register; or every reason it is refused: a number and an issuer, a category for pesticide
    /// certifications, and an expiry no earlier than the issue date (one day's validity is allowed). A category given
    /// for a kind that has none is dropped.
    /// </summary>
    public static (Licence? Licence, IReadOnlyList<LicenceEntryRefusal> Refusals) Enter(LicenceHolder holder, LicenceKind kind,
        string? category, string? number, string? issuer, LocalDate issuedOn, LocalDate expiresOn)
    {
        ArgumentNullException.ThrowIfNull(holder);
        var refusals = new List<LicenceEntryRefusal>();
        if (string.IsNullOrWhiteSpace(number))
        {
            refusals.Add(new LicenceEntryRefusal.NumberRequired());
        }

        if (string.IsNullOrWhiteSpace(issuer))
        {
            refusals.Add(new LicenceEntryRefusal.IssuerRequired());
        }

        if (HasCategory(kind) && string.IsNullOrWhiteSpace(category))
        {
            refusals.Add(new LicenceEntryRefusal.CategoryRequired(kind));
        }

        if (expiresOn < issuedOn)
        {
            refusals.Add(new LicenceEntryRefusal.ExpiresBeforeIssued(issuedOn, expiresOn));
        }

        if (refusals.Count > 0)
        {
            return (null, refusals);
        }

        return (new Licence(holder, kind, HasCategory(kind) ? category!.Trim() : null, number!.Trim(), issuer!.Trim(), issuedOn,
            expiresOn), []);
    }
}
