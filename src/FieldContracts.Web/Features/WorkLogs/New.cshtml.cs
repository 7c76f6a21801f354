using System.Globalization;
using FieldContracts.Data.Identity;
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
public sealed class NewModel(WorkLogQueries queries, SubmitVisit submit, ZonedClock clock) : PageModel
{
    private static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");

    [FromQuery(Name = "occurrence")]
    public Guid Occurrence { get; set; }

    [BindProperty]
    public VisitInput Input { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Photos { get; set; } = [];

    public VisitForm Form { get; private set; } = null!;

    public List<string> Errors { get; } = [];

    /// <summary>The service's errors by field, for those shown next to their field as well.</summary>
    public Dictionary<string, string[]> FieldErrors { get; private set; } = [];

    /// <summary>The first error at a field, by its JSON path.</summary>
    public string? ErrorAt(string path) => FieldErrors.TryGetValue(path, out var messages) ? messages[0] : null;

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
        Input = new VisitInput
        {
            IdempotencyKey = Guid.NewGuid().ToString(),
            OccurrenceIds = [Occurrence],
            Date = (form.Work.Date <= today ? form.Work.Date : today).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Started = form.Work.ApplicationStart is { } start ? Time.Format(start) : null,
            Heights = form.IsMowing
                ? form.Areas.Where(a => a.Mowed && a.Covered).Select(a => new HeightInput { AreaId = a.Id }).ToList()
                : [],
            Application = new ApplicationInput
            {
                AreaIds = form.Areas.Where(a => a.Covered).Select(a => a.Id).ToList(),
                // The crew's picks on its last visit with an application: most visits are by the same people.
                SupervisorLicenceId = form.LastSupervisorLicence,
                ApplicatorLicenceId = form.LastApplicatorLicence,
            },
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await queries.FormAsync(User, Occurrence, ct) is not { } form)
        {
            return NotFound();
        }

        Form = form;
        var uploads = await FileUpload.ReadAllAsync(Photos, PhotoStore.MaxBytes, ct);
        var outcome = await submit.HandleAsync(User, Input.ToRequest(form.Work.IsChemical), uploads, ct);
        switch (outcome)
        {
            case WorkLogOutcome.Done done:
                return Redirect($"/worklogs/{done.Id}?logged={Occurrence}");
            case WorkLogOutcome.Invalid invalid:
                FieldErrors = invalid.Errors;
                Errors.AddRange(invalid.Errors.Select(e => $"{Label(e.Key)}: {e.Value[0]}"));
                break;
            case WorkLogOutcome.Conflict conflict:
                Errors.Add($"{conflict.Title} {conflict.Detail}");
                break;
            case WorkLogOutcome.Forbidden forbidden:
                Errors.Add(forbidden.Detail);
                break;
            case WorkLogOutcome.NotFound:
                return NotFound();
        }

        return Page();
    }

    /// <summary>The form's name for a field the service names by its JSON path.</summary>
    private string Label(string path)
    {
        if (path.StartsWith("heights[", StringComparison.Ordinal) && int.TryParse(path[8..path.IndexOf(']', StringComparison.Ordinal)], CultureInfo.InvariantCulture, out var i)
            && i < Input.Heights.Count)
        {
            var area = Form.Areas.FirstOrDefault(a => a.Id == Input.Heights[i].AreaId)?.Name ?? "Area";
            return path.EndsWith(".before", StringComparison.Ordinal) ? $"{area}, height before" : $"{area}, height of cut";
        }

        return path switch
        {
            "date" => "Day",
            "started" => "Start",
            "finished" => "Finish",
            "crew" => "Crew",
            "notes" => "Notes",
            "heights" => "Heights",
            "occurrenceIds" => "Work done",
            "subcontractor" => "Sub-contractor",
            "application.supervisor.licenceId" => "Supervisor",
            "application.applicator.licenceId" => "Applicator",
            _ when path.StartsWith("photos", StringComparison.Ordinal) => "Photos",
            _ when path.StartsWith("application.", StringComparison.Ordinal) => "Application, " + path["application.".Length..],
            _ => path,
        };
    }

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
