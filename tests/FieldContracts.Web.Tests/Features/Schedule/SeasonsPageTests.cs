using System.Text.RegularExpressions;

namespace FieldContracts.Web.Tests.Features.Schedule;

/// <summary>The seasons page: every area's sport seasons in one form and the years' growth and dormancy in another, each saved as one change, then redirected.</summary>
public abstract partial class SeasonsPageTests(TestApp app)
{
    private const string Url = "/contracts/2685/seasons";

    [Fact]
    public async Task SportSeasons_SavedFromTheOneForm_RedirectsAndShowsTheChange()
    {
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        var area = AreaIds().Match(await director.GetStringAsync(Url)).Groups[1].Value;

        var saved = await TestApp.PostFormAsync(director, Url + "?handler=Seasons", new()
        {
            ["Seasons.Areas[0].AreaId"] = area,
            ["Seasons.Areas[0].Seasons[0].Sport"] = "Soccer",
            ["Seasons.Areas[0].Seasons[0].FromMonth"] = "8", ["Seasons.Areas[0].Seasons[0].FromDay"] = "20",
            ["Seasons.Areas[0].Seasons[0].ToMonth"] = "11", ["Seasons.Areas[0].Seasons[0].ToDay"] = "15",
            ["Seasons.Reason"] = "The fall soccer schedule",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(Url, saved.Headers.Location!.OriginalString);
        var page = WebUtility.HtmlDecode(await director.GetStringAsync(Url));
        Assert.Contains("sport seasons", page);
        Assert.Contains("→ Soccer Aug 20 – Nov 15", page);
        var month = Regex.Match(page, "name=\"Seasons.Areas\\[0\\].Seasons\\[0\\].FromMonth\"[\\s\\S]*?</select>").Value;
        Assert.Contains("<option value=\"8\" selected=\"selected\">August</option>", month);
        // Shown once: the page after the redirect no longer says it was saved.
        Assert.DoesNotContain("data-testid=\"saved\"", await director.GetStringAsync(Url));
    }

    [Fact]
    public async Task SportSeasons_DayMissing_ErrorNextToTheRow_WhatWasTypedIsKept_NothingSaved()
    {
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        var form = await director.GetStringAsync(Url);
        var areas = AreaIds().Matches(form);
        var area = Guid.Parse(areas[1].Groups[1].Value);

        var refused = await TestApp.PostFormAsync(director, Url + "?handler=Seasons", new()
        {
            ["Seasons.Areas[0].AreaId"] = areas[0].Groups[1].Value,
            ["Seasons.Areas[1].AreaId"] = area.ToString(),
            ["Seasons.Areas[1].Seasons[0].Sport"] = "",
            ["Seasons.Areas[1].Seasons[1].Sport"] = "Ultimate frisbee",
            ["Seasons.Areas[1].Seasons[1].FromMonth"] = "3",
            ["Seasons.Areas[1].Seasons[1].ToMonth"] = "6", ["Seasons.Areas[1].Seasons[1].ToDay"] = "10",
            ["Seasons.Reason"] = "Spring lacrosse",
        });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        var row = $"s-{area:N}-1";
        var sport = Regex.Match(page, $"<input[^>]*id=\"{row}-sport\"[^>]*>").Value;
        Assert.Contains("value=\"Ultimate frisbee\"", sport);
        Assert.Contains("aria-invalid=\"true\"", sport);
        Assert.Contains($"aria-describedby=\"error-{row}\"", sport);
        Assert.Contains($"id=\"error-{row}\" data-testid=\"error-{row}\">Give the season's first and last day: a month and a day of it.</p>", WebUtility.HtmlDecode(page));
        Assert.Contains($"<a href=\"#{row}-sport\">", page);
        Assert.Contains("value=\"Spring lacrosse\"", page);
        Assert.DoesNotContain("Ultimate frisbee", await director.GetStringAsync(Url));
    }

    [Fact]
    public async Task GrowthAndDormancy_BothYearsInOneForm_SavedTogether_OrRefusedAtTheField()
    {
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));

        var refused = await TestApp.PostFormAsync(director, Url + "?handler=Year", new()
        {
            ["Growth.Years[0].Year"] = "2003", ["Growth.Years[0].Dormancy"] = "2003-11-20",
            ["Growth.Years[1].Year"] = "2004", ["Growth.Years[1].GrowthStart"] = "2004-08-01",
            ["Growth.Reason"] = "Seen on the fields",
        });
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Matches("<input[^>]*id=\"y-2004-growth\"[^>]*aria-invalid=\"true\" aria-describedby=\"error-y-2004-growth\"", page);
        Assert.Contains("Growth starts between March 1 and June 30, 2004.", page);
        Assert.Contains("<a href=\"#y-2004-growth\">Grass began growing in 2004</a>", page);
        Assert.Contains("value=\"2003-11-20\"", page);
        Assert.DoesNotContain("November 20, 2003", await (await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor))).GetStringAsync(Url));

        var saved = await TestApp.PostFormAsync(director, Url + "?handler=Year", new()
        {
            ["Growth.Years[0].Year"] = "2003", ["Growth.Years[0].Dormancy"] = "2003-11-20",
            ["Growth.Years[1].Year"] = "2004", ["Growth.Years[1].GrowthStart"] = "2004-04-05",
            ["Growth.Reason"] = "Seen on the fields",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var shown = await (await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor))).GetStringAsync(Url);
        Assert.Contains("November 20, 2003", shown);
        Assert.Contains("April 5, 2004", shown);
        await using var db = app.Database.CreateContext();
        Assert.Equal(1, db.PlanFactChanges.Count(c => c.Reason == "Seen on the fields"));
    }

    [GeneratedRegex("name=\"Seasons.Areas\\[\\d+\\].AreaId\" value=\"([^\"]+)\"")]
    private static partial Regex AreaIds();
}

public sealed class SeasonsPageTests_Sqlite(SqliteApp app) : SeasonsPageTests(app), IClassFixture<SqliteApp>;

public sealed class SeasonsPageTests_Postgres(PostgresApp app) : SeasonsPageTests(app), IClassFixture<PostgresApp>;
