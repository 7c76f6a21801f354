using FieldContracts.Web.Tests.Features.Shared;
using Microsoft.EntityFrameworkCore;
using static FieldContracts.Web.Tests.Features.Shared.RefusedForm;
using static FieldContracts.Web.Tests.Features.Performance.CaseFlow;

namespace FieldContracts.Web.Tests.Features.Performance;

/// <summary>
/// Special instruction 6 from the termination page of #2685: notice given on Thursday, July 10, 2003 cannot take effect
/// on Friday, August 8 (29 days), and is refused next to that field with everything typed kept; on Saturday, August 9
/// (30 days) the notice is sent and the page it redirects to shows the termination, so a refresh cancels nothing again.
/// </summary>
public abstract class TerminationPageTests(TestApp app) : IAsyncLifetime
{
    private const string Reasons = "The Court of Common Council did not appropriate the 2003-04 funds for athletic fields.";

    public Task InitializeAsync()
    {
        SetToday(app, new LocalDate(2003, 7, 10));
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TwentyNineDaysRefusedNextToTheEffectiveDay_KeepingWhatWasTyped_ThirtyCancelsAndRedirects()
    {
        var purchasing = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));

        using var tooShort = await TestApp.PostFormAsync(purchasing, "/contracts/2685/termination", new()
        {
            ["Reason"] = "FundsNotAppropriated", ["NoticeOn"] = "2003-07-10", ["EffectiveOn"] = "2003-08-08", ["Text"] = Reasons,
        });
        var html = WebUtility.HtmlDecode(await tooShort.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, tooShort.StatusCode);
        var effective = AssertMarked(html, "EffectiveOn", "No longer in force from",
            "Special instruction 6 asks for thirty (30) days' prior written notice: from Thursday, July 10, 2003 to Friday, August 8, 2003 is 29 days. "
            + "The earliest effective day is Saturday, August 9, 2003.");
        Assert.Contains("value=\"2003-08-08\"", effective, StringComparison.Ordinal);
        Assert.Contains("name=\"NoticeOn\" id=\"NoticeOn\" value=\"2003-07-10\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"FundsNotAppropriated\" checked=\"checked\"", html, StringComparison.Ordinal);
        Assert.Contains($">{Reasons}</textarea>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-invalid", html.Replace(effective, "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("data-confirm=\"Send the notice of termination and cancel the contract on the day given? This cannot be undone.\"", html,
            StringComparison.Ordinal);

        using var noReason = await TestApp.PostFormAsync(purchasing, "/contracts/2685/termination", new()
        {
            ["NoticeOn"] = "2003-07-10", ["EffectiveOn"] = "2003-08-09", ["Text"] = Reasons,
        });
        html = WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync());
        AssertMarked(html, "Reason", "Reason", "Choose special instruction 6 A or 6 B.");
        Assert.Contains("name=\"EffectiveOn\" id=\"EffectiveOn\" value=\"2003-08-09\"", html, StringComparison.Ordinal);
        await using (var db = app.Database.CreateContext())
        {
            Assert.False(await db.ContractTerminations.AnyAsync());
        }

        using var sent = await TestApp.PostFormAsync(purchasing, "/contracts/2685/termination", new()
        {
            ["Reason"] = "FundsNotAppropriated", ["NoticeOn"] = "2003-07-10", ["EffectiveOn"] = "2003-08-09", ["Text"] = Reasons,
        });
        var page = WebUtility.HtmlDecode(await Forms.FollowRedirectAsync(purchasing, sent, "/contracts/2685/termination"));

        Assert.Contains("data-testid=\"done\">The notice of termination is sent to the contractor; the contract is cancelled from the day given.</p>", page,
            StringComparison.Ordinal);
        Assert.Contains("data-testid=\"effective\">Saturday, August 9, 2003</dd>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<form method=\"post\" class=\"stacked wide\"", page, StringComparison.Ordinal);
        // A refresh shows the termination and says nothing again; there is still one.
        Assert.DoesNotContain("data-testid=\"done\"", await purchasing.GetStringAsync("/contracts/2685/termination"), StringComparison.Ordinal);
        await using var after = app.Database.CreateContext();
        Assert.Equal(1, await after.ContractTerminations.CountAsync());
        Assert.Equal(new LocalDate(2003, 8, 9), (await after.Contracts.SingleAsync(c => c.Number == "2685")).TerminatedOn);
    }
}

public sealed class TerminationPageTests_Sqlite(SqliteApp app) : TerminationPageTests(app), IClassFixture<SqliteApp>;

public sealed class TerminationPageTests_Postgres(PostgresApp app) : TerminationPageTests(app), IClassFixture<PostgresApp>;
