using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.Performance;
using FieldContracts.Scheduling.Contracts;
using static FieldContracts.Administration.Tests.Performance.Bid2685;
using Command = FieldContracts.Administration.Performance.PerformanceCaseCommand;
using Refusal = FieldContracts.Administration.Performance.PerformanceCaseRefusal;

namespace FieldContracts.Administration.Tests.Performance;

/// <summary>
/// Special instruction 7: before terminating, the City shall "A. Meet with Contractor to give him/her an opportunity
/// to respond to complaints; B. Establish a remedial period for the Contractor to correct service deficiencies ... to
/// the satisfaction of the City; C. If Contractor fails to correct said deficiencies ... within the remedial period,
/// the City shall terminate contract."
/// </summary>
public sealed class PerformanceCaseTests
{
    private static readonly LocalDate Jul1 = new(2003, 7, 1);
    private static readonly LocalDate Jul8 = new(2003, 7, 8);
    private static readonly LocalDate Jul14 = new(2003, 7, 14);
    private static readonly LocalDate Jul21 = new(2003, 7, 21);
    private static readonly LocalDate Jul22 = new(2003, 7, 22);
    private static readonly LocalDate Jul28 = new(2003, 7, 28);
    private static readonly LocalDate Aug4 = new(2003, 8, 4);
    private static readonly LocalDate Aug5 = new(2003, 8, 5);
    private static readonly LocalDate Aug6 = new(2003, 8, 6);
    private static readonly LocalDate Aug20 = new(2003, 8, 20);

    private const string Purchasing = "purchasing@hartford.example";
    private const string Director = "athletics@hartford.example";

    private static readonly Command.ScheduleMeeting Meeting = new(Jul21, "Purchasing Division, City Hall, 550 Main Street",
        ["Purchasing agent", "Athletic Director", "Contractor's field supervisor"]);

    private static readonly Command.HoldMeeting Held = new(Jul21, "The two complaints were read; the contractor answered each.",
        "Our mower broke down in early July; a second mower is on order and grooming is now weekly.");

    private sealed record Scenario(Contract Contract, PerformanceCase Case, Guid Mowing, Guid Grooming);

    [Fact]
    public void Take_MeetingThenRemedialPeriodEndingUncured_TerminatesForCause()
    {
        var s = Open();
        var c = s.Case;

        Do(c, Meeting, Party.Purchasing, Jul14, "Meeting under 7 A.", [new DocumentReference("sha256:4f1c…meeting-letter")]);
        Do(c, Held, Party.Purchasing, Jul21, "Minutes attached.", [new DocumentReference("sha256:9ab2…minutes")]);
        Do(c, Period(s), Party.Purchasing, Jul21, "Remedial period under 7 B, 15 days.");
        Do(c, new Command.SendCureNotice(At(Jul21) - Duration.FromMinutes(30)), Party.Purchasing, Jul21, "Cure notice sent.",
            [new DocumentReference("doc-0193")]);
        Do(c, new Command.VerifyCure(s.Grooming, true, Aug4), Party.AthleticDirector, Aug4, "Infield groomed; photos.");
        Do(c, new Command.VerifyCure(s.Mowing, false, Aug5), Party.AthleticDirector, Aug5, "Football field at 5 in. on Aug 5.");
        Assert.Equal(PerformanceCaseStatus.RemedialPeriodRunning, c.Status);

        var (step, refusal) = c.Take(new Command.TerminateForCause(Aug20), Party.Purchasing, Purchasing, At(Aug6), Aug6,
            "Football field not mowed to height within the remedial period (7 C).");

        Assert.Null(refusal);
        Assert.Equal(PerformanceCaseStatus.TerminatedForCause, c.Status);
        Assert.Equal(PerformanceCaseStatus.TerminatedForCause, step!.StatusAfter);
        Assert.Equal(8, c.Steps.Count);
        Assert.Equal(s.Mowing, Assert.Single(c.Uncured).DeficiencyId);
        var termination = c.Termination!;
        Assert.Equal(TerminationKind.ForCause, termination.Kind);
        Assert.Equal(Aug20, termination.EffectiveOn);
        Assert.Equal(new LocalDate(2003, 8, 19), termination.NewEndDate(Term));
        Assert.True(termination.Cancels(Aug20));
        Assert.False(termination.Cancels(new LocalDate(2003, 8, 19)));
        Assert.Equal([PerformanceCaseAction.Open, PerformanceCaseAction.ScheduleMeeting, PerformanceCaseAction.HoldMeeting,
            PerformanceCaseAction.SetRemedialPeriod, PerformanceCaseAction.SendCureNotice, PerformanceCaseAction.VerifyCure,
            PerformanceCaseAction.VerifyCure, PerformanceCaseAction.TerminateForCause], c.Steps.Select(x => x.Action));
        Assert.Equal("sha256:9ab2…minutes", Assert.Single(c.Steps[2].Documents).Value);
        Assert.Equal(Director, c.Steps[5].By);
    }

