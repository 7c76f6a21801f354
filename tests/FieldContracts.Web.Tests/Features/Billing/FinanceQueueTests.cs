using System.Text.Json;
using FieldContracts.Web.Tests.Features.Performance;
using static FieldContracts.Web.Tests.Features.Billing.BillingFlow;

namespace FieldContracts.Web.Tests.Features.Billing;

/// <summary>
/// Finance's queue for #2685 from July 10, 2003: the demo's two installments await approval ($1,517.33 for May 15–31,
/// $2,677.64 for June); the first, approved, is due on August 24 and three days overdue on August 27; once its check
/// CK-10442 is recorded, paid to date rises by its net, for the contract and, line by line, for its schools.
/// </summary>
public abstract class FinanceQueueTests(TestApp app)
{
    private const string Queue = "/api/finance/queue";

    [Fact]
    public async Task AwaitingApproval_ThenDue_ThenPaid_PaidToDateRisesByTheNet()
    {
        SetToday(app, Day(7, 10));
        var finance = await FinanceAsync(app);
        var may = await InvoiceIdAsync(app, 1);
        var june = await InvoiceIdAsync(app, 2);

        var waiting = await GetJsonAsync(finance, Queue);

        Assert.Equal("2003-07-10", waiting.GetProperty("today").GetString());
        Assert.Equal([("2685-01", Period1Net, "2003-07-01"), ("2685-02", Period2Net, "2003-07-01")], Awaiting(waiting));
        Assert.All(waiting.GetProperty("awaitingApproval").EnumerateArray(), q =>
        {
            Assert.Equal("Awaiting approval", q.GetProperty("status").GetString());
            Assert.Equal((TestApp.EmailOf(Roles.Contractor), TestApp.EmailOf(Roles.AthleticDirector)),
                (q.GetProperty("submittedBy").GetString(), q.GetProperty("certifiedBy").GetString()));
            Assert.Equal(0, q.GetProperty("deductions").GetArrayLength());
        });
        Assert.Equal(0, waiting.GetProperty("due").GetArrayLength());
        var before = Contract(waiting);
        Assert.Equal((0m, 0m, 123_740.00m), (Amount(before.GetProperty("paidToDate")), Amount(before.GetProperty("approvedUnpaid")),
            Amount(before.GetProperty("estimatedTotal"))));

        var voucher = $"/contracts/2685/invoices/{may}/voucher.pdf";
        await ExpectAsync(await finance.GetAsync(voucher), HttpStatusCode.Conflict);
        await ExpectAsync(await ApproveAsync(finance, may), HttpStatusCode.OK);
        var approved = await GetJsonAsync(finance, Queue);
        var voucherText = CaseFlow.PdfText(await finance.GetByteArrayAsync(voucher));
        Assert.Contains("Amount approved $1,517.33", voucherText, StringComparison.Ordinal);
        Assert.Contains("Due on Sunday, August 24, 2003", voucherText, StringComparison.Ordinal);

        Assert.Equal([("2685-02", Period2Net, "2003-07-01")], Awaiting(approved));
        var due = Assert.Single(approved.GetProperty("due").EnumerateArray());
        Assert.Equal((may, "Approved, payment due", "2003-08-24", 0, Period1Net),
            (due.GetProperty("id").GetGuid(), due.GetProperty("status").GetString(), due.GetProperty("dueOn").GetString(),
                due.GetProperty("daysOverdue").GetInt32(), Net(due)));
        Assert.Equal((0m, Period1Net), (Amount(Contract(approved).GetProperty("paidToDate")), Amount(Contract(approved).GetProperty("approvedUnpaid"))));

        SetToday(app, Day(8, 27));
        Assert.Equal(3, Assert.Single((await GetJsonAsync(finance, Queue)).GetProperty("due").EnumerateArray()).GetProperty("daysOverdue").GetInt32());
        var future = await ExpectAsync(await PostAsync(finance, $"{Invoices}/{may}/payment", new { paidOn = "2003-08-28", method = "Check", reference = "CK-10442" }),
            HttpStatusCode.BadRequest);
        var beforeApproval = await ExpectAsync(await PostAsync(finance, $"{Invoices}/{may}/payment", new { paidOn = "2003-07-09", method = "Check", reference = "CK-10442" }),
            HttpStatusCode.BadRequest);
        var noReference = await ExpectAsync(await PostAsync(finance, $"{Invoices}/{may}/payment", new { paidOn = "2003-08-27", method = "Check" }),
            HttpStatusCode.BadRequest);
        Assert.NotEmpty(Errors(future, "paidOn"));
        Assert.NotEmpty(Errors(beforeApproval, "paidOn"));
        Assert.NotEmpty(Errors(noReference, "reference"));

        var paid = await ExpectAsync(await PostAsync(finance, $"{Invoices}/{may}/payment", new { paidOn = "2003-08-27", method = "Check", reference = "CK-10442" }),
            HttpStatusCode.OK);

        Assert.Equal("Paid", Status(paid));
        Assert.Equal(("2003-08-27", "Check", "CK-10442"), (paid.GetProperty("payment").GetProperty("paidOn").GetString(),
            paid.GetProperty("payment").GetProperty("method").GetString(), paid.GetProperty("payment").GetProperty("reference").GetString()));
        var after = await GetJsonAsync(finance, Queue);
        Assert.Equal(0, after.GetProperty("due").GetArrayLength());
        var contract = Contract(after);
        Assert.Equal(Amount(before.GetProperty("paidToDate")) + Net(paid), Amount(contract.GetProperty("paidToDate")));
        Assert.Equal(0m, Amount(contract.GetProperty("approvedUnpaid")));
        var schoolsPaid = contract.GetProperty("schools").EnumerateArray().ToDictionary(s => s.GetProperty("school").GetString()!, s => Amount(s.GetProperty("paid")));
        AssertAmounts(LumpSumsOfMay15To31, LumpSums(paid));
        AssertAmounts(LumpSumsOfMay15To31, schoolsPaid);
        Assert.Equal(Period1Net, schoolsPaid.Values.Sum());
        Assert.Equal(Period1Net, Amount((await OverviewAsync(finance)).GetProperty("paidToDate")));
        Assert.Equal([("2685-02", Period2Net, "2003-07-01")], Awaiting(after));
        await ExpectAsync(await PostAsync(finance, $"{Invoices}/{may}/payment", new { paidOn = "2003-08-27", method = "Check", reference = "CK-10443" }),
            HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task OnlyFinance_SeesTheQueue()
    {
        foreach (var role in new[] { Roles.Contractor, Roles.AthleticDirector, Roles.Purchasing })
        {
            var client = await app.SignedInAsync(TestApp.EmailOf(role));
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Queue)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync(Queue)).StatusCode);
    }

    private static List<(string Number, decimal Net, string PayableFrom)> Awaiting(JsonElement queue) =>
        queue.GetProperty("awaitingApproval").EnumerateArray()
            .Select(q => (q.GetProperty("invoiceNumber").GetString()!, Net(q), q.GetProperty("payableFrom").GetString()!)).ToList();

    private static JsonElement Contract(JsonElement queue) =>
        Assert.Single(queue.GetProperty("contracts").EnumerateArray(), c => c.GetProperty("contractNumber").GetString() == "2685");
}

public sealed class FinanceQueueTests_Sqlite(SqliteApp app) : FinanceQueueTests(app), IClassFixture<SqliteApp>;

public sealed class FinanceQueueTests_Postgres(PostgresApp app) : FinanceQueueTests(app), IClassFixture<PostgresApp>;
