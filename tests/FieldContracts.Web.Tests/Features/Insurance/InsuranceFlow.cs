using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.Subcontracting;
using FieldContracts.Scheduling.Contracts;
using FieldContracts.Web.Demo;
using FieldContracts.Web.Features.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FieldContracts.Web.Tests.Features.Insurance;

/// <summary>
/// What the insurance tests share: certificates as the contractor submits them (multipart, the fields as JSON beside the
/// PDF), for the second contractor's contract 9001 under bid #2685's instruction 14, each test in its own policy years so
/// that the tests of a class do not see each other's lines.
/// </summary>
internal static partial class InsuranceFlow
{
    public static string Api(string number) => $"/api/contracts/{number}/insurance";

    /// <summary>A small, valid one-page PDF.</summary>
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    public static Task<HttpClient> PurchasingAsync(TestApp app) => app.SignedInAsync(TestApp.EmailOf(Roles.Purchasing));

    public static Task<HttpClient> CrewAsync(TestApp app) => app.SignedInAsync(TestApp.EmailOf(Roles.Contractor));

    public static Task<HttpClient> DirectorAsync(TestApp app) => app.SignedInAsync(TestApp.EmailOf(Roles.AthleticDirector));

    public static Task<HttpClient> OtherCrewAsync(TestApp app) => app.SignedInAsync(TestApp.OtherContractorEmail);

