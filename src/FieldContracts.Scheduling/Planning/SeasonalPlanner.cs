using FieldContracts.Scheduling.Specification;
using NodaTime;

namespace FieldContracts.Scheduling.Planning;

/// <summary>
/// Turns a contract's specification into its seasonal plan. Pure and deterministic: the plan depends
/// on the <see cref="PlanInput"/> alone, and the same input gives the same occurrences, in the same
/// order, with the same identifiers.
/// </summary>
/// <remarks>
/// Rules, from the bid's "items to be performed during each season":
/// <list type="bullet">
/// <item>Nothing is planned outside the term. Work whose window lies wholly outside it (early spring
/// 2003) is kept as <see cref="OccurrenceStatus.OutsideTerm"/> without a planned day; a window that
/// straddles the term is clipped to it.</item>
/// <item>Once-per-season work is planned on its preferred day (e.g. July 15 for broadleaf control),
/// else on the first day of its window in the term.</item>
/// <item>Mowing recurs every <see cref="PlanSettings.MowingCadenceDays"/> from the start of growth to the
/// dormancy date; each occurrence carries the spec IV height of each area on its day.</item>
/// <item>A follow-up (re-treatment) falls its interval after the first application as logged, or as
/// planned until it is logged.</item>
/// <item>Triggered work (slit-seeding) waits for its event, then falls in the days after it.</item>
/// <item>Chemical applications take the earliest time in their window outside school hours and
/// activities, and carry the notice they require.</item>
/// <item>Hand moves are followed when they fall in the term.</item>
/// </list>
/// </remarks>
public static class SeasonalPlanner
{
    public static SeasonalPlan Plan(PlanInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var occurrences = new List<Occurrence>(input.Sites.Count * 256);
        foreach (var site in input.Sites)
        {
            new SitePlanner(input, site, occurrences).Plan();
        }

        var array = occurrences.ToArray();
        Sort(array, input);
        return new SeasonalPlan(input.ContractId, input.Term, array);
    }

    /// <summary>Orders occurrences by day, school code, task key, year and number in series.</summary>
    internal static void Sort(Occurrence[] occurrences, PlanInput input)
    {
        // Ranks of the schools by code, so the comparison needs no look-up per pair.
        var bySiteCode = input.Sites.OrderBy(s => s.Code, StringComparer.Ordinal).ThenBy(s => s.Id).ToArray();
        var ranks = new Dictionary<Guid, int>(bySiteCode.Length);
        for (var i = 0; i < bySiteCode.Length; i++)
        {
            ranks.TryAdd(bySiteCode[i].Id, i);
        }

        var keys = new SortKey[occurrences.Length];
        for (var i = 0; i < occurrences.Length; i++)
        {
            var o = occurrences[i];
            keys[i] = new SortKey(o.SortDate, ranks.GetValueOrDefault(o.SiteId, int.MaxValue), o.TaskKey, o.Year, o.Sequence, o.Id);
        }

        Array.Sort(keys, occurrences);
    }

    private readonly record struct SortKey(LocalDate Date, int SiteRank, string TaskKey, int Year, int Sequence, Guid Id)
        : IComparable<SortKey>
    {
        public int CompareTo(SortKey other)
        {
            var c = Date.CompareTo(other.Date);
            if (c != 0)
            {
                return c;
            }

            c = SiteRank.CompareTo(other.SiteRank);
            if (c != 0)
            {
                return c;
            }

            c = string.CompareOrdinal(TaskKey, other.TaskKey);
            if (c != 0)
            {
                return c;
            }

            c = Year.CompareTo(other.Year);
            if (c != 0)
            {
                return c;
            }

            c = Sequence.CompareTo(other.Sequence);
            return c != 0 ? c : Id.CompareTo(other.Id);
        }
    }

    internal static DateInterval? Intersect(DateInterval a, DateInterval b)
    {
        if (a.Start >= b.Start && a.End <= b.End)
        {
            return a;
        }

        var start = LocalDate.Max(a.Start, b.Start);
        var end = LocalDate.Min(a.End, b.End);
        return start <= end ? new DateInterval(start, end) : null;
    }

    /// <summary>The areas of one school a task covers, and what its notices say about them.</summary>
    private sealed class Scope
    {
        public required AreaInput[] Areas { get; init; }

