using System.Security.Claims;
using FieldContracts.Administration.Billing;
using FieldContracts.Administration.Insurance;
using FieldContracts.Administration.Subcontracting;
using FieldContracts.Data;
using FieldContracts.Data.Compliance;
using FieldContracts.Data.Identity;
using FieldContracts.Scheduling.Contracts;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Web.Features.Insurance;

/// <summary>A contract as the insurance views need it: its id, number, term and contractor's name.</summary>
public sealed record InsuredContract(Guid Id, string Number, DateInterval Term, string ContractorName);

/// <summary>
/// Reads a contract's insurance: the requirements, the certificates on file and the standing on a day, computed by
/// <see cref="InsuranceCompliance"/>. A contract the user cannot see is null throughout.
/// </summary>
public sealed class InsuranceQueries(FieldContractsDbContext db, IClock clock)
{
    public LocalDate Today() => clock.GetCurrentInstant().InZone(Hartford.Zone).Date;

    public async Task<InsuredContract?> ContractAsync(ClaimsPrincipal user, string number, CancellationToken ct)
    {
        var found = await db.Contracts.VisibleTo(user).AsNoTracking().SingleOrDefaultAsync(c => c.Number == number, ct);
        if (found is null)
        {
            return null;
        }

        var contractor = await db.Contractors.AsNoTracking().Where(c => c.Id == found.ContractorId).Select(c => c.Name).SingleAsync(ct);
        // Insurance is kept over the days the contract is in force, as the morning pass judges it: the term, cut at a termination.
        return new InsuredContract(found.Id, found.Number, BillingCalendar.For(found).ServiceDays ?? found.Term, contractor);
    }

    public async Task<RequirementsView?> RequirementsAsync(ClaimsPrincipal user, string number, CancellationToken ct) =>
        await ContractAsync(user, number, ct) is { } contract
            ? View(contract, await db.InsuranceRequirements.AsNoTracking().SingleOrDefaultAsync(r => r.ContractId == contract.Id, ct))
            : null;

    public static RequirementsView View(InsuredContract contract, InsuranceRequirementsRecord? record)
    {
        if (record is null)
        {
            return new RequirementsView(contract.Number, false, InsuranceWords.NotSet, [], null, null, null, null, contract.Term.Start, contract.Term.End, null);
        }

        var coverages = record.Coverages.Select(c => new CoverageRequirementView(c.Kind, InsuranceWords.Kind(c.Kind),
            c.Limits.Select(l => new RequiredLimitView(l.Name, l.Minimum.Amount)).ToList(), c.Statutory, c.CityAdditionalInsured, c.ClaimsMadeTailYears,
            InsuranceWords.Summary(c))).ToList();
        var summary = $"{coverages.Count} lines of insurance, insurers rated {record.MinimumRating} or better, {record.NoticeOfCancellationDays} days' notice of " +
                      $"cancellation, certificates within {record.CertificateDueDays} days of the notice of selection" +
                      (record.LapseOpensCase ? "; a lapse opens a performance case." : ".");
        return new RequirementsView(contract.Number, true, summary, coverages, record.MinimumRating, record.NoticeOfCancellationDays, record.CertificateDueDays,
            record.LapseOpensCase, contract.Term.Start, contract.Term.End, record.ChangedBy);
    }

    public async Task<IReadOnlyList<CertificateSummaryView>?> CertificatesAsync(ClaimsPrincipal user, string number, CancellationToken ct)
    {
        if (await ContractAsync(user, number, ct) is not { } contract)
        {
            return null;
        }

        var records = await db.InsuranceCertificates.AsNoTracking().Where(c => c.ContractId == contract.Id).ToListAsync(ct);
        var names = await SubcontractorNamesAsync(contract.Id, ct);
        return records.OrderByDescending(r => r.SubmittedAt).Select(r => new CertificateSummaryView(r.Id, r.IssuedOn, r.InsuredName, r.ProducerName,
                r.SubcontractRequestId, r.SubcontractRequestId is { } s ? names.GetValueOrDefault(s) : null,
                r.Coverages.Select(c => InsuranceWords.Kind(c.Kind)).Distinct().ToList(),
                r.Coverages.Count == 0 ? null : r.Coverages.Min(c => c.Period.Expiration), r.Status, InsuranceWords.Status(r.Status), r.SubmittedOn,
                r.SubmittedBy, r.IsSample))
            .ToList();
    }

