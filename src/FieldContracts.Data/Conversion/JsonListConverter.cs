using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FieldContracts.Data.Conversion;

/// <summary>
/// Stores a short list of value objects as JSON text through a persisted shape of its own, so the
/// domain types carry no serialization attributes and the column is plain text on both providers.
/// </summary>
public sealed class JsonListConverter<TValue, TStored>(Func<TValue, TStored> toStored, Func<TStored, TValue> fromStored)
    : ValueConverter<List<TValue>, string>(
        list => JsonSerializer.Serialize(list.Select(toStored).ToList(), Options),
        json => (JsonSerializer.Deserialize<List<TStored>>(json, Options) ?? new List<TStored>()).Select(fromStored).ToList())
{
    private static readonly JsonSerializerOptions Options = StoredJson.Options;

    /// <summary>Compares lists by their elements' value equality (records), so edits are detected.</summary>
    public static ValueComparer<List<TValue>> Comparer { get; } = new(
        (a, b) => a != null && b != null && a.SequenceEqual(b),
        list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
        list => list.ToList());
}
