using FieldContracts.Administration.WorkLogs;

namespace FieldContracts.Administration.Tests.WorkLogs;

/// <summary>The Athletic Director verifies or disputes; the contractor answers or corrects; nothing verified reopens.</summary>
public sealed class VisitReviewTests
{
    private const string Crew = "crew@contractor.example";
    private const string Director = "athletics@hartford.example";

    [Theory]
    [InlineData(VisitStatus.Submitted, ReviewAction.Verify, VisitStatus.Verified)]
    [InlineData(VisitStatus.Answered, ReviewAction.Verify, VisitStatus.Verified)]
    [InlineData(VisitStatus.Submitted, ReviewAction.Dispute, VisitStatus.Disputed)]
    [InlineData(VisitStatus.Answered, ReviewAction.Dispute, VisitStatus.Disputed)]
    public void Decide_DirectorOnSubmittedWork_Moves(VisitStatus from, ReviewAction action, VisitStatus to)
    {
        Assert.Equal((to, null), VisitReview.Decide(from, action, Director, Crew, "Infield was not cut"));
    }

    [Theory]
    [InlineData(VisitStatus.Disputed, ReviewAction.Answer, VisitStatus.Answered)]
    [InlineData(VisitStatus.Disputed, ReviewAction.Correct, VisitStatus.Submitted)]
    [InlineData(VisitStatus.Submitted, ReviewAction.Correct, VisitStatus.Submitted)]
    public void Decide_ContractorOnDisputedWork_Moves(VisitStatus from, ReviewAction action, VisitStatus to)
    {
        Assert.Equal((to, null), VisitReview.Decide(from, action, Crew, Crew, "The infield was cut on the second pass"));
    }

    [Theory]
    [InlineData(ReviewAction.Verify)]
    [InlineData(ReviewAction.Dispute)]
    [InlineData(ReviewAction.Correct)]
    [InlineData(ReviewAction.Answer)]
    public void Decide_VerifiedVisit_IsClosed(ReviewAction action)
    {
        var (next, refusal) = VisitReview.Decide(VisitStatus.Verified, action, Director, Crew, "again");

        Assert.Null(next);
        Assert.Equal(new ReviewRefusal.NotNow(VisitStatus.Verified, action), refusal);
    }

    [Fact]
    public void Decide_VerifyingOwnSubmission_Refused()
    {
        Assert.Equal(new ReviewRefusal.OwnSubmission(), VisitReview.Decide(VisitStatus.Submitted, ReviewAction.Verify, Crew, Crew, null).Refusal);
    }

    [Fact]
    public void Decide_DisputeWithoutReason_Refused()
    {
        Assert.Equal(new ReviewRefusal.ReasonRequired(ReviewAction.Dispute),
            VisitReview.Decide(VisitStatus.Submitted, ReviewAction.Dispute, Director, Crew, "  ").Refusal);
    }

    [Fact]
    public void Decide_AnswerWhenNotDisputed_Refused()
    {
        Assert.IsType<ReviewRefusal.NotNow>(VisitReview.Decide(VisitStatus.Submitted, ReviewAction.Answer, Crew, Crew, "text").Refusal);
    }
}
