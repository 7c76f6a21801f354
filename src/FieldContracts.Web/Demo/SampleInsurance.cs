using System.Globalization;
using System.Security.Cryptography;
using FieldContracts.Administration;
using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.Deliverables;
using FieldContracts.Administration.Insurance;
using FieldContracts.Data;
using FieldContracts.Data.Compliance;
using FieldContracts.Web.Features.Deliverables;
using FieldContracts.Web.Features.Insurance;
using FieldContracts.Web.Features.Performance.Documents;
using FieldContracts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using PdfSharp.Pdf;

namespace FieldContracts.Web.Demo;

/// <summary>
/// #2685's insurance for the demonstration: special instruction 14 as the contract's requirements (a lapse is not set to
/// open a case), and the two sample certificates on file by the demonstration's today (July 10, 2003), accepted by
/// Purchasing, labelled "(sample)": the first of May 2003 with every line but automobile to May 1, 2004 and the automobile
/// policy then in force (to July 1, 2003); and its automobile renewal to July 1, 2004. Nothing on file renews them, so the
/// timeline shows gaps from May 1, 2004 (last covered day April 30) and July 1, 2004 (June 30) to the end of the term,
/// with the reminders before each. Each has a small PDF in the document store.
/// </summary>
public static class SampleInsurance
{
    private const string Purchasing = "purchasing@hartford.example";
    private const string Contractor = "crew@contractor.example";