    [Fact]
    public void Take_EveryDeficiencyVerifiedCuredWithinThePeriod_ClosesAsCured()
    {
        var s = CaseAt(PerformanceCaseStatus.RemedialPeriodRunning);

        Do(s.Case, new Command.VerifyCure(s.Mowing, false, Jul22), Party.AthleticDirector, Jul22, "Still 5 in. on Jul 22.");
        Do(s.Case, new Command.VerifyCure(s.Mowing, true, Aug4), Party.AthleticDirector, Aug4, "Mowed to 2½ in.; photos.");
        Assert.Equal(PerformanceCaseStatus.RemedialPeriodRunning, s.Case.Status);
        var (step, _) = Do(s.Case, new Command.VerifyCure(s.Grooming, true, Aug5), Party.Purchasing, Aug6,
            "Infield seen groomed on the last day of the period.");

        Assert.Equal(PerformanceCaseStatus.ClosedCured, s.Case.Status);
        Assert.Equal(PerformanceCaseStatus.ClosedCured, step.StatusAfter);
        Assert.Empty(s.Case.Uncured);
        Assert.True(s.Case.IsClosed);
        Assert.Null(s.Case.Termination);
        AssertRefused(s.Case, new Command.TerminateForCause(Aug20), Party.Purchasing, Aug6,
            new Refusal.NotNow(PerformanceCaseStatus.ClosedCured, PerformanceCaseAction.TerminateForCause));
    }

    [Theory]
    [InlineData(PerformanceCaseStatus.Opened)]
    [InlineData(PerformanceCaseStatus.MeetingScheduled)]
    public void Take_TerminateWithoutAMeetingHeld_RefusedWithNothingChanged(PerformanceCaseStatus status)
    {
        var s = CaseAt(status);

        AssertRefused(s.Case, new Command.TerminateForCause(Aug20), Party.Purchasing, Aug6, new Refusal.MeetingNotHeld());
    }

    [Fact]
    public void Take_TerminateWithoutARemedialPeriodOrItsNotice_RefusedWithNothingChanged()
    {
        AssertRefused(CaseAt(PerformanceCaseStatus.MeetingHeld).Case, new Command.TerminateForCause(Aug20), Party.Purchasing, Aug6,
            new Refusal.RemedialPeriodNotSet());
        AssertRefused(CaseAt(PerformanceCaseStatus.RemedialPeriodSet).Case, new Command.TerminateForCause(Aug20), Party.Purchasing,
            Aug6, new Refusal.CureNoticeNotSent());
    }

    [Fact]
    public void Take_TerminateOnTheLastDayOfThePeriod_RefusedWithNothingChanged()
    {
        var s = CaseAt(PerformanceCaseStatus.RemedialPeriodRunning);

        AssertRefused(s.Case, new Command.TerminateForCause(Aug20), Party.Purchasing, Aug5, new Refusal.RemedialPeriodNotExpired(Aug5, Aug5));
        Do(s.Case, new Command.TerminateForCause(Aug20), Party.Purchasing, Aug6, "Period expired, nothing verified cured.");
        Assert.Equal(PerformanceCaseStatus.TerminatedForCause, s.Case.Status);
    }

