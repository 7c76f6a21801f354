using static FieldContracts.Web.Tests.Features.Shared.DocumentText;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsvHelper;
using FieldContracts.Web.Features.Billing;
using FieldContracts.Web.Tests.Features.Performance;
using static FieldContracts.Web.Tests.Features.Billing.BillingFlow;

namespace FieldContracts.Web.Tests.Features.Billing;

/// <summary>
/// #2685's invoices as Finance downloads them, through August 2003: the demo's May 15–31 and June installments (May's
/// approved and paid by check CK-10442), July's with mowing at two schools, a missed lump-sum task taken off and Weaver's
/// mowing excluded by the Athletic Director, and August's, wiped out by a $5,000.00 set-off and carrying the rest. For
/// every invoice the CSV rows not excluded add up to its <c>invoice_net</c>, which is the API's net and the PDF's
/// "Net payable", to the cent.
/// </summary>
public abstract partial class InvoiceExportApiTests(TestApp app)
{
    [Fact]
    public async Task Csv_RowsAddUpToTheNet_OfTheApiAndThePdf_ForEveryInvoice()
    {
        var (july, august) = await ThroughAugust2003Async();
        var finance = await FinanceAsync(app);

        var response = await finance.GetAsync("/contracts/2685/invoices.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("invoices-2685.csv", response.Content.Headers.ContentDisposition?.FileName);
        var (headers, rows) = ReadCsv(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(InvoiceCsv.Columns, headers);
        var invoices = rows.GroupBy(r => r["invoice_number"]).ToList();
        Assert.Equal(["2685-01", "2685-02", "2685-03", "2685-04"], invoices.Select(i => i.Key));

        foreach (var invoice in invoices)
        {
            var lines = invoice.ToList();
            var net = Parse(lines.Select(r => r["invoice_net"]).Distinct().Single());
            var sum = lines.Where(r => r["excluded"] == "false").Sum(r => Parse(r["amount"]));
            var id = await InvoiceIdAsync(app, int.Parse(invoice.Key[5..], CultureInfo.InvariantCulture));
            var api = await InvoiceAsync(finance, id);
            var pdf = await finance.GetByteArrayAsync($"/contracts/2685/invoices/{id}/invoice.pdf");
            var netPayable = NetPayable().Match(CaseFlow.PdfText(pdf));

            Assert.True(netPayable.Success, $"{invoice.Key}: no \"Net payable\" in the PDF");
            Assert.Equal((net, net, net), (sum, Net(api), Parse(netPayable.Groups[1].Value.Replace(",", "", StringComparison.Ordinal))));
            Assert.Equal(api.GetProperty("lines").GetArrayLength(), lines.Count);
        }

        var may = Assert.Single(invoices, i => i.Key == "2685-01").First();
        Assert.Equal(("Paid", "2003-08-01", "2003-09-15", "2003-08-01", "CK-10442"),
            (may["status"], may["approved_on"], may["due_on"], may["paid_on"], may["payment_reference"]));
        var julyRows = invoices.Single(i => i.Key == "2685-03").ToList();
        var excluded = Assert.Single(julyRows, r => r["excluded"] == "true");
        Assert.Equal(("Services", "2", "WHS", "1", "385.00", "385.00", "Weaver's July mowing was not seen on the July 22 walk-through"),
            (excluded["kind"], excluded["item"], excluded["school"], excluded["quantity"], excluded["unit_price"], excluded["amount"], excluded["exclusion_reason"]));
        var mowing = Assert.Single(julyRows, r => r["kind"] == "Services" && r["school"] == "HPHS");
        Assert.Equal(("2", "385.00", "770.00", "false"), (mowing["quantity"], mowing["unit_price"], mowing["amount"], mowing["excluded"]));
        Assert.Equal("-425.00", Assert.Single(julyRows, r => r["kind"] == "MissedWork")["amount"]);
        Assert.Equal(Net(july), Parse(julyRows[0]["invoice_net"]));
        var augustRows = invoices.Single(i => i.Key == "2685-04").ToList();
        Assert.Equal("0.00", augustRows[0]["invoice_net"]);
        Assert.Equal("-5000.00", Assert.Single(augustRows, r => r["kind"] == "Adjustment")["amount"]);
        Assert.Equal(Amount(august.GetProperty("carriedOut")), Parse(Assert.Single(augustRows, r => r["kind"] == "CarriedOut")["amount"]));
        Assert.True(Amount(august.GetProperty("carriedOut")) > 0);
    }

    [Fact]
    public async Task Csv_AnotherContractor_NotFound_OwnContractorGetsTheSameRowsAsFinance()
    {
        var other = await app.SignedInAsync(TestApp.OtherContractorEmail);
        var crew = await CrewAsync(app);
        var finance = await FinanceAsync(app);

        var refused = await other.GetAsync("/contracts/2685/invoices.csv");
        var nothing = await finance.GetAsync("/contracts/0000/invoices.csv");

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain("2685-0", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, nothing.StatusCode);
        Assert.Equal(await finance.GetByteArrayAsync("/contracts/2685/invoices.csv"), await crew.GetByteArrayAsync("/contracts/2685/invoices.csv"));
        var (_, ownRows) = ReadCsv(await other.GetByteArrayAsync($"/contracts/{TestApp.OtherContractNumber}/invoices.csv"));
        Assert.Empty(ownRows);
    }

    /// <summary>July and August 2003 submitted, July certified with Weaver's mowing excluded; May 15–31 approved and paid.</summary>
    private async Task<(JsonElement July, JsonElement August)> ThroughAugust2003Async()
    {
        SetToday(app, Day(7, 10));
        var missed = (await OpenMissedWorkAsync(app, "BHS", LumpSumItems))[0];
        await ExpectAsync(await PostAsync(await CrewAsync(app), $"/api/deficiencies/{missed}/acknowledge", new { text = "Missed; we will make it good." }),
            HttpStatusCode.OK);
        var from = Day(7, 14);
        for (var i = 0; i < 2; i++)
        {
            from = (await LogMowingAsync(app, "HPHS", from)).Day.PlusDays(1);
        }

        await LogMowingAsync(app, "WHS", Day(7, 14));

        SetToday(app, Day(8, 1));
        var crew = await CrewAsync(app);
        var director = await DirectorAsync(app);
        var finance = await FinanceAsync(app);
        var submitted = await ExpectAsync(await SubmitAsync(crew, 3), HttpStatusCode.OK);
        var weaver = Assert.Single(Lines(submitted, "Services"), l => l.GetProperty("school").GetString() == "WHS").GetProperty("number").GetInt32();
        var july = await ExpectAsync(await CertifyAsync(director, submitted.GetProperty("id").GetGuid(),
            new { line = weaver, reason = "Weaver's July mowing was not seen on the July 22 walk-through" }), HttpStatusCode.OK);
        // 31/597 of the lump sums, $2,766.90, with three mowings at $385.00, less $425.00 for the missed task at Bulkeley.
        Assert.Equal(2766.90m + (3 * MowingPrice) - LumpSumDeduction, Net(submitted));
        Assert.Equal(Net(submitted) - MowingPrice, Net(july));
        var may = await InvoiceIdAsync(app, 1);
        await ExpectAsync(await ApproveAsync(finance, may), HttpStatusCode.OK);
        await ExpectAsync(await PostAsync(finance, $"{Invoices}/{may}/payment", new { paidOn = "2003-08-01", method = "Check", reference = "CK-10442" }),
            HttpStatusCode.OK);

        SetToday(app, Day(8, 20));
        await ExpectAsync(await PostAsync(await PurchasingAsync(app), "/api/contracts/2685/adjustments",
            new { on = "2003-08-20", amount = -5000.00m, reason = "Set-off of the City's cost to re-sod the Bulkeley infield damaged by the contractor" }),
            HttpStatusCode.OK);

        SetToday(app, Day(9, 1));
        var august = await ExpectAsync(await SubmitAsync(crew, 4), HttpStatusCode.OK);
        Assert.Equal((0m, 5000.00m - 2766.90m), (Net(august), Amount(august.GetProperty("carriedOut"))));
        return (july, august);
    }

    [GeneratedRegex(@"Net payable \$([0-9,]+\.[0-9]{2})")]
    private static partial Regex NetPayable();
}

public sealed class InvoiceExportApiTests_Sqlite(SqliteApp app) : InvoiceExportApiTests(app), IClassFixture<SqliteApp>;

public sealed class InvoiceExportApiTests_Postgres(PostgresApp app) : InvoiceExportApiTests(app), IClassFixture<PostgresApp>;
