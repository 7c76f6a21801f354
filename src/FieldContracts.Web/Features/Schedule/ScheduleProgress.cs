using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.WorkLogs;
using FieldContracts.Scheduling.Planning;
using FieldContracts.Web.Features.Shared;
using NodaTime;

namespace FieldContracts.Web.Features.Schedule;

/// <summary>Where a piece of planned work stands, as the term and list views mark it.</summary>
public enum WorkProgress
{
    /// <summary>Not done yet, and not in the missed-work register.</summary>
    Planned,

    /// <summary>Logged as done inside its window (or before it).</summary>
    Done,

    /// <summary>Logged as done after its window ended.</summary>
    Late,

    /// <summary>In the missed-work register: nothing was logged in its window.</summary>
    Missed,
}

public static class ScheduleProgress
{
    /// <summary>The values the list's status filter takes, in the order it offers them.</summary>
    public static IReadOnlyList<WorkProgress> All { get; } = Enum.GetValues<WorkProgress>();

    /// <summary>
    /// Missed is the register's word (the nightly pass raises it); late is the timeliness rule's (done after the window's
    /// last day, for work held to its window); anything else logged is done.
    /// </summary>
    public static WorkProgress Of(OccurrenceSummary o) => o switch
    {
        { Missed: true } => WorkProgress.Missed,
        { LoggedOn: { } done } when WorkTimeliness.IsHeldToWindow(o.Status, o.Cancelled)
                                    && WorkTimeliness.Judge(new DateInterval(o.WindowStart, o.WindowEnd), done, done) == Timeliness.Late =>
            WorkProgress.Late,
        { LoggedOn: not null } => WorkProgress.Done,
        _ => WorkProgress.Planned,
    };

    /// <summary>The word a page shows: "Planned", "Done", "Done late", "Missed".</summary>
    public static string Word(WorkProgress progress) => progress switch
    {
        WorkProgress.Planned => "Planned",
        WorkProgress.Done => "Done",
        WorkProgress.Late => "Done late",
        WorkProgress.Missed => "Missed",
        _ => progress.ToString(),
    };

    /// <summary>The value the status filter takes in a URL: planned, done, late, missed.</summary>
    public static string Value(WorkProgress progress) => progress.ToString().ToLowerInvariant();

    /// <summary>The occurrence's standing in a sentence for a list cell: "Done Jul 18, 2003", "Missed", "Planned · Waits for …".</summary>
    public static string Describe(OccurrenceSummary o)
    {
        var progress = Of(o);
        var text = progress switch
        {
            WorkProgress.Done or WorkProgress.Late => $"{Word(progress)} {Display.Short(o.LoggedOn!.Value)}",
            _ => Word(progress),
        };
        return o.Status == OccurrenceStatus.Planned ? text : $"{text} · {Display.Status(o.Status)}";
    }

    /// <summary>A visit's review status in words.</summary>
    public static string Visit(VisitStatus status) => status switch
    {
        VisitStatus.Submitted => "awaiting verification",
        VisitStatus.Verified => "verified",
        VisitStatus.Disputed => "disputed",
        VisitStatus.Answered => "answered, awaiting the Athletic Director",
        _ => status.ToString(),
    };
}
