using System.Security.Claims;
using FieldContracts.Administration.Deficiencies;
using FieldContracts.Web.Features.Contracts;
using FieldContracts.Web.Features.Deficiencies;
using FieldContracts.Web.Features.Deliverables;
using FieldContracts.Web.Features.Schedule;
using FieldContracts.Web.Features.WorkLogs;
using FieldContracts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FieldContracts.Web.Tests.Infrastructure;

/// <summary>
/// The pages' and the API's queries on the SQL Server provider, with no server behind it: each query the features send is
/// translated by the provider (an untranslatable one throws) and recorded, and answered with no rows.
/// </summary>
public sealed class SqlServerQueryTests
{
    private static readonly Guid ContractorId = Guid.NewGuid();
    private static readonly ClaimsPrincipal Purchasing = User(Roles.Purchasing);
    private static readonly ClaimsPrincipal Contractor = User(Roles.Contractor, new Claim(SecurityRegistration.ContractorClaim, ContractorId.ToString()));
    private static readonly NodaTime.Testing.FakeClock Clock = HartfordClock.At(new LocalDateTime(2003, 7, 10, 9, 0));
    private readonly CancellationToken _ct = CancellationToken.None;

    [Fact]
    public async Task ContractQueries_Translate()
    {
        var server = new SqlServerWithoutServer();
        await using var db = server.CreateContext();
        var queries = new ContractQueries(db, new ZonedClock(Clock, Hartford.Zone, CalendarSystem.Iso));

        await queries.ListAsync(Purchasing, _ct);
        await queries.ListAsync(Contractor, _ct);
        Assert.Null(await queries.OverviewAsync("2685", Contractor, _ct));

        Assert.Equal(3, server.Commands.Count);
        Assert.Contains("[c].[contractor_id] = @", server.Commands[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeficiencyAndDeliverableQueries_Translate()
    {
        var server = new SqlServerWithoutServer();
        await using var db = server.CreateContext();
        var deficiencies = new DeficiencyQueries(db, Clock);
        var deliverables = new DeliverableQueries(db, Clock);

        await deficiencies.ListAsync(Purchasing, "2685", DeficiencyStatus.Open, DeficiencyKind.MissedWork, _ct);
        await deficiencies.OneAsync(Contractor, Guid.NewGuid(), _ct);
        await deficiencies.PhotoAsync(Contractor, Guid.NewGuid(), Guid.NewGuid(), _ct);
        await deliverables.ListAsync(Contractor, "2685", _ct);
        await deliverables.OneAsync(Purchasing, Guid.NewGuid(), _ct);
        await deliverables.DocumentAsync(Contractor, Guid.NewGuid(), _ct);

        Assert.Contains(server.Commands, c => c.Contains("FROM [deficiencies]", StringComparison.Ordinal));
        Assert.Contains(server.Commands, c => c.Contains("FROM [deliverables]", StringComparison.Ordinal));
        Assert.Contains(server.Commands, c => c.Contains("FROM [deficiency_photos]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InspectionQueries_Translate()
    {
        var server = new SqlServerWithoutServer();
        await using var db = server.CreateContext();
        var queries = new FieldContracts.Web.Features.Inspections.InspectionQueries(db);

        await queries.ListAsync(Contractor, "2685", _ct);
        await queries.OneAsync(Purchasing, "2685", Guid.NewGuid(), _ct);
        await queries.PhotoAsync(Contractor, "2685", Guid.NewGuid(), new string('a', 64), _ct);
        await FieldContracts.Web.Features.Shared.ContractSchools.LoadAsync(db, Contractor, "2685", _ct);
        await FieldContracts.Data.Notices.ContractorRecipients.OfContractAsync(db, Guid.NewGuid(), _ct);

        Assert.Contains(server.Commands, c => c.Contains("FROM [inspections]", StringComparison.Ordinal));
        Assert.Contains(server.Commands, c => c.Contains("FROM [contractors]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ScheduleQueries_Translate()
    {
        var server = new SqlServerWithoutServer();
        await using var db = server.CreateContext();
        var queries = new ScheduleQueries(db, Clock);
        var contract = new ScheduleContract(Guid.NewGuid(), "2685", "Athletic Fields; Maintenance Of",
            new DateInterval(new LocalDate(2003, 5, 15), new LocalDate(2004, 12, 31)), []);

        await queries.ContractAsync("2685", Contractor, _ct);
        await NoRowAfterTheQueriesAsync(server, () => queries.OccurrencesAsync(contract,
            new ScheduleFilter(new DateInterval(new LocalDate(2003, 7, 1), new LocalDate(2003, 7, 31)), Guid.NewGuid(), Scheduling.Specification.TaskKind.Mowing, true), _ct));
        await NoRowAfterTheQueriesAsync(server, () => queries.OccurrencesAsync(contract, new ScheduleFilter(null, null, null, false), _ct));
        await queries.OccurrenceAsync(contract, Guid.NewGuid(), Clock.GetCurrentInstant(), _ct);
        await queries.HistoryAsync(contract, _ct);

        Assert.Contains(server.Commands, c => c.Contains("[p].[planned_date] >= @", StringComparison.Ordinal));
        Assert.Contains(server.Commands, c => c.Contains("FROM [plan_fact_changes]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WorkLogQueries_Translate()
    {
        var server = new SqlServerWithoutServer();
        await using var db = server.CreateContext();
        var queries = new WorkLogQueries(db, Clock);

        await queries.PlannedAsync(Contractor, new LocalDate(2003, 7, 10), new LocalDate(2003, 7, 16), _ct);
        await queries.MissedAsync(Purchasing, _ct);
        await queries.FormAsync(Contractor, Guid.NewGuid(), _ct);
        await queries.NoticesAsync(Guid.NewGuid(), _ct);
        await queries.LogsAsync(Contractor, new LocalDate(2003, 7, 1), null, _ct);
        await queries.ReviewQueueAsync(Purchasing, _ct);
        await queries.ViewAsync(Contractor, Guid.NewGuid(), _ct);
        await queries.PhotoAsync(Contractor, Guid.NewGuid(), Guid.NewGuid(), _ct);

        Assert.Contains(server.Commands, c => c.Contains("FROM [work_logs]", StringComparison.Ordinal));
        Assert.Contains(server.Commands, c => c.Contains("FROM [work_log_photos]", StringComparison.Ordinal));
    }

    /// <summary>The outbox's claim and delivery updates (OutboxDeliveryHandler) as single UPDATE statements.</summary>
    [Fact]
    public async Task OutboxUpdates_Translate()
    {
        var server = new SqlServerWithoutServer();
        await using var db = server.CreateContext();
        var now = Clock.GetCurrentInstant();
        List<Guid> ids = [Guid.NewGuid(), Guid.NewGuid()];
        Instant? until = now + Duration.FromMinutes(5);

        await db.OutboxMessages
            .Where(m => ids.Contains(m.Id) && m.SentAt == null && m.GaveUpAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, "node/1").SetProperty(m => m.ClaimedUntil, until), _ct);
        await db.Occurrences.Where(o => o.Id == ids[0])
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Revision, o => o.Revision + 1).SetProperty(o => o.LastModified, now), _ct);
        await db.NoticeRecipients.Where(r => r.Id == ids[1]).ExecuteDeleteAsync(_ct);

        Assert.Equal(3, server.Commands.Count);
        Assert.StartsWith("UPDATE [o]", server.Commands[0].Split('\n').First(l => !l.StartsWith("DECLARE", StringComparison.Ordinal) && l.Length > 0).Trim(),
            StringComparison.Ordinal);
    }

    /// <summary>
    /// Runs code that goes on to read a row that must exist (a contract's settings): without a server there is none, so
    /// it stops there, after its queries were translated and sent.
    /// </summary>
    private static async Task NoRowAfterTheQueriesAsync(SqlServerWithoutServer server, Func<Task> run)
    {
        var before = server.Commands.Count;
        var stopped = await Assert.ThrowsAsync<InvalidOperationException>(run);
        Assert.Equal("Sequence contains no elements.", stopped.Message);
        Assert.True(server.Commands.Count > before);
    }

    private static ClaimsPrincipal User(string role, params Claim[] claims) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Role, role), new Claim(ClaimTypes.Name, $"{role}@hartford.example"), .. claims], "Test"));
}
