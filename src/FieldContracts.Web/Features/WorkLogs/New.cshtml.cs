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

    /// <summary>
    /// The summary's words for the fields in error, as the form labels them, by key: the field's name
    /// (<c>Input.Heights[2].After</c>), or <c>notice</c> for the pre-notification on record.
    /// </summary>
    public Dictionary<string, string> Labels { get; } = new(StringComparer.Ordinal);

    /// <summary>The key of the pre-notification's errors: not a field, the notice on record and the way to record one.</summary>
    public const string NoticeKey = "notice";

    /// <summary>The first field in error, which the page focuses: the summary's first link.</summary>
    public string? FirstError =>
        ModelState.Where(e => e.Key.Length > 0 && e.Value is { Errors.Count: > 0 }).Select(e => FormErrors.FieldId(e.Key)).FirstOrDefault();

    /// <summary><c>aria-invalid</c> of a group of fields (a fieldset), which no tag helper marks: "true" when it has an error, else left out.</summary>
    public string? Invalid(string key) => FormErrors.Of(ModelState, key).Count > 0 ? "true" : null;

    /// <summary><c>aria-describedby</c> of a group of fields: its error when it has one, else left out.</summary>
    public string? DescribedBy(string key) => Invalid(key) is null ? null : FormErrors.ErrorId(key);

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

    /// <summary>
    /// An error at the field the service's JSON path names, labelled as the form labels it; an error of no field on this
    /// form is the whole form's, said with what it concerns.
    /// </summary>
    private void AddError(string? path, string message)
    {
        var (key, label) = path is null ? (null, null) : Field(path);
        if (key is null)
        {
            ModelState.AddModelError("", label is null ? message : $"{label}: {message}");
            return;
        }

        Labels[key] = label!;
        ModelState.AddModelError(key, message);
    }

    /// <summary>
    /// The field of the form that a JSON path of the service names: its key (the field's name, whose id the error
    /// summary links to), and its label as the form words it. A path of no field on this form has no key.
    /// </summary>
    public (string? Key, string? Label) Field(string path)
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
                return path.EndsWith(".before", StringComparison.Ordinal)
                    ? ($"Input.Heights[{row}].Before", $"{area} before (in, optional)")
                    : ($"Input.Heights[{row}].After", $"{area} after (in)");
            }

            return ("Input.Heights", "Height of cut (inches)");
        }

        if (path.StartsWith("photos", StringComparison.Ordinal))
        {
            return (nameof(Photos), "Photos");
        }

        if (path.StartsWith("application.areaIds", StringComparison.Ordinal))
        {
            return ("Input.Application.AreaIds", "Areas treated");
        }

        return path switch
        {
            "date" => ("Input.Date", "Day"),
            "started" => ("Input.Started", "Start"),
            "finished" => ("Input.Finished", "Finish"),
            "crew" => ("Input.Crew", "Crew"),
            "notes" => ("Input.Notes", "Notes"),
            "heights" => ("Input.Heights", "Height of cut (inches)"),
            "occurrenceIds" => ("Input.OccurrenceIds", "Work done"),
            "subcontractor" => (Form.Subcontractors is { Count: > 0 } ? "Input.Subcontractor" : null, "Done by"),
            "application" => ("Input.Application", "Chemical application record"),
            VisitChecks.NoticeField => (NoticeKey, "Pre-notification"),
            "application.product" => ("Input.Application.Product", "Product"),
            "application.epaRegistrationNumber" => ("Input.Application.EpaRegistrationNumber", "EPA registration number"),
            "application.activeIngredient" => ("Input.Application.ActiveIngredient", "Active ingredient"),
            "application.rate" => ("Input.Application.Rate", "Rate"),
            "application.amount" => ("Input.Application.Amount", "Amount applied"),
            "application.amountUnit" => ("Input.Application.AmountUnit", "Unit"),
            "application.targetPest" => ("Input.Application.TargetPest", "Target pest"),
            "application.supervisor.licenceId" => (Form.Licences is { Count: > 0 } ? "Input.Application.SupervisorLicenceId" : "Input.Application.SupervisorName",
                "Supervisor, from the licence register"),
            "application.applicator.licenceId" => (Form.Licences is { Count: > 0 } ? "Input.Application.ApplicatorLicenceId" : "Input.Application.ApplicatorName",
                "Applicator, from the licence register"),
            "application.supervisor" or "application.supervisor.name" => ("Input.Application.SupervisorName", "Supervisor"),
            "application.supervisor.certificationNumber" => ("Input.Application.SupervisorNumber", "Supervisor certification no."),
            "application.supervisor.certificationExpires" => ("Input.Application.SupervisorExpires", "Supervisor certification expires"),
            "application.applicator" or "application.applicator.name" => ("Input.Application.ApplicatorName", "Applicator"),
            "application.applicator.certificationNumber" => ("Input.Application.ApplicatorNumber", "Applicator certification no."),
            "application.applicator.certificationExpires" => ("Input.Application.ApplicatorExpires", "Applicator certification expires"),
            "application.windMph" => ("Input.Application.WindMph", "Wind (mph)"),
            "application.windDirection" => ("Input.Application.WindDirection", "Wind direction"),
            "application.temperatureF" => ("Input.Application.TemperatureF", "Temperature (°F)"),
            "application.signsPosted" => ("Input.Application.SignsPosted", "\"Pesticide application\" signs posted"),
            "application.emergencyReason" => ("Input.Application.EmergencyReason", "Emergency reason"),
            _ when path.StartsWith("application", StringComparison.Ordinal) => ("Input.Application", "Chemical application record"),
            _ => (null, null),
        };
    }

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
