using System.ComponentModel.DataAnnotations;
using FieldContracts.Data;
using FieldContracts.Data.CalendarSources;
using FieldContracts.Data.Identity;
using FieldContracts.Data.Planning;
using FieldContracts.Scheduling.Planning;
using FieldContracts.Web.Features.CalendarSources;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime.Text;

namespace FieldContracts.Web.Features.Schedule;

/// <summary>
/// A school's calendar as the Athletic Director keeps it: hours by weekday, sessions, closures, activities typed one at
/// a time, and outside calendars (an iCal address or an .ics file) whose activities and closures count as well.
/// Chemical applications are planned around all of it (CGS 10-231c).
/// </summary>
[Authorize(Roles = Roles.Any)]
public sealed class SchoolCalendarModel(FieldContractsDbContext db, ScheduleQueries queries, SetSchoolCalendar setSchoolCalendar,
    CalendarSourceHandler sources, CalendarSourceQueries sourceQueries, PendingUploads pending) : PageModel
{
    public static readonly string[] Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Iso;
    private static readonly LocalTimePattern TimePattern = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");

    [FromRoute]
    public string Number { get; set; } = "";

    [FromRoute]
    public string Code { get; set; } = "";

    /// <summary>The typed activity being edited (its position), from the query string.</summary>
    [FromQuery(Name = "edit")]
    public int? Edit { get; set; }

    /// <summary>The source whose removal is to be confirmed, from the query string.</summary>
    [FromQuery(Name = "remove")]
    public Guid? Remove { get; set; }

    [BindProperty]
    public CalendarInput Input { get; set; } = new();

    [BindProperty]
    public ActivityInput Activity { get; set; } = new();

    [BindProperty]
    public SourceInput Source { get; set; } = new();

    public ScheduleSite School { get; private set; } = null!;

    public ScheduleContract Contract { get; private set; } = null!;

    /// <summary>The activities typed by hand, in the order stored.</summary>
    public IReadOnlyList<ActivityDocument> Activities { get; private set; } = [];

    public IReadOnlyList<CalendarSourceView> Sources { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public bool CanEdit => User.IsInRole(Roles.AthleticDirector);

    public bool CanManageSources => User.IsInRole(Roles.AthleticDirector) || User.IsInRole(Roles.Purchasing);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } document)
        {
            return NotFound();
        }

        Input = CalendarInput.From(document);
        if (Edit is { } i && i >= 0 && i < Activities.Count)
        {
            Activity = ActivityInput.From(i, Activities[i]);
        }

        return Page();
    }

    /// <summary>Saves hours, sessions and closures; the typed activities stay as they are.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        if (await LoadAsync(ct) is not { } stored)
        {
            return NotFound();
        }

        var document = Input.ToDocument(ModelState) with { Activities = stored.Activities };
        return await SaveAsync(document, Input.Reason, "Input", ct);
    }

    /// <summary>Adds one activity, or changes the one at <see cref="ActivityInput.Index"/>.</summary>
    public async Task<IActionResult> OnPostSaveActivityAsync(CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        if (await LoadAsync(ct) is not { } stored)
        {
            return NotFound();
        }

        Input = CalendarInput.From(stored);
        var activity = Activity.ToDocument(ModelState);
        var list = stored.Activities.ToList();
        if (Activity.Index is { } i && (i < 0 || i >= list.Count || !Activity.IsStill(list[i])))
        {
            ModelState.AddModelError("Activity", "The activity was changed or removed meanwhile. Reload and try again.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (Activity.Index is { } index)
        {
            list[index] = activity;
        }
        else
        {
            list.Add(activity);
        }

        return await SaveAsync(stored with { Activities = list }, Activity.Reason, "Activity", ct);
    }

    public async Task<IActionResult> OnPostRemoveActivityAsync(CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        if (await LoadAsync(ct) is not { } stored)
        {
            return NotFound();
        }

        Input = CalendarInput.From(stored);
        var list = stored.Activities.ToList();
        if (Activity.Index is not { } i || i < 0 || i >= list.Count || !Activity.IsStill(list[i]))
        {
            ModelState.AddModelError("Activity", "The activity was changed or removed meanwhile. Reload and try again.");
            return Page();
        }

        list.RemoveAt(i);
        return await SaveAsync(stored with { Activities = list }, Activity.Reason, "Activity", ct);
    }

    /// <summary>Adds an outside calendar: an uploaded .ics file or an iCal address.</summary>
    public async Task<IActionResult> OnPostAddSourceAsync(IFormFile? file, CancellationToken ct)
    {
        if (!CanManageSources)
        {
            return Forbid();
        }

        if (await LoadAsync(ct) is not { } stored)
        {
            return NotFound();
        }

        Input = CalendarInput.From(stored);
        var attached = file is null ? null : await FileUpload.ReadAsync(file, IcsReader.MaxBytes, ct);
        var kept = attached is { Length: > 0 } ? null : pending.FindOne(User, KeptForm, Source.Kept);
        var upload = kept?.Upload ?? attached;
        var mappings = string.IsNullOrWhiteSpace(Source.Match) && Source.Areas.Count == 0
            ? []
            : new List<AreaMapping> { new(Source.Match?.Trim() ?? "", Source.Areas) };
        var (_, result, error) = await sources.AddAsync(Contract, School.Id,
            new NewCalendarSource(Source.Name, Source.Kind, Source.Url, upload, mappings, Source.Reason), ScheduleApi.Who(User), ct);
        if (error is not null)
        {
            AddErrors(error, "Source");
            // Nothing attached is lost: an .ics file without an error of its own is kept for this form, and the form names it.
            KeptIcs = ModelState.GetFieldValidationState("Source.File") == ModelValidationState.Invalid ? null
                : kept?.File ?? await pending.HoldAsync(User, KeptForm, attached, ct);
            return Page();
        }

        Message = $"Calendar {Source.Name?.Trim()} added: {result!.Events} activities and closures imported; " +
                  $"{result.Displaced} chemical application(s) moved away from them.";
        return RedirectToPage(new { Number, Code });
    }

    /// <summary>The .ics file attached to a refused "Add a calendar" without an error of its own, kept for the next post.</summary>
    public PendingUpload? KeptIcs { get; private set; }

    /// <summary>The form an .ics file is kept for: this school's "Add a calendar".</summary>
    private string KeptForm => $"schedule/calendar-source:{Number}/{Code}";

    public async Task<IActionResult> OnPostRefreshSourceAsync(Guid id, CancellationToken ct)
    {
        if (!CanManageSources)
        {
            return Forbid();
        }

        if (await LoadAsync(ct) is null)
        {
            return NotFound();
        }

        var result = await sources.RefreshAsync(Contract.Id, id, ScheduleApi.Who(User), ct);
        if (result is null)
        {
            return NotFound();
        }

        Message = result.Outcome switch
        {
            RefreshOutcome.Failed => $"The calendar could not be refreshed: {result.Error}",
            RefreshOutcome.Unchanged => "The calendar is unchanged.",
            _ => $"Refreshed: {result.Events} activities and closures; {result.Displaced} chemical application(s) moved.",
        };
        return RedirectToPage(new { Number, Code });
    }

    public async Task<IActionResult> OnPostRemoveSourceAsync(Guid id, CancellationToken ct)
    {
        if (!CanManageSources)
        {
            return Forbid();
        }

        if (await LoadAsync(ct) is not { } stored)
        {
            return NotFound();
        }

        var error = await sources.RemoveAsync(Contract.Id, id, null, ScheduleApi.Who(User), ct);
        if (error is PlanEditError.ContractNotFound)
        {
            return NotFound();
        }

        if (error is not null)
        {
            Input = CalendarInput.From(stored);
            AddErrors(error, "Source");
            return Page();
        }

        Message = "Calendar removed; the plan no longer counts its activities.";
        return RedirectToPage(new { Number, Code });
    }

    private async Task<IActionResult> SaveAsync(SchoolCalendarDocument document, string? reason, string prefix, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var (result, error) = await setSchoolCalendar.HandleAsync(Contract.Id, School.Id, document, reason, ScheduleApi.Who(User), ct);
            if (error is null)
            {
                Message = $"Saved. {result!.OccurrenceChanges.Count} planned occurrence(s) changed.";
                return RedirectToPage(new { Number, Code });
            }

            if (error is PlanEditError.ContractNotFound)
            {
                return NotFound();
            }

            AddErrors(error, prefix);
        }

        return Page();
    }

    private void AddErrors(PlanEditError error, string prefix)
    {
        switch (error)
        {
            case PlanEditError.Invalid invalid:
                foreach (var (key, messages) in invalid.Errors)
                {
                    var (field, words) = ErrorAt(prefix, key);
                    foreach (var message in messages)
                    {
                        ModelState.AddModelError(field, words + message);
                    }
                }

                break;
            case PlanEditError.ChangedMeanwhile:
                ModelState.AddModelError(prefix, PlanEditError.ChangedMeanwhile.Message);
                break;
            case PlanEditError.NothingToChange nothing:
                ModelState.AddModelError(prefix, "Nothing to change: " + nothing.Detail);
                break;
            default:
                ModelState.AddModelError(prefix, "The change could not be made.");
                break;
        }
    }

    /// <summary>
    /// The form field an error of the use case belongs next to, and what to say before its message so that it names
    /// what it is about (the weekday, or the line of a list typed one per line).
    /// </summary>
    private static (string Field, string Words) ErrorAt(string prefix, string key)
    {
        var line = Line(key);
        return (prefix, key) switch
        {
            ("Source", "name") => ("Source.Name", ""),
            ("Source", "kind") => ("Source.Kind", ""),
            ("Source", "url") => ("Source.Url", ""),
            ("Source", "file") => ("Source.File", ""),
            ("Source", "reason") => ("Source.Reason", ""),
            ("Source", _) when key.StartsWith("areas", StringComparison.Ordinal) => ("Source.Areas", ""),
            ("Activity", "reason") => ("Activity.Reason", ""),
            ("Input", "reason") => ("Input.Reason", ""),
            ("Input", _) when key.StartsWith("hours.", StringComparison.Ordinal) => ($"Input.Opens[{key[6..]}]", $"{key[6..]}: "),
            ("Input", _) when key.StartsWith("sessions", StringComparison.Ordinal) => ("Input.Sessions", line is null ? "" : $"Line {line}: "),
            ("Input", _) when key.StartsWith("closures", StringComparison.Ordinal) => ("Input.Closures", line is null ? "" : $"Line {line}: "),
            _ => (prefix, ""),
        };
    }

    /// <summary>The line (from 1) that <c>sessions[2]</c> names; null for a key without an index.</summary>
    private static int? Line(string key)
    {
        var open = key.IndexOf('[', StringComparison.Ordinal);
        var close = key.IndexOf(']', StringComparison.Ordinal);
        return open >= 0 && close > open && int.TryParse(key.AsSpan(open + 1, close - open - 1), out var index) ? index + 1 : null;
    }

    private async Task<SchoolCalendarDocument?> LoadAsync(CancellationToken ct)
    {
        var contract = await queries.ContractAsync(Number, User, ct);
        if (contract?.Site(Code) is not { } school)
        {
            return null;
        }

        Contract = contract;
        School = school;
        var record = await db.SchoolCalendars.AsNoTracking().SingleOrDefaultAsync(c => c.SiteId == School.Id, ct);
        var document = record is null ? SchoolCalendarDocument.Empty : SchoolCalendarDocument.Parse(record.Calendar);
        Activities = document.Activities;
        Sources = await sourceQueries.ForSchoolAsync(contract, school, ct);
        return document;
    }

    /// <summary>The form of hours, sessions and closures: a row per weekday, one line per session or closure.</summary>
    public sealed class CalendarInput
    {
        public Dictionary<string, string?> Opens { get; set; } = [];

        public Dictionary<string, string?> Closes { get; set; } = [];

        /// <summary>One per line: "2003-08-27 2004-06-16".</summary>
        [Display(Name = "Sessions")]
        public string? Sessions { get; set; }

        /// <summary>One day per line: "2003-11-27".</summary>
        [Display(Name = "Closures")]
        public string? Closures { get; set; }

        [Display(Name = "Why")]
        public string? Reason { get; set; }

        public static CalendarInput From(SchoolCalendarDocument d) => new()
        {
            Opens = d.Hours.ToDictionary(h => h.Key, h => h.Value.Opens),
            Closes = d.Hours.ToDictionary(h => h.Key, h => h.Value.Closes),
            Sessions = string.Join('\n', d.Sessions.Select(s => $"{s.Start} {s.End}")),
            Closures = string.Join('\n', d.Closures),
        };

        public SchoolCalendarDocument ToDocument(ModelStateDictionary errors)
        {
            var hours = new Dictionary<string, HoursDocument>();
            foreach (var day in Weekdays)
            {
                var opens = Opens.GetValueOrDefault(day);
                var closes = Closes.GetValueOrDefault(day);
                if (!string.IsNullOrWhiteSpace(opens) || !string.IsNullOrWhiteSpace(closes))
                {
                    hours[day] = new HoursDocument(opens?.Trim(), closes?.Trim());
                }
            }

            var sessions = Lines(Sessions).Select((line, i) =>
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length != 2)
                {
                    errors.AddModelError("Input.Sessions", $"Line {i + 1}: give the first and last day, e.g. 2003-08-27 2004-06-16.");
                }

                return new SessionDocument(parts.ElementAtOrDefault(0), parts.ElementAtOrDefault(1));
            }).ToList();
            return new SchoolCalendarDocument(hours, sessions, Lines(Closures).ToList(), []);
        }

        private static IEnumerable<string> Lines(string? text) =>
            (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
    }

    /// <summary>One activity typed by hand: its name, day and times; <see cref="Index"/> when it changes a stored one.</summary>
    public sealed class ActivityInput
    {
        public int? Index { get; set; }

        /// <summary>The activity as it was when the form was shown ("start end name"), so a change made meanwhile is not overwritten.</summary>
        public string? Original { get; set; }

        [Display(Name = "Name")]
        public string? Name { get; set; }

        [Display(Name = "Day")]
        public string? Day { get; set; }

        [Display(Name = "From")]
        public string? Starts { get; set; }

        [Display(Name = "To")]
        public string? Ends { get; set; }

        [Display(Name = "Why")]
        public string? Reason { get; set; }

        public static ActivityInput From(int index, ActivityDocument a)
        {
            var start = a.Start ?? "";
            var end = a.End ?? "";
            return new ActivityInput
            {
                Index = index,
                Original = Key(a),
                Name = a.Name,
                Day = start.Length >= 10 ? start[..10] : null,
                Starts = start.Length >= 16 ? start[11..16] : null,
                Ends = end.Length >= 16 ? end[11..16] : null,
            };
        }

        public bool IsStill(ActivityDocument stored) => Original == Key(stored);

        public ActivityDocument ToDocument(ModelStateDictionary errors)
        {
            var date = DatePattern.Parse(Day ?? "");
            var from = TimePattern.Parse(Starts ?? "");
            var to = TimePattern.Parse(Ends ?? "");
            if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > 200)
            {
                errors.AddModelError("Activity.Name", "Name the activity (at most 200 characters).");
            }

            if (!date.Success)
            {
                errors.AddModelError("Activity.Day", "Give the day.");
            }

            if (!from.Success)
            {
                errors.AddModelError("Activity.Starts", "Give the time it starts.");
            }

            if (!to.Success)
            {
                errors.AddModelError("Activity.Ends", "Give the time it ends.");
            }
            else if (from.Success && to.Value <= from.Value)
            {
                errors.AddModelError("Activity.Ends", "It must end after it starts, on the same day.");
            }

            return date.Success && from.Success && to.Success
                ? new ActivityDocument(Name?.Trim(), SchoolCalendarDocument.FormatDateTime(date.Value + from.Value),
                    SchoolCalendarDocument.FormatDateTime(date.Value + to.Value))
                : new ActivityDocument(Name, null, null);
        }

        private static string Key(ActivityDocument a) => $"{a.Start} {a.End} {a.Name}";
    }

    /// <summary>An outside calendar to add: a name, what it holds, an address or a file, and optionally the areas it is on.</summary>
    public sealed class SourceInput
    {
        [Display(Name = "Name")]
        public string? Name { get; set; }

        [Display(Name = "What it holds")]
        public string? Kind { get; set; } = nameof(CalendarSourceKind.AthleticSchedule);

        [Display(Name = "iCal address")]
        public string? Url { get; set; }

        /// <summary>
        /// The token of the .ics file kept from a refused post (<see cref="PendingUploads"/>): sent back while its box stays
        /// ticked, it is the file unless another is attached.
        /// </summary>
        public string? Kept { get; set; }

        /// <summary>Events whose location or categories contain this go to <see cref="Areas"/>; others are on the whole school.</summary>
        [Display(Name = "Only events whose location or category contains")]
        public string? Match { get; set; }

        [Display(Name = "Areas")]
        public List<Guid> Areas { get; set; } = [];

        [Display(Name = "Why")]
        public string? Reason { get; set; }
    }
}
