using System.Text.Json;
using NodaTime.Serialization.SystemTextJson;

namespace FieldContracts.Data.Conversion;

/// <summary>
/// The options of every JSON column the database holds (an occurrence's detail, a visit's application record, short
/// lists): Data's own, independent of the API's JSON, so a change to what the API writes never changes how a record
/// kept for five years (CGS 22a-66g) is read. A stored format changes only with a migration that rewrites its rows;
/// a specification, exchanged as a document, carries its format version itself (<c>SpecificationJson</c>).
/// </summary>
public static class StoredJson
{
    /// <summary>Dates as ISO "yyyy-MM-dd", as every stored record has them (NodaTime's own ISO date converter).</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { Converters = { NodaConverters.LocalDateConverter } };
}
