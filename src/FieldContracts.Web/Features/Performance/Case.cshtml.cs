using FieldContracts.Administration.Performance;
using FieldContracts.Data.Identity;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using NodaTime.Text;
using Command = FieldContracts.Administration.Performance.PerformanceCaseCommand;

namespace FieldContracts.Web.Features.Performance;

/// <summary>
/// One performance case on one page: where it stands, the deficiencies with what cured means and the City's verdicts, the
/// timeline of every step with its documents and the emails that carried them, and the form for each step the signed-in
/// user may take now. A refused step shows why next to the field and keeps what was typed and attached.
/// </summary>
[Authorize(Roles = Roles.Any)]
[RequestSizeLimit(CaseSteps.MaxAttachments * Deliverables.DocumentStore.MaxBytes + 1_000_000)]
[RequestFormLimits(MultipartBodyLengthLimit = CaseSteps.MaxAttachments * Deliverables.DocumentStore.MaxBytes + 1_000_000)]
public sealed class CaseModel(CaseQueries queries, CaseSteps steps, Deliverables.DocumentStore store, IClock clock) : PageModel
{
    [FromRoute]
    public string Number { get; set; } = "";

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public StepForm Form { get; set; } = new();

    [TempData]
    public string? Done { get; set; }

    public CaseDetail Case { get; private set; } = null!;

    public LocalDate Today { get; private set; }

    /// <summary>The step whose form was posted and refused: its errors are on ModelState, by <see cref="Key"/>.</summary>
    public PerformanceCaseAction? FailedAction { get; private set; }

