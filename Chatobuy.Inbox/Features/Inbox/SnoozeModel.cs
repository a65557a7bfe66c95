namespace Chatobuy.Inbox.Features.Inbox;

/// <summary>A day and a time of day, in the agent's time zone, to snooze a conversation until.</summary>
public sealed class SnoozeModel
{
    public DateTime? Day { get; set; }

    public TimeSpan? Time { get; set; }

    /// <summary>The moment chosen; null until both parts are filled in.</summary>
    public DateTimeOffset? At(TimeZoneInfo zone) =>
        Day is { } day && Time is { } time ? SnoozePresets.At(DateOnly.FromDateTime(day), TimeOnly.FromTimeSpan(time), zone) : null;
}
