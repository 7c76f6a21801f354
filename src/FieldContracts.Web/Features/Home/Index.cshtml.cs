using System.Globalization;
using FieldContracts.Data.Identity;
using FieldContracts.Web.Features.Billing;
using FieldContracts.Web.Features.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;

namespace FieldContracts.Web.Features.Home;

/// <summary>
/// Where everyone lands after signing in: one section for each role the user holds (a crew leader's day, the Athletic
/// Director's, Purchasing's, Finance's queue), each item linking to the page where it is acted on, then the contracts.
/// </summary>
[Authorize(Roles = Roles.Any)]
public sealed class IndexModel(HomeQueries queries) : PageModel
{
    /// <summary>
    /// The cookie that remembers when the Athletic Director last looked at the plan's changes: "previous|current" as
    /// Unix milliseconds. A visit more than an hour after "current" moves it to "previous", so a reload within the hour
    /// still lists the same changes.
    /// </summary>
    public const string PlanSeenCookie = "fc_plan_seen";

    private static readonly Duration SameVisit = Duration.FromHours(1);

    public LocalDate Today { get; private set; }

    public CrewHome? Crew { get; private set; }

    public DirectorHome? Director { get; private set; }

    public PurchasingHome? Purchasing { get; private set; }

    public FinanceQueue? Finance { get; private set; }

    public IReadOnlyList<ContractSummary> Contracts { get; private set; } = [];

    /// <summary>Whether the changes are listed since a first visit's week rather than since a previous visit.</summary>
    public bool FirstVisit { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = queries.Today();
        if (User.IsInRole(Roles.Contractor))
        {
            Crew = await queries.CrewAsync(User, ct);
        }

        if (User.IsInRole(Roles.AthleticDirector))
        {
            Director = await queries.DirectorAsync(User, PlanSeenSince(), ct);
        }

        if (User.IsInRole(Roles.Purchasing))
        {
            Purchasing = await queries.PurchasingAsync(User, ct);
        }

        if (User.IsInRole(Roles.Finance))
        {
            Finance = await queries.FinanceAsync(User, ct);
        }

        Contracts = await queries.ContractsAsync(User, ct);
    }

    /// <summary>The moment after which the plan's changes are new to this user, and the cookie moved on for next time.</summary>
    private Instant PlanSeenSince()
    {
        var now = queries.Now();
        var (previous, current) = Read(Request.Cookies[PlanSeenCookie]);
        Instant since;
        if (current is null)
        {
            FirstVisit = true;
            since = now - Duration.FromDays(7);
            previous = since;
            current = now;
        }
        else if (now - current.Value > SameVisit)
        {
            since = current.Value;
            previous = current;
            current = now;
        }
        else
        {
            since = previous ?? current.Value;
        }

        Response.Cookies.Append(PlanSeenCookie,
            $"{previous!.Value.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}|{current.Value.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}",
            new Microsoft.AspNetCore.Http.CookieOptions
            {
                HttpOnly = true, SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax, Secure = Request.IsHttps, IsEssential = true,
                MaxAge = TimeSpan.FromDays(400), Path = "/",
            });
        return since;
    }

    private static (Instant? Previous, Instant? Current) Read(string? value)
    {
        var parts = value?.Split('|') ?? [];
        return parts.Length == 2
               && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var previous)
               && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var current)
               && previous <= current && current < Instant.MaxValue.ToUnixTimeMilliseconds()
            ? (Instant.FromUnixTimeMilliseconds(previous), Instant.FromUnixTimeMilliseconds(current))
            : (null, null);
    }
}
