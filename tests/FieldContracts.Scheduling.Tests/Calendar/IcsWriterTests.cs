using System.Text;
using FieldContracts.Scheduling.Calendar;
using FieldContracts.Scheduling.Contracts;

namespace FieldContracts.Scheduling.Tests.Calendar;

public class IcsWriterTests
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly EventTiming July15 = EventTiming.OnDay(new LocalDate(2003, 7, 15));

    [Fact]
    public void Write_AnyFeed_EndsEveryLineWithCrlfAndNoBareCrOrLf()
    {
        var ics = Ics.Write(Ics.Feed(Ics.Event("a@fieldcontracts", July15, "Broadleaf weed control\nsecond line\rthird")
            with { Description = "Areas:\r\n- infield\n- outfield" }));

        for (var i = 0; i < ics.Length; i++)
        {
            if (ics[i] == '\r')
            {
                Assert.True(i + 1 < ics.Length && ics[i + 1] == '\n', $"bare CR at octet {i}");
            }
            else if (ics[i] == '\n')
            {
                Assert.True(i > 0 && ics[i - 1] == '\r', $"bare LF at octet {i}");
            }
        }

        Assert.Equal("\r\n"u8.ToArray(), ics[^2..]);
    }

    [Fact]
    public void Write_AsciiLineOfExactly75Octets_IsNotFolded()
    {
        var summary = new string('a', 75 - "SUMMARY:".Length);

        var lines = Ics.PhysicalLines(Ics.Write(Ics.Feed(Ics.Event("a@fieldcontracts", July15, summary))));

        var line = Assert.Single(lines, l => l.StartsWith("SUMMARY:", StringComparison.Ordinal));
        Assert.Equal(75, Encoding.UTF8.GetByteCount(line));
        Assert.DoesNotContain(lines, l => l.StartsWith(' '));
    }

    [Fact]
    public void Write_AsciiLineOf76Octets_FoldsAt75WithALeadingSpace()
    {
        var summary = new string('a', 75 - "SUMMARY:".Length) + "b";

        var lines = Ics.PhysicalLines(Ics.Write(Ics.Feed(Ics.Event("a@fieldcontracts", July15, summary))));

        var at = Array.FindIndex(lines, l => l.StartsWith("SUMMARY:", StringComparison.Ordinal));
        Assert.Equal(75, Encoding.UTF8.GetByteCount(lines[at]));
        Assert.Equal(" b", lines[at + 1]);
    }

    [Theory]
    [InlineData("é", 2)]
    [InlineData("—", 3)]
    [InlineData("🌱", 4)]
    public void Write_MultiByteCharacterAcrossThe75thOctet_FoldsBeforeIt(string character, int octets)
    {
        // The character's first octet is the 75th of the line, so it cannot stay on it.
        var before = new string('a', 75 - "SUMMARY:".Length - 1);
        var summary = before + character + "after";

        var ics = Ics.Write(Ics.Feed(Ics.Event("a@fieldcontracts", July15, summary)));

        Assert.Equal(octets, Encoding.UTF8.GetByteCount(character));
        var lines = Ics.PhysicalLines(ics);
        var at = Array.FindIndex(lines, l => l.StartsWith("SUMMARY:", StringComparison.Ordinal));
        Assert.Equal("SUMMARY:" + before, lines[at]);
        Assert.Equal(" " + character + "after", lines[at + 1]);
        AssertWellFolded(ics);
    }

    [Theory]
    [InlineData("é")]
    [InlineData("—")]
    [InlineData("🌱")]
    public void Write_MultiByteCharacterEndingOnThe75thOctet_StaysOnTheLine(string character)
    {
        var before = new string('a', 75 - "SUMMARY:".Length - Encoding.UTF8.GetByteCount(character));
        var summary = before + character + "after";

        var ics = Ics.Write(Ics.Feed(Ics.Event("a@fieldcontracts", July15, summary)));

        var lines = Ics.PhysicalLines(ics);
        var at = Array.FindIndex(lines, l => l.StartsWith("SUMMARY:", StringComparison.Ordinal));
        Assert.Equal("SUMMARY:" + before + character, lines[at]);
        Assert.Equal(75, Encoding.UTF8.GetByteCount(lines[at]));
        Assert.Equal(" after", lines[at + 1]);
    }

    [Fact]
    public void Write_LongMultiByteText_KeepsEveryLineWithin75OctetsAndWholeCharacters()
    {
        var description = string.Concat(Enumerable.Repeat("Café — 🌱 seeding; edge, line\\grade\n", 40));

        var ics = Ics.Write(Ics.Feed(Ics.Event("a@fieldcontracts", July15) with { Description = description }));

        AssertWellFolded(ics);
        Assert.Contains(Ics.PhysicalLines(ics), l => l.StartsWith(' '));
    }

    [Fact]
    public void Write_TextWithSpecialCharacters_EscapesBackslashSemicolonCommaAndLineBreaks()
    {
        var e = Ics.Event("a@fieldcontracts", July15, "Base lines; infields, fences 1\\2") with
        {
            Description = "one\r\ntwo\nthree\rfour",
            Location = "Weaver High School, 415 Granby Street",
            Categories = ["Chemical, notice required", "Mowing;in season"],
        };

        var lines = Ics.FirstEvent(Ics.Write(Ics.Feed(e)));

        Assert.Equal(@"Base lines\; infields\, fences 1\\2", Ics.Value(lines, "SUMMARY"));
        Assert.Equal(@"one\ntwo\nthree\nfour", Ics.Value(lines, "DESCRIPTION"));
        Assert.Equal(@"Weaver High School\, 415 Granby Street", Ics.Value(lines, "LOCATION"));
        Assert.Equal(@"Chemical\, notice required,Mowing\;in season", Ics.Value(lines, "CATEGORIES"));
    }

    [Fact]
    public void Write_ControlCharactersOtherThanTabAndLineBreaks_AreLeftOut()
    {
        var e = Ics.Event("a@fieldcontracts", July15, "Mow\u0007ing\tnorth\u0000 field");

        var lines = Ics.FirstEvent(Ics.Write(Ics.Feed(e)));

        Assert.Equal("Mowing\tnorth field", Ics.Value(lines, "SUMMARY"));
    }

    [Fact]
    public void Write_Headers_NameTheCalendarItsZoneAndRefreshInterval()
    {
        var feed = new CalendarFeed("Bid #2685, Hartford", Ics.NewYork, Duration.FromHours(1), [Ics.Event("a@fieldcontracts", July15)])
        {
            Description = "Athletic field maintenance; three high schools",
        };

        var lines = Ics.ContentLines(Ics.Write(feed));

        Assert.Equal(
            [
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                "PRODID:-//FieldContracts//FieldContracts//EN",
                "CALSCALE:GREGORIAN",
                @"NAME:Bid #2685\, Hartford",
                @"X-WR-CALNAME:Bid #2685\, Hartford",
                @"DESCRIPTION:Athletic field maintenance\; three high schools",
                @"X-WR-CALDESC:Athletic field maintenance\; three high schools",
                "X-WR-TIMEZONE:America/New_York",
                "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
                "X-PUBLISHED-TTL:PT1H",
                "BEGIN:VEVENT",
            ],
            lines.Take(12));
        Assert.Equal("END:VCALENDAR", lines[^1]);
    }

    [Theory]
    [InlineData(1800, "PT30M")]
    [InlineData(3600, "PT1H")]
    [InlineData(3630, "PT1H0M30S")]
    [InlineData(86400, "P1D")]
    [InlineData(90061, "P1DT1H1M1S")]
    [InlineData(45, "PT45S")]
    public void Write_RefreshInterval_IsAnRfc5545Duration(int seconds, string expected)
    {
        var feed = new CalendarFeed("Bid #2685", Ics.NewYork, Duration.FromSeconds(seconds), [Ics.Event("a@fieldcontracts", July15)]);

        var lines = Ics.ContentLines(Ics.Write(feed));

        Assert.Equal(expected, Ics.Value(lines, "REFRESH-INTERVAL;VALUE=DURATION"));
        Assert.Equal(expected, Ics.Value(lines, "X-PUBLISHED-TTL"));
    }

    [Fact]
    public void Write_AnyFeed_HasNoMethodProperty()
    {
        var lines = Ics.ContentLines(Ics.Write(Ics.Feed(Ics.Event("a@fieldcontracts", July15))));

        Assert.DoesNotContain(lines, l => l.StartsWith("METHOD", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_AllDayEventOnJuly15_IsADateEndingExclusivelyOnJuly16()
    {
        var lines = Ics.FirstEvent(Ics.Write(Ics.Feed(Ics.Event("weeds-2003@fieldcontracts", July15, "Broadleaf weed control"))));

        Assert.Equal("20030715", Ics.Value(lines, "DTSTART;VALUE=DATE"));
        Assert.Equal("20030716", Ics.Value(lines, "DTEND;VALUE=DATE"));
    }

    [Fact]
    public void Write_DaysGivenWithAnInclusiveEnd_EndTheDayAfterTheLastDay()
    {
        var cleanUp = EventTiming.OnDays(new DateInterval(new LocalDate(2004, 3, 29), new LocalDate(2004, 4, 9)));

        var lines = Ics.FirstEvent(Ics.Write(Ics.Feed(Ics.Event("cleanup-2004@fieldcontracts", cleanUp, "Winter debris clean-up"))));

        Assert.Equal("20040329", Ics.Value(lines, "DTSTART;VALUE=DATE"));
        Assert.Equal("20040410", Ics.Value(lines, "DTEND;VALUE=DATE"));
    }

    [Fact]
    public void Write_TimedEvent_IsWallClockTimeWithTzid()
    {
        var mowing = EventTiming.At(new LocalDateTime(2003, 7, 15, 7, 0), Duration.FromHours(3));

        var lines = Ics.FirstEvent(Ics.Write(Ics.Feed(Ics.Event("mow@fieldcontracts", mowing))));

        Assert.Equal("20030715T070000", Ics.Value(lines, "DTSTART;TZID=America/New_York"));
        Assert.Equal("20030715T100000", Ics.Value(lines, "DTEND;TZID=America/New_York"));
    }

    [Fact]
    public void Write_TimedEventGivenInAnotherZone_IsWrittenInTheFeedsZone()
    {
        var utc = Instant.FromUtc(2003, 7, 15, 11, 0).InUtc();

        var lines = Ics.FirstEvent(Ics.Write(Ics.Feed(Ics.Event("mow@fieldcontracts", EventTiming.At(utc, Duration.FromMinutes(90))))));

        Assert.Equal("20030715T070000", Ics.Value(lines, "DTSTART;TZID=America/New_York"));
        Assert.Equal("20030715T083000", Ics.Value(lines, "DTEND;TZID=America/New_York"));
    }

    [Fact]
    public void Write_StartInTheSpringForwardGap_MovesForwardByTheGap()
    {
        // 2004-04-04 02:30 never happened in Hartford: clocks went from 02:00 EST to 03:00 EDT.
        var timing = EventTiming.At(new LocalDateTime(2004, 4, 4, 2, 30), Duration.FromHours(1));

        var lines = Ics.FirstEvent(Ics.Write(Ics.Feed(Ics.Event("gap@fieldcontracts", timing))));

        Assert.Equal("20040404T033000", Ics.Value(lines, "DTSTART;TZID=America/New_York"));
        Assert.Equal("20040404T043000", Ics.Value(lines, "DTEND;TZID=America/New_York"));
    }

    [Fact]
    public void Write_EitherPassThroughTheRepeatedHour_IsWrittenInUtc()
    {
        // 2003-10-26 01:30 happened twice in Hartford: at 05:30 UTC (EDT) and at 06:30 UTC (EST).
        var firstPass = Instant.FromUtc(2003, 10, 26, 5, 30).InZone(Ics.NewYork);
        var secondPass = Instant.FromUtc(2003, 10, 26, 6, 30).InZone(Ics.NewYork);
        var feed = Ics.Feed(
            Ics.Event("first@fieldcontracts", EventTiming.At(firstPass, Duration.FromMinutes(30))),
            Ics.Event("second@fieldcontracts", EventTiming.At(secondPass, Duration.FromMinutes(30))),
            Ics.Event("local@fieldcontracts", EventTiming.At(new LocalDateTime(2003, 10, 26, 1, 30), Duration.FromHours(2))),
            Ics.Event("before@fieldcontracts", EventTiming.At(new LocalDateTime(2003, 10, 26, 0, 30), Duration.FromMinutes(30))));

        var lines = Ics.ContentLines(Ics.Write(feed));

        Assert.Equal(
            [
                "DTSTART:20031026T053000Z", "DTEND:20031026T060000Z",
                "DTSTART:20031026T063000Z", "DTEND;TZID=America/New_York:20031026T020000",
                // A wall-clock time means its first pass.
                "DTSTART:20031026T053000Z", "DTEND;TZID=America/New_York:20031026T023000",
                // 00:30 happens once; 01:00 EDT, the first 01:00, does not.
                "DTSTART;TZID=America/New_York:20031026T003000", "DTEND:20031026T050000Z",
            ],
            lines.SkipWhile(l => l != "END:VTIMEZONE")
                .Where(l => l.StartsWith("DTSTART", StringComparison.Ordinal) || l.StartsWith("DTEND", StringComparison.Ordinal)));
    }

    [Fact]
    public void Write_EventWithoutDuration_HasNoDtend()
    {
        var timing = EventTiming.At(new LocalDateTime(2003, 7, 15, 7, 0), Duration.Zero);

        var lines = Ics.FirstEvent(Ics.Write(Ics.Feed(Ics.Event("notice@fieldcontracts", timing, "Chemical notice sent"))));

        Assert.DoesNotContain(lines, l => l.StartsWith("DTEND", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_CancelledEvent_IsStatusCancelledWithItsSequence()
    {
        var e = Ics.Event("mow@fieldcontracts", July15) with { Status = EventStatus.Cancelled, Sequence = 2 };

        var lines = Ics.FirstEvent(Ics.Write(Ics.Feed(e)));

        Assert.Equal("CANCELLED", Ics.Value(lines, "STATUS"));
        Assert.Equal("2", Ics.Value(lines, "SEQUENCE"));
    }

    [Fact]
    public void Write_NewEvent_IsConfirmedAtSequenceZero()
    {
        var lines = Ics.FirstEvent(Ics.Write(Ics.Feed(Ics.Event("mow@fieldcontracts", July15))));

        Assert.Equal("CONFIRMED", Ics.Value(lines, "STATUS"));
        Assert.Equal("0", Ics.Value(lines, "SEQUENCE"));
    }

    [Fact]
    public void Write_Stamps_AreTheDatasInUtc()
    {
        var e = new CalendarEvent(
            "mow@fieldcontracts", "Mowing", July15, Instant.FromUtc(2003, 7, 14, 16, 5, 9), Instant.FromUtc(2003, 7, 10, 9, 0));

        var lines = Ics.FirstEvent(Ics.Write(Ics.Feed(e)));

        Assert.Equal("mow@fieldcontracts", Ics.Value(lines, "UID"));
        Assert.Equal("20030714T160509Z", Ics.Value(lines, "DTSTAMP"));
        Assert.Equal("20030710T090000Z", Ics.Value(lines, "LAST-MODIFIED"));
    }

    [Fact]
    public void Write_PlaceAndDetails_AreLocationGeoDescriptionCategoriesAndUrl()
    {
        var e = Ics.Event("weeds@fieldcontracts", July15, "Broadleaf weed control") with
        {
            Location = "Hartford Public High School, " + Ics.HartfordPublic,
            Geo = new GeoPoint(41.7662m, -72.6975m),
            Description = "Areas: baseball outfield\nNotice: sent 2003-07-14",
            Categories = ["Chemical", "Summer"],
            Url = new Uri("https://fieldcontracts.example/contracts/2685/occurrences/42"),
        };

        var lines = Ics.FirstEvent(Ics.Write(Ics.Feed(e)));

        Assert.Equal(@"Hartford Public High School\, 55 Forest Street\, Hartford\, CT 06105", Ics.Value(lines, "LOCATION"));
        Assert.Equal("41.7662;-72.6975", Ics.Value(lines, "GEO"));
        Assert.Equal(@"Areas: baseball outfield\nNotice: sent 2003-07-14", Ics.Value(lines, "DESCRIPTION"));
        Assert.Equal("Chemical,Summer", Ics.Value(lines, "CATEGORIES"));
        Assert.Equal("https://fieldcontracts.example/contracts/2685/occurrences/42", Ics.Value(lines, "URL"));
    }

    [Fact]
    public void Write_OptionalDetailsNotGiven_AreLeftOut()
    {
        var lines = Ics.FirstEvent(Ics.Write(Ics.Feed(Ics.Event("mow@fieldcontracts", July15))));

        Assert.DoesNotContain(lines, l => l.Split(':', ';')[0] is "LOCATION" or "GEO" or "DESCRIPTION" or "CATEGORIES" or "URL" or "TRANSP");
    }

    [Fact]
    public void Write_TransparentEvent_IsTranspTransparent()
    {
        var e = Ics.Event("mow@fieldcontracts", July15) with { Transparent = true };

        var lines = Ics.FirstEvent(Ics.Write(Ics.Feed(e)));

        Assert.Equal("TRANSPARENT", Ics.Value(lines, "TRANSP"));
    }

    [Fact]
    public void Write_SameFeedTwice_IsByteIdentical()
    {
        var feed = HartfordFeed.Build();

        var first = Ics.Write(feed);
        var second = IcsWriter.ToArray(feed);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Write_EqualFeedsBuiltSeparately_AreByteIdentical()
    {
        Assert.Equal(IcsWriter.ToArray(HartfordFeed.Build()), IcsWriter.ToArray(HartfordFeed.Build()));
    }

    [Fact]
    public async Task WriteAsync_ToAStream_WritesTheSameBytesAsToABuffer()
    {
        var feed = HartfordFeed.Build(repeat: 30);
        using var stream = new MemoryStream();

        await IcsWriter.WriteAsync(feed, stream, CancellationToken.None);

        Assert.Equal(IcsWriter.ToArray(feed), stream.ToArray());
    }

    [Fact]
    public void Write_ToAStream_WritesTheSameBytesAsToABuffer()
    {
        var feed = HartfordFeed.Build(repeat: 30);
        using var stream = new MemoryStream();

        IcsWriter.Write(feed, stream);

        Assert.Equal(IcsWriter.ToArray(feed), stream.ToArray());
    }

    [Fact]
    public void Feed_TwoEventsWithOneUid_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => Ics.Feed(Ics.Event("mow@fieldcontracts", July15), Ics.Event("mow@fieldcontracts", July15)));
    }

    [Fact]
    public void Feed_RefreshIntervalWithFractionOfASecond_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new CalendarFeed("Bid #2685", Ics.NewYork, Duration.FromMilliseconds(1500), []));
    }

    /// <summary>Every physical line is at most 75 octets and whole UTF-8 on its own.</summary>
    internal static void AssertWellFolded(byte[] ics)
    {
        var start = 0;
        for (var i = 0; i + 1 < ics.Length; i++)
        {
            if (ics[i] == '\r' && ics[i + 1] == '\n')
            {
                var line = ics.AsSpan(start, i - start);
                Assert.True(line.Length <= 75, $"line of {line.Length} octets: {Encoding.UTF8.GetString(line)}");
                StrictUtf8.GetString(line);
                start = i + 2;
            }
        }

        Assert.Equal(ics.Length, start);
    }
}
