using FieldContracts.Scheduling.Contracts;
using FieldContracts.Scheduling.Specification;
using NodaTime;

namespace FieldContracts.Scheduling.Planning;

/// <summary>
/// Everything a seasonal plan is made from, as an immutable snapshot: the contract's term and
/// settings, its schools and areas, the specification, and the facts recorded so far. The planner
/// reads nothing else, so the same input always gives the same plan.
/// </summary>
/// <param name="ContractId">The contract; part of every occurrence identifier.</param>
/// <param name="Term">The contract term, both ends inclusive; nothing is planned outside it.</param>
/// <param name="Zone">The schools' time zone, America/New_York for Hartford.</param>
/// <param name="Settings">Mowing cadence, notice lead time and application hours.</param>
/// <param name="Specification">The seasons and tasks of the contract's specification.</param>
/// <param name="Sites">The schools, in the order the contract lists them.</param>
/// <param name="Facts">What has been recorded so far: growth, dormancy, logged work, moves, notices sent.</param>
public sealed record PlanInput(
    Guid ContractId,
    DateInterval Term,
    DateTimeZone Zone,
    PlanSettings Settings,
    ContractSpecification Specification,
    IReadOnlyList<SiteInput> Sites,
    PlanFacts Facts)
{
    /// <summary>The zone of the City of Hartford's schools.</summary>
    public static DateTimeZone Hartford => DateTimeZoneProviders.Tzdb["America/New_York"];

    /// <summary>
    /// The input for <paramref name="contract"/> as the contract model holds it. The term ends the
    /// day before a termination. Schools without <paramref name="siteFacts"/> have an empty
    /// calendar and no end of fall sports recorded.
    /// </summary>
    public static PlanInput FromContract(Contract contract, ContractSpecification specification, DateTimeZone zone,
        IReadOnlyDictionary<Guid, SiteFacts>? siteFacts = null, PlanFacts? facts = null,
        ApplicationHours? applicationHours = null)
    {
        ArgumentNullException.ThrowIfNull(contract);
        var term = contract.Term;
        if (contract.TerminatedOn is { } terminated && terminated <= term.End)
        {
            term = terminated > term.Start ? new DateInterval(term.Start, terminated.PlusDays(-1)) : new DateInterval(term.Start, term.Start);
        }

        var sites = new SiteInput[contract.Sites.Count];
        for (var i = 0; i < sites.Length; i++)
        {
            var site = contract.Sites[i];
            var known = siteFacts is not null && siteFacts.TryGetValue(site.Id, out var f) ? f : SiteFacts.None;
            sites[i] = new SiteInput(site.Id, site.Code, site.Name,
                site.Areas.Select(a => new AreaInput(a.Id, a.Name, a.Kind, a.Seasons.ToArray())).ToArray(),
                known.Calendar, known.EndOfFallSports);
        }

        var settings = new PlanSettings(contract.Settings.MowingCadenceDays, contract.Settings.ChemicalNoticeLeadTime,
            applicationHours ?? ApplicationHours.Default)
        {
            CrewsPerDay = contract.Settings.CrewsPerDay,
            ReEntryBuffer = contract.Settings.ReEntryBuffer,
            WorkCalendar = contract.Settings.WorkCalendar,
        };
        return new PlanInput(contract.Id, term, zone, settings, specification, sites, facts ?? PlanFacts.None);
    }
}

/// <summary>The contract settings the planner uses.</summary>
/// <param name="MowingCadenceDays">Calendar days between planned mowings.</param>
/// <param name="ChemicalNoticeLeadTime">Elapsed time a chemical pre-notification precedes the application by.</param>
/// <param name="ApplicationHours">When in the day chemical applications are planned, and how long they take.</param>
public sealed record PlanSettings(int MowingCadenceDays, Duration ChemicalNoticeLeadTime, ApplicationHours ApplicationHours)
{
    /// <summary>Chemical applications a day across the contract, one per crew, never two at one school on one day.</summary>
    public int CrewsPerDay { get; init; } = ContractSettings.DefaultCrewsPerDay;

    /// <summary>Time after an application ends before any activity at the school (re-entry); a label may ask for more.</summary>
    public Duration ReEntryBuffer { get; init; } = ContractSettings.DefaultReEntryBuffer;

    /// <summary>The working days; the schools' closures are added per school.</summary>
    public WorkCalendar WorkCalendar { get; init; } = WorkCalendar.MondayToSaturday;

