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

    /// <summary>The step whose form was posted and refused, with the field and the reason.</summary>
    public PerformanceCaseAction? FailedAction { get; private set; }

    public string? ErrorField { get; private set; }

    public string? Error { get; private set; }

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
        Error = outcome.Refusal;
        Kept = await KeepAsync(problem is null ? files : [.. files, .. await FileUpload.ReadAllAsync(Request.Form.Files,
            Deliverables.DocumentStore.MaxBytes, ct)], ct);
        ErrorField = outcome is StepOutcome.Invalid invalid ? invalid.Path : null;
        return await LoadAsync(ct) ? Page() : NotFound();
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
