using System.Text.Json;
using System.Text.Json.Serialization;
using FieldContracts.Scheduling.Contracts;
using NodaTime;

namespace FieldContracts.Scheduling.Specification;

/// <summary>Why a specification document could not be read: a sentence, and where in the document.</summary>
public sealed class SpecificationFormatException(string path, string message) : Exception($"{path}: {message}")
{
    /// <summary>The JSON path of what is wrong, e.g. <c>tasks[3].recurrence.type</c>.</summary>
    public string Path { get; } = path;

    /// <summary>What is wrong, in words.</summary>
    public string Reason { get; } = message;
}

/// <summary>
/// A contract's specification as a JSON document: the shape of the <c>specification</c> member of a contract file
/// (e.g. <c>contract-2685.json</c>) and of the stored specification of a contract. The format is versioned
/// (<c>"format": 1</c>) and written with options of its own, so a change to the API's JSON never changes how a stored
/// specification is read. Annual dates are <c>MM-dd</c>; recurrences are tagged by <c>type</c>.
/// </summary>
public static class SpecificationJson
{
    /// <summary>The version this code writes and reads.</summary>
    public const int Format = 1;

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        WriteIndented = false,
    };

    public static string Write(ContractSpecification specification) => JsonSerializer.Serialize(ToDocument(specification), Options);

    public static JsonElement WriteElement(ContractSpecification specification) => JsonSerializer.SerializeToElement(ToDocument(specification), Options);

    /// <summary>Reads a specification; throws <see cref="SpecificationFormatException"/> saying what and where when it cannot.</summary>
    public static ContractSpecification Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = ParseDocument(json);
        return Read(document.RootElement);
    }

    /// <inheritdoc cref="Read(string)"/>
    public static ContractSpecification Read(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new SpecificationFormatException("$", "A specification is a JSON object.");
        }

        if (!element.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.Number || format.GetInt32() != Format)
        {
            throw new SpecificationFormatException("format", $"Only specification format {Format} can be read.");
        }

        SpecificationDocument document;
        try
        {
            document = element.Deserialize<SpecificationDocument>(Options)
                       ?? throw new SpecificationFormatException("$", "The specification is empty.");
        }
        catch (JsonException ex)
        {
            throw new SpecificationFormatException(ex.Path is { Length: > 1 } p ? p.TrimStart('$', '.') : "$", "This value is not of the expected type or form.");
        }

        return FromDocument(document);
    }

    private static JsonDocument ParseDocument(string json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            throw new SpecificationFormatException("$", "The specification is not well-formed JSON.");
        }
    }

    private static SpecificationDocument ToDocument(ContractSpecification s) => new(
        Format,
        s.BidNumber,
        s.Seasons.Select(season => new SeasonDocument(season.Key, season.Name, season.ItemReference, season.BidText,
            Annual(season.DefaultStart), Annual(season.DefaultEnd))).ToList(),
        s.Tasks.Select(t => new TaskDocument(t.Key, t.ItemReference, t.Title, t.BidText, t.SeasonKey, t.Kind,
            t.Scope.IsAllAreas ? new ScopeDocument(true, null) : new ScopeDocument(null, t.Scope.Kinds.ToList()),
            t.Materials.Select(m => new MaterialDocument(m.Name, m.Rate, m.IsChemical, m.ActiveIngredients.ToList(), m.IsSampleProduct ? true : null)
                {
                    ReEntryHours = m.ReEntryHours, SeedingIntervalDays = m.SeedingIntervalDays, SafeOnNewSeeding = m.SafeOnNewSeeding ? true : null,
                }).ToList(),
            Recurrence(t.Recurrence), t.Deliverable) { DeliverableTo = t.DeliverableTo }).ToList());

    private static RecurrenceDocument Recurrence(Recurrence r) => r switch
    {
        Specification.Recurrence.OncePerSeason once => new RecurrenceDocument("oncePerSeason")
        {
            WindowStart = once.Window is { } w ? Annual(w.Start) : null,
            WindowEnd = once.Window is { } e ? Annual(e.End) : null,
            Preferred = once.Preferred is { } p ? Annual(p) : null,
        },
        Specification.Recurrence.MowingCadence cadence => new RecurrenceDocument("mowingCadence") { DefaultDormancy = Annual(cadence.DefaultDormancy) },
        Specification.Recurrence.ContinuesSeries series => new RecurrenceDocument("continuesSeries") { SeriesTask = series.SeriesTaskKey },
        Specification.Recurrence.EveryDays every => new RecurrenceDocument("everyDays") { Days = every.Days, ThroughSeason = every.ThroughSeasonKey },
        Specification.Recurrence.FollowUp follow => new RecurrenceDocument("followUp")
        {
            AfterTask = follow.AfterTaskKey, MinDays = follow.MinDays, MaxDays = follow.MaxDays,
        },
        Specification.Recurrence.Triggered triggered => new RecurrenceDocument("triggered")
        {
            Event = triggered.Event, ResponseDays = triggered.ResponseDays,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(r), r, "Unknown recurrence."),
    };

    private static ContractSpecification FromDocument(SpecificationDocument d)
    {
        var seasons = new List<SeasonDefinition>();
        for (var i = 0; i < (d.Seasons?.Count ?? 0); i++)
        {
            var s = d.Seasons![i];
            var path = $"seasons[{i}]";
            seasons.Add(new SeasonDefinition(Required(s.Key, $"{path}.key"), Required(s.Name, $"{path}.name"), s.ItemReference ?? "",
                s.BidText ?? "", Annual(s.DefaultStart, $"{path}.defaultStart"), Annual(s.DefaultEnd, $"{path}.defaultEnd")));
        }

        var tasks = new List<TaskDefinition>();
        for (var i = 0; i < (d.Tasks?.Count ?? 0); i++)
        {
            var t = d.Tasks![i];
            var path = $"tasks[{i}]";
            var scope = t.Scope is { AllAreas: true } ? AreaScope.AllAreas
                : t.Scope?.Kinds is { Count: > 0 } kinds ? AreaScope.Of([.. kinds])
                : throw new SpecificationFormatException($"{path}.scope", "Give allAreas: true or the kinds of area covered.");
            var materials = (t.Materials ?? []).Select((m, j) => new Material(Required(m.Name, $"{path}.materials[{j}].name"), m.Rate ?? "",
                m.Chemical ?? false, m.ActiveIngredients ?? [], m.Sample ?? false,
                NotNegative(m.ReEntryHours, $"{path}.materials[{j}].reEntryHours"),
                NotNegative(m.SeedingIntervalDays, $"{path}.materials[{j}].seedingIntervalDays"), m.SafeOnNewSeeding ?? false)).ToList();
            tasks.Add(new TaskDefinition(Required(t.Key, $"{path}.key"), t.ItemReference ?? "", t.BidText ?? "",
                Required(t.Season, $"{path}.season"), t.Kind ?? throw new SpecificationFormatException($"{path}.kind", "Give the kind of work."),
                scope, materials, Recurrence(t.Recurrence, $"{path}.recurrence"), t.Deliverable, t.Title, t.DeliverableTo));
        }

        try
        {
            return new ContractSpecification(Required(d.BidNumber, "bidNumber"), seasons, tasks);
        }
        catch (ArgumentException ex)
        {
            throw new SpecificationFormatException("$", ex.Message);
        }
    }

    private static Recurrence Recurrence(RecurrenceDocument? r, string path) => r?.Type switch
    {
        "oncePerSeason" => new Recurrence.OncePerSeason(
            r.WindowStart is null && r.WindowEnd is null
                ? null
                : new AnnualWindow(Annual(r.WindowStart, $"{path}.windowStart"), Annual(r.WindowEnd, $"{path}.windowEnd")),
            r.Preferred is null ? null : Annual(r.Preferred, $"{path}.preferred")),
        "mowingCadence" => new Recurrence.MowingCadence(Annual(r.DefaultDormancy, $"{path}.defaultDormancy")),
        "continuesSeries" => new Recurrence.ContinuesSeries(Required(r.SeriesTask, $"{path}.seriesTask")),
        "everyDays" => new Recurrence.EveryDays(r.Days ?? throw new SpecificationFormatException($"{path}.days", "Give the number of days."),
            r.ThroughSeason),
        "followUp" => new Recurrence.FollowUp(Required(r.AfterTask, $"{path}.afterTask"),
            r.MinDays ?? throw new SpecificationFormatException($"{path}.minDays", "Give the fewest days after."),
            r.MaxDays ?? throw new SpecificationFormatException($"{path}.maxDays", "Give the most days after.")),
        "triggered" => new Recurrence.Triggered(r.Event ?? throw new SpecificationFormatException($"{path}.event", "Give the event."),
            r.ResponseDays ?? throw new SpecificationFormatException($"{path}.responseDays", "Give the days to respond.")),
        _ => throw new SpecificationFormatException($"{path}.type",
            "Give the recurrence: oncePerSeason, mowingCadence, continuesSeries, everyDays, followUp or triggered."),
    };

    private static string Required(string? value, string path) =>
        string.IsNullOrWhiteSpace(value) ? throw new SpecificationFormatException(path, "This is required.") : value;

    private static int? NotNegative(int? value, string path) =>
        value is < 0 ? throw new SpecificationFormatException(path, "Give zero or more.") : value;

    private static string Annual(AnnualDate date) => $"{date.Month:00}-{date.Day:00}";

    private static AnnualDate Annual(string? text, string path)
    {
        if (text is { Length: 5 } && text[2] == '-' && int.TryParse(text.AsSpan(0, 2), out var month) && int.TryParse(text.AsSpan(3, 2), out var day)
            && month is >= 1 and <= 12 && day >= 1 && day <= (month == 2 ? 29 : DateTime.DaysInMonth(2001, month)))
        {
            return new AnnualDate(month, day);
        }

        throw new SpecificationFormatException(path, "Give a day of the year as MM-dd.");
    }

    private sealed record SpecificationDocument(int Format, string? BidNumber, IReadOnlyList<SeasonDocument>? Seasons, IReadOnlyList<TaskDocument>? Tasks);

    private sealed record SeasonDocument(string? Key, string? Name, string? ItemReference, string? BidText, string? DefaultStart, string? DefaultEnd);

    private sealed record TaskDocument(
        string? Key,
        string? ItemReference,
        string? Title,
        string? BidText,
        string? Season,
        TaskKind? Kind,
        ScopeDocument? Scope,
        IReadOnlyList<MaterialDocument>? Materials,
        RecurrenceDocument? Recurrence,
        string? Deliverable)
    {
        public string? DeliverableTo { get; init; }
    }

    private sealed record ScopeDocument(bool? AllAreas, IReadOnlyList<AreaKind>? Kinds);

    private sealed record MaterialDocument(string? Name, string? Rate, bool? Chemical, IReadOnlyList<string>? ActiveIngredients, bool? Sample)
    {
        public int? ReEntryHours { get; init; }

        public int? SeedingIntervalDays { get; init; }

        public bool? SafeOnNewSeeding { get; init; }
    }

    private sealed record RecurrenceDocument(string? Type)
    {
        public string? WindowStart { get; init; }

        public string? WindowEnd { get; init; }

        public string? Preferred { get; init; }

        public string? DefaultDormancy { get; init; }

        public string? SeriesTask { get; init; }

        public int? Days { get; init; }

        public string? ThroughSeason { get; init; }

        public string? AfterTask { get; init; }

        public int? MinDays { get; init; }

        public int? MaxDays { get; init; }

        public TriggerEvent? Event { get; init; }

        public int? ResponseDays { get; init; }
    }
}
