using FieldContracts.Administration.Performance;

namespace FieldContracts.Web.Features.Performance.Documents;

/// <summary>One clause of the bid, quoted word for word.</summary>
/// <param name="Reference">Where it stands in the special instructions, e.g. "7 B".</param>
/// <param name="Heading">The special instruction's own heading, e.g. "Contractor Performance".</param>
/// <param name="Text">The clause exactly as the bid prints it: spelling, punctuation and capitals included.</param>
public sealed record BidClause(string Reference, string Heading, string Text);

/// <summary>
/// The clauses of bid #2685's special instructions that the performance-case documents quote, kept here and nowhere
/// else. A test holds each to the bid's text word for word, so edit none of them except to match the bid.
/// </summary>
public static class BidClauses
{
    /// <summary>Where the clauses come from, as the documents cite it.</summary>
    public const string Source = "Special Instructions to Bidders, term contract: athletic fields; maintenance of; bid #2685";

    /// <summary>Special instruction 6: cancellation without cause, on thirty days' written notice.</summary>
    public static readonly BidClause ContractTermination = new(
        "6",
        "Contract Termination",
        "The City of Hartford reserves the right to cancel this contract, at any time, with thirty (30) days prior written "
        + "notice to contractor, should any of the following conditions exist:");

    /// <summary>Special instruction 6 A: the funds are not appropriated.</summary>
    public static readonly BidClause FundsNotAppropriated = new(
        "6 A",
        "Contract Termination",
        "Funds are not appropriated by the Court of Common Council to allow continuance of this contract.");

    /// <summary>Special instruction 6 B: the City no longer needs the service.</summary>
    public static readonly BidClause NeedEnded = new(
        "6 B",
        "Contract Termination",
        "The City of Hartford, through changes in its requirements or method of operation, no longer has a need for the "
        + "commodity or service.");

    /// <summary>Special instruction 7: the grounds for termination and the steps the City takes before it.</summary>
    public static readonly BidClause ContractorPerformance = new(
        "7",
        "Contractor Performance",
        "If, during the term of this Contract, the Contractor; A) repeatedly fails to provide the level of services "
        + "required under this Contract; B) fails to fulfill services required in accordance with agreed schedule or C) "
        + "fails to comply with any other terms and conditions outlined in the Contract, the City shall have the right to "
        + "terminate this Contract. Prior to termination, the City shall:");

    /// <summary>Special instruction 7 A: the meeting.</summary>
    public static readonly BidClause Meet = new(
        "7 A",
        "Contractor Performance",
        "Meet with Contractor to give him/her an opportunity to respond to complaints;");

    /// <summary>Special instruction 7 B: the remedial period.</summary>
    public static readonly BidClause RemedialPeriod = new(
        "7 B",
        "Contractor Performance",
        "Establish a remedial period for the Contractor to correct service deficiencies and/or defaults to the "
        + "satisfaction of the City;");

    /// <summary>Special instruction 7 C: termination when the deficiencies are not corrected in time.</summary>
    public static readonly BidClause Terminate = new(
        "7 C",
        "Contractor Performance",
        "If Contractor fails to correct said deficiencies and/or defaults within the remedial period, the City shall "
        + "terminate contract.");

    /// <summary>Every clause above, in the bid's order.</summary>
    public static IReadOnlyList<BidClause> All { get; } =
        [ContractTermination, FundsNotAppropriated, NeedEnded, ContractorPerformance, Meet, RemedialPeriod, Terminate];

    /// <summary>The condition of special instruction 6 that <paramref name="reason"/> stands for.</summary>
    public static BidClause For(TerminationWithoutCauseReason reason) => reason switch
    {
        TerminationWithoutCauseReason.FundsNotAppropriated => FundsNotAppropriated,
        TerminationWithoutCauseReason.NeedEnded => NeedEnded,
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Not a condition of special instruction 6."),
    };
}
