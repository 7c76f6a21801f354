using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.Insurance;
using static FieldContracts.Administration.Tests.Insurance.Certificates;

namespace FieldContracts.Administration.Tests.Insurance;

/// <summary>
/// Reminders before coverage runs out, and lapses: special instruction 14, item 11, "Cancellation or other termination of
/// insurance policies required by this Agreement, without immediate replacement thereof, may be considered a default".
/// The certificate's policies are printed to expire 07/01/2004; at 12:01 AM that day, so June 30, 2004 is the last day covered.
/// </summary>
public sealed class InsuranceRemindersTests
{
    [Theory]
    [InlineData(2004, 4, 30, null, null)]
    [InlineData(2004, 5, 1, 60, 60)]
    [InlineData(2004, 5, 2, 60, 59)]
    [InlineData(2004, 5, 31, 30, 30)]
    [InlineData(2004, 6, 15, 15, 15)]
    [InlineData(2004, 6, 29, 1, 1)]
    [InlineData(2004, 6, 30, 1, 0)]
    [InlineData(2004, 7, 1, null, null)]
    public void Due_ExpiresJuly1_CountsToJune30(int year, int month, int day, int? threshold, int? daysLeft)
    {
        var due = InsuranceReminders.Due(FirstExpiration, new LocalDate(year, month, day));

        Assert.Equal(threshold, due?.Threshold);
        Assert.Equal(daysLeft, due?.DaysLeft);
    }

    [Fact]
    public void DueFor_NoRenewal_EachThresholdFirstReachedOnItsDay_OneKeyPerLineAndThreshold()
    {
        var certificate = Certificate();
        (LocalDate Day, int Threshold)[] expected =
        [
            (new LocalDate(2004, 5, 1), 60), (new LocalDate(2004, 5, 31), 30), (new LocalDate(2004, 6, 15), 15), (new LocalDate(2004, 6, 29), 1),
        ];

        var keysSeen = new HashSet<string>();
        var firstSeen = new List<(LocalDate Day, int Threshold)>();
        for (var day = new LocalDate(2004, 4, 1); day <= new LocalDate(2004, 7, 31); day = day.PlusDays(1))
        {
            var reminders = InsuranceReminders.DueFor(Requirements, [certificate], day);
            var fresh = reminders.Where(r => keysSeen.Add(r.Key)).ToList();
            if (fresh.Count > 0)
            {
                Assert.Equal(5, fresh.Count);
                Assert.Single(fresh.Select(r => r.Threshold).Distinct());
                firstSeen.Add((day, fresh[0].Threshold));
            }
        }

        Assert.Equal(expected, firstSeen);
        Assert.Contains($"insurance:{certificate.Id}:CommercialGeneralLiability:60", keysSeen);
        Assert.Contains($"insurance:{certificate.Id}:WorkersCompensation:1", keysSeen);
        Assert.Equal(20, keysSeen.Count);
    }

    [Fact]
    public void DueFor_RenewalAccepted_None()
    {
        var renewal = Certificate(new LocalDate(2004, 7, 1), new LocalDate(2005, 7, 1));

        Assert.Empty(InsuranceReminders.DueFor(Requirements, [Certificate(), renewal], new LocalDate(2004, 6, 15)));
    }

    [Fact]
    public void Lapses_July1WithNothingReplacing_EveryRequirement()
    {
        var lapses = InsuranceReminders.Lapses(Requirements, [Certificate()], new LocalDate(2004, 7, 1));

        Assert.Equal(Requirements.Coverages, lapses.Select(l => l.Requirement));
        Assert.All(lapses, l => Assert.Equal(new LocalDate(2004, 6, 30), l.LastCoveredDay));
        Assert.Equal("insurance-lapse:CommercialGeneralLiability:2004-07-01", lapses[0].Key);
    }

    [Theory]
    [InlineData(2004, 6, 30)]
    [InlineData(2004, 7, 2)]
    public void Lapses_OtherDays_None(int year, int month, int day)
    {
        Assert.Empty(InsuranceReminders.Lapses(Requirements, [Certificate()], new LocalDate(year, month, day)));
    }

