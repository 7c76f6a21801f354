using System.Globalization;
using FieldContracts.Administration.WorkLogs;
using FieldContracts.Data.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime.Text;

namespace FieldContracts.Web.Features.WorkLogs;

/// <summary>A visit with its versions, photos, checks and review; the Athletic Director verifies or disputes, the contractor answers or corrects.</summary>
[Authorize(Roles = Roles.Any)]
public sealed class DetailsModel(WorkLogQueries queries, CorrectVisit correct, ReviewVisit review) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    /// <summary>The occurrence whose saved draft the browser may now forget.</summary>
    [FromQuery(Name = "logged")]
    public Guid? Logged { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public CorrectionInput Correction { get; set; } = new();

    public WorkLogView Log { get; private set; } = null!;

    public List<string> Errors { get; } = [];

    /// <summary>What the last step did, carried over the redirect that follows it (Post/Redirect/Get).</summary>
    [TempData(Key = "Done")]
    public string? Message { get; set; }

    public bool CanReview => User.IsInRole(Roles.AthleticDirector) && Log.Status is VisitStatus.Submitted or VisitStatus.Answered;

    public bool CanAnswer => User.IsInRole(Roles.Contractor) && Log.Status == VisitStatus.Disputed;

    public bool CanCorrect => User.IsInRole(Roles.Contractor) && Log.Status != VisitStatus.Verified;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (Logged is not null && Message is null)
        {
            Message = "Visit logged.";
        }

        return Page();
    }

    public Task<IActionResult> OnPostVerifyAsync(CancellationToken ct) => ReviewAsync(ReviewAction.Verify, "Verified.", ct);

    public Task<IActionResult> OnPostDisputeAsync(CancellationToken ct) => ReviewAsync(ReviewAction.Dispute, "Disputed; the contractor is asked to answer.", ct);

    public Task<IActionResult> OnPostAnswerAsync(CancellationToken ct) => ReviewAsync(ReviewAction.Answer, "Answer sent to the Athletic Director.", ct);

    public async Task<IActionResult> OnPostCorrectAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var current = Log.Current;
        var request = new VisitRequest(null, current.Work.Select(w => w.OccurrenceId).ToList(), current.Date,
            Time(Correction.Started), Time(Correction.Finished),
            (Correction.Crew ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
            Correction.Notes,
            current.Heights.Select((h, i) => new HeightRequest(h.AreaId,
                Number(Correction.After.ElementAtOrDefault(i)), Number(Correction.Before.ElementAtOrDefault(i)))).ToList(),
            current.Application is { } a ? Carry(a) : null,
            Correction.Why,
            current.Subcontractor);
        return await FinishAsync(await correct.HandleAsync(User, Id, request, ct), "Corrected: a new version is recorded.", ct);
    }

    private async Task<IActionResult> ReviewAsync(ReviewAction action, string done, CancellationToken ct) =>
        await FinishAsync(await review.HandleAsync(User, Id, action, Text, ct), done, ct);

    private async Task<IActionResult> FinishAsync(WorkLogOutcome outcome, string done, CancellationToken ct)
    {
        switch (outcome)
        {
            case WorkLogOutcome.Done:
                Message = done;
                return Redirect($"/worklogs/{Id}");
            case WorkLogOutcome.Invalid invalid:
                Errors.AddRange(invalid.Errors.Select(e => $"{Label(e.Key)}: {e.Value[0]}"));
                break;
            case WorkLogOutcome.Conflict conflict:
                Errors.Add(conflict.Detail);
                break;
            case WorkLogOutcome.Forbidden forbidden:
                Errors.Add(forbidden.Detail);
                break;
            default:
                return NotFound();
        }

        return await LoadAsync(ct) ? Page() : NotFound();
    }

    /// <summary>The form's name for a field the service names by its JSON path.</summary>
    private static string Label(string path) => path switch
    {
        "text" => "Your words",
        "why" => "Why",
        "started" => "Start",
        "finished" => "Finish",
        "crew" => "Crew",
        "notes" => "Notes",
        _ when path.StartsWith("heights", StringComparison.Ordinal) => "Height of cut",
        _ => "The correction",
    };

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await queries.ViewAsync(User, Id, ct) is not { } view)
        {
            return false;
        }

        Log = view;
        if (Errors.Count == 0)
        {
            var current = view.Current;
            Correction = new CorrectionInput
            {
                Started = current.Started.ToString("HH:mm", CultureInfo.InvariantCulture),
                Finished = current.Finished.ToString("HH:mm", CultureInfo.InvariantCulture),
                Crew = string.Join('\n', current.Crew),
                Notes = current.Notes,
                After = current.Heights.Select(h => h.After.ToString(CultureInfo.InvariantCulture)).Cast<string?>().ToList(),
                Before = current.Heights.Select(h => h.Before?.ToString(CultureInfo.InvariantCulture)).ToList(),
            };
        }

        return true;
    }

    /// <summary>The application record as it stands; the correction form changes times, crew, notes and heights.</summary>
    private static ApplicationRequest Carry(ApplicationView a) =>
        new(a.Product, a.EpaRegistrationNumber, a.ActiveIngredient, a.Rate, a.Amount, a.AmountUnit, a.AreaIds, a.TargetPest,
            new PersonRequest(a.Supervisor.Name, a.Supervisor.CertificationNumber, a.Supervisor.CertificationExpires, a.Supervisor.LicenceId),
            new PersonRequest(a.Applicator.Name, a.Applicator.CertificationNumber, a.Applicator.CertificationExpires, a.Applicator.LicenceId),
            a.WindMph, a.WindDirection, a.TemperatureF, a.SignsPosted, a.EmergencyReason);

    private static NodaTime.LocalTime? Time(string? text) =>
        LocalTimePattern.CreateWithInvariantCulture("HH':'mm").Parse(text ?? "") is { Success: true } t ? t.Value : null;

    private static decimal? Number(string? text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;

    public sealed class CorrectionInput
    {
        public string? Started { get; set; }

        public string? Finished { get; set; }

        public string? Crew { get; set; }

        public string? Notes { get; set; }

        public List<string?> After { get; set; } = [];

        public List<string?> Before { get; set; } = [];

        public string? Why { get; set; }
    }
}
