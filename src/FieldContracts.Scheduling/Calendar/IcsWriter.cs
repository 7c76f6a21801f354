using System.Buffers;
using System.Globalization;
using NodaTime;

namespace FieldContracts.Scheduling.Calendar;

/// <summary>
/// Writes a <see cref="CalendarFeed"/> as an RFC 5545 iCalendar object in UTF-8 with CRLF line ends. The output
/// depends on the feed alone, so the same feed always gives the same bytes. No METHOD is written: the feed
/// is a plain published calendar, and METHOD:PUBLISH would require an ORGANIZER on every event (RFC 5546).
/// </summary>
public static class IcsWriter
{
    /// <summary>The Content-Type to serve the output with.</summary>
    public const string MediaType = "text/calendar; charset=utf-8";

    private const int EventsPerBatch = 64;
    private const int FlushThreshold = 32 * 1024;

    /// <summary>Writes the whole calendar to <paramref name="output"/>.</summary>
    public static void Write(CalendarFeed feed, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(output);
        WriteHead(feed, output);
        WriteEvents(feed, output, 0, feed.Events.Count);
        WriteTail(output);
    }

    /// <summary>Writes the whole calendar to <paramref name="output"/>, in chunks, without buffering all of it.</summary>
    public static void Write(CalendarFeed feed, Stream output)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(output);
        using var buffer = new PooledBufferWriter(FlushThreshold * 2);
        WriteHead(feed, buffer);
        for (var next = 0; next < feed.Events.Count; next += EventsPerBatch)
        {
            WriteEvents(feed, buffer, next, Math.Min(EventsPerBatch, feed.Events.Count - next));
            if (buffer.WrittenCount >= FlushThreshold)
            {
                output.Write(buffer.WrittenSpan);
                buffer.Clear();
            }
        }

