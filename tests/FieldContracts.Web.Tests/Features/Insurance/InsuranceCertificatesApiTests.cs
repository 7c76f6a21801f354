using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using FieldContracts.Web.Features.Deliverables;
using Microsoft.Extensions.DependencyInjection;
using static FieldContracts.Web.Tests.Features.Insurance.InsuranceFlow;

namespace FieldContracts.Web.Tests.Features.Insurance;

/// <summary>
/// Submitting and reviewing certificates: the PDF is checked by its bytes (a renamed text file is refused and nothing is
/// kept), only Purchasing reviews and a rejection needs its reason, of two reviews at once the second is a 409, a
/// contractor sees only its own contracts' certificates, and a sub-contractor's certificate needs an approved request.
/// The requirements are contract data: set by Purchasing only, a bad Best's rating refused at its field.
/// </summary>
public abstract class InsuranceCertificatesApiTests(TestApp app)
{
    private const string Number = TestApp.OtherContractNumber;

    [Fact]
    public async Task RenamedTextFile_IsRefusedAsNotAPdf_AndNothingIsStored()
    {
        var text = Encoding.UTF8.GetBytes("Certificate of insurance\nThis is a text file renamed to .pdf.\n");
        var before = await CertificateCountAsync(app, Number);

        var problem = await ExpectAsync(await SubmitAsync(await OtherCrewAsync(app), Number, Certificate(2020), text, "certificate.pdf"),
            HttpStatusCode.BadRequest);

        Assert.Equal(["certificate.pdf is not a PDF: its content does not begin as a PDF does, whatever its name. Attach the certificate as a PDF."],
            Errors(problem, "document"));
        Assert.Equal(before, await CertificateCountAsync(app, Number));
        var store = app.Factory.Services.GetRequiredService<DocumentStore>();
        Assert.Null(store.Open(Convert.ToHexStringLower(SHA256.HashData(text))));
    }

