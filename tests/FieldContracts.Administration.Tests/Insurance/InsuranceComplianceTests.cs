using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.Insurance;
using static FieldContracts.Administration.Tests.Insurance.Certificates;

namespace FieldContracts.Administration.Tests.Insurance;

/// <summary>
/// Special instruction 14: "The Contractor shall obtain and maintain … throughout the term of this contract … issued by an
/// insurance company … having a Best's Key Rating of A-VIII or better, at least, the following insurance coverage."
/// </summary>
public sealed class InsuranceComplianceTests
{
    private static readonly LocalDate Day = new(2003, 9, 15);

    private static Func<CertificateCoverage, CertificateCoverage> Only(CoverageKind kind, Func<CertificateCoverage, CertificateCoverage> change) =>
        line => line.Kind == kind ? change(line) : line;

    [Fact]
    public void On_CertificateAsTheBidAsks_EveryRequirementMet()
    {
        var results = InsuranceCompliance.On(Requirements, [Certificate()], Day);

        Assert.Equal(5, results.Count);
        Assert.All(results, r => Assert.True(r.IsMet, string.Join(" ", r.Findings.Select(f => f.Reason))));
        var cgl = Assert.IsType<ComplianceFinding.Met>(results[0].Findings.Single());
        Assert.Equal(new LocalDate(2004, 6, 30), cgl.LastCoveredDay);
    }

    [Fact]
    public void On_Cgl1000000_Met()
    {
        // "Commercial General Liability … $1,000,000 Combined Single Limit Bodily Injury and Property Damage."
        Assert.True(On(CoverageKind.CommercialGeneralLiability, Day, Certificate()).IsMet);
    }

    [Fact]
    public void On_Cgl500000_BelowLimit()
    {
        var certificate = Certificate(change: Only(CoverageKind.CommercialGeneralLiability,
            l => l with { Limits = Limits((LimitNames.CombinedSingleLimit, 500_000m)) }));

        var finding = Assert.IsType<ComplianceFinding.BelowLimit>(On(CoverageKind.CommercialGeneralLiability, Day, certificate).Findings.Single());

        Assert.Equal(LimitNames.CombinedSingleLimit, finding.Limit);
        Assert.Equal(Money.Dollars(1_000_000m), finding.Required);
        Assert.Equal(Money.Dollars(500_000m), finding.Shown);
        Assert.Equal("Policy CGL-1001's combined single limit is $500,000.00; $1,000,000.00 is required.", finding.Reason);
    }

    [Fact]
    public void On_EmployersLiability100k100k500k_ThreeLimitsEachChecked()
    {
        // "$100,000 Bodily Injury for Each Accident $100,000 Bodily Injury by Disease for Each Employee $500,000 Bodily Injury by Disease Aggregate"
        Assert.True(On(CoverageKind.EmployersLiability, Day, Certificate()).IsMet);

        var short100k100k100k = Certificate(change: Only(CoverageKind.EmployersLiability, l => l with
        {
            Limits = Limits((LimitNames.EachAccident, 100_000m), (LimitNames.DiseaseEachEmployee, 100_000m), (LimitNames.DiseasePolicyLimit, 100_000m)),
        }));
        var finding = Assert.IsType<ComplianceFinding.BelowLimit>(On(CoverageKind.EmployersLiability, Day, short100k100k100k).Findings.Single());
        Assert.Equal(LimitNames.DiseasePolicyLimit, finding.Limit);
        Assert.Equal(Money.Dollars(500_000m), finding.Required);
        Assert.Equal(Money.Dollars(100_000m), finding.Shown);

        var withoutEachAccident = Certificate(change: Only(CoverageKind.EmployersLiability, l => l with
        {
            Limits = Limits((LimitNames.DiseaseEachEmployee, 100_000m), (LimitNames.DiseasePolicyLimit, 500_000m)),
        }));
        var missing = Assert.IsType<ComplianceFinding.BelowLimit>(On(CoverageKind.EmployersLiability, Day, withoutEachAccident).Findings.Single());
        Assert.Equal(LimitNames.EachAccident, missing.Limit);
        Assert.Null(missing.Shown);
    }

    [Theory]
    [InlineData("A- VII", false)]
    [InlineData("A VIII", true)]
    [InlineData("A++ XV", true)]
    [InlineData("B++ IX", false)]
    public void On_InsurerRating_AMinusVIIIOrBetter(string rating, bool met)
    {
        var result = On(CoverageKind.AutomobileLiability, Day, Certificate(ratingA: rating));

        Assert.Equal(met, result.IsMet);
        if (!met)
        {
            var finding = Assert.IsType<ComplianceFinding.RatingTooLow>(result.Findings.Single());
            Assert.Equal(Rating(rating), finding.Rating);
            Assert.Contains("A- VIII or better", finding.Reason);
        }
    }

