using NodaTime;

namespace FieldContracts.Scheduling.Planning;

/// <summary>
/// A contract's seasonal plan: every occurrence of every task at every school over the term, ordered
/// by day, then school code, then task key, then number in series.
/// </summary>
public sealed class SeasonalPlan
{
    private readonly Occurrence[] _occurrences;
    private Dictionary<Guid, Occurrence>? _byId;

    internal SeasonalPlan(Guid contractId, DateInterval term, Occurrence[] occurrences)
    {
        ContractId = contractId;
        Term = term;
        _occurrences = occurrences;
    }

    public Guid ContractId { get; }

    /// <summary>The term the plan covers, both ends inclusive.</summary>
    public DateInterval Term { get; }

    public IReadOnlyList<Occurrence> Occurrences => _occurrences;

    /// <summary>The occurrence with <paramref name="id"/>, or null.</summary>
    public Occurrence? Find(Guid id)
    {
        _byId ??= _occurrences.ToDictionary(o => o.Id);
        return _byId.GetValueOrDefault(id);
    }
}
