using System.Globalization;
using NodaTime;

namespace FieldContracts.Scheduling.Calendar;

/// <summary>RFC 5545 value formats (section 3.3), written as ASCII into a span.</summary>
internal static class IcsFormat
{
    /// <summary>DATE: <c>yyyyMMdd</c>.</summary>
    public static int Date(Span<byte> to, LocalDate date)
    {
        if (date.Year is < 1 or > 9999)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, "iCalendar dates have four-digit years.");
        }

        Digits(to, date.Year, 4);
        Digits(to[4..], date.Month, 2);
        Digits(to[6..], date.Day, 2);
        return 8;
    }

    /// <summary>DATE-TIME in local ("floating" or TZID) form: <c>yyyyMMddTHHmmss</c>; fractions of a second are dropped.</summary>
    public static int LocalDateTime(Span<byte> to, LocalDateTime value)
    {
        Date(to, value.Date);
        to[8] = (byte)'T';
        Digits(to[9..], value.Hour, 2);
        Digits(to[11..], value.Minute, 2);
        Digits(to[13..], value.Second, 2);
        return 15;
    }

    /// <summary>DATE-TIME in UTC: <c>yyyyMMddTHHmmssZ</c>.</summary>
    public static int Utc(Span<byte> to, Instant value)
    {
        LocalDateTime(to, value.InUtc().LocalDateTime);
        to[15] = (byte)'Z';
        return 16;
    }

    /// <summary>UTC-OFFSET (section 3.3.14): <c>+HHMM</c> or <c>-HHMMSS</c>; zero is <c>+0000</c>.</summary>
    public static int Offset(Span<byte> to, Offset offset)
    {
        var seconds = offset.Seconds;
        to[0] = seconds < 0 ? (byte)'-' : (byte)'+';
        seconds = Math.Abs(seconds);
        Digits(to[1..], seconds / 3600, 2);
        Digits(to[3..], seconds / 60 % 60, 2);
        if (seconds % 60 == 0)
        {
            return 5;
        }

        Digits(to[5..], seconds % 60, 2);
        return 7;
    }

    /// <summary>
    /// DURATION (section 3.3.6) of whole seconds, e.g. <c>PT1H</c>, <c>P1D</c>, <c>PT1H0M30S</c>: the grammar
    /// lets no unit be skipped between the first and last written.
    /// </summary>
    public static string Duration(Duration duration)
    {
        if (duration < NodaTime.Duration.Zero || duration.SubsecondNanoseconds != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "Only non-negative whole seconds are written.");
        }

        var total = (long)duration.TotalSeconds;
        if (total == 0)
        {
            return "PT0S";
        }

        var days = total / 86400;
        var hours = total / 3600 % 24;
        var minutes = total / 60 % 60;
        var seconds = total % 60;
        var text = new System.Text.StringBuilder("P");
        var inv = CultureInfo.InvariantCulture;
        if (days > 0)
        {
            text.Append(inv, $"{days}D");
        }

        if (hours + minutes + seconds > 0)
        {
            text.Append('T');
            if (hours > 0)
            {
                text.Append(inv, $"{hours}H");
            }

            if (minutes > 0 || (hours > 0 && seconds > 0))
            {
                text.Append(inv, $"{minutes}M");
            }

            if (seconds > 0)
            {
                text.Append(inv, $"{seconds}S");
            }
        }

        return text.ToString();
    }

    private static void Digits(Span<byte> to, int value, int width)
    {
        for (var i = width - 1; i >= 0; i--)
        {
            to[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }
}
