using FieldContracts.Web.Tests.Features.Shared;
using Microsoft.EntityFrameworkCore;
using static FieldContracts.Web.Tests.Features.Shared.RefusedForm;
using static FieldContracts.Web.Tests.Features.Performance.CaseFlow;

namespace FieldContracts.Web.Tests.Features.Performance;

/// <summary>
/// The cases page of #2685 on July 10, 2003, as Purchasing uses it: a case opened on the register's missed work and a
/// watch rule changed each answer a redirect to a page that says so, so a refresh posts nothing again; a refused form
/// says why next to its field, in the summary at its top, and keeps what was typed; the page's other form is as it was.
/// </summary>
public abstract class CasesPageTests(TestApp app) : IAsyncLifetime
{
    private const string Why = "Mowing missed at Weaver and Bulkeley three weeks running (special instruction 7).";

    public Task InitializeAsync()
    {
        SetToday(app, new LocalDate(2003, 7, 10));
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task OpenCase_RefusedWithoutText_ThenWithoutDeficiencies_KeepsWhatWasGiven_ThenOpensAndRedirectsToTheCase()
    {
        var deficiencies = await MissedWorkAsync(app, 2);
        var purchasing = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));

        using var noText = await TestApp.PostFormAsync(purchasing, "/contracts/2685/cases", new()
        {
            ["DeficiencyIds"] = deficiencies[0].ToString(), ["Text"] = "",
        });
        var html = WebUtility.HtmlDecode(await noText.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, noText.StatusCode);
        AssertMarked(html, "Text", "Why (the complaints, the repeated failure)", "Say why, or what was done and seen.");
        Assert.Contains($"value=\"{deficiencies[0]}\" checked=\"checked\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{deficiencies[1]}\" checked", html, StringComparison.Ordinal);
        // The summary is in the form that was posted; the watch rule's form is as the rule stands, closed.
        Assert.Equal(1, Summaries(html));
        Assert.Contains("data-testid=\"error-summary\"", Form(html, "open-form"), StringComparison.Ordinal);
        Assert.Equal(Input(WebUtility.HtmlDecode(await purchasing.GetStringAsync("/contracts/2685/cases")), "UpheldThreshold"), Input(html, "UpheldThreshold"));
        Assert.DoesNotContain("<details open", html, StringComparison.Ordinal);

        using var noDeficiencies = await TestApp.PostFormAsync(purchasing, "/contracts/2685/cases", new() { ["Text"] = Why });
        html = WebUtility.HtmlDecode(await noDeficiencies.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, noDeficiencies.StatusCode);
        AssertMarked(html, "DeficiencyIds", "The deficiencies complained of", "Name at least one deficiency from the register.");
        Assert.Contains($">{Why}</textarea>", html, StringComparison.Ordinal);
        await using (var db = app.Database.CreateContext())
        {
            Assert.False(await db.PerformanceCases.AnyAsync());
        }

        using var opened = await PostOpenAsync(purchasing, deficiencies);
        await using var after = app.Database.CreateContext();
        var id = (await after.PerformanceCases.AsNoTracking().SingleAsync()).Id;
        var page = WebUtility.HtmlDecode(await Forms.FollowRedirectAsync(purchasing, opened, $"/contracts/2685/cases/{id}"));

        Assert.Contains("data-testid=\"done\">Case opened.</p>", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"case-status\">Opened</span>", page, StringComparison.Ordinal);
        Assert.All(deficiencies, d => Assert.Contains($"data-testid=\"case-deficiency-{d}\"", page, StringComparison.Ordinal));
        // A refresh of the page it landed on opens no second case and says nothing again.
        Assert.DoesNotContain("data-testid=\"done\"", await purchasing.GetStringAsync($"/contracts/2685/cases/{id}"), StringComparison.Ordinal);
        Assert.Equal(1, await after.PerformanceCases.CountAsync());
    }

    [Fact]
    public async Task WatchRule_RefusedForAThresholdOf0_KeepsWhatWasTyped_ThenSavedAndRedirectsToTheCases()
    {
        var purchasing = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));

        using var zero = await TestApp.PostFormAsync(purchasing, "/contracts/2685/cases?handler=Watch", new()
        {
            ["UpheldThreshold"] = "0", ["WindowDays"] = "45", ["AnyApplicationWithoutNotice"] = "true",
        });
        var html = WebUtility.HtmlDecode(await zero.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, zero.StatusCode);
        var threshold = AssertMarked(html, "UpheldThreshold", "Upheld deficiencies that suggest a case", "The threshold is 1 to 50 upheld deficiencies.");
        Assert.Contains("value=\"0\"", threshold, StringComparison.Ordinal);
        Assert.Contains("value=\"45\"", Input(Form(html, "watch-form"), "WindowDays"), StringComparison.Ordinal);
        Assert.Contains("<details open>", html, StringComparison.Ordinal);
        Assert.Equal(1, Summaries(html));
        Assert.Contains("data-testid=\"error-summary\"", Form(html, "watch-form"), StringComparison.Ordinal);
        await using (var db = app.Database.CreateContext())
        {
            Assert.False(await db.PerformanceWatchSettings.AnyAsync());
        }

        using var saved = await TestApp.PostFormAsync(purchasing, "/contracts/2685/cases?handler=Watch", new()
        {
            ["UpheldThreshold"] = "2", ["WindowDays"] = "45", ["AnyApplicationWithoutNotice"] = "true",
        });
        var page = WebUtility.HtmlDecode(await Forms.FollowRedirectAsync(purchasing, saved, "/contracts/2685/cases"));

        Assert.Contains("data-testid=\"done\">Watch rule changed.</p>", page, StringComparison.Ordinal);
        Assert.Contains("A suggestion only (2 upheld deficiencies within 45 days", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"done\"", await purchasing.GetStringAsync("/contracts/2685/cases"), StringComparison.Ordinal);
        await using var after = app.Database.CreateContext();
        var rule = await after.PerformanceWatchSettings.AsNoTracking().SingleAsync();
        Assert.Equal((2, 45), (rule.UpheldThreshold, rule.WindowDays));
    }

    /// <summary>The input named <paramref name="name"/>: its opening tag.</summary>
    private static string Input(string html, string name)
    {
        var input = System.Text.RegularExpressions.Regex.Match(html, $"<input\\b[^>]*\\bname=\"{name}\"[^>]*>");
        Assert.True(input.Success, $"No input {name}.");
        return input.Value;
    }

    private static async Task<HttpResponseMessage> PostOpenAsync(HttpClient client, IReadOnlyList<Guid> deficiencies)
    {
        var page = await client.GetStringAsync("/contracts/2685/cases");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(token.Success, "The cases page has no anti-forgery token.");
        return await client.PostAsync("/contracts/2685/cases", new FormUrlEncodedContent(
        [
            .. deficiencies.Select(d => new KeyValuePair<string, string>("DeficiencyIds", d.ToString())),
            new("Text", Why), new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)),
        ]));
    }
}

public sealed class CasesPageTests_Sqlite(SqliteApp app) : CasesPageTests(app), IClassFixture<SqliteApp>;

public sealed class CasesPageTests_Postgres(PostgresApp app) : CasesPageTests(app), IClassFixture<PostgresApp>;
