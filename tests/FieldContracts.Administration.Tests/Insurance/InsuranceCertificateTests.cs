using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.Insurance;

namespace FieldContracts.Administration.Tests.Insurance;

/// <summary>Certificates as submitted under special instruction 14, item 8, and Purchasing's review of them.</summary>
public sealed class InsuranceCertificateTests
{
    private static readonly LocalDate ReviewDay = new(2003, 5, 2);

    [Fact]
    public void PolicyPeriod_AcordDates_CoverThroughTheDayBeforeExpiration()
    {
        // ACORD 25 policies start and end at 12:01 AM: "07/01/2004" as the expiration leaves June 30, 2004 the last day covered.
        var period = new PolicyPeriod(new LocalDate(2003, 7, 1), new LocalDate(2004, 7, 1));

        Assert.Equal(new LocalDate(2004, 6, 30), period.LastCoveredDay);
        Assert.True(period.Covers(new LocalDate(2003, 7, 1)));
        Assert.True(period.Covers(new LocalDate(2004, 6, 30)));
        Assert.False(period.Covers(new LocalDate(2004, 7, 1)));
        Assert.Equal(366, period.Covered.Length);
    }

    [Fact]
    public void Accept_ByPurchasing_Accepted()
    {
        var certificate = Certificates.Certificate(accept: false);

        Assert.Null(certificate.Accept(Party.Purchasing, Certificates.Reviewer, ReviewDay));

        Assert.Equal(CertificateStatus.Accepted, certificate.Status);
        Assert.Equal(ReviewDay, certificate.ReviewedOn);
    }

    [Theory]
    [InlineData(Party.Contractor)]
    [InlineData(Party.AthleticDirector)]
    [InlineData(Party.Finance)]
    [InlineData(Party.System)]
    public void Accept_ByAnyoneButPurchasing_Refused(Party party)
    {
        var certificate = Certificates.Certificate(accept: false);

        Assert.Equal(new CertificateRefusal.NotPurchasing(party), certificate.Accept(party, Certificates.Reviewer, ReviewDay));
        Assert.Equal(new CertificateRefusal.NotPurchasing(party), certificate.Reject(party, Certificates.Reviewer, ReviewDay, "Limits too low."));
        Assert.Equal(CertificateStatus.Submitted, certificate.Status);
    }

    [Fact]
    public void Reject_WithoutReason_Refused()
    {
        var certificate = Certificates.Certificate(accept: false);

        Assert.Equal(new CertificateRefusal.ReasonRequired(), certificate.Reject(Party.Purchasing, Certificates.Reviewer, ReviewDay, "  "));
        Assert.Equal(CertificateStatus.Submitted, certificate.Status);
    }

    [Fact]
    public void Reject_ThenAccept_RefusedAlreadyRejected()
    {
        var certificate = Certificates.Certificate(accept: false);

        Assert.Null(certificate.Reject(Party.Purchasing, Certificates.Reviewer, ReviewDay, "ATIMA wording missing from the comments."));

        Assert.Equal(CertificateStatus.Rejected, certificate.Status);
        Assert.Equal("ATIMA wording missing from the comments.", certificate.RejectionReason);
        Assert.Equal(new CertificateRefusal.AlreadyReviewed(CertificateStatus.Rejected), certificate.Accept(Party.Purchasing, Certificates.Reviewer, ReviewDay));
    }

    [Fact]
    public void Review_ByWhoEnteredIt_Refused_BySomeoneElse_Taken()
    {
        var entered = Certificates.Certificate(accept: false);
        var certificate = InsuranceCertificate.Restore(entered.Id, entered.IssuedOn, entered.Producer, entered.Insured, entered.Insurers,
            entered.Coverages, entered.DescriptionOfOperations, entered.Holder, entered.CancellationNoticeDays, entered.SubmittedOn,
            "pat.purchasing@hartford.example", CertificateStatus.Submitted, null, null);

        Assert.Equal(new CertificateRefusal.OwnSubmission(), certificate.Accept(Party.Purchasing, " Pat.Purchasing@hartford.example ", ReviewDay));
        Assert.Equal(new CertificateRefusal.OwnSubmission(), certificate.Reject(Party.Purchasing, "pat.purchasing@hartford.example", ReviewDay, "Limits too low."));
        Assert.Equal(CertificateStatus.Submitted, certificate.Status);
        Assert.Null(certificate.Accept(Party.Purchasing, "lee.purchasing@hartford.example", ReviewDay));
        Assert.Equal(CertificateStatus.Accepted, certificate.Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Review_WithNobodyNamedAsReviewer_IsNotTaken(string reviewer)
    {
        var certificate = Certificates.Certificate(accept: false);

        Assert.Throws<ArgumentException>(() => certificate.Accept(Party.Purchasing, reviewer, ReviewDay));
        Assert.Throws<ArgumentException>(() => certificate.Reject(Party.Purchasing, reviewer, ReviewDay, "Limits too low."));
        Assert.Equal(CertificateStatus.Submitted, certificate.Status);
    }
}
