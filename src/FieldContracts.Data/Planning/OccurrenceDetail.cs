using System.Text.Json;
using System.Text.Json.Serialization;
using FieldContracts.Scheduling.Planning;
using FieldContracts.Scheduling.Specification;
using NodaTime;

namespace FieldContracts.Data.Planning;

/// <summary>The parts of an occurrence stored as JSON: areas, cutting heights, materials and notice.</summary>
public sealed record OccurrenceDetail(
    IReadOnlyList<Guid> Areas,
    IReadOnlyList<HeightDetail> Heights,
    IReadOnlyList<MaterialDetail> Materials,
    NoticeDetail? Notice,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Notes = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<WithheldDetail>? Withheld = null)
{
    private static readonly JsonSerializerOptions Options = Conversion.StoredJson.Options;

    public static OccurrenceDetail From(Occurrence occurrence) => new(
        occurrence.AreaIds,
        occurrence.CuttingHeights.Select(h => new HeightDetail(h.AreaId, h.Height.MinInches, h.Height.MaxInches, h.InSeason)).ToList(),
        occurrence.Materials.Select(MaterialDetail.From).ToList(),
        occurrence.Application is { } application ? NoticeDetail.From(application) : null,
        occurrence.Notes.Count == 0 ? null : occurrence.Notes,
        occurrence.Withheld.Count == 0 ? null : occurrence.Withheld.Select(w => new WithheldDetail(w.Material, w.AreaIds, w.SeededOn, w.Instead)).ToList());

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    public static OccurrenceDetail Parse(string json) =>
        JsonSerializer.Deserialize<OccurrenceDetail>(json, Options) ?? throw new InvalidOperationException("Empty occurrence detail.");
}

/// <summary>A chemical kept off areas seeded near the application, and what goes on them instead.</summary>
public sealed record WithheldDetail(string Material, IReadOnlyList<Guid> Areas, LocalDate SeededOn, string? Instead);

/// <summary>A mowed area's required height of cut, inches.</summary>
public sealed record HeightDetail(Guid Area, decimal Minimum, decimal Maximum, bool InSeason);

public sealed record MaterialDetail(string Name, string Rate, bool IsChemical, IReadOnlyList<string> ActiveIngredients, bool IsSampleProduct)
{
    public static MaterialDetail From(Material m) => new(m.Name, m.Rate, m.IsChemical, m.ActiveIngredients, m.IsSampleProduct);
}

/// <summary>What a chemical pre-notification must say and to whom (spec VII; CGS 10-231c).</summary>
public sealed record NoticeDetail(
    IReadOnlyList<string> Recipients,
    string School,
    IReadOnlyList<string> Areas,
    IReadOnlyList<string> Products,
    IReadOnlyList<string> ActiveIngredients,
    LocalDate ApplicationDate)
{
    public static NoticeDetail From(PlannedApplication application)
    {
        var content = application.Notice.Content;
        return new NoticeDetail(
            // Single recipients only: the enum also names their combination.
            Enum.GetValues<NoticeRecipients>()
                .Where(r => r != NoticeRecipients.None && ((int)r & ((int)r - 1)) == 0 && application.Notice.Recipients.HasFlag(r))
                .Select(r => r.ToString()).ToList(),
            content.School, content.Areas, content.Products, content.ActiveIngredients, content.ApplicationDate);
    }
}
