using FieldContracts.Data;
using FieldContracts.Data.Identity;
using FieldContracts.Data.Planning;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace FieldContracts.Web.Features.Schedule;

/// <summary>
/// A school's calendar as the Athletic Director keeps it: hours by weekday, sessions, closures and
/// activities. Chemical applications are planned around it (CGS 10-231c).
/// </summary>
[Authorize(Roles = Roles.Any)]
public sealed class SchoolCalendarModel(FieldContractsDbContext db, ScheduleQueries queries, SetSchoolCalendar setSchoolCalendar) : PageModel
{
    public static readonly string[] Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    [FromRoute]
    public string Number { get; set; } = "";

    [FromRoute]
    public string Code { get; set; } = "";

    [BindProperty]
    public CalendarInput Input { get; set; } = new();

    public ScheduleSite School { get; private set; } = null!;

    public string? Message { get; private set; }

    public bool CanEdit => User.IsInRole(Roles.AthleticDirector);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadSchoolAsync(ct) is not { } contract)
        {
            return NotFound();
        }

        var record = await db.SchoolCalendars.AsNoTracking().SingleOrDefaultAsync(c => c.SiteId == School.Id, ct);
        Input = CalendarInput.From(record is null ? SchoolCalendarDocument.Empty : SchoolCalendarDocument.Parse(record.Calendar));
        _ = contract;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanEdit)
        {
            return Forbid();
        }

        if (await LoadSchoolAsync(ct) is not { } contract)
        {
            return NotFound();
        }

        var document = Input.ToDocument(ModelState);
        if (ModelState.IsValid)
        {
            var (result, error) = await setSchoolCalendar.HandleAsync(contract.Id, School.Id, document, Input.Reason,
                ScheduleApi.Who(User), ct);
            if (error is PlanEditError.Invalid invalid)
            {
                foreach (var (key, messages) in invalid.Errors)
                {
                    ModelState.AddModelError(key, messages[0]);
                }
            }
            else if (error is PlanEditError.ChangedMeanwhile)
            {
                ModelState.AddModelError(string.Empty, PlanEditError.ChangedMeanwhile.Message);
            }
            else if (error is PlanEditError.NothingToChange nothing)
            {
                ModelState.AddModelError(string.Empty, "Nothing to change: " + nothing.Detail);
            }
            else if (error is not null)
            {
                return NotFound();
            }
            else
            {
                Message = $"Saved. {result!.OccurrenceChanges.Count} planned occurrence(s) changed.";
                Input.Reason = null;
            }
        }

        return Page();
    }

    private async Task<ScheduleContract?> LoadSchoolAsync(CancellationToken ct)
    {
        var contract = await queries.ContractAsync(Number, User, ct);
        if (contract?.Site(Code) is not { } school)
        {
            return null;
        }

        School = school;
        return contract;
    }

    /// <summary>The form: a row per weekday, and one line per session, closure or activity.</summary>
    public sealed class CalendarInput
    {
        private static readonly NodaTime.Text.LocalDateTimePattern LocalDateTimeText =
            NodaTime.Text.LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");

        public Dictionary<string, string?> Opens { get; set; } = [];

        public Dictionary<string, string?> Closes { get; set; } = [];

        /// <summary>One per line: "2003-08-27 2004-06-16".</summary>
        public string? Sessions { get; set; }

        /// <summary>One day per line: "2003-11-27".</summary>
        public string? Closures { get; set; }

        /// <summary>One per line: "2003-09-12T18:00 2003-09-12T21:00 Home football game".</summary>
        public string? Activities { get; set; }

        public string? Reason { get; set; }

        public static CalendarInput From(SchoolCalendarDocument d) => new()
        {
            Opens = d.Hours.ToDictionary(h => h.Key, h => h.Value.Opens),
            Closes = d.Hours.ToDictionary(h => h.Key, h => h.Value.Closes),
            Sessions = string.Join('\n', d.Sessions.Select(s => $"{s.Start} {s.End}")),
            Closures = string.Join('\n', d.Closures),
            Activities = string.Join('\n', d.Activities.Select(a => $"{a.Start} {a.End} {a.Name}")),
        };

        public SchoolCalendarDocument ToDocument(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary errors)
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
                    errors.AddModelError($"sessions[{i}]", $"Session line {i + 1}: give the first and last day, e.g. 2003-08-27 2004-06-16.");
                }

                return new SessionDocument(parts.ElementAtOrDefault(0), parts.ElementAtOrDefault(1));
            }).ToList();
            var activities = Lines(Activities).Select((line, i) =>
            {
                var parts = line.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length != 3 || !LocalDateTimeText.Parse(parts[0]).Success || !LocalDateTimeText.Parse(parts[1]).Success)
                {
                    errors.AddModelError($"activities[{i}]", $"Activity line {i + 1}: give start, end and name, e.g. 2003-09-12T18:00 2003-09-12T21:00 Home game.");
                }

                return new ActivityDocument(parts.ElementAtOrDefault(2), parts.ElementAtOrDefault(0), parts.ElementAtOrDefault(1));
            }).ToList();
            return new SchoolCalendarDocument(hours, sessions, Lines(Closures).ToList(), activities);
        }

        private static IEnumerable<string> Lines(string? text) =>
            (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
    }
}
