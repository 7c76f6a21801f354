using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.Insurance;

namespace FieldContracts.Administration.Tests.Insurance;

/// <summary>
/// Contract #2685's insurance for tests: the requirements of special instruction 14 over the term of instruction 5, and
/// ACORD 25 certificates as a contractor might submit them. Insurers, policy numbers and names are samples.
/// </summary>
internal static class Certificates
{
    /// <summary>Special instruction 5: "commencing on or about May 15, 2003 and ending on December 31, 2004".</summary>
    public static readonly DateInterval Term = new(new LocalDate(2003, 5, 15), new LocalDate(2004, 12, 31));

    public static readonly InsuranceRequirements Requirements = InsuranceRequirements.Bid2685(Term);

    /// <summary>Who reviews the certificates in Purchasing (never who entered them).</summary>
    public const string Reviewer = "lee.purchasing@hartford.example";

    /// <summary>The policy dates printed on the first certificate: 05/01/2003 to 07/01/2004, so the last covered day is June 30, 2004.</summary>
    public static readonly LocalDate FirstEffective = new(2003, 5, 1);

    public static readonly LocalDate FirstExpiration = new(2004, 7, 1);

    public static BestRating Rating(string text) => BestRating.Parse(text).Rating!.Value;

    /// <summary>A line of <paramref name="kind"/> that meets the bid: its limits exactly, the City additional insured except on WC.</summary>
    public static CertificateCoverage Line(CoverageKind kind, LocalDate effective, LocalDate expiration) => kind switch
    {
        CoverageKind.CommercialGeneralLiability => new CertificateCoverage("A", kind, "CGL-1001", new PolicyPeriod(effective, expiration),
            Limits((LimitNames.CombinedSingleLimit, 1_000_000m)), false, true, true, CoverageBasis.Occurrence),
        CoverageKind.AutomobileLiability => new CertificateCoverage("A", kind, "BA-2002", new PolicyPeriod(effective, expiration),
            Limits((LimitNames.CombinedSingleLimit, 1_000_000m)), false, true, true, CoverageBasis.Occurrence),
        CoverageKind.WorkersCompensation => new CertificateCoverage("B", kind, "WC-3003", new PolicyPeriod(effective, expiration),
            Limits(), true, false, true, CoverageBasis.Occurrence),
        CoverageKind.EmployersLiability => new CertificateCoverage("B", kind, "WC-3003", new PolicyPeriod(effective, expiration),
            Limits((LimitNames.EachAccident, 100_000m), (LimitNames.DiseaseEachEmployee, 100_000m), (LimitNames.DiseasePolicyLimit, 500_000m)),
            false, true, true, CoverageBasis.Occurrence),
        _ => new CertificateCoverage("A", kind, "GK-4004", new PolicyPeriod(effective, expiration),
            Limits((LimitNames.SingleLimit, 2_000_000m)), false, true, false, CoverageBasis.Occurrence),
    };

    public static IReadOnlyDictionary<string, Money> Limits(params (string Name, decimal Dollars)[] limits) =>
        limits.ToDictionary(l => l.Name, l => Money.Dollars(l.Dollars));

    /// <summary>
    /// A certificate showing all five lines of the bid from <paramref name="effective"/> to <paramref name="expiration"/>,
    /// each line passed through <paramref name="change"/>; accepted by Purchasing unless <paramref name="accept"/> is false.
    /// </summary>
    public static InsuranceCertificate Certificate(
        LocalDate? effective = null,
        LocalDate? expiration = null,
        Func<CertificateCoverage, CertificateCoverage>? change = null,
        string ratingA = "A VIII",
        string ratingB = "A++ XV",
        int noticeDays = 30,
        bool accept = true)
    {
        var from = effective ?? FirstEffective;
        var to = expiration ?? FirstExpiration;
        var lines = Enum.GetValues<CoverageKind>().Where(k => Requirements.For(k) is not null)
            .Select(k => (change ?? (l => l))(Line(k, from, to))).ToList();
        var certificate = new InsuranceCertificate(
            Guid.NewGuid(),
            from.PlusDays(-10),
            new CertificateParty("Charter Oak Insurance Agency", "1 Main Street, Hartford, CT 06103"),
            new CertificateParty("Greenlawn Field Services, Inc.", "12 Park Road, West Hartford, CT 06119"),
            [
                new Insurer("A", "Nutmeg Casualty Company", "12345", Rating(ratingA)),
                new Insurer("B", "Connecticut Workers Mutual", "67890", Rating(ratingB)),
            ],
            lines,
            "Bid #2685, athletic fields; maintenance of. The City of Hartford is included as an Additional Insured, ATIMA.",
            new CertificateParty("City of Hartford, Purchasing", "550 Main Street, Hartford, CT 06103"),
            noticeDays,
            from.PlusDays(-7));
        if (accept)
        {
            Assert.Null(certificate.Accept(Party.Purchasing, Reviewer, from.PlusDays(-5)));
        }

        return certificate;
    }

    /// <summary>The finding for <paramref name="kind"/> on <paramref name="day"/>.</summary>
    public static RequirementCompliance On(CoverageKind kind, LocalDate day, params InsuranceCertificate[] certificates) =>
        InsuranceCompliance.On(Requirements, certificates, day).Single(r => r.Requirement.Kind == kind);
}
