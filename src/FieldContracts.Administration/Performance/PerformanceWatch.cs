using System.Globalization;
using FieldContracts.Administration.Deficiencies;
using NodaTime;

namespace FieldContracts.Administration.Performance;

/// <summary>
/// When the register suggests that Purchasing open a performance case. Bid #2685 names no threshold ("repeatedly
/// fails to provide the level of services required"), so these are the City's choice per contract.
/// </summary>
public sealed record PerformanceWatchSettings
{
    /// <summary>Three upheld deficiencies found within 30 days, or any chemical applied without a notice that counts.</summary>
    public static PerformanceWatchSettings Default { get; } = new(3, 30, true);

    /// <summary>The most upheld deficiencies a threshold may ask for.</summary>
    public const int MaximumUpheldThreshold = 50;

    /// <summary>The longest window: a year, leap day included.</summary>
    public const int MaximumWindowDays = 366;

    public PerformanceWatchSettings(int upheldThreshold, int windowDays, bool anyApplicationWithoutNotice)
    {
        if (Check(upheldThreshold, windowDays) is { } problem)
        {
            throw new ArgumentOutOfRangeException(problem.Field, problem.Message);
        }

        UpheldThreshold = upheldThreshold;
        WindowDays = windowDays;
        AnyApplicationWithoutNotice = anyApplicationWithoutNotice;
    }

    /// <summary>Why a threshold and window would be refused, by the parameter's name, or null when they may be set.</summary>
    public static (string Field, string Message)? Check(int upheldThreshold, int windowDays) =>
        upheldThreshold is < 1 or > MaximumUpheldThreshold
            ? (nameof(upheldThreshold), $"The threshold is 1 to {MaximumUpheldThreshold} upheld deficiencies.")
            : windowDays is < 1 or > MaximumWindowDays
                ? (nameof(windowDays), $"The window is 1 to {MaximumWindowDays} days.")
                : null;

    /// <summary>How many upheld deficiencies within the window suggest a case.</summary>
    public int UpheldThreshold { get; }

    /// <summary>The window in calendar days, ending today inclusive: 30 means today and the 29 days before.</summary>
    public int WindowDays { get; }

    /// <summary>Whether a single chemical application without a notice that counts (spec VII) suggests a case.</summary>
    public bool AnyApplicationWithoutNotice { get; }
}

/// <summary>The watch rule's answer.</summary>
/// <param name="OpenCase">Whether opening a case is suggested. A suggestion only: Purchasing decides.</param>
/// <param name="Reasons">Why, or why not, in sentences.</param>
/// <param name="DeficiencyIds">The deficiencies a case would name: those behind the suggestion still neither cured nor withdrawn.</param>
public sealed record WatchSuggestion(bool OpenCase, IReadOnlyList<string> Reasons, IReadOnlyList<Guid> DeficiencyIds);

/// <summary>The watch rule over a contract's deficiency register.</summary>
public static class PerformanceWatch
{
    /// <summary>The window the rule looks at on <paramref name="today"/>: <paramref name="days"/> days ending today, inclusive.</summary>
    public static DateInterval Window(LocalDate today, int days) => new(today.PlusDays(1 - days), today);

    /// <summary>
    /// Whether the register of <paramref name="contractId"/> suggests a case on <paramref name="today"/>: deficiencies
    /// found within the window that Purchasing upheld (a later cure does not undo the failure), at least the threshold
    /// of them; or, when the settings say so, any chemical application without a notice that counts found within the
    /// window and not withdrawn. Deficiencies are placed in the window by the day they were found.
    /// </summary>
    public static WatchSuggestion Assess(Guid contractId, IEnumerable<Deficiency> register, PerformanceWatchSettings settings,
        LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(register);
        ArgumentNullException.ThrowIfNull(settings);
        var window = Window(today, settings.WindowDays);
        var inWindow = register.Where(d => d.ContractId == contractId && window.Contains(d.FoundOn)).ToList();
        var from = Format(window.Start);
        var to = Format(window.End);

        var upheld = inWindow.Where(WasUpheld).ToList();
        var applications = settings.AnyApplicationWithoutNotice
            ? inWindow.Where(d => d is { Kind: DeficiencyKind.ApplicationWithoutNotice, Status: not DeficiencyStatus.Withdrawn }).ToList()
            : [];

        var reasons = new List<string>();
        var behind = new List<Deficiency>();
        if (upheld.Count >= settings.UpheldThreshold)
        {
            reasons.Add($"{upheld.Count} deficiencies found from {from} to {to} were upheld, at or over the threshold of "
                + $"{settings.UpheldThreshold} within {settings.WindowDays} days (special instruction 7 A: repeated failure).");
            behind.AddRange(upheld);
        }
        else
        {
            reasons.Add($"{upheld.Count} deficiencies found from {from} to {to} were upheld, under the threshold of "
                + $"{settings.UpheldThreshold} within {settings.WindowDays} days.");
        }

        if (applications.Count > 0)
        {
            reasons.Add($"{applications.Count} chemical application(s) without a notice that counts were found from {from} to "
                + $"{to} (spec VII; CGS 10-231c).");
            behind.AddRange(applications);
        }

        var toName = behind.Where(d => !d.IsClosed).DistinctBy(d => d.Id).OrderBy(d => d.FoundOn).ToList();
        if (behind.Count > 0 && toName.Count == 0)
        {
            reasons.Add("All of them have since been cured; a case would have nothing left to name.");
        }

        return new WatchSuggestion(toName.Count > 0, reasons, toName.Select(d => d.Id).ToList());
    }

    private static bool WasUpheld(Deficiency deficiency) =>
        deficiency.Status == DeficiencyStatus.Upheld || deficiency.Steps.Any(s => s.Action == DeficiencyAction.Uphold);

    private static string Format(LocalDate date) => date.ToString("MMM d, yyyy", CultureInfo.InvariantCulture);
}
