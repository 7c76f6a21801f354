using FieldContracts.Administration;
using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.Insurance;
using FieldContracts.Administration.Licences;
using FieldContracts.Administration.Subcontracting;
using FieldContracts.Data.Compliance;
using FieldContracts.Scheduling.Contracts;
using FieldContracts.Testing;
using Microsoft.EntityFrameworkCore;

namespace FieldContracts.Data.Tests;

/// <summary>Insurance requirements, certificates, licences and sub-contract requests keep every figure and date they were saved with.</summary>
public abstract class ComplianceRoundTripTests(DatabaseProvider provider)
{
    private static readonly DateInterval Term = new(new LocalDate(2003, 5, 15), new LocalDate(2004, 12, 31));

    [Fact]
    public async Task RequirementsCertificateLicenceAndRequest_SavedAndRead_AreTheSame()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var contractor = new Contractor(Guid.NewGuid(), "Round Trip Grounds", new PostalAddress("1 Main Street", "Hartford", "CT", "06103"));
        var contract = new Contract(Guid.NewGuid(), "2685", "Athletic Fields; Maintenance Of", contractor.Id, Term, new LocalDate(2003, 4, 30),
            new ContractSettings(SubcontractingPolicy.PriorApprovalRequired, Duration.FromHours(48), 10));
        var at = Instant.FromUtc(2003, 5, 9, 14, 0);
        var bid = InsuranceRequirements.Bid2685(Term);
        var certificate = new InsuranceCertificate(Guid.NewGuid(), new LocalDate(2003, 5, 8),
            new CertificateParty("Sample Agency", "10 Pearl Street, Hartford, CT 06103"), new CertificateParty("Round Trip Grounds", "1 Main Street, Hartford, CT 06103"),
            [new Insurer("A", "Sample Casualty Co.", "12345", new BestRating(BestGrade.AMinus, 8))],
            [
                new CertificateCoverage("A", CoverageKind.EmployersLiability, "WC-1", new PolicyPeriod(new LocalDate(2003, 7, 1), new LocalDate(2004, 7, 1)),
                    new Dictionary<string, Money>
                    {
                        [LimitNames.EachAccident] = Money.Dollars(100_000m),
                        [LimitNames.DiseaseEachEmployee] = Money.Dollars(100_000m),
                        [LimitNames.DiseasePolicyLimit] = Money.Dollars(500_000m),
                    },
                    Statutory: false, AdditionalInsured: true, WaiverOfSubrogation: true, CoverageBasis.Occurrence),
                new CertificateCoverage("A", CoverageKind.GarageKeepersLegalLiability, "GK-1", new PolicyPeriod(new LocalDate(2003, 5, 1), new LocalDate(2004, 5, 1)),
                    new Dictionary<string, Money> { [LimitNames.SingleLimit] = Money.Dollars(2_000_000m) },
                    Statutory: false, AdditionalInsured: true, WaiverOfSubrogation: false, CoverageBasis.ClaimsMade, new LocalDate(2006, 12, 31)),
            ],
            "The City of Hartford is an additional insured, ATIMA.", new CertificateParty("City of Hartford", "550 Main Street, Hartford, CT 06103"), 30,
            new LocalDate(2003, 5, 9));
        Assert.Null(certificate.Accept(Party.Purchasing, "purchasing@hartford.example", new LocalDate(2003, 5, 12)));
        var (licence, _) = Licence.Enter(LicenceHolder.Person("Pat Applicator"), LicenceKind.PesticideOperator, "3A turf", "O-1234", "CT DEEP",
            new LocalDate(2002, 9, 1), new LocalDate(2004, 6, 30));
        var (request, _) = SubcontractRequest.Request(contract.Id, SubcontractingPolicy.PriorApprovalRequired,
            new Subcontractor("Sample Irrigation LLC", "5 Elm Street, Hartford, CT 06106", "Sam, 860-555-0100"), ["V", "Irrigation winterizing"],
            Party.Contractor, new LocalDate(2003, 6, 2), "crew@contractor.example");