    /// <summary>Files attached to a refused step, kept in the store so the form can send them again without choosing them anew.</summary>
    public IReadOnlyList<PhotoReference> Kept { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (command, field, problem) = Form.ToCommand();
        var files = await KeptFilesAsync(ct);
        StepOutcome outcome;
        if (problem is not null)
        {
            outcome = new StepOutcome.Invalid(field!, problem);
        }
        else
        {
            files.AddRange(await FileUpload.ReadAllAsync(Request.Form.Files, Deliverables.DocumentStore.MaxBytes, ct));
            outcome = await steps.TakeAsync(User, Number, Id, command!, Form.Text, files, ct);
        }

        if (outcome is StepOutcome.Done)
        {
            Done = $"{CaseWords.Action(Form.Action)}.";
            return Redirect($"/contracts/{Uri.EscapeDataString(Number)}/cases/{Id}");
        }

        if (outcome is StepOutcome.NotFound)
        {
            return NotFound();
        }

        FailedAction = Form.Action;
        Kept = await KeepAsync(problem is null ? files : [.. files, .. await FileUpload.ReadAllAsync(Request.Form.Files,
            Deliverables.DocumentStore.MaxBytes, ct)], ct);

        // The form shows what was typed from Form; the refusal goes next to its field in the form that was posted.
        ModelState.Clear();
        ModelState.AddModelError(outcome is StepOutcome.Invalid invalid && Field(Form.Action, invalid.Path) is { } at ? Key(Form.Action, at) : "",
            outcome.Refusal!);
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    /// <summary>
    /// The key of a field of one step's form (<c>SetRemedialPeriod.EndsOn</c>): each step has its own form on the page, so an
    /// error marks the field of the form that was posted and no other.
    /// </summary>
    public static string Key(PerformanceCaseAction action, string field) => $"{action}.{field}";

    /// <summary>The words of the refused form's labels, by <see cref="Key"/>, for its error summary.</summary>
    public IReadOnlyDictionary<string, string> Labels => FailedAction is not { } action
        ? new Dictionary<string, string>()
        : new[] { "On", "Place", "Attendees", "Minutes", "ContractorResponse", "StartsOn", "EndsOn", "ToCure", "DeficiencyId", "Cured", "Text", "Files" }
            .Select(f => (Key: Key(action, f), Label: Label(action, f))).Where(l => l.Label is not null)
            .ToDictionary(l => l.Key, l => l.Label!);

    /// <summary>The label of a field of a step's form, as the page shows it; null where the form has no such field.</summary>
    public static string? Label(PerformanceCaseAction action, string field) => (action, field) switch
    {
        (PerformanceCaseAction.ScheduleMeeting, "On") => "Day of the meeting",
        (PerformanceCaseAction.ScheduleMeeting, "Place") => "Place",
        (PerformanceCaseAction.ScheduleMeeting, "Attendees") => "Attendees, one a line",
        (PerformanceCaseAction.HoldMeeting, "On") => "Held on",
        (PerformanceCaseAction.HoldMeeting, "Minutes") => "Minutes",
        (PerformanceCaseAction.HoldMeeting, "ContractorResponse") => "The contractor's response",
        (PerformanceCaseAction.HoldMeeting, "Files") => "Minutes or other papers",
        (PerformanceCaseAction.SetRemedialPeriod, "StartsOn") => "First day",
        (PerformanceCaseAction.SetRemedialPeriod, "EndsOn") => "Last day (included)",
        (PerformanceCaseAction.SetRemedialPeriod, "ToCure") => "To cure, and what cured means",
        (PerformanceCaseAction.VerifyCure or PerformanceCaseAction.SubmitCure, "DeficiencyId") => "Deficiency",
        (PerformanceCaseAction.VerifyCure, "On") => "Inspected on",
        (PerformanceCaseAction.VerifyCure, "Cured") => "Verdict",
        (PerformanceCaseAction.VerifyCure, "Files") => "Photos",
        (PerformanceCaseAction.SubmitCure, "Files") => "Photos of the work",
        (PerformanceCaseAction.TerminateForCause, "On") => "No longer in force from",
        (_, "Text") => TextLabel(action),
        _ => null,
    };

    /// <summary>The label of the text every step's form has.</summary>
    public static string TextLabel(PerformanceCaseAction action) => action switch
    {
        PerformanceCaseAction.Respond => "Your response",
        PerformanceCaseAction.SubmitCure => "What was done, and when",
        PerformanceCaseAction.VerifyCure => "What was seen",
        _ => "The City's words (go into the notice and the record)",
    };

    /// <summary>The field of <paramref name="action"/>'s form that a refusal's request path concerns; null for the form as a whole.</summary>
    private static string? Field(PerformanceCaseAction action, string path)
    {
        var field = path switch
        {
            "on" or "heldOn" or "inspectedOn" or "effectiveOn" => "On",
            "place" => "Place",
            "attendees" => "Attendees",
            "minutes" => "Minutes",
            "contractorResponse" => "ContractorResponse",
            "startsOn" => "StartsOn",
            "endsOn" => "EndsOn",
            "requirements" => "ToCure",
            "deficiencyId" => action == PerformanceCaseAction.SetRemedialPeriod ? "ToCure" : "DeficiencyId",
            "cured" => "Cured",
            "text" => "Text",
            "files" => "Files",
            _ => null,
        };
        return field is not null && Label(action, field) is not null ? field : null;
    }

    /// <summary>What was typed into the form of <paramref name="action"/>, or nothing when another form was posted.</summary>
    public StepForm Typed(PerformanceCaseAction action) => FailedAction == action ? Form : new StepForm();

    /// <summary>The files the form kept from a refused post and still sends (ticked), read back from the store.</summary>
    private async Task<List<FileUpload>> KeptFilesAsync(CancellationToken ct)
    {
        var files = new List<FileUpload>();
        foreach (var kept in Form.KeptFiles.Select(PhotoField.Parse).OfType<PhotoReference>().DistinctBy(k => k.Sha256))
        {
            if (!kept.Sha256.All(char.IsAsciiHexDigit)
                || store.Open(kept.Sha256.ToLowerInvariant()) is not { } stream)
            {
                continue;
            }

            await using (stream)
            {
                using var bytes = new MemoryStream();
                await stream.CopyToAsync(bytes, ct);
                files.Add(new FileUpload(kept.FileName ?? kept.Sha256, bytes.Length, bytes.ToArray()));
            }
        }

        return files;
    }

    /// <summary>Stores each acceptable file of a refused post so that the form can keep it; an unacceptable one is not kept.</summary>
    private async Task<IReadOnlyList<PhotoReference>> KeepAsync(IReadOnlyList<FileUpload> files, CancellationToken ct)
    {
        var kept = new List<PhotoReference>();
        foreach (var file in files)
        {
            if (Deliverables.DocumentStore.Check(file) is ({ } document, null))
            {
                await store.SaveAsync(document, ct);
                kept.Add(new PhotoReference(document.Document.Sha256, document.Document.FileName));
            }
        }

        return kept.DistinctBy(k => k.Sha256).ToList();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Today = clock.GetCurrentInstant().InZone(Hartford.Zone).Date;
        if (await queries.OneAsync(User, Number, Id, ct) is not { } found)
        {
            return false;
        }

        Case = found;
        return true;
    }
}

/// <summary>The fields of every step's form; each step reads the ones it needs. Dates are "yyyy-MM-dd", as date inputs send them.</summary>
public sealed class StepForm
{
    public PerformanceCaseAction Action { get; set; }