    public static async Task AddAsync(FieldContractsDbContext db, DocumentStore documents, Guid contractId, CancellationToken ct)
    {
        if (await db.InsuranceRequirements.AnyAsync(r => r.ContractId == contractId, ct)
            || await db.InsuranceCertificates.AnyAsync(c => c.ContractId == contractId, ct))
        {
            return;
        }

        var contract = await db.Contracts.AsNoTracking().SingleAsync(c => c.Id == contractId, ct);
        var insured = await db.Contractors.AsNoTracking().SingleAsync(c => c.Id == contract.ContractorId, ct);
        var setUp = At(contract.AwardedOn);
        db.InsuranceRequirements.Add(InsuranceRequirementsRecord.Of(contractId, InsuranceRequirements.Bid2685(contract.Term), lapseOpensCase: false,
            Purchasing, setUp));

        var insuredParty = new CertificateParty(insured.Name, insured.Address.ToString());
        var insurers = new List<Insurer>
        {
            new("A", "Nutmeg Casualty Company (sample)", "10001", new BestRating(BestGrade.A, 10)),
            new("B", "Charter Oak Auto Insurance Company (sample)", "10002", new BestRating(BestGrade.AMinus, 9)),
            new("C", "Connecticut Workers Mutual (sample)", "10003", new BestRating(BestGrade.A, 8)),
        };

        Line Cgl(LocalDate from, LocalDate to) => new("A", CoverageKind.CommercialGeneralLiability, "CGL-2685-", from, to,
            new() { [LimitNames.CombinedSingleLimit] = 1_000_000m }, false, true);
        Line Auto(LocalDate from, LocalDate to) => new("B", CoverageKind.AutomobileLiability, "BAP-2685-", from, to,
            new() { [LimitNames.CombinedSingleLimit] = 1_000_000m }, false, true);
        Line Comp(LocalDate from, LocalDate to) => new("C", CoverageKind.WorkersCompensation, "WC-2685-", from, to, [], true, false);
        Line Employers(LocalDate from, LocalDate to) => new("C", CoverageKind.EmployersLiability, "WC-2685-", from, to,
            new()
            {
                [LimitNames.EachAccident] = 100_000m, [LimitNames.DiseaseEachEmployee] = 100_000m, [LimitNames.DiseasePolicyLimit] = 500_000m,
            }, false, true);
        Line Garage(LocalDate from, LocalDate to) => new("A", CoverageKind.GarageKeepersLegalLiability, "GKL-2685-", from, to,
            new() { [LimitNames.SingleLimit] = 2_000_000m }, false, true);

        var may2003 = new LocalDate(2003, 5, 1);
        var may2004 = new LocalDate(2004, 5, 1);
        var july2002 = new LocalDate(2002, 7, 1);
        var july2003 = new LocalDate(2003, 7, 1);
        var july2004 = new LocalDate(2004, 7, 1);
        var samples = new (LocalDate Issued, LocalDate Submitted, LocalDate Accepted, string Suffix, Line[] Lines)[]
        {
            (new(2003, 5, 8), new(2003, 5, 9), new(2003, 5, 12), "03",
                [Cgl(may2003, may2004), Auto(july2002, july2003), Comp(may2003, may2004), Employers(may2003, may2004), Garage(may2003, may2004)]),
            (new(2003, 6, 24), new(2003, 6, 25), new(2003, 6, 27), "03", [Auto(july2003, july2004)]),
        };

        foreach (var (issued, submitted, accepted, suffix, lines) in samples)
        {
            var coverages = lines.Select(l => l.ToCoverage(suffix)).ToList();
            var used = coverages.Select(c => c.InsurerLetter).ToHashSet();
            var certificate = new InsuranceCertificate(Guid.NewGuid(), issued,
                new CertificateParty("Capitol Insurance Agency (sample)", "100 Pearl Street, Hartford, CT 06103"), insuredParty,
                insurers.Where(i => used.Contains(i.Letter)).ToList(), coverages,
                "Athletic fields maintenance, bid #2685, at Hartford Public, Weaver and Bulkeley High Schools. The City of Hartford is included as an " +
                "additional insured, ATIMA (not for workers' compensation). Thirty (30) days' advance written notice of cancellation, non-renewal or " +
                "material change by endorsement. Sample certificate (demo data).",
                new CertificateParty("City of Hartford, Purchasing Division", "550 Main Street, Hartford, CT 06103"), 30, submitted);
            if (certificate.Accept(Party.Purchasing, DemoData.Users.Single(u => u.Role == FieldContracts.Data.Identity.Roles.Purchasing).Email, accepted) is { } refusal)
            {
                throw new InvalidOperationException($"The sample certificate of {issued} was refused: {refusal.Message}");
            }

            var pdf = Pdf(certificate, contract.Number);
            var sha = Convert.ToHexStringLower(SHA256.HashData(pdf));
            var fileName = $"certificate-{issued:yyyy-MM-dd}-sample.pdf";
            await documents.SaveAsync(new CheckedDocument(new DeliverableDocument(fileName, CertificatePdf.ContentType, sha, pdf.LongLength), pdf), ct);
            var record = InsuranceCertificateRecord.Of(contractId, null, certificate, Contractor, At(submitted), fileName, CertificatePdf.ContentType, sha,
                pdf.LongLength);
            record.Take(certificate, Purchasing);
            record.Version = 0;
            record.IsSample = true;
            db.InsuranceCertificates.Add(record);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>A one-page PDF of the sample certificate, saying that it is a sample.</summary>
    private static byte[] Pdf(InsuranceCertificate certificate, string contractNumber)
    {
        CaseDocumentFonts.Register();
        using var document = new PdfDocument();
        document.Info.Title = $"Certificate of liability insurance (sample), contract #{contractNumber}";
        document.Info.Creator = "FieldContracts";
        using (var flow = new PageFlow(document))
        {
            flow.Letterhead(certificate.Producer.Name + ", " + certificate.Producer.Address);
            flow.Title("Certificate of liability insurance (sample)", $"Date {certificate.IssuedOn:MM/dd/yyyy} · contract #{contractNumber}");
            flow.Boxed("SAMPLE: demonstration data, not a real certificate of insurance.");
            flow.Field("Insured", certificate.Insured.Name + ", " + certificate.Insured.Address);
            foreach (var insurer in certificate.Insurers)
            {
                flow.Field($"Insurer {insurer.Letter}", $"{insurer.Name}, NAIC {insurer.NaicNumber}, Best's {insurer.Rating}");
            }

            flow.Heading("Coverages");
            foreach (var line in certificate.Coverages)
            {
                var limits = string.Join("; ", line.Limits.Select(l => $"{l.Key} {l.Value.Amount.ToString("C0", CultureInfo.GetCultureInfo("en-US"))}"));
                flow.Item($"{InsuranceWords.Kind(line.Kind)} (insurer {line.InsurerLetter}), policy {line.PolicyNumber}, " +
                          $"{line.Period.Effective:MM/dd/yyyy} to {line.Period.Expiration:MM/dd/yyyy}" +
                          (line.Statutory ? ", per statute" : "") + (limits.Length > 0 ? $": {limits}" : "") +
                          (line.AdditionalInsured ? "; additional insured" : ""));
            }

            flow.Heading("Description of operations");
            flow.Paragraphs(certificate.DescriptionOfOperations);
            flow.Field("Certificate holder", certificate.Holder.Name + ", " + certificate.Holder.Address);
            flow.Finish("Sample certificate (demo data)");
        }

        return DeterministicPdf.Save(document, certificate.IssuedOn);
    }

    private static Instant At(LocalDate day) => day.At(new LocalTime(10, 0)).InZoneStrictly(Hartford.Zone).ToInstant();

    private sealed record Line(string Insurer, CoverageKind Kind, string Policy, LocalDate From, LocalDate To, Dictionary<string, decimal> Limits,
        bool Statutory, bool AdditionalInsured)
    {
        public CertificateCoverage ToCoverage(string suffix) => new(Insurer, Kind, Policy + (Kind == CoverageKind.AutomobileLiability ? From.Year.ToString("0000",
                CultureInfo.InvariantCulture)[2..] : suffix),
            new PolicyPeriod(From, To), Limits.ToDictionary(l => l.Key, l => Money.Dollars(l.Value), StringComparer.OrdinalIgnoreCase), Statutory,
            AdditionalInsured, WaiverOfSubrogation: true, CoverageBasis.Occurrence);
    }
}
