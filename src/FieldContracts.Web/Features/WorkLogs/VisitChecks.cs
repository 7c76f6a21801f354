using System.Security.Claims;
using FieldContracts.Administration.Licences;
using FieldContracts.Administration.Notices;
using FieldContracts.Administration.Subcontracting;
using FieldContracts.Administration.WorkLogs;
using FieldContracts.Data;
using FieldContracts.Data.Compliance;
using FieldContracts.Data.Notices;
using FieldContracts.Data.Planning;
using FieldContracts.Scheduling.Contracts;
using FieldContracts.Scheduling.Planning;
using FieldContracts.Scheduling.Specification;
using FieldContracts.Web.Features.Licences;
using FieldContracts.Web.Features.Schedule;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Web.Features.WorkLogs;

/// <summary>A visit that passed every check, ready to store.</summary>
public sealed record CheckedVisit(Contract Contract, Site Site, VisitContent Content, IReadOnlyList<OccurrenceRecord> Occurrences,
    IReadOnlyList<DeficiencyCandidate> Findings, IReadOnlyList<CheckedPhoto> Photos);

/// <summary>
/// Checks a visit as submitted or corrected: the shape of the request (the edge's work), then the contract's rules
/// from the pure domain (the notice ledger, the specification checks). Shared by logging and correcting.
/// </summary>
public sealed class VisitChecks(FieldContractsDbContext db, IClock clock)
{
    /// <summary>Where a refusal for want of a prior notice belongs on a form: the application's notice.</summary>
    public const string NoticeField = "application.notice";

    /// <summary>The work logs the user can see: a contractor's own, everyone's for City and school staff.</summary>
    public IQueryable<WorkLog> VisibleLogs(ClaimsPrincipal user) =>
        db.WorkLogs.Where(l => db.Contracts.VisibleTo(user).Any(c => c.Id == l.ContractId));

    public async Task<(CheckedVisit? Visit, WorkLogOutcome? Outcome)> CheckAsync(ClaimsPrincipal user, VisitRequest request,
        WorkLog? correcting, IReadOnlyList<FileUpload> uploads, int photosStored, CancellationToken ct)
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

        var subcontractor = string.IsNullOrWhiteSpace(request.Subcontractor) ? null : request.Subcontractor.Trim();
        if (subcontractor is { Length: > 200 })
        {
            errors["subcontractor"] = ["At most 200 characters."];
        }

        var register = request.Application is { } asked && (asked.Supervisor?.LicenceId is not null || asked.Applicator?.LicenceId is not null)
            ? await db.Licences.AsNoTracking().Where(l => l.ContractorId == contract.ContractorId).ToListAsync(ct)
            : [];
        var heights = CheckHeights(request.Heights ?? [], site, occurrences, errors);
        var application = CheckApplication(request.Application, site, occurrences, register, errors);
        if (application is not null && !errors.ContainsKey("date"))
        {
            foreach (var (path, message) in LicenceRefusals(application, register, date))
            {
                errors[path] = [message];
            }
        }

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

        if (subcontractor is not null)
        {
            var requests = await db.SubcontractRequests.AsNoTracking().Where(r => r.ContractId == contract.Id).ToListAsync(ct);
            foreach (var occurrence in occurrences)
            {
                if (SubcontractorCheck.MayLogWork(contract.Settings.Subcontracting, requests, subcontractor, occurrence.ItemReference, date) is { } refusal)
                {
                    return (null, new WorkLogOutcome.Conflict("Sub-contracted work not approved.",
                        SubcontractWorkWords.Refusal(refusal, $"{TaskTitles.Of(occurrence.TaskKey)} ({occurrence.ItemReference})"), "subcontractor"));
                }
            }

            subcontractor = requests.Where(r => r.Status == SubcontractRequestStatus.Approved)
                .Select(r => r.Subcontractor.Name)
                .FirstOrDefault(n => string.Equals(n, subcontractor, StringComparison.OrdinalIgnoreCase)) ?? subcontractor;
        }

