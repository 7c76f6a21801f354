using NodaTime;

namespace FieldContracts.Web.Infrastructure;

/// <summary>The one time zone every contract day is reckoned in.</summary>
public static class Hartford
{
    public static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["America/New_York"];
}
