using NodaTime;

namespace FieldContracts.Testing;

/// <summary>A clock that stands still until a test moves it.</summary>
public sealed class FakeClock(Instant now) : IClock
{
    private Instant _now = now;

    public static FakeClock At(LocalDateTime local) =>
        new(local.InZoneStrictly(DateTimeZoneProviders.Tzdb["America/New_York"]).ToInstant());

    public Instant GetCurrentInstant() => _now;

    public void Advance(Duration by) => _now += by;

    public void Set(Instant to) => _now = to;
}
