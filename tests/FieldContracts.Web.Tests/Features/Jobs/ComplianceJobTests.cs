using FieldContracts.Administration;
using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.Insurance;
using FieldContracts.Administration.Performance;
using FieldContracts.Data;
using FieldContracts.Data.Compliance;
using FieldContracts.Data.Notices;
using FieldContracts.Web.Features.Jobs;
using FieldContracts.Web.Tests.Features.Notices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FieldContracts.Web.Tests.Features.Jobs;

/// <summary>
/// The morning pass over #2685's insurance (special instruction 14): the accepted certificate's automobile liability is
/// printed to expire 07/01/2004, so June 30, 2004 is its last covered day; its other lines run past the term. Reminders go
/// 60, 30 and 15 days before, and the day before, to the contractor's two contacts and to Purchasing; on July 1 the line
/// lapses: "Cancellation or other termination of insurance policies … without immediate replacement thereof, may be
/// considered a default".
/// </summary>
public abstract class ComplianceJobTests(DatabaseProvider provider)
{
    private static readonly LocalDate AutoExpires = new(2004, 7, 1);

    private static readonly string[] Recipients = ["crew@contractor.example", "office@contractor.example", "purchasing@hartford.example"];

    [Fact]
    public async Task Pass_RunDailyWithNothingReplacingAuto_RemindsOnMay1May31June15June29_AndRaisesOneLapseOnJuly1()
    {
        await using var app = await NoticesApp.StartAsync(provider);
        var contractId = await RequireAsync(app, lapseOpensCase: false);
        await AcceptAsync(app, contractId, new LocalDate(2003, 5, 1), AutoExpires, new LocalDate(2005, 5, 1));

        var queuedOn = new Dictionary<LocalDate, int>();
        var lapsedOn = new Dictionary<LocalDate, int>();
        for (var day = new LocalDate(2004, 4, 25); day <= new LocalDate(2004, 7, 5); day = day.PlusDays(1))
        {
            var result = await PassAsync(app, day);
            if (result.InsuranceReminders > 0)
            {
                queuedOn[day] = result.InsuranceReminders;
            }

            if (result.Lapses > 0)
            {
                lapsedOn[day] = result.Lapses;
            }
        }

        var again = await PassAsync(app, new LocalDate(2004, 7, 1));
        await app.DeliverAsync();

        Assert.Equal(new Dictionary<LocalDate, int>
        {
            [new LocalDate(2004, 5, 1)] = 3, [new LocalDate(2004, 5, 31)] = 3, [new LocalDate(2004, 6, 15)] = 3, [new LocalDate(2004, 6, 29)] = 3,
        }, queuedOn);
        Assert.Equal(new Dictionary<LocalDate, int> { [new LocalDate(2004, 7, 1)] = 1 }, lapsedOn);
        Assert.Equal(new ComplianceResult(0, 0, 0, 0), again);

        var mails = app.Smtp.Messages();
        Assert.Equal(12, mails.Count);
        foreach (var recipient in Recipients)
        {
            var theirs = mails.Where(m => m.EnvelopeTo.SequenceEqual([recipient])).Select(m => m.Subject).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(4, theirs.Count);
            Assert.All(theirs, s => Assert.StartsWith("Contract #2685: Automobile liability policy BA-2002 is covered to Wednesday, June 30, 2004", s));
            Assert.Equal(["(1-day reminder)", "(15-day reminder)", "(30-day reminder)", "(60-day reminder)"],
                theirs.Select(s => s[s.LastIndexOf('(')..]).Order(StringComparer.Ordinal));
        }

        Assert.Contains(mails, m => m.Text.Contains("30 days from Monday, May 31, 2004", StringComparison.Ordinal));
        await using var db = app.Database.CreateContext();
        var lapse = await db.Deficiencies.SingleAsync(d => d.Kind == DeficiencyKind.InsuranceLapsed);
        Assert.Equal((contractId, (Guid?)null, new LocalDate(2004, 7, 1), DeficiencyStatus.Open), (lapse.ContractId, lapse.SiteId, lapse.FoundOn, lapse.Status));
        Assert.Contains("Automobile liability lapsed", lapse.Evidence, StringComparison.Ordinal);
        Assert.Contains("Wednesday, June 30, 2004", lapse.Evidence, StringComparison.Ordinal);
        Assert.Equal($"insurance-lapse:AutomobileLiability:2004-07-01:{contractId:N}", lapse.DedupKey);
        Assert.False(await db.PerformanceCases.AnyAsync(c => c.ContractId == contractId));
    }

