using System.Text.Encodings.Web;
using FieldContracts.Data.Identity;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace FieldContracts.Web.Features.Scorecard;

/// <summary>
/// A contract's performance scorecard: charts with a table of the same figures after each, and the figures as a CSV.
/// Read-only for everyone; a contractor sees only its own contracts, and another's looks the same as none.
/// </summary>
[Authorize(Roles = Roles.Any)]
public sealed class IndexModel(ScorecardQueries queries) : PageModel
{
    [FromRoute]
    public string Number { get; set; } = "";

    public ScorecardView Figures { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await queries.ForAsync(User, Number, ct) is not { } figures)
        {
            return NotFound();
        }

        Figures = figures;
        return Page();
    }

    /// <summary>"85.7%" with "6 of 7" under it; "—" when nothing was counted.</summary>
    public static IHtmlContent Share(decimal? percent, int onTime, int counted) =>
        counted == 0
            ? new HtmlString("—")
            : new HtmlString($"{HtmlEncoder.Default.Encode(ScorecardCharts.Percent(percent))} <span class=\"of\">{onTime} of {counted}</span>");
}
