using System.Globalization;

namespace Chatobuy.Inbox.Components.Shared;

/// <summary>
/// How every page writes a moment, in the current culture's patterns: relative within the hour ("just now",
/// "5 min ago"), the time of day for the rest of today ("14:05"), the day and month this year ("2 Dec"), a short date
/// before that. <see cref="Full"/> gives the exact date and time for a tooltip.
/// </summary>
public static class Dates
{
    public static string Short(DateTimeOffset at, DateTimeOffset now, TimeZoneInfo zone, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var today = TimeZoneInfo.ConvertTime(now, zone);
        var ago = now - at;
        if (ago >= TimeSpan.Zero && ago < TimeSpan.FromMinutes(1))
        {
            return "just now";
        }

        if (ago >= TimeSpan.Zero && ago < TimeSpan.FromHours(1))
        {
            return $"{(int)ago.TotalMinutes} min ago";
        }

        if (local.Date == today.Date)
        {
            return Time(at, zone, culture);
        }

        return local.Year == today.Year
            ? local.ToString(AbbreviatedMonthDay(culture), culture)
            : local.ToString("d", culture);
    }

    /// <summary>The time of day alone (chat bubbles, under a day separator).</summary>
    public static string Time(DateTimeOffset at, TimeZoneInfo zone, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        return TimeZoneInfo.ConvertTime(at, zone).ToString("t", culture);
    }

    /// <summary>A day: "Today", "Yesterday", else the culture's long date.</summary>
    public static string Day(DateOnly day, DateTimeOffset now, TimeZoneInfo zone, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        return day == today ? "Today" : day == today.AddDays(-1) ? "Yesterday" : day.ToString("D", culture);
    }

    /// <summary>The exact date and time, for a tooltip.</summary>
    public static string Full(DateTimeOffset at, TimeZoneInfo zone, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        return TimeZoneInfo.ConvertTime(at, zone).ToString("g", culture);
    }

    /// <summary>The culture's month-day pattern with the month abbreviated ("MMMM d" → "MMM d", "d MMMM" → "d MMM").</summary>
    private static string AbbreviatedMonthDay(CultureInfo culture)
    {
        var pattern = culture.DateTimeFormat.MonthDayPattern;
        return pattern.Contains("MMMM", StringComparison.Ordinal) ? pattern.Replace("MMMM", "MMM", StringComparison.Ordinal) : pattern;
    }
}
