using FieldContracts.Administration.Licences;
using FieldContracts.Administration.WorkLogs;

namespace FieldContracts.Administration.Tests.Licences;

/// <summary>One rule for "valid on a day", shared by the register and the certifications typed into a work log; the register's flags.</summary>
public sealed class LicenceStandingTests
{
    private static readonly Licence Operator = Licence.Enter(LicenceHolder.Person("Lee Novak"), LicenceKind.PesticideOperator, "3A turf",
        "O-3A-2002", "CT DEEP", new LocalDate(2001, 4, 1), new LocalDate(2004, 3, 31)).Licence!;

    [Theory]
    [InlineData(2004, 3, 30, true)]
    [InlineData(2004, 3, 31, true)]
    [InlineData(2004, 4, 1, false)]
    public void IsValidOn_RegisterAndTypedCertificationAgreeOnTheExpiryDay(int year, int month, int day, bool valid)
    {
        var date = new LocalDate(year, month, day);
        var typed = new Certification(CertifiedRole.Applicator, "Lee Novak", "O-3A-2002", new LocalDate(2004, 3, 31));

        Assert.Equal(valid, Operator.IsValidOn(date));
        Assert.Equal(valid, typed.IsValidOn(date));
    }

    [Fact]
    public void IsValidOn_BeforeIssue_NotValidInTheRegister()
    {
        Assert.False(Operator.IsValidOn(new LocalDate(2001, 3, 31)));
        Assert.True(Licence.IsValidOn(null, new LocalDate(2004, 3, 31), new LocalDate(2001, 3, 31)));
    }

    [Fact]
    public void StandingOn_FlagsWithinSixtyDaysAndAfterExpiry()
    {
        Assert.Equal(new LicenceStanding(LicenceState.Valid, 61), Operator.StandingOn(new LocalDate(2004, 1, 30)));
        Assert.Equal(new LicenceStanding(LicenceState.ExpiresSoon, 60), Operator.StandingOn(new LocalDate(2004, 1, 31)));
        Assert.Equal(new LicenceStanding(LicenceState.ExpiresSoon, 0), Operator.StandingOn(new LocalDate(2004, 3, 31)));
        Assert.Equal(LicenceState.Expired, Operator.StandingOn(new LocalDate(2004, 4, 1)).State);
        Assert.Equal(LicenceState.NotYetValid, Operator.StandingOn(new LocalDate(2001, 3, 31)).State);
    }

    [Fact]
    public void Turf_IsTheCategoryOfBid2685sApplications()
    {
        Assert.True(Operator.IsInCategory(PesticideCategory.Turf));
    }
}
