using System.Net.Http.Json;
using System.Text.Json;
using FieldContracts.Web.Demo;
using FieldContracts.Web.Features.CalendarSources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using static FieldContracts.Web.Tests.Features.Schedule.PlanJson;

namespace FieldContracts.Web.Tests.Features.CalendarSources;

/// <summary>
/// Outside calendars imported for #2685's schools: the plan moves chemical applications away from their activities, and
/// an address is refreshed from a calendar server on this machine's loopback (the tests allow loopback addresses).
/// </summary>
public abstract class CalendarSourcesTests(TestApp app)
{
    private static string Game(LocalDate day, string from, string to, string summary = "Soccer vs. Bulkeley") => $"""
        BEGIN:VCALENDAR
        PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN
        VERSION:2.0
        BEGIN:VEVENT
        UID:{summary.Replace(' ', '-')}-{day:yyyyMMdd}@weaver.example
        DTSTAMP:20030701T120000Z
        DTSTART;TZID="Eastern Standard Time":{day:yyyyMMdd}T{from}00
        DTEND;TZID="Eastern Standard Time":{day:yyyyMMdd}T{to}00
        SUMMARY:{summary}
        LOCATION:Lower fields - soccer
        END:VEVENT
        END:VCALENDAR
        """.Replace("\n", "\r\n", StringComparison.Ordinal);

