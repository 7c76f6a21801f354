using FieldContracts.Scheduling.Contracts;
using Microsoft.EntityFrameworkCore;
using static FieldContracts.Web.Tests.Features.Billing.BillingFlow;
using static FieldContracts.Web.Tests.Features.Subcontracting.SubcontractingFlow;

namespace FieldContracts.Web.Tests.Features.Subcontracting;

/// <summary>
/// Spec VI of #2685: "All subcontracting must have prior approval of the Purchasing Agents. Bidders are to submit a list of
/// all subcontractors and what work they would perform under this contract." The contractor asks, Purchasing approves or
/// refuses with its reason, the contractor may withdraw a pending request; a decision is final and the second of two at
/// once is a conflict. Under the scope note's "Sub-contracting will not be permitted." nothing is asked. Another
/// contractor does not learn that #2685's requests exist.
/// </summary>
public abstract class SubcontractingApiTests(TestApp app)
{
    [Fact]
    public async Task Request_ThenPurchasingApproves_ListedAsApprovedWithItsWorkAndWhoDecided()
    {
        await PriorApprovalAsync(app);
        var crew = await CrewAsync(app);
        var purchasing = await PurchasingAsync(app);
        SetToday(app, Day(7, 10));
        var id = await AskedAsync(crew, "Capitol Irrigation Co.", "2b", " 5b ", "2B");

        SetToday(app, Day(7, 14));
        var approved = await ExpectAsync(await ApproveRequestAsync(purchasing, id, "Certificates to follow on the insurance page."), HttpStatusCode.OK);

        Assert.Equal("Approved", StatusOf(approved));
        Assert.Equal(["2b", "5b"], approved.GetProperty("items").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal(("2003-07-10", TestApp.EmailOf(Roles.Contractor)),
            (approved.GetProperty("requestedOn").GetString(), approved.GetProperty("requestedBy").GetString()));
        Assert.Equal(("2003-07-14", TestApp.EmailOf(Roles.Purchasing), "Certificates to follow on the insurance page."),
            (approved.GetProperty("decidedOn").GetString(), approved.GetProperty("decidedBy").GetString(), approved.GetProperty("reason").GetString()));
        var view = await GetJsonAsync(crew, Api);
        var listed = Assert.Single(view.GetProperty("approved").EnumerateArray(), a => a.GetProperty("name").GetString() == "Capitol Irrigation Co.");
        Assert.Equal(["2b", "5b"], listed.GetProperty("items").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal("2003-07-14", listed.GetProperty("approvedFrom").GetString());
        Assert.Equal("/contracts/2685/insurance", listed.GetProperty("certificatesUrl").GetString());
        Assert.Equal("Approved", await StoredStatusAsync(app, id));
    }

    [Fact]
    public async Task Refuse_WithoutReason_400AndStillPending_WithReason_Refused()
    {
        await PriorApprovalAsync(app);
        SetToday(app, Day(7, 10));
        var id = await AskedAsync(await CrewAsync(app), "Elm City Aeration LLC", "1b");
        var purchasing = await PurchasingAsync(app);

        var noReason = await ExpectAsync(await RefuseRequestAsync(purchasing, id, "  "), HttpStatusCode.BadRequest);
        Assert.Equal(["Refusing a sub-contractor needs the reason."], Errors(noReason, "reason"));
        Assert.Equal("Pending", await StoredStatusAsync(app, id));

        var refused = await ExpectAsync(await RefuseRequestAsync(purchasing, id, "No DEP licence for slit-seeding on file."), HttpStatusCode.OK);
        Assert.Equal("Refused", StatusOf(refused));
        Assert.Equal("No DEP licence for slit-seeding on file.", refused.GetProperty("reason").GetString());
        Assert.DoesNotContain((await GetJsonAsync(purchasing, Api)).GetProperty("approved").EnumerateArray(),
            a => a.GetProperty("name").GetString() == "Elm City Aeration LLC");
    }

    [Fact]
    public async Task AthleticDirectorAndFinance_CannotDecide_TheySeeTheRequest_StillPending()
    {
        await PriorApprovalAsync(app);
        var id = await AskedAsync(await CrewAsync(app), "Weaver Turf Partners", "4c");
        var director = await DirectorAsync(app);
        var finance = await FinanceAsync(app);

        Assert.Equal(HttpStatusCode.Forbidden, (await ApproveRequestAsync(director, id)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await RefuseRequestAsync(director, id, "Not wanted at Weaver.")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ApproveRequestAsync(finance, id)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await AskAsync(director, "Someone", "4c")).StatusCode);

        Assert.Equal("Pending", StatusOf(await RequestAsync(director, id)));
        Assert.Equal("Pending", StatusOf(await RequestAsync(finance, id)));
    }

    [Fact]
    public async Task Contractor_CannotApproveItsOwnRequest_NorOneAccountHoldingBothRoles()
    {
        await PriorApprovalAsync(app);
        var crew = await CrewAsync(app);
        var id = await AskedAsync(crew, "North End Lawn Care", "2d");
        Assert.Equal(HttpStatusCode.Forbidden, (await ApproveRequestAsync(crew, id)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await RefuseRequestAsync(crew, id, "Changed our mind")).StatusCode);

        var both = await app.SignedInAsync(await CreateUserAsync(app, "crew-and-purchasing@test.example", Roles.Contractor, Roles.Purchasing));
        var own = await AskedAsync(both, "Park Street Mowing", "3c");
        var selfApproved = await ExpectAsync(await ApproveRequestAsync(both, own), HttpStatusCode.Forbidden);
        Assert.Equal("Nobody decides on a request they made themselves.", selfApproved.GetProperty("detail").GetString());

        Assert.Equal("Pending", await StoredStatusAsync(app, id));
        Assert.Equal("Pending", await StoredStatusAsync(app, own));
        // Purchasing, who asked nothing, may decide on it.
        await ExpectAsync(await ApproveRequestAsync(await PurchasingAsync(app), own), HttpStatusCode.OK);
    }

    [Fact]
    public async Task AnotherContractor_GetsNotFound_ForTheRequestsAndEveryStep()
    {
        await PriorApprovalAsync(app);
        var id = await AskedAsync(await CrewAsync(app), "Bulkeley Grounds Inc.", "4d");
        var other = await app.SignedInAsync(TestApp.OtherContractorEmail);

        var list = await other.GetAsync(Api);
        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
        Assert.Equal("application/problem+json", list.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("Bulkeley Grounds", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await ExpectAsync(await WithdrawRequestAsync(other, id), HttpStatusCode.NotFound);
        await ExpectAsync(await AskAsync(other, "Sneaky Sub Co.", "2d"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/contracts/2685/subcontracting")).StatusCode);

        Assert.Equal("Pending", await StoredStatusAsync(app, id));
        var own = await GetJsonAsync(other, $"/api/contracts/{TestApp.OtherContractNumber}/subcontracting");
        Assert.Equal(0, own.GetProperty("requests").GetArrayLength());
    }

    [Fact]
    public async Task Request_UnderAContractThatDoesNotPermitIt_RefusedWithTheBidsWords_NothingWritten()
    {
        await SetPolicyAsync(app, TestApp.OtherContractNumber, SubcontractingPolicy.NotPermitted);
        var other = await app.SignedInAsync(TestApp.OtherContractorEmail);
        var api = $"/api/contracts/{TestApp.OtherContractNumber}/subcontracting";

        var refused = await ExpectAsync(await PostAsync(other, $"{api}/requests",
            new { name = "Capitol Irrigation Co.", address = "12 Park Street, Hartford, CT", items = new[] { "2b" } }), HttpStatusCode.Conflict);

        Assert.Equal("Contract 9001 does not permit sub-contracting. The bid: \"Sub-contracting will not be permitted.\"",
            refused.GetProperty("detail").GetString());
        var view = await GetJsonAsync(other, api);
        Assert.Equal("NotPermitted", view.GetProperty("policy").GetString());
        Assert.Equal(0, view.GetProperty("requests").GetArrayLength());
        var quotes = view.GetProperty("bid").EnumerateArray().Select(q => (q.GetProperty("text").GetString(), q.GetProperty("followed").GetBoolean())).ToList();
        Assert.Equal([(ScopeNote, true), (SpecVI, false)], quotes);
        await using var db = app.Database.CreateContext();
        Assert.False(await db.SubcontractRequests.AnyAsync(r => db.Contracts.Any(c => c.Id == r.ContractId && c.Number == TestApp.OtherContractNumber)));
    }

    [Fact]
    public async Task Withdraw_APendingRequest_Withdrawn_ThenNothingMoreOnIt()
    {
        await PriorApprovalAsync(app);
        SetToday(app, Day(7, 10));
        var crew = await CrewAsync(app);
        var id = await AskedAsync(crew, "Granby Street Landscaping", "4c");

        SetToday(app, Day(7, 11));
        var withdrawn = await ExpectAsync(await WithdrawRequestAsync(crew, id), HttpStatusCode.OK);

        Assert.Equal("Withdrawn", StatusOf(withdrawn));
        Assert.Equal(("2003-07-11", TestApp.EmailOf(Roles.Contractor)),
            (withdrawn.GetProperty("decidedOn").GetString(), withdrawn.GetProperty("decidedBy").GetString()));
        var late = await ExpectAsync(await ApproveRequestAsync(await PurchasingAsync(app), id), HttpStatusCode.Conflict);
        Assert.Equal("This request is withdrawn already; a decision or withdrawal is final.", late.GetProperty("detail").GetString());
        await ExpectAsync(await WithdrawRequestAsync(crew, id), HttpStatusCode.Conflict);
        Assert.Equal("Withdrawn", await StoredStatusAsync(app, id));
    }

    [Fact]
    public async Task DecidingTwice_Refused_TheFirstDecisionStands()
    {
        await PriorApprovalAsync(app);
        SetToday(app, Day(7, 10));
        var id = await AskedAsync(await CrewAsync(app), "Forest Street Irrigation", "3d");
        var purchasing = await PurchasingAsync(app);
        await ExpectAsync(await ApproveRequestAsync(purchasing, id), HttpStatusCode.OK);

        SetToday(app, Day(7, 15));
        var again = await ExpectAsync(await RefuseRequestAsync(purchasing, id, "Second thoughts."), HttpStatusCode.Conflict);
        Assert.Equal("This request is approved already; a decision or withdrawal is final.", again.GetProperty("detail").GetString());
        await ExpectAsync(await ApproveRequestAsync(purchasing, id), HttpStatusCode.Conflict);
        await ExpectAsync(await WithdrawRequestAsync(await CrewAsync(app), id), HttpStatusCode.Conflict);

        var request = await RequestAsync(purchasing, id);
        Assert.Equal(("Approved", "2003-07-10"), (StatusOf(request), request.GetProperty("decidedOn").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, request.GetProperty("reason").ValueKind);
    }

    [Fact]
    public async Task TwoDecisionsAtOnce_OneStands_TheOtherIsAConflict()
    {
        await PriorApprovalAsync(app);
        SetToday(app, Day(7, 10));
        var id = await AskedAsync(await CrewAsync(app), "Wethersfield Avenue Turf", "4e");
        var purchasing = await PurchasingAsync(app);

        var answers = await Task.WhenAll(ApproveRequestAsync(purchasing, id), RefuseRequestAsync(purchasing, id, "Not needed."));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        Assert.Equal("application/problem+json", answers.Single(a => a.StatusCode == HttpStatusCode.Conflict).Content.Headers.ContentType?.MediaType);
        var winner = await BodyAsync(answers.Single(a => a.StatusCode == HttpStatusCode.OK));
        Assert.Equal(StatusOf(winner), await StoredStatusAsync(app, id));
        Assert.Equal(StatusOf(winner), StatusOf(await RequestAsync(purchasing, id)));
    }

    [Fact]
    public async Task Request_WithoutNameAddressOrWork_400_EachFieldSaid_NothingWritten()
    {
        await PriorApprovalAsync(app);
        var crew = await CrewAsync(app);
        var before = (await GetJsonAsync(crew, Api)).GetProperty("requests").GetArrayLength();

        var problem = await ExpectAsync(await PostAsync(crew, $"{Api}/requests", new { name = " ", address = "", items = new[] { " " } }),
            HttpStatusCode.BadRequest);

        Assert.Equal(["Name the sub-contractor."], Errors(problem, "name"));
        Assert.Equal(["Give the sub-contractor's business address."], Errors(problem, "address"));
        Assert.Equal(["Name at least one item of work it would do (spec VI: \"what work they would perform\")."], Errors(problem, "items"));
        Assert.Equal(before, (await GetJsonAsync(crew, Api)).GetProperty("requests").GetArrayLength());
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheSubcontractingEndpoints()
    {
        var document = await (await PurchasingAsync(app)).GetStringAsync("/openapi/v1.json");

        foreach (var path in new[] { "", "/requests", "/requests/{id}/approve", "/requests/{id}/refuse", "/requests/{id}/withdraw" })
        {
            Assert.Contains($"\"/api/contracts/{{number}}/subcontracting{path}\"", document);
        }
    }
}

public sealed class SubcontractingApiTests_Sqlite(SqliteApp app) : SubcontractingApiTests(app), IClassFixture<SqliteApp>;

public sealed class SubcontractingApiTests_Postgres(PostgresApp app) : SubcontractingApiTests(app), IClassFixture<PostgresApp>;
