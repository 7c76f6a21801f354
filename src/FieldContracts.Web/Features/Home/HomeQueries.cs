using System.Security.Claims;
using FieldContracts.Administration.Deficiencies;
using FieldContracts.Administration.Licences;
using FieldContracts.Administration.Performance;
using FieldContracts.Data;
using FieldContracts.Scheduling.Planning;
using FieldContracts.Web.Features.Billing;
using FieldContracts.Web.Features.Contracts;
using FieldContracts.Web.Features.Deficiencies;
using FieldContracts.Web.Features.Insurance;
using FieldContracts.Web.Features.Jobs;
using FieldContracts.Web.Features.Licences;
using FieldContracts.Web.Features.Notices;
using FieldContracts.Web.Features.Performance;
using FieldContracts.Web.Features.Schedule;
using FieldContracts.Web.Features.Scorecard;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Features.WorkLogs;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Web.Features.Home;

/// <summary>A piece of planned work on a home page: the occurrence as the schedule shows it, and for a chemical
/// application where its notice stands and what is still needed before it may start.</summary>
/// <param name="Notice">The notice's standing in a sentence (chemical applications only).</param>
/// <param name="Needed">What must still happen before the application may start: a notice, a licence, insurance.</param>
public sealed record HomeWork(string ContractNumber, OccurrenceSummary Work, string? Notice, IReadOnlyList<string> Needed)
{
    public LocalDate Day => Work.PlannedDate ?? Work.WindowStart;
}

/// <summary>The crew leader's day: missed work first, then work planned before today and not logged, then the week.</summary>
public sealed record CrewHome(LocalDate Today, IReadOnlyList<MissedWorkItem> Missed, IReadOnlyList<HomeWork> Overdue, IReadOnlyList<HomeWork> Week);

/// <summary>A recorded change to a contract's plan.</summary>
public sealed record HomeChange(string ContractNumber, ChangeView Change);

/// <summary>The Athletic Director's day.</summary>
/// <param name="Since">Changes to the plan after this moment are listed (the previous visit, or a week ago on a first visit).</param>
public sealed record DirectorHome(
    LocalDate Today,
    IReadOnlyList<HomeWork> Chemicals,
    IReadOnlyList<WorkLogSummary> AwaitingVerification,
    IReadOnlyList<DeficiencyDetail> OpenDeficiencies,
    IReadOnlyList<DeficiencyDetail> OpenComplaints,
    Instant Since,
    IReadOnlyList<HomeChange> Changes);

/// <summary>One contract's standing as Purchasing reads it on its home page.</summary>
/// <param name="OnTime">The scorecard's share of planned work done on time, over the term to date.</param>
/// <param name="Insurance">Today's insurance standing in words; null when no requirements are set.</param>
/// <param name="LicenceProblems">The licences in the contractor's register that have expired, by holder and kind.</param>
/// <param name="Expiring">What runs out within 30 days: the contract's term, licences, insurance lines.</param>
public sealed record ContractStanding(
    ContractSummary Contract,
    ShareView? OnTime,
    int OpenDeficiencies,
    int OpenCases,
    bool InsuranceMet,
    string Insurance,
    IReadOnlyList<string> LicenceProblems,
    IReadOnlyList<string> Expiring);

/// <summary>Purchasing's day: its contracts' standing, jobs that need a look, email the mail server has not taken.</summary>
public sealed record PurchasingHome(IReadOnlyList<ContractStanding> Contracts, IReadOnlyList<JobView> Jobs, int Undelivered, int GivenUp);

