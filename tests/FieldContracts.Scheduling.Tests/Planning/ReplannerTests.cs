using FieldContracts.Scheduling.Contracts;
using FieldContracts.Scheduling.Planning;
using FieldContracts.Scheduling.Specification;
using static FieldContracts.Scheduling.Tests.Planning.Hartford2685;

namespace FieldContracts.Scheduling.Tests.Planning;

public class ReplannerTests
{
    private static readonly ChangeStamp ByAthleticDirector = new("athletic.director@hartfordschools.org",
        Instant.FromUtc(2003, 6, 2, 14, 30), ReplanCause.SportSeasonChanged, "Baseball playoffs run to July 31");

    private static PlanInput InputWithBaseballTo(AnnualDate end)
    {
        var contract = Contract();
        var infield = contract.Sites.Single(s => s.Id == HartfordPublicId).Areas.Single(a => a.Kind == AreaKind.BaseballInfield);
        infield.SetSeasons([new SportSeason("Baseball", new AnnualDate(3, 15), end)]);
        return Input(contract: contract);
    }

    [Fact]
    public void Replan_SportSeasonExtended_InfieldHeightsChangeAndNothingElse()
    {
        var before = SeasonalPlanner.Plan(Input());

        var revision = Replanner.Replan(before, InputWithBaseballTo(new AnnualDate(7, 31)), ByAthleticDirector);

        var changes = revision.Changes;
        Assert.NotEmpty(changes);
        Assert.All(changes, c =>
        {
            Assert.Equal(OccurrenceChanges.CuttingHeightsChanged, c.What);
            Assert.Equal(HartfordPublicId, c.After!.SiteId);
            Assert.InRange(c.After.PlannedDate!.Value.Month, 6, 7);
            Assert.Same(ByAthleticDirector, c.Stamp);
        });
        // Baseball ends June 10: Thursdays June 12 to July 31 in 2003 and Sundays June 13 to July 25 in 2004.
        Assert.Equal(8 + 7, changes.Count);
        var july17 = changes.Single(c => c.After!.PlannedDate == new LocalDate(2003, 7, 17)).After!;
        Assert.Equal(new CuttingHeight(1m, 1.5m), july17.CuttingHeights.Single(h => h.AreaId == AreaId(HartfordPublicId, 4)).Height);
    }

    [Fact]
    public void Replan_SportSeasonChange_KeepsEveryIdentifier()
    {
        var before = SeasonalPlanner.Plan(Input());

        var after = Replanner.Replan(before, InputWithBaseballTo(new AnnualDate(7, 31)), ByAthleticDirector).Plan;

        Assert.Equal(before.Occurrences.Select(o => o.Id), after.Occurrences.Select(o => o.Id));
    }

    [Fact]
    public void Replan_NothingChanged_NoChangesAndAnIdenticalPlan()
    {
        var before = SeasonalPlanner.Plan(Input());

        var revision = Replanner.Replan(before, Input(), ByAthleticDirector);

        Assert.Empty(revision.Changes);
        Assert.Equal(Canonical(before), Canonical(revision.Plan));
    }

    [Fact]
    public void Replan_EarlierDormancy_RemovesLaterMowingsButKeepsALoggedOne()
    {
        var before = SeasonalPlanner.Plan(Input());
        var loggedMowing = before.Occurrences.Single(o => o.Kind == TaskKind.Mowing && o.SiteId == WeaverId
            && o.PlannedDate == new LocalDate(2003, 11, 20));
        var facts = PlanFacts.None with
        {
            Dormancy = new Dictionary<int, LocalDate> { [2003] = new(2003, 11, 10) },
            Logged = new Dictionary<Guid, LocalDate> { [loggedMowing.Id] = new(2003, 11, 20) },
        };
        var stamp = ByAthleticDirector with { Cause = ReplanCause.DormancyDateChanged, Reason = "Grass dormant after hard frost" };

        var revision = Replanner.Replan(before, Input(facts), stamp);

        var kept = revision.Plan.Find(loggedMowing.Id)!;
        Assert.Equal(loggedMowing with { LoggedOn = new LocalDate(2003, 11, 20) }, kept);
        var removed = revision.Changes.Where(c => c.What == OccurrenceChanges.Removed).ToList();
        // Thursdays November 13, 20 and 27 at three schools, less the logged one.
        Assert.Equal(3 * 3 - 1, removed.Count);
        Assert.All(removed, c => Assert.Null(c.After));
        Assert.DoesNotContain(revision.Plan.Occurrences, o => o.Kind == TaskKind.Mowing && o.Year == 2003
            && o.PlannedDate > new LocalDate(2003, 11, 10) && o.Id != loggedMowing.Id);
    }