    [Fact]
    public async Task ImportedGame_OverAnApplicationAt1530_MovesItAndItsNotice_AndTheDirectorSeesWhatMoved()
    {
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        var broadleaf = (await PlanAsync(director, "?site=WHS&chemicalOnly=true&from=2003-07-14&to=2003-07-31"))
            .First(o => o.Task() == "summer.broadleaf" && o.ApplicationStart() is not null);
        var day = broadleaf.Planned()!.Value;
        // Weaver's summer camp runs all day until 15:30 that day, so the application is planned at 15:30.
        var calendar = SampleSchoolCalendars.For("WHS");
        calendar = calendar with
        {
            Activities = [.. calendar.Activities, new("Summer sports camp (full day)", $"{day:yyyy-MM-dd}T06:00", $"{day:yyyy-MM-dd}T15:30")],
        };
        var typed = await director.PutAsync("/api/contracts/2685/schools/WHS/calendar", Json(new { calendar, reason = "Camp runs all day on the 15th" }));
        Assert.Equal(HttpStatusCode.OK, typed.StatusCode);
        var before = await OccurrenceAsync(director, broadleaf.Id());
        var was = before.GetProperty("summary").ApplicationStart()!.Value;
        var dueBefore = before.GetProperty("summary").NoticeDueBy()!.Value;
        Assert.Equal(day + new LocalTime(15, 30), was.LocalDateTime);

        var response = await director.PostAsync("/api/contracts/2685/schools/WHS/calendar/sources", Json(new
        {
            name = "Weaver soccer",
            kind = "AthleticSchedule",
            fileName = "weaver-soccer.ics",
            ics = Game(day, "1500", "1730"),
            areas = new[] { new { match = "soccer", areas = new[] { "Lower fields: soccer field" } } },
        }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var added = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Imported", added.GetProperty("outcome").GetString());
        Assert.True(added.GetProperty("displaced").GetInt32() >= 1);
        var after = (await OccurrenceAsync(director, broadleaf.Id())).GetProperty("summary");
        var now = after.ApplicationStart()!.Value;
        // Outside the game: after it (the camp fills the day before it), or on another day.
        Assert.True(now.LocalDateTime >= day + new LocalTime(17, 30), $"The application is still planned at {now}.");
        var dueAfter = after.NoticeDueBy()!.Value;
        Assert.NotEqual(dueBefore, dueAfter);
        Assert.Equal(was.ToInstant() - dueBefore.ToInstant(), now.ToInstant() - dueAfter.ToInstant());

        var sources = await director.GetFromJsonAsync<JsonElement>("/api/contracts/2685/schools/WHS/calendar/sources");
        var source = sources.EnumerateArray().Single(s => s.GetProperty("name").GetString() == "Weaver soccer");
        var game = source.GetProperty("importedActivities").EnumerateArray().Single();
        Assert.Equal(["Lower fields: soccer field"], game.GetProperty("areas").EnumerateArray().Select(a => a.GetString()));
        var displaced = game.GetProperty("displaced").EnumerateArray().Single(d => d.GetProperty("occurrenceId").GetString() == broadleaf.Id());
        Assert.Equal($"{day:yyyy-MM-dd}T15:30", displaced.GetProperty("was").GetString());

        var page = await director.GetStringAsync("/contracts/2685/schools/WHS/calendar");
        Assert.Contains("Soccer vs. Bulkeley", page);
        Assert.Contains("was " + FieldContracts.Web.Features.Shared.Display.Time(day + new LocalTime(15, 30)), WebUtility.HtmlDecode(page));
    }

    [Fact]
    public async Task NotACalendar_IsRefusedWithAClearError_AndChangesNothing()
    {
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        var changesBefore = await PlanChangesAsync();

        var response = await director.PostAsync("/api/contracts/2685/schools/HPHS/calendar/sources", Json(new
        {
            name = "Hartford Public games",
            kind = "AthleticSchedule",
            ics = "<!DOCTYPE html><html><body>You need permission to view this calendar.</body></html>",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("The file is not an iCalendar file: it does not begin with BEGIN:VCALENDAR.", await response.Content.ReadAsStringAsync());
        Assert.Equal(changesBefore, await PlanChangesAsync());
        await using var db = app.Database.CreateContext();
        Assert.False(await db.CalendarSources.AnyAsync(s => s.Name == "Hartford Public games"));
    }

    [Fact]
    public async Task Address_ImportedThen304ThenFailures_KeepsTheLastGoodCopyAndLogsEachRead()
    {
        await using var server = await CalendarServer.StartAsync();
        var ics = Game(new LocalDate(2004, 4, 20), "1500", "1730", "Bulkeley softball vs. Weaver");
        server.Respond = async context =>
        {
            if (context.Request.Headers.IfNoneMatch == "\"v1\"")
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            context.Response.Headers.ETag = "\"v1\"";
            context.Response.ContentType = "text/calendar; charset=utf-8";
            await context.Response.WriteAsync(ics);
        };
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));

        var added = await director.PostAsync("/api/contracts/2685/schools/BHS/calendar/sources", Json(new
        {
            name = "Bulkeley softball",
            kind = "AthleticSchedule",
            url = new Uri(server.Address, "/bulkeley.ics").ToString(),
        }));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var id = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var refresh = $"/api/contracts/2685/schools/BHS/calendar/sources/{id}/refresh";

        var notModified = await RefreshAsync(director, refresh);
        server.Respond = context => { context.Response.StatusCode = 500; return Task.CompletedTask; };
        var failed = await RefreshAsync(director, refresh);
        server.Respond = async context => await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
        var slow = await RefreshAsync(director, refresh);
        server.Respond = context => { context.Response.Redirect("file:///etc/passwd"); return Task.CompletedTask; };
        var redirected = await RefreshAsync(director, refresh);

        Assert.Equal("Unchanged", notModified.GetProperty("outcome").GetString());
        Assert.Equal("\"v1\"", server.IfNoneMatch[1]);
        Assert.Equal("Failed", failed.GetProperty("outcome").GetString());
        Assert.Equal("The server answered 500 (Internal Server Error). The last good copy stays in force.", failed.GetProperty("error").GetString());
        Assert.Equal("The server did not answer within 2 seconds. The last good copy stays in force.", slow.GetProperty("error").GetString());
        Assert.Equal("The server redirected to a file: address; only http and https addresses are followed. The last good copy stays in force.",
            redirected.GetProperty("error").GetString());
        var source = (await director.GetFromJsonAsync<JsonElement>("/api/contracts/2685/schools/BHS/calendar/sources"))
            .EnumerateArray().Single(s => s.GetProperty("id").GetString() == id);
        Assert.Equal("Bulkeley softball vs. Weaver", source.GetProperty("importedActivities").EnumerateArray().Single().GetProperty("name").GetString());
        await using var db = app.Database.CreateContext();
        var log = await db.CalendarRefreshes.Where(r => r.SourceId == Guid.Parse(id!)).ToListAsync();
        Assert.Equal([200, 304, 500], log.OrderBy(r => r.Id).Take(3).Select(r => r.HttpStatus ?? 0));
        Assert.Equal(5, log.Count);
    }

    [Fact]
    public async Task Fetcher_LoopbackAddress_IsRefusedUnlessTheSettingAllowsIt()
    {
        await using var server = await CalendarServer.StartAsync();
        server.Respond = context => context.Response.WriteAsync(Game(new LocalDate(2004, 5, 4), "1500", "1700"));
        using var strict = new CalendarFetcher(new CalendarFetchSettings(AllowPrivateAddresses: false, TimeSpan.FromSeconds(5)));
        using var allowing = new CalendarFetcher(new CalendarFetchSettings(AllowPrivateAddresses: true, TimeSpan.FromSeconds(5)));

        var refused = await strict.FetchAsync(server.Address, null, null, CancellationToken.None);
        var fetched = await allowing.FetchAsync(server.Address, null, null, CancellationToken.None);

        Assert.Equal("127.0.0.1 is a loopback or private-network address (127.0.0.1); calendars are fetched from public addresses only.", refused.Error);
        Assert.Null(refused.Content);
        Assert.Null(fetched.Error);
        Assert.Single(server.IfNoneMatch);
        var (uri, error) = CalendarFetcher.Parse("file:///etc/passwd");
        Assert.Null(uri);
        Assert.Equal("Give an http or https address of an iCal calendar, e.g. https://calendar.google.com/calendar/ical/…/basic.ics.", error);
    }

    [Theory]
    [InlineData(Roles.Contractor, HttpStatusCode.OK, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Finance, HttpStatusCode.OK, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Purchasing, HttpStatusCode.OK, HttpStatusCode.BadRequest)]
    public async Task Sources_ReadByAll_ManagedByPurchasingAndTheAthleticDirector(string role, HttpStatusCode read, HttpStatusCode add)
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(role));

        var list = await client.GetAsync("/api/contracts/2685/schools/WHS/calendar/sources");
        var post = await client.PostAsync("/api/contracts/2685/schools/WHS/calendar/sources", Json(new { name = "", kind = "AthleticSchedule" }));
        var page = await client.GetAsync("/contracts/2685/schools/WHS/calendar");

        Assert.Equal(read, list.StatusCode);
        Assert.Equal(add, post.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(role == Roles.Purchasing, (await page.Content.ReadAsStringAsync()).Contains("data-testid=\"add-source\"", StringComparison.Ordinal));
    }

    private async Task<int> PlanChangesAsync()
    {
        await using var db = app.Database.CreateContext();
        return await db.PlanFactChanges.CountAsync();
    }

    private static async Task<JsonElement> RefreshAsync(HttpClient client, string path)
    {
        var response = await client.PostAsync(path, null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A calendar server on a loopback port, answering as <see cref="Respond"/> says; it records each If-None-Match.</summary>
    private sealed class CalendarServer : IAsyncDisposable
    {
        private WebApplication _app = null!;

        public Uri Address { get; private set; } = null!;

        public Func<HttpContext, Task> Respond { get; set; } = _ => Task.CompletedTask;

        public List<string?> IfNoneMatch { get; } = [];

        public static async Task<CalendarServer> StartAsync()
        {
            var server = new CalendarServer();
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
            server._app = builder.Build();
            server._app.Run(context =>
            {
                lock (server.IfNoneMatch)
                {
                    server.IfNoneMatch.Add(context.Request.Headers.IfNoneMatch.FirstOrDefault());
                }

                return server.Respond(context);
            });
            await server._app.StartAsync();
            server.Address = new Uri(server._app.Urls.First() + "/");
            return server;
        }

        public async ValueTask DisposeAsync()
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _app.StopAsync(stop.Token);
            await _app.DisposeAsync();
        }
    }
}

public sealed class CalendarSourcesTests_Sqlite(SqliteApp app) : CalendarSourcesTests(app), IClassFixture<SqliteApp>;

public sealed class CalendarSourcesTests_Postgres(PostgresApp app) : CalendarSourcesTests(app), IClassFixture<PostgresApp>;
