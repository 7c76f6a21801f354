using FieldContracts.Administration.Performance;
using FieldContracts.Web.Features.Shared;
using R = FieldContracts.Administration.Performance.PerformanceCaseRefusal;

namespace FieldContracts.Web.Features.Performance;

/// <summary>Why a step on a case or a termination was refused, as the pages and the API say it, with the field it concerns.</summary>
public static class CaseRefusals
{
    public static StepOutcome ToOutcome(PerformanceCaseRefusal refusal) => refusal switch
    {
        R.NotYourStep r => new StepOutcome.Forbidden(r.Action switch
        {
            PerformanceCaseAction.VerifyCure => "The Athletic Director or Purchasing verifies a cure; the contractor submits it for them to see.",
            PerformanceCaseAction.Respond or PerformanceCaseAction.SubmitCure => "Only the contractor answers a case and submits its cures.",
            _ => "Purchasing takes this step for the City.",
        }),
        R.NotNow r => new StepOutcome.Conflict("Not now.",
            $"The case stands at \"{CaseWords.Status(r.Status)}\": \"{CaseWords.Action(r.Action)}\" does not follow from there."),
        R.TextRequired => new StepOutcome.Invalid("text", "Say why, or what was done and seen."),
        R.DetailRequired r => new StepOutcome.Invalid(r.Detail switch
        {
            "place" => "place",
            "attendees" => "attendees",
            "minutes" => "minutes",
            "contractor's response" => "contractorResponse",
            _ => "requirements",
        }, r.Detail switch
        {
            "deficiencies to cure" => "Name at least one deficiency to cure, with what cured means for it.",
            "what cured means" => "Say what cured means for each deficiency to cure.",
            "attendees" => "Name who will attend, one per line.",
            "contractor's response" => "Record the contractor's response (if it did not come, say so).",
            var detail => $"The {detail} is required.",
        }),
        R.NoDeficiencies => new StepOutcome.Invalid("deficiencyIds", "Name at least one deficiency from the register."),
        R.DeficiencyClosed r => new StepOutcome.Invalid("deficiencyIds",
            $"Deficiency {r.DeficiencyId} is {r.Status.ToString().ToLowerInvariant()}: it is no complaint to answer."),
        R.DeficiencyOfAnotherContract r => new StepOutcome.Invalid("deficiencyIds", $"Deficiency {r.DeficiencyId} is not on this contract."),
        R.DeficiencyNotInCase r => new StepOutcome.Invalid("deficiencyId", $"Deficiency {r.DeficiencyId} is not named in this case."),
        R.DeficiencyNotInRemedialPeriod r => new StepOutcome.Invalid("deficiencyId",
            $"Deficiency {r.DeficiencyId} is not one the remedial period asks to cure."),
        R.MeetingInThePast r => new StepOutcome.Invalid("on", $"The meeting is set for a day to come: {Display.Long(r.On)} is before today, {Display.Long(r.Today)}."),
        R.DateInTheFuture r => new StepOutcome.Invalid(r.Action == PerformanceCaseAction.HoldMeeting ? "heldOn" : "inspectedOn",
            $"{Display.Long(r.Date)} has not come yet (today is {Display.Long(r.Today)}): record it once it has happened."),
        R.RemedialPeriodEndsBeforeItStarts r => new StepOutcome.Invalid("endsOn",
            $"The period cannot end ({Display.Long(r.EndsOn)}) before it starts ({Display.Long(r.StartsOn)})."),
        R.RemedialPeriodEndsBeforeMeeting r => new StepOutcome.Invalid("endsOn",
            $"The period must end after the meeting of {Display.Long(r.MeetingHeldOn)}."),
        R.RemedialPeriodStartsBeforeMeeting r => new StepOutcome.Invalid("startsOn",
            $"The period starts on or after the meeting of {Display.Long(r.MeetingHeldOn)}, where the contractor answered."),
        R.RemedialPeriodEndsInThePast r => new StepOutcome.Invalid("endsOn",
            $"The period must end after today ({Display.Long(r.Today)}), or it gives no time to cure."),
        R.NoticeAfterPeriodStarts r => new StepOutcome.Conflict("Too late for this period.",
            $"The period began on {Display.Long(r.StartsOn)}: the notice must go out no later than its first day. Set the period again, then send the notice."),
        R.NoticeNotYetSent => new StepOutcome.Invalid("sentAt", "A notice is recorded once it went out, not before."),
        R.InspectedBeforePeriod r => new StepOutcome.Invalid("inspectedOn",
            $"The remedial period began on {Display.Long(r.StartsOn)}: an inspection before it is no verdict on the cure."),
        R.CuredAfterPeriod r => new StepOutcome.Invalid("inspectedOn",
            $"The remedial period ended on {Display.Long(r.EndsOn)}: special instruction 7 C asks for correction within it."),
        R.AlreadyCured r => new StepOutcome.Conflict("Already cured.", $"Deficiency {r.DeficiencyId} was verified cured; a cure stands."),
        R.MeetingNotHeld => new StepOutcome.Conflict("Meeting not held.",
            "Special instruction 7 A first: the City meets the contractor to hear its response before anything else."),
        R.RemedialPeriodNotSet => new StepOutcome.Conflict("No remedial period.",
            "Special instruction 7 B: a remedial period is set, and noticed, before termination for cause."),
        R.CureNoticeNotSent => new StepOutcome.Conflict("No cure notice.",
            "Special instruction 7 B: the remedial period has not begun to run until the contractor has its written notice."),
        R.RemedialPeriodNotExpired r => new StepOutcome.Conflict("The remedial period has not expired.",
            $"The period runs to {Display.Long(r.EndsOn)} inclusive: termination for cause is open from {Display.Long(r.EndsOn.PlusDays(1))}."),
        R.EffectiveInThePast r => new StepOutcome.Invalid("effectiveOn",
            $"A termination takes effect today ({Display.Long(r.Today)}) or later, not on {Display.Long(r.EffectiveOn)}."),
        R.EffectiveAfterTermEnds r => new StepOutcome.Invalid("effectiveOn",
            $"The term ends on {Display.Long(r.TermEnd)} anyway: there is nothing to terminate after it."),
        R.AlreadyTerminated r => new StepOutcome.Conflict("Already terminated.", $"The contract is no longer in force from {Display.Long(r.On)}."),
        _ => new StepOutcome.Conflict("Refused.", "The step was refused."),
    };

