using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.WorkLogs;
using FieldContracts.Scheduling.Contracts;
using NodaTime;

namespace FieldContracts.Administration.Billing;

/// <summary>A planned occurrence as billing sees it: which school, which item of the specification.</summary>
public sealed record PlannedItem(Guid OccurrenceId, Guid SiteId, string ItemReference);

/// <summary>A logged visit as billing sees it, before it is matched to the bid schedule.</summary>
/// <param name="OccurrenceIds">The planned work the visit did.</param>
public sealed record VisitLogged(Guid VisitId, Guid SiteId, LocalDate WorkDate, VisitStatus Status, IReadOnlyList<Guid> OccurrenceIds);

/// <summary>A missed-work deficiency on a planned occurrence, as the register holds it.</summary>
/// <param name="ConfirmedOn">The day the contractor acknowledged it or Purchasing upheld it; null until then.</param>
public sealed record MissedOccurrence(Guid DeficiencyId, Guid OccurrenceId, DeficiencyStatus Status, LocalDate? ConfirmedOn);

/// <summary>Why a change of the bid schedule is refused; a value, not an exception.</summary>
public abstract record PriceLineRefusal(string Field, string Message)
{
    public sealed record Required(string Field, string What) : PriceLineRefusal(Field, $"{What} is required.");

    public sealed record NotWholeCents(string Field) : PriceLineRefusal(Field, "Dollars and whole cents only, e.g. 385.00.");

    public sealed record OutOfRange(string Field, string Limits) : PriceLineRefusal(Field, Limits);

    public sealed record DuplicateItem(string Item) : PriceLineRefusal("Item", $"Item {Item} is already on the schedule for that school.");

    public sealed record CoveredTwice(string ItemReference) : PriceLineRefusal("Covers",
        $"Specification item {ItemReference} is already paid by another line for that school.");
}

/// <summary>
/// The bid schedule as billing reads it (special instruction 1: "lump sum prices as outlined on the bid schedule"; 12:
/// invoices "must reflect unit prices"). One statement of which line pays for a piece of work: the line for the work's
/// school that covers its specification item, else the contract-wide line that covers it.
/// </summary>
public sealed class PriceSchedule
{
    /// <summary>The largest price a line may carry: ten million dollars, far above any term service contract's item.</summary>
    public const decimal MaximumPrice = 10_000_000m;

    private readonly Dictionary<(Guid? Site, string Item), PriceLine> _byItem = new(new ItemComparer());

    public PriceSchedule(IReadOnlyList<PriceLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        Lines = lines;
        foreach (var line in lines)
        {
            foreach (var item in line.Covers)
            {
                _byItem.TryAdd((line.SiteId, item), line);
            }
        }
    }

    public IReadOnlyList<PriceLine> Lines { get; }

    /// <summary>The line that pays for item <paramref name="itemReference"/> at <paramref name="siteId"/>, or null when none does.</summary>
    public PriceLine? LineFor(Guid siteId, string itemReference) =>
        _byItem.GetValueOrDefault((siteId, itemReference)) ?? _byItem.GetValueOrDefault((null, itemReference));

    /// <summary>The deduction value of each lump-sum line that has one.</summary>
    public IReadOnlyDictionary<Guid, Money> DeductionValues() =>
        Lines.Where(l => l.Basis == PriceBasis.LumpSum && l.DeductionValue is not null)
            .ToDictionary(l => l.Id, l => Money.Dollars(l.DeductionValue!.Value));

