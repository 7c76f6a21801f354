using FieldContracts.Administration;
using FieldContracts.Administration.Billing;
using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.Insurance;
using FieldContracts.Administration.Licences;
using FieldContracts.Administration.Performance;
using FieldContracts.Data;
using FieldContracts.Data.Compliance;
using FieldContracts.Data.Identity;
using FieldContracts.Data.Notices;
using FieldContracts.Scheduling.Contracts;
using FieldContracts.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Web.Features.Jobs;

public sealed record ComplianceResult(int InsuranceReminders, int LicenceReminders, int Lapses, int Cases)
{
    public override string ToString() =>
        $"{InsuranceReminders} insurance reminders and {LicenceReminders} licence reminders queued, {Lapses} lapses raised, {Cases} cases opened";
}

/// <summary>
/// The morning pass over the contractor's standing (special instruction 14, spec V):
/// <list type="bullet">
/// <item>reminders of accepted insurance lines and of licences running out, at <see cref="ExpiryReminders"/>' thresholds,
/// by email through the outbox to the contractor's contacts (for a licence, the address it names) and to Purchasing. Each
/// message's key is the domain's reminder key with the contract and the address, so a pass run twice, or late, sends
/// nothing twice;</item>
/// <item>a required coverage that lapsed without replacement (<see cref="InsuranceReminders.LapsedBy"/>): a deficiency of
/// kind <see cref="DeficiencyKind.InsuranceLapsed"/>, once per contract, line and day it lapsed, found on that day or, if
/// the pass missed the day, on the next pass while the line is still uncovered; and, where the contract's requirements
/// say a lapse opens a case, a performance case on it unless one is open already.</item>
/// </list>
/// Only the contractor's own certificates count here; a sub-contractor's are checked against its request.
/// </summary>
public sealed class ComplianceHandler(FieldContractsDbContext db, IClock clock)
{
    private const string By = "Insurance and licences pass";

