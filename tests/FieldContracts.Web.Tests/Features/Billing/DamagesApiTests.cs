using System.Text.Json;
using static FieldContracts.Web.Tests.Features.Billing.BillingFlow;

namespace FieldContracts.Web.Tests.Features.Billing;

/// <summary>
/// Liquidated damages (special instruction 10) on #2685's missed mowings, at the sample rate of $100.00 per missed
/// occurrence: assessed only on a deficiency Purchasing upheld; an undisputed assessment of July 10, 2003 stands on
/// July 21, the day after its 10-day dispute period, and is taken on July's installment once; a disputed one is taken
/// on the installment of the period in which Purchasing decides (August 12: August's).
/// </summary>
public abstract class DamagesApiTests(TestApp app)
{
    private const decimal SampleRate = 100.00m;

    [Fact]
    public async Task Assess_OpenOrUnknownDeficiency_RefusedAtDeficiencyId_NothingWritten()
    {
        SetToday(app, Day(7, 10));
        var open = (await OpenMissedWorkAsync(app, "HPHS", MowingItems))[0];
        var purchasing = await PurchasingAsync(app);
        var director = await DirectorAsync(app);

        var onOpen = await ExpectAsync(await PostAsync(purchasing, "/api/contracts/2685/damages",
            new { deficiencyId = open, evidence = "Mowing missed at Hartford Public." }), HttpStatusCode.BadRequest);
        var onUnknown = await ExpectAsync(await PostAsync(purchasing, "/api/contracts/2685/damages",
            new { deficiencyId = Guid.NewGuid(), evidence = "No such deficiency." }), HttpStatusCode.BadRequest);
        var without = await ExpectAsync(await PostAsync(purchasing, "/api/contracts/2685/damages", new { evidence = "Which one?" }), HttpStatusCode.BadRequest);
        var byDirector = await PostAsync(director, "/api/contracts/2685/damages", new { deficiencyId = open, evidence = "Not mine to assess." });

        Assert.Equal(["Damages are assessed only on a deficiency Purchasing upheld; this one is open."], Errors(onOpen, "deficiencyId"));
        Assert.NotEmpty(Errors(onUnknown, "deficiencyId"));
        Assert.NotEmpty(Errors(without, "deficiencyId"));
        Assert.Equal(HttpStatusCode.Forbidden, byDirector.StatusCode);
        var assessed = await GetJsonAsync(purchasing, "/api/contracts/2685/damages");
        Assert.DoesNotContain(assessed.EnumerateArray(), a => a.GetProperty("deficiencyId").GetGuid() == open);
    }