    /// <summary>Purchasing applies instruction 14 to contract 9001 (the same every time).</summary>
    public static async Task ApplyBidAsync(TestApp app, string number = TestApp.OtherContractNumber)
    {
        var purchasing = await PurchasingAsync(app);
        var response = await purchasing.PostAsync($"{Api(number)}/requirements/bid-2685", null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// A certificate showing all five of instruction 14's lines as the bid asks, in force for the calendar year
    /// <paramref name="year"/> (printed expiration January 1 of the next), to be changed by the test.
    /// </summary>
    public static Dictionary<string, object?> Certificate(int year, string rating = "A VIII")
    {
        var from = $"{year}-01-01";
        var to = $"{year + 1}-01-01";
        Dictionary<string, object?> Line(string kind, Dictionary<string, decimal> limits, bool statutory = false, bool additionalInsured = true) => new()
        {
            ["insurerLetter"] = "A", ["kind"] = kind, ["policyNumber"] = $"{kind[..3].ToUpperInvariant()}-{year}", ["effective"] = from, ["expiration"] = to,
            ["limits"] = limits, ["statutory"] = statutory, ["additionalInsured"] = additionalInsured, ["waiverOfSubrogation"] = true, ["basis"] = "Occurrence",
        };

        return new Dictionary<string, object?>
        {
            ["issuedOn"] = "2003-07-01",
            ["producer"] = new { name = "Test Agency", address = "1 Agency Row, Hartford, CT 06103" },
            ["insured"] = new { name = "Other Grounds Co (test)", address = "1 Test Road, Hartford, CT 06120" },
            ["insurers"] = new[] { new { letter = "A", name = "Test Mutual", naicNumber = "99999", rating } },
            ["coverages"] = new List<Dictionary<string, object?>>
            {
                Line("CommercialGeneralLiability", new() { ["Combined single limit"] = 1_000_000m }),
                Line("AutomobileLiability", new() { ["Combined single limit"] = 1_000_000m }),
                Line("WorkersCompensation", [], statutory: true, additionalInsured: false),
                Line("EmployersLiability", new() { ["Each accident"] = 100_000m, ["Disease – each employee"] = 100_000m, ["Disease – policy limit"] = 500_000m }),
                Line("GarageKeepersLegalLiability", new() { ["Single limit"] = 2_000_000m }),
            },
            ["descriptionOfOperations"] = "Athletic fields maintenance. The City of Hartford is an additional insured, ATIMA.",
            ["holder"] = new { name = "City of Hartford", address = "550 Main Street, Hartford, CT 06103" },
            ["cancellationNoticeDays"] = 30,
        };
    }

    /// <summary>The line of <paramref name="kind"/> in a certificate made by <see cref="Certificate"/>.</summary>
    public static Dictionary<string, object?> LineOf(Dictionary<string, object?> certificate, string kind) =>
        ((List<Dictionary<string, object?>>)certificate["coverages"]!).Single(l => (string)l["kind"]! == kind);

    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, string number, object certificate, byte[]? pdf = null,
        string fileName = "certificate.pdf")
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent(JsonSerializer.Serialize(certificate), Encoding.UTF8, "application/json"), "certificate" },
        };
        var file = new ByteArrayContent(pdf ?? Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(file, "document", fileName);
        return client.PostAsync($"{Api(number)}/certificates", content);
    }

    /// <summary>The contractor of 9001 submits and Purchasing accepts; returns the certificate's id.</summary>
    public static async Task<Guid> AcceptedAsync(TestApp app, object certificate)
    {
        var submitted = await ExpectAsync(await SubmitAsync(await OtherCrewAsync(app), TestApp.OtherContractNumber, certificate), HttpStatusCode.Created);
        var id = submitted.GetProperty("id").GetGuid();
        var accepted = await ExpectAsync(await (await PurchasingAsync(app)).PostAsync($"{Api(TestApp.OtherContractNumber)}/certificates/{id}/accept", null),
            HttpStatusCode.OK);
        Assert.Equal("Accepted", accepted.GetProperty("status").GetString());
        return id;
    }

    /// <summary>The standing of the contractor of <paramref name="number"/> on <paramref name="day"/>: per kind, whether met and the findings.</summary>
    public static async Task<Dictionary<string, (bool Met, IReadOnlyList<(string Kind, string Reason)> Findings)>> StandingAsync(HttpClient client,
        string number, string day)
    {
        var view = await ExpectAsync(await client.GetAsync($"{Api(number)}/compliance?on={day}"), HttpStatusCode.OK);
        return view.GetProperty("contractor").GetProperty("requirements").EnumerateArray().ToDictionary(
            r => r.GetProperty("kind").GetString()!,
            r => (r.GetProperty("met").GetBoolean(), (IReadOnlyList<(string, string)>)r.GetProperty("findings").EnumerateArray()
                .Select(f => (f.GetProperty("kind").GetString()!, f.GetProperty("reason").GetString()!)).ToList()));
    }

    /// <summary>Asserts the status, and for a refusal that the answer is problem details; returns the body.</summary>
    public static async Task<JsonElement> ExpectAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)status}, got {(int)response.StatusCode} {text}");
        if ((int)status >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static IReadOnlyList<string> Errors(JsonElement problem, string field) =>
        problem.GetProperty("errors").TryGetProperty(field, out var messages) ? messages.EnumerateArray().Select(m => m.GetString()!).ToList() : [];

    public static async Task<int> CertificateCountAsync(TestApp app, string number)
    {
        await using var db = app.Database.CreateContext();
        return await db.InsuranceCertificates.CountAsync(c => db.Contracts.Any(k => k.Id == c.ContractId && k.Number == number));
    }

    /// <summary>Another contract like #2685 under a new number, with no insurance data.</summary>
    public static async Task NewContractAsync(TestApp app, string number)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<ImportContractHandler>();
        var document = (await DemoData.LoadContract2685Async(CancellationToken.None)) with
        {
            Number = number,
            Title = $"Test contract {number}",
            Contractor = new ContractorDocument($"Grounds {number} (test)", new AddressDocument("2 Test Road", "Hartford", "CT", "06120"), []),
            PriceLines = [],
        };
        Assert.IsType<ImportResult.Created>(await importer.HandleAsync(document, "test", CancellationToken.None));
    }

    /// <summary>A sub-contract request of 9001 for <paramref name="name"/>, approved by Purchasing when <paramref name="approve"/>.</summary>
    public static async Task<Guid> SubcontractRequestAsync(TestApp app, string name, bool approve)
    {
        await using var db = app.Database.CreateContext();
        var contractId = await db.Contracts.Where(c => c.Number == TestApp.OtherContractNumber).Select(c => c.Id).SingleAsync();
        var (request, refusals) = SubcontractRequest.Request(contractId, SubcontractingPolicy.PriorApprovalRequired,
            new Subcontractor(name, "3 Test Road, Hartford, CT 06120"), ["III.2"], Party.Contractor, new LocalDate(2003, 7, 1), TestApp.OtherContractorEmail);
        Assert.Empty(refusals);
        if (approve)
        {
            Assert.Null(request!.Approve(SubcontractingPolicy.PriorApprovalRequired, Party.Purchasing, TestApp.EmailOf(Roles.Purchasing), new LocalDate(2003, 7, 2)));
        }

        db.SubcontractRequests.Add(request!);
        await db.SaveChangesAsync();
        return request!.Id;
    }

    /// <summary>GETs the form page for its anti-forgery token, then posts the fields and a file as multipart/form-data.</summary>
    public static async Task<HttpResponseMessage> PostMultipartFormAsync(HttpClient client, string url, Dictionary<string, string> fields, string fileField,
        byte[] file, string fileName)
    {
        var page = await client.GetStringAsync(url);
        var token = AntiforgeryToken().Match(page);
        Assert.True(token.Success, $"{url} has no anti-forgery token.");
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        content.Add(new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken");
        content.Add(new ByteArrayContent(file), fileField, fileName);
        return await client.PostAsync(url, content);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
