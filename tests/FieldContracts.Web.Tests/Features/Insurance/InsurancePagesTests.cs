using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using FieldContracts.Web.Tests.Features.Shared;
using static FieldContracts.Web.Tests.Features.Insurance.InsuranceFlow;

namespace FieldContracts.Web.Tests.Features.Insurance;

/// <summary>
/// The insurance pages on #2685's demo data (instruction 14 and the sample certificates, the automobile policy ending
/// with June 30, 2004 and nothing renewing it): the standing per requirement in words, the gap in the timeline, the
/// overview's line; the submit form keeps what was typed beside its errors; a contract with no requirements says so and
/// Purchasing applies instruction 14 in one step.
/// </summary>
public abstract class InsurancePagesTests(TestApp app)
{
    [Fact]
    public async Task InsurancePage_ShowsTodaysStanding_AndTheAutomobileGapOverTheTerm()
    {
        CaseFlowToday(new LocalDate(2003, 7, 10));
        var html = await (await PurchasingAsync(app)).GetStringAsync("/contracts/2685/insurance");

        Assert.Contains("Every required line of insurance is met on Thursday, July 10, 2003.", html);
        Assert.Contains("Policy BAP-2685-03 meets the requirement through June 30, 2004.", html);
        var auto = Row(html, "contractor-timeline", "AutomobileLiability");
        Assert.Contains("Gap:</strong> Jul 1, 2004 – Dec 31, 2004 (184 days)", auto);
        Assert.Contains("class=\"gap\"", auto);
        Assert.Contains("Gap:</strong> May 1, 2004 – Dec 31, 2004 (245 days)", Row(html, "contractor-timeline", "CommercialGeneralLiability"));
        Assert.Contains("sample", html);
    }

    [Fact]
    public async Task InsurancePage_AfterTheGeneralPoliciesEnd_SaysSoInWords()
    {
        CaseFlowToday(new LocalDate(2004, 5, 1));
        try
        {
            var html = await (await CrewAsync(app)).GetStringAsync("/contracts/2685/insurance");

            Assert.Contains("4 of 5 required lines of insurance are not met on Saturday, May 1, 2004.", html);
            var cgl = Row(html, "contractor-standing", "CommercialGeneralLiability");
            Assert.Contains("Not met", cgl);
            Assert.Contains("Policy CGL-2685-03 covered through April 30, 2004 only.", cgl);
            Assert.Contains("Met", Row(html, "contractor-standing", "AutomobileLiability"));
            var overview = await (await CrewAsync(app)).GetStringAsync("/contracts/2685");
            Assert.Contains("data-testid=\"insurance-standing\"><a href=\"/contracts/2685/insurance\">4 of 5 required lines", overview);
        }
        finally
        {
            CaseFlowToday(new LocalDate(2003, 7, 10));
        }
    }

