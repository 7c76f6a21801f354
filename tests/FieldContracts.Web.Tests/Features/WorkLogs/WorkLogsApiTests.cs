using System.Net.Http.Headers;
using System.Text.Json;
using FieldContracts.Scheduling.Specification;
using Microsoft.EntityFrameworkCore;
using static FieldContracts.Web.Tests.Features.WorkLogs.WorkLogFixtures;

namespace FieldContracts.Web.Tests.Features.WorkLogs;

/// <summary>The crew logs visits through the API with the bid's figures; the checks raise candidates; notices gate chemicals.</summary>
public abstract class WorkLogsApiTests(TestApp app)
{
    private readonly WorkLogFixtures _f = new(app);

    [Fact]
    public async Task Mowing_HartfordPublicOffSeason_RaisesHeightGrassAndOneThirdCandidates()
    {
        var mowing = await _f.MowingAsync("HPHS", new LocalDate(2003, 7, 14));
        var day = mowing.PlannedDate!.Value;
        _f.Now(day.Month, day.Day, 17);
        var crew = await _f.CrewAsync();
        var infield = await _f.AreaAsync("HPHS", "Baseball infield");
        var outfield = await _f.AreaAsync("HPHS", "Baseball outfield");
        var slopes = await _f.AreaAsync("HPHS", "Slopes along the spectator bleacher");

        var response = await crew.PostAsync("/api/worklogs", Json(Mowing(mowing.Id, day,
        [
            Height(infield, 1.25m),            // off season 2–2.5"
            Height(outfield, 2.5m, 4.5m),      // over 4" before; 2/4.5 removed
            Height(slopes, 1.75m, 3m),         // 1.25/3 = 0.417 removed, and below 2"
        ])));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var log = await BodyAsync(response);
        Assert.Equal("Submitted", log.GetProperty("status").GetString());
        Assert.Equal(
            ["GrassOver4Inches", "HeightOutOfRange", "HeightOutOfRange", "MoreThanOneThirdRemoved", "MoreThanOneThirdRemoved"],
            Kinds(log));
        var evidence = log.GetProperty("deficiencies").EnumerateArray().Select(c => c.GetProperty("evidence").GetString()).ToList();
        Assert.Contains("Baseball infield cut at 1.25\" off season; spec IV requires 2–2.5\".", evidence);
        Assert.Contains("Slopes along the spectator bleacher cut from 3\" to 1.75\": 0.417 of the blade removed; spec IV: no more than 1/3 in one mowing.", evidence);
        var reloaded = await _f.ReloadAsync(mowing.Id);
        Assert.Equal(day, reloaded.LoggedOn);
        // What calendars say of the occurrence changed ("done on …"): it carries a new revision, stamped now.
        Assert.Equal(mowing.Revision + 1, reloaded.Revision);
        Assert.Equal(app.Clock.GetCurrentInstant(), reloaded.LastModified);

        foreach (var role in new[] { Roles.Purchasing, Roles.AthleticDirector })
        {
            var staff = await app.SignedInAsync(TestApp.EmailOf(role));
            var queue = await BodyAsync(await staff.GetAsync("/api/worklogs/review"));
            Assert.Contains(queue.GetProperty("deficiencies").EnumerateArray(),
                c => c.GetProperty("evidence").GetString() == "Baseball infield cut at 1.25\" off season; spec IV requires 2–2.5\".");
            Assert.Contains(queue.GetProperty("awaiting").EnumerateArray(), l => l.GetProperty("id").GetString() == log.GetProperty("id").GetString());
        }
    }

