using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsvHelper;
using FieldContracts.Administration.Deficiencies;
using FieldContracts.Data.Planning;
using FieldContracts.Scheduling.Planning;
using FieldContracts.Scheduling.Specification;
using FieldContracts.Web.Features.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FieldContracts.Web.Tests.Features.WorkLogs.WorkLogFixtures;

namespace FieldContracts.Web.Tests.Features.Scorecard;

/// <summary>
/// #2685's scorecard on Thursday, July 10, 2003, after a few visits, the nightly pass of July 3, one cure and one notice:
/// who may see it, and that the page, the JSON and the CSV give the same figures.
/// </summary>
public abstract partial class ScorecardTests(TestApp app) : IAsyncLifetime
{
    private const string Page = "/contracts/2685/scorecard";
    private const string Api = "/api/contracts/2685/scorecard";
    private const string Csv = "/api/contracts/2685/scorecard.csv";
    private static readonly LocalDate July3 = new(2003, 7, 3);
    private static readonly LocalDate July10 = new(2003, 7, 10);

    public async Task InitializeAsync()
    {
        if (await AlreadySeededAsync())
        {
            return;
        }

        var crew = await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor));
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));

        // Hartford Public's irrigation start-up logged within its window, Weaver's the day after its window ended.
        var onTime = await EndedWorkAsync("HPHS");
        var late = await EndedWorkAsync("WHS");
        await LogAsync(crew, onTime.Id, onTime.WindowStart);
        await LogAsync(crew, late.Id, late.WindowEnd.PlusDays(1));

        // The nightly pass of July 3: what ended before then with nothing logged is missed, found on July 3.
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MissedWorkHandler>().HandleAsync(July3, CancellationToken.None);
        }

        // One missed mowing at Bulkeley made good and verified on July 10: 7 days to cure.
        var missed = await MissedAtAsync("BHS");
        Assert.Equal(HttpStatusCode.OK, (await crew.PostAsync($"/api/deficiencies/{missed}/acknowledge", Json(new { text = "Mowed on July 9." }))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await director.PostAsync($"/api/deficiencies/{missed}/cure", Json(new { text = "Seen mowed." }))).StatusCode);

        // Weaver's notice of its first chemical application given an hour before it was due.
        var application = await DueApplicationAsync("WHS");
        var sent = application.NoticeDueBy!.Value.InZone(Hartford).LocalDateTime.PlusHours(-1);
        var recorded = await RecordNoticeAsync(director, application.Id, sent.ToString("yyyy-MM-dd'T'HH:mm", null),
            application.ApplicationStartsAt!.Value.InZone(Hartford).Date.ToString("yyyy-MM-dd", null));
        Assert.True(recorded.IsSuccessStatusCode, await recorded.Content.ReadAsStringAsync());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(Roles.Purchasing)]
    [InlineData(Roles.AthleticDirector)]
    [InlineData(Roles.Finance)]
    [InlineData(Roles.Contractor)]
    public async Task Page_CityRolesAndTheContractorItself_SeeIt(string role)
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(role));

        var response = await client.GetAsync(Page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("<h1>Scorecard</h1>", page, StringComparison.Ordinal);
        Assert.Contains("as of Thursday, July 10, 2003", page, StringComparison.Ordinal);
        // Read-only for everyone: no form beyond signing out.
        Assert.DoesNotContain("<form", page.Split("<main")[^1], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Api)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Csv)).StatusCode);
    }

    [Fact]
    public async Task AnotherContractor_GetsNotFound_OnThePageTheApiAndTheCsv()
    {
        var other = await app.SignedInAsync(TestApp.OtherContractorEmail);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(Page)).StatusCode);
        var api = await other.GetAsync(Api);
        var csv = await other.GetAsync(Csv);

        foreach (var response in new[] { api, csv })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("There is no contract 2685 that you can see.", problem.GetProperty("detail").GetString());
        }

        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"/api/contracts/{TestApp.OtherContractNumber}/scorecard")).StatusCode);
    }

    [Fact]
    public async Task UnknownContract_NotFoundProblemDetails()
    {
        var purchasing = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));

        var response = await purchasing.GetAsync("/api/contracts/1234/scorecard");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await purchasing.GetAsync("/contracts/1234/scorecard")).StatusCode);
    }

    [Fact]
    public async Task Anonymous_PageRedirectsToSignIn_ApiAndCsvAnswer401()
    {
        var anonymous = app.Anonymous();

        var page = await anonymous.GetAsync(Page);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/sign-in", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Api)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Csv)).StatusCode);
    }

    [Fact]
    public async Task Figures_ReadThePlanTheRegisterAndTheNoticeLedger()
    {
        var finance = await app.SignedInAsync(TestApp.EmailOf(Roles.Finance));

        var json = await finance.GetFromJsonAsync<JsonElement>(Api);

        await using var db = app.Database.CreateContext();
        var contract = await db.Contracts.Where(c => c.Number == "2685").Select(c => c.Id).SingleAsync();
        var ended = await db.Occurrences.CountAsync(o => o.ContractId == contract && !o.Cancelled && o.Status == OccurrenceStatus.Planned
                                                         && o.WindowEnd < July10);
        var onTime = json.GetProperty("onTime").GetProperty("allSchools");
        Assert.Equal(ended, onTime.GetProperty("counted").GetInt32());
        Assert.Equal(1, onTime.GetProperty("onTime").GetInt32()); // Hartford Public's irrigation start-up; Weaver's was late
        var missed = await db.Deficiencies.CountAsync(d => d.ContractId == contract && d.Kind == DeficiencyKind.MissedWork);
        var byKind = json.GetProperty("deficiencies").GetProperty("byKind").EnumerateArray()
            .ToDictionary(k => k.GetProperty("kind").GetString()!, k => k.GetProperty("allSchools").GetInt32());
        Assert.Equal(missed, byKind["MissedWork"]);
        Assert.Equal(1, byKind["LateWork"]);
        var cure = json.GetProperty("daysToCure");
        Assert.Equal((1, 7, 7m), (cure.GetProperty("cured").GetInt32(), cure.GetProperty("totalDays").GetInt32(), cure.GetProperty("meanDays").GetDecimal()));
        var notices = json.GetProperty("notices").GetProperty("bySchool").EnumerateArray().Single(s => s.GetProperty("school").GetString() == "WHS");
        Assert.True(notices.GetProperty("counted").GetInt32() >= 1);
        Assert.Equal(1, notices.GetProperty("onTime").GetInt32());
    }

    [Fact]
    public async Task Csv_IsAnAttachmentNamedForTheContract_AndParsesAsRfc4180()
    {
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));

        var response = await director.GetAsync(Csv);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("2685-scorecard.csv", response.Content.Headers.ContentDisposition?.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.NotEqual(0xEF, bytes[0]); // no byte-order mark
        var text = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("measure,month,school,kind,value,numerator,denominator\r\n", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        var rows = ParseCsv(bytes);
        Assert.All(rows, row => Assert.Equal(7, row.Length));
        Assert.Contains(rows, r => r[0] == "mean_days_to_cure" && r[2] == "all" && r[4] == "7.0" && r[5] == "7" && r[6] == "1");
    }

    [Fact]
    public async Task JsonPageAndCsv_GiveTheSameFigures()
    {
        var purchasing = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));

        var json = await purchasing.GetFromJsonAsync<JsonElement>(Api);
        var rows = ParseCsv(await purchasing.GetByteArrayAsync(Csv));
        var page = WebUtility.HtmlDecode(await purchasing.GetStringAsync(Page));

        // The JSON, figure by figure, as the CSV has it.
        var expected = new List<string[]>();
        foreach (var month in json.GetProperty("onTime").GetProperty("months").EnumerateArray())
        {
            var name = month.GetProperty("month").GetString()!;
            expected.AddRange(month.GetProperty("schools").EnumerateArray().Select(s => Share("on_time_percent", name, s.GetProperty("school").GetString()!, s)));
            expected.Add(Share("on_time_percent", name, "all", month.GetProperty("allSchools")));
        }

        expected.AddRange(json.GetProperty("onTime").GetProperty("bySchool").EnumerateArray()
            .Select(s => Share("on_time_percent", "all", s.GetProperty("school").GetString()!, s)));
        expected.Add(Share("on_time_percent", "all", "all", json.GetProperty("onTime").GetProperty("allSchools")));
        foreach (var kind in json.GetProperty("deficiencies").GetProperty("byKind").EnumerateArray())
        {
            var name = kind.GetProperty("kind").GetString()!;
            expected.AddRange(kind.GetProperty("schools").EnumerateArray()
                .Select(s => new[] { "deficiencies", "", School(s), name, s.GetProperty("count").GetInt32().ToString(null, null), "", "" }));
            expected.Add(["deficiencies", "", "all", name, kind.GetProperty("allSchools").GetInt32().ToString(null, null), "", ""]);
        }

        expected.AddRange(json.GetProperty("deficiencies").GetProperty("bySchool").EnumerateArray()
            .Select(s => new[] { "deficiencies", "", School(s), "all", s.GetProperty("count").GetInt32().ToString(null, null), "", "" }));
        expected.Add(["deficiencies", "", "all", "all", json.GetProperty("deficiencies").GetProperty("allSchools").GetInt32().ToString(null, null), "", ""]);
        var cure = json.GetProperty("daysToCure");
        expected.AddRange(cure.GetProperty("bySchool").EnumerateArray().Select(s => Mean(School(s), s)));
        expected.Add(Mean("all", cure));
        expected.AddRange(json.GetProperty("notices").GetProperty("bySchool").EnumerateArray()
            .Select(s => Share("notices_on_time_percent", "", s.GetProperty("school").GetString()!, s)));
        expected.Add(Share("notices_on_time_percent", "", "all", json.GetProperty("notices").GetProperty("allSchools")));

        Assert.Equal(expected.Select(r => string.Join(",", r)), rows.Select(r => string.Join(",", r)));

        // The page: each figure in the cell named for it, the same value.
        var cells = FigureCell().Matches(page).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim());
        Assert.Equal(rows.Count, cells.Count);
        foreach (var row in rows)
        {
            var cell = cells[$"{row[0]}|{row[1]}|{row[2]}|{row[3]}"];
            var shown = row switch
            {
                [_, _, _, _, "", _, _] => "—",
                ["deficiencies", ..] => row[4],
                ["mean_days_to_cure", ..] => row[4],
                _ => $"{row[4]}%",
            };
            Assert.StartsWith(shown, cell, StringComparison.Ordinal);
            if (row[0] == "on_time_percent" && row[6] != "0")
            {
                Assert.Contains($"{row[5]} of {row[6]}", cell, StringComparison.Ordinal);
            }
        }

        // Each chart is an image with its title and description, followed by its table.
        Assert.Equal(4, Regex.Matches(page, "<svg class=\"chart\"[^>]*role=\"img\"").Count);
        Assert.Equal(4, Regex.Matches(page, "<caption id=").Count);
    }

    [Fact]
    public async Task OpenApi_DescribesTheScorecardAndItsCsv()
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));

        var document = await client.GetStringAsync("/openapi/v1.json");

        Assert.Contains("\"/api/contracts/{number}/scorecard\"", document, StringComparison.Ordinal);
        Assert.Contains("\"/api/contracts/{number}/scorecard.csv\"", document, StringComparison.Ordinal);
        Assert.Contains("\"text/csv\"", document, StringComparison.Ordinal);
        Assert.Contains("\"ScorecardView\"", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_LinksToTheScorecard()
    {
        var crew = await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor));

        var overview = await crew.GetStringAsync("/contracts/2685");

        Assert.Contains("<a href=\"/contracts/2685/scorecard\">Scorecard</a>", overview, StringComparison.Ordinal);
    }

    [GeneratedRegex("<td class=\"num\" data-figure=\"([^\"]+)\">(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex FigureCell();

    private static string[] Share(string measure, string month, string school, JsonElement share) =>
    [
        measure, month, school, "", Figure(share.GetProperty("percent")),
        share.GetProperty("onTime").GetInt32().ToString(null, null), share.GetProperty("counted").GetInt32().ToString(null, null),
    ];

    private static string[] Mean(string school, JsonElement days) =>
    [
        "mean_days_to_cure", "", school, "", Figure(days.GetProperty("meanDays")),
        days.GetProperty("totalDays").GetInt32().ToString(null, null), days.GetProperty("cured").GetInt32().ToString(null, null),
    ];

    private static string Figure(JsonElement value) =>
        value.ValueKind == JsonValueKind.Null ? "" : value.GetDecimal().ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);

    private static string School(JsonElement figure) =>
        figure.GetProperty("school") is { ValueKind: JsonValueKind.String } code ? code.GetString()! : "contract";

    /// <summary>The CSV's records after its header, read by CsvHelper's RFC 4180 reader.</summary>
    private static List<string[]> ParseCsv(byte[] csv)
    {
        using var reader = CsvReader.Create(csv, CsvReaderOptions.Default with { Separator = ',' });
        Assert.Equal(["measure", "month", "school", "kind", "value", "numerator", "denominator"], reader.Headers);
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(reader.Current.ToArray());
        }

        return rows;
    }

    private async Task<bool> AlreadySeededAsync()
    {
        await using var db = app.Database.CreateContext();
        return await db.Deficiencies.AnyAsync(d => d.Status == DeficiencyStatus.Cured);
    }

    /// <summary>The first piece of planned work at a school, neither mowing nor chemical, whose window ended before July 3.</summary>
    private async Task<OccurrenceRecord> EndedWorkAsync(string site)
    {
        await using var db = app.Database.CreateContext();
        var rows = await db.Occurrences.AsNoTracking()
            .Where(o => !o.Cancelled && o.Status == OccurrenceStatus.Planned && !o.IsChemical && o.Kind != TaskKind.Mowing
                        && o.WindowEnd < new LocalDate(2003, 7, 2) && o.WindowStart >= new LocalDate(2003, 5, 15)
                        && db.Sites.Any(s => s.Id == o.SiteId && s.Code == site && db.Contracts.Any(c => c.Id == s.ContractId && c.Number == "2685")))
            .ToListAsync();
        return rows.OrderBy(o => o.WindowEnd).ThenBy(o => o.TaskKey, StringComparer.Ordinal).First();
    }

    private async Task<Guid> MissedAtAsync(string site)
    {
        await using var db = app.Database.CreateContext();
        var ids = await db.Deficiencies
            .Where(d => d.Kind == DeficiencyKind.MissedWork && db.Sites.Any(s => s.Id == d.SiteId && s.Code == site
                && db.Contracts.Any(c => c.Id == s.ContractId && c.Number == "2685")))
            .OrderBy(d => d.DedupKey).Select(d => d.Id).ToListAsync();
        return ids[0];
    }

    /// <summary>A planned chemical application at a school whose notice was due before July 10.</summary>
    private async Task<OccurrenceRecord> DueApplicationAsync(string site)
    {
        await using var db = app.Database.CreateContext();
        var rows = await db.Occurrences.AsNoTracking()
            .Where(o => !o.Cancelled && o.Status == OccurrenceStatus.Planned && o.IsChemical && o.ApplicationStartsAt != null && o.NoticeDueBy != null
                        && db.Sites.Any(s => s.Id == o.SiteId && s.Code == site && db.Contracts.Any(c => c.Id == s.ContractId && c.Number == "2685")))
            .ToListAsync();
        var now = app.Clock.GetCurrentInstant();
        return rows.Where(o => o.NoticeDueBy < now).OrderBy(o => o.ApplicationStartsAt).First();
    }

    private static async Task LogAsync(HttpClient crew, Guid occurrence, LocalDate day)
    {
        var response = await crew.PostAsync("/api/worklogs", Json(Mowing(occurrence, day, [])));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }
}

public sealed class ScorecardTests_Sqlite(SqliteApp app) : ScorecardTests(app), IClassFixture<SqliteApp>;

public sealed class ScorecardTests_Postgres(PostgresApp app) : ScorecardTests(app), IClassFixture<PostgresApp>;
