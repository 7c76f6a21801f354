using System.Net.Http.Json;
using System.Text.Json;
using FieldContracts.Web.Features.Performance.Documents;
using Microsoft.EntityFrameworkCore;
using static FieldContracts.Web.Tests.Features.Performance.CaseFlow;

namespace FieldContracts.Web.Tests.Features.Performance;

/// <summary>
/// Special instruction 6 on #2685: "thirty (30) days prior written notice". Notice on Saturday, January 31, 2004 may take
/// effect on Monday, March 1 (30 days, across the leap day) and not on Sunday, February 29 (29 days); the refusal writes nothing.
/// </summary>
public abstract class TerminationWithoutCauseApiTests(TestApp app) : IAsyncLifetime
{
    private static readonly LocalDate NoticeOn = new(2004, 1, 31);

    public Task InitializeAsync()
    {
        SetToday(app, NoticeOn);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        SetToday(app, new LocalDate(2003, 7, 10));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task TwentyNineDaysRefused_ThirtyAccepted_WithItsNoticeMailed()
    {
        var purchasing = await app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));
        var director = await app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));
        var crew = await app.SignedInAsync(TestApp.EmailOf(Roles.Contractor));

        var byDirector = await PostAsync(director, "/api/contracts/2685/termination",
            new { reason = "NeedEnded", noticeOn = NoticeOn, effectiveOn = new LocalDate(2004, 3, 1), text = "x" });
        var tooShort = await PostAsync(purchasing, "/api/contracts/2685/termination",
            new { reason = "FundsNotAppropriated", noticeOn = NoticeOn, effectiveOn = new LocalDate(2004, 2, 29), text = "Budget cut." });

        Assert.Equal(HttpStatusCode.Forbidden, byDirector.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        var problem = await tooShort.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("29 days", problem.GetProperty("errors").GetProperty("effectiveOn")[0].GetString());
        await using (var db = app.Database.CreateContext())
        {
            Assert.False(await db.ContractTerminations.AnyAsync());
            Assert.False(await db.CaseDocuments.AnyAsync());
            Assert.Null((await db.Contracts.SingleAsync(c => c.Number == "2685")).TerminatedOn);
        }

        // Sent twice at once (a double click, two tabs): one termination, the other a conflict, never a server error.
        var twice = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => PostAsync(purchasing, "/api/contracts/2685/termination",
            new { reason = "FundsNotAppropriated", noticeOn = NoticeOn, effectiveOn = new LocalDate(2004, 3, 1),
                text = "The Court of Common Council did not appropriate the 2004 funds." })));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], twice.Select(r => r.StatusCode).Order());
        var termination = await crew.GetFromJsonAsync<JsonElement>("/api/contracts/2685/termination");
        Assert.Equal("WithoutCause", termination.GetProperty("kind").GetString());
        Assert.Equal("2004-02-29", termination.GetProperty("lastDayOfService").GetString());
        var href = termination.GetProperty("documents")[0].GetProperty("href").GetString()!;
        var text = PdfText(await crew.GetByteArrayAsync(href));
        Assert.Contains(Normalized(BidClauses.ContractTermination.Text), text, StringComparison.Ordinal);
        Assert.Contains(Normalized(BidClauses.FundsNotAppropriated.Text), text, StringComparison.Ordinal);
        Assert.Equal(2, termination.GetProperty("deliveries").GetArrayLength());
        await using var after = app.Database.CreateContext();
        var contract = await after.Contracts.SingleAsync(c => c.Number == "2685");
        Assert.Equal(new LocalDate(2004, 3, 1), contract.TerminatedOn);
        Assert.False(await after.Occurrences.AnyAsync(o => o.ContractId == contract.Id && o.PlannedDate >= new LocalDate(2004, 3, 1)
                                                          && !o.Cancelled && o.Status == FieldContracts.Scheduling.Planning.OccurrenceStatus.Planned));
        var other = await app.SignedInAsync(TestApp.OtherContractorEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/api/contracts/2685/termination")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(href)).StatusCode);
    }
}

public sealed class TerminationWithoutCauseApiTests_Sqlite(SqliteApp app) : TerminationWithoutCauseApiTests(app), IClassFixture<SqliteApp>;

public sealed class TerminationWithoutCauseApiTests_Postgres(PostgresApp app) : TerminationWithoutCauseApiTests(app), IClassFixture<PostgresApp>;