    public static StepOutcome ToOutcome(TerminationRefusal refusal) => refusal switch
    {
        TerminationRefusal.NotYourStep => new StepOutcome.Forbidden("Only Purchasing cancels a contract for the City."),
        TerminationRefusal.TextRequired => new StepOutcome.Invalid("text", "Give the City's reasons."),
        TerminationRefusal.ReasonNotInTheBid => new StepOutcome.Invalid("reason",
            "Choose one of special instruction 6's two conditions: funds not appropriated (A) or the need has ended (B)."),
        TerminationRefusal.AlreadyTerminated r => new StepOutcome.Conflict("Already terminated.",
            $"The contract is no longer in force from {Display.Long(r.On)}."),
        TerminationRefusal.NoticeInTheFuture r => new StepOutcome.Invalid("noticeOn",
            $"The notice is recorded once given: {Display.Long(r.NoticeOn)} is after today, {Display.Long(r.Today)}."),
        TerminationRefusal.NoticeTooShort r => new StepOutcome.Invalid("effectiveOn",
            $"Special instruction 6 asks for thirty (30) days' prior written notice: from {Display.Long(r.NoticeOn)} to "
            + $"{Display.Long(r.EffectiveOn)} is {r.Days} days. The earliest effective day is {Display.Long(r.NoticeOn.PlusDays(r.RequiredDays))}."),
        TerminationRefusal.EffectiveAfterTermEnds r => new StepOutcome.Invalid("effectiveOn",
            $"The term ends on {Display.Long(r.TermEnd)} anyway: there is nothing to cancel after it."),
        _ => new StepOutcome.Conflict("Refused.", "The termination was refused."),
    };
}
