using System.Globalization;
using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.Inspections;
using FieldContracts.Data;
using FieldContracts.Data.Identity;
using FieldContracts.Web.Features.Complaints;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using NodaTime.Text;

namespace FieldContracts.Web.Features.Inspections;

/// <summary>
/// Records an inspection from a phone: first the school and the day, then the checklist the specification gives for
/// them, a row per line (a height to measure, or pass and fail), with a note and photos each. Rows left blank were not
/// checked. A refused inspection shows each error beside its row and keeps what was typed and the photos uploaded.
/// </summary>
[Authorize(Roles = Roles.AthleticDirector + "," + Roles.Purchasing)]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes, ValueCountLimit = 4096)]
public sealed class NewModel(FieldContractsDbContext db, InspectionQueries queries, RecordInspection record, EvidencePhotos photos, ZonedClock clock)
    : PageModel
{
    /// <summary>Twelve photos of at most 10 MB in one post (phones' photos are mostly 2 to 5 MB), and the rest of the form.</summary>
    public const long MaxRequestBytes = 12 * WorkLogs.PhotoStore.MaxBytes + 1024 * 1024;

    [FromRoute]
    public string Number { get; set; } = "";

    [BindProperty(SupportsGet = true, Name = "school")]
    public string? School { get; set; }

    [BindProperty(SupportsGet = true, Name = "on")]
    public string? On { get; set; }

    [BindProperty]
    public List<LineInput> Lines { get; set; } = [];

    public ContractSchools Contract { get; private set; } = null!;

    /// <summary>The checklist of the school on the day, once both are chosen.</summary>
    public ChecklistView? Checklist { get; private set; }

    /// <summary>Photos kept from an earlier, refused post, by checklist line.</summary>
    public Dictionary<string, IReadOnlyList<EvidencePhoto>> Kept { get; } = new(StringComparer.Ordinal);

    [TempData(Key = "Done")]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Lines = Checklist?.Lines.Select(l => new LineInput { Line = l.Line }).ToList() ?? [];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (Checklist is null)
        {
            return Page();
        }

        // Photos first: stored now, whatever else is wrong, so that a refused form keeps them.
        var references = new Dictionary<int, IReadOnlyList<PhotoReference>>();
        var formErrors = new Dictionary<string, string[]>();
        var lines = new List<InspectionLineRequest>();
        var rows = new List<string>();
        foreach (var input in Lines)
        {
            var row = input.Line ?? "";
            var uploads = await FileUpload.ReadAllAsync(input.Files, WorkLogs.PhotoStore.MaxBytes, ct);
            var gathered = await photos.GatherAsync(input.KeptPhotos.Select(PhotoField.Parse).OfType<PhotoReference>().ToList(), uploads,
                "photos", "a line", ct);
            Kept[row] = gathered.Photos;
            if (string.IsNullOrWhiteSpace(input.Height) && input.Result is not ("pass" or "fail") && string.IsNullOrWhiteSpace(input.Note)
                && gathered.Photos.Count == 0 && uploads.Count == 0)
            {
                continue; // not checked
            }

            var index = lines.Count;
            if (gathered.Errors.Count > 0)
            {
                formErrors[$"lines[{index}].photos"] = gathered.Errors.Values.SelectMany(m => m).ToArray();
            }

            decimal? inches = null;
            if (!string.IsNullOrWhiteSpace(input.Height))
            {
                if (decimal.TryParse(input.Height.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
                {
                    inches = parsed;
                }
                else
                {
                    formErrors[$"lines[{index}].measuredInches"] = [$"\"{input.Height}\" is not a height: give inches as a number, e.g. 2.25."];
                }
            }

            rows.Add(row);
            references[index] = gathered.Photos.Select(p => new PhotoReference(p.Sha256, p.FileName)).ToList();
            lines.Add(new InspectionLineRequest(input.Line, inches, input.Result switch { "pass" => true, "fail" => false, _ => null }, input.Note));
        }

        var outcome = await record.HandleAsync(User, Number, new InspectionRequest(School, Day(On), lines), references, formErrors, ct);
        switch (outcome)
        {
            case FilingOutcome.Done done:
                var view = await queries.OneAsync(User, Number, done.Id, ct);
                var failed = view?.Lines.Count(l => !l.Passed) ?? 0;
                Done = failed == 0
                    ? "Inspection recorded: every line checked passed."
                    : $"Inspection recorded: {failed} {(failed == 1 ? "line" : "lines")} failed, each a deficiency in the register; the contractor is told by email.";
                return Redirect($"/contracts/{Uri.EscapeDataString(Number)}/inspections/{done.Id}");
            case FilingOutcome.Invalid invalid:
                // The form shows what was posted; each error goes next to its field in the row of its checklist line.
                ModelState.Clear();
                foreach (var (path, messages) in invalid.Errors)
                {
                    foreach (var message in messages.Distinct())
                    {
                        ModelState.AddModelError(Field(path, rows), message);
                    }
                }

                return Page();
            case FilingOutcome.Forbidden forbidden:
                ModelState.AddModelError("", forbidden.Detail);
                return Page();
            default:
                return NotFound();
        }
    }

    /// <summary>What the form holds for a line of the checklist.</summary>
    public LineInput Row(string line) => Lines.FirstOrDefault(l => l.Line == line) ?? new LineInput { Line = line };

    /// <summary>The photos kept for a line of the checklist, or none.</summary>
    public IReadOnlyList<EvidencePhoto> KeptOf(string line) => Kept.GetValueOrDefault(line) ?? [];

    /// <summary>The key of a field (Height, Result, Note, Files) in the checklist's row <paramref name="row"/>, as the form names it.</summary>
    public static string Key(int row, string field) => $"Lines[{row}].{field}";

    /// <summary>Whether any field of the checklist's row <paramref name="row"/> has an error.</summary>
    public bool RowHasErrors(int row) =>
        ModelState.Any(e => e.Key.StartsWith($"Lines[{row}].", StringComparison.Ordinal) && e.Value is { Errors.Count: > 0 });

    /// <summary>The words of the form's labels, by key, for its error summary: each row's field is named with its line.</summary>
    public IReadOnlyDictionary<string, string> Labels
    {
        get
        {
            var labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["school"] = "School", ["on"] = "Day of the inspection" };
            for (var i = 0; i < (Checklist?.Lines.Count ?? 0); i++)
            {
                var legend = Legend(Checklist!.Lines[i]);
                labels[Key(i, "Height")] = $"{legend} · Height measured (inches)";
                labels[Key(i, "Result")] = legend;
                labels[Key(i, "Note")] = $"{legend} · Note";
                labels[Key(i, "Files")] = $"{legend} · Photos";
            }

            return labels;
        }
    }

    /// <summary>What a row of the checklist is called on the form.</summary>
    public static string Legend(ChecklistLineView line) => line.Check switch
    {
        InspectionCheck.Height => $"{line.What}: height",
        InspectionCheck.Infield => $"{line.What}: groomed",
        _ => line.What,
    };

    /// <summary>
    /// The form's field for a request path of the inspection: <c>lines[i].…</c> counts only the lines checked, in
    /// <paramref name="rows"/> (their checklist keys), and is found again in the checklist's rows as the form shows them.
    /// </summary>
    private string Field(string path, IReadOnlyList<string> rows)
    {
        if (path.StartsWith("lines[", StringComparison.Ordinal) && path.IndexOf(']', StringComparison.Ordinal) is > 6 and var close
            && int.TryParse(path[6..close], NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < rows.Count
            && Checklist!.Lines.ToList().FindIndex(l => l.Line == rows[index]) is >= 0 and var row)
        {
            var field = path[(close + 1)..].TrimStart('.');
            return Key(row, field switch
            {
                "measuredInches" => "Height",
                "note" => "Note",
                _ when field.StartsWith("photos", StringComparison.Ordinal) => "Files",
                _ => "Result", // passed, or the line itself
            });
        }

        return "";
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await ContractSchools.LoadAsync(db, User, Number, ct) is not { } contract)
        {
            return false;
        }

        Contract = contract;
        if (School is null && On is null)
        {
            return true;
        }

        // The choice of school and day is refused next to its field, keys as the form names them.
        var day = Day(On);
        var chosen = true;
        if (contract.School(School) is null)
        {
            ModelState.AddModelError("school", "Choose the school inspected.");
            chosen = false;
        }

        if (day is null)
        {
            ModelState.AddModelError("on", "Give the day of the inspection.");
            chosen = false;
        }
        else if (day > clock.GetCurrentDate())
        {
            ModelState.AddModelError("on", "An inspection is recorded on or after its day, not before.");
            chosen = false;
        }
        else if (!contract.Term.Contains(day.Value))
        {
            ModelState.AddModelError("on", $"The contract's term is {Display.Short(contract.Term.Start)} to {Display.Short(contract.Term.End)}.");
            chosen = false;
        }

        if (chosen)
        {
            Checklist = await queries.ChecklistAsync(contract, School, day!.Value, ct);
            if (Checklist is null)
            {
                ModelState.AddModelError("", $"Contract {contract.Number} has no specification: there is no checklist to inspect by.");
            }
        }

        return true;
    }

    /// <summary>Today, as the day a new inspection is first offered for.</summary>
    public string Today => clock.GetCurrentDate().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static LocalDate? Day(string? text) => LocalDatePattern.Iso.Parse(text ?? "") is { Success: true } d ? d.Value : null;

    public sealed class LineInput
    {
        /// <summary>The checklist line's key.</summary>
        public string? Line { get; set; }

        /// <summary>For a height line, inches as typed.</summary>
        public string? Height { get; set; }

        /// <summary>"pass", "fail" or empty (not checked, or for a height, as its figure says).</summary>
        public string? Result { get; set; }

        public string? Note { get; set; }

        public List<IFormFile> Files { get; set; } = [];

        /// <summary>Photos kept from an earlier post, each as <c>{sha256}/{file name}</c>.</summary>
        public List<string> KeptPhotos { get; set; } = [];
    }
}