    /// <summary>
    /// The work billing counts: each visit once per line it did work under (a unit-price line is paid one unit per
    /// visit at its school, "per school per visit"), and each missed occurrence under the line that covers it. Work no
    /// line covers is returned apart, so it can be shown rather than silently dropped.
    /// </summary>
    public (IReadOnlyList<ServiceReceived> Services, IReadOnlyList<MissedWork> Missed, IReadOnlyList<Guid> Uncovered) Count(
        IReadOnlyList<PlannedItem> planned, IReadOnlyList<VisitLogged> visits, IReadOnlyList<MissedOccurrence> missed)
    {
        ArgumentNullException.ThrowIfNull(planned);
        ArgumentNullException.ThrowIfNull(visits);
        ArgumentNullException.ThrowIfNull(missed);
        var items = new Dictionary<Guid, PlannedItem>(planned.Count);
        foreach (var p in planned)
        {
            items[p.OccurrenceId] = p;
        }

        var services = new List<ServiceReceived>(visits.Count);
        var uncovered = new List<Guid>();
        var seen = new HashSet<Guid>();
        foreach (var visit in visits)
        {
            seen.Clear();
            foreach (var occurrenceId in visit.OccurrenceIds)
            {
                if (!items.TryGetValue(occurrenceId, out var item) || LineFor(visit.SiteId, item.ItemReference) is not { } line)
                {
                    uncovered.Add(occurrenceId);
                    continue;
                }

                if (seen.Add(line.Id))
                {
                    services.Add(new ServiceReceived(visit.VisitId, line.Id, visit.WorkDate, 1m, visit.Status));
                }
            }
        }

        var missedWork = new List<MissedWork>(missed.Count);
        foreach (var m in missed)
        {
            if (!items.TryGetValue(m.OccurrenceId, out var item) || LineFor(item.SiteId, item.ItemReference) is not { } line)
            {
                uncovered.Add(m.OccurrenceId);
                continue;
            }

            missedWork.Add(new MissedWork(m.OccurrenceId, line.Id, 1m, m.DeficiencyId, m.Status, m.ConfirmedOn));
        }

        return (services, missedWork, uncovered);
    }

    /// <summary>Why a line with these values would be refused, or null when it may be set: the one statement of the schedule's limits.</summary>
    public static PriceLineRefusal? Check(IReadOnlyList<PriceLine> others, string? item, Guid? siteId, string? description, string? unit,
        decimal estimatedQuantity, decimal unitPrice, IReadOnlyList<string> covers, decimal? deductionValue)
    {
        ArgumentNullException.ThrowIfNull(others);
        ArgumentNullException.ThrowIfNull(covers);
        if (string.IsNullOrWhiteSpace(item))
        {
            return new PriceLineRefusal.Required("Item", "The item number");
        }

        if (string.IsNullOrWhiteSpace(description))
        {
            return new PriceLineRefusal.Required("Description", "A description");
        }

        if (string.IsNullOrWhiteSpace(unit))
        {
            return new PriceLineRefusal.Required("Unit", "The unit");
        }

        if (estimatedQuantity is < 0 or > 1_000_000m)
        {
            return new PriceLineRefusal.OutOfRange("EstimatedQuantity", "The estimated quantity is 0 to 1,000,000.");
        }

        if (unitPrice is < 0 or > MaximumPrice)
        {
            return new PriceLineRefusal.OutOfRange("UnitPrice", "The price is $0.00 to $10,000,000.00.");
        }

        if (decimal.Round(unitPrice, 2) != unitPrice)
        {
            return new PriceLineRefusal.NotWholeCents("UnitPrice");
        }

        if (deductionValue is { } value)
        {
            if (value is < 0 or > MaximumPrice)
            {
                return new PriceLineRefusal.OutOfRange("DeductionValue", "The deduction value is $0.00 to $10,000,000.00.");
            }

            if (decimal.Round(value, 2) != value)
            {
                return new PriceLineRefusal.NotWholeCents("DeductionValue");
            }
        }

        var same = others.Where(o => o.SiteId == siteId).ToList();
        if (same.Any(o => string.Equals(o.Item, item.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            return new PriceLineRefusal.DuplicateItem(item.Trim());
        }

        foreach (var reference in covers)
        {
            if (same.Any(o => o.CoversItem(reference.Trim())))
            {
                return new PriceLineRefusal.CoveredTwice(reference.Trim());
            }
        }

        return null;
    }

    private sealed class ItemComparer : IEqualityComparer<(Guid? Site, string Item)>
    {
        public bool Equals((Guid? Site, string Item) x, (Guid? Site, string Item) y) =>
            x.Site == y.Site && string.Equals(x.Item, y.Item, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((Guid? Site, string Item) obj) =>
            HashCode.Combine(obj.Site, StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Item));
    }
}