        public required Guid[] AreaIds { get; init; }

        /// <summary>The areas that have a spec IV cutting height.</summary>
        public required AreaInput[] MowedAreas { get; init; }

        public required NoticeContent? NoticeContent { get; init; }
    }

    private sealed class SitePlanner(PlanInput input, SiteInput site, List<Occurrence> output)
    {
        private readonly DateInterval _term = input.Term;
        private readonly PlanFacts _facts = input.Facts;
        private readonly ContractSpecification _spec = input.Specification;
        private readonly Dictionary<Guid, Occurrence> _once = [];

        public void Plan()
        {
            var tasks = _spec.Tasks;
            var scopes = new Scope?[tasks.Count];
            for (var i = 0; i < tasks.Count; i++)
            {
                scopes[i] = ScopeOf(tasks[i]);
            }

            // Follow-ups go last: they are planned from their first application.
            for (var pass = 0; pass < 2; pass++)
            {
                for (var i = 0; i < tasks.Count; i++)
                {
                    var task = tasks[i];
                    if (scopes[i] is not { } scope || task.Recurrence is Recurrence.FollowUp != (pass == 1))
                    {
                        continue;
                    }

                    for (var year = _term.Start.Year; year <= _term.End.Year; year++)
                    {
                        PlanTask(task, scope, year);
                    }
                }
            }
        }

        private Scope? ScopeOf(TaskDefinition task)
        {
            var areas = new List<AreaInput>(site.Areas.Count);
            foreach (var area in site.Areas)
            {
                if (task.Covers(area.Kind))
                {
                    areas.Add(area);
                }
            }

            if (areas.Count == 0)
            {
                return null;
            }

            NoticeContent? content = null;
            if (task.IsChemical)
            {
                var chemicals = task.Materials.Where(m => m.IsChemical).ToArray();
                content = new NoticeContent(site.Name, areas.Select(a => a.Name).ToArray(),
                    chemicals.Select(m => m.Name).ToArray(),
                    chemicals.SelectMany(m => m.ActiveIngredients).Distinct(StringComparer.Ordinal).ToArray(),
                    default, default);
            }

            return new Scope
            {
                Areas = areas.ToArray(),
                AreaIds = areas.Select(a => a.Id).ToArray(),
                MowedAreas = areas.Where(a => CuttingHeight.For(a.Kind, false) is not null).ToArray(),
                NoticeContent = content,
            };
        }

        private void PlanTask(TaskDefinition task, Scope scope, int year)
        {
            var seasonWindow = _spec.Season(task.SeasonKey).WindowIn(year);
            switch (task.Recurrence)
            {
                case Recurrence.OncePerSeason once:
                {
                    var window = once.Window?.InYear(year) ?? seasonWindow;
                    var occurrence = Place(task, task, scope, year, 0, window, once.Preferred?.InYear(year));
                    _once[occurrence.Id] = occurrence;
                    output.Add(occurrence);
                    break;
                }

                case Recurrence.MowingCadence cadence:
                    PlanMowing(task, cadence, scope, year, seasonWindow);
                    break;

                case Recurrence.EveryDays every:
                    PlanEvery(task, every, scope, year, seasonWindow);
                    break;

                case Recurrence.FollowUp followUp:
                    PlanFollowUp(task, followUp, scope, year);
                    break;

                case Recurrence.Triggered triggered:
                    PlanTriggered(task, triggered, scope, year, seasonWindow);
                    break;
            }
        }

        private void PlanMowing(TaskDefinition series, Recurrence.MowingCadence cadence, Scope scope, int year,
            DateInterval seasonWindow)
        {
            var growth = _facts.GrowthStart.TryGetValue(year, out var g) ? g : seasonWindow.Start;
            var dormancy = _facts.Dormancy.TryGetValue(year, out var d) ? d : cadence.DefaultDormancy.InYear(year);
            if (dormancy < growth)
            {
                return;
            }

            var growing = new DateInterval(growth, dormancy);
            if (Intersect(growing, _term) is not { } inTerm)
            {
                output.Add(Place(series, series, scope, year, 0, growing, null));
                return;
            }

            var labels = MowingLabels(series, year);
            var days = input.Settings.MowingCadenceDays;
            var sequence = 0;
            for (var day = inTerm.Start; day <= inTerm.End; day = day.PlusDays(days), sequence++)
            {
                var end = LocalDate.Min(day.PlusDays(days - 1), inTerm.End);
                output.Add(Place(series, LabelFor(labels, day, series), scope, year, sequence, new DateInterval(day, end), day));
            }
        }