    [Fact]
    public async Task Undisputed_StandsJuly21_OnJulyOnly_Disputed_TakenInAugustOnceUpheldAugust12()
    {
        SetToday(app, Day(7, 10));
        var disputedDeficiency = (await OpenMissedWorkAsync(app, "BHS", MowingItems))[0];
        var undisputedDeficiency = (await OpenMissedWorkAsync(app, "WHS", MowingItems))[0];
        var purchasing = await PurchasingAsync(app);
        var crew = await CrewAsync(app);
        foreach (var deficiency in new[] { disputedDeficiency, undisputedDeficiency })
        {
            await ExpectAsync(await PostAsync(purchasing, $"/api/deficiencies/{deficiency}/uphold", new { text = "Nobody mowed in the window." }), HttpStatusCode.OK);
        }

        var disputed = await AssessAsync(purchasing, disputedDeficiency);
        var undisputed = await AssessAsync(purchasing, undisputedDeficiency);
        Assert.Equal("2003-07-20", undisputed.GetProperty("disputeBy").GetString());
        Assert.True(undisputed.GetProperty("isSampleRate").GetBoolean());
        Assert.Equal((SampleRate, SampleRate), (Amount(undisputed.GetProperty("amount")), Amount(undisputed.GetProperty("scheduleAmount"))));
        await ExpectAsync(await PostAsync(purchasing, "/api/contracts/2685/damages",
            new { deficiencyId = undisputedDeficiency, evidence = "Again." }), HttpStatusCode.Conflict);

        SetToday(app, Day(7, 15));
        var dispute = await ExpectAsync(await PostAsync(crew, $"/api/contracts/2685/damages/{Id(disputed)}/dispute",
            new { reason = "Bulkeley's fields were closed for the summer camp that week; the City asked us to stay off." }), HttpStatusCode.OK);
        Assert.Equal("Disputed", dispute.GetProperty("status").GetString());

        SetToday(app, Day(7, 21));
        var standing = await GetJsonAsync(purchasing, "/api/contracts/2685/damages");
        Assert.Equal("2003-07-21", One(standing, undisputed).GetProperty("standsOn").GetString());
        Assert.Equal(JsonValueKind.Null, One(standing, disputed).GetProperty("standsOn").ValueKind);

        SetToday(app, Day(8, 1));
        var julyDraft = await DraftAsync(crew, 3);
        var julyDamages = Assert.Single(Lines(julyDraft, "LiquidatedDamages"));
        Assert.Equal(-SampleRate, Amount(julyDamages.GetProperty("amount")));
        Assert.Equal([Id(undisputed), undisputedDeficiency], Sources(julyDamages));
        Assert.Equal("Liquidated damages, MissedWork (sample rate)", julyDamages.GetProperty("description").GetString());
        var note = Assert.Single((await OverviewAsync(crew)).GetProperty("notes").EnumerateArray(), n => n.GetProperty("sourceId").GetGuid() == Id(disputed));
        Assert.Equal("AwaitingDecision", note.GetProperty("kind").GetString());
        Assert.Contains("disputed", note.GetProperty("why").GetString(), StringComparison.Ordinal);
        Assert.Equal(SampleRate, Amount(note.GetProperty("amount")));
        var july = await ExpectAsync(await SubmitAsync(crew, 3), HttpStatusCode.OK);
        Assert.Equal(Net(julyDraft), Net(july));

        SetToday(app, Day(8, 12));
        var upheld = await ExpectAsync(await PostAsync(purchasing, $"/api/contracts/2685/damages/{Id(disputed)}/uphold",
            new { reason = "The City closed no field that week; the camp used the gym." }), HttpStatusCode.OK);
        Assert.Equal(("Upheld", "2003-08-12"), (upheld.GetProperty("status").GetString(), upheld.GetProperty("standsOn").GetString()));

        SetToday(app, Day(9, 1));
        var august = await DraftAsync(crew, 4);
        var augustDamages = Assert.Single(Lines(august, "LiquidatedDamages"));
        Assert.Equal([Id(disputed), disputedDeficiency], Sources(augustDamages));
        Assert.Equal(-SampleRate, Amount(augustDamages.GetProperty("amount")));
        var julyInvoice = await InvoiceAsync(crew, july.GetProperty("id").GetGuid());
        Assert.DoesNotContain(Lines(julyInvoice, "LiquidatedDamages"), l => Sources(l).Contains(Id(disputed)));
        var assessments = await GetJsonAsync(purchasing, "/api/contracts/2685/damages");
        Assert.Equal(july.GetProperty("id").GetGuid(), One(assessments, undisputed).GetProperty("invoiceId").GetGuid());
        Assert.Equal(JsonValueKind.Null, One(assessments, disputed).GetProperty("invoiceId").ValueKind);
    }

    private static Guid Id(JsonElement assessment) => assessment.GetProperty("id").GetGuid();

    private static JsonElement One(JsonElement assessments, JsonElement assessment) =>
        Assert.Single(assessments.EnumerateArray(), a => a.GetProperty("id").GetGuid() == Id(assessment));

    private static async Task<JsonElement> AssessAsync(HttpClient purchasing, Guid deficiency)
    {
        var assessed = await ExpectAsync(await PostAsync(purchasing, "/api/contracts/2685/damages",
            new { deficiencyId = deficiency, evidence = "Mowing missed in its window; upheld by Purchasing on July 10, 2003." }), HttpStatusCode.OK);
        Assert.Equal(("Assessed", "2003-07-10"), (assessed.GetProperty("status").GetString(), assessed.GetProperty("assessedOn").GetString()));
        Assert.Equal(deficiency, assessed.GetProperty("deficiencyId").GetGuid());
        return assessed;
    }
}

public sealed class DamagesApiTests_Sqlite(SqliteApp app) : DamagesApiTests(app), IClassFixture<SqliteApp>;

public sealed class DamagesApiTests_Postgres(PostgresApp app) : DamagesApiTests(app), IClassFixture<PostgresApp>;
