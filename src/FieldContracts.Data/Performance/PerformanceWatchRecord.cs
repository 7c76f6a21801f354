using FieldContracts.Administration.Performance;
using NodaTime;

namespace FieldContracts.Data.Performance;

/// <summary>
/// A contract's own watch rule (when the register suggests a performance case), as Purchasing set it; a contract without
/// one uses <see cref="PerformanceWatchSettings.Default"/>.
/// </summary>
public sealed class PerformanceWatchRecord
{
    public Guid ContractId { get; set; }

    public int UpheldThreshold { get; set; }

    public int WindowDays { get; set; }

    public bool AnyApplicationWithoutNotice { get; set; }

    public string ChangedBy { get; set; } = "";

    public Instant ChangedAt { get; set; }

    public PerformanceWatchSettings ToSettings() => new(UpheldThreshold, WindowDays, AnyApplicationWithoutNotice);
}
