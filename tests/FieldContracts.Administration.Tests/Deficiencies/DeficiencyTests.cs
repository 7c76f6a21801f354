using FieldContracts.Administration.Deficiencies;

namespace FieldContracts.Administration.Tests.Deficiencies;

/// <summary>
/// The register's transitions: the contractor acknowledges or disputes, Purchasing upholds or withdraws, the Athletic
/// Director verifies a cure. Special instruction 7 B: a remedial period "to correct service deficiencies ... to the
/// satisfaction of the City".
/// </summary>
public sealed class DeficiencyTests
{
    private static readonly Instant July10 = new LocalDateTime(2003, 7, 10, 9, 0).InUtc().ToInstant();
    private static readonly Guid Contract2685 = Guid.NewGuid();
    private static readonly Guid Mowing = Guid.NewGuid();

    private static Deficiency MissedMowing() =>
        Deficiency.Raise(new Deficiency.Finding(Contract2685, Guid.NewGuid(), [], DeficiencyKind.MissedWork, Mowing,
                "Nothing was logged by Jun 30, 2003, the last day of the plan's window.", DeficiencyKeys.Missed(Mowing)),
            Party.System, "Missed-work pass", July10, new LocalDate(2003, 7, 10));

    private static Deficiency Complaint(string by) =>
        Deficiency.Raise(new Deficiency.Finding(Contract2685, Guid.NewGuid(), [], DeficiencyKind.Complaint, null,
                "Weaver's softball infield not groomed for two weeks.", null),
            Party.AthleticDirector, by, July10, new LocalDate(2003, 7, 10));