    [Fact]
    public async Task SubmitForm_RenamedTextAndBadRating_ErrorsBesideTheFields_TypedInputKept_NothingStored()
    {
        var before = await CertificateCountAsync(app, "2685");
        var crew = await CrewAsync(app);

        var response = await PostMultipartFormAsync(crew, "/contracts/2685/insurance/certificates/new", new()
        {
            ["IssuedOn"] = "2003-07-08",
            ["ProducerName"] = "Typed Producer Agency",
            ["ProducerAddress"] = "9 Typed Street, Hartford, CT",
            ["InsuredName"] = "Typed Insured",
            ["InsuredAddress"] = "1 Insured Way",
            ["Insurers[0].Letter"] = "A", ["Insurers[0].Name"] = "Typed Mutual", ["Insurers[0].NaicNumber"] = "12345", ["Insurers[0].Rating"] = "A- XX",
            ["Lines[0].Kind"] = "CommercialGeneralLiability", ["Lines[0].InsurerLetter"] = "A", ["Lines[0].PolicyNumber"] = "TYPED-CGL-1",
            ["Lines[0].Effective"] = "2003-07-01", ["Lines[0].Expiration"] = "2004-07-01",
            ["Lines[0].Limits[0].Name"] = "Combined single limit", ["Lines[0].Limits[0].Amount"] = "1000000",
            ["DescriptionOfOperations"] = "Typed description",
            ["HolderName"] = "City of Hartford", ["HolderAddress"] = "550 Main Street",
            ["CancellationNoticeDays"] = "30",
        }, "Document", Encoding.UTF8.GetBytes("not a pdf at all"), "renamed.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        // Each error in the summary by the form's label, linking to its field, which is marked and described by it.
        Assert.Contains("<a href=\"#Document\">PDF of the certificate: renamed.pdf is not a PDF", html);
        AssertMarked(html, "Document", null);
        Assert.Contains("<a href=\"#Insurers_0__Rating\">Insurer A Best's rating: ", html);
        AssertMarked(html, "Insurers_0__Rating", null);
        Assert.DoesNotContain("href=\"#Insurers_0__Name\"", html);
        // A PDF refused for itself is not kept.
        KeptFiles.NoneIn(html, "KeptDocument");
        // What was typed is still there, row by row.
        Assert.Contains("value=\"Typed Producer Agency\"", Field(html, "ProducerName"));
        Assert.Contains("value=\"9 Typed Street, Hartford, CT\"", Field(html, "ProducerAddress"));
        Assert.Contains("value=\"Typed Mutual\"", Field(html, "Insurers_0__Name"));
        Assert.Contains("value=\"A- XX\"", Field(html, "Insurers_0__Rating"));
        Assert.Contains("value=\"TYPED-CGL-1\"", Field(html, "Lines_0__PolicyNumber"));
        Assert.Contains("value=\"2004-07-01\"", Field(html, "Lines_0__Expiration"));
        Assert.Contains("value=\"1000000\"", Field(html, "Lines_0__Limits"));
        Assert.Contains("value=\"30\"", Field(html, "CancellationNoticeDays"));
        Assert.Matches(">\\s*Typed description</textarea>", html);
        Assert.Equal(before, await CertificateCountAsync(app, "2685"));
    }

    /// <summary>A certificate's fields as the form sends them, with <paramref name="effective"/> and <paramref name="amount"/> as typed.</summary>
    private static Dictionary<string, string> Typed(string policy, string effective, string amount, string? keptDocument = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["IssuedOn"] = "2003-07-08", ["ProducerName"] = "Agency", ["ProducerAddress"] = "1 Main Street", ["InsuredName"] = "Insured",
            ["InsuredAddress"] = "2 Main Street",
            ["Insurers[0].Letter"] = "A", ["Insurers[0].Name"] = "Typed Mutual", ["Insurers[0].NaicNumber"] = "12345", ["Insurers[0].Rating"] = "A VIII",
            ["Lines[0].Kind"] = "CommercialGeneralLiability", ["Lines[0].InsurerLetter"] = "A", ["Lines[0].PolicyNumber"] = policy,
            ["Lines[0].Effective"] = effective, ["Lines[0].Expiration"] = "2004-07-01",
            ["Lines[0].Limits[0].Name"] = "Combined single limit", ["Lines[0].Limits[0].Amount"] = amount,
            ["DescriptionOfOperations"] = "Fields", ["HolderName"] = "City of Hartford", ["HolderAddress"] = "550 Main Street",
            ["CancellationNoticeDays"] = "30",
        };
        if (keptDocument is not null)
        {
            fields["KeptDocument"] = keptDocument;
        }

        return fields;
    }

    private async Task<FieldContracts.Data.Compliance.InsuranceCertificateRecord?> CertificateAsync(string policy)
    {
        await using var db = app.Database.CreateContext();
        var all = await db.InsuranceCertificates.AsNoTracking().ToListAsync();
        return all.SingleOrDefault(c => c.Coverages.Any(l => l.PolicyNumber == policy));
    }

