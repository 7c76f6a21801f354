using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.Performance;
using static FieldContracts.Administration.Tests.Performance.Bid2685;

namespace FieldContracts.Administration.Tests.Performance;

/// <summary>
/// Special instruction 6: the City may "cancel this contract, at any time, with thirty (30) days prior written notice"
/// when funds are not appropriated (A) or it no longer needs the service (B). Calendar days, whatever the clocks do.
/// </summary>
public sealed class TerminationWithoutCauseTests
{
    private const string Purchasing = "purchasing@hartford.example";

    [Theory]
    [InlineData("2004-01-31", "2004-02-29")] // across the leap day: Feb 29 is the 29th day
    [InlineData("2004-01-30", "2004-02-28")]
    [InlineData("2004-02-29", "2004-03-29")] // from the leap day itself
    [InlineData("2004-03-05", "2004-04-03")] // the day before clocks go forward on Apr 4, 2004
    [InlineData("2004-03-06", "2004-04-04")] // onto the day clocks go forward
    public void Decide_29DaysNotice_Refused(string noticeOn, string effectiveOn)
    {
        var (notice, effective) = (Date(noticeOn), Date(effectiveOn));

        var (termination, refusal) = Decide(notice, effective, today: notice);

        Assert.Null(termination);
        Assert.Equal(new TerminationRefusal.NoticeTooShort(notice, effective, 29, 30), refusal);
    }

    [Theory]
    [InlineData("2004-01-31", "2004-03-01", "2004-02-29")] // the new last day is the leap day
    [InlineData("2004-01-30", "2004-02-29", "2004-02-28")] // takes effect on the leap day
    [InlineData("2004-02-29", "2004-03-30", "2004-03-29")]
    [InlineData("2004-03-05", "2004-04-04", "2004-04-03")] // takes effect the day clocks go forward
    [InlineData("2004-03-06", "2004-04-05", "2004-04-04")] // 719 elapsed hours in Hartford, still 30 days
    public void Decide_30DaysNotice_AcceptedAndTheTermEndsTheDayBefore(string noticeOn, string effectiveOn, string newEnd)
    {
        var (notice, effective) = (Date(noticeOn), Date(effectiveOn));

        var (termination, refusal) = Decide(notice, effective, today: notice);

        Assert.Null(refusal);
        Assert.Equal(TerminationKind.WithoutCause, termination!.Kind);
        Assert.Equal(TerminationWithoutCauseReason.FundsNotAppropriated, termination.Reason);
        Assert.Equal(notice, termination.NoticeOn);
        Assert.Equal(effective, termination.EffectiveOn);
        Assert.Equal(Date(newEnd), termination.NewEndDate(Term));
        Assert.Equal(new DateInterval(Term.Start, Date(newEnd)), termination.NewTerm(Term));
        Assert.True(termination.Cancels(effective));
        Assert.False(termination.Cancels(Date(newEnd)));
    }

    [Fact]
    public void Decide_AcrossTheSpringForward_CountsCalendarDaysNotHours()
    {
        var hartford = DateTimeZoneProviders.Tzdb["America/New_York"];
        var (notice, effective) = (new LocalDate(2004, 3, 6), new LocalDate(2004, 4, 5));
        var elapsed = effective.AtStartOfDayInZone(hartford).ToInstant() - notice.AtStartOfDayInZone(hartford).ToInstant();

        var (termination, refusal) = Decide(notice, effective, today: notice);

        Assert.Equal(Duration.FromHours(30 * 24 - 1), elapsed);
        Assert.Null(refusal);
        Assert.NotNull(termination);
    }

    [Fact]
    public void Decide_NoticeOnTheLastDaysOfTheTerm_RefusedAfterTheTermAndAcceptedOnItsLastDay()
    {
        var notice = new LocalDate(2004, 12, 1);

        Assert.Equal(new TerminationRefusal.EffectiveAfterTermEnds(new LocalDate(2005, 1, 1), new LocalDate(2004, 12, 31)),
            Decide(notice, new LocalDate(2005, 1, 1), today: notice).Refusal);
        var (termination, _) = Decide(notice, new LocalDate(2004, 12, 31), today: notice);
        Assert.Equal(new LocalDate(2004, 12, 30), termination!.NewEndDate(Term));
    }

    [Fact]
    public void NewTerm_EffectiveOnTheFirstDayOfTheTerm_NoDayRemains()
    {
        var (termination, refusal) = Decide(new LocalDate(2003, 4, 15), new LocalDate(2003, 5, 15), today: new LocalDate(2003, 4, 15));

        Assert.Null(refusal);
        Assert.Null(termination!.NewTerm(Term));
        Assert.Null(termination.NewEndDate(Term));
    }

    [Fact]
    public void Decide_NoticeNotYetGiven_Refused()
    {
        var (notice, today) = (new LocalDate(2004, 3, 1), new LocalDate(2004, 2, 27));

        Assert.Equal(new TerminationRefusal.NoticeInTheFuture(notice, today), Decide(notice, new LocalDate(2004, 4, 1), today).Refusal);
    }

    [Fact]
    public void Decide_ByAnyoneButPurchasingOrWithoutReasons_Refused()
    {
        var contract = Contract();
        var notice = new LocalDate(2004, 3, 1);

        Assert.Equal(new TerminationRefusal.NotYourStep(Party.Finance),
            TerminationWithoutCause.Decide(contract, TerminationWithoutCauseReason.FundsNotAppropriated, notice, notice.PlusDays(30),
                Party.Finance, "finance@hartford.example", At(notice), notice, "No funds.").Refusal);
        Assert.Equal(new TerminationRefusal.TextRequired(),
            TerminationWithoutCause.Decide(contract, TerminationWithoutCauseReason.NeedEnded, notice, notice.PlusDays(30),
                Party.Purchasing, Purchasing, At(notice), notice, " ").Refusal);
        Assert.Equal(new TerminationRefusal.ReasonNotInTheBid((TerminationWithoutCauseReason)7),
            TerminationWithoutCause.Decide(contract, (TerminationWithoutCauseReason)7, notice, notice.PlusDays(30),
                Party.Purchasing, Purchasing, At(notice), notice, "Other.").Refusal);
    }

    private static (ContractTermination? Termination, TerminationRefusal? Refusal) Decide(LocalDate notice, LocalDate effective,
        LocalDate today) =>
        TerminationWithoutCause.Decide(Contract(), TerminationWithoutCauseReason.FundsNotAppropriated, notice, effective,
            Party.Purchasing, Purchasing, At(today), today, "The Court of Common Council did not appropriate funds for FY 2004-05.",
            [new DocumentReference("sha256:0c7e…notice-letter")]);

    private static LocalDate Date(string iso) => NodaTime.Text.LocalDatePattern.Iso.Parse(iso).Value;
}
