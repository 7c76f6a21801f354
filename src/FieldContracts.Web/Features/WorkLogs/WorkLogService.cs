using System.Security.Claims;
using FieldContracts.Administration.WorkLogs;
using FieldContracts.Data;
using FieldContracts.Data.Identity;
using FieldContracts.Data.Planning;
using FieldContracts.Data.WorkLogs;
using FieldContracts.Scheduling.Contracts;
using FieldContracts.Scheduling.Planning;
using FieldContracts.Scheduling.Specification;
using FieldContracts.Web.Features.Contracts;
using FieldContracts.Web.Features.Schedule;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Web.Features.WorkLogs;

/// <summary>What became of a work-log command; turned into HTTP answers or form errors by the callers.</summary>
public abstract record WorkLogOutcome
{
    private WorkLogOutcome()
    {
    }

    /// <summary>Done: the visit, and whether this call created it (false for a retry or a later step).</summary>
    public sealed record Done(Guid Id, bool Created) : WorkLogOutcome;

    /// <summary>No such visit or occurrence that the user can see; another contractor's looks the same.</summary>
    public sealed record NotFound(string Detail) : WorkLogOutcome;

    /// <summary>Input that does not make sense, by JSON path.</summary>
    public sealed record Invalid(Dictionary<string, string[]> Errors) : WorkLogOutcome;

    /// <summary>Sensible input the contract refuses (no prior notice, already logged, already verified, …).</summary>
    public sealed record Conflict(string Title, string Detail) : WorkLogOutcome;

    /// <summary>The user's role may not do this to this visit.</summary>
    public sealed record Forbidden(string Detail) : WorkLogOutcome;
}

/// <summary>
/// Logging visits, correcting them, reviewing them, attaching photos and recording notices. Logging
/// marks the planned work done through <see cref="PlanService"/>, so follow-ups re-plan in the same
/// transaction as the visit, its checks and its photos.
/// </summary>
public sealed class WorkLogService(FieldContractsDbContext db, PlanService plans, PhotoStore photos, IClock clock)
{
    public const int MaxKeyLength = 100;