    [Fact]
    public async Task SubmitForm_MissingDatesAndUnreadableAmount_SaidBesideTheirFieldsInTheFormsWords()
    {
        var before = await CertificateCountAsync(app, "2685");
        var crew = await CrewAsync(app);

        var response = await PostMultipartFormAsync(crew, "/contracts/2685/insurance/certificates/new", Typed("TYPED-CGL-2", "July 1", "a million"),
            "Document", Pdf, "certificate.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("<a href=\"#Lines_0__Effective\">Commercial general liability: effective date: Give a date as yyyy-mm-dd.</a>", html);
        AssertMarked(html, "Lines_0__Effective", "Give a date as yyyy-mm-dd.");
        Assert.Contains("<a href=\"#Lines_0__Limits\">Commercial general liability: limits: The combined single limit must be an amount in dollars and cents.</a>", html);
        AssertMarked(html, "Lines_0__Limits", "The combined single limit must be an amount in dollars and cents.");
        Assert.Contains("value=\"July 1\"", Field(html, "Lines_0__Effective"));
        Assert.Contains("value=\"TYPED-CGL-2\"", Field(html, "Lines_0__PolicyNumber"));
        // The PDF had nothing wrong with it: it is kept, and the form names it.
        var token = KeptFiles.TokenOf(html, "KeptDocument", "certificate.pdf");
        Assert.DoesNotContain("aria-invalid=\"true\"", Field(html, "Document"));
        Assert.Equal(before, await CertificateCountAsync(app, "2685"));

        // Put right and sent again with the kept PDF and no file: submitted, with that PDF.
        var submitted = await TestApp.PostFormAsync(crew, "/contracts/2685/insurance/certificates/new",
            Typed("TYPED-CGL-2", "2003-07-01", "1000000", token));

        Assert.Matches("^/contracts/2685/insurance/certificates/[0-9a-f-]{36}$", submitted.Headers.Location?.OriginalString ?? "");
        var certificate = await CertificateAsync("TYPED-CGL-2");
        Assert.NotNull(certificate);
        Assert.Equal(Complaints.Evidence.Sha256(Pdf), certificate.DocumentSha256);
        Assert.Equal("certificate.pdf", certificate.DocumentFileName);
    }

    [Fact]
    public async Task SubmitForm_KeptPdfOfAnotherUserOrExpired_IsNotHonoured()
    {
        var crew = await CrewAsync(app);
        var refused = await PostMultipartFormAsync(crew, "/contracts/2685/insurance/certificates/new", Typed("TYPED-CGL-3", "July 1", "1000000"),
            "Document", Pdf, "crew-certificate.pdf");
        var token = KeptFiles.TokenOf(WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), "KeptDocument", "crew-certificate.pdf");
        var before = await CertificateCountAsync(app, "2685");

        // Purchasing sends the contractor's token: there is no PDF.
        var purchasing = await PurchasingAsync(app);
        var other = await TestApp.PostFormAsync(purchasing, "/contracts/2685/insurance/certificates/new", Typed("TYPED-CGL-3", "2003-07-01", "1000000", token));
        var page = WebUtility.HtmlDecode(await other.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        AssertMarked(page, "Document", "Attach the certificate and its endorsements as one PDF.");
        KeptFiles.NoneIn(page, "KeptDocument");

        // A day and an hour later the contractor's own token has expired.
        var now = app.Clock.GetCurrentInstant();
        app.Clock.Reset(now + Duration.FromHours(25));
        try
        {
            var late = await TestApp.PostFormAsync(crew, "/contracts/2685/insurance/certificates/new", Typed("TYPED-CGL-3", "2003-07-01", "1000000", token));
            Assert.Equal(HttpStatusCode.OK, late.StatusCode);
            AssertMarked(WebUtility.HtmlDecode(await late.Content.ReadAsStringAsync()), "Document", "Attach the certificate and its endorsements as one PDF.");
        }
        finally
        {
            app.Clock.Reset(now);
        }

        Assert.Equal(before, await CertificateCountAsync(app, "2685"));
    }