    [Fact]
    public async Task Pass_LapseOpensCase_OpensOneCaseOnTheLapse_EvenWhenTheLapseDayWasMissed()
    {
        await using var app = await NoticesApp.StartAsync(provider);
        var contractId = await RequireAsync(app, lapseOpensCase: true);
        await AcceptAsync(app, contractId, new LocalDate(2003, 5, 1), AutoExpires, new LocalDate(2005, 5, 1));

        // No pass ran on July 1 or 2: the pass of July 3 finds the lapse of July 1.
        var late = await PassAsync(app, new LocalDate(2004, 7, 3));
        var again = await PassAsync(app, new LocalDate(2004, 7, 3));
        var next = await PassAsync(app, new LocalDate(2004, 7, 4));

        Assert.Equal((1, 1), (late.Lapses, late.Cases));
        Assert.Equal(new ComplianceResult(0, 0, 0, 0), again);
        Assert.Equal(new ComplianceResult(0, 0, 0, 0), next);
        await using var db = app.Database.CreateContext();
        var lapse = await db.Deficiencies.SingleAsync(d => d.Kind == DeficiencyKind.InsuranceLapsed);
        Assert.Equal(new LocalDate(2004, 7, 3), lapse.FoundOn);
        Assert.Equal($"insurance-lapse:AutomobileLiability:2004-07-01:{contractId:N}", lapse.DedupKey);
        var opened = await db.PerformanceCases.SingleAsync(c => c.ContractId == contractId);
        Assert.Equal(PerformanceCaseStatus.Opened, opened.Status);
        Assert.Equal([lapse.Id], opened.Deficiencies.Select(d => d.DeficiencyId));
    }

    [Fact]
    public async Task Pass_CaseAlreadyOpen_RaisesTheLapseButOpensNoSecondCase()
    {
        await using var app = await NoticesApp.StartAsync(provider);
        var contractId = await RequireAsync(app, lapseOpensCase: true);
        await AcceptAsync(app, contractId, new LocalDate(2003, 5, 1), AutoExpires, new LocalDate(2005, 5, 1));
        await using (var db = app.Database.CreateContext())
        {
            var contract = await db.Contracts.SingleAsync(c => c.Id == contractId);
            var earlier = Deficiency.Raise(new Deficiency.Finding(contractId, null, [], DeficiencyKind.MissedWork, null, "Weaver's June mowing was not done.", null),
                Party.Purchasing, "purchasing@hartford.example", Instant.FromUtc(2004, 6, 20, 14, 0), new LocalDate(2004, 6, 20));
            db.Deficiencies.Add(earlier);
            db.PerformanceCases.Add(PerformanceCase.Open(contract, [earlier], Party.Purchasing, "purchasing@hartford.example",
                Instant.FromUtc(2004, 6, 21, 14, 0), "Repeated missed mowing at Weaver.").Case!);
            await db.SaveChangesAsync();
        }

        var result = await PassAsync(app, new LocalDate(2004, 7, 1));

        Assert.Equal((1, 0), (result.Lapses, result.Cases));
        await using var read = app.Database.CreateContext();
        Assert.Equal(1, await read.PerformanceCases.CountAsync(c => c.ContractId == contractId));
    }

