using System.ComponentModel.DataAnnotations;
using FieldContracts.Data;
using FieldContracts.Data.Feeds;
using FieldContracts.Data.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using FieldContracts.Web.Features.Shared;

namespace FieldContracts.Web.Features.Feeds;

/// <summary>
/// The user's calendar subscriptions: make one, renew its address, revoke it. A new address is shown on the
/// page the form redirects to, and never again: only its hash is kept. On its way to that page the address rides in
/// the encrypted, HTTP-only TempData cookie, which the page's first GET reads and clears.
/// </summary>
[Authorize(Roles = Roles.Any)]
public sealed class IndexModel(FeedSubscriptions feeds, FieldContractsDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "contract")]
    public string? PreselectedContract { get; set; }

    [BindProperty]
    public FeedInput Input { get; set; } = new();

    public IReadOnlyList<FeedView> Feeds { get; private set; } = [];

    public IReadOnlyList<ContractChoice> Contracts { get; private set; } = [];

    /// <summary>The feed whose address was just issued, shown once.</summary>
    public IssuedFeed? Issued { get; private set; }

    /// <summary>What the last post did, said once on the page it redirects to.</summary>
    [TempData]
    public string? Message { get; set; }

    /// <summary>The feed just made or renewed, and its address: read once by the page the post redirects to.</summary>
    [TempData]
    public Guid? IssuedId { get; set; }

    [TempData]
    public string? IssuedAddress { get; set; }

    public bool IsContractor => User.IsInRole(Roles.Contractor);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (IssuedId is { } issuedId && Feeds.FirstOrDefault(f => f.Id == issuedId) is { } feed
            && IssuedAddress is { } address && address.LastIndexOf("/feeds/", StringComparison.Ordinal) is var at and >= 0
            && address.EndsWith(".ics", StringComparison.Ordinal))
        {
            var token = address[(at + "/feeds/".Length)..^".ics".Length];
            Issued = new IssuedFeed(feed, FeedLinks.For(address[..at], token, feed.Name));
        }

        Input.Contract = Contracts.Any(c => c.Number == PreselectedContract) ? PreselectedContract : Contracts.FirstOrDefault()?.Number;
        Input.Scope = FeedScope.WholeContract;
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var (issued, error) = await feeds.CreateAsync(User,
            new NewFeed(Input.Scope, Input.Contract, Input.Scope == FeedScope.School ? Input.School : null, Input.Name),
            FeedLinks.Origin(Request), ct);
        if (error is FeedError.Invalid invalid)
        {
            foreach (var (key, messages) in invalid.Errors)
            {
                ModelState.AddModelError(key == "$" ? string.Empty : $"Input.{char.ToUpperInvariant(key[0])}{key[1..]}", messages[0]);
            }
        }
        else
        {
            Message = "Your feed is ready. Subscribe now: this address is shown only once.";
            return Show(issued!);
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRenewAsync(Guid id, CancellationToken ct)
    {
        if (await feeds.RenewAsync(User, id, FeedLinks.Origin(Request), ct) is not { } renewed)
        {
            return NotFound();
        }

        Message = "New address issued; the old one no longer works. Subscribe again with the new one.";
        return Show(renewed);
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        if (!await feeds.RevokeAsync(User, id, ct))
        {
            return NotFound();
        }

        Message = "Feed revoked: its address no longer works. Calendars subscribed to it stop updating.";
        return RedirectToPage();
    }

    private RedirectToPageResult Show(IssuedFeed issued)
    {
        IssuedId = issued.Feed.Id;
        IssuedAddress = issued.Links.Https;
        return RedirectToPage();
    }

    public static string Describe(FeedView feed) => feed.Scope switch
    {
        FeedScope.WholeContract => $"Contract #{feed.Contract}: all schools",
        FeedScope.School => $"Contract #{feed.Contract}: {feed.School} only",
        FeedScope.ChemicalOnly => $"Contract #{feed.Contract}: chemical applications",
        FeedScope.ContractorWork => "Your own work, every contract",
        _ => feed.Scope.ToString(),
    };

    private async Task LoadAsync(CancellationToken ct)
    {
        Feeds = await feeds.ListAsync(User, ct);
        var contracts = await db.Contracts.AsNoTracking().VisibleTo(User).Include(c => c.Sites).ToListAsync(ct);
        Contracts = contracts.OrderBy(c => c.Number, StringComparer.Ordinal)
            .Select(c => new ContractChoice(c.Number, c.Title,
                c.Sites.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => new SchoolChoice(s.Code, s.Name)).ToList()))
            .ToList();
    }

    public sealed record ContractChoice(string Number, string Title, IReadOnlyList<SchoolChoice> Schools);

    public sealed record SchoolChoice(string Code, string Name);

    public sealed class FeedInput
    {
        [Display(Name = "Contract")]
        public string? Contract { get; set; }

        [Display(Name = "Shows")]
        public FeedScope? Scope { get; set; }

        [Display(Name = "School")]
        public string? School { get; set; }

        [Display(Name = "Name in your calendar")]
        public string? Name { get; set; }
    }
}
