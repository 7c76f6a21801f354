using System.Text.RegularExpressions;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Tests.Features.Shared;
using static FieldContracts.Web.Tests.Features.Billing.BillingFlow;

namespace FieldContracts.Web.Tests.Features.Billing;

/// <summary>
/// The billing forms on #2685 forgive: each step taken answers a redirect to the page that shows it, so a refresh takes
/// nothing again; a refused one is shown at its form, named by the form's label and linked to its field, which is marked
/// and keeps what was typed.
/// </summary>
public abstract class BillingFormsTests(TestApp app)
{
    [Fact]
    public async Task BillingPage_Adjustment_RedirectsToTheBillingPage_ThatSaysItIsRecorded()
    {
        SetToday(app, Day(7, 10));
        var purchasing = await PurchasingAsync(app);

        var recorded = await TestApp.PostFormAsync(purchasing, "/contracts/2685/billing?handler=Adjust", new()
        {
            ["On"] = "2003-07-10", ["Amount"] = "-250.00", ["Reason"] = "Fence repair at Weaver charged to the contractor.",
        });

        var page = await Forms.FollowRedirectAsync(purchasing, recorded, "/contracts/2685/billing");
        Assert.Contains("The adjustment is recorded", page);
        Assert.DoesNotContain("The adjustment is recorded", await purchasing.GetStringAsync("/contracts/2685/billing"));
    }

