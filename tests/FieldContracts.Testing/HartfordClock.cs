using NodaTime;
using NodaTime.Testing;

namespace FieldContracts.Testing;

/// <summary>NodaTime.Testing's <see cref="FakeClock"/> standing still at a Hartford wall-clock time until a test moves it.</summary>
public static class HartfordClock
{
    public static FakeClock At(LocalDateTime local) =>
        new(local.InZoneStrictly(DateTimeZoneProviders.Tzdb["America/New_York"]).ToInstant());
}
