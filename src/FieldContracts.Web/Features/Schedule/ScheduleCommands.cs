using FieldContracts.Data.Conversion;
using FieldContracts.Data.Planning;
using FieldContracts.Scheduling.Contracts;
using FieldContracts.Scheduling.Planning;
using FieldContracts.Web.Features.Contracts;
using FieldContracts.Web.Features.Shared;
using NodaTime;
using Result = System.Threading.Tasks.Task<(FieldContracts.Web.Features.Schedule.PlanEditResult? Result, FieldContracts.Web.Features.Schedule.PlanEditError? Error)>;

namespace FieldContracts.Web.Features.Schedule;

/// <summary>
/// The changes the Athletic Director and Purchasing make to what a plan is made from. Each checks
/// its input, says in words what it changed, and leaves the re-planning to <see cref="PlanService"/>.
/// </summary>
public sealed class ScheduleCommands(PlanService plans)
{
    public Result SetSportSeasonsAsync(Guid contractId, Guid areaId, IReadOnlyList<SportSeasonDocument>? seasons,
        string? reason, string by, CancellationToken ct)
    {
        var errors = new ContractDocumentValidator.Errors();
        for (var i = 0; i < (seasons?.Count ?? 0); i++)
        {
            errors.Text($"seasons[{i}].sport", seasons![i].Sport, 100);
            if (seasons[i].From is null || seasons[i].To is null)
            {
                errors.Add($"seasons[{i}]", "Give the season's first and last day (MM-dd).");
            }
        }

        return Run(contractId, ReplanCause.SportSeasonChanged, reason, by, errors, (state, _, _) =>
        {
            var site = state.Contract.Sites.FirstOrDefault(s => s.Areas.Any(a => a.Id == areaId));
            var area = site?.Areas.Single(a => a.Id == areaId);
            if (area is null)
            {
                return PlanService.Edit.Invalid("areaId", "The contract has no such area.");
            }

            var next = (seasons ?? []).Select(s => new SportSeason(s.Sport!.Trim(), s.From!.Value, s.To!.Value)).ToList();
            if (area.Seasons.SequenceEqual(next))
            {
                return PlanService.Edit.Unchanged($"{area.Name} ({site!.Code}) already has these sport seasons: {Describe(next)}.");
            }

            var description = $"{area.Name} ({site!.Code}): sport seasons {Describe(area.Seasons)} → {Describe(next)}";
            area.SetSeasons(next);
            return PlanService.Edit.Done(description);
        }, ct);
    }

    public Result SetYearFactsAsync(Guid contractId, int year, LocalDate? growthStart, LocalDate? dormancy,
        string? reason, string by, CancellationToken ct)
    {
        var errors = new ContractDocumentValidator.Errors();
        if (growthStart is { } g && (g.Year != year || g.Month is < 3 or > 6))
        {
            errors.Add("growthStart", $"Growth starts between March 1 and June 30, {year}.");
        }

        if (dormancy is { } d && (d.Year != year || d.Month < 10))
        {
            errors.Add("dormancy", $"Grass goes dormant between October 1 and December 31, {year}.");
        }

        var cause = dormancy is not null ? ReplanCause.DormancyDateChanged : ReplanCause.GrowthStartChanged;
        return Run(contractId, cause, reason, by, errors, (state, _, _) =>
        {
            if (year < state.Contract.TermStart.Year || year > state.Contract.TermEnd.Year)
            {
                return PlanService.Edit.Invalid("year", $"The term covers {state.Contract.TermStart.Year} to {state.Contract.TermEnd.Year}.");
            }

            var facts = state.YearFacts.SingleOrDefault(f => f.Year == year);
            if (facts?.GrowthStart == growthStart && facts?.Dormancy == dormancy)
            {
                return PlanService.Edit.Unchanged($"{year}: growth start is {Describe(growthStart)} and dormancy {Describe(dormancy)} already.");
            }

            var added = facts is null;
            facts ??= new ContractYearFacts { ContractId = state.Contract.Id, Year = year };
            var description = $"{year}: growth start {Describe(facts.GrowthStart)} → {Describe(growthStart)}; " +
                              $"dormancy {Describe(facts.Dormancy)} → {Describe(dormancy)}";
            facts.GrowthStart = growthStart;
            facts.Dormancy = dormancy;
            if (added)
            {
                state.YearFacts.Add(facts);
                return PlanService.Edit.Done(description, facts);
            }

            return PlanService.Edit.Done(description);
        }, ct);
    }

