using FieldContracts.Data;
using FieldContracts.Data.CalendarSources;
using FieldContracts.Data.Planning;
using FieldContracts.Scheduling.Planning;
using FieldContracts.Web.Features.Schedule;
using FieldContracts.Web.Features.Shared;
using FieldContracts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace FieldContracts.Web.Features.CalendarSources;

/// <summary>A calendar source to add: an address or an uploaded file, what it holds, and which events go to which areas.</summary>
public sealed record NewCalendarSource(string? Name, string? Kind, string? Url, FileUpload? File, IReadOnlyList<AreaMapping> Mappings, string? Reason);

/// <summary>How one read of a source went, as recorded in its refresh log.</summary>
public sealed record RefreshResult(RefreshOutcome Outcome, string? Error, int? Events, int Displaced);

/// <summary>
/// Adds, refreshes and removes a school's outside calendars. What a calendar imports goes through
/// <see cref="PlanService"/> like any change of the plan's facts: the plan is re-planned around it and the change is
/// recorded with its reason. A calendar that cannot be fetched or read changes nothing; a refresh that fails keeps the
/// last good copy, and every read is logged.
/// </summary>
public sealed class CalendarSourceHandler(FieldContractsDbContext db, PlanService plans, CalendarFetcher fetcher, IClock clock)
{
    public const string RefreshedBy = "calendar refresh";

    public async Task<(Guid? Id, RefreshResult? Result, PlanEditError? Error)> AddAsync(ScheduleContract contract, Guid siteId,
        NewCalendarSource input, string by, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Text("name", input.Name, 200);
        if (!Enum.TryParse<CalendarSourceKind>(input.Kind, ignoreCase: false, out var kind) || !Enum.IsDefined(kind))
        {
            errors.Add("kind", "Choose what the calendar holds: a school calendar or an athletic schedule.");
        }

        var site = contract.Site(siteId);
        if (site is null)
        {
            errors.Add("site", "The contract has no such school.");
        }

        foreach (var (mapping, i) in input.Mappings.Select((m, i) => (m, i)))
        {
            if (string.IsNullOrWhiteSpace(mapping.Match) || mapping.Match.Length > 200)
            {
                errors.Add($"areas[{i}].match", "Give the text to look for in an event's location or categories (at most 200 characters).");
            }

            if (mapping.AreaIds.Count == 0 || mapping.AreaIds.Any(a => site?.Areas.All(x => x.Id != a) ?? true))
            {
                errors.Add($"areas[{i}].areas", "Choose one or more of the school's areas.");
            }
        }

        var reason = string.IsNullOrWhiteSpace(input.Reason) ? $"Calendar added: {input.Name?.Trim()}" : input.Reason.Trim();
        if (reason.Length > 1000)
        {
            errors.Add("reason", "At most 1000 characters.");
        }

        Uri? uri = null;
        byte[]? bytes = null;
        CalendarFetch? fetched = null;
        var hasUrl = !string.IsNullOrWhiteSpace(input.Url);
        var hasFile = input.File is { Length: > 0 };
        if (hasUrl == hasFile)
        {
            errors.Add("url", "Give either the calendar's address or an .ics file.");
        }
        else if (hasFile)
        {
            if (input.File!.Length > IcsReader.MaxBytes)
            {
                errors.Add("file", $"The file is {input.File.Length / 1024.0 / 1024.0:0.0} MB; at most 5 MB is accepted.");
            }
            else if (input.File.FileName.Length > 260)
            {
                errors.Add("file", "The file's name is longer than 260 characters.");
            }
            else
            {
                bytes = input.File.Bytes;
            }
        }
        else
        {
            (uri, var urlError) = CalendarFetcher.Parse(input.Url);
            if (urlError is not null)
            {
                errors.Add("url", urlError);
            }
        }

        if (errors.Any)
        {
            return (null, null, new PlanEditError.Invalid(errors.ToDictionary()));
        }

        if (uri is not null)
        {
            fetched = await fetcher.FetchAsync(uri, null, null, ct);
            if (fetched.Error is not null || fetched.Content is null)
            {
                return (null, null, Invalid("url", fetched.Error ?? "The server sent no calendar."));
            }

            bytes = fetched.Content;
        }

        var read = IcsReader.Read(bytes!, contract.Term, Hartford.Zone);
        if (read.Error is not null)
        {
            return (null, null, Invalid(uri is null ? "file" : "url", read.Error));
        }

        var now = clock.GetCurrentInstant();
        var record = new CalendarSourceRecord
        {
            Id = Guid.CreateVersion7(),
            ContractId = contract.Id,
            SiteId = siteId,
            Name = input.Name!.Trim(),
            Kind = kind,
            Url = uri?.ToString(),
            FileName = uri is null ? Path.GetFileName(input.File!.FileName) : null,
            Areas = CalendarSourceDocuments.Mappings(input.Mappings),
            ETag = fetched?.ETag,
            LastModifiedHeader = fetched?.LastModified,
            AddedBy = by,
            AddedAt = now,
        };
        var (result, error) = await ApplyAsync(contract, record, isNew: true, bytes!, read.Events, reason, by, ct);
        if (error is not null)
        {
            return (null, null, error);
        }

        await LogAsync(record.Id, fetched?.Status, result!, ct);
        return (record.Id, result, null);
    }