    [Fact]
    public void On_AutoWithoutAdditionalInsured_AdditionalInsuredMissing()
    {
        // "The City of Hartford is included as an Additional Insured, ATIMA."
        var certificate = Certificate(change: Only(CoverageKind.AutomobileLiability, l => l with { AdditionalInsured = false }));

        var finding = Assert.IsType<ComplianceFinding.AdditionalInsuredMissing>(On(CoverageKind.AutomobileLiability, Day, certificate).Findings.Single());
        Assert.Equal("BA-2002", finding.PolicyNumber);
    }

    [Fact]
    public void On_WorkersCompensationWithoutAdditionalInsured_Met()
    {
        // "(This requirement does not apply to Workers' Compensation)"
        var certificate = Certificate();

        Assert.False(certificate.Coverages.Single(c => c.Kind == CoverageKind.WorkersCompensation).AdditionalInsured);
        Assert.True(On(CoverageKind.WorkersCompensation, Day, certificate).IsMet);
    }

    [Fact]
    public void On_WorkersCompensationNotPerStatute_BelowLimit()
    {
        // "Statutory Limits in accordance with Connecticut General Statutes"
        var certificate = Certificate(change: Only(CoverageKind.WorkersCompensation, l => l with { Statutory = false }));

        var finding = Assert.IsType<ComplianceFinding.BelowLimit>(On(CoverageKind.WorkersCompensation, Day, certificate).Findings.Single());
        Assert.Equal("Statutory", finding.Limit);
    }

    [Fact]
    public void On_GarageKeepersClaimsMade_NeedsTwoYearsAfterTheTerm()
    {
        // "Issued on an occurrence basis … and if on a claims made basis for two years following its completion."
        var noTail = Certificate(change: Only(CoverageKind.GarageKeepersLegalLiability, l => l with { Basis = CoverageBasis.ClaimsMade }));
        var shortTail = Certificate(change: Only(CoverageKind.GarageKeepersLegalLiability,
            l => l with { Basis = CoverageBasis.ClaimsMade, ExtendedReportingEnds = new LocalDate(2006, 6, 30) }));
        var fullTail = Certificate(change: Only(CoverageKind.GarageKeepersLegalLiability,
            l => l with { Basis = CoverageBasis.ClaimsMade, ExtendedReportingEnds = new LocalDate(2006, 12, 31) }));

        var none = Assert.IsType<ComplianceFinding.ClaimsMadeWithoutTail>(On(CoverageKind.GarageKeepersLegalLiability, Day, noTail).Findings.Single());
        Assert.Equal(new LocalDate(2006, 12, 31), none.RequiredThrough);
        Assert.Null(none.ShownThrough);
        Assert.IsType<ComplianceFinding.ClaimsMadeWithoutTail>(On(CoverageKind.GarageKeepersLegalLiability, Day, shortTail).Findings.Single());
        Assert.True(On(CoverageKind.GarageKeepersLegalLiability, Day, fullTail).IsMet);
    }

    [Fact]
    public void On_TenDaysNoticeOfCancellation_TooShort()
    {
        // "… without thirty (30) days advance written notice to the City."
        var finding = Assert.IsType<ComplianceFinding.CancellationNoticeTooShort>(
            On(CoverageKind.CommercialGeneralLiability, Day, Certificate(noticeDays: 10)).Findings.Single());

        Assert.Equal(10, finding.Shown);
        Assert.Equal(30, finding.Required);
    }

    [Fact]
    public void On_SeveralProblemsOnOneLine_AllReported()
    {
        var certificate = Certificate(ratingA: "B+ IX", change: Only(CoverageKind.CommercialGeneralLiability,
            l => l with { AdditionalInsured = false, Limits = Limits((LimitNames.CombinedSingleLimit, 500_000m)) }));

        var findings = On(CoverageKind.CommercialGeneralLiability, Day, certificate).Findings;

        Assert.Collection(findings,
            f => Assert.IsType<ComplianceFinding.RatingTooLow>(f),
            f => Assert.IsType<ComplianceFinding.BelowLimit>(f),
            f => Assert.IsType<ComplianceFinding.AdditionalInsuredMissing>(f));
    }