    [Fact]
    public void Take_TerminateEffectiveBeforeTodayOrAfterTheTerm_Refused()
    {
        var s = CaseAt(PerformanceCaseStatus.RemedialPeriodRunning);

        AssertRefused(s.Case, new Command.TerminateForCause(Aug5), Party.Purchasing, Aug6, new Refusal.EffectiveInThePast(Aug5, Aug6));
        AssertRefused(s.Case, new Command.TerminateForCause(new LocalDate(2005, 1, 1)), Party.Purchasing, Aug6,
            new Refusal.EffectiveAfterTermEnds(new LocalDate(2005, 1, 1), new LocalDate(2004, 12, 31)));
    }

    [Fact]
    public void Take_RemedialPeriodEndingBeforeItStarts_RefusedWithNothingChanged()
    {
        var s = CaseAt(PerformanceCaseStatus.MeetingHeld);

        AssertRefused(s.Case, new Command.SetRemedialPeriod(Aug5, new LocalDate(2003, 8, 1), Requirements(s)), Party.Purchasing, Jul21,
            new Refusal.RemedialPeriodEndsBeforeItStarts(Aug5, new LocalDate(2003, 8, 1)));
    }

    [Fact]
    public void Take_RemedialPeriodEndingOnOrBeforeTheMeeting_RefusedWithNothingChanged()
    {
        var s = CaseAt(PerformanceCaseStatus.MeetingHeld);

        AssertRefused(s.Case, new Command.SetRemedialPeriod(Jul14, Jul21, Requirements(s)), Party.Purchasing, Jul21,
            new Refusal.RemedialPeriodEndsBeforeMeeting(Jul21, Jul21));
        AssertRefused(s.Case, new Command.SetRemedialPeriod(Jul14, Aug5, Requirements(s)), Party.Purchasing, Jul21,
            new Refusal.RemedialPeriodStartsBeforeMeeting(Jul14, Jul21));
    }

    [Fact]
    public void Take_RemedialPeriodEndingTodayOrBefore_RefusedWithNothingChanged()
    {
        var s = CaseAt(PerformanceCaseStatus.MeetingHeld);

        AssertRefused(s.Case, new Command.SetRemedialPeriod(Jul22, Aug5, Requirements(s)), Party.Purchasing, Aug5,
            new Refusal.RemedialPeriodEndsInThePast(Aug5, Aug5));
    }

    [Fact]
    public void Take_RemedialPeriodBeforeTheMeetingWasHeld_RefusedWithNothingChanged()
    {
        var s = CaseAt(PerformanceCaseStatus.MeetingScheduled);

        AssertRefused(s.Case, Period(s), Party.Purchasing, Jul21,
            new Refusal.NotNow(PerformanceCaseStatus.MeetingScheduled, PerformanceCaseAction.SetRemedialPeriod));
    }

    [Fact]
    public void Take_RemedialPeriodWithoutWhatCuredMeans_RefusedWithNothingChanged()
    {
        var s = CaseAt(PerformanceCaseStatus.MeetingHeld);

        AssertRefused(s.Case, new Command.SetRemedialPeriod(Jul22, Aug5, [new CureRequirement(s.Mowing, "  ")]), Party.Purchasing,
            Jul21, new Refusal.DetailRequired(PerformanceCaseAction.SetRemedialPeriod, "what cured means"));
        var stranger = Guid.NewGuid();
        AssertRefused(s.Case, new Command.SetRemedialPeriod(Jul22, Aug5, [new CureRequirement(stranger, "Mowed")]), Party.Purchasing,
            Jul21, new Refusal.DeficiencyNotInCase(stranger));
    }

    [Fact]
    public void Take_RemedialPeriodSetAgainBeforeTheNotice_ReplacesWhatIsToBeCured()
    {
        var s = CaseAt(PerformanceCaseStatus.RemedialPeriodSet);

        Do(s.Case, new Command.SetRemedialPeriod(Jul22, new LocalDate(2003, 8, 8), [new CureRequirement(s.Mowing, "Mowed to 2½ in.")]),
            Party.Purchasing, Jul21, "Grooming answered at the meeting; period lengthened.");

        Assert.Equal(new DateInterval(Jul22, new LocalDate(2003, 8, 8)), s.Case.RemedialPeriod);
        Assert.Equal(s.Mowing, Assert.Single(s.Case.Uncured).DeficiencyId);
        AssertRefused(s.Case, new Command.VerifyCure(s.Grooming, true, Jul22), Party.AthleticDirector, Jul22,
            new Refusal.NotNow(PerformanceCaseStatus.RemedialPeriodSet, PerformanceCaseAction.VerifyCure));
    }

