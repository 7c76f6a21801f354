using System.Globalization;
using FieldContracts.Data.Identity;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using NodaTime.Text;

namespace FieldContracts.Web.Features.WorkLogs;

/// <summary>
/// The crew leader's phone form: the visit for one planned occurrence (and other work done at the
/// school that day). The idempotency key is made when the form is first shown, so submitting it
/// again after a dropped connection finds the visit already logged.
/// </summary>
[Authorize(Roles = Roles.Contractor)]
[RequestSizeLimit(WorkLogsApi.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = WorkLogsApi.MaxRequestBytes)]
public sealed class NewModel(WorkLogQueries queries, SubmitVisit submit, PendingUploads pending, ZonedClock clock) : PageModel
{
    private static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");

    [FromQuery(Name = "occurrence")]
    public Guid Occurrence { get; set; }

    [BindProperty]
    public VisitInput Input { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Photos { get; set; } = [];

    public VisitForm Form { get; private set; } = null!;

    /// <summary>Photos attached to a refused post, kept for the next one.</summary>
    public IReadOnlyList<PendingUpload> Kept { get; private set; } = [];

    /// <summary>The errors at the form's fields, by the id of the field they are shown next to.</summary>
    public Dictionary<string, List<string>> FieldErrors { get; } = new(StringComparer.Ordinal);

    /// <summary>What the summary at the top lists: each field in error by its label (linked to it), then errors of no one field.</summary>
    public List<SummaryItem> Summary { get; } = [];

    public bool HasErrors => Summary.Count > 0;

    /// <summary>The first field in error, which the page focuses.</summary>
    public string? FirstError => Summary.FirstOrDefault(s => s.Id is not null)?.Id;

    /// <summary><c>aria-invalid</c> of a field: "true" when an error is shown next to it, else left out.</summary>
    public string? Invalid(string id) => FieldErrors.ContainsKey(id) ? "true" : null;

    /// <summary><c>aria-describedby</c> of a field: its error when it has one, else left out.</summary>
    public string? DescribedBy(string id) => FieldErrors.ContainsKey(id) ? ErrorId(id) : null;

    public static string ErrorId(string id) => "error-" + id;

    /// <summary>The length of the crew's last visit of this kind in minutes, for the page to move the finish with the start.</summary>
    public int? UsualMinutes => Form.Previous is { } p ? (int)p.Length.TotalMinutes : null;

    /// <summary>Whether the browser may fill the form from a saved draft (not after the server answered with errors).</summary>
    public bool RestoreDraft { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await queries.FormAsync(User, Occurrence, ct) is not { } form)
        {
            return NotFound();
        }

        Form = form;
        RestoreDraft = true;
        var today = clock.GetCurrentDate();
        var previous = form.Previous;
        var started = form.Work.ApplicationStart ?? previous?.Started;
        var last = previous?.Application;
        Input = new VisitInput
        {
            IdempotencyKey = Guid.NewGuid().ToString(),
            OccurrenceIds = [Occurrence],
            Date = (form.Work.Date <= today ? form.Work.Date : today).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Started = started is { } s ? Time.Format(s) : null,
            // The crew's last visit of this kind: as long, by the same people.
            Finished = started is { } from && previous is { } p && from.PlusMinutes((long)p.Length.TotalMinutes) is var until && until > from
                ? Time.Format(until)
                : null,
            Crew = previous is null ? null : string.Join('\n', previous.Crew),
            Heights = form.IsMowing
                ? form.Areas.Where(a => a.Mowed && a.Covered).Select(a => new HeightInput { AreaId = a.Id }).ToList()
                : [],
            Application = new ApplicationInput
            {
                AreaIds = form.Areas.Where(a => a.Covered).Select(a => a.Id).ToList(),
                // The crew's picks on its last visit with an application: most visits are by the same people.
                SupervisorLicenceId = form.LastSupervisorLicence,
                ApplicatorLicenceId = form.LastApplicatorLicence,
                Product = last?.Product,
                EpaRegistrationNumber = last?.EpaRegistrationNumber,
                ActiveIngredient = last?.ActiveIngredient,
                Rate = last?.Rate,
                AmountUnit = last?.AmountUnit ?? "gal",
                TargetPest = last?.TargetPest,
                SupervisorName = last is { Supervisor.LicenceId: null } ? last.Supervisor.Name : null,
                SupervisorNumber = last is { Supervisor.LicenceId: null } ? last.Supervisor.CertificationNumber : null,
                SupervisorExpires = last is { Supervisor.LicenceId: null } ? Iso(last.Supervisor.CertificationExpires) : null,
                ApplicatorName = last is { Applicator.LicenceId: null } ? last.Applicator.Name : null,
                ApplicatorNumber = last is { Applicator.LicenceId: null } ? last.Applicator.CertificationNumber : null,
                ApplicatorExpires = last is { Applicator.LicenceId: null } ? Iso(last.Applicator.CertificationExpires) : null,
            },
        };
        return Page();
    }

