using System.Text.RegularExpressions;
using FieldContracts.Scheduling.Contracts;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Tests.Features.Shared;
using Microsoft.EntityFrameworkCore;
using static FieldContracts.Web.Tests.Features.Billing.BillingFlow;
using static FieldContracts.Web.Tests.Features.Subcontracting.SubcontractingFlow;
using static FieldContracts.Web.Tests.Features.Shared.RefusedForm;

namespace FieldContracts.Web.Tests.Features.Subcontracting;

/// <summary>
/// The sub-contracting page: the setting with both of the bid's passages and which one it follows; the requests with
/// their work, status, dates and who decided why; the contractor's request form (errors next to the field, what was typed
/// kept), Purchasing's approve and refuse forms (a refusal needs its reason), the contractor's withdraw button; every
/// form carries its anti-forgery token and a post without it changes nothing.
/// </summary>
public abstract partial class SubcontractingPagesTests(TestApp app)
{
    private const string Page = "/contracts/2685/subcontracting";

    [Fact]
    public async Task Page_ShowsTheSettingWithBothPassages_AndWhichOneItFollows_LinkedFromTheContract()
    {
        await SetPolicyAsync(app, "2685", SubcontractingPolicy.NotPermitted);
        var director = await DirectorAsync(app);

        var html = await director.GetStringAsync(Page);

        Assert.Contains("data-testid=\"policy\">Not permitted<", html);
        Assert.Contains($"<p>\"{ScopeNote}\"</p>", html);
        Assert.Contains($"<p>\"{SpecVI}\"</p>", html);
        Assert.Matches(new Regex("data-testid=\"followed\">\\s*<p>\"Sub-contracting will not be permitted.\"</p>"), html);
        Assert.DoesNotContain("data-testid=\"request-form\"", html);
        Assert.Contains("href=\"/contracts/2685/subcontracting\"", await director.GetStringAsync("/contracts/2685"));

        await PriorApprovalAsync(app);
        html = await director.GetStringAsync(Page);
        Assert.Contains("data-testid=\"policy\">Only with the Purchasing Agent&#x27;s prior approval<", html);
        Assert.Matches(new Regex("data-testid=\"followed\">\\s*<p>\"All subcontracting must have prior approval"), html);
        // The Athletic Director sees the requests but has no form to ask or decide.
        Assert.DoesNotContain("data-testid=\"request-form\"", html);
        Assert.DoesNotContain("data-testid=\"approve-form\"", html);
        Assert.DoesNotContain("data-testid=\"withdraw-form\"", html);
    }