        private (TaskDefinition Task, DateInterval Window)[] MowingLabels(TaskDefinition series, int year)
        {
            var labels = new List<(TaskDefinition, DateInterval)>();
            foreach (var task in _spec.Tasks)
            {
                if (ReferenceEquals(task, series)
                    || task.Recurrence is Recurrence.ContinuesSeries continues && continues.SeriesTaskKey == series.Key)
                {
                    labels.Add((task, _spec.Season(task.SeasonKey).WindowIn(year)));
                }
            }

            return labels.ToArray();
        }

        private static TaskDefinition LabelFor((TaskDefinition Task, DateInterval Window)[] labels, LocalDate day,
            TaskDefinition series)
        {
            // The season the day falls in, the one begun last where windows overlap; between seasons,
            // the one that began last.
            TaskDefinition? containing = null;
            var containingStart = LocalDate.MinIsoValue;
            TaskDefinition? latest = null;
            var latestStart = LocalDate.MinIsoValue;
            foreach (var (task, window) in labels)
            {
                if (window.Start > day)
                {
                    continue;
                }

                if (window.End >= day && (containing is null || window.Start > containingStart))
                {
                    containing = task;
                    containingStart = window.Start;
                }

                if (latest is null || window.Start > latestStart)
                {
                    latest = task;
                    latestStart = window.Start;
                }
            }

            if (containing is not null)
            {
                return containing;
            }

            return latest ?? series;
        }

        private void PlanEvery(TaskDefinition task, Recurrence.EveryDays every, Scope scope, int year, DateInterval seasonWindow)
        {
            var until = every.ThroughSeasonKey is { } through ? _spec.Season(through).WindowIn(year).End : seasonWindow.End;
            if (until < seasonWindow.Start)
            {
                return;
            }

            var range = new DateInterval(seasonWindow.Start, until);
            if (Intersect(range, _term) is not { } inTerm)
            {
                output.Add(Place(task, task, scope, year, 0, range, null));
                return;
            }

            var sequence = 0;
            for (var day = inTerm.Start; day <= inTerm.End; day = day.PlusDays(every.Days), sequence++)
            {
                var end = LocalDate.Min(day.PlusDays(every.Days - 1), inTerm.End);
                output.Add(Place(task, task, scope, year, sequence, new DateInterval(day, end), day));
            }
        }

        private void PlanFollowUp(TaskDefinition task, Recurrence.FollowUp followUp, Scope scope, int year)
        {
            var firstId = OccurrenceIds.For(input.ContractId, followUp.AfterTaskKey, site.Id, year, 0);
            if (!_once.TryGetValue(firstId, out var first))
            {
                return;
            }

            var anchor = _facts.Logged.TryGetValue(firstId, out var logged) ? logged : first.PlannedDate ?? first.Window.End;
            var window = new DateInterval(anchor.PlusDays(followUp.MinDays), anchor.PlusDays(followUp.MaxDays));
            output.Add(Place(task, task, scope, year, 0, window, null));
        }

        private void PlanTriggered(TaskDefinition task, Recurrence.Triggered triggered, Scope scope, int year,
            DateInterval seasonWindow)
        {
            LocalDate? happened = triggered.Event switch
            {
                TriggerEvent.EndOfFallSports => site.EndOfFallSports.TryGetValue(year, out var end) ? end : null,
                _ => null,
            };

            if (happened is { } day)
            {
                var window = new DateInterval(day.PlusDays(1), day.PlusDays(triggered.ResponseDays));
                output.Add(Place(task, task, scope, year, 0, window, null));
                return;
            }

            var occurrence = Place(task, task, scope, year, 0, seasonWindow, null);
            output.Add(occurrence.Status == OccurrenceStatus.OutsideTerm
                ? occurrence
                : occurrence with { Status = OccurrenceStatus.AwaitingTrigger, PlannedDate = null, Application = null, CuttingHeights = [] });
        }