/// <summary>
/// What each role's home page shows, read through the queries the feature pages use (the schedule, the work logs, the
/// deficiency register, the cases, the scorecard, insurance, licences, billing, jobs): nothing here decides a rule.
/// </summary>
public sealed class HomeQueries(
    FieldContractsDbContext db,
    ZonedClock clock,
    ContractQueries contracts,
    ScheduleQueries schedule,
    WorkLogQueries worklogs,
    DeficiencyQueries deficiencies,
    CaseQueries cases,
    ScorecardQueries scorecards,
    InsuranceQueries insurance,
    LicenceRegister licences,
    BillingQueries billing,
    JobsQueries jobs)
{
    /// <summary>How far ahead the Athletic Director sees chemical applications (days after today, inclusive).</summary>
    public const int ChemicalDaysAhead = 7;

    /// <summary>How far ahead Purchasing is told what runs out (days after today, inclusive).</summary>
    public const int ExpiringDaysAhead = 30;

    public LocalDate Today() => clock.GetCurrentDate();

    public Instant Now() => clock.GetCurrentInstant();

    public Task<IReadOnlyList<ContractSummary>> ContractsAsync(ClaimsPrincipal user, CancellationToken ct) => contracts.ListAsync(user, ct);

    public async Task<CrewHome> CrewAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var today = Today();
        var missed = await worklogs.MissedAsync(user, ct);
        var missedIds = missed.Select(m => m.Work.OccurrenceId).ToHashSet();
        var overdue = new List<HomeWork>();
        var week = new List<HomeWork>();
        foreach (var summary in await contracts.ListAsync(user, ct))
        {
            if (await schedule.ContractAsync(summary.Number, user, ct) is not { } contract)
            {
                continue;
            }

            var before = today.PlusDays(-1) < contract.Term.Start
                ? []
                : await schedule.OccurrencesAsync(contract, new ScheduleFilter(new DateInterval(contract.Term.Start, today.PlusDays(-1)), null, null, false), ct);
            overdue.AddRange(before
                .Where(o => o is { PlannedDate: not null, LoggedOn: null, Cancelled: false, Status: OccurrenceStatus.Planned } && !missedIds.Contains(o.Id))
                .Select(o => new HomeWork(contract.Number, o, null, [])));
            var planned = await schedule.OccurrencesAsync(contract, new ScheduleFilter(new DateInterval(today, today.PlusDays(6)), null, null, false), ct);
            foreach (var o in planned.Where(o => o.PlannedDate is { } d && d >= today && d <= today.PlusDays(6)))
            {
                week.Add(o.IsChemical && o.LoggedOn is null ? await ChemicalAsync(user, contract, o, ct) : new HomeWork(contract.Number, o, null, []));
            }
        }

        return new CrewHome(today, missed,
            overdue.OrderBy(w => w.Day).ThenBy(w => w.Work.Site, StringComparer.Ordinal).ToList(),
            week.OrderBy(w => w.Day).ThenBy(w => w.Work.ApplicationStart).ThenBy(w => w.Work.Site, StringComparer.Ordinal).ToList());
    }

    public async Task<DirectorHome> DirectorAsync(ClaimsPrincipal user, Instant since, CancellationToken ct)
    {
        var today = Today();
        var chemicals = new List<HomeWork>();
        var open = new List<DeficiencyDetail>();
        var changes = new List<HomeChange>();
        foreach (var summary in await contracts.ListAsync(user, ct))
        {
            if (await schedule.ContractAsync(summary.Number, user, ct) is not { } contract)
            {
                continue;
            }

            var applications = await schedule.OccurrencesAsync(contract,
                new ScheduleFilter(new DateInterval(today, today.PlusDays(ChemicalDaysAhead)), null, null, true), ct);
            foreach (var o in applications.Where(o => o.PlannedDate is not null && o.LoggedOn is null))
            {
                chemicals.Add(await ChemicalAsync(user, contract, o, ct));
            }

            open.AddRange((await deficiencies.ListAsync(user, contract.Number, null, null, ct) ?? [])
                .Where(d => d.Status is not (DeficiencyStatus.Cured or DeficiencyStatus.Withdrawn)));
            changes.AddRange((await schedule.HistoryAsync(contract, ct))
                .Where(c => c.ChangedAt.ToInstant() > since)
                .Select(c => new HomeChange(contract.Number, c)));
        }

        var queue = await worklogs.ReviewQueueAsync(user, ct);
        return new DirectorHome(today,
            chemicals.OrderBy(w => w.Work.ApplicationStart).ThenBy(w => w.Work.Site, StringComparer.Ordinal).ToList(),
            queue.Awaiting,
            open.Where(d => d.Kind != DeficiencyKind.Complaint).OrderBy(d => d.FoundOn).ThenBy(d => d.Site, StringComparer.Ordinal).ToList(),
            open.Where(d => d.Kind == DeficiencyKind.Complaint).OrderBy(d => d.FoundOn).ToList(),
            since,
            changes.OrderByDescending(c => c.Change.ChangedAt.ToInstant()).ToList());
    }

    public async Task<PurchasingHome> PurchasingAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var today = Today();
        var horizon = today.PlusDays(ExpiringDaysAhead);
        var standings = new List<ContractStanding>();
        foreach (var summary in await contracts.ListAsync(user, ct))
        {
            var number = summary.Number;
            var scorecard = await scorecards.ForAsync(user, number, ct);
            var register = await deficiencies.ListAsync(user, number, null, null, ct) ?? [];
            var caseList = await cases.ListAsync(user, number, ct) ?? [];
            var compliance = await insurance.ComplianceAsync(user, number, today, ct);
            var licenceList = await licences.ListAsync(user, number, ct) ?? [];
            var expiring = new List<string>();
            if (summary.TermEnd >= today && summary.TermEnd <= horizon)
            {
                expiring.Add($"The contract's term ends {Display.Short(summary.TermEnd)}");
            }

            expiring.AddRange(licenceList.Where(l => l.ExpiresOn >= today && l.ExpiresOn <= horizon)
                .Select(l => $"{l.Holder}'s {l.KindName} licence, {Display.Short(l.ExpiresOn)}"));
            // Cover in force today whose stretch ends within the horizon and before the term does.
            expiring.AddRange((compliance?.Contractor?.Timeline ?? [])
                .SelectMany(t => t.Covered.Where(c => c.From <= today && c.To >= today && c.To <= horizon && c.To < summary.TermEnd)
                    .Select(c => $"{t.KindWords} insurance, {Display.Short(c.To)}")));
            standings.Add(new ContractStanding(summary,
                scorecard?.OnTime.AllSchools,
                register.Count(d => d.Status is not (DeficiencyStatus.Cured or DeficiencyStatus.Withdrawn)),
                caseList.Count(c => c.Status is not (PerformanceCaseStatus.ClosedCured or PerformanceCaseStatus.TerminatedForCause or PerformanceCaseStatus.Withdrawn)),
                compliance is { RequirementsSet: true, AllMet: true },
                compliance?.Summary ?? "",
                licenceList.Where(l => l.State == LicenceState.Expired).Select(l => $"{l.Holder}: {l.KindName}, expired {Display.Short(l.ExpiresOn)}").ToList(),
                expiring));
        }

        var attention = jobs.List().Where(j => j.LastState is "Failed" or "Not registered" || j.NextRun is null).ToList();
        var undelivered = UndeliveredModel.Undelivered(db);
        return new PurchasingHome(standings, attention, await undelivered.CountAsync(ct), await undelivered.CountAsync(m => m.GaveUpAt != null, ct));
    }

    public Task<FinanceQueue> FinanceAsync(ClaimsPrincipal user, CancellationToken ct) => billing.FinanceAsync(user, ct);

    /// <summary>
    /// A chemical application with its notice in words and what is still needed before it may start: a notice that
    /// counts (the notice ledger), someone licensed to supervise it on its day (<see cref="LicenceCheck"/>), and the
    /// contractor's insurance met on its day (the insurance compliance the morning pass judges by).
    /// </summary>
    private async Task<HomeWork> ChemicalAsync(ClaimsPrincipal user, ScheduleContract contract, OccurrenceSummary o, CancellationToken ct)
    {
        var day = o.PlannedDate ?? o.WindowStart;
        var needed = new List<string>();
        var notice = (await schedule.OccurrenceAsync(contract, o.Id, Now(), ct))?.Notice?.Status;
        if (o.NoticeStatus is not null && o.NoticeStatus != "notice sent")
        {
            needed.Add("A notice to the school that counts: " + (notice ?? "none is on record."));
        }

        var contractorId = await db.Contracts.AsNoTracking().Where(c => c.Id == contract.Id).Select(c => c.ContractorId).SingleAsync(ct);
        var register = (await db.Licences.AsNoTracking().Where(l => l.ContractorId == contractorId && !l.HolderIsFirm).ToListAsync(ct))
            .Select(l => l.ToLicence()).ToList();
        var licensed = register.Select(l => l.Holder).Distinct()
            .Any(h => LicenceCheck.ForApplication(register, h, h, PesticideCategory.Turf, day).Count == 0);
        if (!licensed)
        {
            needed.Add($"Someone licensed to supervise a turf application on {Display.Short(day)}: the licence register has nobody valid that day.");
        }

        if (await insurance.ComplianceAsync(user, contract.Number, day, ct) is { RequirementsSet: true, AllMet: false } compliance)
        {
            needed.Add("Insurance in force: " + compliance.Summary);
        }

        return new HomeWork(contract.Number, o, notice, needed);
    }
}
