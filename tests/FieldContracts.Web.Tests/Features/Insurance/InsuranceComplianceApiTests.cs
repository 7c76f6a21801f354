using static FieldContracts.Web.Tests.Features.Insurance.InsuranceFlow;

namespace FieldContracts.Web.Tests.Features.Insurance;

/// <summary>
/// Certificates checked against special instruction 14 of bid #2685 on contract 9001, with the bid's figures: commercial
/// general liability of $1,000,000 passes and $500,000 fails; employer's liability's 100k/100k/500k are three limits, each
/// checked; an insurer rated A- VII fails "A-VIII or better" and A VIII passes; the City missing as additional insured on
/// the automobile line fails, and is not asked of workers' compensation. Each test's policies run in a year of their own.
/// </summary>
public abstract class InsuranceComplianceApiTests(TestApp app)
{
    private const string Number = TestApp.OtherContractNumber;

    [Fact]
    public async Task CommercialGeneralLiability_OneMillionPasses_FiveHundredThousandFailsBelowLimit()
    {
        await ApplyBidAsync(app);
        await AcceptedAsync(app, Certificate(2010));
        var fails = Certificate(2011);
        LineOf(fails, "CommercialGeneralLiability")["limits"] = new Dictionary<string, decimal> { ["Combined single limit"] = 500_000m };
        await AcceptedAsync(app, fails);
        var purchasing = await PurchasingAsync(app);

        var met = await StandingAsync(purchasing, Number, "2010-06-01");
        var below = await StandingAsync(purchasing, Number, "2011-06-01");

        Assert.True(met["CommercialGeneralLiability"].Met);
        Assert.Equal("Met", Assert.Single(met["CommercialGeneralLiability"].Findings).Kind);
        Assert.False(below["CommercialGeneralLiability"].Met);
        var finding = Assert.Single(below["CommercialGeneralLiability"].Findings);
        Assert.Equal("BelowLimit", finding.Kind);
        Assert.Equal("Policy COM-2011's combined single limit is $500,000.00; $1,000,000.00 is required.", finding.Reason);
        Assert.True(below["AutomobileLiability"].Met);
    }

    [Fact]
    public async Task EmployersLiability_ThreeLimitsEachChecked()
    {
        await ApplyBidAsync(app);
        var aggregateShort = Certificate(2012);
        LineOf(aggregateShort, "EmployersLiability")["limits"] = new Dictionary<string, decimal>
        {
            ["Each accident"] = 100_000m, ["Disease – each employee"] = 100_000m, ["Disease – policy limit"] = 250_000m,
        };
        await AcceptedAsync(app, aggregateShort);
        var employeeShort = Certificate(2013);
        LineOf(employeeShort, "EmployersLiability")["limits"] = new Dictionary<string, decimal>
        {
            ["Each accident"] = 100_000m, ["Disease – each employee"] = 50_000m, ["Disease – policy limit"] = 500_000m,
        };
        await AcceptedAsync(app, employeeShort);
        await AcceptedAsync(app, Certificate(2014));
        var purchasing = await PurchasingAsync(app);

        var in2012 = (await StandingAsync(purchasing, Number, "2012-03-01"))["EmployersLiability"];
        var in2013 = (await StandingAsync(purchasing, Number, "2013-03-01"))["EmployersLiability"];
        var in2014 = (await StandingAsync(purchasing, Number, "2014-03-01"))["EmployersLiability"];

        Assert.False(in2012.Met);
        Assert.Equal("Policy EMP-2012's disease – policy limit is $250,000.00; $500,000.00 is required.", Assert.Single(in2012.Findings).Reason);
        Assert.False(in2013.Met);
        Assert.Equal("Policy EMP-2013's disease – each employee is $50,000.00; $100,000.00 is required.", Assert.Single(in2013.Findings).Reason);
        Assert.True(in2014.Met);
    }

    [Fact]
    public async Task BestsRating_AMinusSevenFailsAMinusEightOrBetter_AEightPasses()
    {
        await ApplyBidAsync(app);
        await AcceptedAsync(app, Certificate(2015, rating: "A- VII"));
        await AcceptedAsync(app, Certificate(2016, rating: "A VIII"));
        var purchasing = await PurchasingAsync(app);

        var sizeTooSmall = await StandingAsync(purchasing, Number, "2015-08-01");
        var rated = await StandingAsync(purchasing, Number, "2016-08-01");

        Assert.All(sizeTooSmall.Values, r => Assert.False(r.Met));
        var finding = Assert.Single(sizeTooSmall["GarageKeepersLegalLiability"].Findings);
        Assert.Equal("RatingTooLow", finding.Kind);
        Assert.Equal("Test Mutual, writing policy GAR-2015, is rated A- VII; A- VIII or better is required (grade and size class each).", finding.Reason);
        Assert.All(rated.Values, r => Assert.True(r.Met));
    }

    [Fact]
    public async Task AdditionalInsured_MissingOnAutomobileFails_NotAskedOfWorkersCompensation()
    {
        await ApplyBidAsync(app);
        var certificate = Certificate(2017);
        LineOf(certificate, "AutomobileLiability")["additionalInsured"] = false;
        LineOf(certificate, "WorkersCompensation")["additionalInsured"] = false;
        await AcceptedAsync(app, certificate);

        var standing = await StandingAsync(await PurchasingAsync(app), Number, "2017-05-01");

        Assert.False(standing["AutomobileLiability"].Met);
        var finding = Assert.Single(standing["AutomobileLiability"].Findings);
        Assert.Equal("AdditionalInsuredMissing", finding.Kind);
        Assert.Equal("Policy AUT-2017 does not name the City of Hartford as an additional insured.", finding.Reason);
        Assert.True(standing["WorkersCompensation"].Met);
    }

    [Fact]
    public async Task SubmittedButNotAccepted_CountsForNothing_AndExpiryIsTheDayBeforeThePrintedDate()
    {
        await ApplyBidAsync(app);
        var crew = await OtherCrewAsync(app);
        await ExpectAsync(await SubmitAsync(crew, Number, Certificate(2018)), HttpStatusCode.Created);
        await AcceptedAsync(app, Certificate(2019));

        var submittedOnly = await StandingAsync(crew, Number, "2018-06-01");
        var lastDay = await StandingAsync(crew, Number, "2019-12-31");
        var dayAfter = await StandingAsync(crew, Number, "2020-01-01");

        Assert.All(submittedOnly.Values, r => Assert.False(r.Met));
        Assert.All(lastDay.Values, r => Assert.True(r.Met));
        Assert.Equal("Policy AUT-2019 covered through December 31, 2019 only.", Assert.Single(dayAfter["AutomobileLiability"].Findings).Reason);
    }

    [Fact]
    public async Task Compliance_BadDay_IsA400NamingOn()
    {
        var problem = await ExpectAsync(await (await PurchasingAsync(app)).GetAsync($"{Api(Number)}/compliance?on=July+1"), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Errors(problem, "on"));
    }
}

public sealed class InsuranceComplianceApiTests_Sqlite(SqliteApp app) : InsuranceComplianceApiTests(app), IClassFixture<SqliteApp>;

public sealed class InsuranceComplianceApiTests_Postgres(PostgresApp app) : InsuranceComplianceApiTests(app), IClassFixture<PostgresApp>;
