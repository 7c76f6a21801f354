namespace FieldContracts.Administration.WorkLogs;

/// <summary>Where a logged visit stands in its review by the Athletic Director.</summary>
public enum VisitStatus
{
    /// <summary>Logged (or corrected) by the contractor; waiting for the Athletic Director.</summary>
    Submitted,

    /// <summary>The Athletic Director confirmed the work was done as logged.</summary>
    Verified,

    /// <summary>The Athletic Director disputes the visit, with a reason; waiting for the contractor.</summary>
    Disputed,

    /// <summary>The contractor answered a dispute; waiting for the Athletic Director again.</summary>
    Answered,
}

/// <summary>What someone does to a visit under review.</summary>
public enum ReviewAction
{
    Verify,
    Dispute,
    Answer,
    Correct,
}

/// <summary>Why a review step is refused; a value, not an exception.</summary>
public abstract record ReviewRefusal
{
    private ReviewRefusal()
    {
    }

    /// <summary>The step does not follow from where the visit stands.</summary>
    public sealed record NotNow(VisitStatus Status, ReviewAction Action) : ReviewRefusal;

    /// <summary>Nobody verifies or disputes what they submitted themselves.</summary>
    public sealed record OwnSubmission : ReviewRefusal;

    /// <summary>A dispute, an answer and a correction each need their reason.</summary>
    public sealed record ReasonRequired(ReviewAction Action) : ReviewRefusal;
}

/// <summary>
/// The review of a visit: the Athletic Director verifies it or disputes it with a reason; the
/// contractor answers a dispute or corrects the visit, which sends it back for verification. A
/// verified visit is closed: it is not corrected or disputed again.
/// </summary>
public static class VisitReview
{
    /// <summary>The status after <paramref name="action"/>, or why it is refused.</summary>
    /// <param name="status">Where the visit stands.</param>
    /// <param name="action">What is asked.</param>
    /// <param name="actor">Who asks (the user's name).</param>
    /// <param name="submittedBy">Who logged the visit.</param>
    /// <param name="reason">The reason or text given.</param>
    public static (VisitStatus? Next, ReviewRefusal? Refusal) Decide(VisitStatus status, ReviewAction action, string actor,
        string submittedBy, string? reason)
    {
        if (action is ReviewAction.Verify or ReviewAction.Dispute && string.Equals(actor, submittedBy, StringComparison.OrdinalIgnoreCase))
        {
            return (null, new ReviewRefusal.OwnSubmission());
        }

        if (action != ReviewAction.Verify && string.IsNullOrWhiteSpace(reason))
        {
            return (null, new ReviewRefusal.ReasonRequired(action));
        }

        VisitStatus? next = (action, status) switch
        {
            (ReviewAction.Verify, VisitStatus.Submitted or VisitStatus.Answered) => VisitStatus.Verified,
            (ReviewAction.Dispute, VisitStatus.Submitted or VisitStatus.Answered) => VisitStatus.Disputed,
            (ReviewAction.Answer, VisitStatus.Disputed) => VisitStatus.Answered,
            (ReviewAction.Correct, VisitStatus.Submitted or VisitStatus.Disputed or VisitStatus.Answered) => VisitStatus.Submitted,
            _ => null,
        };
        return next is null ? (null, new ReviewRefusal.NotNow(status, action)) : (next, null);
    }
}
