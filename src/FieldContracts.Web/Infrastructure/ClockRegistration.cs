using NodaTime;
using NodaTime.Text;

namespace FieldContracts.Web.Infrastructure;

/// <summary>
/// A clock that runs at the real rate but starts from a configured day, so a demonstration can live
/// inside the 2003–2004 term of contract #2685. Configured by <c>Clock:Today</c>; never in tests,
/// which inject a fixed clock, and not in production unless someone sets it.
/// </summary>
public sealed class ShiftedClock(IClock inner, Duration offset) : IClock
{
    public Duration Offset { get; } = offset;

    public Instant GetCurrentInstant() => inner.GetCurrentInstant() + Offset;
}

public static class ClockRegistration
{
    public static IServiceCollection AddContractClock(this IServiceCollection services, IConfiguration configuration)
    {
        var today = configuration["Clock:Today"];
        services.AddSingleton<IClock>(_ =>
        {
            if (string.IsNullOrWhiteSpace(today))
            {
                return SystemClock.Instance;
            }

            var parsed = LocalDatePattern.Iso.Parse(today);
            if (!parsed.Success)
            {
                throw new InvalidOperationException($"Clock:Today must be a date like 2003-07-10; got '{today}'.");
            }

            var now = SystemClock.Instance.GetCurrentInstant().InZone(Hartford.Zone);
            var target = parsed.Value.At(now.TimeOfDay).InZoneLeniently(Hartford.Zone).ToInstant();
            return new ShiftedClock(SystemClock.Instance, target - now.ToInstant());
        });
        services.AddSingleton(provider => new ZonedClock(provider.GetRequiredService<IClock>(), Hartford.Zone, CalendarSystem.Iso));
        return services;
    }
}
