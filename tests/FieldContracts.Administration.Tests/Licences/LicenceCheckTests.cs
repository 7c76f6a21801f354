using FieldContracts.Administration.Licences;

namespace FieldContracts.Administration.Tests.Licences;

/// <summary>
/// Spec V: "The successful contractor must have proper licenses for the application of chemicals, irrigation work and a
/// supervisor license." Checked for the July 15, 2003 broadleaf weed control on turf (category 3A).
/// </summary>
public sealed class LicenceCheckTests
{
    private const string Turf = "3A turf";
    private static readonly LicenceHolder Operator = LicenceHolder.Person("Dana Ruiz");
    private static readonly LicenceHolder Supervisor = LicenceHolder.Person("Pat Keane");
    private static readonly LocalDate WeedControl = new(2003, 7, 15);

    private static Licence Enter(LicenceHolder holder, LicenceKind kind, string? category, LocalDate expiresOn, LocalDate? issuedOn = null)
    {
        var (licence, refusals) = Licence.Enter(holder, kind, category, "S-1234", "CT DEEP", issuedOn ?? new LocalDate(2002, 7, 10), expiresOn);
        Assert.Empty(refusals);
        return licence!;
    }

    private static readonly Licence SupervisorsTurf = Enter(Supervisor, LicenceKind.PesticideSupervisory, Turf, new LocalDate(2004, 12, 31));
    private static readonly Licence OperatorsTurf = Enter(Operator, LicenceKind.PesticideOperator, "3A Turf", new LocalDate(2004, 12, 31));

    [Fact]
    public void ForApplication_OperatorAndSupervisorCertifiedInTurf_NoRefusal()
    {
        Assert.Empty(LicenceCheck.ForApplication([OperatorsTurf, SupervisorsTurf], Operator, Supervisor, Turf, WeedControl));
    }

    [Fact]
    public void ForApplication_LicenceExpiredJuly9_2003_ApplicationOnJuly10Refused()
    {
        var lapsed = Enter(Operator, LicenceKind.PesticideOperator, Turf, new LocalDate(2003, 7, 9));
        var july10 = new LocalDate(2003, 7, 10);

        var refusal = Assert.Single(LicenceCheck.ForApplication([lapsed, SupervisorsTurf], Operator, Supervisor, Turf, july10));

        Assert.Equal(new LicenceRefusal.Expired(Operator, ApplicationRole.Applicator, lapsed, july10), refusal);
    }

    [Fact]
    public void ForApplication_OnTheExpiryDay_StillValid()
    {
        var lastDay = Enter(Operator, LicenceKind.PesticideOperator, Turf, new LocalDate(2003, 7, 9));

        Assert.Empty(LicenceCheck.ForApplication([lastDay, SupervisorsTurf], Operator, Supervisor, Turf, new LocalDate(2003, 7, 9)));
        Assert.True(lastDay.IsValidOn(new LocalDate(2003, 7, 9)));
        Assert.False(lastDay.IsValidOn(new LocalDate(2003, 7, 10)));
    }

    [Fact]
    public void ForApplication_RenewedBeforeTheDay_TheRenewalCounts()
    {
        var lapsed = Enter(Operator, LicenceKind.PesticideOperator, Turf, new LocalDate(2003, 7, 9));
        var renewed = Enter(Operator, LicenceKind.PesticideOperator, Turf, new LocalDate(2004, 7, 9), new LocalDate(2003, 7, 10));

        Assert.Empty(LicenceCheck.ForApplication([lapsed, renewed, SupervisorsTurf], Operator, Supervisor, Turf, WeedControl));
    }

    [Fact]
    public void ForApplication_IssuedAfterTheDay_RefusedAsNotYetValid()
    {
        var later = Enter(Operator, LicenceKind.PesticideOperator, Turf, new LocalDate(2004, 7, 31), new LocalDate(2003, 8, 1));

        var refusal = Assert.Single(LicenceCheck.ForApplication([later, SupervisorsTurf], Operator, Supervisor, Turf, WeedControl));

        Assert.IsType<LicenceRefusal.NotYetValid>(refusal);
    }

