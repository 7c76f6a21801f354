using FieldContracts.Administration.Complaints;
using FieldContracts.Administration.Deficiencies;
using FieldContracts.Data;
using FieldContracts.Data.Identity;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;

namespace FieldContracts.Web.Features.Complaints;

/// <summary>
/// The phone form of a complaint: the school, its areas, what is wrong, photos from the camera. A refused complaint shows
/// each error beside its field and keeps what was typed and the photos already uploaded (by their hashes, with
/// thumbnails), so nothing is typed or taken twice.
/// </summary>
[Authorize(Roles = Roles.AthleticDirector + "," + Roles.Purchasing)]
[RequestSizeLimit(ComplaintsApi.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ComplaintsApi.MaxRequestBytes)]
public sealed class NewModel(FieldContractsDbContext db, FileComplaint file, ZonedClock clock) : PageModel
{
    [FromRoute]
    public string Number { get; set; } = "";

    [BindProperty]
    public ComplaintInput Input { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Photos { get; set; } = [];

    public ContractSchools Contract { get; private set; } = null!;

    /// <summary>Photos stored with an earlier, refused post, sent back by hash.</summary>
    public IReadOnlyList<EvidencePhoto> Kept { get; private set; } = [];

    public LocalDate Today => clock.GetCurrentDate();

    [TempData(Key = "Done")]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync([FromQuery] string? school, CancellationToken ct)
    {
        if (await ContractSchools.LoadAsync(db, User, Number, ct) is not { } contract)
        {
            return NotFound();
        }

        Contract = contract;
        Input.School = contract.School(school)?.Code;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await ContractSchools.LoadAsync(db, User, Number, ct) is not { } contract)
        {
            return NotFound();
        }

        Contract = contract;
        var uploads = await FileUpload.ReadAllAsync(Photos, WorkLogs.PhotoStore.MaxBytes, ct);
        var outcome = await file.HandleAsync(User, Number, new ComplaintRequest(Input.School, Input.AreaIds, Input.Text),
            Input.KeptPhotos.Select(PhotoField.Parse).OfType<PhotoReference>().ToList(), uploads, ct);
        switch (outcome)
        {
            case FilingOutcome.Done done:
                Done = "Complaint filed; the contractor is told by email.";
                return Redirect($"/contracts/{Uri.EscapeDataString(Number)}/deficiencies#d-{done.Id}");
            case FilingOutcome.Invalid invalid:
                // The form shows what was posted; each error goes next to its field (an area refused, at that area).
                ModelState.Clear();
                foreach (var (path, messages) in invalid.Errors)
                {
                    foreach (var message in messages.Distinct())
                    {
                        ModelState.AddModelError(Field(path), message);
                    }
                }

                Kept = invalid.Kept.GetValueOrDefault("photos") ?? [];
                return Page();
            case FilingOutcome.Forbidden forbidden:
                ModelState.AddModelError("", forbidden.Detail);
                return Page();
            default:
                return NotFound();
        }
    }

    /// <summary>The key of an area's checkbox: an area of another school is refused at the area ticked.</summary>
    public static string AreaKey(Guid area) => $"Input.AreaIds[{area}]";

    /// <summary>The words of the form's labels, by key, for its error summary; an area is named with its school.</summary>
    public IReadOnlyDictionary<string, string> Labels => Contract.Schools
        .SelectMany(s => s.Areas.Select(a => (Key: AreaKey(a.Id), Label: $"Areas at {s.Name}: {a.Name}")))
        .Concat([(Key: "Input.School", Label: "School"), (Key: "Input.Text", Label: "What is wrong"), (Key: "Photos", Label: "Photos")])
        .ToDictionary(l => l.Key, l => l.Label);

    /// <summary>The form's field for a request path of the complaint.</summary>
    private string Field(string path)
    {
        if (path.StartsWith("areaIds[", StringComparison.Ordinal)
            && int.TryParse(path[8..^1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            && index < Input.AreaIds.Count && Contract.Schools.Any(s => s.Areas.Any(a => a.Id == Input.AreaIds[index])))
        {
            return AreaKey(Input.AreaIds[index]);
        }

        return path switch
        {
            "school" => "Input.School",
            "text" => "Input.Text",
            _ when path.StartsWith("photos", StringComparison.Ordinal) => "Photos",
            _ => "",
        };
    }

    public sealed class ComplaintInput
    {
        /// <summary>The school's code.</summary>
        public string? School { get; set; }

        public List<Guid> AreaIds { get; set; } = [];

        public string? Text { get; set; }

        /// <summary>Photos kept from an earlier post, each as <c>{sha256}/{file name}</c>.</summary>
        public List<string> KeptPhotos { get; set; } = [];
    }
}
