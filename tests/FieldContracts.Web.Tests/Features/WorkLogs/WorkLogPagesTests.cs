using System.Text.RegularExpressions;
using FieldContracts.Scheduling.Specification;
using Microsoft.EntityFrameworkCore;

namespace FieldContracts.Web.Tests.Features.WorkLogs;

/// <summary>The phone form, the visit page and the review queue, through real form posts.</summary>
public abstract partial class WorkLogPagesTests(TestApp app)
{
    private readonly WorkLogFixtures _f = new(app);

    [Fact]
    public async Task PhoneForm_PostedTwiceWithItsKey_LogsOneVisit()
    {
        var mowing = await _f.MowingAsync("WHS", new LocalDate(2003, 8, 11));
        var day = mowing.PlannedDate!.Value;
        _f.Now(day.Month, day.Day, 17);
        var crew = await _f.CrewAsync();
        var url = $"/worklogs/new?occurrence={mowing.Id}";
        var form = await crew.GetStringAsync(url);
        var key = Key().Match(form).Groups[1].Value;
        var field = await _f.AreaAsync("WHS", "Football field");
        var index = Regex.Match(form, $"name=\"Input.Heights\\[(\\d+)\\].AreaId\" value=\"{field}\"").Groups[1].Value;
        var fields = new Dictionary<string, string>
        {
            ["Input.IdempotencyKey"] = key,
            ["Input.OccurrenceIds"] = mowing.Id.ToString(),
            ["Input.Date"] = day.ToString("yyyy-MM-dd", null),
            ["Input.Started"] = "07:00",
            ["Input.Finished"] = "09:00",
            ["Input.Crew"] = "Dana Rivera\nSam Ortiz",
            [$"Input.Heights[{index}].After"] = "2.25",
            [$"Input.Heights[{index}].Before"] = "3",
        };
        foreach (Match hidden in Regex.Matches(form, "name=\"Input.Heights\\[(\\d+)\\].AreaId\" value=\"([^\"]+)\""))
        {
            fields[$"Input.Heights[{hidden.Groups[1].Value}].AreaId"] = hidden.Groups[2].Value;
        }

        var first = await TestApp.PostFormAsync(crew, url, new Dictionary<string, string>(fields));
        var second = await TestApp.PostFormAsync(crew, url, new Dictionary<string, string>(fields));

        Assert.Equal(first.Headers.Location, second.Headers.Location);
        await using var db = app.Database.CreateContext();
        Assert.Equal(1, await db.WorkLogs.CountAsync(l => l.IdempotencyKey == key));
        var logged = await db.WorkLogs.SingleAsync(l => l.IdempotencyKey == key);
        var visit = await FieldContracts.Web.Tests.Features.Shared.Forms.FollowRedirectAsync(crew, first, $"/worklogs/{logged.Id}");
        Assert.Contains("Visit logged.", visit);
        Assert.Contains("Football field", visit);
        Assert.Contains("data-clear-draft", visit);
    }

    [Fact]
    public async Task PhoneForm_Refused_KeepsWhatWasTypedAndTheKey()
    {
        var broadleaf = await _f.OccurrenceAsync(Specification2685.Broadleaf, "WHS", year: 2004);
        _f.Now(7, 20, 12);
        var crew = await _f.CrewAsync();
        var url = $"/worklogs/new?occurrence={broadleaf.Id}";
        var key = Key().Match(await crew.GetStringAsync(url)).Groups[1].Value;
        var before = await _f.CountsAsync();

        var response = await TestApp.PostFormAsync(crew, url, new Dictionary<string, string>
        {
            ["Input.IdempotencyKey"] = key,
            ["Input.OccurrenceIds"] = broadleaf.Id.ToString(),
            ["Input.Date"] = "2005-01-03",
            ["Input.Started"] = "06:00",
            ["Input.Finished"] = "08:00",
            ["Input.Crew"] = "Lee Chen",
            ["Input.Application.Product"] = "Trimec Classic",
            ["Input.Application.Amount"] = "-4",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#Input_Date\">Day: Jan 3, 2005 is outside the contract term", page);
        Assert.Contains("<a href=\"#Input_Application_Amount\">Amount applied: Give the amount applied: more than 0.</a>", page);
        Assert.Matches("id=\"Input_Application_Amount-error\"[^>]*>Give the amount applied: more than 0.</span>", page);
        Assert.Matches("<input[^>]*id=\"Input_Application_Amount\"[^>]*aria-invalid=\"true\" aria-describedby=\"Input_Application_Amount-error\"", page);
        Assert.DoesNotContain("Application, ", page);
        Assert.Contains("value=\"Trimec Classic\"", page);
        Assert.Contains($"value=\"{key}\"", page);
        Assert.Contains("data-restore=\"false\"", page);
        Assert.Equal(before, await _f.CountsAsync());
    }

    [Fact]
    public async Task Pages_DenyByRole_AndHideOtherContractorsWork()
    {
        var mowing = await _f.MowingAsync("HPHS", new LocalDate(2003, 8, 11));
        var director = await _f.DirectorAsync();
        var finance = await app.SignedInAsync(TestApp.EmailOf(Roles.Finance));
        var otherCrew = await app.SignedInAsync(TestApp.OtherContractorEmail);

        Assert.Equal(HttpStatusCode.Redirect, (await director.GetAsync($"/worklogs/new?occurrence={mowing.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await finance.GetAsync("/worklogs/review")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await director.GetAsync("/worklogs/review")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCrew.GetAsync($"/worklogs/new?occurrence={mowing.Id}")).StatusCode);
        var week = await otherCrew.GetStringAsync("/worklogs");
        Assert.DoesNotContain(mowing.Id.ToString(), week);
    }

    [GeneratedRegex("name=\"Input.IdempotencyKey\" value=\"([^\"]+)\"")]
    private static partial Regex Key();
}

public sealed class WorkLogPagesTests_Sqlite(SqliteApp app) : WorkLogPagesTests(app), IClassFixture<SqliteApp>;

public sealed class WorkLogPagesTests_Postgres(PostgresApp app) : WorkLogPagesTests(app), IClassFixture<PostgresApp>;
