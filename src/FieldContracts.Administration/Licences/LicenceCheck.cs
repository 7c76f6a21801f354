using NodaTime;

namespace FieldContracts.Administration.Licences;

/// <summary>The part a person takes in a chemical application.</summary>
public enum ApplicationRole
{
    /// <summary>Applies the product: needs an operator or supervisory certification in the category.</summary>
    Applicator,

    /// <summary>Supervises the application: needs a supervisory certification in the category.</summary>
    Supervisor,
}

/// <summary>Why the register does not license an application; a value, not an exception.</summary>
public abstract record LicenceRefusal
{
    private LicenceRefusal()
    {
    }

    public abstract LicenceHolder Holder { get; init; }

    public abstract ApplicationRole Role { get; init; }

    /// <summary>
    /// The person holds no licence of a kind the role needs in any category: for the applicator neither an operator
    /// nor a supervisory certification, for the supervisor no supervisory one.
    /// </summary>
    public sealed record NoLicence(LicenceHolder Holder, ApplicationRole Role) : LicenceRefusal;

    /// <summary>The person holds the kind the role needs, but not in the category of the application.</summary>
    public sealed record WrongCategory(LicenceHolder Holder, ApplicationRole Role, string CategoryNeeded, IReadOnlyList<string> CategoriesHeld)
        : LicenceRefusal;

    /// <summary>The licence for the category had expired by the day of the application (the latest such licence).</summary>
    public sealed record Expired(LicenceHolder Holder, ApplicationRole Role, Licence Licence, LocalDate Day) : LicenceRefusal;

    /// <summary>The licence for the category was issued after the day of the application.</summary>
    public sealed record NotYetValid(LicenceHolder Holder, ApplicationRole Role, Licence Licence, LocalDate Day) : LicenceRefusal;
}

/// <summary>
/// Whether the contractor's licence register covers a chemical application (spec V: "proper licenses for the
/// application of chemicals … and a supervisor license"; CGS 22a-66g records supervisor and operator certifications).
/// </summary>
public static class LicenceCheck
{
    /// <summary>
    /// Every reason the register does not license <paramref name="applicator"/> to apply, under
    /// <paramref name="supervisor"/>, a product of <paramref name="categoryNeeded"/> on <paramref name="day"/>; empty
    /// when it does. The applicator needs an operator or supervisory certification in the category, the supervisor a
    /// supervisory one, each valid on the day (<see cref="Licence.IsValidOn"/>: through its expiry day inclusive). One
    /// person may be both. Licences of other holders, or renewed ones, may be in the register: any one valid licence
    /// of the right kind and category is enough.
    /// </summary>
    public static IReadOnlyList<LicenceRefusal> ForApplication(IEnumerable<Licence> register, LicenceHolder applicator,
        LicenceHolder supervisor, string categoryNeeded, LocalDate day)
    {
        ArgumentNullException.ThrowIfNull(register);
        ArgumentNullException.ThrowIfNull(applicator);
        ArgumentNullException.ThrowIfNull(supervisor);
        ArgumentException.ThrowIfNullOrWhiteSpace(categoryNeeded);
        var licences = register.ToList();
        var refusals = new List<LicenceRefusal>();
        if (Check(licences, applicator, ApplicationRole.Applicator, categoryNeeded, day) is { } forApplicator)
        {
            refusals.Add(forApplicator);
        }

        if (Check(licences, supervisor, ApplicationRole.Supervisor, categoryNeeded, day) is { } forSupervisor)
        {
            refusals.Add(forSupervisor);
        }

        return refusals;
    }

    /// <summary>The kinds of licence that let a person take <paramref name="role"/>.</summary>
    public static bool Licenses(LicenceKind kind, ApplicationRole role) => (role, kind) switch
    {
        (ApplicationRole.Applicator, LicenceKind.PesticideOperator or LicenceKind.PesticideSupervisory) => true,
        (ApplicationRole.Supervisor, LicenceKind.PesticideSupervisory) => true,
        _ => false,
    };

    private static LicenceRefusal? Check(List<Licence> register, LicenceHolder holder, ApplicationRole role, string category,
        LocalDate day)
    {
        var ofKind = register.Where(l => l.Holder == holder && Licenses(l.Kind, role)).ToList();
        if (ofKind.Count == 0)
        {
            return new LicenceRefusal.NoLicence(holder, role);
        }

        var inCategory = ofKind.Where(l => l.IsInCategory(category)).ToList();
        if (inCategory.Count == 0)
        {
            return new LicenceRefusal.WrongCategory(holder, role, category.Trim(),
                ofKind.Select(l => l.Category!).Distinct(StringComparer.OrdinalIgnoreCase).ToList());
        }

        if (inCategory.Any(l => l.IsValidOn(day)))
        {
            return null;
        }

        // None valid on the day: a lapsed one says more than one issued later (a renewal not yet in force).
        var lapsed = inCategory.Where(l => l.ExpiresOn < day).MaxBy(l => l.ExpiresOn);
        return lapsed is not null
            ? new LicenceRefusal.Expired(holder, role, lapsed, day)
            : new LicenceRefusal.NotYetValid(holder, role, inCategory.MinBy(l => l.IssuedOn)!, day);
    }
}
