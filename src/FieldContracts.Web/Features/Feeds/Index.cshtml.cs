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
/// answer to the form that made it, and never again: only its hash is kept.
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

    public string? Message { get; private set; }

    public bool IsContractor => User.IsInRole(Roles.Contractor);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
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
            Issued = issued;
            Message = "Your feed is ready. Subscribe now: this address is shown only once.";
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRenewAsync(Guid id, CancellationToken ct)
    {
        Issued = await feeds.RenewAsync(User, id, FeedLinks.Origin(Request), ct);
        if (Issued is null)
        {
            return NotFound();
        }

        Message = "New address issued; the old one no longer works. Subscribe again with the new one.";
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        if (!await feeds.RevokeAsync(User, id, ct))
        {
            return NotFound();
        }

        Message = "Feed revoked: its address no longer works. Calendars subscribed to it stop updating.";
        await LoadAsync(ct);
        return Page();
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
        public string? Contract { get; set; }

        public FeedScope? Scope { get; set; }

        public string? School { get; set; }

        public string? Name { get; set; }
    }
}
