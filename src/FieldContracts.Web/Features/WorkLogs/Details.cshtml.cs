using System.ComponentModel.DataAnnotations;
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

    /// <summary>The form that was posted and refused (its handler), where its errors are shown.</summary>
    public string? Posted { get; private set; }

    /// <summary>The summary's words for the fields, as the forms label them.</summary>
    public IReadOnlyDictionary<string, string> Labels
    {
        get
        {
            var labels = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [nameof(Text)] = Posted == "Answer" ? "Answer" : "What is wrong",
                ["Correction.Started"] = "Start",
                ["Correction.Finished"] = "Finish",
                ["Correction.Crew"] = "Crew",
                ["Correction.Notes"] = "Notes",
                ["Correction.Why"] = "Why",
            };
            for (var i = 0; i < Log.Current.Heights.Count; i++)
            {
                labels[$"Correction.After[{i}]"] = $"{Log.Current.Heights[i].Area} after (in)";
                labels[$"Correction.Before[{i}]"] = $"{Log.Current.Heights[i].Area} before (in)";
            }

            return labels;
        }
    }

    /// <summary>Whether the refused form is on the page still; if the visit moved on meanwhile, its errors are shown at the top.</summary>
    public bool PostedFormShown => Posted switch
    {
        "Verify" or "Dispute" => CanReview,
        "Answer" => CanAnswer,
        "Correct" => CanCorrect,
        _ => false,
    };

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

    public Task<IActionResult> OnPostVerifyAsync(CancellationToken ct) => ReviewAsync("Verify", ReviewAction.Verify, "Verified.", ct);

    public Task<IActionResult> OnPostDisputeAsync(CancellationToken ct) =>
        ReviewAsync("Dispute", ReviewAction.Dispute, "Disputed; the contractor is asked to answer.", ct);

    public Task<IActionResult> OnPostAnswerAsync(CancellationToken ct) =>
        ReviewAsync("Answer", ReviewAction.Answer, "Answer sent to the Athletic Director.", ct);

    public async Task<IActionResult> OnPostCorrectAsync(CancellationToken ct)
    {
        // The visit as it stands, for what the correction form does not change; the form keeps what was typed in it.
        if (await queries.ViewAsync(User, Id, ct) is not { } log)
        {
            return NotFound();
        }

        var current = log.Current;
        var request = new VisitRequest(null, current.Work.Select(w => w.OccurrenceId).ToList(), current.Date,
            Time(Correction.Started), Time(Correction.Finished),
            (Correction.Crew ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
            Correction.Notes,
            current.Heights.Select((h, i) => new HeightRequest(h.AreaId,
                Number(Correction.After.ElementAtOrDefault(i)), Number(Correction.Before.ElementAtOrDefault(i)))).ToList(),
            current.Application is { } a ? Carry(a) : null,
            Correction.Why,
            current.Subcontractor);
        return await FinishAsync("Correct", await correct.HandleAsync(User, Id, request, ct), "Corrected: a new version is recorded.", ct);
    }

    private async Task<IActionResult> ReviewAsync(string form, ReviewAction action, string done, CancellationToken ct) =>
        await FinishAsync(form, await review.HandleAsync(User, Id, action, Text, ct), done, ct);

    /// <summary>Redirects to the visit after a step taken (Post/Redirect/Get); shows a refused one at the form posted.</summary>
    private async Task<IActionResult> FinishAsync(string form, WorkLogOutcome outcome, string done, CancellationToken ct)
    {
        switch (outcome)
        {
            case WorkLogOutcome.Done:
                Message = done;
                return Redirect($"/worklogs/{Id}");
            case WorkLogOutcome.Invalid invalid:
                foreach (var (path, messages) in invalid.Errors)
                {
                    AddError(path, messages[0]);
                }

                break;
            case WorkLogOutcome.Conflict conflict:
                AddError(conflict.Field, conflict.Detail);
                break;
            case WorkLogOutcome.Forbidden forbidden:
                AddError(null, forbidden.Detail);
                break;
            default:
                return NotFound();
        }

        Posted = form;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    /// <summary>
    /// An error at the field of the form that the service's JSON path names; an error of no field on the form is the
    /// whole form's, said with what it concerns.
    /// </summary>
    private void AddError(string? path, string message)
    {
        var height = path is null ? null : System.Text.RegularExpressions.Regex.Match(path, @"^heights\[(\d+)\]\.(after|before)$");
        var key = path switch
        {
            null => "",
            "text" => nameof(Text),
            "why" => "Correction.Why",
            "started" => "Correction.Started",
            "finished" => "Correction.Finished",
            "crew" => "Correction.Crew",
            "notes" => "Correction.Notes",
            _ when height is { Success: true } => $"Correction.{(height.Groups[2].Value == "after" ? "After" : "Before")}[{height.Groups[1].Value}]",
            _ => "",
        };
        var about = key.Length > 0 || path is null ? null : path.StartsWith("heights", StringComparison.Ordinal) ? "Height of cut" : "The correction";
        ModelState.AddModelError(key, about is null ? message : $"{about}: {message}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await queries.ViewAsync(User, Id, ct) is not { } view)
        {
            return false;
        }

        Log = view;
        // A refused correction keeps what was typed; otherwise the form starts from the visit as it stands.
        if (Posted != "Correct")
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
        [Display(Name = "Start")]
        public string? Started { get; set; }

        [Display(Name = "Finish")]
        public string? Finished { get; set; }

        [Display(Name = "Crew")]
        public string? Crew { get; set; }

        [Display(Name = "Notes")]
        public string? Notes { get; set; }

        public List<string?> After { get; set; } = [];

        public List<string?> Before { get; set; } = [];

        [Display(Name = "Why")]
        public string? Why { get; set; }
    }
}