    [Fact]
    public async Task Broadleaf_NoticeRecordedAt0530TheDayBefore_Accepted()
    {
        // Weaver's: one crew applies at one school a day, so Weaver's falls on a later day of the window than July 15.
        var broadleaf = await _f.OccurrenceAsync(Specification2685.Broadleaf, "WHS");
        var day = broadleaf.PlannedDate!.Value;
        Assert.InRange(day, new LocalDate(2003, 7, 16), new LocalDate(2003, 7, 20));
        var crew = await _f.CrewAsync();
        _f.Now(day.Month, day.Day - 1, 5, 45);
        Assert.Equal(HttpStatusCode.OK, (await RecordNoticeAsync(crew, broadleaf.Id, $"{day.PlusDays(-1):yyyy-MM-dd}T05:30", $"{day:yyyy-MM-dd}")).StatusCode);
        _f.Now(day.Month, day.Day, 9);

        var response = await crew.PostAsync("/api/worklogs", Json(Chemical(broadleaf.Id, day,
            Application(await _f.AreaAsync("WHS", "Football field"), new LocalDate(2004, 6, 30)))));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var log = await BodyAsync(response);
        Assert.False(log.GetProperty("emergencyApplication").GetBoolean());
        Assert.Empty(Kinds(log));
        var application = log.GetProperty("versions")[0].GetProperty("application");
        Assert.Equal("2217-543", application.GetProperty("epaRegistrationNumber").GetString());
        Assert.Equal("B-22871", application.GetProperty("applicator").GetProperty("certificationNumber").GetString());
        Assert.Equal(["Football field"], application.GetProperty("areas").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task Broadleaf_Notice23HoursBefore_RefusedWritingNothing_ThenAcceptedAsFlaggedEmergency()
    {
        var broadleaf = await _f.OccurrenceAsync(Specification2685.Broadleaf, "HPHS");
        var day = broadleaf.PlannedDate!.Value;
        var crew = await _f.CrewAsync();
        _f.Now(day.Month, day.Day - 1, 7, 30);
        Assert.Equal(HttpStatusCode.OK, (await RecordNoticeAsync(crew, broadleaf.Id, $"{day.PlusDays(-1):yyyy-MM-dd}T07:00", $"{day:yyyy-MM-dd}")).StatusCode);
        _f.Now(day.Month, day.Day, 10);
        var area = await _f.AreaAsync("HPHS", "Baseball outfield");
        var before = await _f.CountsAsync();

        var refused = await crew.PostAsync("/api/worklogs", Json(Chemical(broadleaf.Id, day, Application(area, new LocalDate(2004, 6, 30)))));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await BodyAsync(refused);
        Assert.Equal("No valid prior notice of this application.", problem.GetProperty("title").GetString());
        Assert.Contains("at least 24 hours before", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await _f.CountsAsync());
        Assert.Null((await _f.ReloadAsync(broadleaf.Id)).LoggedOn);

        var emergency = await crew.PostAsync("/api/worklogs", Json(Chemical(broadleaf.Id, day,
            Application(area, new LocalDate(2004, 6, 30), emergencyReason: "Yellow jackets nesting in the outfield turf by the dugout"))));

        Assert.Equal(HttpStatusCode.Created, emergency.StatusCode);
        var log = await BodyAsync(emergency);
        Assert.True(log.GetProperty("emergencyApplication").GetBoolean());
        Assert.Equal(["ApplicationWithoutNotice"], Kinds(log));
        var director = await _f.DirectorAsync();
        var queue = await BodyAsync(await director.GetAsync("/api/worklogs/review"));
        Assert.Contains(queue.GetProperty("emergencies").EnumerateArray(), l => l.GetProperty("id").GetString() == log.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Broadleaf_LoggedJuly18_ExpiredApplicatorRaisedAndReTreatmentFollows14To21DaysLater()
    {
        var broadleaf = await _f.OccurrenceAsync(Specification2685.Broadleaf, "BHS");
        var crew = await _f.CrewAsync();
        _f.Now(7, 17, 5, 30);
        Assert.Equal(HttpStatusCode.OK, (await RecordNoticeAsync(crew, broadleaf.Id, "2003-07-17T05:00", "2003-07-18")).StatusCode);
        _f.Now(7, 18, 12);

        var response = await crew.PostAsync("/api/worklogs", Json(Chemical(broadleaf.Id, new LocalDate(2003, 7, 18),
            Application(await _f.AreaAsync("BHS", "Softball outfield"), applicatorExpires: new LocalDate(2003, 6, 30)))));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var log = await BodyAsync(response);
        var expired = Assert.Single(log.GetProperty("deficiencies").EnumerateArray(), c => c.GetProperty("kind").GetString() == "LicenceExpired");
        Assert.Equal("Applicator Lee Chen (certification B-22871) expired on Jun 30, 2003; the application was on Jul 18, 2003. Spec V requires proper licences.",
            expired.GetProperty("evidence").GetString());
        Assert.Equal(new LocalDate(2003, 7, 18), (await _f.ReloadAsync(broadleaf.Id)).LoggedOn);
        var retreatment = await _f.OccurrenceAsync(Specification2685.BroadleafRetreatment, "BHS");
        Assert.InRange(retreatment.PlannedDate!.Value, new LocalDate(2003, 8, 1), new LocalDate(2003, 8, 8));
        await using var db = app.Database.CreateContext();
        Assert.Contains(await db.PlanFactChanges.Where(c => c.Cause == FieldContracts.Scheduling.Planning.ReplanCause.WorkLogged).ToListAsync(),
            c => c.Description.StartsWith("Work logged at BHS on Jul 18, 2003: Broadleaf weed control", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_ByTheDirector_VerifiedOnceAndClosed()
    {
        var id = await LogMowingAsync("BHS", new LocalDate(2003, 7, 21));
        var director = await _f.DirectorAsync();
        var crew = await _f.CrewAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await crew.PostAsync($"/api/worklogs/{id}/verify", null)).StatusCode);
        var verified = await director.PostAsync($"/api/worklogs/{id}/verify", null);

        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        var log = await BodyAsync(verified);
        Assert.Equal("Verified", log.GetProperty("status").GetString());
        var step = Assert.Single(log.GetProperty("events").EnumerateArray());
        Assert.Equal(TestApp.EmailOf(Roles.AthleticDirector), step.GetProperty("by").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await director.PostAsync($"/api/worklogs/{id}/verify", null)).StatusCode);
        var correction = await crew.PostAsync($"/api/worklogs/{id}/corrections", Json(new { why = "A late change of mind" }));
        Assert.Equal(HttpStatusCode.Conflict, correction.StatusCode);
        Assert.Equal("The visit is verified; it is closed.", (await BodyAsync(correction)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Dispute_ThenContractorAnswers_ThenVerified_HistoryKeepsEachStep()
    {
        var id = await LogMowingAsync("WHS", new LocalDate(2003, 7, 21));
        var director = await _f.DirectorAsync();
        var crew = await _f.CrewAsync();

        Assert.Equal(HttpStatusCode.BadRequest, (await director.PostAsync($"/api/worklogs/{id}/dispute", Json(new { text = " " }))).StatusCode);
        var disputed = await director.PostAsync($"/api/worklogs/{id}/dispute", Json(new { text = "The lower soccer field was not mowed when I visited at 11 a.m." }));
        Assert.Equal("Disputed", (await BodyAsync(disputed)).GetProperty("status").GetString());
        var answered = await crew.PostAsync($"/api/worklogs/{id}/answer", Json(new { text = "It was mowed after 1 p.m., once the summer camp left the field." }));
        Assert.Equal("Answered", (await BodyAsync(answered)).GetProperty("status").GetString());
        var verified = await BodyAsync(await director.PostAsync($"/api/worklogs/{id}/verify", Json(new { text = "Confirmed with the camp director." })));

        Assert.Equal("Verified", verified.GetProperty("status").GetString());
        Assert.Equal(["Dispute", "Answer", "Verify"], verified.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        Assert.Equal(["Disputed", "Answered", "Verified"], verified.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("statusAfter").GetString()));
    }

    [Fact]
    public async Task Correction_AddsVersion2_AndKeepsVersion1()
    {
        var mowing = await _f.MowingAsync("HPHS", new LocalDate(2003, 7, 21));
        var day = mowing.PlannedDate!.Value;
        _f.Now(day.Month, day.Day, 18);
        var crew = await _f.CrewAsync();
        var infield = await _f.AreaAsync("HPHS", "Baseball infield");
        var created = await BodyAsync(await crew.PostAsync("/api/worklogs", Json(Mowing(mowing.Id, day, [Height(infield, 1.25m)]))));
        var id = created.GetProperty("id").GetString();

        var corrected = await crew.PostAsync($"/api/worklogs/{id}/corrections", Json(new
        {
            occurrenceIds = new[] { mowing.Id },
            date = day.ToString("yyyy-MM-dd", null),
            started = "07:00",
            finished = "09:30",
            crew = new[] { "Dana Rivera", "Sam Ortiz" },
            heights = new[] { Height(infield, 2.25m) },
            why = "Typed 1.25 for 2.25; the gauge read 2 1/4 inches",
        }));

        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        var log = await BodyAsync(corrected);
        Assert.Equal(2, log.GetProperty("currentVersion").GetInt32());
        var versions = log.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal(2, versions.Count);
        Assert.Equal(1.25m, versions[0].GetProperty("heights")[0].GetProperty("after").GetDecimal());
        Assert.Equal(JsonValueKind.Null, versions[0].GetProperty("why").ValueKind);
        Assert.Equal(2.25m, versions[1].GetProperty("heights")[0].GetProperty("after").GetDecimal());
        Assert.Equal("Typed 1.25 for 2.25; the gauge read 2 1/4 inches", versions[1].GetProperty("why").GetString());
        Assert.Equal(WorkLogFixtures.Crew, versions[1].GetProperty("recordedBy").GetString());
        // The first version's candidate stays; the corrected figures raise none.
        Assert.Equal([1], log.GetProperty("deficiencies").EnumerateArray().Select(c => c.GetProperty("version").GetInt32()));
    }

    [Fact]
    public async Task Retry_SameIdempotencyKey_ReturnsTheSameVisitWithoutASecondRow()
    {
        var mowing = await _f.MowingAsync("BHS", new LocalDate(2003, 7, 28));
        var day = mowing.PlannedDate!.Value;
        _f.Now(day.Month, day.Day, 18);
        var crew = await _f.CrewAsync();
        var body = Mowing(mowing.Id, day, [Height(await _f.AreaAsync("BHS", "Softball outfield"), 2.25m)], key: "phone-7f3c-visit-1");

        var first = await crew.PostAsync("/api/worklogs", Json(body));
        var again = await crew.PostAsync("/api/worklogs", Json(body));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal((await BodyAsync(first)).GetProperty("id").GetString(), (await BodyAsync(again)).GetProperty("id").GetString());
        await using var db = app.Database.CreateContext();
        Assert.Equal(1, await db.WorkLogs.CountAsync(l => l.IdempotencyKey == "phone-7f3c-visit-1"));
    }

    [Fact]
    public async Task Retry_ConcurrentSubmissionsWithOneKeyInTheHeader_CreateOneVisit()
    {
        var mowing = await _f.MowingAsync("WHS", new LocalDate(2003, 7, 28));
        var day = mowing.PlannedDate!.Value;
        _f.Now(day.Month, day.Day, 18);
        var crew = await _f.CrewAsync();
        var area = await _f.AreaAsync("WHS", "Football field");

        async Task<HttpResponseMessage> Send()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/worklogs")
            {
                Content = Json(Mowing(mowing.Id, day, [Height(area, 2.25m)], key: "")),
            };
            request.Headers.Add("Idempotency-Key", "flaky-signal-42");
            return await crew.SendAsync(request);
        }

        var answers = await Task.WhenAll(Send(), Send(), Send());

        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, a.StatusCode.ToString()));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        var ids = new HashSet<string?>();
        foreach (var answer in answers)
        {
            ids.Add((await BodyAsync(answer)).GetProperty("id").GetString());
        }

        Assert.Single(ids);
        await using var db = app.Database.CreateContext();
        Assert.Equal(1, await db.WorkLogs.CountAsync(l => l.IdempotencyKey == "flaky-signal-42"));
    }

    [Fact]
    public async Task Photos_RealPngStoredWithItsHash_FakeAndOversizedRefusedByName()
    {
        var id = await LogMowingAsync("HPHS", new LocalDate(2003, 8, 4));
        var crew = await _f.CrewAsync();
        var png = Png();
        var before = await _f.CountsAsync();

        var fake = await crew.PostAsync($"/api/worklogs/{id}/photos", Multipart(("infield.jpg", "Not a photo, just text."u8.ToArray())));
        var oversized = new byte[10 * 1024 * 1024 + 1];
        oversized[0] = 0xFF; oversized[1] = 0xD8; oversized[2] = 0xFF;
        var big = await crew.PostAsync($"/api/worklogs/{id}/photos", Multipart(("outfield.jpg", oversized)));

        Assert.Equal(HttpStatusCode.BadRequest, fake.StatusCode);
        Assert.Equal("infield.jpg is not a JPEG, PNG or HEIC image.", (await BodyAsync(fake)).GetProperty("errors").GetProperty("photos[0]")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, big.StatusCode);
        Assert.Equal("outfield.jpg is 10.0 MB; a photo may be at most 10 MB.", (await BodyAsync(big)).GetProperty("errors").GetProperty("photos[0]")[0].GetString());
        Assert.Equal(before, await _f.CountsAsync());

        var stored = await crew.PostAsync($"/api/worklogs/{id}/photos", Multipart(("IMG_0001.HEIC.png", png)));

        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        var photo = Assert.Single((await BodyAsync(stored)).GetProperty("photos").EnumerateArray());
        Assert.Equal("image/png", photo.GetProperty("contentType").GetString());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(png)), photo.GetProperty("sha256").GetString());
        var download = await crew.GetAsync($"/api/worklogs/{id}/photos/{photo.GetProperty("id").GetString()}");
        Assert.Equal(png, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task BadInput_EachRefusedWithItsFieldAndNothingWritten()
    {
        var mowing = await _f.MowingAsync("BHS", new LocalDate(2003, 8, 4));
        var day = mowing.PlannedDate!.Value;
        _f.Now(day.Month, day.Day, 18);
        var crew = await _f.CrewAsync();
        var outfield = await _f.AreaAsync("BHS", "Softball outfield");
        var weaverField = await _f.AreaAsync("WHS", "Football field");
        var broadleaf = await _f.OccurrenceAsync(Specification2685.Broadleaf, "BHS", year: 2004);
        var before = await _f.CountsAsync();

        async Task Refused(object body, string field, HttpStatusCode status = HttpStatusCode.BadRequest)
        {
            var response = await crew.PostAsync("/api/worklogs", Json(body));
            Assert.Equal(status, response.StatusCode);
            Assert.True((await BodyAsync(response)).GetProperty("errors").TryGetProperty(field, out _), $"no error at {field}");
        }

        await Refused(Mowing(mowing.Id, new LocalDate(2005, 1, 3), [Height(outfield, 2m)]), "date");
        await Refused(Mowing(mowing.Id, new LocalDate(2003, 5, 14), [Height(outfield, 2m)]), "date");
        await Refused(Mowing(mowing.Id, day, [Height(outfield, -2m)]), "heights[0].after");
        await Refused(Mowing(mowing.Id, day, [Height(outfield, 2m, -1m)]), "heights[0].before");
        await Refused(Mowing(mowing.Id, day, [Height(weaverField, 2m)]), "heights[0].areaId");
        await Refused(Mowing(mowing.Id, day, []), "heights");
        await Refused(Chemical(broadleaf.Id, day, Application(outfield, new LocalDate(2004, 6, 30), amount: -3m)), "application.amount");
        await Refused(new { idempotencyKey = "k-missing", occurrenceIds = new[] { mowing.Id } }, "date");
        await Refused(new { idempotencyKey = "k-missing-2", occurrenceIds = new[] { mowing.Id } }, "crew");
        await Refused(Mowing(mowing.Id, day, [Height(outfield, 2m)], key: ""), "idempotencyKey");

        var otherContract = await _f.OccurrenceAsync(Specification2685.Mowing, "BHS", contract: TestApp.OtherContractNumber);
        var notOurs = await crew.PostAsync("/api/worklogs", Json(Mowing(otherContract.Id, day, [Height(outfield, 2m)])));
        Assert.Equal(HttpStatusCode.NotFound, notOurs.StatusCode);
        var otherCrew = await app.SignedInAsync(TestApp.OtherContractorEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCrew.PostAsync("/api/worklogs", Json(Mowing(mowing.Id, day, [Height(outfield, 2m)])))).StatusCode);

        var notJson = await crew.PostAsync("/api/worklogs", new StringContent("date=2003-07-14"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notJson.StatusCode);
        Assert.Equal(before, await _f.CountsAsync());
    }

    [Fact]
    public async Task Access_OtherContractorSeesNothing_StaffCannotLog_FinanceCannotVerify()
    {
        var id = await LogMowingAsync("WHS", new LocalDate(2003, 8, 4));
        var otherCrew = await app.SignedInAsync(TestApp.OtherContractorEmail);
        var director = await _f.DirectorAsync();
        var finance = await app.SignedInAsync(TestApp.EmailOf(Roles.Finance));

        Assert.Equal(HttpStatusCode.NotFound, (await otherCrew.GetAsync($"/api/worklogs/{id}")).StatusCode);
        Assert.DoesNotContain(id, (await otherCrew.GetStringAsync("/api/worklogs")));
        Assert.Equal(HttpStatusCode.NotFound, (await otherCrew.PostAsync($"/api/worklogs/{id}/answer", Json(new { text = "x" }))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await director.PostAsync("/api/worklogs", Json(new { }))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await finance.PostAsync($"/api/worklogs/{id}/verify", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await finance.GetAsync($"/api/worklogs/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/worklogs")).StatusCode);
    }

    [Fact]
    public async Task OpenApi_DescribesTheWorkLogEndpoints()
    {
        var document = await (await _f.CrewAsync()).GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/worklogs/{id}/photos", document);
        Assert.Contains("/api/worklogs/{id}/corrections", document);
        Assert.Contains("Idempotency-Key", document);
    }

    private async Task<string> LogMowingAsync(string site, LocalDate from)
    {
        var mowing = await _f.MowingAsync(site, from);
        var day = mowing.PlannedDate!.Value;
        _f.Now(day.Month, day.Day, 18);
        var crew = await _f.CrewAsync();
        var area = await _f.AreaAsync(site, site == "HPHS" ? "Baseball outfield" : site == "WHS" ? "Football field" : "Softball outfield");
        var response = await crew.PostAsync("/api/worklogs", Json(Mowing(mowing.Id, day, [Height(area, 2.25m, 3m)])));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await BodyAsync(response)).GetProperty("id").GetString()!;
    }

    private static MultipartFormDataContent Multipart(params (string Name, byte[] Bytes)[] files)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            content.Add(file, "photos", name);
        }

        return content;
    }

    /// <summary>A 1×1 PNG.</summary>
    private static byte[] Png() => Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
}

public sealed class WorkLogsApiTests_Sqlite(SqliteApp app) : WorkLogsApiTests(app), IClassFixture<SqliteApp>;

public sealed class WorkLogsApiTests_Postgres(PostgresApp app) : WorkLogsApiTests(app), IClassFixture<PostgresApp>;
