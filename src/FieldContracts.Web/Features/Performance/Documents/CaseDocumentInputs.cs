using FieldContracts.Administration.Performance;
using NodaTime;

namespace FieldContracts.Web.Features.Performance.Documents;

/// <summary>
/// What every performance-case document says about the contract and the parties. Plain data: the caller reads it from
/// the database, in the words it wants printed.
/// </summary>
/// <param name="ContractNumber">The bid number, e.g. "2685".</param>
/// <param name="ContractTitle">As the bid names it, e.g. "Athletic Fields; Maintenance Of".</param>
/// <param name="TermStart">The term's first day.</param>
/// <param name="TermEnd">The term's last day, inclusive (December 31, 2004 for #2685).</param>
/// <param name="ContractorAddress">Its postal address; one line per line of the address ("\n" between them).</param>
/// <param name="CityOffice">Who writes for the City, e.g. "City of Hartford, Procurement Services".</param>
/// <param name="IssuedOn">The date the document bears; it also becomes the PDF's creation date.</param>
/// <param name="IssuedBy">The person who signs for the City, with the title if wanted ("Jane Doe, Purchasing Agent").</param>
public sealed record CaseDocumentHeader(
    string ContractNumber,
    string ContractTitle,
    LocalDate TermStart,
    LocalDate TermEnd,
    string ContractorName,
    string ContractorAddress,
    string CityOffice,
    LocalDate IssuedOn,
    string IssuedBy);

/// <summary>One deficiency as a performance-case document lists it.</summary>
/// <param name="Kind">In words, e.g. "Missed mowing" or "Complaint".</param>
/// <param name="School">The school it happened at; null when it is not about one site (a late report).</param>
/// <param name="Areas">The areas concerned, in words; may be empty.</param>
/// <param name="FoundOn">The day it was found.</param>
/// <param name="Evidence">What was seen, in the register's words; printed whole, over as many lines and pages as it takes.</param>
/// <param name="CuredMeans">
/// What the City will hold as cured (special instruction 7 B, "to the satisfaction of the City"); printed on the cure
/// notice, and on the other documents when given.
/// </param>
/// <param name="EvidenceFiles">Names or short hashes of the photos and reports behind it; may be empty.</param>
public sealed record CaseDocumentDeficiency(
    string Kind,
    string? School,
    IReadOnlyList<string> Areas,
    LocalDate FoundOn,
    string Evidence,
    string? CuredMeans,
    IReadOnlyList<string> EvidenceFiles);

/// <summary>Special instruction 7 A: the City invites the contractor to a meeting to respond to the complaints.</summary>
/// <param name="Attendees">Who will attend, one name (and role) each.</param>
/// <param name="Complaints">The deficiencies the contractor is asked to answer.</param>
/// <param name="Text">The City's letter, in its own words; blank lines separate paragraphs.</param>
public sealed record MeetingInvitation(
    CaseDocumentHeader Header,
    LocalDate MeetingOn,
    string Place,
    IReadOnlyList<string> Attendees,
    IReadOnlyList<CaseDocumentDeficiency> Complaints,
    string Text);

/// <summary>Special instruction 7 B: the written notice of the remedial period and of what must be cured in it.</summary>
/// <param name="MeetingHeldOn">The day the 7 A meeting was held.</param>
/// <param name="StartsOn">The remedial period's first day.</param>
/// <param name="EndsOn">The remedial period's last day, inclusive.</param>
/// <param name="ToCure">The deficiencies to cure, each with <see cref="CaseDocumentDeficiency.CuredMeans"/> given.</param>
/// <param name="Text">The City's letter, in its own words; blank lines separate paragraphs.</param>
public sealed record CureNotice(
    CaseDocumentHeader Header,
    LocalDate MeetingHeldOn,
    LocalDate StartsOn,
    LocalDate EndsOn,
    IReadOnlyList<CaseDocumentDeficiency> ToCure,
    string Text);

/// <summary>
/// The City's written notice that it ends the contract early: for cause under special instruction 7 C, or without cause
/// under special instruction 6 A or 6 B.
/// </summary>
/// <param name="Reason">Which condition of special instruction 6, for a termination without cause; null for cause.</param>
/// <param name="NoticeOn">The day the notice is given.</param>
/// <param name="EffectiveOn">
/// The first day the contract is no longer in force, as <see cref="ContractTermination.EffectiveOn"/> means it; the
/// last day of service is the day before.
/// </param>
/// <param name="Uncured">For cause, the deficiencies not corrected within the remedial period; usually empty without cause.</param>
/// <param name="Text">The City's reasons, in its own words; blank lines separate paragraphs.</param>
public sealed record TerminationNotice(
    CaseDocumentHeader Header,
    TerminationKind Kind,
    TerminationWithoutCauseReason? Reason,
    LocalDate NoticeOn,
    LocalDate EffectiveOn,
    IReadOnlyList<CaseDocumentDeficiency> Uncured,
    string Text)
{
    /// <summary>The last day work is owed and paid for: the day before <see cref="EffectiveOn"/>.</summary>
    public LocalDate LastDayOfService => EffectiveOn.PlusDays(-1);
}
