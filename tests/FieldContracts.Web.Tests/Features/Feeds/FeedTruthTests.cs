using System.Text.RegularExpressions;
using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.Notices;
using FieldContracts.Data.Feeds;
using FieldContracts.Scheduling.Planning;
using FieldContracts.Scheduling.Specification;
using FieldContracts.Web.Features.Jobs;
using FieldContracts.Web.Tests.Features.WorkLogs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace FieldContracts.Web.Tests.Features.Feeds;

/// <summary>
/// The feed tells what happened: work logged as done shows when it was done, a missed one is marked missed, an
/// application's notice is told from the notice ledger, and each of these raises SEQUENCE and LAST-MODIFIED.
/// </summary>
public abstract partial class FeedTruthTests(TestApp app)
{
    private readonly WorkLogFixtures _f = new(app);

    [Fact]
    public async Task HartfordPublicBroadleaf_LoggedDoneJuly10WithAValidNotice_ShowsOnJuly10AsDoneWithItsNoticeSent()
    {
        // The complaint of issue 14: planned for a later morning (July 15 at 06:00 in the demo as loaded; the other tests
        // of this class may move it by a day or two), done on July 10 with a notice sent on July 9.
        var broadleaf = await _f.OccurrenceAsync(Specification2685.Broadleaf, "HPHS");
        var planned = broadleaf.ApplicationStartsAt!.Value.InZone(WorkLogFixtures.Hartford).LocalDateTime;
        Assert.InRange(planned, new LocalDateTime(2003, 7, 15, 6, 0), new LocalDateTime(2003, 7, 20, 6, 0));
        var feed = await WholeContractFeedAsync();
        using var first = await FeedClient.FetchAsync(app, feed.Path);
        var before = IcsText.ByUid(await first.Content.ReadAsByteArrayAsync())[Uid(broadleaf.Id)];
        Assert.Equal(planned.ToString("yyyyMMdd'T'HHmmss", null), before["DTSTART;TZID=America/New_York"]);
        Assert.Contains("none on record as sent", Text(before["DESCRIPTION"]), StringComparison.Ordinal);

        var crew = await _f.CrewAsync();
        _f.Now(7, 9, 5, 30);
        Assert.Equal(HttpStatusCode.OK, (await WorkLogFixtures.RecordNoticeAsync(crew, broadleaf.Id, "2003-07-09T05:00", "2003-07-10")).StatusCode);
        _f.Now(7, 10, 14);
        using var logged = await crew.PostAsync("/api/worklogs", WorkLogFixtures.Json(WorkLogFixtures.Chemical(broadleaf.Id, new LocalDate(2003, 7, 10),
            WorkLogFixtures.Application(await _f.AreaAsync("HPHS", "Baseball outfield"), new LocalDate(2004, 6, 30)))));
        Assert.Equal(HttpStatusCode.Created, logged.StatusCode);

        using var after = await FeedClient.FetchAsync(app, feed.Path,
            r => r.Headers.TryAddWithoutValidation(HeaderNames.IfNoneMatch, first.Headers.ETag!.Tag));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        var ics = await after.Content.ReadAsByteArrayAsync();
        var e = IcsText.ByUid(ics)[Uid(broadleaf.Id)];
        Assert.Equal("20030710T060000", e["DTSTART;TZID=America/New_York"]);
        Assert.Equal("20030710T080000", e["DTEND;TZID=America/New_York"]);
        Assert.Equal("HPHS · Broadleaf weed control (chemical): done", e["SUMMARY"]);
        var description = Text(e["DESCRIPTION"]);
        Assert.DoesNotContain("none on record", description, StringComparison.Ordinal);
        Assert.DoesNotContain("no notice on record", description, StringComparison.Ordinal);
        Assert.Contains("Pre-notification to the school's registry (parents, guardians and staff who asked), the Athletic Director or designee and school maintenance: sent Wednesday, July 9, 2003 at 5:00 AM EDT (email, recorded by crew@contractor.example)",
            description, StringComparison.Ordinal);
        Assert.Contains("Done on Thursday, July 10, 2003, 6:00 AM – 8:00 AM", description, StringComparison.Ordinal);
        Assert.True(int.Parse(e["SEQUENCE"], null) > int.Parse(before["SEQUENCE"], null));
        Assert.True(string.CompareOrdinal(e["LAST-MODIFIED"], before["LAST-MODIFIED"]) > 0);
        Assert.True(after.Content.Headers.LastModified > first.Content.Headers.LastModified);

        // Every parser reads it at the time it was done.
        foreach (var (parser, events) in await FeedParsers.ReadAllAsync(ics))
        {
            Assert.Equal((parser, "2003-07-10T06:00:00-04:00"), (parser, events.Single(x => x.Uid == Uid(broadleaf.Id)).Start));
        }
    }

