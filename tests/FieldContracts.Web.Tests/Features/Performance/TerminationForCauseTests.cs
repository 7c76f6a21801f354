using System.Net.Http.Json;
using System.Text.Json;
using FieldContracts.Administration.Deficiencies;
using FieldContracts.Data.Notices;
using FieldContracts.Data.Performance;
using FieldContracts.Scheduling.Planning;
using FieldContracts.Web.Features.Performance.Documents;
using FieldContracts.Web.Tests.Features.Feeds;
using Microsoft.EntityFrameworkCore;
using static FieldContracts.Web.Tests.Features.Performance.CaseFlow;

namespace FieldContracts.Web.Tests.Features.Performance;

/// <summary>
/// Special instruction 7 end to end on #2685, through the API: Purchasing opens a case on missed mowing in July 2003 (A)
/// meets the contractor, (B) sets a remedial period of July 15–29 and sends the cure notice; the contractor answers and
/// submits one cure; the Athletic Director verifies it and finds the other not cured; (C) termination is refused until the
/// period has run out, then takes effect on August 1, 2003, and the work planned from that day is cancelled in the plan
/// and the feed. Each notice is a PDF quoting the bid, sent to both of the contractor's contacts.
/// </summary>
public abstract class TerminationForCauseTests(TestApp app) : IAsyncLifetime
{
    private static readonly LocalDate July10 = new(2003, 7, 10);
    private static readonly LocalDate EffectiveOn = new(2003, 8, 1);

    public Task InitializeAsync()
    {
        SetToday(app, July10);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        SetToday(app, July10);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task MeetingRemedialPeriodAndTermination_InOrder_EndTheContractAndCancelLaterWork()
    {
        var deficiencies = await MissedWorkAsync(app, 2);
        var purchasing = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        var crew = await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor));
        var id = await OpenAsync(purchasing, deficiencies);

