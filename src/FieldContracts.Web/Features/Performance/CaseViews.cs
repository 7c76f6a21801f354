using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.Performance;
using FieldContracts.Data.Performance;
using NodaTime;

namespace FieldContracts.Web.Features.Performance;

/// <summary>A performance case in a contract's list.</summary>
public sealed record CaseSummary(
    Guid Id,
    string ContractNumber,
    PerformanceCaseStatus Status,
    ZonedDateTime OpenedAt,
    string OpenedBy,
    int Deficiencies,
    LocalDate? MeetingOn,
    LocalDate? RemedialPeriodEndsOn,
    int Uncured);

/// <summary>One deficiency named in a case, with its school and the City's verdict.</summary>
public sealed record CaseDeficiencyView(
    Guid DeficiencyId,
    DeficiencyKind Kind,
    string? School,
    string Evidence,
    LocalDate FoundOn,
    DeficiencyStatus StatusWhenNamed,
    DeficiencyStatus StatusNow,
    string? CuredMeans,
    bool? Cured,
    LocalDate? InspectedOn);

/// <summary>A stored document of a case or termination; <see cref="Href"/> downloads it.</summary>
public sealed record CaseDocumentView(Guid Id, CaseDocumentKind Kind, string FileName, string ContentType, string Sha256, long Length,
    string Href);

/// <summary>An email sent for a step: to whom, and when the mail server accepted it (the proof of delivery).</summary>
public sealed record CaseDeliveryView(string To, ZonedDateTime QueuedAt, ZonedDateTime? AcceptedAt, ZonedDateTime? GaveUpAt, int Attempts);

/// <summary>A step on the timeline: who, when, why, the step's own data in words, and its documents and emails.</summary>
public sealed record CaseStepView(
    Guid Id,
    PerformanceCaseAction Action,
    PerformanceCaseStatus StatusAfter,
    Party Party,
    string By,
    ZonedDateTime At,
    string Text,
    IReadOnlyList<string> Details,
    IReadOnlyList<CaseDocumentView> Documents,
    IReadOnlyList<CaseDeliveryView> Deliveries);

/// <summary>A case whole: where it stands, its deficiencies, every step, and what the signed-in user may do next.</summary>
public sealed record CaseDetail(
    Guid Id,
    string ContractNumber,
    PerformanceCaseStatus Status,
    LocalDate TermEnd,
    LocalDate? MeetingOn,
    string MeetingPlace,
    IReadOnlyList<string> MeetingAttendees,
    LocalDate? MeetingHeldOn,
    string? MeetingMinutes,
    string? ContractorResponse,
    LocalDate? RemedialPeriodStartsOn,
    LocalDate? RemedialPeriodEndsOn,
    bool RemedialPeriodShorterThanSuggested,
    ZonedDateTime? CureNoticeSentAt,
    LocalDate? TerminationEffectiveOn,
    IReadOnlyList<CaseDeficiencyView> Deficiencies,
    IReadOnlyList<CaseStepView> Steps,
    IReadOnlyList<PerformanceCaseAction> NextSteps);

/// <summary>A contract's early end, for cause or without, with its notice.</summary>
public sealed record TerminationView(
    string ContractNumber,
    TerminationKind Kind,
    TerminationWithoutCauseReason? Reason,
    LocalDate? NoticeOn,
    LocalDate EffectiveOn,
    LocalDate LastDayOfService,
    string By,
    ZonedDateTime At,
    string Text,
    Guid? CaseId,
    IReadOnlyList<CaseDocumentView> Documents,
    IReadOnlyList<CaseDeliveryView> Deliveries);

/// <summary>The watch rule's suggestion for a contract today, with the deficiencies a case would name.</summary>
public sealed record WatchView(bool OpenCase, IReadOnlyList<string> Reasons, IReadOnlyList<Guid> DeficiencyIds, int UpheldThreshold,
    int WindowDays, bool AnyApplicationWithoutNotice);
