using System.Globalization;
using FieldContracts.Scheduling.Specification;
using FieldContracts.Web.Features.Shared;
using NodaTime;
using NodaTime.Text;

namespace FieldContracts.Web.Features.Schedule;

/// <summary>How the schedule's search box reads what is typed: words, each a day, a school, a task or a bid item.</summary>
public static class SearchWords
{
    private static readonly LocalDatePattern UsDate = LocalDatePattern.Create("M/d/uuuu", CultureInfo.InvariantCulture);

    public static IReadOnlyList<string> Split(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(8).ToList();

    /// <summary>A day typed as 2003-07-15 or 7/15/2003.</summary>
    public static LocalDate? Day(string word) =>
        LocalDatePattern.Iso.Parse(word) is { Success: true } iso ? iso.Value
        : UsDate.Parse(word) is { Success: true } us ? us.Value
        : null;

    /// <summary>The schools whose code is the word or whose name contains it.</summary>
    public static List<Guid> Sites(ScheduleContract contract, string word) =>
        contract.Sites.Where(s => string.Equals(s.Code, word, StringComparison.OrdinalIgnoreCase)
                                  || s.Name.Contains(word, StringComparison.OrdinalIgnoreCase))
            .Select(s => s.Id).ToList();

    /// <summary>The tasks whose title, or the display name of whose kind, contains the word.</summary>
    public static List<string> TaskKeys(ContractSpecification? specification, string word) =>
        (specification?.Tasks ?? [])
            .Where(t => t.Name.Contains(word, StringComparison.OrdinalIgnoreCase)
                        || Display.Kind(t.Kind).Contains(word, StringComparison.OrdinalIgnoreCase))
            .Select(t => t.Key).ToList();
}