    [Fact]
    public async Task Submit_KeepsThePdfByItsHash_AndServesItBack()
    {
        var created = await ExpectAsync(await SubmitAsync(await OtherCrewAsync(app), Number, Certificate(2021)), HttpStatusCode.Created);
        Assert.Equal("Submitted", created.GetProperty("status").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf)), created.GetProperty("documentSha256").GetString());
        Assert.Equal(5, created.GetProperty("coverages").GetArrayLength());

        var pdf = await (await PurchasingAsync(app)).GetAsync(created.GetProperty("documentUrl").GetString());

        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Pdf, await pdf.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task BadRatingOrDates_AreRefusedAtTheirFields_NothingStored()
    {
        var certificate = Certificate(2022, rating: "Excellent");
        LineOf(certificate, "AutomobileLiability")["expiration"] = "2022-01-01";
        var before = await CertificateCountAsync(app, Number);

        var problem = await ExpectAsync(await SubmitAsync(await OtherCrewAsync(app), Number, certificate), HttpStatusCode.BadRequest);

        Assert.Equal(["\"Excellent\" is not a Best's rating such as \"A- VIII\": a grade (A++ to F) and a size class (I to XV)."], Errors(problem, "insurers[0].rating"));
        Assert.Equal(["The expiration date must come after the effective date."], Errors(problem, "coverages[1].expiration"));
        Assert.Equal(before, await CertificateCountAsync(app, Number));
    }

    [Fact]
    public async Task Roles_ContractorCannotReview_AthleticDirectorCannotSubmitNorReview_NothingChanges()
    {
        var created = await ExpectAsync(await SubmitAsync(await OtherCrewAsync(app), Number, Certificate(2023)), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        var director = await DirectorAsync(app);
        var crew = await OtherCrewAsync(app);
        var before = await CertificateCountAsync(app, Number);

        Assert.Equal(HttpStatusCode.Forbidden, (await crew.PostAsync($"{Api(Number)}/certificates/{id}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await director.PostAsync($"{Api(Number)}/certificates/{id}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await director.PostAsync($"{Api(Number)}/certificates/{id}/reject", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SubmitAsync(director, Number, Certificate(2023))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await crew.PutAsync($"{Api(Number)}/requirements", JsonContent.Create(new { minimumRating = "B" }))).StatusCode);

        Assert.Equal(before, await CertificateCountAsync(app, Number));
        var still = await ExpectAsync(await director.GetAsync($"{Api(Number)}/certificates/{id}"), HttpStatusCode.OK);
        Assert.Equal("Submitted", still.GetProperty("status").GetString());
    }

    [Fact]
    public async Task AnotherContractor_CannotSeeTheFirstsCertificates()
    {
        var crew = await CrewAsync(app);
        var list = await ExpectAsync(await crew.GetAsync($"{Api("2685")}/certificates"), HttpStatusCode.OK);
        var sample = list.EnumerateArray().First().GetProperty("id").GetGuid();
        var other = await OtherCrewAsync(app);

        foreach (var path in new[]
                 {
                     $"{Api("2685")}/certificates", $"{Api("2685")}/certificates/{sample}", $"{Api("2685")}/certificates/{sample}/document",
                     $"{Api("2685")}/compliance", $"{Api("2685")}/requirements", $"{Api(Number)}/certificates/{sample}",
                 })
        {
            var response = await other.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
            Assert.DoesNotContain("(sample)", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await SubmitAsync(other, "2685", Certificate(2024))).StatusCode);
    }

    [Fact]
    public async Task PaperCertificateEnteredByPurchasing_IsReviewedByAnotherMemberOfPurchasing()
    {
        var entering = await PurchasingAsync(app);
        var created = await ExpectAsync(await SubmitAsync(entering, Number, Certificate(2028)), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();

        var own = await ExpectAsync(await entering.PostAsync($"{Api(Number)}/certificates/{id}/accept", null), HttpStatusCode.Forbidden);
        Assert.Equal("Nobody accepts or rejects a certificate they entered themselves: another member of Purchasing reviews it.",
            own.GetProperty("detail").GetString());

        var colleague = await app.SignedInAsync(await Billing.BillingFlow.CreateUserAsync(app, "purchasing-2@hartford.example", Roles.Purchasing));
        var accepted = await ExpectAsync(await colleague.PostAsync($"{Api(Number)}/certificates/{id}/accept", null), HttpStatusCode.OK);
        Assert.Equal("Accepted", accepted.GetProperty("status").GetString());
        Assert.Equal("purchasing-2@hartford.example", accepted.GetProperty("reviewedBy").GetString());
    }

    [Fact]
    public async Task Reject_NeedsAReason_ThenRejectsWithIt()
    {
        var created = await ExpectAsync(await SubmitAsync(await OtherCrewAsync(app), Number, Certificate(2025)), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        var purchasing = await PurchasingAsync(app);

        var problem = await ExpectAsync(await purchasing.PostAsync($"{Api(Number)}/certificates/{id}/reject", JsonContent.Create(new { reason = "  " })),
            HttpStatusCode.BadRequest);
        Assert.Equal(["Say why the certificate is rejected."], Errors(problem, "reason"));
        Assert.Equal("Submitted", (await ExpectAsync(await purchasing.GetAsync($"{Api(Number)}/certificates/{id}"), HttpStatusCode.OK)).GetProperty("status").GetString());

        var rejected = await ExpectAsync(await purchasing.PostAsync($"{Api(Number)}/certificates/{id}/reject",
            JsonContent.Create(new { reason = "The City is not named as additional insured on the automobile line." })), HttpStatusCode.OK);

        Assert.Equal("Rejected", rejected.GetProperty("status").GetString());
        Assert.Equal("The City is not named as additional insured on the automobile line.", rejected.GetProperty("rejectionReason").GetString());
        await ExpectAsync(await purchasing.PostAsync($"{Api(Number)}/certificates/{id}/accept", null), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task TwoReviewsAtOnce_OneSucceeds_TheOtherIsAConflict()
    {
        var created = await ExpectAsync(await SubmitAsync(await OtherCrewAsync(app), Number, Certificate(2026)), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        var first = await PurchasingAsync(app);
        var second = await PurchasingAsync(app);

        var answers = await Task.WhenAll(
            first.PostAsync($"{Api(Number)}/certificates/{id}/accept", JsonContent.Create(new { version = 0 })),
            second.PostAsync($"{Api(Number)}/certificates/{id}/reject", JsonContent.Create(new { reason = "Wrong insured.", version = 0 })));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        var stale = await ExpectAsync(await first.PostAsync($"{Api(Number)}/certificates/{id}/accept", JsonContent.Create(new { version = 0 })),
            HttpStatusCode.Conflict);
        Assert.Equal("Changed meanwhile.", stale.GetProperty("title").GetString());
    }

    [Fact]
    public async Task SubcontractorsCertificate_NeedsAnApprovedRequest_ThenIsCheckedOnItsOwn()
    {
        await ApplyBidAsync(app);
        var pending = await SubcontractRequestAsync(app, "Pending Irrigation LLC (test)", approve: false);
        var approved = await SubcontractRequestAsync(app, "Approved Turf LLC (test)", approve: true);
        var crew = await OtherCrewAsync(app);
        var forPending = Certificate(2027);
        forPending["subcontractRequestId"] = pending;

        var refused = await ExpectAsync(await SubmitAsync(crew, Number, forPending), HttpStatusCode.BadRequest);
        Assert.Equal(
            ["The sub-contract request for Pending Irrigation LLC (test) is pending, not approved: only an approved sub-contractor's certificate is taken."],
            Errors(refused, "subcontractRequestId"));

        var forApproved = Certificate(2027);
        forApproved["subcontractRequestId"] = approved;
        LineOf(forApproved, "CommercialGeneralLiability")["limits"] = new Dictionary<string, decimal> { ["Combined single limit"] = 500_000m };
        await AcceptedAsync(app, forApproved);

        var view = await ExpectAsync(await crew.GetAsync($"{Api(Number)}/compliance?on=2027-02-01"), HttpStatusCode.OK);
        var sub = Assert.Single(view.GetProperty("subcontractors").EnumerateArray());
        Assert.Equal("Approved Turf LLC (test)", sub.GetProperty("insured").GetString());
        var cgl = sub.GetProperty("requirements").EnumerateArray().Single(r => r.GetProperty("kind").GetString() == "CommercialGeneralLiability");
        Assert.False(cgl.GetProperty("met").GetBoolean());
        Assert.Equal("BelowLimit", cgl.GetProperty("findings")[0].GetProperty("kind").GetString());
        Assert.True(sub.GetProperty("requirements").EnumerateArray().Single(r => r.GetProperty("kind").GetString() == "AutomobileLiability")
            .GetProperty("met").GetBoolean());
        // The sub-contractor's certificate does not stand in for the contractor's own.
        Assert.False(view.GetProperty("contractor").GetProperty("allMet").GetBoolean());
    }

    [Fact]
    public async Task Requirements_NoneSetThenBid2685InOneStep_BadRatingIsA400AtItsField()
    {
        await NewContractAsync(app, "9301");
        var purchasing = await PurchasingAsync(app);
        var none = await ExpectAsync(await purchasing.GetAsync($"{Api("9301")}/requirements"), HttpStatusCode.OK);
        Assert.False(none.GetProperty("isSet").GetBoolean());
        Assert.Equal("No insurance requirements set.", none.GetProperty("summary").GetString());

        var set = await ExpectAsync(await purchasing.PostAsync($"{Api("9301")}/requirements/bid-2685", null), HttpStatusCode.OK);
        Assert.True(set.GetProperty("isSet").GetBoolean());
        Assert.Equal("A- VIII", set.GetProperty("minimumRating").GetString());
        Assert.Equal(30, set.GetProperty("noticeOfCancellationDays").GetInt32());
        Assert.False(set.GetProperty("lapseOpensCase").GetBoolean());
        var employers = set.GetProperty("coverages").EnumerateArray().Single(c => c.GetProperty("kind").GetString() == "EmployersLiability");
        Assert.Equal([100_000m, 100_000m, 500_000m], employers.GetProperty("limits").EnumerateArray().Select(l => l.GetProperty("amount").GetDecimal()));

        var bad = await ExpectAsync(await purchasing.PutAsync($"{Api("9301")}/requirements", JsonContent.Create(new
        {
            coverages = new[] { new { kind = "CommercialGeneralLiability", limits = new[] { new { name = "Combined single limit", amount = 1_000_000m } } } },
            minimumRating = "A- 8", noticeOfCancellationDays = 30, certificateDueDays = 5, lapseOpensCase = true,
        })), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Errors(bad, "minimumRating"));

        var changed = await ExpectAsync(await purchasing.PutAsync($"{Api("9301")}/requirements", JsonContent.Create(new
        {
            coverages = new[] { new { kind = "CommercialGeneralLiability", limits = new[] { new { name = "Combined single limit", amount = 2_000_000m } } } },
            minimumRating = "A VII", noticeOfCancellationDays = 45, certificateDueDays = 10, lapseOpensCase = true,
        })), HttpStatusCode.OK);
        Assert.Equal("A VII", changed.GetProperty("minimumRating").GetString());
        Assert.Equal(2_000_000m, changed.GetProperty("coverages")[0].GetProperty("limits")[0].GetProperty("amount").GetDecimal());
        Assert.True(changed.GetProperty("lapseOpensCase").GetBoolean());
    }
}

public sealed class InsuranceCertificatesApiTests_Sqlite(SqliteApp app) : InsuranceCertificatesApiTests(app), IClassFixture<SqliteApp>;

public sealed class InsuranceCertificatesApiTests_Postgres(PostgresApp app) : InsuranceCertificatesApiTests(app), IClassFixture<PostgresApp>;
