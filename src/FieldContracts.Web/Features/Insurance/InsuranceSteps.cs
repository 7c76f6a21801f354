using System.Security.Claims;
using FieldContracts.Administration;
using FieldContracts.Administration.Insurance;
using FieldContracts.Administration.Subcontracting;
using FieldContracts.Data;
using FieldContracts.Data.Compliance;
using FieldContracts.Data.Identity;
using FieldContracts.Web.Features.Deliverables;
using FieldContracts.Web.Features.Schedule;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Web.Features.Insurance;

/// <summary>What became of a submission: the certificate's id, or the errors by field, or another refusal.</summary>
public sealed record SubmissionOutcome(Guid? Id, FieldErrors? Errors, StepOutcome? Refused);

/// <summary>
/// The steps on a contract's insurance: Purchasing sets the requirements (or applies bid #2685's instruction 14); the
/// contractor, or Purchasing entering one received on paper, submits a certificate with its PDF; Purchasing accepts or
/// rejects it. The domain decides; this class checks shapes, loads, stores and saves.
/// </summary>
public sealed class InsuranceSteps(FieldContractsDbContext db, InsuranceQueries queries, DocumentStore documents, IClock clock)
{
    public async Task<StepOutcome> SetRequirementsAsync(ClaimsPrincipal user, string number, RequirementsRequest body, CancellationToken ct)
    {
        if (await queries.ContractAsync(user, number, ct) is not { } contract)
        {
            return NoContract(number);
        }

        if (!user.IsInRole(Roles.Purchasing))
        {
            return new StepOutcome.Forbidden("Only Purchasing sets a contract's insurance requirements.");
        }

        var (rating, refusal) = BestRating.Parse(body.MinimumRating);
        if (refusal is not null)
        {
            return new StepOutcome.Invalid("minimumRating", refusal.Message);
        }

        if (body.NoticeOfCancellationDays is not { } notice || notice is < 0 or > 365)
        {
            return new StepOutcome.Invalid("noticeOfCancellationDays", "Give the days of notice of cancellation the City must be promised, 0 to 365.");
        }

        if (body.CertificateDueDays is not { } due || due is < 0 or > 365)
        {
            return new StepOutcome.Invalid("certificateDueDays", "Give the days after the notice of selection within which certificates are due, 0 to 365.");
        }

        var coverages = new List<CoverageRequirement>();
        foreach (var (line, i) in (body.Coverages ?? []).Select((x, i) => (x, i)))
        {
            var path = $"coverages[{i}]";
            if (line.Kind is not { } kind)
            {
                return new StepOutcome.Invalid($"{path}.kind", "Say which line of insurance is required.");
            }

            if (coverages.Any(c => c.Kind == kind))
            {
                return new StepOutcome.Invalid($"{path}.kind", $"{InsuranceWords.Kind(kind)} is required twice.");
            }

            var limits = new List<RequiredLimit>();
            foreach (var (limit, j) in (line.Limits ?? []).Select((x, j) => (x, j)))
            {
                var known = CertificateReading.KnownLimits.FirstOrDefault(k => string.Equals(k, limit.Name?.Trim(), StringComparison.OrdinalIgnoreCase));
                if (known is null || limits.Any(l => l.Name == known))
                {
                    return new StepOutcome.Invalid($"{path}.limits[{j}].name", $"Name each limit once, as one of: {string.Join(", ", CertificateReading.KnownLimits)}.");
                }

                if (limit.Amount is not { } amount || amount <= 0 || decimal.Round(amount, 2) != amount || amount > 1_000_000_000_000m)
                {
                    return new StepOutcome.Invalid($"{path}.limits[{j}].amount", "Give the least amount in dollars and cents, above zero.");
                }

                limits.Add(new RequiredLimit(known, Money.Dollars(amount)));
            }

            if (limits.Count == 0 && line.Statutory != true)
            {
                return new StepOutcome.Invalid($"{path}.limits", "A required line has at least one limit, or statutory limits.");
            }

            if (line.ClaimsMadeTailYears is < 0 or > 10)
            {
                return new StepOutcome.Invalid($"{path}.claimsMadeTailYears", "A claims-made tail is 0 to 10 years.");
            }

            coverages.Add(new CoverageRequirement(kind, limits, line.Statutory ?? false, line.CityAdditionalInsured ?? false, line.ClaimsMadeTailYears));
        }

        if (coverages.Count == 0)
        {
            return new StepOutcome.Invalid("coverages", "Require at least one line of insurance.");
        }

        return await SaveRequirementsAsync(user, contract,
            new InsuranceRequirements(contract.Term, coverages, rating!.Value, notice, due), body.LapseOpensCase ?? false, ct);
    }

    /// <summary>Purchasing applies bid #2685's special instruction 14, as <see cref="InsuranceRequirements.Bid2685"/> reads it, over the contract's term.</summary>
    public async Task<StepOutcome> ApplyBid2685Async(ClaimsPrincipal user, string number, bool lapseOpensCase, CancellationToken ct)
    {
        if (await queries.ContractAsync(user, number, ct) is not { } contract)
        {
            return NoContract(number);
        }

        return !user.IsInRole(Roles.Purchasing)
            ? new StepOutcome.Forbidden("Only Purchasing sets a contract's insurance requirements.")
            : await SaveRequirementsAsync(user, contract, InsuranceRequirements.Bid2685(contract.Term), lapseOpensCase, ct);
    }

