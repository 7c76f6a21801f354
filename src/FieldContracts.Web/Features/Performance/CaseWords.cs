using System.Globalization;
using FieldContracts.Administration.Performance;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Infrastructure;

namespace FieldContracts.Web.Features.Performance;

/// <summary>How a performance case and its steps read on the pages and in emails.</summary>
public static class CaseWords
{
    public static string Status(PerformanceCaseStatus status) => status switch
    {
        PerformanceCaseStatus.Opened => "Opened",
        PerformanceCaseStatus.MeetingScheduled => "Meeting scheduled (7 A)",
        PerformanceCaseStatus.MeetingHeld => "Meeting held (7 A)",
        PerformanceCaseStatus.RemedialPeriodSet => "Remedial period set, notice not sent (7 B)",
        PerformanceCaseStatus.RemedialPeriodRunning => "Remedial period running (7 B)",
        PerformanceCaseStatus.ClosedCured => "Closed: cured",
        PerformanceCaseStatus.TerminatedForCause => "Terminated for cause (7 C)",
        _ => "Withdrawn",
    };

    public static string Action(PerformanceCaseAction action) => action switch
    {
        PerformanceCaseAction.Open => "Case opened",
        PerformanceCaseAction.ScheduleMeeting => "Meeting scheduled",
        PerformanceCaseAction.HoldMeeting => "Meeting held",
        PerformanceCaseAction.SetRemedialPeriod => "Remedial period set",
        PerformanceCaseAction.SendCureNotice => "Cure notice sent",
        PerformanceCaseAction.VerifyCure => "Cure inspected",
        PerformanceCaseAction.TerminateForCause => "Terminated for cause",
        PerformanceCaseAction.Withdraw => "Case withdrawn",
        PerformanceCaseAction.Respond => "Contractor's response",
        _ => "Cure submitted by the contractor",
    };

    /// <summary>The button that takes the step.</summary>
    public static string Button(PerformanceCaseAction action) => action switch
    {
        PerformanceCaseAction.ScheduleMeeting => "Schedule the meeting and send the invitation",
        PerformanceCaseAction.HoldMeeting => "Record the meeting",
        PerformanceCaseAction.SetRemedialPeriod => "Set the remedial period",
        PerformanceCaseAction.SendCureNotice => "Send the cure notice",
        PerformanceCaseAction.VerifyCure => "Record the inspection",
        PerformanceCaseAction.TerminateForCause => "Terminate for cause",
        PerformanceCaseAction.Withdraw => "Withdraw the case",
        PerformanceCaseAction.Respond => "Send the response",
        _ => "Submit the cure",
    };

    /// <summary>A step's own data in sentences, for the timeline.</summary>
    public static IReadOnlyList<string> Details(PerformanceCaseCommand? command, PerformanceCase performanceCase) => command switch
    {
        PerformanceCaseCommand.ScheduleMeeting c =>
            [$"On {Display.Long(c.On)} at {c.Place}.", $"Attendees: {string.Join("; ", c.Attendees)}."],
        PerformanceCaseCommand.HoldMeeting c =>
            [$"Held on {Display.Long(c.HeldOn)}.", $"Minutes: {c.Minutes}", $"The contractor's response: {c.ContractorResponse}"],
        PerformanceCaseCommand.SetRemedialPeriod c =>
        [
            $"From {Display.Long(c.StartsOn)} to {Display.Long(c.EndsOn)}, both days included ({Days(c.StartsOn, c.EndsOn)}).",
            .. c.Requirements.Select(r => $"To cure: {Evidence(performanceCase, r.DeficiencyId)} Cured means: {r.CuredMeans}"),
        ],
        PerformanceCaseCommand.SendCureNotice c => [$"Sent {Display.Time(c.SentAt.InZone(Hartford.Zone))}."],
        PerformanceCaseCommand.VerifyCure c =>
            [$"{(c.Cured ? "Cured" : "Not cured")} at the inspection of {Display.Long(c.InspectedOn)}: {Evidence(performanceCase, c.DeficiencyId)}"],
        PerformanceCaseCommand.TerminateForCause c =>
            [$"Effective {Display.Long(c.EffectiveOn)}; the last day of service is {Display.Long(c.EffectiveOn.PlusDays(-1))}."],
        PerformanceCaseCommand.SubmitCure c => [$"For: {Evidence(performanceCase, c.DeficiencyId)}"],
        _ => [],
    };

    public static string Days(NodaTime.LocalDate startsOn, NodaTime.LocalDate endsOn)
    {
        var days = NodaTime.Period.DaysBetween(startsOn, endsOn) + 1;
        return days == 1 ? "1 day" : string.Create(CultureInfo.InvariantCulture, $"{days} days");
    }

    private static string Evidence(PerformanceCase performanceCase, Guid deficiencyId) =>
        performanceCase.Deficiencies.FirstOrDefault(d => d.DeficiencyId == deficiencyId)?.Evidence ?? deficiencyId.ToString();
}