    [Fact]
    public async Task SubmitForm_Valid_RedirectsToTheCertificate_WhichSaysItWasSubmitted()
    {
        var crew = await CrewAsync(app);
        var before = await CertificateCountAsync(app, "2685");

        var response = await PostMultipartFormAsync(crew, "/contracts/2685/insurance/certificates/new", new()
        {
            ["IssuedOn"] = "2003-07-08", ["ProducerName"] = "Charter Oak Agency (test)", ["ProducerAddress"] = "100 Pearl Street, Hartford, CT 06103",
            ["InsuredName"] = "Weaver Grounds (test)", ["InsuredAddress"] = "1 Insured Way, Hartford, CT",
            ["Insurers[0].Letter"] = "A", ["Insurers[0].Name"] = "Nutmeg Mutual (test)", ["Insurers[0].NaicNumber"] = "10001", ["Insurers[0].Rating"] = "A VIII",
            ["Lines[0].Kind"] = "CommercialGeneralLiability", ["Lines[0].InsurerLetter"] = "A", ["Lines[0].PolicyNumber"] = "FORM-CGL-2003",
            ["Lines[0].Effective"] = "2003-07-01", ["Lines[0].Expiration"] = "2004-07-01",
            ["Lines[0].Limits[0].Name"] = "Combined single limit", ["Lines[0].Limits[0].Amount"] = "1000000",
            ["Lines[0].AdditionalInsured"] = "true", ["Lines[0].Basis"] = "Occurrence",
            ["DescriptionOfOperations"] = "Athletic fields maintenance, bid #2685.", ["HolderName"] = "City of Hartford",
            ["HolderAddress"] = "550 Main Street, Hartford, CT 06103", ["CancellationNoticeDays"] = "30",
        }, "Document", Pdf, "form-certificate.pdf");

        var location = response.Headers.Location?.OriginalString ?? "";
        Assert.Matches("^/contracts/2685/insurance/certificates/[0-9a-f-]{36}$", location);
        var page = WebUtility.HtmlDecode(await Forms.FollowRedirectAsync(crew, response, location));
        Assert.Contains("Submitted. Purchasing reviews the certificate; it counts once accepted.", page);
        Assert.Contains("FORM-CGL-2003", page);
        Assert.Contains("form-certificate.pdf", page);
        Assert.Equal(before + 1, await CertificateCountAsync(app, "2685"));
    }

    [Fact]
    public async Task ContractWithoutRequirements_SaysSo_PurchasingAppliesInstruction14()
    {
        await NewContractAsync(app, "9302");
        var purchasing = await PurchasingAsync(app);
        var html = await purchasing.GetStringAsync("/contracts/9302/insurance");
        Assert.Contains("No insurance requirements set for this contract.", html);

        var response = await TestApp.PostFormAsync(purchasing, "/contracts/9302/insurance?handler=ApplyBid", new());

        var after = WebUtility.HtmlDecode(await Forms.FollowRedirectAsync(purchasing, response, "/contracts/9302/insurance"));
        Assert.Contains("Special instruction 14 of bid #2685 is now this contract's insurance requirements.", after);
        Assert.Contains("5 of 5 required lines of insurance are not met", after);
        Assert.Contains("No accepted certificate shows commercial general liability.", after);
        Assert.DoesNotContain("No insurance requirements set", after);
    }