    [Fact]
    public void ForApplication_OperatorCertifiedForOrnamentalsOnly_RefusedForWrongCategory()
    {
        var ornamentals = Enter(Operator, LicenceKind.PesticideOperator, "3B ornamentals", new LocalDate(2004, 12, 31));

        var refusal = Assert.Single(LicenceCheck.ForApplication([ornamentals, SupervisorsTurf], Operator, Supervisor, Turf, WeedControl));

        var wrong = Assert.IsType<LicenceRefusal.WrongCategory>(refusal);
        Assert.Equal(ApplicationRole.Applicator, wrong.Role);
        Assert.Equal(["3B ornamentals"], wrong.CategoriesHeld);
    }

    [Fact]
    public void ForApplication_ApplicatorWithOnlyAnIrrigationLicence_RefusedForNoLicence()
    {
        var irrigation = Enter(Operator, LicenceKind.Irrigation, null, new LocalDate(2004, 12, 31));

        var refusal = Assert.Single(LicenceCheck.ForApplication([irrigation, SupervisorsTurf], Operator, Supervisor, Turf, WeedControl));

        Assert.Equal(new LicenceRefusal.NoLicence(Operator, ApplicationRole.Applicator), refusal);
    }

    [Fact]
    public void ForApplication_SupervisorWithOnlyAnOperatorCertification_RefusedForNoSupervisoryLicence()
    {
        var supervisorAsOperator = Enter(Supervisor, LicenceKind.PesticideOperator, Turf, new LocalDate(2004, 12, 31));
        var supervisorLicence = Enter(Supervisor, LicenceKind.Supervisor, null, new LocalDate(2004, 12, 31));

        var refusal = Assert.Single(LicenceCheck.ForApplication([OperatorsTurf, supervisorAsOperator, supervisorLicence], Operator,
            Supervisor, Turf, WeedControl));

        Assert.Equal(new LicenceRefusal.NoLicence(Supervisor, ApplicationRole.Supervisor), refusal);
    }

    [Fact]
    public void ForApplication_SupervisorApplyingHimself_OneSupervisoryCertificationCoversBoth()
    {
        Assert.Empty(LicenceCheck.ForApplication([SupervisorsTurf], Supervisor, LicenceHolder.Person(" pat keane "), Turf, WeedControl));
    }

    [Fact]
    public void ForApplication_TheFirmsCertification_DoesNotLicenseAPersonOfTheSameName()
    {
        var firm = LicenceHolder.Firm("Dana Ruiz");
        var firmsTurf = Enter(firm, LicenceKind.PesticideOperator, Turf, new LocalDate(2004, 12, 31));

        var refusal = Assert.Single(LicenceCheck.ForApplication([firmsTurf, SupervisorsTurf], Operator, Supervisor, Turf, WeedControl));

        Assert.IsType<LicenceRefusal.NoLicence>(refusal);
    }

    [Fact]
    public void ForApplication_NeitherLicensed_BothRefused()
    {
        var refusals = LicenceCheck.ForApplication([], Operator, Supervisor, Turf, WeedControl);

        Assert.Equal([new LicenceRefusal.NoLicence(Operator, ApplicationRole.Applicator), new LicenceRefusal.NoLicence(Supervisor, ApplicationRole.Supervisor)],
            refusals);
    }

    [Fact]
    public void Enter_PesticideCertificationWithoutCategoryOrNumber_ExpiringBeforeIssued_AllRefused()
    {
        var (licence, refusals) = Licence.Enter(Operator, LicenceKind.PesticideOperator, " ", "", "CT DEEP", new LocalDate(2003, 5, 15),
            new LocalDate(2003, 5, 14));

        Assert.Null(licence);
        Assert.Equal<LicenceEntryRefusal>([new LicenceEntryRefusal.NumberRequired(), new LicenceEntryRefusal.CategoryRequired(LicenceKind.PesticideOperator),
            new LicenceEntryRefusal.ExpiresBeforeIssued(new LocalDate(2003, 5, 15), new LocalDate(2003, 5, 14))], refusals);
    }

    [Fact]
    public void Enter_BusinessLicence_NoCategoryKept()
    {
        var (licence, _) = Licence.Enter(LicenceHolder.Firm("Green Acres Turf LLC"), LicenceKind.Business, "3A", "B-77", "CT DEEP",
            new LocalDate(2003, 1, 1), new LocalDate(2003, 12, 31));

        Assert.Null(licence!.Category);
        Assert.Equal(new DateInterval(new LocalDate(2003, 1, 1), new LocalDate(2003, 12, 31)), licence.Validity);
    }
}