    /// <summary>
    /// Why nothing but an emergency is done at <paramref name="site"/> on <paramref name="day"/>: a day the contract does not
    /// work ("Sunday", "Thanksgiving Day") or the school closed; null on a working day. The one statement of the rule, for
    /// the planner and for moves by hand.
    /// </summary>
    public NonWorkingDay? NonWorking(SiteInput site, LocalDate day) =>
        WorkCalendar.WhyNotWorking(day) is { } why ? new NonWorkingDay(why, SchoolClosed: false)
        : site.Calendar.IsClosed(day) ? new NonWorkingDay($"{site.Name} is closed", SchoolClosed: true)
        : null;
}

/// <summary>Why a day is not worked at a school, and whether because the school is closed.</summary>
public readonly record struct NonWorkingDay(string Why, bool SchoolClosed);

/// <summary>A school as the planner sees it.</summary>
/// <param name="Id">The site.</param>
/// <param name="Code">Short code, e.g. "HPHS"; orders occurrences on the same day.</param>
/// <param name="Name">The school's name, as chemical notices give it.</param>
/// <param name="Areas">The school's areas, in the contract's order.</param>
/// <param name="Calendar">School hours and activities that chemical applications avoid.</param>
/// <param name="EndOfFallSports">The last day of fall sports by year, as the Athletic Director recorded it (item 4d).</param>
public sealed record SiteInput(
    Guid Id,
    string Code,
    string Name,
    IReadOnlyList<AreaInput> Areas,
    SchoolCalendar Calendar,
    IReadOnlyDictionary<int, LocalDate> EndOfFallSports);

/// <summary>An area of a school as the planner sees it.</summary>
/// <param name="Seasons">The sport seasons during which the area counts as in season for cutting heights.</param>
public sealed record AreaInput(Guid Id, string Name, AreaKind Kind, IReadOnlyList<SportSeason> Seasons)
{
    /// <summary>Whether any of the area's sports is in season on <paramref name="date"/>.</summary>
    public bool IsInSeason(LocalDate date)
    {
        foreach (var season in Seasons)
        {
            if (season.Contains(date))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Per-school facts the contract model does not hold.</summary>
public sealed record SiteFacts(SchoolCalendar Calendar, IReadOnlyDictionary<int, LocalDate> EndOfFallSports)
{
    public static SiteFacts None { get; } = new(SchoolCalendar.Empty, new Dictionary<int, LocalDate>());
}

/// <summary>
/// Facts recorded against a contract that the plan follows.
/// </summary>
/// <param name="GrowthStart">The day grass began growing, by year (item 2d); without it mowing starts with spring.</param>
/// <param name="Dormancy">The day grass went dormant, by year (item 5a): the last day mowing is planned.</param>
/// <param name="Logged">The day work was logged as done, by occurrence; logged occurrences never move.</param>
/// <param name="Moves">Occurrences moved by hand, by occurrence.</param>
/// <param name="SentNotices">Chemical notices already sent, by occurrence.</param>
public sealed record PlanFacts(
    IReadOnlyDictionary<int, LocalDate> GrowthStart,
    IReadOnlyDictionary<int, LocalDate> Dormancy,
    IReadOnlyDictionary<Guid, LocalDate> Logged,
    IReadOnlyDictionary<Guid, OccurrenceMove> Moves,
    IReadOnlyDictionary<Guid, SentNotice> SentNotices)
{
    public static PlanFacts None { get; } = new(
        new Dictionary<int, LocalDate>(), new Dictionary<int, LocalDate>(), new Dictionary<Guid, LocalDate>(),
        new Dictionary<Guid, OccurrenceMove>(), new Dictionary<Guid, SentNotice>());
}

/// <summary>
/// An occurrence moved to another day (and for a chemical application, optionally a time). Moves are
/// checked with <see cref="PlanEdits.CheckMove"/> before they are recorded; a move outside the term
/// is not followed.
/// </summary>
/// <param name="To">The new day.</param>
/// <param name="At">The new start time of a chemical application; null to take the earliest free time that day.</param>
/// <param name="EmergencyReason">Why a chemical application must happen during school hours or an activity; null if it need not.</param>
public sealed record OccurrenceMove(LocalDate To, LocalTime? At = null, string? EmergencyReason = null);