    /// <summary>The form photos are kept for (<see cref="PendingUploads"/>): this draft, by its idempotency key.</summary>
    private string? Draft => string.IsNullOrEmpty(Input.IdempotencyKey) ? null : $"worklogs/new:{Input.IdempotencyKey}";

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await queries.FormAsync(User, Occurrence, ct) is not { } form)
        {
            return NotFound();
        }

        Form = form;
        var kept = pending.Find(User, Draft, Input.KeptPhotos);
        var uploads = await FileUpload.ReadAllAsync(Photos, PhotoStore.MaxBytes, ct);
        var outcome = await submit.HandleAsync(User, Input.ToRequest(form.Work.IsChemical), [.. kept.Select(k => k.Upload), .. uploads], ct);
        switch (outcome)
        {
            case WorkLogOutcome.Done done:
                return Redirect($"/worklogs/{done.Id}?logged={Occurrence}");
            case WorkLogOutcome.Invalid invalid:
                foreach (var (path, messages) in invalid.Errors)
                {
                    AddError(path, messages[0]);
                }

                break;
            case WorkLogOutcome.Conflict conflict:
                AddError(conflict.Field, $"{conflict.Title} {conflict.Detail}");
                break;
            case WorkLogOutcome.Forbidden forbidden:
                AddError(null, forbidden.Detail);
                break;
            case WorkLogOutcome.NotFound:
                return NotFound();
        }

        // Nothing attached is lost: the photos that pass the photo checks are kept for this user's draft, and the form names them.
        var photos = PhotoStore.Check(uploads, 0).Photos.Select(p => new FileUpload(p.FileName, p.Bytes.Length, p.Bytes));
        Kept = [.. kept.Select(k => k.File), .. await pending.HoldAsync(User, Draft, photos, ct)];
        Input.KeptPhotos = Kept.Select(k => k.Token).ToList();
        return Page();
    }

    private void AddError(string? path, string message)
    {
        var (id, label) = path is null ? (null, null) : Field(path);
        if (id is null)
        {
            Summary.Add(new SummaryItem(null, label, message));
            return;
        }

        if (!FieldErrors.TryGetValue(id, out var messages))
        {
            FieldErrors[id] = messages = [];
            Summary.Add(new SummaryItem(id, label!, null));
        }

        messages.Add(message);
    }

    /// <summary>
    /// The field of the form that a JSON path of the service names: the id of the control the error is shown next to, and
    /// the control's label as the form words it. A path of no field on this form has no id (its error is shown in the summary).
    /// </summary>
    public (string? Id, string? Label) Field(string path)
    {
        if (path.StartsWith("heights[", StringComparison.Ordinal)
            && int.TryParse(path[8..path.IndexOf(']', StringComparison.Ordinal)], CultureInfo.InvariantCulture, out var sent))
        {
            // The service counts the heights sent, which are the rows of the form with a value typed in.
            var rows = Enumerable.Range(0, Input.Heights.Count)
                .Where(r => !string.IsNullOrWhiteSpace(Input.Heights[r].After) || !string.IsNullOrWhiteSpace(Input.Heights[r].Before)).ToList();
            if (sent < rows.Count)
            {
                var row = rows[sent];
                var area = Form.Areas.FirstOrDefault(a => a.Id == Input.Heights[row].AreaId)?.Name ?? "Area";
                return path.EndsWith(".before", StringComparison.Ordinal) ? ($"h{row}-before", $"{area} before (in, optional)") : ($"h{row}-after", $"{area} after (in)");
            }

            return ("heights", "Height of cut (inches)");
        }

        if (path.StartsWith("photos", StringComparison.Ordinal))
        {
            return ("photos", "Photos");
        }

        if (path.StartsWith("application.areaIds", StringComparison.Ordinal))
        {
            return ("a-areas", "Areas treated");
        }

        return path switch
        {
            "date" => ("Input_Date", "Day"),
            "started" => ("Input_Started", "Start"),
            "finished" => ("Input_Finished", "Finish"),
            "crew" => ("Input_Crew", "Crew"),
            "notes" => ("Input_Notes", "Notes"),
            "heights" => ("heights", "Height of cut (inches)"),
            "occurrenceIds" => ("work-done", "Work done"),
            "subcontractor" => (Form.Subcontractors is { Count: > 0 } ? "subcontractor" : null, "Done by"),
            "application" => ("application", "Chemical application record"),
            VisitChecks.NoticeField => ("notice", "Pre-notification"),
            "application.product" => ("a-product", "Product"),
            "application.epaRegistrationNumber" => ("a-epa", "EPA registration number"),
            "application.activeIngredient" => ("a-ingredient", "Active ingredient"),
            "application.rate" => ("a-rate", "Rate"),
            "application.amount" => ("a-amount", "Amount applied"),
            "application.amountUnit" => ("a-unit", "Unit"),
            "application.targetPest" => ("a-pest", "Target pest"),
            "application.supervisor.licenceId" => (Form.Licences is { Count: > 0 } ? "a-supervisor-licence" : "a-supervisor-name", "Supervisor, from the licence register"),
            "application.applicator.licenceId" => (Form.Licences is { Count: > 0 } ? "a-applicator-licence" : "a-applicator-name", "Applicator, from the licence register"),
            "application.supervisor" or "application.supervisor.name" => ("a-supervisor-name", "Supervisor"),
            "application.supervisor.certificationNumber" => ("a-supervisor-number", "Supervisor certification no."),
            "application.supervisor.certificationExpires" => ("a-supervisor-expires", "Supervisor certification expires"),
            "application.applicator" or "application.applicator.name" => ("a-applicator-name", "Applicator"),
            "application.applicator.certificationNumber" => ("a-applicator-number", "Applicator certification no."),
            "application.applicator.certificationExpires" => ("a-applicator-expires", "Applicator certification expires"),
            "application.windMph" => ("a-wind", "Wind (mph)"),
            "application.windDirection" => ("a-wind-direction", "Wind direction"),
            "application.temperatureF" => ("a-temperature", "Temperature (°F)"),
            "application.signsPosted" => ("a-signs", "\"Pesticide application\" signs posted"),
            "application.emergencyReason" => ("a-emergency", "Emergency reason"),
            _ when path.StartsWith("application", StringComparison.Ordinal) => ("application", "Chemical application record"),
            _ => (null, null),
        };
    }

    /// <summary>A line of the error summary: a field by its label, linked by its id; or an error of no one field.</summary>
    public sealed record SummaryItem(string? Id, string? Label, string? Message);

    private static string Iso(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public sealed class VisitInput
    {
        public string? IdempotencyKey { get; set; }

        public List<Guid> OccurrenceIds { get; set; } = [];

        public string? Date { get; set; }

        public string? Started { get; set; }

        public string? Finished { get; set; }

        /// <summary>One name a line, crew leader first.</summary>
        public string? Crew { get; set; }

        public string? Notes { get; set; }

        public List<HeightInput> Heights { get; set; } = [];

        public ApplicationInput Application { get; set; } = new();

        /// <summary>The approved sub-contractor that did the work; empty for the contractor's own crew.</summary>
        public string? Subcontractor { get; set; }

        /// <summary>Tokens of the photos kept from a refused post (<see cref="PendingUploads"/>); unticked ones are left out.</summary>
        public List<string> KeptPhotos { get; set; } = [];

        public VisitRequest ToRequest(bool chemical) => new(
            IdempotencyKey,
            OccurrenceIds,
            Date is null ? null : LocalDatePattern.Iso.Parse(Date) is { Success: true } d ? d.Value : null,
            ParseTime(Started),
            ParseTime(Finished),
            (Crew ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
            Notes,
            Heights.Where(h => !string.IsNullOrWhiteSpace(h.After) || !string.IsNullOrWhiteSpace(h.Before))
                .Select(h => new HeightRequest(h.AreaId, Number(h.After), Number(h.Before))).ToList(),
            chemical ? Application.ToRequest() : null,
            Subcontractor: string.IsNullOrWhiteSpace(Subcontractor) ? null : Subcontractor);
    }

    public sealed class HeightInput
    {
        public Guid AreaId { get; set; }

        public string? After { get; set; }

        public string? Before { get; set; }
    }

    public sealed class ApplicationInput
    {
        public string? Product { get; set; }

        public string? EpaRegistrationNumber { get; set; }

        public string? ActiveIngredient { get; set; }

        public string? Rate { get; set; }

        public string? Amount { get; set; }

        public string? AmountUnit { get; set; } = "gal";

        public List<Guid> AreaIds { get; set; } = [];

        public string? TargetPest { get; set; }

        /// <summary>The supervisor's certification picked from the register; the typed fields are for someone not in it.</summary>
        public Guid? SupervisorLicenceId { get; set; }

        public Guid? ApplicatorLicenceId { get; set; }

        public string? SupervisorName { get; set; }

        public string? SupervisorNumber { get; set; }

        public string? SupervisorExpires { get; set; }

        public string? ApplicatorName { get; set; }

        public string? ApplicatorNumber { get; set; }

        public string? ApplicatorExpires { get; set; }

        public string? WindMph { get; set; }

        public string? WindDirection { get; set; }

        public string? TemperatureF { get; set; }

        public bool SignsPosted { get; set; }

        public string? EmergencyReason { get; set; }

        public ApplicationRequest ToRequest() => new(Product, EpaRegistrationNumber, ActiveIngredient, Rate, Number(Amount), AmountUnit,
            AreaIds, TargetPest,
            new PersonRequest(SupervisorName, SupervisorNumber, Day(SupervisorExpires), SupervisorLicenceId),
            new PersonRequest(ApplicatorName, ApplicatorNumber, Day(ApplicatorExpires), ApplicatorLicenceId),
            Number(WindMph), WindDirection, Number(TemperatureF), SignsPosted, EmergencyReason);
    }

    private static LocalTime? ParseTime(string? text) =>
        Time.Parse(text ?? "") is { Success: true } t ? t.Value : null;

    private static LocalDate? Day(string? text) =>
        LocalDatePattern.Iso.Parse(text ?? "") is { Success: true } d ? d.Value : null;

    private static decimal? Number(string? text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;
}
