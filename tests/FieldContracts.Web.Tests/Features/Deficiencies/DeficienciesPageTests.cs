using FieldContracts.Administration.Deficiencies;
using FieldContracts.Web.Features.Jobs;
using FieldContracts.Web.Tests.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FieldContracts.Web.Tests.Features.Shared.RefusedForm;

namespace FieldContracts.Web.Tests.Features.Deficiencies;

/// <summary>The register's page: each role sees the steps it may take; a step posts and redirects; a refusal keeps the text.</summary>
public abstract class DeficienciesPageTests(TestApp app) : IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MissedWorkHandler>().HandleAsync(new LocalDate(2003, 7, 10), CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Acknowledge_FromThePage_RedirectsAndARefreshPostsNothing()
    {
        var crew = await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor));
        var id = await FirstOpenAsync();

        var response = await TestApp.PostFormAsync(crew, "/contracts/2685/deficiencies", new()
        {
            ["Deficiency"] = id.ToString(), ["Action"] = "Acknowledge", ["Text"] = "Extra mowing crew from Monday, July 14.",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/contracts/2685/deficiencies#d-{id}", response.Headers.Location!.OriginalString);
        var page = WebUtility.HtmlDecode(await Forms.FollowRedirectAsync(crew, response, "/contracts/2685/deficiencies"));
        Assert.Contains("data-testid=\"done\">Acknowledged.</p>", page, StringComparison.Ordinal);
        Assert.Contains("Extra mowing crew from Monday, July 14.", page, StringComparison.Ordinal);
        // The redirect was a GET: loading it again changes nothing.
        await crew.GetStringAsync("/contracts/2685/deficiencies");
        await using var db = app.Database.CreateContext();
        Assert.Equal(1, await db.DeficiencySteps.CountAsync(s => s.DeficiencyId == id));
    }

    [Fact]
    public async Task Steps_EachRoleSeesOnlyItsOwnForms()
    {
        var crew = WebUtility.HtmlDecode(await (await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor))).GetStringAsync("/contracts/2685/deficiencies"));
        var purchasing = WebUtility.HtmlDecode(await (await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing))).GetStringAsync("/contracts/2685/deficiencies"));
        var finance = WebUtility.HtmlDecode(await (await app.SignedInAsync(TestApp.EmailOf(Roles.Finance))).GetStringAsync("/contracts/2685/deficiencies"));

        Assert.Contains(">Dispute</button>", crew, StringComparison.Ordinal);
        Assert.DoesNotContain(">Uphold</button>", crew, StringComparison.Ordinal);
        Assert.Contains(">Uphold</button>", purchasing, StringComparison.Ordinal);
        Assert.DoesNotContain(">Acknowledge</button>", purchasing, StringComparison.Ordinal);
        Assert.DoesNotContain("<button", finance.Split("<main")[^1], StringComparison.Ordinal);
        Assert.Contains("Missed: nothing logged in its window", finance, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refused_KeepsWhatWasTypedAndSaysWhyNextToTheDeficiency()
    {
        var purchasing = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));
        var id = await FirstOpenAsync(skip: 1);

        var response = await TestApp.PostFormAsync(purchasing, "/contracts/2685/deficiencies", new()
        {
            ["Deficiency"] = id.ToString(), ["Action"] = "Acknowledge", ["Text"] = "Will be mowed on July 11",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        // Not Purchasing's step, so it has no form here: the summary says why at the deficiency, and only there.
        Assert.Equal(1, Summaries(page));
        Assert.Matches("data-testid=\"error-summary\".*<li>Only the contractor acknowledges or disputes a deficiency.</li>", Item(page, id));
        var typed = "Upheld: the school confirms nobody mowed. " + new string('x', 2000);
        var tooLong = await TestApp.PostFormAsync(purchasing, "/contracts/2685/deficiencies", new()
        {
            ["Deficiency"] = id.ToString(), ["Action"] = "Uphold", ["Text"] = typed,
        });
        var kept = WebUtility.HtmlDecode(await tooLong.Content.ReadAsStringAsync());
        AssertMarked(kept, $"Uphold[{id}].Text", "Why it stands", "At most 2000 characters.");
        Assert.Contains($">{typed}</textarea>", kept, StringComparison.Ordinal);
        // The summary is in the form that was posted; the deficiency's other forms, and the others', are as they were.
        Assert.Equal(1, Summaries(kept));
        var item = Item(kept, id);
        Assert.Contains("data-testid=\"error-summary\"", Form(item, "form-Uphold"), StringComparison.Ordinal);
        Assert.DoesNotContain("aria-invalid", Form(item, "form-Withdraw"), StringComparison.Ordinal);
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(kept, "aria-invalid"));
        await using var db = app.Database.CreateContext();
        Assert.Equal(DeficiencyStatus.Open, (await db.Deficiencies.SingleAsync(d => d.Id == id)).Status);
        Assert.Equal(0, await db.DeficiencySteps.CountAsync(s => s.DeficiencyId == id));
    }

    [Fact]
    public async Task CrewsList_MissedWorkFirst_WithItsStandingAndALinkToLogItLate()
    {
        var crew = await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor));
        await using var db = app.Database.CreateContext();
        var missed = await db.Deficiencies.AsNoTracking()
            .Where(d => d.Kind == DeficiencyKind.MissedWork && db.Contracts.Any(c => c.Id == d.ContractId && c.Number == "2685"))
            .Select(d => d.OccurrenceId!.Value).ToListAsync();

        var page = WebUtility.HtmlDecode(await crew.GetStringAsync("/worklogs"));

        Assert.True(page.IndexOf("data-testid=\"missed\"", StringComparison.Ordinal) < page.IndexOf("Work this week", StringComparison.Ordinal));
        Assert.All(missed, id => Assert.Contains($"data-testid=\"missed-{id}\"", page, StringComparison.Ordinal));
        Assert.Contains($"/worklogs/new?occurrence={missed[0]}\">Log late</a>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdraw_AsksFirstAndSaysWhatWillHappen_ThenRedirectsAndTheDeficiencyLeavesTheOpenList()
    {
        var purchasing = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));
        var id = await FirstOpenAsync(skip: 2);
        var form = Form(Item(WebUtility.HtmlDecode(await purchasing.GetStringAsync("/contracts/2685/deficiencies")), id), "form-Withdraw");

        var response = await TestApp.PostFormAsync(purchasing, "/contracts/2685/deficiencies", new()
        {
            ["Deficiency"] = id.ToString(), ["Action"] = "Withdraw", ["Text"] = "The school moved the game; nothing was due that day.",
        });
        var page = WebUtility.HtmlDecode(await Forms.FollowRedirectAsync(purchasing, response, "/contracts/2685/deficiencies"));

        Assert.Contains("data-confirm=\"Withdraw this deficiency? It no longer counts against the contractor.\"", form, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"done\">Withdrawn.</p>", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"<li id=\"d-{id}\"", page, StringComparison.Ordinal);
        Assert.Contains("The school moved the game; nothing was due that day.",
            Item(WebUtility.HtmlDecode(await purchasing.GetStringAsync("/contracts/2685/deficiencies?show=all")), id), StringComparison.Ordinal);
        await using var db = app.Database.CreateContext();
        Assert.Equal(DeficiencyStatus.Withdrawn, (await db.Deficiencies.SingleAsync(d => d.Id == id)).Status);
    }

    /// <summary>The register's item of one deficiency, with its forms.</summary>
    private static string Item(string html, Guid id)
    {
        var start = html.IndexOf($"<li id=\"d-{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"The register shows no deficiency {id}.");
        var end = html.IndexOf("<li id=\"d-", start + 10, StringComparison.Ordinal);
        return end < 0 ? html[start..] : html[start..end];
    }

    private async Task<Guid> FirstOpenAsync(int skip = 0)
    {
        await using var db = app.Database.CreateContext();
        return (await db.Deficiencies
                .Where(d => d.Status == DeficiencyStatus.Open && db.Contracts.Any(c => c.Id == d.ContractId && c.Number == "2685"))
                .OrderBy(d => d.DedupKey).Select(d => d.Id).ToListAsync())[skip + 5];
    }
}

public sealed class DeficienciesPageTests_Sqlite(SqliteApp app) : DeficienciesPageTests(app), IClassFixture<SqliteApp>;

public sealed class DeficienciesPageTests_Postgres(PostgresApp app) : DeficienciesPageTests(app), IClassFixture<PostgresApp>;
