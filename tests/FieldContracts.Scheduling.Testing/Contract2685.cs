using System.Text.Json;
using FieldContracts.Scheduling.Contracts;
using NodaTime;
using NodaTime.Text;

namespace FieldContracts.Scheduling.Testing;

/// <summary>
/// Bid #2685 as its one data file says (<c>contracts/contract-2685.json</c>): term, award, settings, and the schools
/// with their areas and sport seasons. Tests and benchmarks build their contracts from this with identifiers of their
/// own; the specification is <c>Specification2685</c>, read from the same file.
/// </summary>
public static class Contract2685
{
    private static readonly JsonElement Root = ReadRoot();

    public static string Title => Root.GetProperty("title").GetString()!;

    public static LocalDate AwardedOn => Date(Root.GetProperty("awardedOn"));

    /// <summary>Special instruction 5: "commencing on or about May 15, 2003 and ending on December 31, 2004."</summary>
    public static DateInterval Term => new(Date(Root.GetProperty("term").GetProperty("start")), Date(Root.GetProperty("term").GetProperty("end")));

    public static int MowingCadenceDays => Settings.GetProperty("mowingCadenceDays").GetInt32();

    public static Duration ChemicalNoticeLeadTime => Duration.FromHours(Settings.GetProperty("chemicalNoticeLeadHours").GetInt32());

    public static SubcontractingPolicy Subcontracting => Enum.Parse<SubcontractingPolicy>(Settings.GetProperty("subcontracting").GetString()!);

    public static int CrewsPerDay => Settings.GetProperty("crewsPerDay").GetInt32();

    public static Duration ReEntryBuffer => Duration.FromHours(Settings.GetProperty("reEntryHours").GetInt32());

    /// <summary>The working days of the week and the City's holidays 2003–2004.</summary>
    public static WorkCalendar WorkCalendar { get; } = new(
        Settings.GetProperty("workingDays").EnumerateArray().Select(d => Enum.Parse<IsoDayOfWeek>(d.GetString()!)),
        Settings.GetProperty("holidays").EnumerateArray().Select(h => new Holiday(Date(h.GetProperty("date")), h.GetProperty("name").GetString()!)));

    /// <summary>The schools in the file's order (general requirements I–III), each with its areas in the file's order.</summary>
    public static IReadOnlyList<SiteEntry> Sites { get; } = Root.GetProperty("sites").EnumerateArray().Select(s => new SiteEntry(
        s.GetProperty("code").GetString()!,
        s.GetProperty("name").GetString()!,
        Address(s.GetProperty("address")),
        new GeoPoint(s.GetProperty("latitude").GetDecimal(), s.GetProperty("longitude").GetDecimal()),
        s.GetProperty("areas").EnumerateArray().Select(a => new AreaEntry(
            a.GetProperty("name").GetString()!,
            Enum.Parse<AreaKind>(a.GetProperty("kind").GetString()!),
            a.GetProperty("seasons").EnumerateArray().Select(x => new SportSeason(x.GetProperty("sport").GetString()!,
                AnnualDay(x.GetProperty("from")), AnnualDay(x.GetProperty("to")))).ToList())).ToList())).ToList();

    /// <summary>The estimated quantity of the price line of <paramref name="item"/> for the school <paramref name="school"/>.</summary>
    public static decimal EstimatedQuantity(string item, string school) => Root.GetProperty("priceLines").EnumerateArray()
        .Single(l => l.GetProperty("item").GetString() == item && l.TryGetProperty("school", out var s) && s.GetString() == school)
        .GetProperty("estimatedQuantity").GetDecimal();

    /// <summary>The first sport season of that name the file gives any area.</summary>
    public static SportSeason Season(string sport) =>
        Sites.SelectMany(s => s.Areas).SelectMany(a => a.Seasons).First(s => s.Sport == sport);

    /// <summary>
    /// The contract with the file's term, settings, schools and areas, under <paramref name="number"/>; the
    /// identifiers come from <paramref name="siteId"/> (the school's place in the file, from 1) and
    /// <paramref name="areaId"/> (the school's place and the area's, from 1).
    /// </summary>
    public static Contract Build(Guid contractId, string number, Guid contractorId, Func<int, Guid> siteId, Func<int, int, Guid> areaId,
        int? mowingCadenceDays = null)
    {
        var contract = new Contract(contractId, number, Title, contractorId, Term, AwardedOn,
            new ContractSettings(Subcontracting, ChemicalNoticeLeadTime, mowingCadenceDays ?? MowingCadenceDays, CrewsPerDay, ReEntryBuffer,
                WorkCalendar));
        for (var s = 0; s < Sites.Count; s++)
        {
            var entry = Sites[s];
            var site = contract.AddSite(siteId(s + 1), entry.Code, entry.Name, entry.Address, entry.Location);
            for (var a = 0; a < entry.Areas.Count; a++)
            {
                site.AddArea(areaId(s + 1, a + 1), entry.Areas[a].Name, entry.Areas[a].Kind, entry.Areas[a].Seasons);
            }
        }

        return contract;
    }

    private static JsonElement Settings => Root.GetProperty("settings");

    private static JsonElement ReadRoot()
    {
        using var stream = typeof(Contract2685).Assembly.GetManifestResourceStream("FieldContracts.Scheduling.Testing.contract-2685.json")
                           ?? throw new InvalidOperationException("The contract file of bid #2685 is not in the assembly.");
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.Clone();
    }

    private static LocalDate Date(JsonElement e) => LocalDatePattern.Iso.Parse(e.GetString()!).Value;

    private static AnnualDate AnnualDay(JsonElement e) => AnnualDatePattern.Iso.Parse(e.GetString()!).Value;

    private static PostalAddress Address(JsonElement e) => new(e.GetProperty("street").GetString()!, e.GetProperty("city").GetString()!,
        e.GetProperty("state").GetString()!, e.GetProperty("postalCode").GetString()!);

    public sealed record SiteEntry(string Code, string Name, PostalAddress Address, GeoPoint Location, IReadOnlyList<AreaEntry> Areas);

    public sealed record AreaEntry(string Name, AreaKind Kind, IReadOnlyList<SportSeason> Seasons);
}
