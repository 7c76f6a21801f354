using System.Security.Claims;
using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.Inspections;
using FieldContracts.Data;
using FieldContracts.Data.Notices;
using FieldContracts.Data.Planning;
using FieldContracts.Web.Features.Deficiencies;
using FieldContracts.Web.Features.Schedule;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Infrastructure;
using NodaTime;

namespace FieldContracts.Web.Features.Inspections;

/// <summary>An inspection as the API takes it: the school's code, the day, and the lines checked.</summary>
/// <param name="School">The school's code, e.g. "WHS".</param>
/// <param name="InspectedOn">The day of the inspection (yyyy-MM-dd), not after today.</param>
/// <param name="Lines">The lines checked, by the keys of the school's checklist for the day (<c>GET …/inspections/checklist</c>).</param>
public sealed record InspectionRequest(string? School, LocalDate? InspectedOn, IReadOnlyList<InspectionLineRequest>? Lines);

/// <summary>One line checked.</summary>
/// <param name="Line">The checklist line's key, e.g. <c>height:…</c>, <c>debris</c>.</param>
/// <param name="MeasuredInches">A height line's figure: the height of the grass in inches.</param>
/// <param name="Passed">Pass or fail; a height line's figure decides without it, and false fails a height in range for the reason in the note.</param>
/// <param name="Note">What was seen; needed when a line fails other than by its figure.</param>
/// <param name="Photos">SHA-256s of photos stored already (<c>POST /api/contracts/{number}/photos</c>).</param>
public sealed record InspectionLineRequest(string? Line, decimal? MeasuredInches, bool? Passed, string? Note, IReadOnlyList<string>? Photos = null);

/// <summary>
/// The Athletic Director or Purchasing records an inspection of a school, line by line from the checklist the contract's
/// specification gives for the school and day. The inspection, a deficiency for each failed line (with the line's
/// photos) and the emails telling the contractor are written in one transaction; a refused inspection writes nothing.
/// Photos are stored before, by hash (<c>POST /api/contracts/{number}/photos</c>, or the form's own upload).
/// </summary>
public sealed class RecordInspection(FieldContractsDbContext db, EvidencePhotos evidence, IClock clock)
{
    /// <param name="references">Per line (by index), photos a form stored already (<see cref="EvidencePhotos"/>), besides the hashes the request names.</param>
    /// <param name="formErrors">
    /// What a form found wrong in what it could not pass on (a height that is not a number), by the request's paths: the
    /// inspection is then refused with these and every other error, so that the form shows them all at once.
    /// </param>
    public async Task<FilingOutcome> HandleAsync(ClaimsPrincipal user, string contractNumber, InspectionRequest request,
        IReadOnlyDictionary<int, IReadOnlyList<PhotoReference>> references, IReadOnlyDictionary<string, string[]>? formErrors, CancellationToken ct)
    {
        var contract = await ContractSchools.LoadAsync(db, user, contractNumber, ct);
        if (contract is null)
        {
            return new FilingOutcome.NotFound($"There is no contract {contractNumber} that you can see.");
        }

        var party = user.Party();
        if (!Inspection.MayRecord(party))
        {
            return new FilingOutcome.Forbidden("The Athletic Director or Purchasing records inspections; the contractor reads them.");
        }

        var errors = new FieldErrors();
        foreach (var (path, messages) in formErrors ?? new Dictionary<string, string[]>())
        {
            foreach (var message in messages)
            {
                errors.Add(path, message);
            }
        }

        var school = contract.School(request.School);
        if (school is null)
        {
            errors.Add("school", string.IsNullOrWhiteSpace(request.School)
                ? "Choose the school inspected."
                : $"Contract {contract.Number} has no school {request.School}: {string.Join(", ", contract.Schools.Select(s => s.Code))}.");
        }

        var now = clock.GetCurrentInstant();
        var today = now.InZone(Hartford.Zone).Date;
        if (request.InspectedOn is not { } on)
        {
            errors.Add("inspectedOn", "Give the day of the inspection.");
        }
        else if (!contract.Term.Contains(on) && on <= today)
        {
            errors.Add("inspectedOn", $"The contract's term is {Display.Short(contract.Term.Start)} to {Display.Short(contract.Term.End)}.");
        }

        var specification = await Specifications.LatestAsync(db, contract.Id, ct);
        if (specification is null)
        {
            errors.Add("school", $"Contract {contract.Number} has no specification: there is no checklist to inspect by.");
        }

        var lines = request.Lines ?? [];
        var kept = new Dictionary<string, IReadOnlyList<EvidencePhoto>>();
        var results = new List<LineResult>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i] ?? new InspectionLineRequest(null, null, null, null);
            var path = $"lines[{i}].photos";
            var photos = await evidence.GatherAsync(
                [.. references.GetValueOrDefault(i) ?? [], .. (line.Photos ?? []).Select(h => new PhotoReference(h))],
                [], path, "a line", ct);
            kept[path] = photos.Photos;
            foreach (var (key, messages) in photos.Errors)
            {
                errors.Add(key, messages[0]);
            }

