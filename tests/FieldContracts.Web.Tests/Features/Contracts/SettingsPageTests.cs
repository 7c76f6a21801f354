using FieldContracts.Web.Tests.Features.Shared;

namespace FieldContracts.Web.Tests.Features.Contracts;

public abstract class SettingsPageTests(TestApp app)
{
    [Fact]
    public async Task Post_InvalidValues_ShowsFormErrorsAndKeepsTheSettings()
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));
        var before = SettingsFacts(await client.GetStringAsync("/contracts/2685"));

        var response = await TestApp.PostFormAsync(client, "/contracts/2685/settings", new()
        {
            ["Input.Subcontracting"] = "NotPermitted", ["Input.ChemicalNoticeLeadHours"] = "12", ["Input.MowingCadenceDays"] = "0",
        });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The chemical notice lead time is 24 to 336 hours.", html);
        Assert.Contains("Mowing cadence is 1 to 31 days.", html);
        // The summary names each field by its label and links to it; the field is marked and points to its error.
        Assert.Contains("<a href=\"#Input_MowingCadenceDays\">Mowing cadence (days): Mowing cadence is 1 to 31 days.</a>", html);
        Assert.Matches("<input[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"Input_MowingCadenceDays-error\"[^>]*id=\"Input_MowingCadenceDays\"|<input[^>]*id=\"Input_MowingCadenceDays\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"Input_MowingCadenceDays-error\"", html);
        Assert.Contains("id=\"Input_MowingCadenceDays-error\"", html);
        Assert.Contains("value=\"12\"", html); // what was typed is kept
        Assert.Equal(before, SettingsFacts(await client.GetStringAsync("/contracts/2685")));
    }

    [Fact]
    public async Task Post_NotANumber_ShowsAFormErrorNotAServerError()
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));

        var response = await TestApp.PostFormAsync(client, "/contracts/2685/settings", new()
        {
            ["Input.Subcontracting"] = "NotPermitted", ["Input.ChemicalNoticeLeadHours"] = "a day", ["Input.MowingCadenceDays"] = "7",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("There is a problem", html);
        Assert.Contains("value=\"a day\"", html);
    }

    [Fact]
    public async Task Post_Valid_SavesAndTheOverviewShowsIt()
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));

        var response = await TestApp.PostFormAsync(client, "/contracts/2685/settings", new()
        {
            ["Input.Subcontracting"] = "PriorApprovalRequired", ["Input.ChemicalNoticeLeadHours"] = "36", ["Input.MowingCadenceDays"] = "7",
        });

        var saved = await Forms.FollowRedirectAsync(client, response, "/contracts/2685/settings");
        Assert.Contains("Saved.", saved);
        var overview = WebUtility.HtmlDecode(await client.GetStringAsync("/contracts/2685"));
        Assert.Contains("At least 36 hours before any application", overview);
        Assert.Contains("Only with the Purchasing Agent's prior approval", overview);
    }

    [Fact]
    public async Task Post_TwoCrews_SavedAndTheOverviewAndFormShowThemWithTheHolidays()
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));

        var response = await TestApp.PostFormAsync(client, "/contracts/2685/settings", new()
        {
            ["Input.Subcontracting"] = "NotPermitted", ["Input.ChemicalNoticeLeadHours"] = "24", ["Input.MowingCadenceDays"] = "7",
            ["Input.CrewsPerDay"] = "2", ["Input.ReEntryHours"] = "24",
        });

        var form = WebUtility.HtmlDecode(await Forms.FollowRedirectAsync(client, response, "/contracts/2685/settings"));
        Assert.Contains("Saved.", form);
        // Said once: a refresh of the page neither saves again nor says so again.
        Assert.DoesNotContain("Saved.", await client.GetStringAsync("/contracts/2685/settings"));
        Assert.Contains("Nov 27, 2003: Thanksgiving Day", form);
        var overview = WebUtility.HtmlDecode(await client.GetStringAsync("/contracts/2685"));
        Assert.Contains("Up to 2 a day, never two at one school; 24 hours clear of activities after each", overview);
        Assert.Contains("Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, less 22 City holidays", overview);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRefused()
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));

        var response = await client.PostAsync("/contracts/2685/settings", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Subcontracting"] = "NotPermitted", ["Input.ChemicalNoticeLeadHours"] = "100", ["Input.MowingCadenceDays"] = "7",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("At least 100 hours", await client.GetStringAsync("/contracts/2685"));
    }

    private static string SettingsFacts(string overviewHtml)
    {
        var start = overviewHtml.IndexOf("<dt>Sub-contracting</dt>", StringComparison.Ordinal);
        var end = overviewHtml.IndexOf("</dl>", start, StringComparison.Ordinal);
        return overviewHtml[start..end];
    }
}

public sealed class SettingsPageTests_Sqlite(SqliteApp app) : SettingsPageTests(app), IClassFixture<SqliteApp>;

public sealed class SettingsPageTests_Postgres(PostgresApp app) : SettingsPageTests(app), IClassFixture<PostgresApp>;