        // Skipped steps are refused, with nothing written.
        var tooSoon = await StepAsync(purchasing, id, "termination", new { effectiveOn = EffectiveOn, text = "7 C." });
        Assert.Equal(HttpStatusCode.Conflict, tooSoon.StatusCode);
        Assert.Contains("7 A", (await tooSoon.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(("Opened", 1), await StateAsync(app, id));

        // A: the meeting on Monday, July 14, 2003, with its invitation.
        var scheduled = await StepAsync(purchasing, id, "meeting", new
        {
            on = new LocalDate(2003, 7, 14), place = "City Hall, 550 Main Street, Room 200",
            attendees = new[] { "Purchasing agent", "Director of Athletics", "Sam Crew, Capitol Turf & Grounds" },
            text = "You are invited to respond to the complaints listed below.",
        });
        Assert.Equal(HttpStatusCode.OK, scheduled.StatusCode);
        var invitation = await NoticeOfStepAsync(id, "ScheduleMeeting", CaseDocumentKind.MeetingInvitation);
        var invitationText = PdfText(invitation);
        Assert.Contains(Normalized(BidClauses.Meet.Text), invitationText, StringComparison.Ordinal);
        Assert.Contains("Monday, July 14, 2003", invitationText, StringComparison.Ordinal);
        Assert.Equal(["crew@contractor.example", "office@contractor.example"], await MailedToAsync(id, "ScheduleMeeting"));

        SetToday(app, new LocalDate(2003, 7, 14));
        Assert.Equal(HttpStatusCode.OK, (await StepAsync(purchasing, id, "meeting/held", new
        {
            heldOn = new LocalDate(2003, 7, 14), minutes = "The contractor was heard on each missed mowing.",
            contractorResponse = "A mower was down for two weeks; a second crew starts Tuesday.", text = "Held as scheduled.",
        })).StatusCode);

        // B: a period that ends before it starts is refused; then July 15 to 29, both included.
        var backwards = await StepAsync(purchasing, id, "remedial-period", new
        {
            startsOn = new LocalDate(2003, 7, 29), endsOn = new LocalDate(2003, 7, 15),
            requirements = deficiencies.Select(d => new { deficiencyId = d, curedMeans = "Mowed to spec IV height." }), text = "7 B.",
        });
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Equal(("MeetingHeld", 3), await StateAsync(app, id));
        Assert.Equal(HttpStatusCode.OK, (await StepAsync(purchasing, id, "remedial-period", new
        {
            startsOn = new LocalDate(2003, 7, 15), endsOn = new LocalDate(2003, 7, 29),
            requirements = deficiencies.Select(d => new { deficiencyId = d, curedMeans = "Mowed to 2–3 in., clippings removed, every 7 days." }),
            text = "Fifteen days to cure.",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await StepAsync(purchasing, id, "cure-notice", new { text = "Cure notice under 7 B." })).StatusCode);
        var cureNotice = PdfText(await NoticeOfStepAsync(id, "SendCureNotice", CaseDocumentKind.CureNotice));
        Assert.Contains(Normalized(BidClauses.RemedialPeriod.Text), cureNotice, StringComparison.Ordinal);
        Assert.Contains("Tuesday, July 29, 2003", cureNotice, StringComparison.Ordinal);

        // The contractor answers and submits one cure; it cannot verify its own.
        SetToday(app, new LocalDate(2003, 7, 21));
        Assert.Equal(HttpStatusCode.OK, (await StepAsync(crew, id, "responses", new { text = "Received; second crew on site." })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await StepAsync(crew, id, "submitted-cures",
            new { deficiencyId = deficiencies[0], text = "Mowed on July 21." })).StatusCode);
        var selfVerified = await StepAsync(crew, id, "cures",
            new { deficiencyId = deficiencies[0], cured = true, inspectedOn = new LocalDate(2003, 7, 21), text = "Done." });
        Assert.Equal(HttpStatusCode.Forbidden, selfVerified.StatusCode);
        Assert.Equal(("RemedialPeriodRunning", 7), await StateAsync(app, id));

        Assert.Equal(HttpStatusCode.OK, (await StepAsync(director, id, "cures",
            new { deficiencyId = deficiencies[0], cured = true, inspectedOn = new LocalDate(2003, 7, 21), text = "Seen mowed at 2½ in." })).StatusCode);
        SetToday(app, new LocalDate(2003, 7, 29));
        Assert.Equal(HttpStatusCode.OK, (await StepAsync(director, id, "cures",
            new { deficiencyId = deficiencies[1], cured = false, inspectedOn = new LocalDate(2003, 7, 29), text = "Still 6 in. tall." })).StatusCode);

        // C: not on the period's last day; from the day after.
        var lastDay = await StepAsync(purchasing, id, "termination", new { effectiveOn = EffectiveOn, text = "7 C." });
        Assert.Equal(HttpStatusCode.Conflict, lastDay.StatusCode);
        Assert.Contains("July 30, 2003", (await lastDay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(("RemedialPeriodRunning", 9), await StateAsync(app, id));

        SetToday(app, new LocalDate(2003, 7, 30));
        var terminated = await StepAsync(purchasing, id, "termination",
            new { effectiveOn = EffectiveOn, text = "Bulkeley's mowing was not corrected within the remedial period." });
        Assert.Equal(HttpStatusCode.OK, terminated.StatusCode);
        var body = await terminated.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("TerminatedForCause", body.GetProperty("status").GetString());

        var termination = await purchasing.GetFromJsonAsync<JsonElement>("/api/contracts/2685/termination");
        Assert.Equal("ForCause", termination.GetProperty("kind").GetString());
        Assert.Equal("2003-07-31", termination.GetProperty("lastDayOfService").GetString());
        var notice = PdfText(await NoticeOfStepAsync(id, "TerminateForCause", CaseDocumentKind.TerminationNotice));
        Assert.Contains(Normalized(BidClauses.Terminate.Text), notice, StringComparison.Ordinal);
        Assert.Contains("Friday, August 1, 2003", notice, StringComparison.Ordinal);

        await using var db = app.Database.CreateContext();
        var contract = await db.Contracts.SingleAsync(c => c.Number == "2685");
        Assert.Equal(EffectiveOn, contract.TerminatedOn);
        var registered = await db.Deficiencies.Where(d => deficiencies.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Status);
        Assert.Equal(DeficiencyStatus.Cured, registered[deficiencies[0]]);
        Assert.NotEqual(DeficiencyStatus.Cured, registered[deficiencies[1]]);
        var later = await db.Occurrences.Where(o => o.ContractId == contract.Id && o.PlannedDate >= EffectiveOn).ToListAsync();
        Assert.NotEmpty(later);
        Assert.All(later, o => Assert.True(o.Cancelled || o.Status == OccurrenceStatus.OutsideTerm, $"{o.PlannedDate} still planned"));
        Assert.Contains(await db.Occurrences.Where(o => o.ContractId == contract.Id && o.PlannedDate < EffectiveOn && o.PlannedDate >= July10)
            .Select(o => o.Cancelled).ToListAsync(), cancelled => !cancelled);

        // The feed says so: every event on or after August 1, 2003 is cancelled.
        var feed = await FeedClient.CreateAsync(director, new { scope = "WholeContract", contract = "2685" });
        var events = IcsText.Events(await FeedClient.BytesAsync(app, feed.Path));
        var after = events.Where(e => StartOf(e) >= EffectiveOn).ToList();
        Assert.NotEmpty(after);
        Assert.All(after, e => Assert.Equal("CANCELLED", IcsText.Value(e, "STATUS")));
        Assert.Contains(events, e => StartOf(e) < EffectiveOn && IcsText.Value(e, "STATUS") != "CANCELLED");

        // Nothing more is open: no second termination, no new case.
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(purchasing, "/api/contracts/2685/termination",
            new { reason = "NeedEnded", noticeOn = new LocalDate(2003, 7, 30), effectiveOn = new LocalDate(2003, 9, 1), text = "x" })).StatusCode);
    }

    [Fact]
    public async Task Cases_OfAnotherContractor_AreNotFound()
    {
        var other = await app.SignedInAsync(TestApp.OtherContractorEmail);
        var crew = await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor));

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/api/contracts/2685/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/contracts/2685/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await crew.GetAsync("/api/contracts/2685/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(crew, "/api/contracts/2685/cases",
            new { deficiencyIds = Array.Empty<Guid>(), text = "x" })).StatusCode);
    }

    private static LocalDate StartOf(Dictionary<string, string> e) =>
        NodaTime.Text.LocalDatePattern.CreateWithInvariantCulture("yyyyMMdd").Parse(IcsText.Value(e, "DTSTART")![..8]).Value;

    private async Task<byte[]> NoticeOfStepAsync(Guid caseId, string action, CaseDocumentKind kind)
    {
        await using var db = app.Database.CreateContext();
        var steps = await db.PerformanceCaseSteps.AsNoTracking().Where(s => s.CaseId == caseId).ToListAsync();
        var step = steps.Single(s => s.Action.ToString() == action);
        var record = await db.CaseDocuments.AsNoTracking().SingleAsync(d => d.StepId == step.Id && d.Kind == kind);
        Assert.Equal(record.Sha256, Assert.Single(step.Documents).Value);
        var purchasing = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));
        var response = await purchasing.GetAsync($"/contracts/2685/case-documents/{record.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<IReadOnlyList<string>> MailedToAsync(Guid caseId, string action)
    {
        await using var db = app.Database.CreateContext();
        var steps = await db.PerformanceCaseSteps.AsNoTracking().Where(s => s.CaseId == caseId).ToListAsync();
        var prefix = $"case:{steps.Single(s => s.Action.ToString() == action).Id}:";
        var mails = (await db.OutboxMessages.AsNoTracking().Where(m => m.Kind == OutboxKind.CaseNotice).ToListAsync())
            .Where(m => m.DedupKey.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        Assert.All(mails, m => Assert.NotNull(m.AttachmentSha256));
        return mails.Select(m => m.ToAddress).Order(StringComparer.Ordinal).ToList();
    }
}

public sealed class TerminationForCauseTests_Sqlite(SqliteApp app) : TerminationForCauseTests(app), IClassFixture<SqliteApp>;

public sealed class TerminationForCauseTests_Postgres(PostgresApp app) : TerminationForCauseTests(app), IClassFixture<PostgresApp>;
