using System.Text.Json;
using static FieldContracts.Web.Tests.Features.Billing.BillingFlow;

namespace FieldContracts.Web.Tests.Features.Billing;

/// <summary>
/// Work paid by a school's lump sum (item 1) that was not performed is taken off at its deduction value, $425.00, on
/// the installment of the period in which the deficiency was confirmed: acknowledged by the contractor or upheld by
/// Purchasing. Missed mowing is paid per visit, so it is never earned and nothing is taken off; an open deficiency waits.
/// The nightly pass of July 10, 2003 raises the missed work.
/// </summary>
public abstract class MissedWorkDeductionApiTests(TestApp app)
{
    [Fact]
    public async Task LumpSumWorkMissed_AcknowledgedJuly10_425OffJulysInstallment()
    {
        SetToday(app, Day(7, 10));
        var lumpSumWork = await OpenMissedWorkAsync(app, "HPHS", LumpSumItems);
        var mowing = await OpenMissedWorkAsync(app, "HPHS", MowingItems);
        Assert.True(lumpSumWork.Count >= 2, $"{lumpSumWork.Count} missed lump-sum occurrences at HPHS");
        var (acknowledged, open) = (lumpSumWork[0], lumpSumWork[1]);
        var crew = await CrewAsync(app);
        await ExpectAsync(await PostAsync(crew, $"/api/deficiencies/{acknowledged}/acknowledge", new { text = "Missed; the crew will make it good next week." }), HttpStatusCode.OK);
        await ExpectAsync(await PostAsync(crew, $"/api/deficiencies/{mowing[0]}/acknowledge", new { text = "Mower down that week." }), HttpStatusCode.OK);

        SetToday(app, Day(8, 1));
        var july = await DraftAsync(crew, 3);

        var deduction = Assert.Single(Lines(july, "MissedWork"));
        Assert.Equal(("1", "HPHS"), (deduction.GetProperty("item").GetString(), deduction.GetProperty("school").GetString()));
        Assert.Equal(1m, deduction.GetProperty("quantity").GetDecimal());
        Assert.Equal(LumpSumDeduction, Amount(deduction.GetProperty("unitPrice")));
        Assert.Equal(-LumpSumDeduction, Amount(deduction.GetProperty("amount")));
        Assert.Contains(acknowledged, Sources(deduction));
        Assert.Equal("Item 1 not performed: 1 × $425.00", deduction.GetProperty("description").GetString());
        AssertAmounts(LumpSumsOf31Days, LumpSums(july));
        Assert.Equal(2766.90m - LumpSumDeduction, Net(july));
        Assert.Equal(LumpSumDeduction, Amount(july.GetProperty("deducted")));
        var openOccurrence = await OccurrenceOfAsync(open);
        var waiting = Assert.Single(Notes(await OverviewAsync(crew)), n => n.GetProperty("sourceId").GetGuid() == openOccurrence);
        Assert.Equal(("AwaitingDecision", LumpSumDeduction), (waiting.GetProperty("kind").GetString(), Amount(waiting.GetProperty("amount"))));
    }

    [Fact]
    public async Task LumpSumWorkMissed_UpheldAugust5_425OffAugustsInstallment_NotJulys()
    {
        SetToday(app, Day(7, 10));
        var missed = (await OpenMissedWorkAsync(app, "WHS", LumpSumItems))[0];
        var occurrence = await OccurrenceOfAsync(missed);
        var purchasing = await PurchasingAsync(app);
        SetToday(app, Day(8, 5));
        await ExpectAsync(await PostAsync(purchasing, $"/api/deficiencies/{missed}/uphold", new { text = "Not done by the end of its window; no answer from the contractor." }), HttpStatusCode.OK);

        SetToday(app, Day(8, 10));
        var crew = await CrewAsync(app);
        var note = Assert.Single(Notes(await OverviewAsync(crew)), n => n.GetProperty("sourceId").GetGuid() == occurrence);
        Assert.Equal(("NextInstallment", LumpSumDeduction), (note.GetProperty("kind").GetString(), Amount(note.GetProperty("amount"))));

        SetToday(app, Day(9, 1));
        var july = await DraftAsync(crew, 3);
        var august = await DraftAsync(crew, 4);

        Assert.DoesNotContain(Lines(july, "MissedWork"), l => Sources(l).Contains(missed));
        var deduction = Assert.Single(Lines(august, "MissedWork"), l => Sources(l).Contains(missed));
        Assert.Equal(("1", "WHS", -LumpSumDeduction), (deduction.GetProperty("item").GetString(), deduction.GetProperty("school").GetString(),
            Amount(deduction.GetProperty("amount"))));
    }

    private static IEnumerable<JsonElement> Notes(JsonElement overview) => overview.GetProperty("notes").EnumerateArray();

    private async Task<Guid> OccurrenceOfAsync(Guid deficiency)
    {
        await using var db = app.Database.CreateContext();
        return db.Deficiencies.Where(d => d.Id == deficiency).Select(d => d.OccurrenceId!.Value).Single();
    }
}

public sealed class MissedWorkDeductionApiTests_Sqlite(SqliteApp app) : MissedWorkDeductionApiTests(app), IClassFixture<SqliteApp>;

public sealed class MissedWorkDeductionApiTests_Postgres(PostgresApp app) : MissedWorkDeductionApiTests(app), IClassFixture<PostgresApp>;