        await using (var db = database.CreateContext())
        {
            await FieldContractsDatabase.MigrateAsync(db);
            db.Contractors.Add(contractor);
            db.Contracts.Add(contract);
            db.InsuranceRequirements.Add(InsuranceRequirementsRecord.Of(contract.Id, bid, lapseOpensCase: true, "purchasing@hartford.example", at));
            var record = InsuranceCertificateRecord.Of(contract.Id, null, certificate, "crew@contractor.example", at, "acord25.pdf", "application/pdf",
                new string('a', 64), 12_345);
            record.Take(certificate, "purchasing@hartford.example");
            db.InsuranceCertificates.Add(record);
            db.Licences.Add(new LicenceRecord
            {
                Id = Guid.NewGuid(), ContractorId = contractor.Id, Holder = licence!.Holder.Name, Kind = licence.Kind, Category = licence.Category,
                Number = licence.Number, Issuer = licence.Issuer, IssuedOn = licence.IssuedOn, ExpiresOn = licence.ExpiresOn,
                ReminderEmail = "crew@contractor.example", AddedBy = "crew@contractor.example", AddedAt = at,
            });
            db.SubcontractRequests.Add(request!);
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        var requirements = (await read.InsuranceRequirements.SingleAsync()).ToRequirements(Term);
        Assert.Equal(bid.Coverages.Select(c => (c.Kind, c.Statutory, c.CityAdditionalInsured, c.ClaimsMadeTailYears)),
            requirements.Coverages.Select(c => (c.Kind, c.Statutory, c.CityAdditionalInsured, c.ClaimsMadeTailYears)));
        Assert.Equal(bid.Coverages.SelectMany(c => c.Limits), requirements.Coverages.SelectMany(c => c.Limits));
        Assert.Equal(new BestRating(BestGrade.AMinus, 8), requirements.MinimumRating);
        Assert.Equal(30, requirements.NoticeOfCancellationDays);

        var stored = await read.InsuranceCertificates.SingleAsync();
        var loaded = stored.ToCertificate();
        Assert.Equal(CertificateStatus.Accepted, loaded.Status);
        Assert.Equal(new LocalDate(2003, 5, 12), loaded.ReviewedOn);
        Assert.Equal(1, stored.Version);
        Assert.Equal(new BestRating(BestGrade.AMinus, 8), Assert.Single(loaded.Insurers).Rating);
        var el = loaded.Coverages.Single(c => c.Kind == CoverageKind.EmployersLiability);
        Assert.Equal(Money.Dollars(500_000m), el.Limit(LimitNames.DiseasePolicyLimit));
        Assert.Equal(new LocalDate(2004, 6, 30), el.Period.LastCoveredDay);
        var gk = loaded.Coverages.Single(c => c.Kind == CoverageKind.GarageKeepersLegalLiability);
        Assert.Equal((CoverageBasis.ClaimsMade, new LocalDate(2006, 12, 31)), (gk.Basis, gk.ExtendedReportingEnds));
        // The loaded certificate meets the two lines it shows on the bid's own terms.
        var onDay = InsuranceCompliance.On(requirements, [loaded], new LocalDate(2003, 8, 1));
        Assert.True(onDay.Single(r => r.Requirement.Kind == CoverageKind.EmployersLiability).IsMet);
        Assert.True(onDay.Single(r => r.Requirement.Kind == CoverageKind.GarageKeepersLegalLiability).IsMet);

        var loadedLicence = (await read.Licences.SingleAsync()).ToLicence();
        Assert.Equal(licence, loadedLicence);
        Assert.True(loadedLicence.IsValidOn(new LocalDate(2004, 6, 30)));
        Assert.False(loadedLicence.IsValidOn(new LocalDate(2004, 7, 1)));

        var loadedRequest = await read.SubcontractRequests.SingleAsync();
        Assert.Equal(new Subcontractor("Sample Irrigation LLC", "5 Elm Street, Hartford, CT 06106", "Sam, 860-555-0100"), loadedRequest.Subcontractor);
        Assert.Equal(["V", "Irrigation winterizing"], loadedRequest.ItemReferences);
        Assert.Equal((SubcontractRequestStatus.Pending, "crew@contractor.example"), (loadedRequest.Status, loadedRequest.RequestedBy));
    }
}

public sealed class ComplianceRoundTripTests_Sqlite() : ComplianceRoundTripTests(DatabaseProvider.Sqlite);

public sealed class ComplianceRoundTripTests_Postgres() : ComplianceRoundTripTests(DatabaseProvider.PostgreSql);