    public async Task<CertificateView?> CertificateAsync(ClaimsPrincipal user, string number, Guid id, CancellationToken ct)
    {
        if (await ContractAsync(user, number, ct) is not { } contract)
        {
            return null;
        }

        var record = await db.InsuranceCertificates.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.ContractId == contract.Id, ct);
        if (record is null)
        {
            return null;
        }

        var requirements = (await db.InsuranceRequirements.AsNoTracking().SingleOrDefaultAsync(r => r.ContractId == contract.Id, ct))?.ToRequirements(contract.Term);
        var subcontractor = record.SubcontractRequestId is { } s ? (await SubcontractorNamesAsync(contract.Id, ct)).GetValueOrDefault(s) : null;
        return new CertificateView(record.Id, contract.Number, record.SubcontractRequestId, subcontractor, record.IssuedOn,
            new PartyView(record.ProducerName, record.ProducerAddress), new PartyView(record.InsuredName, record.InsuredAddress),
            record.Insurers.Select(i => new InsurerView(i.Letter, i.Name, i.NaicNumber, i.Rating?.ToString())).ToList(),
            record.Coverages.Select(Line).ToList(), record.DescriptionOfOperations, new PartyView(record.HolderName, record.HolderAddress),
            record.CancellationNoticeDays, record.SubmittedOn, record.SubmittedBy, record.Status, InsuranceWords.Status(record.Status), record.ReviewedOn,
            record.ReviewedBy, record.RejectionReason, record.DocumentFileName, record.DocumentLength, record.DocumentSha256,
            $"/api/contracts/{Uri.EscapeDataString(contract.Number)}/insurance/certificates/{record.Id}/document", record.IsSample, record.Version,
            requirements is null ? [] : Checks(requirements, record));
    }

    /// <summary>The stored PDF's name and hash, for a certificate the user can see.</summary>
    public async Task<(string FileName, string Sha256)?> DocumentAsync(ClaimsPrincipal user, string number, Guid id, CancellationToken ct)
    {
        var found = await db.InsuranceCertificates.AsNoTracking()
            .Where(c => c.Id == id && db.Contracts.VisibleTo(user).Any(k => k.Id == c.ContractId && k.Number == number))
            .Select(c => new { c.DocumentFileName, c.DocumentSha256 })
            .SingleOrDefaultAsync(ct);
        return found is null ? null : (found.DocumentFileName, found.DocumentSha256);
    }

    /// <summary>The standing on <paramref name="on"/> and over the term, for the contractor and each approved sub-contractor.</summary>
    public async Task<ComplianceView?> ComplianceAsync(ClaimsPrincipal user, string number, LocalDate on, CancellationToken ct)
    {
        if (await ContractAsync(user, number, ct) is not { } contract)
        {
            return null;
        }

        var record = await db.InsuranceRequirements.AsNoTracking().SingleOrDefaultAsync(r => r.ContractId == contract.Id, ct);
        if (record is null)
        {
            return new ComplianceView(contract.Number, on, false, false, InsuranceWords.NotSet, contract.Term.Start, contract.Term.End, null, []);
        }

        var requirements = record.ToRequirements(contract.Term);
        var certificates = await db.InsuranceCertificates.AsNoTracking().Where(c => c.ContractId == contract.Id).ToListAsync(ct);
        var approved = await db.SubcontractRequests.AsNoTracking()
            .Where(r => r.ContractId == contract.Id && r.Status == SubcontractRequestStatus.Approved)
            .ToListAsync(ct);
        var own = Standing(contract.ContractorName, null, requirements,
            certificates.Where(c => c.SubcontractRequestId is null).Select(c => c.ToCertificate()).ToList(), on, contract.Term);
        var subcontractors = approved.OrderBy(r => r.Subcontractor.Name, StringComparer.Ordinal)
            .Select(r => Standing(r.Subcontractor.Name, r.Id, requirements,
                certificates.Where(c => c.SubcontractRequestId == r.Id).Select(c => c.ToCertificate()).ToList(), on, contract.Term))
            .ToList();
        var allMet = own.AllMet && subcontractors.All(s => s.AllMet);
        var problems = own.Requirements.Count(r => !r.Met);
        var summary = allMet
            ? $"Every required line of insurance is met on {Display.Long(on)}."
            : problems == 0
                ? $"The contractor's insurance is met on {Display.Long(on)}; an approved sub-contractor's is not."
                : $"{problems} of {own.Requirements.Count} required lines of insurance {(problems == 1 ? "is" : "are")} not met on {Display.Long(on)}.";
        return new ComplianceView(contract.Number, on, true, allMet, summary, contract.Term.Start, contract.Term.End, own, subcontractors);
    }

    public static InsuredStandingView Standing(string insured, Guid? requestId, InsuranceRequirements requirements,
        IReadOnlyList<InsuranceCertificate> certificates, LocalDate on, DateInterval term)
    {
        var standing = InsuranceCompliance.On(requirements, certificates, on)
            .Select(r => new RequirementStandingView(r.Requirement.Kind, InsuranceWords.Kind(r.Requirement.Kind), r.IsMet,
                r.Findings.Select(f => new FindingView(InsuranceWords.FindingKind(f), f.Reason)).ToList()))
            .ToList();
        var timeline = InsuranceCompliance.Timeline(requirements, certificates, term)
            .Select(t => new TimelineView(t.Requirement.Kind, InsuranceWords.Kind(t.Requirement.Kind), t.Covered.Select(Interval).ToList(),
                t.Gaps.Select(Interval).ToList()))
            .ToList();
        return new InsuredStandingView(insured, requestId, standing.All(s => s.Met), standing, timeline);
    }

    /// <summary>
    /// Each line of the certificate checked on its own, as if the certificate were accepted, on the line's first day: what
    /// Purchasing weighs before accepting it.
    /// </summary>
    private static List<LineCheckView> Checks(InsuranceRequirements requirements, InsuranceCertificateRecord record) =>
        record.Coverages.Select(line =>
        {
            var kind = InsuranceWords.Kind(line.Kind);
            if (requirements.For(line.Kind) is null)
            {
                return new LineCheckView(line.PolicyNumber, line.Kind, kind, false, true, ["The contract does not require this line."]);
            }

            var alone = InsuranceCertificate.Restore(record.Id, record.IssuedOn, new CertificateParty(record.ProducerName, record.ProducerAddress),
                new CertificateParty(record.InsuredName, record.InsuredAddress), record.Insurers, [line], record.DescriptionOfOperations,
                new CertificateParty(record.HolderName, record.HolderAddress), record.CancellationNoticeDays, record.SubmittedOn, record.SubmittedBy, CertificateStatus.Accepted,
                record.ReviewedOn, null);
            var finding = InsuranceCompliance.On(requirements, [alone], line.Period.Effective).Single(r => r.Requirement.Kind == line.Kind);
            return new LineCheckView(line.PolicyNumber, line.Kind, kind, true, finding.IsMet, finding.Findings.Select(f => f.Reason).ToList());
        }).ToList();

    private static CoverageLineView Line(CertificateCoverage c) => new(c.InsurerLetter, c.Kind, InsuranceWords.Kind(c.Kind), c.PolicyNumber,
        c.Period.Effective, c.Period.Expiration, c.Period.LastCoveredDay,
        CertificateReading.KnownLimits.Select(n => c.Limit(n) is { } m ? new LimitView(n, m.Amount) : null).OfType<LimitView>().ToList(),
        c.Statutory, c.AdditionalInsured, c.WaiverOfSubrogation, c.Basis, c.ExtendedReportingEnds);

    private static IntervalView Interval(DateInterval interval) => new(interval.Start, interval.End, interval.Length);

    private async Task<Dictionary<Guid, string>> SubcontractorNamesAsync(Guid contractId, CancellationToken ct) =>
        (await db.SubcontractRequests.AsNoTracking().Where(r => r.ContractId == contractId).ToListAsync(ct))
        .ToDictionary(r => r.Id, r => r.Subcontractor.Name);

    /// <summary>Whether the user may submit certificates: the contractor on its own contracts, Purchasing entering one received on paper.</summary>
    public static bool MaySubmit(ClaimsPrincipal user) => user.IsInRole(Roles.Contractor) || user.IsInRole(Roles.Purchasing);
}
