using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Evaluation;
using FieldContracts.Scheduling.Planning;
using NodaTime;

namespace FieldContracts.Data.CalendarSources;

/// <summary>
/// Reads an iCalendar file (RFC 5545) as calendar programs export it, with Ical.Net: one or more VCALENDARs, recurring
/// events (RRULE, RDATE, EXDATE, RECURRENCE-ID overrides), all-day and timed events, time zones by IANA or Windows name
/// (Outlook's <c>TZID:Eastern Standard Time</c>), cancelled events and cancelled single occurrences. Occurrences are
/// expanded over the contract's term only, and no more than <see cref="CalendarImports.MaxOccurrences"/> of them.
/// </summary>
public static class IcsReader
{
    /// <summary>The largest file accepted: 5 MiB (5,242,880 bytes). A school's or a league's year is far smaller.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>The occurrences of every event in <paramref name="ics"/> that touch <paramref name="term"/>, in <paramref name="zone"/>.</summary>
    public static IcsReadResult Read(byte[] ics, DateInterval term, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(ics);
        ArgumentNullException.ThrowIfNull(term);
        ArgumentNullException.ThrowIfNull(zone);
        if (ics.Length > MaxBytes)
        {
            return IcsReadResult.Failed($"The file is {ics.Length / 1024.0 / 1024.0:0.0} MB; at most 5 MB is accepted.");
        }

        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(ics).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return IcsReadResult.Failed("The file is not an iCalendar file: it is not text (UTF-8).");
        }

        if (!text.TrimStart().StartsWith("BEGIN:VCALENDAR", StringComparison.OrdinalIgnoreCase))
        {
            return IcsReadResult.Failed("The file is not an iCalendar file: it does not begin with BEGIN:VCALENDAR.");
        }

        CalendarCollection calendars;
        try
        {
            // Bare LF line ends (as some exporters write) are read like CRLF.
            calendars = CalendarCollection.Load(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return IcsReadResult.Failed($"The file could not be read as iCalendar: {e.Message}");
        }

        if (calendars.Count == 0)
        {
            return IcsReadResult.Failed("The file holds no calendar.");
        }

        var from = new CalDateTime(term.Start.Year, term.Start.Month, term.Start.Day, 0, 0, 0, "UTC").AddDays(-1);
        var until = new CalDateTime(term.End.Year, term.End.Month, term.End.Day, 0, 0, 0, "UTC").AddDays(2);
        var events = new List<ImportedEvent>();
        var counted = 0;
        var options = new EvaluationOptions { MaxUnmatchedIncrementsLimit = 10_000 };
        try
        {
            foreach (var calendar in calendars)
            {
                // Each event is expanded on its own, lazily, and only from the day before the term: a calendar-wide
                // expansion orders every event's occurrences together, which never ends for an open-ended rule and
                // slows to minutes on a large export. A component with a RECURRENCE-ID replaces the instance of its
                // series that starts then (RFC 5545, 3.8.4.4); that instance is left out of the series here, and the
                // replacement comes from its own component.
                var replaced = new HashSet<(string Uid, bool Floating, DateTime At)>();
                foreach (var e in calendar.Events)
                {
                    if (e.RecurrenceIdentifier is { } id)
                    {
                        replaced.Add(Instance(e.Uid, id.StartTime));
                    }
                }

                foreach (var source in calendar.Events)
                {
                    if (source.DtStart is null)
                    {
                        continue;
                    }

                    // Ical.Net 5.2.4 never returns from an hourly (or finer) rule that crosses the autumn change of clocks in
                    // a zone like Hartford's. Games and practices repeat by the day or the week, so such rules are refused.
                    if (source.RecurrenceRule?.Frequency is FrequencyType.Hourly or FrequencyType.Minutely or FrequencyType.Secondly)
                    {
                        return IcsReadResult.Failed(
                            $"The event \"{source.Summary}\" repeats more often than once a day; only daily, weekly, monthly or yearly repeats are imported.");
                    }

                    foreach (var occurrence in source.GetOccurrences(from, options).TakeWhileBefore(until))
                    {
                        if (occurrence.Period.StartTime is not { } start
                            || (source.RecurrenceIdentifier is null && replaced.Count > 0 && replaced.Contains(Instance(source.Uid, start))))
                        {
                            continue;
                        }

                        var e = ToEvent(source, occurrence.Period, zone);
                        if (e.End <= term.Start.AtMidnight() || e.Start >= term.End.PlusDays(1).AtMidnight())
                        {
                            continue;
                        }

                        events.Add(e);
                        if (!e.Cancelled && ++counted > CalendarImports.MaxOccurrences)
                        {
                            return IcsReadResult.Failed(
                                $"The calendar has more than {CalendarImports.MaxOccurrences:N0} events within the contract's term; split it or keep only this school's.");
                        }
                    }
                }
            }

            events.Sort((a, b) => a.Start.CompareTo(b.Start));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return IcsReadResult.Failed($"The calendar's events could not be worked out: {e.Message}");
        }

        return new IcsReadResult(events, null);
    }

    private static ImportedEvent ToEvent(CalendarEvent source, Ical.Net.DataTypes.Period period, DateTimeZone zone)
    {
        var start = period.StartTime;
        var allDay = !start.HasTime;
        LocalDateTime from, to;
        if (allDay)
        {
            from = new LocalDate(start.Year, start.Month, start.Day).AtMidnight();
            var end = period.EffectiveEndTime;
            to = end is null || !(end.Value > start.Value)
                ? from.PlusDays(1)
                : new LocalDate(end.Year, end.Month, end.Day).AtMidnight();
        }
        else
        {
            from = Local(start, zone);
            var end = period.EffectiveEndTime;
            to = end is null ? from : Local(end, zone);
        }

        var status = source.Status;
        return new ImportedEvent(source.Summary, source.Location, source.Categories?.ToList() ?? [], from, to, allDay,
            string.Equals(status, "CANCELLED", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>An instance of a series as RECURRENCE-ID names it: floating times by their value, others by the instant.</summary>
    private static (string Uid, bool Floating, DateTime At) Instance(string? uid, CalDateTime at) =>
        at.IsFloating ? (uid ?? "", true, at.Value) : (uid ?? "", false, at.AsUtc);

    /// <summary>A date-time in the school's zone: UTC and zoned times are converted, floating times taken as they are.</summary>
    private static LocalDateTime Local(CalDateTime value, DateTimeZone zone)
    {
        if (value.IsFloating)
        {
            var v = value.Value;
            return new LocalDateTime(v.Year, v.Month, v.Day, v.Hour, v.Minute, v.Second);
        }

        var utc = value.AsUtc;
        return Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).InZone(zone).LocalDateTime;
    }
}

/// <summary>The occurrences read, or why the file was refused (in words, for the person who gave it).</summary>
public sealed record IcsReadResult(IReadOnlyList<ImportedEvent> Events, string? Error)
{
    public static IcsReadResult Failed(string error) => new([], error);
}