    [Fact]
    public async Task PriceLinesPage_AddAndChange_RedirectToTheSchedule_ARefusedAddKeepsWhatWasTypedAtItsForm()
    {
        var purchasing = await PurchasingAsync(app);
        const string Path = "/contracts/2685/price-lines";
        var line = new Dictionary<string, string>
        {
            ["Item"] = "3", ["School"] = "", ["Basis"] = "UnitPrice", ["Description"] = "Infield grooming, per visit", ["Unit"] = "visit",
            ["EstimatedQuantity"] = "12", ["UnitPrice"] = "95.00", ["Covers"] = "", ["Reason"] = " ",
        };

        var refused = await TestApp.PostFormAsync(purchasing, Path, new Dictionary<string, string>(line));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.StartsWith("<a href=\"#Reason\">Reason: Say why the schedule changes", Assert.Single(Summary(html)));
        Assert.Matches("<input[^>]*id=\"Reason\"[^>]*aria-invalid=\"true\" aria-describedby=\"Reason-error\"", html);
        Assert.Contains("id=\"Reason-error\"", html);
        Assert.Contains("value=\"Infield grooming, per visit\"", html);
        Assert.Contains("value=\"95.00\"", html);
        Assert.Contains("<option value=\"UnitPrice\" selected=\"selected\">", html);
        // Only the form posted shows the errors: the lines' own forms do not.
        Assert.Single(Regex.Matches(html, "There is a problem"));

        line["Reason"] = "Infield grooming added by the bid's addendum 2.";
        var added = await Forms.FollowRedirectAsync(purchasing, await TestApp.PostFormAsync(purchasing, Path, line), Path);
        Assert.Contains("The line is added to the bid schedule.", added);
        Assert.Contains("Infield grooming, per visit", added);

        var schedule = await GetJsonAsync(purchasing, "/api/contracts/2685/price-lines");
        var id = schedule.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("item").GetString() == "3").GetProperty("id").GetGuid();
        var changed = await TestApp.PostFormAsync(purchasing, Path, new()
        {
            ["LineId"] = id.ToString(), ["Description"] = "Infield grooming and lining, per visit", ["Unit"] = "visit",
            ["EstimatedQuantity"] = "12", ["UnitPrice"] = "95.00", ["Covers"] = "", ["Reason"] = "Lining added to the grooming.",
        });
        var page = await Forms.FollowRedirectAsync(purchasing, changed, Path);
        Assert.Contains("The line is changed; its earlier version is kept below.", page);
        Assert.Contains("Infield grooming and lining, per visit", page);
    }

    [Fact]
    public async Task InvoicePageAndDraft_RejectResubmitCertifyApprovePay_EachRedirectsToTheInvoice_RefusalsAtTheirForm()
    {
        SetToday(app, Day(7, 10));
        var may = await InvoiceIdAsync(app, 1);
        var june = await InvoiceIdAsync(app, 2);
        var finance = await FinanceAsync(app);
        var crew = await CrewAsync(app);
        var director = await DirectorAsync(app);
        var mayPath = $"/contracts/2685/invoices/{may}";
        var junePath = $"/contracts/2685/invoices/{june}";

        // Finance returns June's installment; approving it then is refused, said at the top as no approve form is left.
        var returned = await Forms.FollowRedirectAsync(finance, await TestApp.PostFormAsync(finance, $"{junePath}?handler=Reject",
            new() { ["Reason"] = "Please confirm the June share against the bid schedule." }), junePath);
        Assert.Contains("Returned to the contractor with the reason.", returned);
        Assert.Contains("Please confirm the June share against the bid schedule.", returned);
        var notNow = await TestApp.PostFormAsync(finance, $"{junePath}?handler=Approve", []);
        Assert.Equal(HttpStatusCode.OK, notNow.StatusCode);
        Assert.Equal(["An invoice that is returned cannot be approved."], Summary(await notNow.Content.ReadAsStringAsync()));
        Assert.Equal("Returned", Status(await InvoiceAsync(finance, june)));

        // The contractor submits it again from the drawn-up installment: a note too long is marked and kept.
        SetToday(app, Day(7, 11));
        var note = string.Concat(Enumerable.Repeat("June share checked. ", 101));
        var tooLong = await TestApp.PostFormAsync(crew, "/contracts/2685/billing/2", new() { ["Note"] = note });
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        var draft = await tooLong.Content.ReadAsStringAsync();
        Assert.Equal(["<a href=\"#Note\">Note to the City: At most 2000 characters.</a>"], Summary(draft));
        Assert.Matches("<textarea[^>]*id=\"Note\"[^>]*aria-invalid=\"true\" aria-describedby=\"Note-error\"[^>]*>" + note, draft);
        Assert.Equal("Returned", Status(await InvoiceAsync(crew, june)));
        var submitted = await Forms.FollowRedirectAsync(crew, await TestApp.PostFormAsync(crew, "/contracts/2685/billing/2",
            new() { ["Note"] = "June share checked against the bid schedule." }), junePath);
        Assert.Contains("Submitted. The Athletic Director certifies the services received", submitted);

        // The Athletic Director certifies it; Finance approves May's and records its payment.
        var certified = await Forms.FollowRedirectAsync(director, await TestApp.PostFormAsync(director, $"{junePath}?handler=Certify", []), junePath);
        Assert.Contains("The services are certified as received", certified);
        var approved = await Forms.FollowRedirectAsync(finance, await TestApp.PostFormAsync(finance, $"{mayPath}?handler=Approve", []), mayPath);
        Assert.Contains("Approved for payment.", approved);

        var early = await TestApp.PostFormAsync(finance, $"{mayPath}?handler=Pay",
            new() { ["PaidOn"] = "2003-07-12", ["Method"] = "ACH", ["Reference"] = "ACH-20030711-01" });
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        var pay = await early.Content.ReadAsStringAsync();
        Assert.Equal(["<a href=\"#PaidOn\">Paid on: A payment is recorded once made: not a future day.</a>"], Summary(pay));
        Assert.Matches("<input[^>]*id=\"PaidOn\" value=\"2003-07-12\"[^>]*aria-invalid=\"true\" aria-describedby=\"PaidOn-error\"", pay);
        Assert.Contains("value=\"ACH-20030711-01\"", pay);
        Assert.Contains("<option selected=\"selected\">ACH</option>", pay);
        var paid = await Forms.FollowRedirectAsync(finance, await TestApp.PostFormAsync(finance, $"{mayPath}?handler=Pay",
            new() { ["PaidOn"] = "2003-07-11", ["Method"] = "ACH", ["Reference"] = "ACH-20030711-01" }), mayPath);
        Assert.Contains("The payment is recorded.", paid);

        Assert.Equal("Paid", Status(await InvoiceAsync(finance, may)));
        Assert.Equal("Certified", Status(await InvoiceAsync(finance, june)));
    }

    [Fact]
    public async Task DamagesPage_AssessDisputeDecide_EachRedirectsToTheDamages_RefusalsAtTheirForm()
    {
        SetToday(app, Day(7, 10));
        var deficiency = (await OpenMissedWorkAsync(app, "BHS", MowingItems))[0];
        var purchasing = await PurchasingAsync(app);
        var crew = await CrewAsync(app);
        await ExpectAsync(await PostAsync(purchasing, $"/api/deficiencies/{deficiency}/uphold", new { text = "Nobody mowed in the window." }), HttpStatusCode.OK);
        const string Path = "/contracts/2685/damages";

        // Purchasing assesses: without the evidence it is refused at the evidence, and what was chosen and typed stays.
        var assess = new Dictionary<string, string> { ["DeficiencyId"] = deficiency.ToString(), ["Days"] = "2", ["Schools"] = "1", ["Evidence"] = " " };
        var noEvidence = await TestApp.PostFormAsync(purchasing, $"{Path}?handler=Assess", new Dictionary<string, string>(assess));
        Assert.Equal(HttpStatusCode.OK, noEvidence.StatusCode);
        var html = await noEvidence.Content.ReadAsStringAsync();
        Assert.Equal(["<a href=\"#Evidence\">Evidence: Say what the damages rest on: the evidence.</a>"], Summary(html));
        Assert.Matches("<textarea[^>]*id=\"Evidence\"[^>]*aria-invalid=\"true\" aria-describedby=\"Evidence-error\"", html);
        Assert.Matches("<input[^>]*name=\"Days\"[^>]*value=\"2\"", html);
        Assert.Contains($"<option value=\"{deficiency}\" selected=\"selected\">", html);
        assess["Evidence"] = "Mowing missed in its window at Bulkeley; upheld by Purchasing on July 10, 2003.";
        var assessed = await Forms.FollowRedirectAsync(purchasing, await TestApp.PostFormAsync(purchasing, $"{Path}?handler=Assess", assess), Path);
        Assert.Contains("Assessed. The contractor may dispute within the dispute period.", assessed);
        var assessment = (await GetJsonAsync(purchasing, "/api/contracts/2685/damages")).EnumerateArray()
            .Single(a => a.GetProperty("deficiencyId").GetGuid() == deficiency).GetProperty("id").GetGuid();

        // The contractor disputes it: a reason too long is refused at that assessment's form, and kept.
        var reason = string.Concat(Enumerable.Repeat("The field was closed for camp. ", 130));
        var tooLong = await TestApp.PostFormAsync(crew, $"{Path}?handler=Decide",
            new() { ["AssessmentId"] = assessment.ToString(), ["Action"] = "Dispute", ["Reason"] = reason });
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        html = await tooLong.Content.ReadAsStringAsync();
        var disputeReason = FormErrors.FieldId($"disputes[{assessment}].Reason");
        Assert.Equal([$"<a href=\"#{disputeReason}\">Why you dispute it: At most 4000 characters.</a>"], Summary(html));
        Assert.Matches($"<textarea[^>]*id=\"{disputeReason}\"[^>]*aria-invalid=\"true\" aria-describedby=\"{disputeReason}-error\"[^>]*>{reason}", html);
        var disputed = await Forms.FollowRedirectAsync(crew, await TestApp.PostFormAsync(crew, $"{Path}?handler=Decide",
            new() { ["AssessmentId"] = assessment.ToString(), ["Action"] = "Dispute", ["Reason"] = "Bulkeley's fields were closed for the summer camp." }), Path);
        Assert.Contains("Disputed: nothing is deducted until Purchasing decides.", disputed);

        // Purchasing reduces it: without the reduced amount it is refused there, the decision and the reason kept.
        var decide = new Dictionary<string, string>
        {
            ["AssessmentId"] = assessment.ToString(), ["Action"] = "Reduce", ["Amount"] = "", ["Reason"] = "The camp used the field half the week.",
        };
        var noAmount = await TestApp.PostFormAsync(purchasing, $"{Path}?handler=Decide", new Dictionary<string, string>(decide));
        Assert.Equal(HttpStatusCode.OK, noAmount.StatusCode);
        html = await noAmount.Content.ReadAsStringAsync();
        var reducedTo = FormErrors.FieldId($"decisions[{assessment}].Amount");
        Assert.Matches($"^<a href=\"#{reducedTo}\">Reduced amount \\(\\$\\): The amount is \\$0\\.01 to \\$[0-9.,]+, in whole cents\\.</a>$", Assert.Single(Summary(html)));
        Assert.Matches($"<input[^>]*id=\"{reducedTo}\"[^>]*aria-invalid=\"true\" aria-describedby=\"{reducedTo}-error\"", html);
        Assert.Contains("<option value=\"Reduce\" selected=\"selected\">Reduce</option>", html);
        Assert.Contains(">The camp used the field half the week.</textarea>", html);
        decide["Amount"] = "50.00";
        var decided = await Forms.FollowRedirectAsync(purchasing, await TestApp.PostFormAsync(purchasing, $"{Path}?handler=Decide", decide), Path);
        Assert.Contains("Decided.", decided);
        var after = (await GetJsonAsync(purchasing, "/api/contracts/2685/damages")).EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == assessment);
        Assert.Equal("Reduced", after.GetProperty("status").GetString());
    }

    /// <summary>The lines of the page's error summary, as shown; none when it has none.</summary>
    private static IReadOnlyList<string> Summary(string html)
    {
        var summary = Regex.Match(html, "data-testid=\"error-summary\"><h2>There is a problem</h2><ul>(.*?)</ul>", RegexOptions.Singleline);
        return summary.Success ? Regex.Matches(summary.Groups[1].Value, "<li>(.*?)</li>").Select(m => m.Groups[1].Value).ToList() : [];
    }
}

public sealed class BillingFormsTests_Sqlite(SqliteApp app) : BillingFormsTests(app), IClassFixture<SqliteApp>;

public sealed class BillingFormsTests_Postgres(PostgresApp app) : BillingFormsTests(app), IClassFixture<PostgresApp>;
