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
/// <item>Work falls on working days: not on a day of the week the contract does not work, a City holiday or a day
/// the school is closed. A window's first or preferred day that is not one moves to the next that is in the window, else
/// the nearest before it in the window, else (work other than a chemical application) the first after the window; the
/// occurrence says which day and why (<see cref="Occurrence.Notes"/>).</item>
/// <item>Chemical applications take the earliest time in their window outside school hours and activities, with
/// the contract's re-entry time (or the label's, when longer) clear of activities after them; one a day per crew
/// across the contract and never two at one school on one day, tried from the first or preferred day to the window's end,
/// then on the window's days before it. They carry the notice they require, due its lead time before the time found.</item>
/// <item>A pre-emergent does not go on areas seeded within its label's interval of the application; a material the
/// task names as safe on new seeding (siduron) goes on them instead (<see cref="Occurrence.Withheld"/>).</item>
/// <item>Hand moves are followed when they fall in the term.</item>
/// </list>
/// </remarks>
public static class SeasonalPlanner
{
    public static SeasonalPlan Plan(PlanInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var occurrences = new List<Occurrence>(input.Sites.Count * 256);
        var applications = new ApplicationBook(input.Settings.CrewsPerDay);
        var words = new Words();
        foreach (var site in input.Sites)
        {
            new SitePlanner(input, site, occurrences, applications, words).Plan();
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

    /// <summary>The chemical applications planned so far, by day: the crews' days, and the schools' days.</summary>
    private sealed class ApplicationBook(int crewsPerDay)
    {
        private readonly Dictionary<LocalDate, int> _byDay = [];
        private readonly HashSet<(Guid Site, LocalDate Day)> _bySchool = [];

        /// <summary>Why no further application can be planned at <paramref name="siteId"/> on <paramref name="day"/>; null when one can.</summary>
        public string? Full(Guid siteId, LocalDate day) =>
            _bySchool.Contains((siteId, day)) ? "another chemical application is planned at the school that day"
            : _byDay.GetValueOrDefault(day) >= crewsPerDay
                ? crewsPerDay == 1 ? "the crew's chemical application that day is planned at another school"
                : $"the {crewsPerDay} crews' chemical applications that day are planned"
            : null;

        public bool HasRoom(Guid siteId, LocalDate day) =>
            !_bySchool.Contains((siteId, day)) && _byDay.GetValueOrDefault(day) < crewsPerDay;

        public void Add(Guid siteId, LocalDate day)
        {
            if (_bySchool.Add((siteId, day)))
            {
                _byDay[day] = _byDay.GetValueOrDefault(day) + 1;
            }
        }
    }

    private sealed class SitePlanner(PlanInput input, SiteInput site, List<Occurrence> output, ApplicationBook applications, Words words)
    {
        private readonly DateInterval _term = input.Term;
        private readonly PlanFacts _facts = input.Facts;
        private readonly ContractSpecification _spec = input.Specification;
        private readonly Dictionary<Guid, Occurrence> _once = [];

        public void Plan()
        {
            var first = output.Count;
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

            WithholdPreEmergents(first);
        }

        /// <summary>
        /// Keeps each pre-emergent off the areas seeded within its label's interval of the application, naming what
        /// goes on them instead (item 2a: "Use siduron on newly seeded areas").
        /// </summary>
        private void WithholdPreEmergents(int first)
        {
            List<Occurrence> seedings = [];
            for (var i = first; i < output.Count; i++)
            {
                if (output[i] is { Kind: TaskKind.TurfRepair } o && (o.LoggedOn ?? o.PlannedDate) is not null)
                {
                    seedings.Add(o);
                }
            }

            for (var i = first; i < output.Count; i++)
            {
                var occurrence = output[i];
                if (occurrence.Application is null || occurrence.PlannedDate is not { } day
                    || !occurrence.Materials.Any(m => m.SeedingIntervalDays is not null || m.SafeOnNewSeeding))
                {
                    continue;
                }

                var instead = occurrence.Materials.FirstOrDefault(m => m.SafeOnNewSeeding)?.Name;
                List<WithheldMaterial>? withheld = null;
                foreach (var material in occurrence.Materials)
                {
                    if (material.SeedingIntervalDays is not { } interval || material.SafeOnNewSeeding)
                    {
                        continue;
                    }

                    foreach (var seeding in seedings)
                    {
                        var seededOn = (seeding.LoggedOn ?? seeding.PlannedDate)!.Value;
                        if (Math.Abs(Period.DaysBetween(seededOn, day)) > interval)
                        {
                            continue;
                        }

                        var areas = occurrence.AreaIds.Intersect(seeding.AreaIds).ToArray();
                        if (areas.Length > 0)
                        {
                            (withheld ??= []).Add(new WithheldMaterial(material.Name, areas, seededOn, instead));
                        }
                    }
                }

                withheld ??= [];
                output[i] = occurrence with { Withheld = withheld, Application = WithoutWithheld(occurrence, withheld) };
            }
        }

        /// <summary>
        /// The application with its notice naming only what goes on some area: a material withheld from every area of the
        /// occurrence is not applied, and one safe on new seeding goes only where another is withheld, so the school is
        /// told of neither when they do not go down.
        /// </summary>
        private static PlannedApplication? WithoutWithheld(Occurrence occurrence, List<WithheldMaterial> withheld)
        {
            if (occurrence.Application is not { } application)
            {
                return null;
            }

            var applied = occurrence.Materials.Where(m => m.IsChemical && (m.SafeOnNewSeeding
                    ? withheld.Any(w => w.Instead == m.Name)
                    : !withheld.Where(w => w.Material == m.Name).SelectMany(w => w.AreaIds).ToHashSet().IsSupersetOf(occurrence.AreaIds)))
                .ToArray();
            var content = application.Notice.Content with
            {
                Products = applied.Select(m => m.Name).ToArray(),
                ActiveIngredients = applied.SelectMany(m => m.ActiveIngredients).Distinct(StringComparer.Ordinal).ToArray(),
            };
            return application with { Notice = application.Notice with { Content = content } };
        }

        /// <summary>Why no work is planned at the school on <paramref name="day"/>; null on a working day.</summary>
        private string? NotWorking(LocalDate day) => input.Settings.NonWorking(site, day) switch
        {
            { SchoolClosed: true } => $"{site.Name} is closed on {words.Day(day)}",
            { } nonWorking => $"{words.Day(day)} is not a working day ({nonWorking.Why})",
            null => null,
        };

        /// <summary>
        /// The days a window's work is tried on, in order: <paramref name="first"/> (its first or preferred day) and the days after
        /// it to the window's end, then the days before it back to the window's start, nearest first.
        /// </summary>
        private static IEnumerable<LocalDate> WindowDays(LocalDate first, DateInterval window)
        {
            for (var day = first; day <= window.End; day = day.PlusDays(1))
            {
                yield return day;
            }

            for (var day = first.PlusDays(-1); day >= window.Start; day = day.PlusDays(-1))
            {
                yield return day;
            }
        }

        /// <summary>
        /// The working day work whose first or preferred day is <paramref name="day"/> is planned for, with the reason when it
        /// is another: the next working day in <paramref name="window"/>, else the nearest before it in the window, else the
        /// first after the window in the term (said so, since the work is then late by its window).
        /// </summary>
        private (LocalDate Day, string? Note) FirstWorkingDay(LocalDate day, DateInterval window)
        {
            if (NotWorking(day) is not { } why)
            {
                return (day, null);
            }

            foreach (var other in WindowDays(day, window))
            {
                if (NotWorking(other) is null)
                {
                    return (other, other > day
                        ? $"{why}: planned for {words.Day(other)}."
                        : $"{why}, nor is any day after it in its window: planned for {words.Day(other)}.");
                }
            }

            for (var next = window.End.PlusDays(1); next <= _term.End; next = next.PlusDays(1))
            {
                if (NotWorking(next) is null)
                {
                    return (next, $"{why}, nor is any other day of its window: planned for {words.Day(next)}, the first working day after it.");
                }
            }

            return (day, $"{why}, and the term has no working day after it.");
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
                : occurrence with { Status = OccurrenceStatus.AwaitingTrigger, PlannedDate = null, Application = null, CuttingHeights = [], Notes = [] });
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
            List<string>? notes = null;
            if (Intersect(window, _term) is { } inTerm)
            {
                window = inTerm;
                status = OccurrenceStatus.Planned;
                var planned = preferred is { } p ? LocalDate.Max(inTerm.Start, LocalDate.Min(p, inTerm.End)) : inTerm.Start;
                OccurrenceMove? move = null;
                if (_facts.Moves.TryGetValue(id, out var m) && _term.Contains(m.To))
                {
                    move = m;
                    planned = m.To;
                }

                if (scope.NoticeContent is { } content)
                {
                    (application, var note) = Time(content, label.Materials, planned, move is null ? inTerm : new DateInterval(planned, planned), move);
                    if (note is not null)
                    {
                        (notes ??= []).Add(note);
                    }

                    if (application is null)
                    {
                        status = OccurrenceStatus.ScheduleConflict;
                    }
                    else
                    {
                        planned = application.Start.Date;
                    }
                }
                else if (move is null)
                {
                    (planned, var note) = FirstWorkingDay(planned, inTerm);
                    if (note is not null)
                    {
                        (notes ??= []).Add(note);
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
                Notes = notes is null ? [] : notes,
            };
        }

        /// <summary>
        /// The application's time: on a working day of <paramref name="window"/> with room in the crews' days, at the earliest
        /// time clear of school hours and activities with the re-entry time clear after it, tried from <paramref name="firstDay"/>
        /// on and then on the window's days before it, nearest first; or where it was moved by hand. The note says why it is not
        /// on <paramref name="firstDay"/>, or why no day of the window allows it.
        /// </summary>
        private (PlannedApplication? Application, string? Note) Time(NoticeContent content, IReadOnlyList<Material> materials,
            LocalDate firstDay, DateInterval window, OccurrenceMove? move)
        {
            var hours = input.Settings.ApplicationHours;
            var reEntry = ReEntry(materials);
            LocalDateTime? start = null;
            string? emergency = null;
            string? note = null;
            if (move?.At is { } at)
            {
                var check = ChemicalApplications.Check(site.Calendar, firstDay + at, hours.Length, move.EmergencyReason);
                if (check.IsAllowed)
                {
                    start = firstDay + at;
                    emergency = check.EmergencyReason;
                }
            }
            else if (move is not null)
            {
                start = ChemicalApplications.EarliestSlot(site.Calendar, firstDay, hours, reEntry);
            }
            else
            {
                foreach (var day in WindowDays(firstDay, window))
                {
                    if (input.Settings.NonWorking(site, day) is null && applications.HasRoom(site.Id, day))
                    {
                        start = ChemicalApplications.EarliestSlot(site.Calendar, day, hours, reEntry);
                    }

                    if (day == firstDay && start is null)
                    {
                        // Only the first day's reason is told; the other days are tried without words.
                        var why = NotWorking(day) ?? applications.Full(site.Id, day)
                            ?? $"{words.Day(day)} has no {hours.Length.TotalHours:0} hours outside school hours and activities " +
                               $"with {reEntry.TotalHours:0} hours clear of activities after";
                        note = why.Contains(words.Day(day), StringComparison.Ordinal) ? why : $"{words.Day(day)}: {why}";
                    }

                    if (start is not null)
                    {
                        break;
                    }
                }

                var allows = $"a working day with the crews' day free and {hours.Length.TotalHours:0} hours clear of school hours " +
                             $"and activities, with {reEntry.TotalHours:0} hours clear after";
                if (note is not null && start is { } found)
                {
                    note += found.Date == firstDay.PlusDays(1) ? $"; planned for {words.Day(found.Date)}."
                        : found.Date > firstDay ? $"; {words.Day(found.Date)} is the first day after it that is {allows}."
                        : $"; no day after it in its window allows it: {words.Day(found.Date)} is the nearest day before it that is {allows}.";
                }
                else if (note is not null)
                {
                    note += $"; no day of its window, {words.Day(window.Start)} to {words.Day(window.End)}, is {allows}.";
                }

                if (start is null && !string.IsNullOrWhiteSpace(move?.EmergencyReason))
                {
                    start = firstDay + hours.EarliestStart;
                    emergency = move.EmergencyReason.Trim();
                }
            }

            if (start is not { } s)
            {
                return (null, note);
            }

            applications.Add(site.Id, s.Date);
            var startsAt = s.InZoneLeniently(input.Zone);
            var notice = ChemicalNotices.Require(startsAt, input.Settings.ChemicalNoticeLeadTime, content);
            return (new PlannedApplication(s, startsAt, hours.Length, notice, emergency), note);
        }

        /// <summary>The contract's re-entry time, or the longest a material's label asks for.</summary>
        private Duration ReEntry(IReadOnlyList<Material> materials)
        {
            var reEntry = input.Settings.ReEntryBuffer;
            foreach (var material in materials)
            {
                if (material.ReEntryHours is { } hours && Duration.FromHours(hours) > reEntry)
                {
                    reEntry = Duration.FromHours(hours);
                }
            }

            return reEntry;
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