    public string? On { get; set; }

    public string? Place { get; set; }

    /// <summary>One attendee a line.</summary>
    public string? Attendees { get; set; }

    public string? Minutes { get; set; }

    public string? ContractorResponse { get; set; }

    public string? StartsOn { get; set; }

    public string? EndsOn { get; set; }

    /// <summary>The deficiencies ticked to cure in the period.</summary>
    public List<Guid> ToCure { get; set; } = [];

    /// <summary>What cured means, by deficiency.</summary>
    public Dictionary<Guid, string?> CuredMeans { get; set; } = [];

    public Guid? DeficiencyId { get; set; }

    public bool? Cured { get; set; }

    public string? Text { get; set; }

    /// <summary>Files kept from a refused post, as <c>{sha256}/{file name}</c>, still to be sent.</summary>
    public List<string> KeptFiles { get; set; } = [];

    /// <summary>The step's command, or the field that is not well formed and why.</summary>
    public (Command? Command, string? Field, string? Problem) ToCommand()
    {
        switch (Action)
        {
            case PerformanceCaseAction.ScheduleMeeting:
                return WithDate(On, "on", on => new Command.ScheduleMeeting(on, Place ?? "", Lines(Attendees)));
            case PerformanceCaseAction.HoldMeeting:
                return WithDate(On, "heldOn", held => new Command.HoldMeeting(held, Minutes ?? "", ContractorResponse ?? ""));
            case PerformanceCaseAction.SetRemedialPeriod:
            {
                var (starts, startsProblem) = Date(StartsOn);
                if (starts is not { } startsOn)
                {
                    return (null, "startsOn", startsProblem);
                }

                return WithDate(EndsOn, "endsOn", endsOn => new Command.SetRemedialPeriod(startsOn, endsOn,
                    ToCure.Distinct().Select(id => new CureRequirement(id, CuredMeans.GetValueOrDefault(id) ?? "")).ToList()));
            }

            case PerformanceCaseAction.SendCureNotice:
                return (new Command.SendCureNotice(Instant.MinValue), null, null);
            case PerformanceCaseAction.VerifyCure:
                if (DeficiencyId is not { } deficiency)
                {
                    return (null, "deficiencyId", "Choose the deficiency inspected.");
                }

                if (Cured is not { } cured)
                {
                    return (null, "cured", "Say whether it is cured.");
                }

                return WithDate(On, "inspectedOn", inspected => new Command.VerifyCure(deficiency, cured, inspected));
            case PerformanceCaseAction.TerminateForCause:
                return WithDate(On, "effectiveOn", effective => new Command.TerminateForCause(effective));
            case PerformanceCaseAction.Withdraw:
                return (new Command.Withdraw(), null, null);
            case PerformanceCaseAction.Respond:
                return (new Command.Respond(), null, null);
            case PerformanceCaseAction.SubmitCure:
                return DeficiencyId is { } made ? (new Command.SubmitCure(made, null), null, null)
                    : (null, "deficiencyId", "Choose the deficiency made good.");
            default:
                return (null, "action", "There is no such step.");
        }
    }

    private static (Command? Command, string? Field, string? Problem) WithDate(string? text, string field, Func<LocalDate, Command> make)
    {
        var (date, problem) = Date(text);
        return date is { } value ? (make(value), null, null) : (null, field, problem);
    }

    private static (LocalDate? Date, string? Problem) Date(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, "The date is required.");
        }

        var parsed = LocalDatePattern.Iso.Parse(text.Trim());
        return parsed.Success ? (parsed.Value, null) : (null, "Write the date as yyyy-mm-dd, e.g. 2004-06-07.");
    }

    private static List<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