        /// <summary>
        /// One occurrence of <paramref name="series"/> (labelled as <paramref name="label"/>) in
        /// <paramref name="window"/>: clipped to the term, moved if moved by hand, and for a chemical
        /// application timed around the school's calendar.
        /// </summary>
        private Occurrence Place(TaskDefinition series, TaskDefinition label, Scope scope, int year, int sequence,
            DateInterval window, LocalDate? preferred)
        {
            var id = OccurrenceIds.For(input.ContractId, series.Key, site.Id, year, sequence);
            LocalDate? plannedDate = null;
            var status = OccurrenceStatus.OutsideTerm;
            PlannedApplication? application = null;
            AreaCuttingHeight[] heights = [];
            if (Intersect(window, _term) is { } inTerm)
            {
                window = inTerm;
                status = OccurrenceStatus.Planned;
                var planned = preferred is { } p ? LocalDate.Max(inTerm.Start, LocalDate.Min(p, inTerm.End)) : inTerm.Start;
                var lastDay = inTerm.End;
                OccurrenceMove? move = null;
                if (_facts.Moves.TryGetValue(id, out var m) && _term.Contains(m.To))
                {
                    move = m;
                    planned = m.To;
                    lastDay = m.To;
                }

                if (scope.NoticeContent is { } content)
                {
                    application = Time(content, planned, lastDay, move);
                    if (application is null)
                    {
                        status = OccurrenceStatus.ScheduleConflict;
                    }
                    else
                    {
                        planned = application.Start.Date;
                    }
                }

                if (label.Kind == TaskKind.Mowing)
                {
                    heights = Heights(scope, planned);
                }

                plannedDate = planned;
            }

            return new Occurrence
            {
                Id = id,
                TaskKey = label.Key,
                ItemReference = label.ItemReference,
                SeasonKey = label.SeasonKey,
                Kind = label.Kind,
                Year = year,
                Sequence = sequence,
                SiteId = site.Id,
                AreaIds = scope.AreaIds,
                Window = window,
                PlannedDate = plannedDate,
                Status = status,
                CuttingHeights = heights,
                Materials = label.Materials,
                Application = application,
                Deliverable = label.Deliverable,
                LoggedOn = _facts.Logged.TryGetValue(id, out var logged) ? logged : null,
            };
        }

        private PlannedApplication? Time(NoticeContent content, LocalDate firstDay, LocalDate lastDay, OccurrenceMove? move)
        {
            var hours = input.Settings.ApplicationHours;
            LocalDateTime? start = null;
            string? emergency = null;
            if (move?.At is { } at)
            {
                var check = ChemicalApplications.Check(site.Calendar, firstDay + at, hours.Length, move.EmergencyReason);
                if (check.IsAllowed)
                {
                    start = firstDay + at;
                    emergency = check.EmergencyReason;
                }
            }
            else
            {
                for (var day = firstDay; day <= lastDay && start is null; day = day.PlusDays(1))
                {
                    start = ChemicalApplications.EarliestSlot(site.Calendar, day, hours);
                }

                if (start is null && !string.IsNullOrWhiteSpace(move?.EmergencyReason))
                {
                    start = firstDay + hours.EarliestStart;
                    emergency = move.EmergencyReason.Trim();
                }
            }

            if (start is not { } s)
            {
                return null;
            }

            var startsAt = s.InZoneLeniently(input.Zone);
            var notice = ChemicalNotices.Require(startsAt, input.Settings.ChemicalNoticeLeadTime, content);
            return new PlannedApplication(s, startsAt, hours.Length, notice, emergency);
        }

        private static AreaCuttingHeight[] Heights(Scope scope, LocalDate day)
        {
            var heights = new AreaCuttingHeight[scope.MowedAreas.Length];
            for (var i = 0; i < heights.Length; i++)
            {
                var area = scope.MowedAreas[i];
                var inSeason = area.IsInSeason(day);
                heights[i] = new AreaCuttingHeight(area.Id, CuttingHeight.For(area.Kind, inSeason)!.Value, inSeason);
            }

            return heights;
        }
    }
}