        var startedAt = (date + request.Started!.Value).InZoneLeniently(Hartford.Zone);
        var finishedAt = (date + request.Finished!.Value).InZoneLeniently(Hartford.Zone);
        string? emergency = null;
        if (application is not null)
        {
            var chemicalIds = occurrences.Where(o => o.IsChemical).Select(o => o.Id).ToList();
            var ledger = await NoticeLedgers.ForOccurrencesAsync(db, chemicalIds, ct);
            var decision = ApplicationNotices.Decide(startedAt, contract.Settings.ChemicalNoticeLeadTime, ledger, chemicalIds,
                application.EmergencyReason);
            switch (decision)
            {
                case NoticeDecision.Refused refused:
                    return (null, new WorkLogOutcome.Conflict("No valid prior notice of this application.", Describe(refused, startedAt, contract),
                        NoticeField));
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
            string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes.Trim(), ids, heights, application, subcontractor);
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
        IReadOnlyList<LicenceRecord> register, Dictionary<string, string[]> errors)
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
            if (p?.LicenceId is { } licenceId)
            {
                // Picked from the register: who and which certification are the register's, not typed.
                if (register.SingleOrDefault(l => l.Id == licenceId && !l.HolderIsFirm) is not { } picked)
                {
                    errors[$"{path}.licenceId"] = ["There is no such person's licence in the contractor's register."];
                    return null;
                }

                return new CertifiedPerson(picked.Holder, picked.Number, picked.ExpiresOn, picked.Id);
            }

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

    /// <summary>
    /// For each person picked from the register, why the register does not license them for this application on
    /// <paramref name="day"/> (<see cref="LicenceCheck.ForApplication"/>, in bid #2685's category), by the field of the pick.
    /// People typed by hand are left to the specification check, as before the register.
    /// </summary>
    private static IEnumerable<(string Path, string Message)> LicenceRefusals(ChemicalApplicationRecord application,
        IReadOnlyList<LicenceRecord> register, LocalDate day)
    {
        var picked = new Dictionary<ApplicationRole, CertifiedPerson>();
        if (application.Applicator.LicenceId is not null)
        {
            picked[ApplicationRole.Applicator] = application.Applicator;
        }

        if (application.Supervisor.LicenceId is not null)
        {
            picked[ApplicationRole.Supervisor] = application.Supervisor;
        }

        if (picked.Count == 0)
        {
            return [];
        }

        // The licences picked are the ones judged, and the ones the record names: an expired pick is refused even when
        // the register also holds its renewal, so the crew picks the renewal and the record shows it.
        var licences = register.Where(l => l.Id == application.Applicator.LicenceId || l.Id == application.Supervisor.LicenceId)
            .Select(l => l.ToLicence()).ToList();
        var refusals = LicenceCheck.ForApplication(licences, LicenceHolder.Person(application.Applicator.Name),
            LicenceHolder.Person(application.Supervisor.Name), PesticideCategory.Turf, day);
        return refusals.Where(r => picked.ContainsKey(r.Role))
            .Select(r => ($"application.{(r.Role == ApplicationRole.Applicator ? "applicator" : "supervisor")}.licenceId",
                LicenceWords.Refusal(r, picked[r.Role], register)))
            .ToList();
    }

    private static string Describe(NoticeDecision.Refused refused, ZonedDateTime startedAt, Contract contract)
    {
        var lead = contract.Settings.ChemicalNoticeLeadTime.TotalHours;
        var due = Display.Time(refused.DueBy.InZone(Hartford.Zone));
        var text = $"An application starting {Display.Time(startedAt)} needs a notice naming {Display.Short(startedAt.Date)}, " +
                   $"sent at least {lead:0.#} hours before: by {due}. ";
        text += refused.Closest is { } closest
            ? $"The notice on record ({closest.How}) went out {Display.Time(closest.SentAt.InZone(Hartford.Zone))} and named {Display.Short(closest.ApplicationDateNamed)}. "
            : "No notice is on record, recorded or emailed. ";
        return text + "Record the notice if it was given, or mark the application as an emergency with its reason.";
    }

    private static WorkLogOutcome.Invalid Invalid(string path, string message) => WorkLogOutcomes.Invalid(path, message);
}
