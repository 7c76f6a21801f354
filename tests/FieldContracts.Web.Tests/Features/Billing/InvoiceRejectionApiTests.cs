using System.Text.Json;
using static FieldContracts.Web.Tests.Features.Billing.BillingFlow;

namespace FieldContracts.Web.Tests.Features.Billing;

/// <summary>
/// Finance returns #2685's June 2003 installment (2685-02) to the contractor, on July 10, 2003: never without a reason;
/// the contractor sees the reason, reviews the installment drawn up again and submits it anew. The May 15–31 invoice
/// cannot be returned while June's is submitted on top of it.
/// </summary>
public abstract class InvoiceRejectionApiTests(TestApp app)
{
    [Fact]
    public async Task Reject_NeedsAReason_ThenReturnsToTheContractor_WhoSubmitsAgain()
    {
        SetToday(app, Day(7, 10));
        var may = await InvoiceIdAsync(app, 1);
        var june = await InvoiceIdAsync(app, 2);
        var finance = await FinanceAsync(app);
        var crew = await CrewAsync(app);
        const string Reason = "Line 3 names Bulkeley's lump sum; please confirm the June share against the bid schedule.";

        var underneath = await ExpectAsync(await PostAsync(finance, $"{Invoices}/{may}/reject", new { reason = "Wrong dates." }), HttpStatusCode.Conflict);
        Assert.Equal("The invoice of period 2 is already submitted on top of this one; it would have to be returned first.",
            underneath.GetProperty("detail").GetString());
        var noReason = await ExpectAsync(await PostAsync(finance, $"{Invoices}/{june}/reject", new { }), HttpStatusCode.BadRequest);
        var blank = await ExpectAsync(await PostAsync(finance, $"{Invoices}/{june}/reject", new { reason = "   " }), HttpStatusCode.BadRequest);

        Assert.Equal(["Rejecting an invoice needs a reason."], Errors(noReason, "reason"));
        Assert.NotEmpty(Errors(blank, "reason"));
        var untouched = await InvoiceAsync(finance, june);
        Assert.Equal("Certified", Status(untouched));
        Assert.Equal(["Submit", "Certify"], Steps(untouched));

        var returned = await ExpectAsync(await PostAsync(finance, $"{Invoices}/{june}/reject", new { reason = Reason }), HttpStatusCode.OK);

        Assert.Equal("Returned", Status(returned));
        Assert.Equal(Reason, returned.GetProperty("returnReason").GetString());
        Assert.Equal(["Submit", "Certify", "Reject"], Steps(returned));
        Assert.Equal(Reason, returned.GetProperty("steps")[2].GetProperty("reason").GetString());
        var seenByCrew = await InvoiceAsync(crew, june);
        Assert.Equal(("Returned", Reason), (Status(seenByCrew), seenByCrew.GetProperty("returnReason").GetString()));
        var period2 = (await OverviewAsync(crew)).GetProperty("periods")[1];
        Assert.Equal(("Returned to the contractor", true), (period2.GetProperty("status").GetString(), period2.GetProperty("canSubmit").GetBoolean()));
        var redrawn = await DraftAsync(crew, 2);
        Assert.Equal(Reason, redrawn.GetProperty("returnReason").GetString());
        Assert.Equal(Period2Net, Net(redrawn));
        // Nothing to approve while it is with the contractor.
        await ExpectAsync(await ApproveAsync(finance, june), HttpStatusCode.Conflict);

        SetToday(app, Day(7, 11));
        var resubmitted = await ExpectAsync(await SubmitAsync(crew, 2, "June share checked against the bid schedule."), HttpStatusCode.OK);

        Assert.Equal(june, resubmitted.GetProperty("id").GetGuid());
        Assert.Equal("Submitted", Status(resubmitted));
        Assert.Equal(JsonValueKind.Null, resubmitted.GetProperty("returnReason").ValueKind);
        Assert.Equal(["Submit", "Certify", "Reject", "Submit"], Steps(resubmitted));
        Assert.Equal(Period2Net, Net(resubmitted));
        var queue = await GetJsonAsync(finance, "/api/finance/queue");
        Assert.Contains(queue.GetProperty("awaitingCertification").EnumerateArray(), q => q.GetProperty("id").GetGuid() == june);
        Assert.DoesNotContain(queue.GetProperty("awaitingApproval").EnumerateArray(), q => q.GetProperty("id").GetGuid() == june);
        // Submitted once more on top of a submitted invoice: refused.
        await ExpectAsync(await SubmitAsync(crew, 2), HttpStatusCode.Conflict);
    }
}

public sealed class InvoiceRejectionApiTests_Sqlite(SqliteApp app) : InvoiceRejectionApiTests(app), IClassFixture<SqliteApp>;

public sealed class InvoiceRejectionApiTests_Postgres(PostgresApp app) : InvoiceRejectionApiTests(app), IClassFixture<PostgresApp>;
