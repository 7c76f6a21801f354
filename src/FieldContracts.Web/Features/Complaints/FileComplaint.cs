using System.Security.Claims;
using FieldContracts.Administration.Complaints;
using FieldContracts.Administration.Deficiencies;
using FieldContracts.Data;
using FieldContracts.Data.Notices;
using FieldContracts.Web.Features.Deficiencies;
using FieldContracts.Web.Features.Schedule;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Infrastructure;
using NodaTime;

namespace FieldContracts.Web.Features.Complaints;

/// <summary>A complaint as the API takes it: the school's code, the areas (none for the school as a whole), the text, photos stored already.</summary>
/// <param name="School">The school's code, e.g. "BHS".</param>
/// <param name="AreaIds">Areas of that school, from <c>GET /api/contracts/{number}</c>.</param>
/// <param name="Text">What is wrong, at most 1,000 characters.</param>
/// <param name="Photos">SHA-256s of photos stored already (<c>POST /api/contracts/{number}/photos</c>).</param>
public sealed record ComplaintRequest(string? School, IReadOnlyList<Guid>? AreaIds, string? Text, IReadOnlyList<string>? Photos = null);

/// <summary>
/// The Athletic Director or Purchasing files a complaint about a school: one deficiency in the register with its photos,
/// and one email to each of the contractor's contact addresses, written in one transaction. Photos come as uploads or
/// by the hashes of photos stored already; uploads are stored first, so a refused complaint keeps them
/// (<see cref="FilingOutcome.Invalid.Kept"/>).
/// </summary>
public sealed class FileComplaint(FieldContractsDbContext db, EvidencePhotos evidence, IClock clock)
{
    public async Task<FilingOutcome> HandleAsync(ClaimsPrincipal user, string contractNumber, ComplaintRequest request,
        IReadOnlyList<PhotoReference> references, IReadOnlyList<FileUpload> uploads, CancellationToken ct)
    {
        var contract = await ContractSchools.LoadAsync(db, user, contractNumber, ct);
        if (contract is null)
        {
            return new FilingOutcome.NotFound($"There is no contract {contractNumber} that you can see.");
        }

        var party = user.Party();
        if (!Complaint.MayFile(party))
        {
            return new FilingOutcome.Forbidden("The Athletic Director or Purchasing files complaints; the contractor answers them in the register.");
        }

        var errors = new FieldErrors();
        var school = contract.School(request.School);
        if (school is null)
        {
            errors.Add("school", string.IsNullOrWhiteSpace(request.School)
                ? "Choose the school the complaint is about."
                : $"Contract {contract.Number} has no school {request.School}: {string.Join(", ", contract.Schools.Select(s => s.Code))}.");
        }

        var photos = await evidence.GatherAsync([.. references, .. (request.Photos ?? []).Select(h => new PhotoReference(h))], uploads,
            "photos", "a complaint", ct);
        foreach (var (path, messages) in photos.Errors)
        {
            errors.Add(path, messages[0]);
        }

        // Without a known school the areas cannot be checked; the text still is.
        var facts = new ComplaintFacts(contract.Id, school?.ToSchoolAreas() ?? new(Guid.Empty, "", []), school is null ? [] : request.AreaIds ?? [],
            request.Text, photos.Errors.Count > 0 ? [] : photos.Photos);
        var (finding, refusals) = Complaint.File(facts, party);
        foreach (var refusal in refusals)
        {
            switch (refusal)
            {
                case ComplaintRefusal.TextRequired:
                    errors.Add("text", "Say what is wrong.");
                    break;
                case ComplaintRefusal.TextTooLong:
                    errors.Add("text", $"At most {Complaint.MaxTextLength} characters.");
                    break;
                case ComplaintRefusal.AreaNotAtSchool area:
                    errors.Add($"areaIds[{area.Index}]", $"This is not an area of {school!.Name}.");
                    break;
                case ComplaintRefusal.TooManyPhotos:
                    errors.Add("photos", $"At most {EvidencePhoto.MaxPerFinding} photos a complaint.");
                    break;
            }
        }

        if (errors.Any || finding is null)
        {
            return new FilingOutcome.Invalid(errors.ToDictionary(), new Dictionary<string, IReadOnlyList<EvidencePhoto>> { ["photos"] = photos.Photos });
        }

        var now = clock.GetCurrentInstant();
        var deficiency = Deficiency.Raise(finding, party, ScheduleApi.Who(user), now, now.InZone(Hartford.Zone).Date);
        db.Deficiencies.Add(deficiency);
        var areaNames = school!.Areas.Where(a => deficiency.AreaIds.Contains(a.Id)).Select(a => a.Name).ToList();
        db.OutboxMessages.AddRange(DeficiencyEmails.Compose(deficiency,
            new DeficiencyEmailFacts(contract.Number, contract.Title, school.Name, areaNames, contract.ResponseDays),
            await ContractorRecipients.OfContractAsync(db, contract.Id, ct), now));
        await db.SaveChangesAsync(ct);
        return new FilingOutcome.Done(deficiency.Id);
    }
}
