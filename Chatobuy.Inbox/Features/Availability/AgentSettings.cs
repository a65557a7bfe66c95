namespace Chatobuy.Inbox.Features.Availability;

/// <summary>One agent's availability as they chose it, when they were last active or signed out, and their notification sound.</summary>
public sealed class AgentSettings
{
    public string UserId { get; set; } = "";

    /// <summary>What the agent chose in the top bar; Offline is shown anyway once they sign out or stay idle.</summary>
    public AvailabilityStatus Chosen { get; set; } = AvailabilityStatus.Online;

    public DateTimeOffset? LastActiveAt { get; set; }

    public DateTimeOffset? SignedOutAt { get; set; }

    /// <summary>Play a short sound with each new notification.</summary>
    public bool NotificationSound { get; set; }

    /// <summary>
    /// What others see at <paramref name="now"/>: Offline after signing out (until active again) or after
    /// <paramref name="idle"/> without activity; otherwise what the agent chose.
    /// </summary>
    public AvailabilityStatus ShownAt(DateTimeOffset now, TimeSpan idle) =>
        LastActiveAt is not { } active || (SignedOutAt is { } signedOut && signedOut >= active) || now - active >= idle
            ? AvailabilityStatus.Offline
            : Chosen;
}
