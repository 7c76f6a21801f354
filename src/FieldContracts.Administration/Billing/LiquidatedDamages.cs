using FieldContracts.Administration.Deficiencies;

namespace FieldContracts.Administration.Billing;

/// <summary>What a liquidated-damages rate is counted by.</summary>
public enum DamagesBasis
{
    /// <summary>Once for the failure.</summary>
    PerOccurrence,

    /// <summary>For each calendar day the failure lasted (e.g. days late, or days until cured).</summary>
    PerDay,

    /// <summary>For each school the failure concerns.</summary>
    PerSchool,

    /// <summary>For each school, for each day.</summary>
    PerSchoolPerDay,
}

/// <summary>
/// A rate of liquidated damages for one kind of failure (special instruction 10; Form 127 ¶28, whose text is not in
/// the bid, so rates are the contract's own settings).
/// </summary>
/// <param name="Kind">The kind of deficiency it applies to.</param>
/// <param name="Basis">What the amount is counted by.</param>
/// <param name="Amount">Dollars per unit of <paramref name="Basis"/>.</param>
/// <param name="Cap">The most one failure is assessed, when the contract sets a cap.</param>
/// <param name="IsSample">True when the rate is illustrative and not the contract's.</param>
public sealed record DamagesRate(DeficiencyKind Kind, DamagesBasis Basis, Money Amount, Money? Cap = null, bool IsSample = false)
{
    /// <summary>The damages for a failure lasting <paramref name="days"/> days at <paramref name="schools"/> schools, capped.</summary>
    public Money Assess(int days, int schools)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(schools, 1);
        var units = Basis switch
        {
            DamagesBasis.PerOccurrence => 1,
            DamagesBasis.PerDay => days,
            DamagesBasis.PerSchool => schools,
            DamagesBasis.PerSchoolPerDay => days * schools,
            _ => throw new InvalidOperationException($"Unknown basis {Basis}."),
        };
        var amount = Money.Extend(Amount, units);
        return Cap is { } cap ? Money.Min(amount, cap) : amount;
    }
}

/// <summary>A contract's schedule of liquidated damages: at most one rate per kind of failure; kinds without a rate are not assessed.</summary>
public sealed class DamagesSchedule
{
    private readonly Dictionary<DeficiencyKind, DamagesRate> _rates;

    public DamagesSchedule(IEnumerable<DamagesRate> rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        _rates = [];
        foreach (var rate in rates)
        {
            if (!_rates.TryAdd(rate.Kind, rate))
            {
                throw new ArgumentException($"Two rates for {rate.Kind}.", nameof(rates));
            }
        }
    }

    /// <summary>No damages at all.</summary>
    public static DamagesSchedule None { get; } = new([]);

    /// <summary>
    /// Sample rates, labelled as samples, after published municipal grounds-maintenance schedules ($100 per missed
    /// occurrence; $100–$300 per inspection, per park, per day). Not #2685's: Form 127 ¶28 is not in the bid.
    /// </summary>
    public static DamagesSchedule Sample { get; } = new([
        new DamagesRate(DeficiencyKind.MissedWork, DamagesBasis.PerOccurrence, Money.Dollars(100m), IsSample: true),
        new DamagesRate(DeficiencyKind.LateWork, DamagesBasis.PerDay, Money.Dollars(100m), Money.Dollars(500m), IsSample: true),
        new DamagesRate(DeficiencyKind.InspectionFailure, DamagesBasis.PerSchoolPerDay, Money.Dollars(200m), Money.Dollars(1_000m), IsSample: true),
        new DamagesRate(DeficiencyKind.ApplicationWithoutNotice, DamagesBasis.PerSchool, Money.Dollars(300m), IsSample: true),
    ]);

    public IReadOnlyCollection<DamagesRate> Rates => _rates.Values;

    /// <summary>The rate for <paramref name="kind"/>, or null when the contract sets none.</summary>
    public DamagesRate? RateFor(DeficiencyKind kind) => _rates.GetValueOrDefault(kind);
}
