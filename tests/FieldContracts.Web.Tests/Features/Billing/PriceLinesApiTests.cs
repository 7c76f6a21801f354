using System.Text.Json;
using static FieldContracts.Web.Tests.Features.Billing.BillingFlow;

namespace FieldContracts.Web.Tests.Features.Billing;

/// <summary>
/// #2685's sample bid schedule (special instruction 1): a lump sum per school for everything but mowing, and mowing per
/// visit per school at $385.00 for an estimated 61 visits. Its estimated totals reconcile to the cent per school and
/// for the contract, $123,740.00; Purchasing changes a price only with a reason, in whole cents, keeping the earlier
/// version; nobody else changes it.
/// </summary>
public abstract class PriceLinesApiTests(TestApp app)
{
    private const string PriceLines = "/api/contracts/2685/price-lines";

    [Fact]
    public async Task Schedule_TotalsReconcile_ThenPurchasingChangesHartfordPublicsMowing_TwoRevisions()
    {
        SetToday(app, Day(7, 10));
        var purchasing = await PurchasingAsync(app);
        var finance = await FinanceAsync(app);
        var before = await GetJsonAsync(finance, PriceLines);

        Assert.Equal(6, before.GetProperty("lines").GetArrayLength());
        Assert.Equal(18_450.00m + 17_960.00m + 16_875.00m + (3 * 61 * 385.00m), Amount(before.GetProperty("total")));
        Assert.Equal(123_740.00m, Amount(before.GetProperty("total")));
        AssertAmounts(new Dictionary<string, decimal> { ["BHS"] = 40_360.00m, ["HPHS"] = 41_935.00m, ["WHS"] = 41_445.00m }, SchoolTotals(before));
        AssertReconciles(before);
        var mowing = Line(before, "HPHS", "2");
        Assert.Equal(("UnitPrice", "visit", 61m, MowingPrice), (mowing.GetProperty("basis").GetString(), mowing.GetProperty("unit").GetString(),
            mowing.GetProperty("estimatedQuantity").GetDecimal(), Amount(mowing.GetProperty("unitPrice"))));
        Assert.Equal(MowingItems, mowing.GetProperty("covers").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(LumpSumDeduction, Amount(Line(before, "HPHS", "1").GetProperty("deductionValue")));
        var invoicesBefore = (await GetJsonAsync(finance, Invoices)).EnumerateArray().Select(Net).ToList();

        var changed = await purchasing.PutAsync($"{PriceLines}/{mowing.GetProperty("id").GetGuid()}",
            WorkLogs.WorkLogFixtures.Json(Body(390.00m, "Awarded price for Hartford Public's mowing entered from the signed bid schedule")));

        var after = await ExpectAsync(changed, HttpStatusCode.OK);
        var revised = Line(after, "HPHS", "2");
        Assert.Equal(390.00m, Amount(revised.GetProperty("unitPrice")));
        Assert.Equal(61 * 390.00m, Amount(revised.GetProperty("estimatedTotal")));
        var history = revised.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal([1, 2], history.Select(h => h.GetProperty("revision").GetInt32()));
        Assert.Equal([MowingPrice, 390.00m], history.Select(h => Amount(h.GetProperty("unitPrice"))));
        Assert.Equal("Awarded price for Hartford Public's mowing entered from the signed bid schedule", history[1].GetProperty("reason").GetString());
        Assert.Equal(TestApp.EmailOf(Roles.Purchasing), history[1].GetProperty("changedBy").GetString());
        Assert.Equal(18_450.00m + (61 * 390.00m), SchoolTotals(after)["HPHS"]);
        Assert.Equal(123_740.00m + (61 * 5.00m), Amount(after.GetProperty("total")));
        AssertReconciles(after);
        Assert.Equal(Amount(after.GetProperty("total")), Amount((await GetJsonAsync(finance, PriceLines)).GetProperty("total")));
        // Invoices already submitted keep their figures.
        Assert.Equal(invoicesBefore, (await GetJsonAsync(finance, Invoices)).EnumerateArray().Select(Net));
    }

    [Fact]
    public async Task Change_WithoutReason_FractionalCent_OrByAnyoneButPurchasing_RefusedWithNothingWritten()
    {
        SetToday(app, Day(7, 10));
        var purchasing = await PurchasingAsync(app);
        var schedule = await GetJsonAsync(purchasing, PriceLines);
        var weaver = Line(schedule, "WHS", "2");
        var path = $"{PriceLines}/{weaver.GetProperty("id").GetGuid()}";

        var noReason = await ExpectAsync(await purchasing.PutAsync(path, WorkLogs.WorkLogFixtures.Json(Body(390.00m, null))), HttpStatusCode.BadRequest);
        var blank = await ExpectAsync(await purchasing.PutAsync(path, WorkLogs.WorkLogFixtures.Json(Body(390.00m, "  "))), HttpStatusCode.BadRequest);
        var fraction = await ExpectAsync(await purchasing.PutAsync(path, WorkLogs.WorkLogFixtures.Json(Body(385.005m, "Typed from the bid"))),
            HttpStatusCode.BadRequest);
        var forbidden = new List<HttpStatusCode>();
        foreach (var client in new[] { await CrewAsync(app), await DirectorAsync(app), await FinanceAsync(app) })
        {
            forbidden.Add((await client.PutAsync(path, WorkLogs.WorkLogFixtures.Json(Body(500.00m, "Our price went up")))).StatusCode);
        }

        Assert.NotEmpty(Errors(noReason, "reason"));
        Assert.NotEmpty(Errors(blank, "reason"));
        Assert.Equal(["Dollars and whole cents only, e.g. 385.00."], Errors(fraction, "unitPrice"));
        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], forbidden);
        var unchanged = Line(await GetJsonAsync(purchasing, PriceLines), "WHS", "2");
        Assert.Equal(MowingPrice, Amount(unchanged.GetProperty("unitPrice")));
        Assert.Equal(1, unchanged.GetProperty("history").GetArrayLength());
    }

    private static object Body(decimal unitPrice, string? reason) => new
    {
        description = "Mowing, per visit (spec IV, 2d, 3c, 4a, 5a)",
        unit = "visit",
        estimatedQuantity = 61m,
        unitPrice,
        covers = "2d, 3c, 4a, 5a",
        sample = true,
        reason,
    };

    private static JsonElement Line(JsonElement schedule, string school, string item) =>
        Assert.Single(schedule.GetProperty("lines").EnumerateArray(), l => l.GetProperty("school").GetString() == school && l.GetProperty("item").GetString() == item);

    private static Dictionary<string, decimal> SchoolTotals(JsonElement schedule) =>
        schedule.GetProperty("schools").EnumerateArray().ToDictionary(s => s.GetProperty("school").GetString()!, s => Amount(s.GetProperty("estimated")));

    /// <summary>Each line's estimate is its quantity times its price; each school's, its lines'; the contract's, its schools'.</summary>
    private static void AssertReconciles(JsonElement schedule)
    {
        var lines = schedule.GetProperty("lines").EnumerateArray().ToList();
        Assert.All(lines, l => Assert.Equal(l.GetProperty("estimatedQuantity").GetDecimal() * Amount(l.GetProperty("unitPrice")), Amount(l.GetProperty("estimatedTotal"))));
        var bySchool = lines.GroupBy(l => l.GetProperty("school").GetString()!).ToDictionary(g => g.Key, g => g.Sum(l => Amount(l.GetProperty("estimatedTotal"))));
        AssertAmounts(bySchool, SchoolTotals(schedule));
        Assert.Equal(lines.Sum(l => Amount(l.GetProperty("estimatedTotal"))), Amount(schedule.GetProperty("total")));
        Assert.Equal(SchoolTotals(schedule).Values.Sum(), Amount(schedule.GetProperty("total")));
    }
}

public sealed class PriceLinesApiTests_Sqlite(SqliteApp app) : PriceLinesApiTests(app), IClassFixture<SqliteApp>;

public sealed class PriceLinesApiTests_Postgres(PostgresApp app) : PriceLinesApiTests(app), IClassFixture<PostgresApp>;