    public async Task<WorkLogOutcome> SubmitAsync(ClaimsPrincipal user, VisitRequest request, IReadOnlyList<PhotoUpload> uploads,
        CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Contractor) || user.ContractorId() is not { } contractorId)
        {
            return new WorkLogOutcome.Forbidden("Only the contractor's crew logs visits.");
        }

        var key = request.IdempotencyKey?.Trim();
        if (string.IsNullOrEmpty(key) || key.Length > MaxKeyLength)
        {
            return Invalid("idempotencyKey", $"Send an idempotency key (at most {MaxKeyLength} characters), made once per visit.");
        }

        if (await ExistingAsync(contractorId, key, ct) is { } existing)
        {
            return new WorkLogOutcome.Done(existing, Created: false);
        }

        var checkedVisit = await CheckAsync(user, request, null, uploads, 0, ct);
        if (checkedVisit.Outcome is { } refused)
        {
            // A retry running alongside the first submission finds the work already logged: by that submission.
            return await ExistingAsync(contractorId, key, ct) is { } logged ? new WorkLogOutcome.Done(logged, Created: false) : refused;
        }

        var visit = checkedVisit.Visit!;
        var now = clock.GetCurrentInstant();
        var by = ScheduleApi.Who(user);
        var (log, version) = WorkLog.Submit(visit.Contract.Id, contractorId, visit.Site.Id, key, visit.Content, by, now);
        foreach (var photo in visit.Photos)
        {
            await photos.SaveAsync(photo, ct);
        }

        try
        {
            var (_, error) = await plans.ChangeAsync(visit.Contract.Id, ReplanCause.WorkLogged, $"Visit logged by {by}", by,
                (state, _, _) => MarkDone(state, visit, [], log.Id,
                    [log, version, .. Candidates(visit, log.Id, 1, now), .. PhotoRows(visit.Photos, log.Id, 1, by, now)]),
                ct);
            if (error is null)
            {
                return new WorkLogOutcome.Done(log.Id, Created: true);
            }

            return await ExistingAsync(contractorId, key, ct) is { } logged ? new WorkLogOutcome.Done(logged, Created: false) : FromPlanError(error);
        }
        catch (DbUpdateException)
        {
            // A retry of the same visit may have won the race: answer with the visit it created.
            db.ChangeTracker.Clear();
            if (await ExistingAsync(contractorId, key, ct) is { } raced)
            {
                return new WorkLogOutcome.Done(raced, Created: false);
            }

            throw;
        }
    }

    public async Task<WorkLogOutcome> CorrectAsync(ClaimsPrincipal user, Guid id, VisitRequest request, CancellationToken ct)
    {
        var log = await VisibleLogs(user).SingleOrDefaultAsync(l => l.Id == id, ct);
        if (log is null)
        {
            return NotFoundLog(id);
        }

        if (!user.IsInRole(Roles.Contractor))
        {
            return new WorkLogOutcome.Forbidden("Only the contractor corrects its visits.");
        }

        if (string.IsNullOrWhiteSpace(request.Why) || request.Why.Length > 1000)
        {
            return Invalid("why", "Say why the visit is corrected (at most 1000 characters): the correction is kept with its reason.");
        }

        if (VisitReview.Decide(log.Status, ReviewAction.Correct, ScheduleApi.Who(user), log.SubmittedBy, request.Why).Refusal is { } closed)
        {
            return Refused(closed);
        }

        var current = await db.WorkLogVersions.AsNoTracking().SingleAsync(v => v.WorkLogId == id && v.Version == log.CurrentVersion, ct);
        var checkedVisit = await CheckAsync(user, request, log, [], 0, ct);
        if (checkedVisit.Outcome is { } refused)
        {
            return refused;
        }

        var visit = checkedVisit.Visit!;
        var now = clock.GetCurrentInstant();
        var by = ScheduleApi.Who(user);
        var (version, refusal) = log.Correct(visit.Content, by, now, request.Why);
        if (refusal is not null)
        {
            return Refused(refusal);
        }

        var (_, error) = await plans.ChangeAsync(log.ContractId, ReplanCause.WorkLogged, $"Visit corrected by {by}: {request.Why.Trim()}", by,
            (state, _, _) => MarkDone(state, visit, current.OccurrenceIds, log.Id,
                [version!, .. Candidates(visit, log.Id, version!.Version, now)]),
            ct);
        return error is null ? new WorkLogOutcome.Done(log.Id, Created: false) : FromPlanError(error);
    }

    /// <summary>Verify or dispute (the Athletic Director), or answer a dispute (the contractor).</summary>
    public async Task<WorkLogOutcome> ReviewAsync(ClaimsPrincipal user, Guid id, ReviewAction action, string? text, CancellationToken ct)
    {
        var log = await VisibleLogs(user).SingleOrDefaultAsync(l => l.Id == id, ct);
        if (log is null)
        {
            return NotFoundLog(id);
        }

        var role = action == ReviewAction.Answer ? Roles.Contractor : Roles.AthleticDirector;
        if (!user.IsInRole(role))
        {
            return new WorkLogOutcome.Forbidden(action == ReviewAction.Answer
                ? "Only the contractor answers a dispute."
                : "Only the Athletic Director verifies or disputes a visit.");
        }

        if (text is { Length: > 2000 })
        {
            return Invalid("text", "At most 2000 characters.");
        }

        var (recorded, refusal) = log.Review(action, ScheduleApi.Who(user), clock.GetCurrentInstant(), text);
        if (refusal is not null)
        {
            return Refused(refusal);
        }

        db.WorkLogEvents.Add(recorded!);
        await db.SaveChangesAsync(ct);
        return new WorkLogOutcome.Done(log.Id, Created: false);
    }

    /// <summary>Adds photos to a visit's current version (the contractor's, through the API).</summary>
    public async Task<WorkLogOutcome> AddPhotosAsync(ClaimsPrincipal user, Guid id, IReadOnlyList<PhotoUpload> uploads, CancellationToken ct)
    {
        var log = await VisibleLogs(user).AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, ct);
        if (log is null)
        {
            return NotFoundLog(id);
        }

        if (!user.IsInRole(Roles.Contractor))
        {
            return new WorkLogOutcome.Forbidden("Only the contractor adds photos to its visits.");
        }

        if (uploads.Count == 0)
        {
            return Invalid("photos", "Attach at least one photo.");
        }

        var stored = await db.WorkLogPhotos.CountAsync(p => p.WorkLogId == id, ct);
        var (checkedPhotos, errors) = PhotoStore.Check(uploads, stored);
        if (errors.Count > 0)
        {
            return new WorkLogOutcome.Invalid(errors);
        }

        foreach (var photo in checkedPhotos)
        {
            await photos.SaveAsync(photo, ct);
        }

        db.WorkLogPhotos.AddRange(PhotoRows(checkedPhotos, id, log.CurrentVersion, ScheduleApi.Who(user), clock.GetCurrentInstant()));
        await db.SaveChangesAsync(ct);
        return new WorkLogOutcome.Done(id, Created: false);
    }

    /// <summary>Records that a chemical pre-notification was given (the Athletic Director or the contractor).</summary>
    public async Task<WorkLogOutcome> RecordNoticeAsync(ClaimsPrincipal user, NoticeRequest request, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.AthleticDirector) && !user.IsInRole(Roles.Contractor))
        {
            return new WorkLogOutcome.Forbidden("The Athletic Director or the contractor records a notice.");
        }

        var occurrence = request.OccurrenceId is { } occurrenceId
            ? await db.Occurrences.AsNoTracking()
                .Where(o => o.Id == occurrenceId && db.Contracts.VisibleTo(user).Any(c => c.Id == o.ContractId))
                .SingleOrDefaultAsync(ct)
            : null;
        if (occurrence is null)
        {
            return request.OccurrenceId is null
                ? Invalid("occurrenceId", "Name the chemical application the notice announced.")
                : new WorkLogOutcome.NotFound($"There is no occurrence {request.OccurrenceId} that you can see.");
        }

        var errors = new Dictionary<string, string[]>();
        var now = clock.GetCurrentInstant();
        var term = await db.Contracts.Where(c => c.Id == occurrence.ContractId).Select(c => new { c.TermStart, c.TermEnd }).SingleAsync(ct);
        if (!occurrence.IsChemical || occurrence.Cancelled)
        {
            errors["occurrenceId"] = ["Notices are recorded for planned chemical applications only."];
        }

        Instant? sentAt = request.SentAt?.InZoneLeniently(Hartford.Zone).ToInstant();
        if (sentAt is null)
        {
            errors["sentAt"] = ["Give when the notice went out (yyyy-MM-ddTHH:mm, Hartford time)."];
        }
        else if (sentAt > now)
        {
            errors["sentAt"] = ["A notice is recorded once it has gone out, not before."];
        }

        var named = request.ApplicationDate ?? occurrence.PlannedDate;
        if (named is null || named < term.TermStart || named > term.TermEnd)
        {
            errors["applicationDate"] = [$"Give the application day the notice named, within the term ({Display.Short(term.TermStart)} – {Display.Short(term.TermEnd)})."];
        }

        if (request.Channel is not { } channel || !Enum.IsDefined(channel))
        {
            errors["channel"] = [$"Say how it was given: {string.Join(", ", Enum.GetNames<NoticeChannel>())}."];
        }

        if (errors.Count > 0)
        {
            return new WorkLogOutcome.Invalid(errors);
        }

        var by = ScheduleApi.Who(user);
        var record = new NoticeRecord
        {
            Id = Guid.CreateVersion7(),
            ContractId = occurrence.ContractId,
            OccurrenceId = occurrence.Id,
            SentAt = sentAt!.Value,
            ApplicationDateNamed = named!.Value,
            Channel = request.Channel!.Value,
            RecordedBy = by,
            RecordedAt = now,
        };
        var description = $"Notice of {TaskTitles.Of(occurrence.TaskKey)} on {Display.Short(record.ApplicationDateNamed)} recorded as sent " +
                          $"{Display.Time(sentAt.Value.InZone(Hartford.Zone))} ({record.Channel})";
        var (_, error) = await plans.ChangeAsync(occurrence.ContractId, ReplanCause.Other, "Chemical pre-notification given (spec VII)", by,
            (state, _, _) =>
            {
                state.Notices.Add(record);
                return PlanService.Edit.Done(description, record);
            }, ct);
        return error is null ? new WorkLogOutcome.Done(record.Id, Created: true) : FromPlanError(error);
    }

    /// <summary>The work logs the user can see: a contractor's own, everyone's for City and school staff.</summary>
    public IQueryable<WorkLog> VisibleLogs(ClaimsPrincipal user) =>
        db.WorkLogs.Where(l => db.Contracts.VisibleTo(user).Any(c => c.Id == l.ContractId));

    private async Task<Guid?> ExistingAsync(Guid contractorId, string key, CancellationToken ct) =>
        await db.WorkLogs.AsNoTracking().Where(l => l.ContractorId == contractorId && l.IdempotencyKey == key)
            .Select(l => (Guid?)l.Id).SingleOrDefaultAsync(ct);

    /// <summary>A visit that passed every check, ready to store.</summary>
    private sealed record CheckedVisit(Contract Contract, Site Site, VisitContent Content, IReadOnlyList<OccurrenceRecord> Occurrences,
        IReadOnlyList<DeficiencyCandidate> Candidates, IReadOnlyList<CheckedPhoto> Photos);

    private async Task<(CheckedVisit? Visit, WorkLogOutcome? Outcome)> CheckAsync(ClaimsPrincipal user, VisitRequest request,
        WorkLog? correcting, IReadOnlyList<PhotoUpload> uploads, int photosStored, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var ids = (request.OccurrenceIds ?? []).Distinct().ToList();
        if (ids.Count == 0)
        {
            return (null, Invalid("occurrenceIds", "Say which planned work was done."));
        }

        var occurrences = await db.Occurrences.AsNoTracking()
            .Where(o => ids.Contains(o.Id) && db.Contracts.VisibleTo(user).Any(c => c.Id == o.ContractId))
            .ToListAsync(ct);
        if (ids.FirstOrDefault(id => occurrences.All(o => o.Id != id)) is var missing && missing != Guid.Empty)
        {
            return (null, new WorkLogOutcome.NotFound($"There is no planned work {missing} on a contract you can see."));
        }

        if (occurrences.Select(o => (o.ContractId, o.SiteId)).Distinct().Count() > 1)
        {
            return (null, Invalid("occurrenceIds", "A visit is at one school: log the work at each school as its own visit."));
        }

        var contract = await db.Contracts.AsNoTracking().Include(c => c.Sites).ThenInclude(s => s.Areas).AsSplitQuery()
            .SingleAsync(c => c.Id == occurrences[0].ContractId, ct);
        var site = contract.Sites.Single(s => s.Id == occurrences[0].SiteId);
        if (correcting is not null && (correcting.SiteId != site.Id))
        {
            return (null, Invalid("occurrenceIds", "A correction stays at the visit's school."));
        }

        var today = clock.GetCurrentInstant().InZone(Hartford.Zone).Date;
        if (request.Date is not { } date)
        {
            errors["date"] = ["Give the day of the visit (yyyy-MM-dd)."];
            date = today;
        }
        else if (!contract.Term.Contains(date))
        {
            errors["date"] = [$"{Display.Short(date)} is outside the contract term ({Display.Short(contract.TermStart)} – {Display.Short(contract.TermEnd)})."];
        }
        else if (date > today)
        {
            errors["date"] = ["Work is logged once it is done: the day cannot be after today."];
        }

        if (request.Started is null)
        {
            errors["started"] = ["Give the time work began (HH:mm)."];
        }

        if (request.Finished is null)
        {
            errors["finished"] = ["Give the time work ended (HH:mm)."];
        }
        else if (request.Started is { } s && request.Finished <= s)
        {
            errors["finished"] = ["Work ends after it begins."];
        }

        var crew = (request.Crew ?? []).Select(c => c?.Trim() ?? "").ToList();
        if (crew.Count == 0 || crew.All(c => c.Length == 0))
        {
            errors["crew"] = ["Name the crew, crew leader first."];
        }
        else if (crew.Count > 20 || crew.Any(c => c.Length is 0 or > 100))
        {
            errors["crew"] = ["At most 20 names of at most 100 characters each."];
        }

        if (request.Notes is { Length: > 4000 })
        {
            errors["notes"] = ["At most 4000 characters."];
        }

        var heights = CheckHeights(request.Heights ?? [], site, occurrences, errors);
        var application = CheckApplication(request.Application, site, occurrences, errors);

        var (checkedPhotos, photoErrors) = PhotoStore.Check(uploads, photosStored);
        foreach (var (path, messages) in photoErrors)
        {
            errors[path] = messages;
        }

        if (errors.Count > 0)
        {
            return (null, new WorkLogOutcome.Invalid(errors));
        }

        var previous = correcting is null
            ? []
            : (await db.WorkLogVersions.AsNoTracking().SingleAsync(v => v.WorkLogId == correcting.Id && v.Version == correcting.CurrentVersion, ct)).OccurrenceIds;
        foreach (var occurrence in occurrences)
        {
            var title = TaskTitles.Of(occurrence.TaskKey);
            if (occurrence.Cancelled || occurrence.PlannedDate is null)
            {
                return (null, new WorkLogOutcome.Conflict("This work is not planned.",
                    $"{title} at {site.Code} is {(occurrence.Cancelled ? "cancelled" : Display.Status(occurrence.Status).ToLowerInvariant())}."));
            }

            if (occurrence.LoggedOn is { } loggedOn && !previous.Contains(occurrence.Id))
            {
                return (null, new WorkLogOutcome.Conflict("This work is already logged.",
                    $"{title} at {site.Code} was logged as done on {Display.Short(loggedOn)}; correct that visit instead."));
            }
        }

        var startedAt = (date + request.Started!.Value).InZoneLeniently(Hartford.Zone);
        var finishedAt = (date + request.Finished!.Value).InZoneLeniently(Hartford.Zone);
        string? emergency = null;
        if (application is not null)
        {
            var chemicalIds = occurrences.Where(o => o.IsChemical).Select(o => o.Id).ToList();
            var notices = await db.NoticeRecords.AsNoTracking().Where(n => chemicalIds.Contains(n.OccurrenceId))
                .Select(n => new { n.SentAt, n.ApplicationDateNamed }).ToListAsync(ct);
            var decision = ApplicationNotices.Decide(startedAt, contract.Settings.ChemicalNoticeLeadTime,
                notices.Select(n => new SentNotice(n.SentAt, n.ApplicationDateNamed)), application.EmergencyReason);
            switch (decision)
            {
                case NoticeDecision.Refused refused:
                    return (null, new WorkLogOutcome.Conflict("No valid prior notice of this application.", Describe(refused, startedAt, contract)));
                case NoticeDecision.Emergency e:
                    emergency = e.Reason;
                    application = application with { EmergencyReason = e.Reason };
                    break;
                default:
                    // A notice was given: an emergency reason is not needed and would flag the visit for nothing.
                    application = application with { EmergencyReason = null };
                    break;
            }
        }

        var content = new VisitContent(date, startedAt.ToInstant(), finishedAt.ToInstant(), crew,
            string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes.Trim(), ids, heights, application);
        var areas = site.Areas.ToDictionary(a => a.Id, a => new AreaInput(a.Id, a.Name, a.Kind, a.Seasons.ToList()));
        var certifications = application is null
            ? []
            : new[]
            {
                new Certification(CertifiedRole.Supervisor, application.Supervisor.Name, application.Supervisor.CertificationNumber, application.Supervisor.CertificationExpires),
                new Certification(CertifiedRole.Applicator, application.Applicator.Name, application.Applicator.CertificationNumber, application.Applicator.CertificationExpires),
            };
        var facts = new VisitFacts(date,
            occurrences.Select(o => new OccurrenceDone(o.Id, $"{TaskTitles.Of(o.TaskKey)} ({o.ItemReference})", new DateInterval(o.WindowStart, o.WindowEnd))).ToList(),
            heights.Select(h => new AreaHeightLogged(areas[h.AreaId], h.After, h.Before)).ToList(),
            certifications,
            emergency);
        return (new CheckedVisit(contract, site, content, occurrences, SpecificationChecks.Check(facts), checkedPhotos), null);
    }

    private static List<AreaHeight> CheckHeights(IReadOnlyList<HeightRequest> requested, Site site, IReadOnlyList<OccurrenceRecord> occurrences,
        Dictionary<string, string[]> errors)
    {
        var heights = new List<AreaHeight>();
        for (var i = 0; i < requested.Count; i++)
        {
            var h = requested[i];
            var area = site.Areas.SingleOrDefault(a => a.Id == h.AreaId);
            if (area is null)
            {
                errors[$"heights[{i}].areaId"] = [$"{site.Name} has no such area."];
            }
            else if (CuttingHeight.For(area.Kind, false) is null)
            {
                errors[$"heights[{i}].areaId"] = [$"{area.Name} is not mowed."];
            }
            else if (heights.Any(x => x.AreaId == area.Id))
            {
                errors[$"heights[{i}].areaId"] = [$"{area.Name} is given twice."];
            }

            if (h.After is not { } after || after <= 0 || after > 12)
            {
                errors[$"heights[{i}].after"] = ["Give the height of cut in inches, more than 0 and at most 12."];
            }

            if (h.Before is { } before && (before <= 0 || before > 36))
            {
                errors[$"heights[{i}].before"] = ["Give the height before mowing in inches, more than 0 and at most 36, or leave it out."];
            }

            if (area is not null && h.After is { } a)
            {
                heights.Add(new AreaHeight(area.Id, a, h.Before));
            }
        }

        if (heights.Count == 0 && requested.Count == 0 && occurrences.Any(o => o.Kind == TaskKind.Mowing))
        {
            errors["heights"] = ["Give the height of cut of each area mowed."];
        }

        return heights;
    }

    private static ChemicalApplicationRecord? CheckApplication(ApplicationRequest? a, Site site, IReadOnlyList<OccurrenceRecord> occurrences,
        Dictionary<string, string[]> errors)
    {
        var chemical = occurrences.Any(o => o.IsChemical);
        if (a is null)
        {
            if (chemical)
            {
                errors["application"] = ["Chemical work needs its application record (CGS 22a-66g)."];
            }

            return null;
        }

        if (!chemical)
        {
            errors["application"] = ["None of this work applies a chemical; leave the application record out."];
            return null;
        }

        void Text(string path, string? value, int max, string what)
        {
            if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > max)
            {
                errors[path] = [$"Give the {what} (at most {max} characters)."];
            }
        }

        Text("application.product", a.Product, 200, "product");
        Text("application.epaRegistrationNumber", a.EpaRegistrationNumber, 40, "EPA registration number");
        Text("application.activeIngredient", a.ActiveIngredient, 200, "active ingredient");
        Text("application.rate", a.Rate, 100, "rate, e.g. 1.5 pt per acre");
        Text("application.amountUnit", a.AmountUnit, 20, "unit of the amount, e.g. gal");
        Text("application.targetPest", a.TargetPest, 200, "target pest");
        if (a.Amount is not { } amount || amount <= 0 || amount > 100_000)
        {
            errors["application.amount"] = ["Give the amount applied: more than 0."];
        }

        var areaIds = (a.AreaIds ?? []).Distinct().ToList();
        if (areaIds.Count == 0)
        {
            errors["application.areaIds"] = ["Say which areas were treated."];
        }

        for (var i = 0; i < areaIds.Count; i++)
        {
            if (site.Areas.All(x => x.Id != areaIds[i]))
            {
                errors[$"application.areaIds[{i}]"] = [$"{site.Name} has no such area."];
            }
        }

        CertifiedPerson? Person(string path, PersonRequest? p)
        {
            Text($"{path}.name", p?.Name, 100, "name");
            Text($"{path}.certificationNumber", p?.CertificationNumber, 40, "certification number");
            if (p?.CertificationExpires is null)
            {
                errors[$"{path}.certificationExpires"] = ["Give the day the certification expires."];
                return null;
            }

            return string.IsNullOrWhiteSpace(p.Name) || string.IsNullOrWhiteSpace(p.CertificationNumber)
                ? null
                : new CertifiedPerson(p.Name.Trim(), p.CertificationNumber.Trim(), p.CertificationExpires.Value);
        }

        var supervisor = Person("application.supervisor", a.Supervisor);
        var applicator = Person("application.applicator", a.Applicator);
        if (a.WindMph is not { } wind || wind < 0 || wind > 100)
        {
            errors["application.windMph"] = ["Give the wind speed in mph, 0 or more."];
        }

        if (a.TemperatureF is not { } temperature || temperature < -40 || temperature > 130)
        {
            errors["application.temperatureF"] = ["Give the temperature in °F."];
        }

        if (a.SignsPosted is null)
        {
            errors["application.signsPosted"] = ["Say whether \"PESTICIDE APPLICATION\" signs were posted."];
        }

        if (a.WindDirection is { Length: > 20 })
        {
            errors["application.windDirection"] = ["At most 20 characters."];
        }

        if (a.EmergencyReason is { Length: > 1000 })
        {
            errors["application.emergencyReason"] = ["At most 1000 characters."];
        }

        if (errors.Keys.Any(k => k.StartsWith("application", StringComparison.Ordinal)) || supervisor is null || applicator is null)
        {
            return null;
        }

        return new ChemicalApplicationRecord(a.Product!.Trim(), a.EpaRegistrationNumber!.Trim(), a.ActiveIngredient!.Trim(), a.Rate!.Trim(),
            a.Amount!.Value, a.AmountUnit!.Trim(), areaIds, a.TargetPest!.Trim(), supervisor, applicator, a.WindMph!.Value,
            string.IsNullOrWhiteSpace(a.WindDirection) ? null : a.WindDirection.Trim(), a.TemperatureF!.Value, a.SignsPosted!.Value,
            string.IsNullOrWhiteSpace(a.EmergencyReason) ? null : a.EmergencyReason.Trim());
    }

    /// <summary>Marks the visit's work done on its day (and work dropped by a correction as not done), for the re-plan.</summary>
    private static PlanService.Edit MarkDone(PlanState state, CheckedVisit visit, IReadOnlyList<Guid> previouslyDone, Guid logId,
        IReadOnlyList<object> rows)
    {
        foreach (var id in previouslyDone.Except(visit.Content.OccurrenceIds))
        {
            if (state.Occurrences.ContainsKey(id))
            {
                state.MarkLogged(id, null);
            }
        }

        foreach (var id in visit.Content.OccurrenceIds)
        {
            var record = state.Occurrences[id];
            if (record.LoggedOn is not null && !previouslyDone.Contains(id))
            {
                // Logged by another visit since the checks ran.
                return PlanService.Edit.Refused(new PlanEditError.Invalid(new Dictionary<string, string[]>
                {
                    ["occurrenceIds"] = [$"{TaskTitles.Of(record.TaskKey)} was logged by another visit meanwhile."],
                }));
            }

            state.MarkLogged(id, visit.Content.WorkDate);
        }

        var work = string.Join("; ", visit.Occurrences.Select(o => $"{TaskTitles.Of(o.TaskKey)} ({o.ItemReference})"));
        return PlanService.Edit.Done($"Work logged at {visit.Site.Code} on {Display.Short(visit.Content.WorkDate)}: {work} (visit {logId})",
            [.. rows]);
    }

    private static IEnumerable<DeficiencyCandidateRecord> Candidates(CheckedVisit visit, Guid logId, int version, Instant now) =>
        visit.Candidates.Select(c => new DeficiencyCandidateRecord
        {
            Id = Guid.CreateVersion7(),
            ContractId = visit.Contract.Id,
            WorkLogId = logId,
            Version = version,
            OccurrenceId = c.OccurrenceId,
            AreaId = c.AreaId,
            Kind = c.Kind,
            Evidence = c.Evidence,
            RaisedAt = now,
            Status = CandidateStatus.Open,
        });

    private static IEnumerable<WorkLogPhoto> PhotoRows(IReadOnlyList<CheckedPhoto> checkedPhotos, Guid logId, int version, string by, Instant now) =>
        checkedPhotos.Select(p => new WorkLogPhoto
        {
            Id = Guid.CreateVersion7(),
            WorkLogId = logId,
            Version = version,
            FileName = p.FileName,
            ContentType = p.ContentType,
            SizeBytes = p.Bytes.LongLength,
            Sha256 = p.Sha256,
            StoragePath = p.StoragePath,
            UploadedBy = by,
            UploadedAt = now,
        });

    private static string Describe(NoticeDecision.Refused refused, ZonedDateTime startedAt, Contract contract)
    {
        var lead = contract.Settings.ChemicalNoticeLeadTime.TotalHours;
        var due = Display.Time(refused.DueBy.InZone(Hartford.Zone));
        var text = $"An application starting {Display.Time(startedAt)} needs a notice naming {Display.Short(startedAt.Date)}, " +
                   $"sent at least {lead:0.#} hours before: by {due}. ";
        text += refused.Closest is { } closest
            ? $"The latest notice recorded went out {Display.Time(closest.SentAt.InZone(Hartford.Zone))} and named {Display.Short(closest.ApplicationDateNamed)}. "
            : "No notice is recorded. ";
        return text + "Record the notice if it was given, or mark the application as an emergency with its reason.";
    }

    private static WorkLogOutcome Refused(ReviewRefusal refusal) => refusal switch
    {
        ReviewRefusal.OwnSubmission => new WorkLogOutcome.Forbidden("Nobody verifies or disputes a visit they submitted."),
        ReviewRefusal.ReasonRequired r => Invalid(r.Action == ReviewAction.Correct ? "why" : "text",
            r.Action == ReviewAction.Dispute ? "Say what is disputed." : "Give the text."),
        ReviewRefusal.NotNow n => new WorkLogOutcome.Conflict("Not now.", n.Status switch
        {
            VisitStatus.Verified => "The visit is verified; it is closed.",
            VisitStatus.Disputed => $"The visit is disputed: the contractor answers or corrects it first ({n.Action} is not open).",
            _ => $"The visit is {n.Status.ToString().ToLowerInvariant()}; {n.Action.ToString().ToLowerInvariant()} is not open.",
        }),
        _ => new WorkLogOutcome.Conflict("Refused.", refusal.ToString()),
    };

    private static WorkLogOutcome FromPlanError(PlanEditError error) => error switch
    {
        PlanEditError.Invalid invalid => new WorkLogOutcome.Conflict("The plan changed meanwhile.", string.Join(" ", invalid.Errors.Values.SelectMany(v => v))),
        _ => new WorkLogOutcome.NotFound("The contract no longer exists."),
    };

    private static WorkLogOutcome.NotFound NotFoundLog(Guid id) => new($"There is no visit {id} that you can see.");

    private static WorkLogOutcome.Invalid Invalid(string path, string message) => new(new Dictionary<string, string[]> { [path] = [message] });
}