    [Fact]
    public async Task CertificatePage_ShowsItsFields_AndPurchasingsReviewForm_NotTheContractors()
    {
        var created = await ExpectAsync(await SubmitAsync(await OtherCrewAsync(app), TestApp.OtherContractNumber, Certificate(2030)), HttpStatusCode.Created);
        var url = $"/contracts/{TestApp.OtherContractNumber}/insurance/certificates/{created.GetProperty("id").GetGuid()}";

        var forPurchasing = await (await PurchasingAsync(app)).GetStringAsync(url);
        var forCrew = await (await OtherCrewAsync(app)).GetStringAsync(url);

        Assert.Contains("data-testid=\"accept-form\"", forPurchasing);
        Assert.Contains("data-testid=\"reject-form\"", forPurchasing);
        Assert.Contains("Test Mutual", forPurchasing);
        Assert.Contains("EMP-2030", forPurchasing);
        Assert.Contains("certificate.pdf", forPurchasing);
        Assert.DoesNotContain("accept-form", forCrew);
        Assert.Equal(HttpStatusCode.NotFound, (await (await CrewAsync(app)).GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task CertificateReview_RejectWithoutReason_MarkedAndNothingChanges_ThenRejectAndAcceptRedirect()
    {
        var crew = await OtherCrewAsync(app);
        var purchasing = await PurchasingAsync(app);
        var first = (await ExpectAsync(await SubmitAsync(crew, TestApp.OtherContractNumber, Certificate(2031)), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var second = (await ExpectAsync(await SubmitAsync(crew, TestApp.OtherContractNumber, Certificate(2032)), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var firstUrl = $"/contracts/{TestApp.OtherContractNumber}/insurance/certificates/{first}";
        var secondUrl = $"/contracts/{TestApp.OtherContractNumber}/insurance/certificates/{second}";
        var version = Regex.Match(await purchasing.GetStringAsync(firstUrl), "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;

        var noReason = await TestApp.PostFormAsync(purchasing, $"{firstUrl}?handler=Reject", new() { ["Version"] = version, ["Reason"] = " " });

        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        var html = WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync());
        var rejectForm = html[html.IndexOf("data-testid=\"reject-form\"", StringComparison.Ordinal)..];
        Assert.Contains("<a href=\"#Reason\">Why it is rejected: ", rejectForm);
        AssertMarked(rejectForm, "Reason", null);
        Assert.DoesNotContain("error-summary", html[..html.IndexOf("data-testid=\"reject-form\"", StringComparison.Ordinal)]);
        Assert.Contains("data-confirm=\"Reject this certificate? Its lines will count for nothing toward the contract's insurance.\"", html);
        Assert.Contains("Submitted, awaiting Purchasing's review", html);

        var rejected = await TestApp.PostFormAsync(purchasing, $"{firstUrl}?handler=Reject", new() { ["Version"] = version, ["Reason"] = "Rating too low." });
        var afterReject = WebUtility.HtmlDecode(await Forms.FollowRedirectAsync(purchasing, rejected, firstUrl));
        Assert.Contains("Rejected, with the reason given; it counts for nothing.", afterReject);
        Assert.Contains("data-testid=\"rejection-reason\">Rating too low.<", afterReject);

        // The form is gone once reviewed; a second review posted anyway is refused above the certificate, and nothing changes.
        var again = await TestApp.PostFormAsync(purchasing, $"{firstUrl}?handler=Accept", new() { ["Version"] = version });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var refused = WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync());
        Assert.Contains("data-testid=\"error-summary\"", refused);
        Assert.DoesNotContain("data-testid=\"accept-form\"", refused);
        Assert.Contains("data-testid=\"status\">Rejected", refused);

        var secondVersion = Regex.Match(await purchasing.GetStringAsync(secondUrl), "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;
        var accepted = await TestApp.PostFormAsync(purchasing, $"{secondUrl}?handler=Accept", new() { ["Version"] = secondVersion });
        var afterAccept = WebUtility.HtmlDecode(await Forms.FollowRedirectAsync(purchasing, accepted, secondUrl));
        Assert.Contains("Accepted: its lines now count toward the contract's insurance.", afterAccept);
        Assert.Contains("data-testid=\"status\">Accepted", afterAccept);
    }

    /// <summary>The field is marked invalid and described by the error beside it (which says <paramref name="message"/> when given); the summary links to it.</summary>
    private static void AssertMarked(string html, string id, string? message)
    {
        Assert.Contains($"<a href=\"#{id}\">", html);
        var field = Field(html, id);
        Assert.Contains("aria-invalid=\"true\"", field);
        Assert.Matches($"aria-describedby=\"([^\"]* )?{Regex.Escape(id)}-error\"", field);
        Assert.Matches($"id=\"{Regex.Escape(id)}-error\"[^>]*>{Regex.Escape(message ?? "")}", html);
    }

    /// <summary>The opening tag of the input, select or textarea whose id is <paramref name="id"/>.</summary>
    private static string Field(string html, string id)
    {
        var field = Regex.Match(html, $"<(input|select|textarea)\\b[^>]*\\bid=\"{Regex.Escape(id)}\"[^>]*>");
        Assert.True(field.Success, $"No field {id}.");
        return field.Value;
    }

    private void CaseFlowToday(LocalDate day) => Performance.CaseFlow.SetToday(app, day);

    /// <summary>The table row of <paramref name="kind"/> in the table marked <paramref name="table"/>.</summary>
    private static string Row(string html, string table, string kind)
    {
        var start = html.IndexOf($"data-testid=\"{table}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No table {table}.");
        var row = html.IndexOf($"<tr data-kind=\"{kind}\"", start, StringComparison.Ordinal);
        Assert.True(row >= 0, $"No row {kind} in {table}.");
        return html[row..html.IndexOf("</tr>", row, StringComparison.Ordinal)];
    }
}

public sealed class InsurancePagesTests_Sqlite(SqliteApp app) : InsurancePagesTests(app), IClassFixture<SqliteApp>;

public sealed class InsurancePagesTests_Postgres(PostgresApp app) : InsurancePagesTests(app), IClassFixture<PostgresApp>;
