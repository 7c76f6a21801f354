using FieldContracts.Administration.Notices;
using FieldContracts.Data.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using NodaTime.Text;

namespace FieldContracts.Web.Features.WorkLogs;

/// <summary>Records that a chemical pre-notification was given (spec VII), until notices are sent from here.</summary>
[Authorize(Roles = Roles.AthleticDirector + "," + Roles.Contractor)]
public sealed class NoticeModel(WorkLogQueries queries, RecordNotice recordNotice, ZonedClock clock) : PageModel
{
    [FromQuery(Name = "occurrence")]
    public Guid Occurrence { get; set; }

    [BindProperty]
    public string? SentAt { get; set; }

    [BindProperty]
    public string? ApplicationDate { get; set; }

    [BindProperty]
    public NoticeChannel Channel { get; set; } = NoticeChannel.Email;

    public VisitForm Form { get; private set; } = null!;

    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await queries.FormAsync(User, Occurrence, ct) is not { } form || !form.Work.IsChemical)
        {
            return NotFound();
        }

        Form = form;
        SentAt = clock.GetCurrentLocalDateTime().ToString("yyyy-MM-dd'T'HH:mm", null);
        ApplicationDate = form.Work.Date.ToString("yyyy-MM-dd", null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await queries.FormAsync(User, Occurrence, ct) is not { } form || !form.Work.IsChemical)
        {
            return NotFound();
        }

        Form = form;
        var sent = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm").Parse(SentAt ?? "");
        var named = LocalDatePattern.Iso.Parse(ApplicationDate ?? "");
        var outcome = await recordNotice.HandleAsync(User, new NoticeRequest(Occurrence, sent.Success ? sent.Value : null,
            named.Success ? named.Value : null, Channel), ct);
        switch (outcome)
        {
            case WorkLogOutcome.Done:
                return Redirect(User.IsInRole(Roles.Contractor) ? $"/worklogs/new?occurrence={Occurrence}" : $"/worklogs/notices/new?occurrence={Occurrence}");
            case WorkLogOutcome.Invalid invalid:
                Errors.AddRange(invalid.Errors.Select(e => e.Value[0]));
                break;
            case WorkLogOutcome.Conflict conflict:
                Errors.Add(conflict.Detail);
                break;
            default:
                return NotFound();
        }

        return Page();
    }
}
