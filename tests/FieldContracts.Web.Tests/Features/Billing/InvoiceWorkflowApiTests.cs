using System.Text.Json;
using FieldContracts.Administration.Billing;
using Microsoft.EntityFrameworkCore;
using static FieldContracts.Web.Tests.Features.Billing.BillingFlow;

namespace FieldContracts.Web.Tests.Features.Billing;

/// <summary>
/// Finance's approval of #2685's installments: the demo's May 15–31, 2003 invoice (2685-01) is approved on July 10,
/// 2003 with payment due 45 days later, August 24; on June 30 it is not payable yet (special instruction 12: "The first
/// payment will be made AFTER the first completed month of work"). Of two approvals at once one is saved and the other
/// is a conflict; an invoice the Athletic Director has not certified is not approved.
/// </summary>
public abstract class InvoiceWorkflowApiTests(TestApp app)
{
    [Fact]
    public async Task Approve_Invoice01_RefusedOnJune30_ApprovedOnJuly10_DueAugust24()
    {
        var id = await InvoiceIdAsync(app, 1);
        var finance = await FinanceAsync(app);

        SetToday(app, Day(6, 30));
        var early = await ExpectAsync(await ApproveAsync(finance, id), HttpStatusCode.Conflict);
        Assert.Equal("Not payable before July 1, 2003: the first payment is made after the first completed month of work (special instruction 12).",
            early.GetProperty("detail").GetString());
        var unchanged = await InvoiceAsync(finance, id);
        Assert.Equal("Certified", Status(unchanged));
        Assert.Equal(["Submit", "Certify"], Steps(unchanged));

        SetToday(app, Day(7, 10));
        var approved = await ExpectAsync(await ApproveAsync(finance, id), HttpStatusCode.OK);

        Assert.Equal("Approved", Status(approved));
        Assert.Equal("2685-01", approved.GetProperty("invoiceNumber").GetString());
        Assert.Equal("2003-07-10", approved.GetProperty("approvedOn").GetString());
        Assert.Equal("2003-08-24", approved.GetProperty("dueOn").GetString());
        Assert.Equal(Period1Net, Net(approved));
        Assert.Equal(["Submit", "Certify", "Approve"], Steps(approved));
        Assert.Equal(TestApp.EmailOf(Roles.Finance), approved.GetProperty("steps")[2].GetProperty("by").GetString());
        // The same approval again is refused: it is approved already.
        await ExpectAsync(await ApproveAsync(finance, id), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task TwoApprovalsAtOnce_OneSucceeds_TheOtherIsAConflict_OneApproveStep()
    {
        SetToday(app, Day(7, 10));
        var id = await InvoiceIdAsync(app, 2);
        var finance = await FinanceAsync(app);

        var answers = await Task.WhenAll(ApproveAsync(finance, id), ApproveAsync(finance, id));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        var conflict = answers.Single(a => a.StatusCode == HttpStatusCode.Conflict);
        Assert.Equal("application/problem+json", conflict.Content.Headers.ContentType?.MediaType);
        await using var db = app.Database.CreateContext();
        var invoice = await db.Invoices.AsNoTracking().Include(i => i.Steps).SingleAsync(i => i.Id == id);
        Assert.Equal(InvoiceStatus.Approved, invoice.Status);
        Assert.Single(invoice.Steps, s => s.Action == InvoiceAction.Approve);
        Assert.Equal(new LocalDate(2003, 8, 24), invoice.DueOn);
    }

    [Fact]
    public async Task Approve_July2003Submitted_NotCertified_RefusedWithNothingWritten()
    {
        // June's invoice is certified (demo data), so July's may be submitted once July has ended.
        SetToday(app, Day(8, 1));
        var crew = await CrewAsync(app);
        var submitted = await ExpectAsync(await SubmitAsync(crew, 3, "July 2003"), HttpStatusCode.OK);
        Assert.Equal("Submitted", Status(submitted));
        Assert.Equal("2685-03", submitted.GetProperty("invoiceNumber").GetString());
        Assert.Equal("2003-08-01", submitted.GetProperty("payableFrom").GetString());
        var id = submitted.GetProperty("id").GetGuid();
        var finance = await FinanceAsync(app);

        var refused = await ExpectAsync(await ApproveAsync(finance, id), HttpStatusCode.Conflict);

        Assert.Equal("An invoice that is submitted cannot be approved.", refused.GetProperty("detail").GetString());
        var after = await InvoiceAsync(finance, id);
        Assert.Equal("Submitted", Status(after));
        Assert.Equal(["Submit"], Steps(after));
        Assert.Equal(JsonValueKind.Null, after.GetProperty("dueOn").ValueKind);
    }
}

public sealed class InvoiceWorkflowApiTests_Sqlite(SqliteApp app) : InvoiceWorkflowApiTests(app), IClassFixture<SqliteApp>;

public sealed class InvoiceWorkflowApiTests_Postgres(PostgresApp app) : InvoiceWorkflowApiTests(app), IClassFixture<PostgresApp>;