    [Fact]
    public void Replan_LoggedOccurrenceWithAMoveRecorded_StaysWhereItWas()
    {
        var before = SeasonalPlanner.Plan(Input());
        var irrigation = before.Single(Specification2685.IrrigationStartUp, BulkeleyId, 2003);
        var facts = PlanFacts.None with
        {
            Logged = new Dictionary<Guid, LocalDate> { [irrigation.Id] = new(2003, 5, 16) },
            Moves = new Dictionary<Guid, OccurrenceMove> { [irrigation.Id] = new(new LocalDate(2003, 6, 2)) },
        };

        var revision = Replanner.Replan(before, Input(facts), ByAthleticDirector);

        Assert.Equal(new LocalDate(2003, 5, 15), revision.Plan.Find(irrigation.Id)!.PlannedDate);
        Assert.IsType<MoveRefusal.AlreadyLogged>(PlanEdits.CheckMove(revision.Plan, Input(facts), irrigation.Id, new LocalDate(2003, 6, 3)));
    }

    [Fact]
    public void Replan_EndOfFallSportsRecorded_SlitSeedingScheduledUnderTheSameIdentifier()
    {
        var before = SeasonalPlanner.Plan(Input());
        var waiting = before.Single(Specification2685.SlitSeeding, HartfordPublicId, 2003);
        var stamp = ByAthleticDirector with { Cause = ReplanCause.EndOfFallSportsRecorded, Reason = "Last game November 27" };

        var revision = Replanner.Replan(before,
            Input(endOfFallSports: new Dictionary<(Guid, int), LocalDate> { [(HartfordPublicId, 2003)] = new(2003, 11, 27) }), stamp);

        var change = Assert.Single(revision.Changes);
        Assert.Equal(waiting.Id, change.OccurrenceId);
        Assert.Equal(OccurrenceChanges.Rescheduled | OccurrenceChanges.WindowChanged | OccurrenceChanges.StatusChanged, change.What);
        // November 28, 2003 is the day after Thanksgiving, a City holiday: the next working day is Saturday the 29th.
        Assert.Equal(new LocalDate(2003, 11, 29), change.After!.PlannedDate);
        Assert.Equal("Last game November 27", change.Stamp.Reason);
    }

    [Fact]
    public void Replan_BroadleafMoved_ItsNoticeMovesAndTheRetreatmentFollows()
    {
        var before = SeasonalPlanner.Plan(Input());
        var broadleaf = before.Single(Specification2685.Broadleaf, HartfordPublicId, 2003);
        var retreat = before.Single(Specification2685.BroadleafRetreatment, HartfordPublicId, 2003);
        var facts = PlanFacts.None with
        {
            Moves = new Dictionary<Guid, OccurrenceMove> { [broadleaf.Id] = new(new LocalDate(2003, 7, 18)) },
            SentNotices = new Dictionary<Guid, SentNotice>
            {
                [broadleaf.Id] = new(Instant.FromUtc(2003, 7, 11, 13, 0), new LocalDate(2003, 7, 15)),
            },
        };
        var stamp = ByAthleticDirector with { Cause = ReplanCause.OccurrenceMoved, Reason = "Rain forecast for July 15" };

        var revision = Replanner.Replan(before, Input(facts), stamp);

        var moved = revision.Changes.Single(c => c.OccurrenceId == broadleaf.Id);
        Assert.Equal(OccurrenceChanges.Rescheduled, moved.What);
        Assert.True(moved.Notice!.FreshNoticeRequired);
        Assert.Equal(FreshNoticeReasons.DateNamedNoLongerRight, moved.Notice.FreshNoticeReasons);
        Assert.Equal(new LocalDateTime(2003, 7, 17, 6, 0), moved.Notice.Requirement.DueByLocal.LocalDateTime);
        var followed = revision.Changes.Single(c => c.OccurrenceId == retreat.Id);
        Assert.Equal(new LocalDate(2003, 8, 1), followed.After!.PlannedDate);
    }
}
