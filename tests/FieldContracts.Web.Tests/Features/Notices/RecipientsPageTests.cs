using FieldContracts.Data.Notices;
using FieldContracts.Web.Tests.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace FieldContracts.Web.Tests.Features.Notices;

public abstract class RecipientsPageTests(TestApp app)
{
    [Fact]
    public async Task Get_DemoData_ListsSampleRecipientsForEachSchool()
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/notices/recipients"));

        Assert.Contains("registry.hphs@example.org", html, StringComparison.Ordinal);
        Assert.Contains("athletics.whs@example.org", html, StringComparison.Ordinal);
        Assert.Contains("Athletic Director (sample)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Add_ValidRecipient_IsListedAndInvalidOnesAreRefusedWithNothingWritten()
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));
        await using var db = app.Database.CreateContext();
        var site = await db.Sites.Where(s => s.Code == "BHS").Select(s => s.Id).FirstAsync();
        var before = await db.NoticeRecipients.CountAsync();

        using var bad = await TestApp.PostFormAsync(client, "/notices/recipients?handler=Add", new()
        {
            ["Input.Site"] = site.ToString(), ["Input.Category"] = "SchoolRegistry", ["Input.Name"] = "", ["Input.Email"] = "not an address",
        });
        var badHtml = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("Give a valid email address", badHtml, StringComparison.Ordinal);
        Assert.Contains("Give the recipient's name", badHtml, StringComparison.Ordinal);
        // The summary says which field in the words of its label and links to it; the field keeps what was typed.
        Assert.Contains("<a href=\"#Input_Email\">Email: Give a valid email address", badHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"not an address\" aria-invalid=\"true\" aria-describedby=\"Input_Email-error\"", badHtml, StringComparison.Ordinal);
        Assert.Equal(before, await db.NoticeRecipients.CountAsync());

        using var good = await TestApp.PostFormAsync(client, "/notices/recipients?handler=Add", new()
        {
            ["Input.Site"] = site.ToString(), ["Input.Category"] = "SchoolMaintenance", ["Input.Name"] = "Facilities desk",
            ["Input.Email"] = "facilities.bhs@example.org",
        });
        var added = WebUtility.HtmlDecode(await Forms.FollowRedirectAsync(client, good, "/notices/recipients"));
        Assert.Contains("Facilities desk <facilities.bhs@example.org> will receive this school's notices.", added, StringComparison.Ordinal);
        // A refresh of the page it landed on adds nobody and says nothing again.
        Assert.DoesNotContain("will receive this school's notices", await client.GetStringAsync("/notices/recipients"), StringComparison.Ordinal);
        Assert.Equal(before + 1, await db.NoticeRecipients.CountAsync());

        using var again = await TestApp.PostFormAsync(client, "/notices/recipients?handler=Add", new()
        {
            ["Input.Site"] = site.ToString(), ["Input.Category"] = "SchoolMaintenance", ["Input.Name"] = "Facilities desk",
            ["Input.Email"] = "Facilities.BHS@example.org",
        });
        Assert.Contains("already on that list", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before + 1, await db.NoticeRecipients.CountAsync());
    }

    [Fact]
    public async Task Post_Remove_RedirectsToTheListAndARefreshRemovesNothingMore()
    {
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        await using var db = app.Database.CreateContext();
        var recipient = await db.NoticeRecipients.OrderBy(r => r.Email).FirstAsync();
        var before = await db.NoticeRecipients.CountAsync();

        using var removed = await TestApp.PostFormAsync(director, $"/notices/recipients?handler=Remove&id={recipient.Id}", []);
        var page = await Forms.FollowRedirectAsync(director, removed, "/notices/recipients");
        await director.GetStringAsync("/notices/recipients");

        Assert.Contains("Recipient removed", page, StringComparison.Ordinal);
        Assert.Contains("data-confirm=\"Remove ", page, StringComparison.Ordinal);
        Assert.Equal(before - 1, await db.NoticeRecipients.CountAsync());
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRefused_AndOtherRolesCannotOpenThePage()
    {
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        await using var db = app.Database.CreateContext();
        var recipient = await db.NoticeRecipients.FirstAsync();

        using var noToken = await director.PostAsync($"/notices/recipients?handler=Remove&id={recipient.Id}", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.True(await db.NoticeRecipients.AnyAsync(r => r.Id == recipient.Id));

        foreach (var role in new[] { Roles.Finance, Roles.Contractor })
        {
            var client = await app.SignedInAsync(TestApp.EmailOf(role));
            using var page = await client.GetAsync("/notices/recipients");
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.StartsWith("/account/access-denied", page.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        }
    }
}

public sealed class RecipientsPageTests_Sqlite(SqliteApp app) : RecipientsPageTests(app), IClassFixture<SqliteApp>;

public sealed class RecipientsPageTests_Postgres(PostgresApp app) : RecipientsPageTests(app), IClassFixture<PostgresApp>;
