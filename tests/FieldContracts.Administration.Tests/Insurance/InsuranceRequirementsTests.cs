using FieldContracts.Administration.Insurance;

namespace FieldContracts.Administration.Tests.Insurance;

/// <summary>Special instruction 14 of bid #2685 as data.</summary>
public sealed class InsuranceRequirementsTests
{
    private static readonly InsuranceRequirements Bid = Certificates.Requirements;

    [Fact]
    public void Bid2685_FiveLinesWithTheBidsLimits()
    {
        Assert.Equal(
            [CoverageKind.CommercialGeneralLiability, CoverageKind.AutomobileLiability, CoverageKind.WorkersCompensation,
                CoverageKind.EmployersLiability, CoverageKind.GarageKeepersLegalLiability],
            Bid.Coverages.Select(c => c.Kind));
        Assert.Equal([new RequiredLimit(LimitNames.CombinedSingleLimit, Money.Dollars(1_000_000m))], Bid.For(CoverageKind.CommercialGeneralLiability)!.Limits);
        Assert.Equal([new RequiredLimit(LimitNames.CombinedSingleLimit, Money.Dollars(1_000_000m))], Bid.For(CoverageKind.AutomobileLiability)!.Limits);
        Assert.True(Bid.For(CoverageKind.WorkersCompensation)!.Statutory);
        Assert.Empty(Bid.For(CoverageKind.WorkersCompensation)!.Limits);
        Assert.Equal(
            [Money.Dollars(100_000m), Money.Dollars(100_000m), Money.Dollars(500_000m)],
            Bid.For(CoverageKind.EmployersLiability)!.Limits.Select(l => l.Minimum));
        Assert.Equal(2, Bid.For(CoverageKind.GarageKeepersLegalLiability)!.ClaimsMadeTailYears);
        Assert.Equal(30, Bid.NoticeOfCancellationDays);
    }

    [Fact]
    public void Bid2685_CityAdditionalInsuredOnAllButWorkersCompensation()
    {
        // "The City of Hartford is included as an Additional Insured, ATIMA. (This requirement does not apply to Workers' Compensation)"
        Assert.All(Bid.Coverages, c => Assert.Equal(c.Kind != CoverageKind.WorkersCompensation, c.CityAdditionalInsured));
    }

    [Fact]
    public void CertificateDueOn_FiveDaysAfterNoticeOfSelection_AndBeforeCommencement()
    {
        // "within five (5) days of receipt of Notice of Selection and prior to the commencement date of this agreement"
        Assert.Equal(new LocalDate(2003, 4, 25), Bid.CertificateDueOn(new LocalDate(2003, 4, 20)));
        Assert.Equal(new LocalDate(2003, 5, 14), Bid.CertificateDueOn(new LocalDate(2003, 5, 12)));
    }
}
