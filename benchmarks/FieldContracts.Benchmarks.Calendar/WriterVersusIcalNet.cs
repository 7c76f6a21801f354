using System.Buffers;
using BenchmarkDotNet.Attributes;
using FieldContracts.Scheduling.Calendar;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using NodaTime;

namespace FieldContracts.Benchmarks.Calendar;

/// <summary>
/// The same 5,000-event feed written by our writer and by Ical.Net 5's serializer, side by side in one run: Ical.Net
/// given its calendar already built (its best case), and building it from the feed's events first (what serving a
/// feed with it would take). Decides whether the writer stays our own (docs/decisions/0001).
/// </summary>
[MemoryDiagnoser]
public class WriterVersusIcalNet
{
    private CalendarFeed _feed = null!;
    private ArrayBufferWriter<byte> _buffer = null!;
    private Ical.Net.Calendar _built = null!;

    [GlobalSetup]
    public void Setup()
    {
        _feed = SampleFeed.Build(RenderCalendar.EventCount);
        _buffer = new ArrayBufferWriter<byte>(4 * 1024 * 1024);
        _built = Build(_feed);
    }

    [Benchmark(Baseline = true, Description = "IcsWriter")]
    public int Ours()
    {
        _buffer.ResetWrittenCount();
        IcsWriter.Write(_feed, _buffer);
        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "Ical.Net, calendar built")]
    public int IcalNetSerialize() => new CalendarSerializer().SerializeToString(_built)!.Length;

    [Benchmark(Description = "Ical.Net, build + serialize")]
    public int IcalNetBuildAndSerialize() => new CalendarSerializer().SerializeToString(Build(_feed))!.Length;

    private static Ical.Net.Calendar Build(CalendarFeed feed)
    {
        var zone = feed.Zone.Id;
        var calendar = new Ical.Net.Calendar { ProductId = "-//FieldContracts//Feed//EN" };
        calendar.AddTimeZone(zone);
        foreach (var e in feed.Events)
        {
            var ev = new Ical.Net.CalendarComponents.CalendarEvent
            {
                Uid = e.Uid, Summary = e.Summary, Location = e.Location, Description = e.Description, Sequence = e.Sequence,
                DtStamp = new CalDateTime(e.Stamp.ToDateTimeUtc(), "UTC"),
                LastModified = new CalDateTime(e.LastModified.ToDateTimeUtc(), "UTC"),
            };
            switch (e.Timing)
            {
                case EventTiming.AllDay days:
                    ev.DtStart = new CalDateTime(days.Start.ToDateOnly());
                    ev.DtEnd = new CalDateTime(days.EndExclusive.ToDateOnly());
                    break;
                case EventTiming.Timed timed:
                    var start = timed.StartIn(feed.Zone);
                    ev.DtStart = new CalDateTime(start.LocalDateTime.ToDateTimeUnspecified(), zone);
                    ev.DtEnd = new CalDateTime(start.Plus(timed.Duration).LocalDateTime.ToDateTimeUnspecified(), zone);
                    break;
            }

            calendar.Events.Add(ev);
        }

        return calendar;
    }
}
