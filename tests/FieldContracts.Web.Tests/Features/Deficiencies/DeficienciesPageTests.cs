using FieldContracts.Administration.Deficiencies;
using FieldContracts.Web.Features.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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
        var page = WebUtility.HtmlDecode(await crew.GetStringAsync(response.Headers.Location!.OriginalString.Split('#')[0]));
        Assert.Contains("Acknowledged.", page, StringComparison.Ordinal);
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
        Assert.Contains($"id=\"error-{id}\"", page, StringComparison.Ordinal);
        Assert.Contains("Only the contractor acknowledges or disputes a deficiency.", page, StringComparison.Ordinal);
        var typed = "Upheld: the school confirms nobody mowed. " + new string('x', 2000);
        var tooLong = await TestApp.PostFormAsync(purchasing, "/contracts/2685/deficiencies", new()
        {
            ["Deficiency"] = id.ToString(), ["Action"] = "Uphold", ["Text"] = typed,
        });
        var kept = WebUtility.HtmlDecode(await tooLong.Content.ReadAsStringAsync());
        Assert.Contains("At most 2000 characters.", kept, StringComparison.Ordinal);
        Assert.Contains($">{typed}</textarea>", kept, StringComparison.Ordinal);
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