    [Fact]
    public async Task Pass_ReplacementAcceptedBeforeExpiry_NoReminderAndNoLapse()
    {
        await using var app = await NoticesApp.StartAsync(provider);
        var contractId = await RequireAsync(app, lapseOpensCase: true);
        await AcceptAsync(app, contractId, new LocalDate(2003, 5, 1), AutoExpires, new LocalDate(2005, 5, 1));
        await AcceptAsync(app, contractId, AutoExpires, new LocalDate(2005, 7, 1), null);

        var results = new List<ComplianceResult>();
        foreach (var day in new[] { new LocalDate(2004, 5, 1), new LocalDate(2004, 5, 31), new LocalDate(2004, 6, 15), new LocalDate(2004, 6, 29),
                     new LocalDate(2004, 6, 30), new LocalDate(2004, 7, 1), new LocalDate(2004, 7, 2) })
        {
            results.Add(await PassAsync(app, day));
        }

        Assert.All(results, r => Assert.Equal(new ComplianceResult(0, 0, 0, 0), r));
        await using var db = app.Database.CreateContext();
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.Kind == OutboxKind.InsuranceReminder));
        Assert.False(await db.Deficiencies.AnyAsync(d => d.Kind == DeficiencyKind.InsuranceLapsed));
    }

    private static Task<ComplianceResult> PassAsync(NoticesApp app, LocalDate today) =>
        app.WithAsync(s => s.GetRequiredService<ComplianceHandler>().HandleAsync(today, CancellationToken.None));

    /// <summary>Special instruction 14 as #2685's requirements, over its term, and no certificate yet.</summary>
    private static async Task<Guid> RequireAsync(NoticesApp app, bool lapseOpensCase)
    {
        await using var db = app.Database.CreateContext();
        var contract = await db.Contracts.SingleAsync(c => c.Number == "2685");
        // The test's certificates stand in for the demo's samples, which would remind on days of their own.
        await db.InsuranceCertificates.Where(c => c.ContractId == contract.Id).ExecuteDeleteAsync();
        await db.InsuranceRequirements.Where(r => r.ContractId == contract.Id).ExecuteDeleteAsync();
        db.InsuranceRequirements.Add(InsuranceRequirementsRecord.Of(contract.Id, InsuranceRequirements.Bid2685(contract.Term), lapseOpensCase,
            "purchasing@hartford.example", Instant.FromUtc(2003, 5, 9, 14, 0)));
        await db.SaveChangesAsync();
        return contract.Id;
    }

    /// <summary>
    /// An accepted certificate whose automobile liability runs from <paramref name="effective"/> to
    /// <paramref name="autoExpiration"/> (as printed) and, when <paramref name="othersExpiration"/> is given, the bid's
    /// other lines to that day; each line meets the bid's limits. Insurers and policy numbers are samples.
    /// </summary>
    private static async Task AcceptAsync(NoticesApp app, Guid contractId, LocalDate effective, LocalDate autoExpiration, LocalDate? othersExpiration)
    {
        static IReadOnlyDictionary<string, Money> Limits(params (string Name, decimal Dollars)[] limits) =>
            limits.ToDictionary(l => l.Name, l => Money.Dollars(l.Dollars));

        var lines = new List<CertificateCoverage>
        {
            new("A", CoverageKind.AutomobileLiability, "BA-2002", new PolicyPeriod(effective, autoExpiration),
                Limits((LimitNames.CombinedSingleLimit, 1_000_000m)), false, true, true, CoverageBasis.Occurrence),
        };
        if (othersExpiration is { } until)
        {
            var period = new PolicyPeriod(effective, until);
            lines.AddRange(
            [
                new("A", CoverageKind.CommercialGeneralLiability, "CGL-1001", period, Limits((LimitNames.CombinedSingleLimit, 1_000_000m)), false, true, true,
                    CoverageBasis.Occurrence),
                new("B", CoverageKind.WorkersCompensation, "WC-3003", period, Limits(), true, false, true, CoverageBasis.Occurrence),
                new("B", CoverageKind.EmployersLiability, "WC-3003", period,
                    Limits((LimitNames.EachAccident, 100_000m), (LimitNames.DiseaseEachEmployee, 100_000m), (LimitNames.DiseasePolicyLimit, 500_000m)),
                    false, true, true, CoverageBasis.Occurrence),
                new("A", CoverageKind.GarageKeepersLegalLiability, "GK-4004", period, Limits((LimitNames.SingleLimit, 2_000_000m)), false, true, false,
                    CoverageBasis.Occurrence),
            ]);
        }

        var certificate = new InsuranceCertificate(Guid.NewGuid(), effective.PlusDays(-10),
            new CertificateParty("Charter Oak Insurance Agency (sample)", "1 Main Street, Hartford, CT 06103"),
            new CertificateParty("Capitol Turf & Grounds LLC (sample)", "100 Sample Avenue, Hartford, CT 06106"),
            [
                new Insurer("A", "Nutmeg Casualty Company (sample)", "12345", BestRating.Parse("A VIII").Rating!.Value),
                new Insurer("B", "Connecticut Workers Mutual (sample)", "67890", BestRating.Parse("A++ XV").Rating!.Value),
            ],
            lines,
            "Bid #2685, athletic fields; maintenance of. The City of Hartford is included as an Additional Insured, ATIMA.",
            new CertificateParty("City of Hartford, Purchasing", "550 Main Street, Hartford, CT 06103"), 30, effective.PlusDays(-7));
        Assert.Null(certificate.Accept(Party.Purchasing, "purchasing@hartford.example", effective.PlusDays(-5)));
        await using var db = app.Database.CreateContext();
        var record = InsuranceCertificateRecord.Of(contractId, null, certificate, "crew@contractor.example", Instant.FromUtc(2003, 4, 24, 14, 0),
            "acord25.pdf", "application/pdf", new string('a', 64), 12_345);
        record.Take(certificate, "purchasing@hartford.example");
        db.InsuranceCertificates.Add(record);
        await db.SaveChangesAsync();
    }
}

public sealed class ComplianceJobTests_Sqlite() : ComplianceJobTests(DatabaseProvider.Sqlite);

public sealed class ComplianceJobTests_Postgres() : ComplianceJobTests(DatabaseProvider.PostgreSql);