    public Result SetEndOfFallSportsAsync(Guid contractId, Guid siteId, int year, LocalDate? endOfFallSports,
        string? reason, string by, CancellationToken ct)
    {
        var errors = new ContractDocumentValidator.Errors();
        if (endOfFallSports is { } e && (e.Year != year || e.Month < 8))
        {
            errors.Add("endOfFallSports", $"Fall sports end between August 1 and December 31, {year}.");
        }

        return Run(contractId, ReplanCause.EndOfFallSportsRecorded, reason, by, errors, (state, _, _) =>
        {
            var site = state.Contract.Sites.SingleOrDefault(s => s.Id == siteId);
            if (site is null)
            {
                return PlanService.Edit.Invalid("site", "The contract has no such school.");
            }

            var facts = state.SiteYearFacts.SingleOrDefault(f => f.SiteId == siteId && f.Year == year);
            if (facts?.EndOfFallSports == endOfFallSports)
            {
                return PlanService.Edit.Unchanged($"{site.Name}, {year}: the end of fall sports is {Describe(endOfFallSports)} already.");
            }

            var added = facts is null;
            facts ??= new SiteYearFacts { SiteId = siteId, Year = year };
            var description = $"{site.Name}, {year}: end of fall sports {Describe(facts.EndOfFallSports)} → {Describe(endOfFallSports)}";
            facts.EndOfFallSports = endOfFallSports;
            if (added)
            {
                state.SiteYearFacts.Add(facts);
                return PlanService.Edit.Done(description, facts);
            }

            return PlanService.Edit.Done(description);
        }, ct);
    }

    public Result SetSchoolCalendarAsync(Guid contractId, Guid siteId, SchoolCalendarDocument? calendar,
        string? reason, string by, CancellationToken ct)
    {
        var errors = new ContractDocumentValidator.Errors();
        if (calendar is null)
        {
            errors.Add("calendar", "Give the school calendar.");
        }
        else
        {
            foreach (var (path, messages) in calendar.ToCalendar().Errors)
            {
                foreach (var message in messages)
                {
                    errors.Add(path, message);
                }
            }
        }

        return Run(contractId, ReplanCause.Other, reason, by, errors, (state, _, _) =>
        {
            var site = state.Contract.Sites.SingleOrDefault(s => s.Id == siteId);
            if (site is null)
            {
                return PlanService.Edit.Invalid("site", "The contract has no such school.");
            }

            var json = calendar!.ToJson();
            var description = $"{site.Name}: school calendar changed ({calendar.Sessions.Count} sessions, " +
                              $"{calendar.Closures.Count} closures, {calendar.Activities.Count} activities)";
            var record = state.Calendars.SingleOrDefault(c => c.SiteId == siteId);
            if (record?.Calendar == json)
            {
                return PlanService.Edit.Unchanged($"{site.Name}: the school calendar is already as given.");
            }

            if (record is null)
            {
                record = new SchoolCalendarRecord { SiteId = siteId, Calendar = json };
                state.Calendars.Add(record);
                return PlanService.Edit.Done(description, record);
            }

            record.Calendar = json;
            return PlanService.Edit.Done(description);
        }, ct);
    }

    public Result MoveAsync(Guid contractId, Guid occurrenceId, LocalDate? to, LocalTime? at, string? emergencyReason,
        string? reason, string by, CancellationToken ct)
    {
        var errors = new ContractDocumentValidator.Errors();
        if (to is null)
        {
            errors.Add("to", "Give the day to move it to.");
        }

        if (emergencyReason is { Length: > 1000 })
        {
            errors.Add("emergencyReason", "At most 1000 characters.");
        }

        emergencyReason = string.IsNullOrWhiteSpace(emergencyReason) ? null : emergencyReason.Trim();
        return Run(contractId, ReplanCause.OccurrenceMoved, reason, by, errors, (state, plan, input) =>
        {
            if (PlanEdits.CheckMove(plan, input, occurrenceId, to!.Value, at, emergencyReason) is { } refusal)
            {
                return PlanService.Edit.Refused(new PlanEditError.MoveRefused(refusal));
            }

            var occurrence = plan.Find(occurrenceId)!;
            var description = $"{occurrence.TaskKey} ({occurrence.ItemReference}) moved from {Describe(occurrence.PlannedDate)} to " +
                              $"{Describe(to)}{(at is { } time ? $" at {SchoolCalendarDocument.FormatTime(time)}" : "")}" +
                              (emergencyReason is null ? "" : $", as an emergency: {emergencyReason}");
            var move = state.Moves.SingleOrDefault(m => m.OccurrenceId == occurrenceId);
            int? atMinute = at is { } minute ? minute.Hour * 60 + minute.Minute : null;
            if (move is not null ? move.To == to && move.AtMinute == atMinute && move.EmergencyReason == emergencyReason
                    : occurrence.PlannedDate == to && at is null && emergencyReason is null)
            {
                return PlanService.Edit.Unchanged($"{occurrence.TaskKey} ({occurrence.ItemReference}) is planned on {Describe(to)} already.");
            }

            var added = move is null;
            move ??= new OccurrenceMoveRecord { OccurrenceId = occurrenceId, ContractId = contractId };
            move.To = to.Value;
            move.AtMinute = at is { } t ? t.Hour * 60 + t.Minute : null;
            move.EmergencyReason = emergencyReason;
            if (added)
            {
                state.Moves.Add(move);
                return PlanService.Edit.Done(description, move);
            }

            return PlanService.Edit.Done(description);
        }, ct);
    }