        WriteTail(buffer);
        output.Write(buffer.WrittenSpan);
    }

    /// <summary>Writes the whole calendar to <paramref name="output"/>, in chunks, without buffering all of it.</summary>
    public static async Task WriteAsync(CalendarFeed feed, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(output);
        using var buffer = new PooledBufferWriter(FlushThreshold * 2);
        WriteHead(feed, buffer);
        for (var next = 0; next < feed.Events.Count; next += EventsPerBatch)
        {
            WriteEvents(feed, buffer, next, Math.Min(EventsPerBatch, feed.Events.Count - next));
            if (buffer.WrittenCount >= FlushThreshold)
            {
                await output.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
                buffer.Clear();
            }
        }

        WriteTail(buffer);
        await output.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The whole calendar as one array.</summary>
    public static byte[] ToArray(CalendarFeed feed)
    {
        var buffer = new ArrayBufferWriter<byte>(4096 + (feed?.Events.Count ?? 0) * 512);
        Write(feed!, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteHead(CalendarFeed feed, IBufferWriter<byte> writer)
    {
        var o = new IcsOutput(writer);
        o.Ascii("BEGIN:VCALENDAR"u8);
        o.EndLine();
        o.Ascii("VERSION:2.0"u8);
        o.EndLine();
        o.Ascii("PRODID:"u8);
        o.Text(feed.ProductId);
        o.EndLine();
        o.Ascii("CALSCALE:GREGORIAN"u8);
        o.EndLine();

        // NAME, DESCRIPTION and REFRESH-INTERVAL are RFC 7986; the X-WR- and X-PUBLISHED-TTL forms are what
        // Apple, Google and Outlook read.
        o.Ascii("NAME:"u8);
        o.Text(feed.Name);
        o.EndLine();
        o.Ascii("X-WR-CALNAME:"u8);
        o.Text(feed.Name);
        o.EndLine();
        if (feed.Description is { } description)
        {
            o.Ascii("DESCRIPTION:"u8);
            o.Text(description);
            o.EndLine();
            o.Ascii("X-WR-CALDESC:"u8);
            o.Text(description);
            o.EndLine();
        }

        o.Ascii("X-WR-TIMEZONE:"u8);
        o.Text(feed.Zone.Id);
        o.EndLine();
        var refresh = IcsFormat.Duration(feed.RefreshInterval);
        o.Ascii("REFRESH-INTERVAL;VALUE=DURATION:"u8);
        o.Verbatim(refresh);
        o.EndLine();
        o.Ascii("X-PUBLISHED-TTL:"u8);
        o.Verbatim(refresh);
        o.EndLine();

        if (feed.TimedYears is { } years)
        {
            WriteTimeZone(ref o, feed.Zone, years.First, years.Last);
        }

        o.Commit();
    }

    private static void WriteTimeZone(ref IcsOutput o, DateTimeZone zone, int firstYear, int lastYear)
    {
        Span<byte> value = stackalloc byte[16];
        o.Ascii("BEGIN:VTIMEZONE"u8);
        o.EndLine();
        o.Ascii("TZID:"u8);
        o.Text(zone.Id);
        o.EndLine();
        foreach (var observance in TimeZoneObservances.For(zone, firstYear, lastYear))
        {
            var kind = observance.Daylight ? "DAYLIGHT"u8 : "STANDARD"u8;
            o.Ascii("BEGIN:"u8);
            o.Ascii(kind);
            o.EndLine();
            o.Ascii("DTSTART:"u8);
            o.Ascii(value[..IcsFormat.LocalDateTime(value, observance.Start)]);
            o.EndLine();
            o.Ascii("TZOFFSETFROM:"u8);
            o.Ascii(value[..IcsFormat.Offset(value, observance.From)]);
            o.EndLine();
            o.Ascii("TZOFFSETTO:"u8);
            o.Ascii(value[..IcsFormat.Offset(value, observance.To)]);
            o.EndLine();
            o.Ascii("TZNAME:"u8);
            o.Text(observance.Name);
            o.EndLine();
            o.Ascii("END:"u8);
            o.Ascii(kind);
            o.EndLine();
        }

        o.Ascii("END:VTIMEZONE"u8);
        o.EndLine();
    }

    private static void WriteTail(IBufferWriter<byte> writer)
    {
        var o = new IcsOutput(writer);
        o.Ascii("END:VCALENDAR"u8);
        o.EndLine();
        o.Commit();
    }

    private static void WriteEvents(CalendarFeed feed, IBufferWriter<byte> writer, int from, int count)
    {
        var o = new IcsOutput(writer);
        var events = feed.Events;
        for (var i = from; i < from + count; i++)
        {
            WriteEvent(ref o, feed.Zone, events[i]);
        }

        o.Commit();
    }

    private static void WriteEvent(ref IcsOutput o, DateTimeZone zone, CalendarEvent e)
    {
        Span<byte> value = stackalloc byte[32];
        o.Ascii("BEGIN:VEVENT"u8);
        o.EndLine();
        o.Ascii("UID:"u8);
        o.Text(e.Uid);
        o.EndLine();
        o.Ascii("DTSTAMP:"u8);
        o.Ascii(value[..IcsFormat.Utc(value, e.Stamp)]);
        o.EndLine();
        o.Ascii("LAST-MODIFIED:"u8);
        o.Ascii(value[..IcsFormat.Utc(value, e.LastModified)]);
        o.EndLine();
        o.Ascii("SEQUENCE:"u8);
        e.Sequence.TryFormat(value, out var written, default, CultureInfo.InvariantCulture);
        o.Ascii(value[..written]);
        o.EndLine();
        o.Ascii(e.Status switch
        {
            EventStatus.Confirmed => "STATUS:CONFIRMED"u8,
            EventStatus.Tentative => "STATUS:TENTATIVE"u8,
            EventStatus.Cancelled => "STATUS:CANCELLED"u8,
            _ => throw new ArgumentOutOfRangeException(nameof(e), e.Status, "Unknown event status."),
        });
        o.EndLine();
        o.Ascii("SUMMARY:"u8);
        o.Text(e.Summary);
        o.EndLine();

        switch (e.Timing)
        {
            case EventTiming.AllDay days:
                o.Ascii("DTSTART;VALUE=DATE:"u8);
                o.Ascii(value[..IcsFormat.Date(value, days.Start)]);
                o.EndLine();
                o.Ascii("DTEND;VALUE=DATE:"u8);
                o.Ascii(value[..IcsFormat.Date(value, days.EndExclusive)]);
                o.EndLine();
                break;
            case EventTiming.Timed timed:
                var start = timed.StartIn(zone);
                WriteZoned(ref o, "DTSTART"u8, zone, start, value);
                if (timed.Duration > Duration.Zero)
                {
                    WriteZoned(ref o, "DTEND"u8, zone, start.Plus(timed.Duration), value);
                }

                break;
        }

        if (e.Transparent)
        {
            o.Ascii("TRANSP:TRANSPARENT"u8);
            o.EndLine();
        }

        if (e.Location is { } location)
        {
            o.Ascii("LOCATION:"u8);
            o.Text(location);
            o.EndLine();
        }

        if (e.Geo is { } geo)
        {
            o.Ascii("GEO:"u8);
            geo.Latitude.TryFormat(value, out written, default, CultureInfo.InvariantCulture);
            o.Ascii(value[..written]);
            o.Ascii(";"u8);
            geo.Longitude.TryFormat(value, out written, default, CultureInfo.InvariantCulture);
            o.Ascii(value[..written]);
            o.EndLine();
        }

        if (e.Description is { } description)
        {
            o.Ascii("DESCRIPTION:"u8);
            o.Text(description);
            o.EndLine();
        }

        var categories = e.Categories;
        if (categories.Count > 0)
        {
            o.Ascii("CATEGORIES:"u8);
            for (var i = 0; i < categories.Count; i++)
            {
                if (i > 0)
                {
                    o.Ascii(","u8);
                }

                o.Text(categories[i]);
            }

            o.EndLine();
        }

        if (e.Url is { } url)
        {
            o.Ascii("URL:"u8);
            o.Verbatim(url.AbsoluteUri);
            o.EndLine();
        }

        o.Ascii("END:VEVENT"u8);
        o.EndLine();
    }

    /// <summary>
    /// A DATE-TIME with TZID, except in the hour a clock change repeats. There TZID cannot name the second pass
    /// at all, and readers disagree on the first (RFC 5545 section 3.3.5 says the first; ical.js takes the
    /// second), so both are written in UTC, which every reader resolves alike.
    /// </summary>
    private static void WriteZoned(
        ref IcsOutput o, ReadOnlySpan<byte> name, DateTimeZone zone, ZonedDateTime time, scoped Span<byte> value)
    {
        o.Ascii(name);
        if (IsRepeatedWallClockTime(zone, time.ToInstant()))
        {
            o.Ascii(":"u8);
            o.Ascii(value[..IcsFormat.Utc(value, time.ToInstant())]);
        }
        else
        {
            o.Ascii(";TZID="u8);
            WriteParameterValue(ref o, zone.Id);
            o.Ascii(":"u8);
            o.Ascii(value[..IcsFormat.LocalDateTime(value, time.LocalDateTime)]);
        }

        o.EndLine();
    }

    /// <summary>
    /// Whether the wall-clock time of <paramref name="instant"/> happens twice: in the overlap just before or
    /// just after a change that puts clocks back. Read from the zone's intervals, which cost no allocation.
    /// </summary>
    private static bool IsRepeatedWallClockTime(DateTimeZone zone, Instant instant)
    {
        var interval = zone.GetZoneInterval(instant);
        if (interval.HasStart)
        {
            var before = zone.GetZoneInterval(interval.Start - Duration.Epsilon);
            var overlap = Duration.FromSeconds((before.WallOffset - interval.WallOffset).Seconds);
            if (overlap > Duration.Zero && instant - interval.Start < overlap)
            {
                return true;
            }
        }

        if (interval.HasEnd)
        {
            var after = zone.GetZoneInterval(interval.End);
            var overlap = Duration.FromSeconds((interval.WallOffset - after.WallOffset).Seconds);
            if (overlap > Duration.Zero && interval.End - instant <= overlap)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A parameter value (section 3.2), in double quotes when it holds a colon, semicolon or comma.</summary>
    private static void WriteParameterValue(ref IcsOutput o, string value)
    {
        if (value.AsSpan().IndexOfAny('"', '\r', '\n') >= 0)
        {
            throw new ArgumentException($"'{value}' cannot be written as a parameter value.", nameof(value));
        }

        var quote = value.AsSpan().IndexOfAny(":;,") >= 0;
        if (quote)
        {
            o.Ascii("\""u8);
        }

        o.Verbatim(value);
        if (quote)
        {
            o.Ascii("\""u8);
        }
    }
}
