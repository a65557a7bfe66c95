namespace Chatobuy.Inbox.Features.Inbox;

/// <summary>
/// The moments the snooze menu offers, in the agent's time zone: in an hour, tomorrow at 9:00, next Monday at 9:00, or a
/// day and time the agent picks.
/// </summary>
public static class SnoozePresets
{
    private static readonly TimeOnly Morning = new(9, 0);

    public static DateTimeOffset InAnHour(DateTimeOffset now) => now.AddHours(1);

    public static DateTimeOffset TomorrowMorning(DateTimeOffset now, TimeZoneInfo zone) =>
        At(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime).AddDays(1), Morning, zone);

    /// <summary>Monday of next week at 9:00 (a week on Monday when today is Monday).</summary>
    public static DateTimeOffset NextWeek(DateTimeOffset now, TimeZoneInfo zone)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var days = ((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7;
        return At(today.AddDays(days == 0 ? 7 : days), Morning, zone);
    }

    /// <summary>A wall-clock day and time in <paramref name="zone"/> as a moment.</summary>
    public static DateTimeOffset At(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // A time skipped by a clock change: the same wall time an hour later exists.
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