    [Fact]
    public async Task RequestForm_WithoutAddress_ErrorNextToTheField_WhatWasTypedKept_NothingWritten()
    {
        await PriorApprovalAsync(app);
        var crew = await CrewAsync(app);
        Assert.Contains("value=\"3a\"", await crew.GetStringAsync(Page));

        var response = await TestApp.PostFormAsync(crew, $"{Page}?handler=Request", new()
        {
            ["Name"] = "Capitol Spray Services",
            ["Address"] = " ",
            ["Contact"] = "Dana Ruiz, 860-555-0199",
            ["Items"] = "3a",
            ["OtherWork"] = "Posting of pesticide signs",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var form = Form(html, "request-form");
        Assert.Contains("<a href=\"#Address\">Business address: Give the sub-contractor's business address.</a>", form);
        AssertMarked(form, "Address", "Give the sub-contractor's business address.");
        Assert.DoesNotContain("href=\"#Name\"", form);
        Assert.DoesNotContain("id=\"Name-error\"", html);
        Assert.Contains("value=\"Capitol Spray Services\"", Field(form, "Name"));
        Assert.Contains("value=\"Dana Ruiz, 860-555-0199\"", Field(form, "Contact"));
        Assert.Contains("value=\"3a\" checked", form);
        Assert.Contains(">Posting of pesticide signs</textarea>", form);
        await using var db = app.Database.CreateContext();
        Assert.False(await db.SubcontractRequests.AnyAsync(r => r.Subcontractor.Name == "Capitol Spray Services"));
    }

    [Fact]
    public async Task ContractorAsks_PurchasingRefusesWithoutReason_ThenApproves_ListedWithItsCertificatesLink()
    {
        await PriorApprovalAsync(app);
        SetToday(app, Day(7, 10));
        var crew = await CrewAsync(app);
        var asked = await TestApp.PostFormAsync(crew, $"{Page}?handler=Request", new()
        {
            ["Name"] = "Hartford Irrigation Services",
            ["Address"] = "300 Wethersfield Avenue, Hartford, CT",
            ["Items"] = "2b",
            ["OtherWork"] = "Backflow testing",
        });
        var crewPage = await Forms.FollowRedirectAsync(crew, asked, Page);
        Assert.Contains("Asked Purchasing to approve Hartford Irrigation Services.", WebUtility.HtmlDecode(crewPage));
        var id = await IdOfAsync("Hartford Irrigation Services");
        Assert.Contains("2b, Backflow testing", crewPage);
        Assert.Contains("Awaiting Purchasing&#x27;s decision", crewPage);
        Assert.Contains("data-testid=\"withdraw-form\"", crewPage);

        var purchasing = await PurchasingAsync(app);
        var noReason = await TestApp.PostFormAsync(purchasing, $"{Page}?handler=Refuse", new() { ["RequestId"] = id.ToString(), ["Reason"] = "" });
        var html = WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        // The error shows at the refuse form of that request only: its summary, its field marked.
        var reason = FormErrors.FieldId($"requests[{id}].reason");
        var refuseForm = Form(Row(html, id), "refuse-form");
        Assert.Contains($"<a href=\"#{reason}\">Why it is refused: Refusing a sub-contractor needs the reason.</a>", refuseForm);
        AssertMarked(refuseForm, reason, "Refusing a sub-contractor needs the reason.");
        Assert.DoesNotContain("error-summary", Form(Row(html, id), "approve-form"));
        Assert.Single(Regex.Matches(html, "data-testid=\"error-summary\""));
        Assert.Equal("Pending", await StoredStatusAsync(app, id));

        SetToday(app, Day(7, 14));
        var approved = await TestApp.PostFormAsync(purchasing, $"{Page}?handler=Approve", new() { ["RequestId"] = id.ToString(), ["Note"] = "DEP licence seen." });
        Assert.Contains("Approved.", await Forms.FollowRedirectAsync(purchasing, approved, Page));
        html = await crew.GetStringAsync(Page);
        Assert.Contains("<strong>Hartford Irrigation Services</strong>: 2b, Backflow testing, from Jul 14, 2003 · certificates: see <a href=\"/contracts/2685/insurance\">insurance</a>", html);
        Assert.Contains($"Decided Jul 14, 2003 by {TestApp.EmailOf(Roles.Purchasing)}: DEP licence seen.", html);
        Assert.DoesNotContain($"name=\"RequestId\" value=\"{id}\"", html);
    }

    [Fact]
    public async Task Forms_WithoutTheAntiforgeryToken_Refused_NothingChanges()
    {
        await PriorApprovalAsync(app);
        var crew = await CrewAsync(app);
        var id = await AskedAsync(crew, "Token Test Grounds", "4a");
        var purchasing = await PurchasingAsync(app);
        Assert.Contains("name=\"__RequestVerificationToken\"", await purchasing.GetStringAsync(Page));

        var approve = await purchasing.PostAsync($"{Page}?handler=Approve", new FormUrlEncodedContent(new Dictionary<string, string> { ["RequestId"] = id.ToString() }));
        var ask = await crew.PostAsync($"{Page}?handler=Request", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = "Forged Co.", ["Address"] = "1 Main Street", ["Items"] = "4a",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, approve.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, ask.StatusCode);
        Assert.Equal("Pending", await StoredStatusAsync(app, id));
        await using var db = app.Database.CreateContext();
        Assert.False(await db.SubcontractRequests.AnyAsync(r => r.Subcontractor.Name == "Forged Co."));
    }

    [Fact]
    public async Task WithdrawButton_WithdrawsThePendingRequest_AndTheDirectorCannotDecideByPostingTheForm()
    {
        await PriorApprovalAsync(app);
        var crew = await CrewAsync(app);
        var id = await AskedAsync(crew, "Withdrawn Lawn Co.", "5a");
        var director = await DirectorAsync(app);
        var purchasing = await PurchasingAsync(app);

        // The director has no approve form; posting one anyway, with a valid token, is denied (pages redirect to say so).
        Assert.DoesNotContain("data-testid=\"approve-form\"", await director.GetStringAsync(Page));
        var byDirector = await TestApp.PostFormAsync(director, $"{Page}?handler=Approve", new() { ["RequestId"] = id.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, byDirector.StatusCode);
        Assert.StartsWith("/account/access-denied", byDirector.Headers.Location!.PathAndQuery);
        Assert.Equal("Pending", await StoredStatusAsync(app, id));

        var withdrawn = await TestApp.PostFormAsync(crew, $"{Page}?handler=Withdraw", new() { ["RequestId"] = id.ToString() });
        Assert.Contains("Withdrawn.", await Forms.FollowRedirectAsync(crew, withdrawn, Page));
        Assert.Equal("Withdrawn", await StoredStatusAsync(app, id));
        var html = await purchasing.GetStringAsync(Page);
        Assert.Contains($"Withdrawn {Display(await RequestAsync(purchasing, id))} by {TestApp.EmailOf(Roles.Contractor)}", html);

        // Withdrawn already, the same post again is refused: said in the request's row, its withdraw form being gone.
        var again = await TestApp.PostFormAsync(crew, $"{Page}?handler=Withdraw", new() { ["RequestId"] = id.ToString() });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var row = Row(WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()), id);
        Assert.Contains("data-testid=\"error-summary\"", row);
        Assert.DoesNotContain("data-testid=\"withdraw-form\"", row);
        Assert.Equal("Withdrawn", await StoredStatusAsync(app, id));
    }

    [Fact]
    public async Task ApproveForm_NoteTooLong_ErrorAtThatRowsApproveForm_NoteKept_RequestStillPending()
    {
        await PriorApprovalAsync(app);
        var crew = await CrewAsync(app);
        var id = await AskedAsync(crew, "Long Note Landscaping", "6a");
        var other = await AskedAsync(crew, "Other Row Mowing", "6b");
        var purchasing = await PurchasingAsync(app);
        var note = "Licence seen. " + new string('n', 2000);

        var response = await TestApp.PostFormAsync(purchasing, $"{Page}?handler=Approve", new() { ["RequestId"] = id.ToString(), ["Note"] = note });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var key = FormErrors.FieldId($"requests[{id}].note");
        var approveForm = Form(Row(html, id), "approve-form");
        Assert.Contains($"<a href=\"#{key}\">Note: At most 2000 characters.</a>", approveForm);
        AssertMarked(approveForm, key, "At most 2000 characters.");
        Assert.Contains($">{note}</textarea>", approveForm);
        Assert.DoesNotContain("error-summary", Row(html, other));
        Assert.DoesNotContain(note, Row(html, other));
        // Refusing says what will happen before it does.
        Assert.Contains("data-confirm=\"Refuse this request? The sub-contractor may not do the work, and the contractor is told why.\"", Row(html, other));
        Assert.Equal("Pending", await StoredStatusAsync(app, id));
    }

    /// <summary>The request's row of the table.</summary>
    private static string Row(string html, Guid id)
    {
        var start = html.IndexOf($"data-testid=\"request-{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No row of request {id}.");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    /// <summary>The form marked <paramref name="testId"/>.</summary>
    private static string Form(string html, string testId)
    {
        var start = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No form {testId}.");
        return html[start..html.IndexOf("</form>", start, StringComparison.Ordinal)];
    }


    private static string Display(System.Text.Json.JsonElement request) =>
        FieldContracts.Web.Features.Shared.Display.Short(NodaTime.Text.LocalDatePattern.Iso.Parse(request.GetProperty("decidedOn").GetString()!).Value);

    private async Task<Guid> IdOfAsync(string name)
    {
        await using var db = app.Database.CreateContext();
        return (await db.SubcontractRequests.AsNoTracking().Where(r => r.Subcontractor.Name == name).Select(r => r.Id).ToListAsync()).Single();
    }
}

public sealed class SubcontractingPagesTests_Sqlite(SqliteApp app) : SubcontractingPagesTests(app), IClassFixture<SqliteApp>;

public sealed class SubcontractingPagesTests_Postgres(PostgresApp app) : SubcontractingPagesTests(app), IClassFixture<PostgresApp>;