    [Fact]
    public void Lapses_RenewalAccepted_None()
    {
        var renewal = Certificate(new LocalDate(2004, 7, 1), new LocalDate(2005, 7, 1));

        Assert.Empty(InsuranceReminders.Lapses(Requirements, [Certificate(), renewal], new LocalDate(2004, 7, 1)));
    }

    [Fact]
    public void Lapses_RenewalOnlySubmittedOrRejected_StillLapses()
    {
        var submitted = Certificate(new LocalDate(2004, 7, 1), new LocalDate(2005, 7, 1), accept: false);
        var rejected = Certificate(new LocalDate(2004, 7, 1), new LocalDate(2005, 7, 1), accept: false);
        Assert.Null(rejected.Reject(Party.Purchasing, Certificates.Reviewer, new LocalDate(2004, 6, 20), "Garage keepers limit $1,000,000; $2,000,000 required."));

        Assert.Equal(5, InsuranceReminders.Lapses(Requirements, [Certificate(), submitted, rejected], new LocalDate(2004, 7, 1)).Count);
    }

    [Fact]
    public void Lapses_RenewalWithoutAdditionalInsuredOnAuto_AutoLapses()
    {
        var renewal = Certificate(new LocalDate(2004, 7, 1), new LocalDate(2005, 7, 1),
            change: l => l.Kind == CoverageKind.AutomobileLiability ? l with { AdditionalInsured = false } : l);

        var lapse = Assert.Single(InsuranceReminders.Lapses(Requirements, [Certificate(), renewal], new LocalDate(2004, 7, 1)));
        Assert.Equal(CoverageKind.AutomobileLiability, lapse.Requirement.Kind);
    }

    [Fact]
    public void Lapses_AfterTheTerm_None()
    {
        var lastYear = Certificate(new LocalDate(2004, 1, 1), new LocalDate(2005, 1, 1));

        Assert.Empty(InsuranceReminders.Lapses(Requirements, [lastYear], new LocalDate(2005, 1, 1)));
    }

    [Theory]
    [InlineData(2004, 7, 1)]
    [InlineData(2004, 7, 2)]
    [InlineData(2004, 9, 15)]
    [InlineData(2004, 12, 31)]
    public void LapsedBy_NothingReplacing_TheLapseOfJuly1_FoundOnItsDayOrAnyDayAfterInTheTerm(int year, int month, int day)
    {
        var lapses = InsuranceReminders.LapsedBy(Requirements, [Certificate()], new LocalDate(year, month, day));

        Assert.Equal(Requirements.Coverages, lapses.Select(l => l.Requirement));
        Assert.All(lapses, l => Assert.Equal((new LocalDate(2004, 6, 30), new LocalDate(2004, 7, 1)), (l.LastCoveredDay, l.LapsedOn)));
        Assert.Equal(InsuranceReminders.Lapses(Requirements, [Certificate()], new LocalDate(2004, 7, 1)).Select(l => l.Key), lapses.Select(l => l.Key));
    }

    [Theory]
    [InlineData(2004, 6, 30)]
    [InlineData(2005, 1, 1)]
    public void LapsedBy_StillCoveredOrAfterTheTerm_None(int year, int month, int day)
    {
        Assert.Empty(InsuranceReminders.LapsedBy(Requirements, [Certificate()], new LocalDate(year, month, day)));
    }

    [Fact]
    public void LapsedBy_RenewalAcceptedAfterAGap_OnlyWhatIsStillUncovered()
    {
        // The auto line was renewed from July 10; the other lines were not.
        var renewal = Certificate(new LocalDate(2004, 7, 10), new LocalDate(2005, 7, 10),
            change: l => l.Kind == CoverageKind.AutomobileLiability ? l : l with { Kind = CoverageKind.UmbrellaLiability });

        var lapses = InsuranceReminders.LapsedBy(Requirements, [Certificate(), renewal], new LocalDate(2004, 7, 15));

        Assert.Equal(4, lapses.Count);
        Assert.DoesNotContain(lapses, l => l.Requirement.Kind == CoverageKind.AutomobileLiability);
    }

    [Fact]
    public void LapsedBy_NeverCoveredInTheTerm_NoLapse()
    {
        Assert.Empty(InsuranceReminders.LapsedBy(Requirements, [], new LocalDate(2004, 7, 1)));
    }
}