    public static TheoryData<DeficiencyStatus[], DeficiencyAction, Party, DeficiencyStatus> Allowed => new()
    {
        { [], DeficiencyAction.Acknowledge, Party.Contractor, DeficiencyStatus.Acknowledged },
        { [], DeficiencyAction.Dispute, Party.Contractor, DeficiencyStatus.Disputed },
        { [], DeficiencyAction.Uphold, Party.Purchasing, DeficiencyStatus.Upheld },
        { [], DeficiencyAction.Withdraw, Party.Purchasing, DeficiencyStatus.Withdrawn },
        { [DeficiencyStatus.Acknowledged], DeficiencyAction.Cure, Party.AthleticDirector, DeficiencyStatus.Cured },
        { [DeficiencyStatus.Acknowledged], DeficiencyAction.Cure, Party.Purchasing, DeficiencyStatus.Cured },
        { [DeficiencyStatus.Acknowledged], DeficiencyAction.Uphold, Party.Purchasing, DeficiencyStatus.Upheld },
        { [DeficiencyStatus.Acknowledged], DeficiencyAction.Withdraw, Party.Purchasing, DeficiencyStatus.Withdrawn },
        { [DeficiencyStatus.Disputed], DeficiencyAction.Uphold, Party.Purchasing, DeficiencyStatus.Upheld },
        { [DeficiencyStatus.Disputed], DeficiencyAction.Withdraw, Party.Purchasing, DeficiencyStatus.Withdrawn },
        { [DeficiencyStatus.Disputed, DeficiencyStatus.Upheld], DeficiencyAction.Cure, Party.AthleticDirector, DeficiencyStatus.Cured },
        { [], DeficiencyAction.Cure, Party.AthleticDirector, DeficiencyStatus.Cured },
        { [DeficiencyStatus.Disputed], DeficiencyAction.Cure, Party.Purchasing, DeficiencyStatus.Cured },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Take_AllowedStep_MovesAndRecordsTheStep(DeficiencyStatus[] path, DeficiencyAction action, Party party, DeficiencyStatus expected)
    {
        var deficiency = Walk(MissedMowing(), path);

        var (step, refusal) = deficiency.Take(action, party, "someone@hartford.example", July10 + Duration.FromDays(1), "  Reason given  ");

        Assert.Null(refusal);
        Assert.Equal(expected, deficiency.Status);
        Assert.Equal(expected, step!.StatusAfter);
        Assert.Equal("Reason given", step.Text);
        Assert.Same(step, deficiency.Steps[^1]);
    }

    [Fact]
    public void Take_EveryForbiddenStep_RefusedWithNothingChanged()
    {
        var statuses = Enum.GetValues<DeficiencyStatus>();
        var refusedCount = 0;
        foreach (var status in statuses)
        {
            foreach (var action in Enum.GetValues<DeficiencyAction>())
            {
                foreach (var party in Enum.GetValues<Party>())
                {
                    var deficiency = Reach(status);
                    var steps = deficiency.Steps.Count;
                    var allowed = Deficiency.MayTake(party, action) && Deficiency.Next(status, action) is not null;

                    var (step, refusal) = deficiency.Take(action, party, "someone@hartford.example", July10, "text");

                    if (allowed)
                    {
                        Assert.Null(refusal);
                        continue;
                    }

                    refusedCount++;
                    Assert.Null(step);
                    Assert.NotNull(refusal);
                    Assert.Equal(status, deficiency.Status);
                    Assert.Equal(steps, deficiency.Steps.Count);
                }
            }
        }

        // Of 6 statuses × 5 steps × 5 parties, 16 are allowed: 12 transitions, the four cures open to two parties each.
        Assert.Equal(6 * 5 * 5 - 16, refusedCount);
    }

    [Fact]
    public void Take_CureByTheContractorItself_Refused()
    {
        var deficiency = Walk(MissedMowing(), [DeficiencyStatus.Acknowledged]);

        var (_, refusal) = deficiency.Take(DeficiencyAction.Cure, Party.Contractor, "crew@contractor.example", July10, "Mowed on Jul 11.");

        Assert.Equal(new DeficiencyRefusal.NotYourStep(Party.Contractor, DeficiencyAction.Cure), refusal);
        Assert.Equal(DeficiencyStatus.Acknowledged, deficiency.Status);
    }

    [Fact]
    public void Take_FinalStatuses_RefuseEverything()
    {
        var cured = Reach(DeficiencyStatus.Cured);
        var withdrawn = Reach(DeficiencyStatus.Withdrawn);

        Assert.True(cured.IsClosed);
        Assert.True(withdrawn.IsClosed);
        Assert.IsType<DeficiencyRefusal.NotNow>(cured.Take(DeficiencyAction.Uphold, Party.Purchasing, "p@hartford.example", July10, "x").Refusal);
        Assert.IsType<DeficiencyRefusal.NotNow>(withdrawn.Take(DeficiencyAction.Acknowledge, Party.Contractor, "c@x.example", July10, "x").Refusal);
    }

    [Fact]
    public void Take_WithoutText_Refused()
    {
        var deficiency = MissedMowing();

        Assert.Equal(new DeficiencyRefusal.TextRequired(DeficiencyAction.Dispute),
            deficiency.Take(DeficiencyAction.Dispute, Party.Contractor, "crew@contractor.example", July10, "   ").Refusal);
        Assert.Equal(DeficiencyStatus.Open, deficiency.Status);
    }

    [Fact]
    public void Take_UpholdOrWithdrawalOfOnesOwnComplaint_RefusedButItsCureVerified()
    {
        var complaint = Complaint("purchasing@hartford.example");
        Assert.Equal(new DeficiencyRefusal.OwnDeficiency(DeficiencyAction.Uphold),
            complaint.Take(DeficiencyAction.Uphold, Party.Purchasing, "Purchasing@Hartford.example", July10, "It stands.").Refusal);
        Assert.Equal(new DeficiencyRefusal.OwnDeficiency(DeficiencyAction.Withdraw),
            complaint.Take(DeficiencyAction.Withdraw, Party.Purchasing, "purchasing@hartford.example", July10, "Dropped.").Refusal);

        // The Athletic Director who saw the infield ungroomed is the one who sees it groomed again.
        var byDirector = Walk(Complaint("athletics@hartford.example"), [DeficiencyStatus.Acknowledged]);
        Assert.Null(byDirector.Take(DeficiencyAction.Cure, Party.AthleticDirector, "athletics@hartford.example", July10, "Groomed.").Refusal);
        Assert.Equal(DeficiencyStatus.Cured, byDirector.Status);
    }

    [Fact]
    public void Keys_LateWorkFromAVisitAndFromTheNightlyPass_AreOne()
    {
        Assert.Equal(DeficiencyKeys.Late(Mowing), DeficiencyKeys.OfVisit(Guid.NewGuid(), DeficiencyKind.LateWork, null, Mowing));
        Assert.NotEqual(DeficiencyKeys.Late(Mowing), DeficiencyKeys.Missed(Mowing));
    }

    private static Deficiency Reach(DeficiencyStatus status) => status switch
    {
        DeficiencyStatus.Open => MissedMowing(),
        DeficiencyStatus.Cured => Walk(MissedMowing(), [DeficiencyStatus.Acknowledged, DeficiencyStatus.Cured]),
        _ => Walk(MissedMowing(), [status]),
    };

    private static Deficiency Walk(Deficiency deficiency, IEnumerable<DeficiencyStatus> path)
    {
        foreach (var target in path)
        {
            var (action, party) = target switch
            {
                DeficiencyStatus.Acknowledged => (DeficiencyAction.Acknowledge, Party.Contractor),
                DeficiencyStatus.Disputed => (DeficiencyAction.Dispute, Party.Contractor),
                DeficiencyStatus.Upheld => (DeficiencyAction.Uphold, Party.Purchasing),
                DeficiencyStatus.Withdrawn => (DeficiencyAction.Withdraw, Party.Purchasing),
                _ => (DeficiencyAction.Cure, Party.AthleticDirector),
            };
            Assert.Null(deficiency.Take(action, party, "someone@hartford.example", July10, "on the way").Refusal);
        }

        return deficiency;
    }
}