    [Fact]
    public void Take_CureNoticeAfterThePeriodStarted_RefusedWithNothingChanged()
    {
        var s = CaseAt(PerformanceCaseStatus.RemedialPeriodSet);

        AssertRefused(s.Case, new Command.SendCureNotice(At(Jul22) + Duration.FromDays(1)), Party.Purchasing, new LocalDate(2003, 7, 23),
            new Refusal.NoticeAfterPeriodStarts(Jul22, new LocalDate(2003, 7, 23)));
        AssertRefused(s.Case, new Command.SendCureNotice(At(Jul21) + Duration.FromHours(1)), Party.Purchasing, Jul21,
            new Refusal.NoticeNotYetSent(At(Jul21) + Duration.FromHours(1), At(Jul21)));
    }

    [Fact]
    public void Take_CureVerifiedByTheContractorItself_RefusedWithNothingChanged()
    {
        var s = CaseAt(PerformanceCaseStatus.RemedialPeriodRunning);

        AssertRefused(s.Case, new Command.VerifyCure(s.Mowing, true, Aug4), Party.Contractor, Aug4,
            new Refusal.NotYourStep(Party.Contractor, PerformanceCaseAction.VerifyCure));
    }

    [Fact]
    public void Take_CureFoundAfterThePeriodEnded_RefusedWithNothingChanged()
    {
        var s = CaseAt(PerformanceCaseStatus.RemedialPeriodRunning);

        AssertRefused(s.Case, new Command.VerifyCure(s.Mowing, true, Aug6), Party.AthleticDirector, Aug6,
            new Refusal.CuredAfterPeriod(Aug6, Aug5));
        AssertRefused(s.Case, new Command.VerifyCure(s.Mowing, true, Jul21), Party.AthleticDirector, Aug4,
            new Refusal.InspectedBeforePeriod(Jul21, Jul22));
        AssertRefused(s.Case, new Command.VerifyCure(s.Mowing, true, Aug5), Party.AthleticDirector, Aug4,
            new Refusal.DateInTheFuture(PerformanceCaseAction.VerifyCure, Aug5, Aug4));
    }

    [Fact]
    public void Take_MeetingHeldWithoutTheContractorsResponse_RefusedWithNothingChanged()
    {
        var s = CaseAt(PerformanceCaseStatus.MeetingScheduled);

        AssertRefused(s.Case, Held with { ContractorResponse = " " }, Party.Purchasing, Jul21,
            new Refusal.DetailRequired(PerformanceCaseAction.HoldMeeting, "contractor's response"));
        AssertRefused(s.Case, Held, Party.Purchasing, new LocalDate(2003, 7, 20),
            new Refusal.DateInTheFuture(PerformanceCaseAction.HoldMeeting, Jul21, new LocalDate(2003, 7, 20)));
    }

    [Fact]
    public void Take_StepWithoutAReason_RefusedWithNothingChanged()
    {
        var s = CaseAt(PerformanceCaseStatus.Opened);

        AssertRefused(s.Case, Meeting, Party.Purchasing, Jul14, new Refusal.TextRequired(PerformanceCaseAction.ScheduleMeeting), text: "  ");
    }

