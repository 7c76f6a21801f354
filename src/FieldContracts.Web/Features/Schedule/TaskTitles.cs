using FieldContracts.Scheduling.Specification;

namespace FieldContracts.Web.Features.Schedule;

/// <summary>What a task is called on pages and in calendars: its title in the specification it comes from.</summary>
public static class TaskTitles
{
    private static readonly Dictionary<string, string> Known =
        Specification2685.Specification.Tasks.ToDictionary(t => t.Key, t => t.Name, StringComparer.Ordinal);

    /// <summary>The title of a task of #2685's specification; any other task's key when its specification is not at hand.</summary>
    public static string Of(string taskKey) => Known.TryGetValue(taskKey, out var title) ? title : taskKey;

    /// <summary>The title of a task in the contract's own specification.</summary>
    public static string Of(string taskKey, ContractSpecification? specification) =>
        specification?.Tasks.FirstOrDefault(t => t.Key == taskKey) is { } task ? task.Name : Of(taskKey);
}