    public async Task<ComplianceResult> HandleAsync(LocalDate today, CancellationToken ct)
    {
        var purchasing = await (from user in db.Users
                                join userRole in db.UserRoles on user.Id equals userRole.UserId
                                join role in db.Roles on userRole.RoleId equals role.Id
                                where role.Name == Roles.Purchasing && user.Email != null
                                select new Recipient(user.DisplayName, user.Email!)).ToListAsync(ct);
        var now = clock.GetCurrentInstant();
        int insuranceReminders = 0, lapses = 0, cases = 0;
        var requirements = await db.InsuranceRequirements.AsNoTracking().ToListAsync(ct);
        var contractIds = requirements.Select(r => r.ContractId).ToList();
        var contracts = await db.Contracts.AsNoTracking().Where(c => contractIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        foreach (var stored in requirements)
        {
            // The insurance is kept over the days the contract is in force: its term, ended early by a termination.
            if (!contracts.TryGetValue(stored.ContractId, out var contract) || BillingCalendar.For(contract).ServiceDays is not { } term)
            {
                continue;
            }

            var required = stored.ToRequirements(term);
            var certificates = (await db.InsuranceCertificates.AsNoTracking()
                    .Where(c => c.ContractId == contract.Id && c.SubcontractRequestId == null && c.Status == CertificateStatus.Accepted)
                    .ToListAsync(ct))
                .ConvertAll(c => c.ToCertificate());
            insuranceReminders += await RemindAsync(contract, required, certificates, purchasing, today, now, ct);
            var (raised, opened) = await RaiseLapsesAsync(contract, stored.LapseOpensCase, required, certificates, today, now, ct);
            lapses += raised;
            cases += opened;
        }

        var licenceReminders = await RemindOfLicencesAsync(purchasing, today, now, ct);
        return new ComplianceResult(insuranceReminders, licenceReminders, lapses, cases);
    }

    private async Task<int> RemindAsync(Contract contract, InsuranceRequirements required, IReadOnlyList<InsuranceCertificate> certificates,
        IReadOnlyList<Recipient> purchasing, LocalDate today, Instant now, CancellationToken ct)
    {
        // A line that lasts to the end of the term needs no replacement.
        var due = InsuranceReminders.DueFor(required, certificates, today).Where(r => r.LastCoveredDay < required.Term.End).ToList();
        if (due.Count == 0)
        {
            return 0;
        }

        var contacts = await ContractorRecipients.OfContractAsync(db, contract.Id, ct);
        var recipients = contacts.Select(c => new Recipient(c.Name, c.Email)).Concat(purchasing).DistinctBy(r => r.Email, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var contractor = contacts.FirstOrDefault()?.Contractor ?? "the contractor";
        var queued = 0;
        foreach (var reminder in due)
        {
            var coverage = CoverageNames.Of(reminder.Kind);
            foreach (var recipient in recipients)
            {
                var message = new OutboxMessage
                {
                    Id = Guid.CreateVersion7(),
                    Kind = OutboxKind.InsuranceReminder,
                    DedupKey = $"{reminder.Key}:{contract.Id:N}:{recipient.Email.ToLowerInvariant()}",
                    ToAddress = recipient.Email,
                    ToName = recipient.Name,
                    Subject = $"Contract #{contract.Number}: {coverage} policy {reminder.PolicyNumber} is covered to {Display.Long(reminder.LastCoveredDay)} "
                              + $"({reminder.Threshold}-day reminder)",
                    Body = $"""
                            {coverage} policy {reminder.PolicyNumber} of {contractor}, on the certificate of insurance accepted for
                            contract #{contract.Number}, {contract.Title}, covers through {Display.Long(reminder.LastCoveredDay)}:
                            {reminder.DaysLeft} days from {Display.Long(today)}. No accepted certificate continues it.

                            Special instruction 14 requires the insurance for the whole term, through {Display.Long(required.Term.End)},
                            with a certificate "upon renewal of any required insurance". Cancellation or other termination of a
                            required policy "without immediate replacement thereof, may be considered a default". Please send the
                            renewal certificate to the City's Purchasing office before the policy runs out.
                            """,
                    CreatedAt = now,
                    NextAttemptAt = now,
                };
                if (await Notices.Outbox.QueueOnceAsync(db, message, ct))
                {
                    queued++;
                }
            }
        }

        return queued;
    }

    private async Task<(int Raised, int Opened)> RaiseLapsesAsync(Contract contract, bool lapseOpensCase, InsuranceRequirements required,
        IReadOnlyList<InsuranceCertificate> certificates, LocalDate today, Instant now, CancellationToken ct)
    {
        var found = InsuranceReminders.LapsedBy(required, certificates, today)
            .Select(l => (Lapse: l, Key: DeficiencyKeys.InsuranceLapsed(contract.Id, l)))
            .ToList();
        if (found.Count == 0)
        {
            return (0, 0);
        }

        var keys = found.Select(f => f.Key).ToList();
        var raisedBefore = (await db.Deficiencies.AsNoTracking().Where(d => d.DedupKey != null && keys.Contains(d.DedupKey))
            .Select(d => d.DedupKey!).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var raised = found.Where(f => !raisedBefore.Contains(f.Key))
            .Select(f => Deficiency.Raise(new Deficiency.Finding(contract.Id, null, [], DeficiencyKind.InsuranceLapsed, null, Evidence(f.Lapse), f.Key),
                Party.System, By, now, today))
            .ToList();
        if (raised.Count == 0)
        {
            return (0, 0);
        }

        db.Deficiencies.AddRange(raised);
        var opened = 0;
        if (lapseOpensCase && !(await db.PerformanceCases.AsNoTracking().Where(c => c.ContractId == contract.Id).ToListAsync(ct)).Any(c => !c.IsClosed))
        {
            // The contract's setting stands for Purchasing's decision to open a case on a lapse (instruction 14, item 11).
            var text = $"""
                        Opened on the contract's setting that a lapse of required insurance opens a case. Special instruction 14,
                        item 11: "Cancellation or other termination of insurance policies required by this Agreement, without
                        immediate replacement thereof, may be considered a default", curable by the City buying the insurance at
                        the contractor's expense. {string.Join(" ", raised.Select(d => d.Evidence))}
                        """;
            var (performanceCase, _) = PerformanceCase.Open(contract, raised, Party.Purchasing, By, now, text);
            if (performanceCase is not null)
            {
                db.PerformanceCases.Add(performanceCase);
                opened = 1;
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance raised the same lapses first (their keys are unique); the next pass finds nothing new.
            db.ChangeTracker.Clear();
            return (0, 0);
        }

        return (raised.Count, opened);
    }

    private static string Evidence(InsuranceLapse lapse) =>
        $"{CoverageNames.Of(lapse.Requirement.Kind)} lapsed: the last day covered by an accepted certificate was {Display.Long(lapse.LastCoveredDay)}, "
        + $"and no accepted certificate covers {Display.Long(lapse.LapsedOn)} or after.";

    private async Task<int> RemindOfLicencesAsync(IReadOnlyList<Recipient> purchasing, LocalDate today, Instant now, CancellationToken ct)
    {
        var horizon = LicenceReminders.Horizon(today);
        var licences = await db.Licences.AsNoTracking()
            .Where(l => l.ExpiresOn >= today && l.ExpiresOn <= horizon)
            .Join(db.Contractors, l => l.ContractorId, c => c.Id, (l, c) => new { Licence = l, Contractor = c.Name })
            .ToListAsync(ct);
        var queued = 0;
        foreach (var item in licences)
        {
            var l = item.Licence;
            if (LicenceReminders.Due(l.ExpiresOn, today) is not var (threshold, daysLeft))
            {
                continue;
            }

            var recipients = new[] { new Recipient(item.Contractor, l.ReminderEmail) }.Concat(purchasing)
                .DistinctBy(r => r.Email, StringComparer.OrdinalIgnoreCase);
            foreach (var recipient in recipients)
            {
                var message = new OutboxMessage
                {
                    Id = Guid.CreateVersion7(),
                    Kind = OutboxKind.LicenceReminder,
                    DedupKey = $"{LicenceReminders.Key(l.Id, l.ExpiresOn, threshold)}:{recipient.Email.ToLowerInvariant()}",
                    ToAddress = recipient.Email,
                    ToName = recipient.Name,
                    Subject = $"Licence {l.Number} expires {Display.Long(l.ExpiresOn)} ({threshold}-day reminder)",
                    Body = $"""
                            {l.Kind} licence {l.Number}, held by {l.Holder} ({item.Contractor}), expires on {Display.Long(l.ExpiresOn)}:
                            {daysLeft} days from {Display.Long(today)}.

                            The contract requires the proper licences for the whole term (spec V). Please send the renewed
                            licence to the City's Purchasing office before it expires; chemical work cannot be done under an
                            expired licence.
                            """,
                    CreatedAt = now,
                    NextAttemptAt = now,
                };
                if (await Notices.Outbox.QueueOnceAsync(db, message, ct))
                {
                    queued++;
                }
            }
        }

        return queued;
    }

    private sealed record Recipient(string Name, string Email);
}