    [Fact]
    public void Take_EveryForbiddenStep_RefusedWithNothingChanged()
    {
        var refused = 0;
        foreach (var status in Enum.GetValues<PerformanceCaseStatus>())
        {
            foreach (var action in Enum.GetValues<PerformanceCaseAction>().Where(a => a != PerformanceCaseAction.Open))
            {
                foreach (var party in Enum.GetValues<Party>())
                {
                    if (PerformanceCase.MayTake(party, action) && PerformanceCase.Next(status, action) is not null)
                    {
                        continue;
                    }

                    var s = CaseAt(status);
                    var before = Snapshot(s.Case);

                    var (step, refusal) = TryTake(s.Case, Sample(s, action), party, Aug6);

                    refused++;
                    Assert.Null(step);
                    Assert.NotNull(refusal);
                    Assert.Equal(before, Snapshot(s.Case));
                }
            }
        }

        // 8 statuses × 9 steps × 5 parties, less 13 City transitions of which verifying a cure is open to two parties,
        // and the contractor's answer in each of the 5 open statuses and its cure while the period runs.
        Assert.Equal(8 * 9 * 5 - 14 - 6, refused);
    }

    [Fact]
    public void Open_OnAWithdrawnDeficiency_Refused()
    {
        var contract = Contract();
        var upheld = Reach(Raise(contract, Jul1), DeficiencyStatus.Upheld);
        var withdrawn = Reach(Raise(contract, Jul8), DeficiencyStatus.Withdrawn);

        var (opened, refusal) = PerformanceCase.Open(contract, [upheld, withdrawn], Party.Purchasing, Purchasing, At(Jul14), "7 A.");

        Assert.Null(opened);
        Assert.Equal(new Refusal.DeficiencyClosed(withdrawn.Id, DeficiencyStatus.Withdrawn), refusal);
    }

    [Fact]
    public void Open_OnACuredDeficiencyAnotherContractsOrNone_Refused()
    {
        var contract = Contract();
        var cured = Reach(Raise(contract, Jul1), DeficiencyStatus.Cured);
        var elsewhere = Raise(Contract(), Jul1);

        Assert.Equal(new Refusal.DeficiencyClosed(cured.Id, DeficiencyStatus.Cured),
            PerformanceCase.Open(contract, [cured], Party.Purchasing, Purchasing, At(Jul14), "7 A.").Refusal);
        Assert.Equal(new Refusal.DeficiencyOfAnotherContract(elsewhere.Id),
            PerformanceCase.Open(contract, [elsewhere], Party.Purchasing, Purchasing, At(Jul14), "7 A.").Refusal);
        Assert.Equal(new Refusal.NoDeficiencies(),
            PerformanceCase.Open(contract, [], Party.Purchasing, Purchasing, At(Jul14), "7 A.").Refusal);
    }

    [Fact]
    public void Open_ByTheAthleticDirector_Refused()
    {
        var contract = Contract();
        var upheld = Reach(Raise(contract, Jul1), DeficiencyStatus.Upheld);

        Assert.Equal(new Refusal.NotYourStep(Party.AthleticDirector, PerformanceCaseAction.Open),
            PerformanceCase.Open(contract, [upheld], Party.AthleticDirector, Director, At(Jul14), "7 A.").Refusal);
    }

    [Fact]
    public void Open_OnOpenDisputedAndUpheldDeficiencies_NamesEachOnce()
    {
        var contract = Contract();
        var open = Raise(contract, Jul1);
        var disputed = Reach(Raise(contract, Jul8), DeficiencyStatus.Disputed);

        var (opened, refusal) = PerformanceCase.Open(contract, [open, disputed, open], Party.Purchasing, Purchasing, At(Jul14),
            "Two complaints in July.");

        Assert.Null(refusal);
        Assert.Equal(PerformanceCaseStatus.Opened, opened!.Status);
        Assert.Equal([open.Id, disputed.Id], opened.Deficiencies.Select(d => d.DeficiencyId));
        Assert.Equal(DeficiencyStatus.Disputed, opened.Deficiencies[1].StatusWhenNamed);
        Assert.Equal(PerformanceCaseAction.Open, Assert.Single(opened.Steps).Action);
    }

