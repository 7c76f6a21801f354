using static FieldContracts.Web.Tests.Features.Billing.BillingFlow;

namespace FieldContracts.Web.Tests.Features.Billing;

/// <summary>
/// Who may take which step on #2685's invoices: the contractor submits, the Athletic Director certifies, Finance
/// approves; nobody certifies what they submitted nor approves what they certified, even when one account holds two
/// roles; another contractor does not learn that #2685's invoices exist. One GET of an invoice costs at most five SQL
/// queries.
/// </summary>
public abstract class InvoiceRolesApiTests(TestApp app)
{
    [Fact]
    public async Task OneAccountInTwoRoles_CannotCertifyWhatItSubmitted_NorApproveWhatItCertified()
    {
        var contractorDirector = await app.SignedInAsync(await CreateUserAsync(app, "crew-and-athletics@test.example", Roles.Contractor, Roles.AthleticDirector));
        var directorFinance = await app.SignedInAsync(await CreateUserAsync(app, "athletics-and-finance@test.example", Roles.AthleticDirector, Roles.Finance));
        var finance = await FinanceAsync(app);
        SetToday(app, Day(8, 1));

        var submitted = await ExpectAsync(await SubmitAsync(contractorDirector, 3), HttpStatusCode.OK);
        var id = submitted.GetProperty("id").GetGuid();
        var selfCertified = await ExpectAsync(await CertifyAsync(contractorDirector, id), HttpStatusCode.Forbidden);
        Assert.Equal("The person who submitted an invoice cannot also certify it.", selfCertified.GetProperty("detail").GetString());

        var certified = await ExpectAsync(await CertifyAsync(directorFinance, id), HttpStatusCode.OK);
        Assert.Equal("Certified", Status(certified));
        var selfApproved = await ExpectAsync(await ApproveAsync(directorFinance, id), HttpStatusCode.Forbidden);
        Assert.Equal("The person who certified an invoice cannot also approve it.", selfApproved.GetProperty("detail").GetString());
        var stillCertified = await InvoiceAsync(finance, id);
        Assert.Equal(["Submit", "Certify"], Steps(stillCertified));

        var approved = await ExpectAsync(await ApproveAsync(finance, id), HttpStatusCode.OK);
        Assert.Equal("Approved", Status(approved));
        Assert.Equal(
            ["crew-and-athletics@test.example", "athletics-and-finance@test.example", TestApp.EmailOf(Roles.Finance)],
            approved.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("by").GetString()));
        Assert.Equal("2003-09-15", approved.GetProperty("dueOn").GetString());
    }

    [Fact]
    public async Task EachStepBelongsToItsRole_OthersAreForbidden_WithNothingWritten()
    {
        SetToday(app, Day(7, 10));
        var may = await InvoiceIdAsync(app, 1);
        var crew = await CrewAsync(app);
        var director = await DirectorAsync(app);
        var finance = await FinanceAsync(app);
        var purchasing = await PurchasingAsync(app);

        Assert.Equal(HttpStatusCode.Forbidden, (await CertifyAsync(crew, may)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ApproveAsync(crew, may)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(crew, $"{Invoices}/{may}/reject", new { reason = "Mine to return?" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ApproveAsync(director, may)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ApproveAsync(purchasing, may)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SubmitAsync(finance, 3)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SubmitAsync(director, 3)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await PostAsync(director, $"{Invoices}/{may}/payment", new { paidOn = "2003-07-10", method = "Check", reference = "CK-1" })).StatusCode);

        var invoice = await InvoiceAsync(finance, may);
        Assert.Equal("Certified", Status(invoice));
        Assert.Equal(["Submit", "Certify"], Steps(invoice));
    }

    [Fact]
    public async Task AnotherContractor_GetsNotFound_ForTheList_TheInvoice_AndItsPdf()
    {
        var may = await InvoiceIdAsync(app, 1);
        var other = await app.SignedInAsync(TestApp.OtherContractorEmail);

        foreach (var path in new[] { Invoices, $"{Invoices}/{may}", $"/contracts/2685/invoices/{may}/invoice.pdf", "/api/contracts/2685/billing-periods/3/draft" })
        {
            var response = await other.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.DoesNotContain("2685-01", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Its own contract answers, with no invoice of #2685 in it.
        Assert.Equal(0, (await GetJsonAsync(other, $"/api/contracts/{TestApp.OtherContractNumber}/invoices")).GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/contracts/{TestApp.OtherContractNumber}/invoices/{may}")).StatusCode);
        // The same invoice, for #2685's own contractor, is there.
        Assert.Equal("2685-01", (await InvoiceAsync(await CrewAsync(app), may)).GetProperty("invoiceNumber").GetString());
    }

    [Fact]
    public async Task GetInvoice_AtMostFiveSqlQueries()
    {
        var may = await InvoiceIdAsync(app, 1);
        var finance = await FinanceAsync(app);
        var tag = Guid.NewGuid().ToString();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Invoices}/{may}");
        request.Headers.Add(SqlCommandLog.Header, tag);

        var response = await finance.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2685-01", (await BodyAsync(response)).GetProperty("invoiceNumber").GetString());
        var commands = app.Factory.Sql.Of(tag);
        Assert.NotEmpty(commands);
        Assert.True(commands.Count <= 5, $"{commands.Count} queries:\n{string.Join("\n---\n", commands)}");
    }

    [Fact]
    public async Task InvoicePage_AtMostFiveSqlQueries()
    {
        var may = await InvoiceIdAsync(app, 1);
        var finance = await FinanceAsync(app);
        var tag = Guid.NewGuid().ToString();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/contracts/2685/invoices/{may}");
        request.Headers.Add(SqlCommandLog.Header, tag);

        var response = await finance.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Invoice 2685-01", html);
        Assert.Contains("data-testid=\"net\">$1,517.33<", html);
        var commands = app.Factory.Sql.Of(tag);
        Assert.NotEmpty(commands);
        Assert.True(commands.Count <= 5, $"{commands.Count} queries:\n{string.Join("\n---\n", commands)}");
    }
}

public sealed class InvoiceRolesApiTests_Sqlite(SqliteApp app) : InvoiceRolesApiTests(app), IClassFixture<SqliteApp>;

public sealed class InvoiceRolesApiTests_Postgres(PostgresApp app) : InvoiceRolesApiTests(app), IClassFixture<PostgresApp>;