    public Result SetSeasonWindowAsync(Guid contractId, string seasonKey, AnnualDate? defaultStart, AnnualDate? defaultEnd,
        int? year, LocalDate? start, LocalDate? end, string? reason, string by, CancellationToken ct)
    {
        var errors = new ContractDocumentValidator.Errors();
        if (defaultStart is null || defaultEnd is null)
        {
            errors.Add("defaultWindow", "Give the season's usual first and last day (MM-dd).");
        }
        else if (defaultEnd.Value.CompareTo(defaultStart.Value) < 0)
        {
            errors.Add("defaultWindow", "A season window cannot run across the new year.");
        }

        if (year is not null && (start is null || end is null || start.Value.Year != year || end.Value.Year != year || end < start))
        {
            errors.Add("yearWindow", $"Give the {year} window's first and last day in {year}, the last not before the first.");
        }

        return Run(contractId, ReplanCause.SeasonWindowChanged, reason, by, errors, (state, _, _) =>
        {
            var season = state.Specification().Seasons.SingleOrDefault(s => s.Key == seasonKey);
            if (season is null)
            {
                return PlanService.Edit.Invalid("season", "The specification has no such season.");
            }

            var record = state.Windows.SingleOrDefault(w => w.SeasonKey == seasonKey);
            var added = record is null;
            record ??= new SeasonWindowRecord { ContractId = state.Contract.Id, SeasonKey = seasonKey };
            var overrides = SeasonWindowOverrides.Parse(record.Overrides);
            var unchanged = season.DefaultStart == defaultStart!.Value && season.DefaultEnd == defaultEnd!.Value
                            && (year is not { } same || season.WindowIn(same) == new DateInterval(start!.Value, end!.Value));
            if (unchanged)
            {
                return PlanService.Edit.Unchanged($"{season.Name}: the window is already as given.");
            }

            if (year is { } y)
            {
                overrides[y] = new DateInterval(start!.Value, end!.Value);
            }

            var description = $"{season.Name}: window {Display.Annual(season.DefaultStart)} – {Display.Annual(season.DefaultEnd)} → " +
                              $"{Display.Annual(defaultStart!.Value)} – {Display.Annual(defaultEnd!.Value)}" +
                              (year is null ? "" : $"; in {year}: {Display.Short(start!.Value)} – {Display.Short(end!.Value)}");
            record.DefaultStart = defaultStart.Value;
            record.DefaultEnd = defaultEnd.Value;
            record.Overrides = SeasonWindowOverrides.Format(overrides);
            if (added)
            {
                state.Windows.Add(record);
                return PlanService.Edit.Done(description, record);
            }

            return PlanService.Edit.Done(description);
        }, ct);
    }

    private Result Run(Guid contractId, ReplanCause cause, string? reason, string by, ContractDocumentValidator.Errors errors,
        Func<PlanState, SeasonalPlan, PlanInput, PlanService.Edit> edit, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add("reason", "Say why: the change is recorded with its reason.");
        }
        else if (reason.Length > 1000)
        {
            errors.Add("reason", "At most 1000 characters.");
        }

        return errors.Any
            ? Task.FromResult<(PlanEditResult?, PlanEditError?)>((null, new PlanEditError.Invalid(errors.ToDictionary())))
            : plans.ChangeAsync(contractId, cause, reason!.Trim(), by, edit, ct);
    }

    private static string Describe(LocalDate? date) => date is { } d ? Display.Short(d) : "not set";

    private static string Describe(IEnumerable<SportSeason> seasons)
    {
        var text = string.Join(", ", seasons.Select(s => $"{s.Sport} {Display.Annual(s.From)} – {Display.Annual(s.To)}"));
        return text.Length == 0 ? "none" : text;
    }
}
