using System.ComponentModel.DataAnnotations;
using FieldContracts.Administration.Notices;
using FieldContracts.Data.Identity;
using FieldContracts.Web.Features.Shared;
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
    [Display(Name = "Sent at (Hartford time)")]
    public string? SentAt { get; set; }

    [BindProperty]
    [Display(Name = "Application day named")]
    public string? ApplicationDate { get; set; }

    [BindProperty]
    [Display(Name = "How")]
    public NoticeChannel Channel { get; set; } = NoticeChannel.Email;

    public VisitForm Form { get; private set; } = null!;

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
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var sent = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm").Parse(SentAt ?? "");
        var named = LocalDatePattern.Iso.Parse(ApplicationDate ?? "");
        var outcome = await recordNotice.HandleAsync(User, new NoticeRequest(Occurrence, sent.Success ? sent.Value : null,
            named.Success ? named.Value : null, Channel), ct);
        switch (outcome)
        {
            case WorkLogOutcome.Done:
                return Redirect(User.IsInRole(Roles.Contractor) ? $"/worklogs/new?occurrence={Occurrence}" : $"/worklogs/notices/new?occurrence={Occurrence}");
            case WorkLogOutcome.Invalid invalid:
                // The service names the fields as the API does ("sentAt"); the form's are the page's properties.
                FormErrors.Add(ModelState, invalid.Errors
                    .GroupBy(e => e.Key switch
                    {
                        "sentAt" => nameof(SentAt),
                        "applicationDate" => nameof(ApplicationDate),
                        "channel" => nameof(Channel),
                        _ => "",
                    })
                    .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).ToArray()));
                break;
            case WorkLogOutcome.Conflict conflict:
                ModelState.AddModelError("", conflict.Detail);
                break;
            default:
                return NotFound();
        }

        return Page();
    }
}