    /// <summary>Reads a source again: an address is fetched (conditionally), an uploaded file is read from its stored copy.</summary>
    public async Task<RefreshResult?> RefreshAsync(Guid contractId, Guid sourceId, string by, CancellationToken ct)
    {
        var source = await db.CalendarSources.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sourceId && s.ContractId == contractId, ct);
        var contract = await db.Contracts.AsNoTracking().Include(c => c.Sites).ThenInclude(s => s.Areas).AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == contractId, ct);
        if (source is null || contract is null)
        {
            return null;
        }

        var view = new ScheduleContract(contract.Id, contract.Number, contract.Title, contract.Term,
            contract.Sites.Select(s => new ScheduleSite(s.Id, s.Code, s.Name, "", 0, 0, s.Areas.Select(a => new ScheduleArea(a.Id, a.Name)).ToList())).ToList());
        byte[]? bytes;
        CalendarFetch? fetched = null;
        if (source.Url is null)
        {
            bytes = source.Content is null ? null : System.Text.Encoding.UTF8.GetBytes(source.Content);
        }
        else
        {
            fetched = await fetcher.FetchAsync(new Uri(source.Url), source.Content is null ? null : source.ETag,
                source.Content is null ? null : source.LastModifiedHeader, ct);
            if (fetched.Error is not null)
            {
                return await LogAsync(source.Id, fetched.Status, new RefreshResult(RefreshOutcome.Failed, fetched.Error + " The last good copy stays in force.", null, 0), ct);
            }

            if (fetched.NotModified)
            {
                return await LogAsync(source.Id, fetched.Status, new RefreshResult(RefreshOutcome.Unchanged, null, CountOf(source), 0), ct);
            }

            bytes = fetched.Content;
        }

        if (bytes is null)
        {
            return await LogAsync(source.Id, null, new RefreshResult(RefreshOutcome.Failed, "There is no copy of the calendar to read.", null, 0), ct);
        }

        var read = IcsReader.Read(bytes, view.Term, Hartford.Zone);
        if (read.Error is not null)
        {
            return await LogAsync(source.Id, fetched?.Status, new RefreshResult(RefreshOutcome.Failed, read.Error + " The last good copy stays in force.", null, 0), ct);
        }

        source.ETag = fetched?.ETag ?? source.ETag;
        source.LastModifiedHeader = fetched?.LastModified ?? source.LastModifiedHeader;
        var (result, error) = await ApplyAsync(view, source, isNew: false, bytes, read.Events, $"Calendar refreshed: {source.Name}", by, ct);
        if (error is PlanEditError.ChangedMeanwhile)
        {
            return await LogAsync(source.Id, fetched?.Status, new RefreshResult(RefreshOutcome.Failed, PlanEditError.ChangedMeanwhile.Message, null, 0), ct);
        }

        return await LogAsync(source.Id, fetched?.Status, result ?? new RefreshResult(RefreshOutcome.Failed, "The calendar could not be applied.", null, 0), ct);
    }

    /// <summary>Refreshes every address source of every contract; one failing source does not stop the others.</summary>
    public async Task<string> RefreshAllAsync(CancellationToken ct)
    {
        var sources = await db.CalendarSources.AsNoTracking().Where(s => s.Url != null).OrderBy(s => s.Id)
            .Select(s => new { s.Id, s.ContractId }).ToListAsync(ct);
        var outcomes = new List<RefreshOutcome>();
        foreach (var source in sources)
        {
            db.ChangeTracker.Clear();
            if (await RefreshAsync(source.ContractId, source.Id, RefreshedBy, ct) is { } result)
            {
                outcomes.Add(result.Outcome);
            }
        }

        return $"{sources.Count} calendar address(es): {outcomes.Count(o => o == RefreshOutcome.Imported)} imported, " +
               $"{outcomes.Count(o => o == RefreshOutcome.Unchanged)} unchanged, {outcomes.Count(o => o == RefreshOutcome.Failed)} failed.";
    }

    /// <summary>Removes a source: what it imported no longer counts, and the plan is re-planned without it.</summary>
    public async Task<PlanEditError?> RemoveAsync(Guid contractId, Guid sourceId, string? reason, string by, CancellationToken ct)
    {
        var why = string.IsNullOrWhiteSpace(reason) ? "Calendar removed" : reason.Trim();
        if (why.Length > 1000)
        {
            return Invalid("reason", "At most 1000 characters.");
        }

        var (_, error) = await plans.ChangeAsync(contractId, ReplanCause.Other, why, by, (state, _, _) =>
        {
            var source = state.Sources.SingleOrDefault(s => s.Id == sourceId);
            if (source is null)
            {
                return PlanService.Edit.Refused(new PlanEditError.ContractNotFound());
            }

            state.Sources.Remove(source);
            db.CalendarSources.Remove(source);
            var site = state.Contract.Sites.Single(s => s.Id == source.SiteId);
            return PlanService.Edit.Done($"{site.Name}: calendar {source.Name} removed");
        }, ct);
        return error;
    }

    /// <summary>
    /// Makes <paramref name="source"/> import what <paramref name="events"/> say, re-planning the contract around it in
    /// one transaction; a re-read that imports what is already in force changes nothing but the stored copy.
    /// </summary>
    private async Task<(RefreshResult? Result, PlanEditError? Error)> ApplyAsync(ScheduleContract contract, CalendarSourceRecord source,
        bool isNew, byte[] bytes, IReadOnlyList<ImportedEvent> events, string reason, string by, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        var import = CalendarImports.Decide(events, source.Kind, CalendarSourceDocuments.Mappings(source.Areas), contract.Term);
        var displacedCount = 0;
        var (_, error) = await plans.ChangeAsync(contract.Id, ReplanCause.Other, reason, by, (state, before, input) =>
        {
            var record = source;
            if (isNew)
            {
                state.Sources.Add(record);
            }
            else if (state.Sources.SingleOrDefault(s => s.Id == source.Id) is { } tracked)
            {
                record = tracked;
            }
            else
            {
                return PlanService.Edit.Refused(new PlanEditError.ContractNotFound());
            }

            var previous = CalendarSourceDocuments.Imported(record.Imported);
            if (!isNew && CalendarSourceDocuments.Imported(previous.ToImport(), new Dictionary<int, IReadOnlyList<DisplacedDocument>>())
                == CalendarSourceDocuments.Imported(import, new Dictionary<int, IReadOnlyList<DisplacedDocument>>()))
            {
                return PlanService.Edit.Unchanged($"{record.Name} imports what it imported before.");
            }

            // What an activity displaced when it first came in stays told; new activities are checked against the plan as it stands.
            var earlier = (previous.Activities ?? []).Where(a => a.Displaced is { Count: > 0 })
                .GroupBy(a => (a.Name, a.Start, a.End)).ToDictionary(g => g.Key, g => (IReadOnlyList<DisplacedDocument>)g.First().Displaced!);
            var displaced = new Dictionary<int, IReadOnlyList<DisplacedDocument>>();
            for (var i = 0; i < import.Activities.Count; i++)
            {
                var activity = import.Activities[i];
                var key = (activity.Name, CalendarSourceDocuments.FormatDateTime(activity.Start), CalendarSourceDocuments.FormatDateTime(activity.End));
                var moved = CalendarImports.Displaced(before, record.SiteId, activity, input.Settings.ReEntryBuffer)
                    .Select(o => new DisplacedDocument(o.Id, o.TaskKey, CalendarSourceDocuments.FormatDateTime(o.Application!.Start))).ToList();
                if (moved.Count > 0)
                {
                    displaced[i] = moved;
                    displacedCount += moved.Count;
                }
                else if (earlier.TryGetValue(key, out var told))
                {
                    displaced[i] = told;
                }
            }

            record.Imported = CalendarSourceDocuments.Imported(import, displaced);
            record.Content = text;
            record.ImportedAt = now;
            record.ETag = source.ETag;
            record.LastModifiedHeader = source.LastModifiedHeader;
            var site = state.Contract.Sites.Single(s => s.Id == record.SiteId);
            var description = $"{site.Name}: calendar {record.Name} {(isNew ? "added" : "refreshed")} " +
                              $"({import.Activities.Count} activities, {import.Closures.Count} closures)";
            return isNew ? PlanService.Edit.Done(description, record) : PlanService.Edit.Done(description);
        }, ct);

        var count = import.Activities.Count + import.Closures.Count;
        if (error is PlanEditError.NothingToChange)
        {
            // The calendar reads as before: keep the copy and its validators, so the next fetch can be answered 304.
            await db.CalendarSources.Where(s => s.Id == source.Id).ExecuteUpdateAsync(u => u
                .SetProperty(s => s.Content, text).SetProperty(s => s.ETag, source.ETag)
                .SetProperty(s => s.LastModifiedHeader, source.LastModifiedHeader), ct);
            return (new RefreshResult(RefreshOutcome.Unchanged, null, count, 0), null);
        }

        return error is not null ? (null, error) : (new RefreshResult(RefreshOutcome.Imported, null, count, displacedCount), null);
    }

    private async Task<RefreshResult> LogAsync(Guid sourceId, int? status, RefreshResult result, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        db.CalendarRefreshes.Add(new CalendarRefreshRecord
        {
            Id = Guid.CreateVersion7(),
            SourceId = sourceId,
            At = clock.GetCurrentInstant(),
            Outcome = result.Outcome,
            HttpStatus = status,
            Error = result.Error is { Length: > 2000 } text ? text[..2000] : result.Error,
            Events = result.Events,
        });
        await db.SaveChangesAsync(ct);
        return result;
    }

    private static int CountOf(CalendarSourceRecord source)
    {
        var imported = CalendarSourceDocuments.Imported(source.Imported);
        return (imported.Activities?.Count ?? 0) + (imported.Closures?.Count ?? 0);
    }

    private static PlanEditError Invalid(string path, string message) =>
        new PlanEditError.Invalid(new Dictionary<string, string[]> { [path] = [message] });
}
