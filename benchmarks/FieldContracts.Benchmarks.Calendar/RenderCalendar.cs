using System.Buffers;
using BenchmarkDotNet.Attributes;
using FieldContracts.Scheduling.Calendar;

namespace FieldContracts.Benchmarks.Calendar;

/// <summary>
/// Renders a 5,000-event feed. The target is at least 500,000 events a second on one core, allocating less
/// than the size of the output.
/// </summary>
[MemoryDiagnoser]
public class RenderCalendar
{
    public const int EventCount = 5_000;

    private CalendarFeed _feed = null!;
    private ArrayBufferWriter<byte> _buffer = null!;

    /// <summary>Octets of the rendered feed, shown beside the allocations.</summary>
    public static long OutputBytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _feed = SampleFeed.Build(EventCount);
        _buffer = new ArrayBufferWriter<byte>(4 * 1024 * 1024);
        IcsWriter.Write(_feed, _buffer);
        OutputBytes = _buffer.WrittenCount;
        File.WriteAllText(OutputBytesColumn.FilePath, OutputBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Benchmark(Baseline = true, Description = "IBufferWriter (reused)")]
    public int ToBufferWriter()
    {
        _buffer.ResetWrittenCount();
        IcsWriter.Write(_feed, _buffer);
        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "Stream (sync)")]
    public void ToStream() => IcsWriter.Write(_feed, Stream.Null);

    [Benchmark(Description = "Stream (async)")]
    public Task ToStreamAsync() => IcsWriter.WriteAsync(_feed, Stream.Null);
}