    [Fact]
    public void On_AfterTheLastCoveredDay_Expired()
    {
        var finding = Assert.IsType<ComplianceFinding.Expired>(On(CoverageKind.CommercialGeneralLiability, new LocalDate(2004, 7, 1), Certificate()).Findings.Single());

        Assert.Equal(new LocalDate(2004, 6, 30), finding.LastCoveredDay);
        Assert.True(On(CoverageKind.CommercialGeneralLiability, new LocalDate(2004, 6, 30), Certificate()).IsMet);
    }

    [Fact]
    public void On_BeforeTheEffectiveDate_NotYetEffective()
    {
        var renewal = Certificate(new LocalDate(2004, 7, 1), new LocalDate(2005, 7, 1));

        var finding = Assert.IsType<ComplianceFinding.NotYetEffective>(On(CoverageKind.AutomobileLiability, new LocalDate(2004, 6, 30), renewal).Findings.Single());
        Assert.Equal(new LocalDate(2004, 7, 1), finding.Effective);
    }

    [Fact]
    public void On_NoCertificate_Missing()
    {
        var results = InsuranceCompliance.On(Requirements, [], Day);

        Assert.All(results, r => Assert.IsType<ComplianceFinding.Missing>(r.Findings.Single()));
        Assert.Equal("No accepted certificate shows garage keepers legal liability.", results[4].Findings.Single().Reason);
    }

    [Fact]
    public void On_RejectedOrUnreviewedCertificate_CountsForNothing()
    {
        var rejected = Certificate(accept: false);
        Assert.Null(rejected.Reject(Party.Purchasing, Certificates.Reviewer, new LocalDate(2003, 5, 2), "Insurer not licensed in Connecticut."));
        var submitted = Certificate(accept: false);

        Assert.All(InsuranceCompliance.On(Requirements, [rejected, submitted], Day),
            r => Assert.IsType<ComplianceFinding.Missing>(r.Findings.Single()));
    }

    [Fact]
    public void On_OneGoodLineAmongShortOnes_Met()
    {
        var shortCgl = Certificate(change: Only(CoverageKind.CommercialGeneralLiability, l => l with { Limits = Limits((LimitNames.CombinedSingleLimit, 500_000m)) }));

        Assert.True(On(CoverageKind.CommercialGeneralLiability, Day, shortCgl, Certificate()).IsMet);
    }

    [Fact]
    public void Timeline_NoRenewal_GapFromJuly1ToTheEndOfTheTerm()
    {
        var timeline = InsuranceCompliance.Timeline(Requirements, [Certificate()], Term);

        Assert.All(timeline, t =>
        {
            Assert.Equal([new DateInterval(new LocalDate(2003, 5, 15), new LocalDate(2004, 6, 30))], t.Covered);
            Assert.Equal([new DateInterval(new LocalDate(2004, 7, 1), new LocalDate(2004, 12, 31))], t.Gaps);
        });
    }

    [Fact]
    public void Timeline_LateRenewal_GapUntilItTakesEffect()
    {
        var late = Certificate(new LocalDate(2004, 7, 15), new LocalDate(2005, 7, 15));

        var cgl = InsuranceCompliance.Timeline(Requirements, [Certificate(), late], Term)[0];

        Assert.Equal(
            [new DateInterval(new LocalDate(2003, 5, 15), new LocalDate(2004, 6, 30)), new DateInterval(new LocalDate(2004, 7, 15), new LocalDate(2004, 12, 31))],
            cgl.Covered);
        Assert.Equal([new DateInterval(new LocalDate(2004, 7, 1), new LocalDate(2004, 7, 14))], cgl.Gaps);
    }

    [Fact]
    public void Timeline_RenewalOnTheExpirationDate_NoGap()
    {
        var renewal = Certificate(new LocalDate(2004, 7, 1), new LocalDate(2005, 7, 1));

        var timeline = InsuranceCompliance.Timeline(Requirements, [Certificate(), renewal], Term);

        Assert.All(timeline, t =>
        {
            Assert.Equal([Term], t.Covered);
            Assert.Empty(t.Gaps);
        });
    }

    [Fact]
    public void Timeline_InadequateLine_NotCovered()
    {
        var noAdditionalInsured = Certificate(change: Only(CoverageKind.AutomobileLiability, l => l with { AdditionalInsured = false }));

        var auto = InsuranceCompliance.Timeline(Requirements, [noAdditionalInsured], Term)[1];

        Assert.Empty(auto.Covered);
        Assert.Equal([Term], auto.Gaps);
    }
}
