using System.Text.Json;
using static FieldContracts.Web.Tests.Features.Billing.BillingFlow;

namespace FieldContracts.Web.Tests.Features.Billing;

/// <summary>
/// Mowing is paid per school per visit (item 2, $385.00 on the sample bid schedule), for visits the Athletic Director
/// verified: services "actually received" (special instruction 8). Three verified July 2003 mowings at Hartford Public
/// come to 3 × $385.00 on July's invoice; a Weaver mowing of July verified only after July's invoice was submitted is
/// paid on August's, once.
/// </summary>
public abstract class ServicesApiTests(TestApp app)
{
    [Fact]
    public async Task VerifiedJulyMowings_OnJulysInvoice_NTimes385_ALateVerifiedOne_OnAugustsOnly()
    {
        var hphs = new List<Guid>();
        var from = Day(7, 1);
        for (var i = 0; i < 3; i++)
        {
            var (visit, day) = await LogMowingAsync(app, "HPHS", from);
            Assert.Equal(7, day.Month);
            hphs.Add(visit);
            from = day.PlusDays(1);
        }

        var (late, lateDay) = await LogMowingAsync(app, "WHS", Day(7, 14), verify: false);
        Assert.Equal(7, lateDay.Month);

        SetToday(app, Day(8, 1));
        var crew = await CrewAsync(app);
        var draft = await DraftAsync(crew, 3);

        var services = Assert.Single(Lines(draft, "Services"));
        AssertMowing(services, "HPHS", 3, hphs);
        AssertAmounts(LumpSumsOf31Days, LumpSums(draft));
        Assert.Equal(2766.90m + (3 * MowingPrice), Net(draft));
        Assert.Equal(3921.90m, Net(draft));
        var awaiting = Assert.Single((await OverviewAsync(crew)).GetProperty("notes").EnumerateArray(), n => n.GetProperty("sourceId").GetGuid() == late);
        Assert.Equal("AwaitingVerification", awaiting.GetProperty("kind").GetString());

        var submitted = await ExpectAsync(await SubmitAsync(crew, 3), HttpStatusCode.OK);
        var july = submitted.GetProperty("id").GetGuid();
        AssertMowing(Assert.Single(Lines(submitted, "Services")), "HPHS", 3, hphs);
        Assert.Equal(Net(draft), Net(submitted));

        SetToday(app, Day(8, 2));
        await VerifyAsync(app, late);
        var next = Assert.Single((await OverviewAsync(crew)).GetProperty("notes").EnumerateArray(), n => n.GetProperty("sourceId").GetGuid() == late);
        Assert.Equal("NextInstallment", next.GetProperty("kind").GetString());

        SetToday(app, Day(9, 1));
        var august = await DraftAsync(crew, 4);
        var julyInvoice = await InvoiceAsync(crew, july);

        AssertMowing(Assert.Single(Lines(august, "Services")), "WHS", 1, [late]);
        Assert.DoesNotContain(Lines(julyInvoice, "Services"), l => Sources(l).Contains(late));
        Assert.Equal(1, new[] { julyInvoice, august }.SelectMany(i => i.GetProperty("lines").EnumerateArray()).Count(l => Sources(l).Contains(late)));
        Assert.All(hphs, visit => Assert.DoesNotContain(august.GetProperty("lines").EnumerateArray(), l => Sources(l).Contains(visit)));
        Assert.Equal(Net(submitted), Net(julyInvoice));
    }

    private static void AssertMowing(JsonElement line, string school, int visits, IReadOnlyList<Guid> sources)
    {
        Assert.Equal(("2", school), (line.GetProperty("item").GetString(), line.GetProperty("school").GetString()));
        Assert.Equal(visits, line.GetProperty("quantity").GetDecimal());
        Assert.Equal(MowingPrice, Amount(line.GetProperty("unitPrice")));
        Assert.Equal(visits * MowingPrice, Amount(line.GetProperty("amount")));
        Assert.Equal(sources.Order(), Sources(line).Order());
        Assert.Equal($"Item 2 Mowing, per visit (spec IV, 2d, 3c, 4a, 5a): {visits} × $385.00 per visit", line.GetProperty("description").GetString());
    }
}

public sealed class ServicesApiTests_Sqlite(SqliteApp app) : ServicesApiTests(app), IClassFixture<SqliteApp>;

public sealed class ServicesApiTests_Postgres(PostgresApp app) : ServicesApiTests(app), IClassFixture<PostgresApp>;