    [Fact]
    public void SubmitCure_ByTheContractor_RecordedButOnlyTheCitysVerdictCures()
    {
        var s = CaseAt(PerformanceCaseStatus.RemedialPeriodRunning);
        var photo = new DocumentReference("9f2c0a");

        var (submitted, refusal) = s.Case.Take(new Command.SubmitCure(s.Mowing, null), Party.Contractor, "crew@contractor.example",
            At(Jul28), Jul28, "Mowed to 2½ in. on Jul 28; photos of the three fields.", [photo]);

        Assert.Null(refusal);
        Assert.Equal(PerformanceCaseStatus.RemedialPeriodRunning, s.Case.Status);
        Assert.Equal([photo], submitted!.Documents);
        Assert.Null(s.Case.Deficiencies.Single(d => d.DeficiencyId == s.Mowing).Cured);
        Assert.Equal(2, s.Case.Uncured.Count());
    }

    [Fact]
    public void VerifyCure_ByTheContractorItself_RefusedWithNothingChanged()
    {
        var s = CaseAt(PerformanceCaseStatus.RemedialPeriodRunning);

        AssertRefused(s.Case, new Command.VerifyCure(s.Mowing, true, Aug4), Party.Contractor, Aug4,
            new Refusal.NotYourStep(Party.Contractor, PerformanceCaseAction.VerifyCure));
    }

    [Fact]
    public void SubmitCure_OfADeficiencyAlreadyVerifiedCured_Refused()
    {
        var s = CaseAt(PerformanceCaseStatus.RemedialPeriodRunning);
        Do(s.Case, new Command.VerifyCure(s.Mowing, true, Aug4), Party.AthleticDirector, Aug4, "Mowed.");

        var (step, refusal) = s.Case.Take(new Command.SubmitCure(s.Mowing, null), Party.Contractor, "crew@contractor.example",
            At(Aug4), Aug4, "Mowed again.");

        Assert.Null(step);
        Assert.Equal(new Refusal.AlreadyCured(s.Mowing), refusal);
    }

    [Theory]
    [InlineData(2003, 8, 2, false)]
    [InlineData(2003, 8, 4, true)]
    [InlineData(2003, 8, 5, true)]
    [InlineData(2003, 8, 6, false)]
    public void RemindsOn_TwoDaysBeforeTheAugust5End_FromTheLastDayButOne(int year, int month, int day, bool reminds)
    {
        var s = CaseAt(PerformanceCaseStatus.RemedialPeriodRunning);

        Assert.Equal(reminds, s.Case.RemindsOn(new LocalDate(year, month, day), 2));
    }

    [Fact]
    public void RemindsOn_NothingLeftToCure_NoReminder()
    {
        var s = CaseAt(PerformanceCaseStatus.ClosedCured);

        Assert.False(s.Case.RemindsOn(new LocalDate(2003, 8, 4), 2));
    }

    [Fact]
    public void RemedialPeriodShorterThan_FifteenDaysAgainstFarsTen_False()
    {
        var s = CaseAt(PerformanceCaseStatus.RemedialPeriodSet);

        Assert.Equal(15, s.Case.RemedialPeriod!.Length);
        Assert.False(s.Case.RemedialPeriodShorterThan());
        Assert.True(s.Case.RemedialPeriodShorterThan(16));
    }

    private static Scenario Open()
    {
        var contract = Contract();
        var mowing = Reach(Raise(contract, Jul1), DeficiencyStatus.Upheld);
        var grooming = Reach(Raise(contract, Jul8, DeficiencyKind.Complaint, "Weaver's softball infield not groomed for two weeks."),
            DeficiencyStatus.Upheld);
        var (opened, refusal) = PerformanceCase.Open(contract, [mowing, grooming], Party.Purchasing, Purchasing, At(Jul14),
            "Repeated failure to mow and groom (7 A).");
        Assert.Null(refusal);
        return new Scenario(contract, opened!, mowing.Id, grooming.Id);
    }