    [Fact]
    public async Task NoticeRecordedForAPlannedApplication_RaisesSequenceAndTellsItSent()
    {
        var broadleaf = await _f.OccurrenceAsync(Specification2685.Broadleaf, "BHS");
        var day = broadleaf.PlannedDate!.Value;
        var feed = await WholeContractFeedAsync();
        using var first = await FeedClient.FetchAsync(app, feed.Path);
        var before = IcsText.ByUid(await first.Content.ReadAsByteArrayAsync())[Uid(broadleaf.Id)];

        _f.Now(7, 10, 12);
        var crew = await _f.CrewAsync();
        Assert.Equal(HttpStatusCode.OK, (await WorkLogFixtures.RecordNoticeAsync(crew, broadleaf.Id, "2003-07-10T08:00", $"{day:yyyy-MM-dd}")).StatusCode);

        using var after = await FeedClient.FetchAsync(app, feed.Path,
            r => r.Headers.TryAddWithoutValidation(HeaderNames.IfNoneMatch, first.Headers.ETag!.Tag));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        var e = IcsText.ByUid(await after.Content.ReadAsByteArrayAsync())[Uid(broadleaf.Id)];
        Assert.Contains("sent Thursday, July 10, 2003 at 8:00 AM EDT", Text(e["DESCRIPTION"]), StringComparison.Ordinal);
        Assert.Equal(before["DTSTART;TZID=America/New_York"], e["DTSTART;TZID=America/New_York"]);
        Assert.True(int.Parse(e["SEQUENCE"], null) > int.Parse(before["SEQUENCE"], null));
        Assert.True(string.CompareOrdinal(e["LAST-MODIFIED"], before["LAST-MODIFIED"]) > 0);
    }

    [Fact]
    public async Task MissRecordedByTheNightlyPass_MarksTheWorkMissedAndRaisesSequence()
    {
        var feed = await WholeContractFeedAsync();
        using var first = await FeedClient.FetchAsync(app, feed.Path);
        var before = IcsText.ByUid(await first.Content.ReadAsByteArrayAsync());

        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MissedWorkHandler>().HandleAsync(new LocalDate(2003, 7, 10), CancellationToken.None);
        }

        await using var db = app.Database.CreateContext();
        var missed = await db.Deficiencies.Where(d => d.Kind == DeficiencyKind.MissedWork && d.OccurrenceId != null)
            .Select(d => d.OccurrenceId!.Value).ToListAsync();
        var shown = missed.Where(id => before.ContainsKey(Uid(id))).ToList();
        Assert.NotEmpty(shown);
        using var after = await FeedClient.FetchAsync(app, feed.Path,
            r => r.Headers.TryAddWithoutValidation(HeaderNames.IfNoneMatch, first.Headers.ETag!.Tag));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        var events = IcsText.ByUid(await after.Content.ReadAsByteArrayAsync());
        foreach (var id in shown)
        {
            var e = events[Uid(id)];
            Assert.EndsWith(": missed", e["SUMMARY"], StringComparison.Ordinal);
            Assert.Contains("Missed: nothing was logged by the last day of its window.", Text(e["DESCRIPTION"]), StringComparison.Ordinal);
            Assert.Equal(int.Parse(before[Uid(id)]["SEQUENCE"], null) + 1, int.Parse(e["SEQUENCE"], null));
        }
    }

    [Fact]
    public async Task EveryFeedOf2685_HoldsNoInternalName()
    {
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        var crew = await _f.CrewAsync();
        var feeds = new[]
        {
            await FeedClient.CreateAsync(director, new { scope = "WholeContract", contract = "2685" }),
            await FeedClient.CreateAsync(director, new { scope = "School", contract = "2685", school = "HPHS" }),
            await FeedClient.CreateAsync(director, new { scope = "ChemicalOnly", contract = "2685" }),
            await FeedClient.CreateAsync(crew, new { scope = "ContractorWork" }),
        };
        // Names that are code, not words: several capitalised words run together (SchoolRegistry, ScheduleConflict).
        var internalNames = new[]
            {
                typeof(OccurrenceStatus), typeof(TaskKind), typeof(FeedScope), typeof(NoticeRecipients), typeof(NoticeChannel),
                typeof(NoticeSource), typeof(DeficiencyKind), typeof(DeficiencyStatus),
            }
            .SelectMany(Enum.GetNames).Where(n => CamelCase().IsMatch(n)).Distinct().ToList();
        Assert.Contains("SchoolRegistry", internalNames);

        foreach (var feed in feeds)
        {
            var text = Text(string.Join("\n", IcsText.Lines(await FeedClient.BytesAsync(app, feed.Path))));
            var found = internalNames.Where(n => Regex.IsMatch(text, $@"\b{n}\b")).ToList();
            Assert.True(found.Count == 0, $"{feed.Path} shows {string.Join(", ", found)}");
        }
    }

    private async Task<FeedClient.Made> WholeContractFeedAsync()
    {
        var client = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        return await FeedClient.CreateAsync(client, new { scope = "WholeContract", contract = "2685" });
    }

    private static string Uid(Guid id) => $"{id}@fieldcontracts";

    /// <summary>A TEXT value unescaped (RFC 5545 section 3.3.11).</summary>
    private static string Text(string value) =>
        value.Replace("\\n", "\n").Replace("\\N", "\n").Replace("\\,", ",").Replace("\\;", ";").Replace("\\\\", "\\");

    [GeneratedRegex("^[A-Z][a-z]+[A-Z]")]
    private static partial Regex CamelCase();
}

public sealed class FeedTruthTests_Sqlite(SqliteApp app) : FeedTruthTests(app), IClassFixture<SqliteApp>;

public sealed class FeedTruthTests_Postgres(PostgresApp app) : FeedTruthTests(app), IClassFixture<PostgresApp>;