    public async Task<SubmissionOutcome> SubmitAsync(ClaimsPrincipal user, string number, CertificateRequest? body, FileUpload? upload, CancellationToken ct)
    {
        if (await queries.ContractAsync(user, number, ct) is not { } contract)
        {
            return new SubmissionOutcome(null, null, NoContract(number));
        }

        if (!InsuranceQueries.MaySubmit(user))
        {
            return new SubmissionOutcome(null, null,
                new StepOutcome.Forbidden("The contractor submits certificates of insurance; Purchasing enters one received on paper."));
        }

        var errors = new FieldErrors();
        var now = clock.GetCurrentInstant();
        var today = now.InZone(Hartford.Zone).Date;
        var certificate = body is null ? null : CertificateReading.Certificate(body, today, errors);
        if (body is null)
        {
            errors.Add("certificate", "Send the certificate's fields as JSON in the part named certificate.");
        }

        if (body?.SubcontractRequestId is { } requestId)
        {
            var request = await db.SubcontractRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId && r.ContractId == contract.Id, ct);
            if (request is null || request.Status != SubcontractRequestStatus.Approved)
            {
                errors.Add("subcontractRequestId", request is null
                    ? "There is no sub-contract request of this contract by that id."
                    : $"The sub-contract request for {request.Subcontractor.Name} is {request.Status.ToString().ToLowerInvariant()}, not approved: only an approved sub-contractor's certificate is taken.");
            }
        }

        var pdf = CertificateReading.Pdf(upload, errors);
        if (errors.Any)
        {
            return new SubmissionOutcome(null, errors, null);
        }

        var record = InsuranceCertificateRecord.Of(contract.Id, body!.SubcontractRequestId, certificate!, ScheduleApi.Who(user), now, pdf!.FileName,
            CertificatePdf.ContentType, pdf.Sha256, pdf.Bytes.LongLength);
        db.InsuranceCertificates.Add(record);
        await documents.SaveAsync(new CheckedDocument(new Administration.Deliverables.DeliverableDocument(pdf.FileName, CertificatePdf.ContentType, pdf.Sha256,
            pdf.Bytes.LongLength), pdf.Bytes), ct);
        await db.SaveChangesAsync(ct);
        return new SubmissionOutcome(record.Id, null, null);
    }

    /// <summary>Purchasing accepts (<paramref name="accept"/>) or rejects with a reason; of two reviews at once the second is a conflict.</summary>
    public async Task<StepOutcome> ReviewAsync(ClaimsPrincipal user, string number, Guid id, bool accept, string? reason, int? version, CancellationToken ct)
    {
        if (await queries.ContractAsync(user, number, ct) is not { } contract)
        {
            return NoContract(number);
        }

        var record = await db.InsuranceCertificates.SingleOrDefaultAsync(c => c.Id == id && c.ContractId == contract.Id, ct);
        if (record is null)
        {
            return new StepOutcome.NotFound($"There is no certificate {id} on contract {number} that you can see.");
        }

        if (reason is { Length: > 2000 })
        {
            return new StepOutcome.Invalid("reason", "At most 2000 characters.");
        }

        var by = ScheduleApi.Who(user);
        if (version is { } read && read != record.Version)
        {
            return new StepOutcome.Conflict("Changed meanwhile.", "The certificate was reviewed since you opened it. Reload it to see where it stands.");
        }

        var certificate = record.ToCertificate();
        var today = clock.GetCurrentInstant().InZone(Hartford.Zone).Date;
        var refusal = accept ? certificate.Accept(user.Party(), by, today) : certificate.Reject(user.Party(), by, today, reason);
        switch (refusal)
        {
            case CertificateRefusal.NotPurchasing or CertificateRefusal.OwnSubmission:
                return new StepOutcome.Forbidden(refusal.Message);
            case CertificateRefusal.AlreadyReviewed already:
                return new StepOutcome.Conflict("Already reviewed.", already.Message);
            case CertificateRefusal.ReasonRequired required:
                return new StepOutcome.Invalid("reason", required.Message);
        }

        record.Take(certificate, by);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The version read no longer matches (or the row was locked by the other review): the other review stands.
            db.ChangeTracker.Clear();
            return new StepOutcome.Conflict("Changed meanwhile.", "Someone else reviewed the certificate at the same time. Reload it to see where it stands.");
        }

        return new StepOutcome.Done(record.Id);
    }

    private async Task<StepOutcome> SaveRequirementsAsync(ClaimsPrincipal user, InsuredContract contract, InsuranceRequirements requirements,
        bool lapseOpensCase, CancellationToken ct)
    {
        var fresh = InsuranceRequirementsRecord.Of(contract.Id, requirements, lapseOpensCase, ScheduleApi.Who(user), clock.GetCurrentInstant());
        var stored = await db.InsuranceRequirements.SingleOrDefaultAsync(r => r.ContractId == contract.Id, ct);
        if (stored is null)
        {
            db.InsuranceRequirements.Add(fresh);
        }
        else
        {
            db.Entry(stored).CurrentValues.SetValues(fresh);
            stored.Coverages = fresh.Coverages;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return new StepOutcome.Conflict("Changed meanwhile.", "The requirements were set at the same time by someone else. Reload and try again.");
        }

        return new StepOutcome.Done(contract.Id);
    }

    private static StepOutcome.NotFound NoContract(string number) => new($"There is no contract {number} that you can see.");
}