    private static Scenario CaseAt(PerformanceCaseStatus status)
    {
        var s = Open();
        var c = s.Case;
        if (status == PerformanceCaseStatus.Withdrawn)
        {
            Do(c, new Command.Withdraw(), Party.Purchasing, Jul14, "Opened on the wrong contract.");
            return s;
        }

        var order = new[]
        {
            PerformanceCaseStatus.Opened, PerformanceCaseStatus.MeetingScheduled, PerformanceCaseStatus.MeetingHeld,
            PerformanceCaseStatus.RemedialPeriodSet, PerformanceCaseStatus.RemedialPeriodRunning,
        };
        var target = Array.IndexOf(order, status) is >= 0 and var i ? i : order.Length;
        var steps = new (Command Command, LocalDate Today)[]
        {
            (Meeting, Jul14), (Held, Jul21), (Period(s), Jul21), (new Command.SendCureNotice(At(Jul21)), Jul21),
        };
        foreach (var (command, today) in steps.Take(target))
        {
            Do(c, command, Party.Purchasing, today, "On the way.");
        }

        if (status == PerformanceCaseStatus.ClosedCured)
        {
            Do(c, new Command.VerifyCure(s.Mowing, true, Aug4), Party.AthleticDirector, Aug4, "Mowed.");
            Do(c, new Command.VerifyCure(s.Grooming, true, Aug4), Party.AthleticDirector, Aug4, "Groomed.");
        }
        else if (status == PerformanceCaseStatus.TerminatedForCause)
        {
            Do(c, new Command.TerminateForCause(Aug20), Party.Purchasing, Aug6, "7 C.");
        }

        Assert.Equal(status, c.Status);
        return s;
    }

    private static IReadOnlyList<CureRequirement> Requirements(Scenario s) =>
    [
        new(s.Mowing, "Football field mowed to 2½ in. at least every 7 days, clippings removed."),
        new(s.Grooming, "Softball infield dragged and lined before each scheduled game."),
    ];

    private static Command.SetRemedialPeriod Period(Scenario s) => new(Jul22, Aug5, Requirements(s));

    private static Command Sample(Scenario s, PerformanceCaseAction action) => action switch
    {
        PerformanceCaseAction.ScheduleMeeting => Meeting,
        PerformanceCaseAction.HoldMeeting => Held,
        PerformanceCaseAction.SetRemedialPeriod => Period(s),
        PerformanceCaseAction.SendCureNotice => new Command.SendCureNotice(At(Jul21)),
        PerformanceCaseAction.VerifyCure => new Command.VerifyCure(s.Mowing, true, Aug4),
        PerformanceCaseAction.TerminateForCause => new Command.TerminateForCause(Aug20),
        PerformanceCaseAction.Withdraw => new Command.Withdraw(),
        PerformanceCaseAction.Respond => new Command.Respond(),
        PerformanceCaseAction.SubmitCure => new Command.SubmitCure(s.Mowing, null),
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    private static (PerformanceCaseStep? Step, Refusal? Refusal) TryTake(PerformanceCase c, Command command, Party party,
        LocalDate today, string text = "Reason given", IReadOnlyList<DocumentReference>? documents = null) =>
        c.Take(command, party, party == Party.AthleticDirector ? Director : Purchasing, At(today), today, text, documents);

    private static (PerformanceCaseStep Step, Refusal? Refusal) Do(PerformanceCase c, Command command, Party party, LocalDate today,
        string text, IReadOnlyList<DocumentReference>? documents = null)
    {
        var (step, refusal) = TryTake(c, command, party, today, text, documents);
        Assert.Null(refusal);
        Assert.Same(step, c.Steps[^1]);
        return (step!, refusal);
    }

    private static void AssertRefused(PerformanceCase c, Command command, Party party, LocalDate today, Refusal expected,
        string text = "Reason given")
    {
        var before = Snapshot(c);

        var (step, refusal) = TryTake(c, command, party, today, text);

        Assert.Null(step);
        Assert.Equal(expected, refusal);
        Assert.Equal(before, Snapshot(c));
    }

    private static string Snapshot(PerformanceCase c) => string.Join(" | ", c.Status, c.Steps.Count, c.MeetingOn, c.MeetingPlace,
        string.Join(",", c.MeetingAttendees), c.MeetingHeldOn, c.MeetingMinutes, c.ContractorResponse, c.RemedialPeriodStartsOn,
        c.RemedialPeriodEndsOn, c.CureNoticeSentAt, c.Termination,
        string.Join(",", c.Deficiencies.Select(d => $"{d.DeficiencyId}:{d.CuredMeans}:{d.Cured}:{d.InspectedOn}")));
}