            if (line.Note is { Length: > Inspection.MaxNoteLength })
            {
                errors.Add($"lines[{i}].note", $"At most {Inspection.MaxNoteLength} characters.");
            }

            results.Add(new LineResult(line.Line ?? "", line.MeasuredInches, line.Passed, line.Note, photos.Errors.Count > 0 ? [] : photos.Photos));
        }

        Inspection? inspection = null;
        if (school is not null && request.InspectedOn is { } day && specification is not null)
        {
            var checklist = InspectionChecklist.For(specification, school.Areas, day);
            var (recorded, refusals) = Inspection.Record(
                new InspectionFacts(contract.Id, school.ToSchoolAreas(), day, today, checklist, results), party, ScheduleApi.Who(user), now);
            inspection = recorded;
            foreach (var refusal in refusals)
            {
                if (Describe(refusal) is var (path, message) && !errors.Has(path))
                {
                    errors.Add(path, message);
                }
            }
        }
        else if (lines.Count == 0)
        {
            errors.Add("lines", "Check at least one line of the checklist.");
        }

        if (errors.Any || inspection is null)
        {
            return new FilingOutcome.Invalid(errors.ToDictionary(), kept);
        }

        db.Inspections.Add(inspection);
        var recipients = await ContractorRecipients.OfContractAsync(db, contract.Id, ct);
        foreach (var finding in inspection.Findings(school!.Name))
        {
            var deficiency = Deficiency.Raise(finding, party, ScheduleApi.Who(user), now, today);
            db.Deficiencies.Add(deficiency);
            var areaNames = school.Areas.Where(a => deficiency.AreaIds.Contains(a.Id)).Select(a => a.Name).ToList();
            db.OutboxMessages.AddRange(DeficiencyEmails.Compose(deficiency,
                new DeficiencyEmailFacts(contract.Number, contract.Title, school.Name, areaNames, contract.ResponseDays), recipients, now));
        }

        await db.SaveChangesAsync(ct);
        return new FilingOutcome.Done(inspection.Id);
    }

    /// <summary>A refusal at the path of the field it concerns, in words.</summary>
    private static (string Path, string Message) Describe(InspectionRefusal refusal) => refusal switch
    {
        InspectionRefusal.InTheFuture => ("inspectedOn", "An inspection is recorded on or after its day, not before."),
        InspectionRefusal.NoLines => ("lines", "Check at least one line of the checklist."),
        InspectionRefusal.UnknownLine r => ($"lines[{r.Index}].line", "The school's checklist for the day has no such line."),
        InspectionRefusal.LineTwice r => ($"lines[{r.Index}].line", "This line was given before."),
        InspectionRefusal.HeightRequired r => ($"lines[{r.Index}].measuredInches", "Give the height measured, in inches."),
        InspectionRefusal.NoHeightHere r => ($"lines[{r.Index}].measuredInches", "Only a height line takes a figure."),
        InspectionRefusal.HeightOutOfBounds r => ($"lines[{r.Index}].measuredInches",
            $"A height is 0 to {Inspection.MaximumMeasurableInches:0} inches."),
        InspectionRefusal.ResultRequired r => ($"lines[{r.Index}].passed", "Say whether it passed or failed."),
        InspectionRefusal.NoteRequired r => ($"lines[{r.Index}].note", "Say what was wrong."),
        InspectionRefusal.NoteTooLong r => ($"lines[{r.Index}].note", $"At most {Inspection.MaxNoteLength} characters."),
        InspectionRefusal.TooManyPhotos r => ($"lines[{r.Index}].photos", $"At most {EvidencePhoto.MaxPerFinding} photos a line."),
        _ => ("$", "The inspection cannot be recorded."),
    };
}
