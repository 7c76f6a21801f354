using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.Notices;
using FieldContracts.Administration.WorkLogs;
using NodaTime;

namespace FieldContracts.Web.Features.WorkLogs;

/// <summary>A visit as the contractor logs it (and corrects it), through the API or the phone form.</summary>
/// <param name="IdempotencyKey">Any unique text the client makes once per visit (a UUID); a retry with the same key returns the same visit. The <c>Idempotency-Key</c> header serves too.</param>
/// <param name="OccurrenceIds">The planned work done, all at one school.</param>
/// <param name="Date">The day of the visit, yyyy-MM-dd.</param>
/// <param name="Started">When work began, HH:mm local time.</param>
/// <param name="Finished">When work ended, HH:mm local time.</param>
/// <param name="Crew">Who worked, crew leader first.</param>
/// <param name="Notes">Anything to add.</param>
/// <param name="Heights">For each mowed area: height of cut and, when measured, before mowing (inches).</param>
/// <param name="Application">The chemical application record, for chemical work.</param>
/// <param name="Why">For a correction: why it is corrected.</param>
/// <param name="Subcontractor">The approved sub-contractor that did the work, as named in its request (spec VI); left out for the contractor's own crew.</param>
public sealed record VisitRequest(
    string? IdempotencyKey,
    IReadOnlyList<Guid>? OccurrenceIds,
    LocalDate? Date,
    LocalTime? Started,
    LocalTime? Finished,
    IReadOnlyList<string>? Crew,
    string? Notes,
    IReadOnlyList<HeightRequest>? Heights,
    ApplicationRequest? Application,
    string? Why = null,
    string? Subcontractor = null);

public sealed record HeightRequest(Guid? AreaId, decimal? After, decimal? Before);

/// <summary>A pesticide application record (CGS 22a-66g).</summary>
/// <param name="EmergencyReason">Only when no sufficient prior notice was given: why it could not wait. The Athletic Director is told.</param>
public sealed record ApplicationRequest(
    string? Product,
    string? EpaRegistrationNumber,
    string? ActiveIngredient,
    string? Rate,
    decimal? Amount,
    string? AmountUnit,
    IReadOnlyList<Guid>? AreaIds,
    string? TargetPest,
    PersonRequest? Supervisor,
    PersonRequest? Applicator,
    decimal? WindMph,
    string? WindDirection,
    decimal? TemperatureF,
    bool? SignsPosted,
    string? EmergencyReason);

/// <summary>The supervisor or applicator of an application.</summary>
/// <param name="LicenceId">The licence picked from the contractor's register: name, number and expiry then come from the register and the typed ones are not needed.</param>
public sealed record PersonRequest(string? Name, string? CertificationNumber, LocalDate? CertificationExpires, Guid? LicenceId = null);

/// <summary>The Athletic Director's verification or dispute, or the contractor's answer.</summary>
public sealed record ReviewRequest(string? Text);

/// <summary>A chemical pre-notification recorded as given.</summary>
/// <param name="OccurrenceId">The chemical application it announced.</param>
/// <param name="SentAt">When it went out, yyyy-MM-ddTHH:mm local time in Hartford.</param>
/// <param name="ApplicationDate">The application day it named; the planned day when left out.</param>
/// <param name="Channel">Email, Letter, Phone, InPerson or Posted.</param>
public sealed record NoticeRequest(Guid? OccurrenceId, LocalDateTime? SentAt, LocalDate? ApplicationDate, NoticeChannel? Channel);

/// <summary>A visit with every version, review step, photo and check raised.</summary>
public sealed record WorkLogView(
    Guid Id,
    string ContractNumber,
    string Site,
    string SiteName,
    VisitStatus Status,
    int CurrentVersion,
    bool EmergencyApplication,
    string SubmittedBy,
    ZonedDateTime SubmittedAt,
    IReadOnlyList<VersionView> Versions,
    IReadOnlyList<EventView> Events,
    IReadOnlyList<PhotoView> Photos,
    IReadOnlyList<DeficiencyView> Deficiencies)
{
    public VersionView Current => Versions.Single(v => v.Version == CurrentVersion);
}

public sealed record VersionView(
    int Version,
    LocalDate Date,
    LocalTime Started,
    LocalTime Finished,
    IReadOnlyList<string> Crew,
    string? Notes,
    IReadOnlyList<WorkDoneView> Work,
    IReadOnlyList<HeightLoggedView> Heights,
    ApplicationView? Application,
    string? Subcontractor,
    string RecordedBy,
    ZonedDateTime RecordedAt,
    string? Why);

public sealed record WorkDoneView(Guid OccurrenceId, string Title, string ItemReference, LocalDate? PlannedDate);

public sealed record HeightLoggedView(Guid AreaId, string Area, decimal After, decimal? Before);

public sealed record ApplicationView(
    string Product, string EpaRegistrationNumber, string ActiveIngredient, string Rate, decimal Amount, string AmountUnit,
    IReadOnlyList<string> Areas, string TargetPest, CertifiedPerson Supervisor, CertifiedPerson Applicator,
    decimal WindMph, string? WindDirection, decimal TemperatureF, bool SignsPosted, string? EmergencyReason,
    IReadOnlyList<Guid> AreaIds);

public sealed record EventView(ReviewAction Action, int Version, VisitStatus StatusAfter, string By, ZonedDateTime At, string? Text);

public sealed record PhotoView(Guid Id, int Version, string FileName, string ContentType, long SizeBytes, string Sha256);

/// <summary>A deficiency in the register, as lists show it.</summary>
public sealed record DeficiencyView(Guid Id, Guid? WorkLogId, int? Version, Guid? OccurrenceId, DeficiencyKind Kind, string Evidence, string Site,
    ZonedDateTime RaisedAt, string RaisedBy, DeficiencyStatus Status);

/// <summary>A visit in a list.</summary>
public sealed record WorkLogSummary(Guid Id, string ContractNumber, string Site, LocalDate Date, string Work, VisitStatus Status,
    bool EmergencyApplication, int CurrentVersion, int Deficiencies, string SubmittedBy);

/// <summary>Planned work for the crew's week.</summary>
public sealed record PlannedWork(Guid OccurrenceId, string ContractNumber, string Site, string SiteName, LocalDate Date, string Title,
    bool IsChemical, LocalTime? ApplicationStart, LocalDate? LoggedOn);

/// <summary>A notice given for an application: recorded by hand or emailed (<see cref="NoticeSource"/>), with how, in words.</summary>
public sealed record NoticeView(ZonedDateTime SentAt, LocalDate ApplicationDateNamed, NoticeSource Source, string How);
