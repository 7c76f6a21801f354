using System.ComponentModel.DataAnnotations;
using System.Net.Mail;
using FieldContracts.Data;
using FieldContracts.Data.Identity;
using FieldContracts.Data.Notices;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Web.Features.Notices;

/// <summary>Who receives each school's chemical pre-notifications: its registry, the Athletic Director or designee, maintenance.</summary>
[Authorize(Roles = Roles.AthleticDirector + "," + Roles.Purchasing)]
public sealed class RecipientsModel(FieldContractsDbContext db, IClock clock) : PageModel
{
    [BindProperty]
    public RecipientInput Input { get; set; } = new();

    public IReadOnlyList<SchoolRecipients> Schools { get; private set; } = [];

    /// <summary>What the last post did, said once on the page it redirects to.</summary>
    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var name = Input.Name?.Trim() ?? "";
        var email = Input.Email?.Trim() ?? "";
        if (Input.Site is not { } siteId || !await db.Sites.AnyAsync(s => s.Id == siteId, ct))
        {
            ModelState.AddModelError("Input.Site", "Choose a school.");
        }

        if (Input.Category is null || !Enum.IsDefined(Input.Category.Value))
        {
            ModelState.AddModelError("Input.Category", "Choose who the recipient is: registry, Athletic Director or designee, or maintenance.");
        }

        if (name.Length is 0 or > 200)
        {
            ModelState.AddModelError("Input.Name", "Give the recipient's name (at most 200 characters).");
        }

        if (email.Length > 320 || !MailAddress.TryCreate(email, out var address) || address.Address != email || !email.Contains('.', StringComparison.Ordinal))
        {
            ModelState.AddModelError("Input.Email", "Give a valid email address, like name@school.org.");
        }

        if (ModelState.ErrorCount == 0 && await db.NoticeRecipients.AnyAsync(
                r => r.SiteId == Input.Site && r.Category == Input.Category && r.Email.ToLower() == email.ToLower(), ct))
        {
            ModelState.AddModelError("Input.Email", "This address is already on that list for the school.");
        }

        if (ModelState.ErrorCount > 0)
        {
            await LoadAsync(ct);
            return Page();
        }

        db.NoticeRecipients.Add(new NoticeRecipient
        {
            Id = Guid.NewGuid(), SiteId = Input.Site!.Value, Category = Input.Category!.Value, Name = name, Email = email,
            CreatedAt = clock.GetCurrentInstant(),
        });
        await db.SaveChangesAsync(ct);
        Message = $"{name} <{email}> will receive this school's notices.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken ct)
    {
        var removed = await db.NoticeRecipients.Where(r => r.Id == id).ExecuteDeleteAsync(ct);
        if (removed == 0)
        {
            return NotFound();
        }

        Message = "Recipient removed: notices decided from now on will not go to them.";
        return RedirectToPage();
    }

    public static string Describe(NoticeRecipientCategory category) => category switch
    {
        NoticeRecipientCategory.SchoolRegistry => "School registry (parents, guardians, staff)",
        NoticeRecipientCategory.AthleticDirectorOrDesignee => "Athletic Director or designee",
        NoticeRecipientCategory.SchoolMaintenance => "School maintenance",
        _ => category.ToString(),
    };

    private async Task LoadAsync(CancellationToken ct)
    {
        var sites = await db.Sites.AsNoTracking()
            .Join(db.Contracts, s => s.ContractId, c => c.Id, (s, c) => new { s.Id, s.Name, s.Code, c.Number })
            .ToListAsync(ct);
        var recipients = await db.NoticeRecipients.AsNoTracking().ToListAsync(ct);
        Schools = sites.OrderBy(s => s.Number, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal)
            .Select(s => new SchoolRecipients(s.Id, s.Name, s.Code, s.Number,
                recipients.Where(r => r.SiteId == s.Id).OrderBy(r => r.Category).ThenBy(r => r.Name, StringComparer.Ordinal).ToList()))
            .ToList();
    }

    public sealed record SchoolRecipients(Guid SiteId, string Name, string Code, string Contract, IReadOnlyList<NoticeRecipient> Recipients);

    public sealed class RecipientInput
    {
        [Display(Name = "School")]
        public Guid? Site { get; set; }

        [Display(Name = "Who")]
        public NoticeRecipientCategory? Category { get; set; }

        [Display(Name = "Name")]
        public string? Name { get; set; }

        [Display(Name = "Email")]
        public string? Email { get; set; }
    }
}
