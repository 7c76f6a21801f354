using System.Net.Http.Json;
using FieldContracts.Data;
using System.Text;
using System.Text.Json;
using FieldContracts.Web.Tests.Features.Feeds;
using FieldContracts.Web.Tests.Features.WorkLogs;
using Microsoft.EntityFrameworkCore;

namespace FieldContracts.Web.Tests.Features.Notices;

/// <summary>
/// Spec VII, "Pre-notification of schools as it related to the application of chemicals", end to end: the
/// application's own email is a notice like any other. Bulkeley's broadleaf application of item 3a ("July 15th
/// (approx.)"; the crew's first school that day), planned Tuesday, July 15, 2003 at 6:00 a.m., is announced by email that a mail server accepts on
/// Monday at 5:00 a.m.; nobody records anything by hand.
/// </summary>
public abstract class EmailedNoticeTests(DatabaseProvider provider)
{
    private static readonly DateTimeZone Hartford = DateTimeZoneProviders.Tzdb["America/New_York"];

    private static Instant At(int month, int day, int hour) => new LocalDateTime(2003, month, day, hour, 0).InZoneStrictly(Hartford).ToInstant();

    [Fact]
    public async Task EmailedNotice_CountsEverywhere_AndTheCrewLogsTheApplicationWithoutRecordingIt()
    {
        await using var app = await NoticesApp.StartAsync(provider);
        var broadleaf = await BulkeleyBroadleafAsync(app);
        Assert.Equal(At(7, 15, 6), broadleaf.ApplicationStartsAt);

        // The send window opens 48 hours before the notice is due (06:00 Monday); at 05:00 Monday it goes out.
        app.Clock.Reset(At(7, 14, 5));
        await app.SendDueNoticesAsync();
        var delivered = await app.DeliverAsync();
        Assert.True(delivered.Sent >= 3);

        using var director = await app.SignedInAsync(Roles.AthleticDirector);
        var page = await director.GetStringAsync($"/contracts/2685/schedule/{broadleaf.Id}");
        Assert.Contains("Sent Monday, July 14, 2003 at 5:00 AM EDT (email to 3 recipients), naming Tuesday, July 15, 2003.", Decoded(page),
            StringComparison.Ordinal);
        Assert.DoesNotContain("not yet sent", page, StringComparison.Ordinal);

        var grid = Decoded(await director.GetStringAsync("/contracts/2685/schedule?date=2003-07-15&chemical=true"));
        Assert.Contains("notice sent", grid, StringComparison.Ordinal);

        var feed = await FeedClient.CreateAsync(director, new { scope = "ChemicalOnly", contract = "2685" });
        using var anonymous = app.Node.CreateClient();
        var calendar = Unfolded(await anonymous.GetStringAsync(feed.Path));
        Assert.Contains("sent Monday\\, July 14\\, 2003 at 5:00 AM EDT (email to 3 recipients)", calendar, StringComparison.Ordinal);
        Assert.DoesNotContain("none on record as sent", Event(calendar, broadleaf.Id), StringComparison.Ordinal);

        // Tuesday: the crew logs the application with no notice recorded by hand, and it is accepted as notified.
        app.Clock.Reset(At(7, 15, 10));
        using var crew = await app.SignedInAsync(Roles.Contractor);
        var area = await AreaAsync(app, "BHS", "Combination soccer/football field");
        var visit = WorkLogFixtures.Chemical(broadleaf.Id, new LocalDate(2003, 7, 15),
            WorkLogFixtures.Application(area, new LocalDate(2004, 6, 30)));
        var response = await crew.PostAsync("/api/worklogs", new StringContent(JsonSerializer.Serialize(visit), Encoding.UTF8, "application/json"));

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        var log = JsonDocument.Parse(body).RootElement;
        Assert.False(log.GetProperty("emergencyApplication").GetBoolean());
        Assert.DoesNotContain(log.GetProperty("deficiencies").EnumerateArray(), d => d.GetProperty("kind").GetString() == "ApplicationWithoutNotice");
        await using var db = app.Database.CreateContext();
        Assert.Equal(0, await db.NoticeRecords.CountAsync());
    }

    [Fact]
    public async Task EmailedNotice_Accepted23HoursBefore_DoesNotCount_TheApplicationIsRefused()
    {
        await using var app = await NoticesApp.StartAsync(provider);
        var broadleaf = await BulkeleyBroadleafAsync(app);
        app.Clock.Reset(At(7, 14, 7));
        await app.SendDueNoticesAsync();
        await app.DeliverAsync();

        app.Clock.Reset(At(7, 15, 10));
        using var crew = await app.SignedInAsync(Roles.Contractor);
        var area = await AreaAsync(app, "BHS", "Combination soccer/football field");
        var visit = WorkLogFixtures.Chemical(broadleaf.Id, new LocalDate(2003, 7, 15), WorkLogFixtures.Application(area, new LocalDate(2004, 6, 30)));
        var response = await crew.PostAsync("/api/worklogs", new StringContent(JsonSerializer.Serialize(visit), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("email to 3 recipients", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var director = await app.SignedInAsync(Roles.AthleticDirector);
        var page = Decoded(await director.GetStringAsync($"/contracts/2685/schedule/{broadleaf.Id}"));
        Assert.Contains("Overdue: due by Monday, July 14, 2003 at 6:00 AM EDT", page, StringComparison.Ordinal);
        Assert.Contains("The notice on record (email to 3 recipients) went out Monday, July 14, 2003 at 7:00 AM EDT, after that, and does not count.",
            page, StringComparison.Ordinal);
    }

    private static async Task<FieldContracts.Data.Planning.OccurrenceRecord> BulkeleyBroadleafAsync(NoticesApp app)
    {
        await using var db = app.Database.CreateContext();
        return await db.Occurrences.AsNoTracking()
            .SingleAsync(o => o.TaskKey == "summer.broadleaf" && o.Year == 2003 && !o.Cancelled
                              && db.Sites.Any(s => s.Id == o.SiteId && s.Code == "BHS"));
    }

    private static async Task<Guid> AreaAsync(NoticesApp app, string site, string name)
    {
        await using var db = app.Database.CreateContext();
        return await db.Areas.Where(a => a.Name == name && db.Sites.Any(s => s.Id == a.SiteId && s.Code == site)).Select(a => a.Id).SingleAsync();
    }

    private static string Decoded(string html) => System.Net.WebUtility.HtmlDecode(html);

    /// <summary>The calendar with its folded lines joined again (RFC 5545 section 3.1).</summary>
    private static string Unfolded(string ics) => ics.Replace("\r\n ", "", StringComparison.Ordinal);

    private static string Event(string ics, Guid occurrence)
    {
        var start = ics.IndexOf($"UID:{occurrence}@fieldcontracts", StringComparison.Ordinal);
        Assert.True(start >= 0, "the application is in the feed");
        var end = ics.IndexOf("END:VEVENT", start, StringComparison.Ordinal);
        return ics[start..end];
    }
}

public sealed class EmailedNoticeTests_Sqlite() : EmailedNoticeTests(DatabaseProvider.Sqlite);

public sealed class EmailedNoticeTests_Postgres() : EmailedNoticeTests(DatabaseProvider.PostgreSql);
