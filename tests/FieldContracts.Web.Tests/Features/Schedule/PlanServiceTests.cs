using FieldContracts.Scheduling.Planning;
using FieldContracts.Web.Features.Schedule;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FieldContracts.Web.Tests.Features.Schedule;

public abstract class PlanServiceTests(TestApp app)
{
    [Fact]
    public async Task ChangeAsync_AnotherChangeToTheSameWorkSavedMeanwhile_IsRefusedAndSavesNothing()
    {
        await using var first = app.Factory.Services.CreateAsyncScope();
        await using var second = app.Factory.Services.CreateAsyncScope();
        var db = first.ServiceProvider.GetRequiredService<FieldContracts.Data.FieldContractsDbContext>();
        var contractId = await db.Contracts.Where(c => c.Number == "2685").Select(c => c.Id).SingleAsync();
        var changesBefore = await db.PlanFactChanges.CountAsync();

        // The first change loads the plan; before it saves, a second change to the same mowings is saved.
        var (_, error) = await first.ServiceProvider.GetRequiredService<PlanService>().ChangeAsync(
            contractId, ReplanCause.DormancyDateChanged, "First", "a@hartford.example", (state, _, _) =>
            {
                var (saved, secondError) = second.ServiceProvider.GetRequiredService<SetYearFacts>()
                    .HandleAsync(contractId, 2004, null, new LocalDate(2004, 11, 5), "Second", "b@hartford.example", CancellationToken.None)
                    .GetAwaiter().GetResult();
                Assert.Null(secondError);
                Assert.NotNull(saved);
                var facts = new FieldContracts.Data.Planning.ContractYearFacts { ContractId = contractId, Year = 2004, Dormancy = new LocalDate(2004, 10, 20) };
                state.YearFacts.RemoveAll(f => f.Year == 2004);
                state.YearFacts.Add(facts);
                return PlanService.Edit.Done("2004 dormancy Oct 20");
            }, CancellationToken.None);

        Assert.IsType<PlanEditError.ChangedMeanwhile>(error);
        await using var check = app.Database.CreateContext();
        Assert.Equal(changesBefore + 1, await check.PlanFactChanges.CountAsync());
        Assert.Equal(new LocalDate(2004, 11, 5), (await check.ContractYearFacts.SingleAsync(f => f.ContractId == contractId && f.Year == 2004)).Dormancy);
    }
}

public sealed class PlanServiceTests_Sqlite(SqliteApp app) : PlanServiceTests(app), IClassFixture<SqliteApp>;

public sealed class PlanServiceTests_Postgres(PostgresApp app) : PlanServiceTests(app), IClassFixture<PostgresApp>;
